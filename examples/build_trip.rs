//! Builds a trip in code — no trip file, and no crate but tripmap — and writes every output.
//!
//! ```sh
//! cargo run --example build_trip -- /tmp/ferry-trip
//! ```
//!
//! Writes stops.geojson, legs.geojson, map.svg, map.png, trip.kml, trip.gpx, trip.gpkg,
//! stops.fgb, legs.fgb, map.html, map.gif and map.mp4 into the folder given (default
//! `output/build-trip-example`).

use tripmap::model::{Duration, Instant, Itinerary, Mode, Samples, Stop, Track};
use tripmap::pipeline::{RenderOptions, render};
use tripmap::render::OutputFormat;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "output/build-trip-example".into());

    // The ferry's recorded track, with a time every 15 minutes.
    let start: Instant = "2024-05-11T07:30:00Z".parse()?;
    let points = vec![
        (24.956, 60.160),
        (24.90, 59.95),
        (24.82, 59.70),
        (24.765, 59.445),
    ];
    let times = (0..points.len())
        .map(|i| Some(start + Duration::from_mins(15 * i as i64)))
        .collect();
    let ferry = Track::new(Some("Ferry".into()), points).with_samples(Samples::new(times, vec![]));

    let trip = Itinerary::builder()
        .title("Helsinki to Tartu")
        .subtitle("A spring weekend, built in code")
        .source("tripmap's build_trip example")
        .stop(
            Stop::builder("Helsinki")
                .at(24.9384, 60.1699)
                .depart("2024-05-11T10:30")
                .tz("Europe/Helsinki"),
        )
        .stop(
            Stop::builder("Tallinn")
                .at(24.7536, 59.4370)
                .arrive("2024-05-11T12:30")
                .depart("2024-05-12T10:15")
                .tz("Europe/Tallinn")
                .mode(Mode::Ferry)
                .note("Old town walk"),
        )
        // A place name instead of coordinates: `render` looks it up in the bundled gazetteer.
        .stop(
            Stop::builder("Tartu")
                .place("Tartu, Estonia")
                .arrive("2024-05-12T12:45")
                .mode(Mode::Bus)
                .property("operator", "Lux Express"),
        )
        .track(ferry)
        .build()?;

    let mut options = RenderOptions::default();
    options.formats = OutputFormat::ALL.to_vec();
    let rendered = render(&trip, &options)?;
    for w in &rendered.route.warnings {
        eprintln!("warning: {w}");
    }
    let written = tripmap::output::write_all(dir.as_ref(), &rendered.files)?;
    for path in written {
        println!("wrote {}", path.display());
    }
    Ok(())
}
