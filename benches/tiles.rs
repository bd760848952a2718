//! Street-level basemap speed: the tiles of a 960 px walking map of central Helsinki, read
//! from the bundled PMTiles fixture, decoded, projected, clipped and simplified (4 tiles at
//! zoom 14, about 1,200 paths). Target: the whole city map process under 100 ms, of which
//! this is a part.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use tripmap::model::LonLat;
use tripmap::projection::{Bounds, Mercator, fit_bounds_min_span};
use tripmap::tiles::{self, Archive, Limits, Protomaps};

fn walk_map() -> tripmap::projection::Fitted<Mercator> {
    let stops = [
        (24.9414, 60.1710),
        (24.9470, 60.1745),
        (24.9510, 60.1790),
        (24.9522, 60.1703),
    ]
    .map(|(lon, lat)| LonLat::new(lon, lat).unwrap());
    let p = Mercator::sphere(24.947);
    let b = Bounds::of_positions(&p, &stops).unwrap();
    fit_bounds_min_span(p, b, 960.0, 720.0, 40.0, 0.0).unwrap()
}

fn bench(c: &mut Criterion) {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/tiles/helsinki.pmtiles"
    );
    let map = walk_map();
    let limits = Limits::default();
    c.bench_function("tiles: open + view, Helsinki walk at 960 px", |b| {
        b.iter(|| {
            let archive = Archive::open(path, &limits).unwrap();
            black_box(tiles::view(&archive, &map, &Protomaps).unwrap())
        })
    });
    let archive = Archive::open(path, &limits).unwrap();
    c.bench_function("tiles: view only (archive open)", |b| {
        b.iter(|| black_box(tiles::view(&archive, &map, &Protomaps).unwrap()))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
