//! Several trips on one map (`tripmap render a.json b.json --together`): one folder with one
//! map, each trip its own colour and named in the legend, a stop both trips visit drawn once
//! with both numbers; the layers carry `trip` and `day` with the same GDAL types as a single
//! trip's; the KML has a folder per trip, holding a folder per day.

mod common;
use common::*;

const SPRING: &str = "tests/fixtures/together/spring-alps.json";
const AUTUMN: &str = "tests/fixtures/together/autumn-alps.json";

fn render_together(dir: &std::path::Path) {
    let o = tripmap(&[
        "render",
        SPRING,
        AUTUMN,
        "--together",
        "--timeline",
        "-o",
        dir.to_str().unwrap(),
        "--format",
        "geojson,svg,kml,gpkg",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn two_trips_share_one_map_and_one_marker_where_they_meet() {
    let dir = tempfile::tempdir().unwrap();
    render_together(dir.path());
    let svg = read_text(&dir.path().join("map.svg"));
    assert!(svg.contains("<title id=") && svg.contains("Spring tour and Autumn tour"));
    // Geneva: stop 3 of the spring tour and stop 4 (the autumn tour's first) are one marker.
    assert_eq!(
        svg.matches("data-stop=\"3 4\"").count(),
        2,
        "marker and label"
    );
    assert!(svg.contains(">3,4<"));
    // Each trip in its colour, named in the legend and heading its timeline section.
    for name in ["Spring tour", "Autumn tour"] {
        assert!(svg.contains(&format!(">{name}<")), "{name} in the legend");
        assert!(
            svg.contains(&format!(">{name}: local dates, 2024<")),
            "{name} section"
        );
    }
    // The second trip's marker style: a ring around its markers (Milan, Venice; Geneva is the
    // first trip's) and around its legend sample.
    assert_eq!(svg.matches("-trip-ring\"").count(), 3);
    let light = tripmap::scene::colour::palette::CATEGORICAL_LIGHT;
    assert!(
        svg.contains(&format!("fill:{}", light[0])) && svg.contains(&format!("fill:{}", light[1]))
    );
}

#[test]
fn layers_carry_trip_and_day_typed_as_for_one_trip() {
    let dir = tempfile::tempdir().unwrap();
    render_together(dir.path());
    let stops = read_json(&dir.path().join("stops.geojson"));
    let props: Vec<(String, String)> = stops["features"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let p = &f["properties"];
            (
                p["trip"].as_str().unwrap().into(),
                p["day"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert_eq!(props[0], ("Spring tour".into(), "2024-04-02".into()));
    assert_eq!(props[3], ("Autumn tour".into(), "2024-10-10".into()));
    let legs = read_json(&dir.path().join("legs.geojson"));
    let legs = legs["features"].as_array().unwrap();
    assert_eq!(legs.len(), 4, "no leg joins the two trips");
    assert_eq!(legs[2]["properties"]["trip"], "Autumn tour");
    assert_eq!(legs[2]["properties"]["day"], "2024-10-10");
    // The same types in GDAL as a single trip's layers.
    let single = tempfile::tempdir().unwrap();
    render_ok(SPRING, single.path(), &["--format", "geojson,gpkg"]);
    for file in ["stops.geojson", "legs.geojson", "trip.gpkg"] {
        let types = |dir: &std::path::Path| -> Vec<String> {
            ogrinfo(&["-so"], &dir.join(file))
                .lines()
                .filter(|l| l.starts_with("day:") || l.starts_with("trip:"))
                .map(str::to_string)
                .collect()
        };
        let (both, one) = (types(dir.path()), types(single.path()));
        assert!(!both.is_empty(), "{file}");
        assert_eq!(both, one, "{file}");
        assert!(
            both.iter().any(|l| l.starts_with("day: Date")),
            "{file}: {both:?}"
        );
    }
}

#[test]
fn the_kml_has_a_folder_per_trip() {
    // Each trip's folder holds its days (`tests/kml_folders.rs` checks them one by one).
    let dir = tempfile::tempdir().unwrap();
    render_together(dir.path());
    let kml = read_text(&dir.path().join("trip.kml"));
    let doc = roxmltree::Document::parse(&kml).unwrap();
    let top: Vec<String> = doc
        .root_element()
        .children()
        .find(|n| n.has_tag_name("Document"))
        .unwrap()
        .children()
        .filter(|n| n.has_tag_name("Folder"))
        .map(|f| {
            let name = f.children().find(|c| c.has_tag_name("name")).unwrap();
            let marks = f
                .descendants()
                .filter(|c| c.has_tag_name("Placemark"))
                .count();
            let days = f.children().filter(|c| c.has_tag_name("Folder")).count();
            format!("{}: {marks} in {days} days", name.text().unwrap())
        })
        .collect();
    assert_eq!(
        top,
        ["Spring tour: 5 in 3 days", "Autumn tour: 5 in 2 days"]
    );
}

#[test]
fn an_error_names_the_trip_file_it_is_in() {
    let (dir, bad) = temp_file(
        "bad.json",
        r#"{"stops": [{"name": "X", "lat": 100, "lon": 0}]}"#,
    );
    let o = tripmap(&[
        "render",
        SPRING,
        bad.to_str().unwrap(),
        "--together",
        "-o",
        dir.path().join("out").to_str().unwrap(),
    ]);
    assert!(!o.status.success());
    assert_stderr_has(&o, "bad.json");
    let o = tripmap(&["render", SPRING, AUTUMN, "--together", "--stdout", "svg"]);
    assert_eq!(o.status.code(), Some(2));
}

/// The README's library example for `--timeline`, `--colour-by` and several trips.
#[test]
fn readme_library_example_runs() -> Result<(), tripmap::Error> {
    use tripmap::scene::{ColourBy, MapOptions};
    let json = br#"{"title": "Two capitals", "stops": [
    {"name": "Amman", "lat": 31.9539, "lon": 35.9106, "arrive": "2023-11-04"},
    {"name": "Baghdad", "lat": 33.3152, "lon": 44.3661, "arrive": "2023-11-05T19:00", "tz": "Asia/Baghdad"}
]}"#;
    let itinerary = tripmap::io::read(json, tripmap::io::Format::Json)?;
    let route = tripmap::routing::plan(&itinerary, tripmap::routing::Order::Time)?;
    let mut options = MapOptions::default();
    options.timeline = true;
    options.colour_by = Some(ColourBy::Day);
    let scene = tripmap::scene::build(&route, &options)?;
    assert!(scene.layers.iter().any(|l| l.name == "timeline"));
    let both = tripmap::routing::together(vec![
        ("First".into(), route.clone()),
        ("Second".into(), route),
    ])?;
    assert_eq!(both.trips, ["First", "Second"]);
    Ok(())
}
