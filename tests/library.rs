//! The library as a Rust developer meets it: a trip built in code with the builders (no `jiff`
//! named: zones by their IANA name, instants through `tripmap::model::Instant`), one `plan` that
//! looks place names up, every output in memory, and the model through serde.

mod common;
use common::*;
use tripmap::model::{Duration, Instant, Itinerary, Mode, Route, Samples, Stop, Track};
use tripmap::pipeline::{RenderOptions, render};
use tripmap::render::OutputFormat;

fn trip() -> Itinerary {
    let start: Instant = "2024-05-11T07:30:00Z".parse().unwrap();
    let points = vec![
        (24.956, 60.16),
        (24.9, 59.95),
        (24.82, 59.7),
        (24.765, 59.445),
    ];
    let times = (0..4)
        .map(|i| Some(start + Duration::from_mins(40 * i)))
        .collect();
    Itinerary::builder()
        .title("Built in code")
        .stop(
            Stop::builder("Helsinki")
                .at(24.9384, 60.1699)
                .depart("2024-05-11T10:30")
                .tz("Europe/Helsinki"),
        )
        .stop(
            Stop::builder("Tallinn")
                .at(24.7536, 59.437)
                .arrive("2024-05-11T12:30")
                .tz("Europe/Tallinn")
                .mode(Mode::Ferry),
        )
        .stop(
            Stop::builder("Tartu")
                .place("Tartu, Estonia")
                .arrive("2024-05-12")
                .mode(Mode::Bus)
                .property("operator", "Lux Express"),
        )
        .track(Track::new(None, points).with_samples(Samples::new(times, Vec::new())))
        .build()
        .unwrap()
}

#[test]
fn a_trip_built_in_code_plans_and_renders_every_output() {
    let trip = trip();
    // routing::plan needs every stop placed, and says how to get there.
    let e = tripmap::routing::plan(&trip, tripmap::routing::Order::Time).unwrap_err();
    assert!(e.to_string().contains("tripmap::plan"), "{e}");
    let route = tripmap::plan(&trip, tripmap::routing::Order::Time).unwrap();
    assert_eq!(route.legs.len(), 2);
    assert!(route.legs[0].is_recorded());
    assert_eq!(route.legs[0].samples.times.len(), route.legs[0].path.len());
    assert_eq!(route.legs[1].mode, Some(Mode::Bus));
    assert!(route.legs[1].mode.is_some_and(|m| !m.is_flight()));
    let mut options = RenderOptions::default();
    options.formats = OutputFormat::ALL.to_vec();
    let rendered = render(&trip, &options).unwrap();
    let names: Vec<&str> = rendered.files.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "stops.geojson",
            "legs.geojson",
            "map.svg",
            "map.png",
            "trip.kml",
            "trip.gpx",
            "trip.gpkg",
            "stops.fgb",
            "legs.fgb",
            "map.html",
            "map.gif",
            "map.mp4"
        ]
    );
    assert!(rendered.files.iter().all(|f| !f.bytes.is_empty()));
}

#[test]
fn the_model_goes_through_serde_and_comes_back_checked() {
    let trip = trip();
    let json = serde_json::to_string(&trip).unwrap();
    assert!(json.contains(r#""tz":"Europe/Helsinki""#), "{json}");
    assert!(json.contains(r#""depart":"2024-05-11T10:30:00""#), "{json}");
    assert!(json.contains(r#""mode":"ferry""#), "{json}");
    let back: Itinerary = serde_json::from_str(&json).unwrap();
    assert_eq!(serde_json::to_string(&back).unwrap(), json);
    let route = tripmap::plan(&trip, tripmap::routing::Order::Time).unwrap();
    let json = serde_json::to_string(&route).unwrap();
    let back: Route = serde_json::from_str(&json).unwrap();
    assert_eq!(serde_json::to_string(&back).unwrap(), json);
    // Reading checks values as the trip readers do.
    let bad_zone = json.replace("Europe/Tallinn", "Europe/Atlantis");
    assert!(serde_json::from_str::<Route>(&bad_zone).is_err());
    let bad_lat = r#"{"lon": 10.0, "lat": 95.0}"#;
    assert!(serde_json::from_str::<tripmap::model::LonLat>(bad_lat).is_err());
    assert!(serde_json::from_str::<tripmap::model::When>(r#""soon""#).is_err());
    assert!(serde_json::from_str::<Mode>(r#""hovercraft""#).is_err());
}

/// `examples/build_trip.rs` (built by `cargo test`) writes all nine files, names no crate but
/// tripmap, and its GeoPackage opens in GDAL with the three stops.
#[test]
fn the_build_trip_example_writes_every_output_without_naming_jiff() {
    let source = read_text(&root().join("examples/build_trip.rs"));
    assert!(!source.contains("jiff"), "the example names jiff");
    let exe = std::env::current_exe().unwrap();
    let example = exe
        .parent()
        .and_then(|deps| deps.parent())
        .unwrap()
        .join("examples/build_trip");
    assert!(example.exists(), "{} is missing", example.display());
    let dir = tempfile::tempdir().unwrap();
    let o = std::process::Command::new(&example)
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "legs.fgb",
            "legs.geojson",
            "map.gif",
            "map.html",
            "map.mp4",
            "map.png",
            "map.svg",
            "stops.fgb",
            "stops.geojson",
            "trip.gpkg",
            "trip.gpx",
            "trip.kml"
        ]
    );
    let info = ogrinfo(&["-so"], &dir.path().join("trip.gpkg"));
    assert!(info.contains("Feature Count: 3"), "{info}");
}
