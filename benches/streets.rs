//! Street map speed: the Helsinki walk (`data/trips/helsinki-walk-2024.json`, 6 stops) drawn
//! at 960 px on the bundled street basemap fixture, from the trip's bytes to `map.svg` and the
//! GeoJSON layers in memory (`pipeline::render`), opening the archive each time as the CLI
//! does. Target: the whole `tripmap render --basemap` process under 100 ms (README).
//!
//! Run: `cargo bench --bench streets`.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use tripmap::io::{Format, read};
use tripmap::pipeline::{RenderOptions, render};
use tripmap::scene::StreetBasemap;

const WALK: &[u8] = include_bytes!("../data/trips/helsinki-walk-2024.json");
const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/tiles/helsinki.pmtiles"
);

fn bench(c: &mut Criterion) {
    c.bench_function(
        "streets: Helsinki walk at 960 px, archive opened, all outputs",
        |b| {
            b.iter(|| {
                let mut options = RenderOptions::default();
                options.map = options
                    .map
                    .clone()
                    .with_basemap(StreetBasemap::open(FIXTURE).unwrap());
                let itinerary = read(black_box(WALK), Format::Json).unwrap();
                black_box(render(&itinerary, &options).unwrap())
            })
        },
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
