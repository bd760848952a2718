//! Street-level basemap speed: the tiles of a 960 px walking map of central Helsinki, read
//! from the bundled PMTiles fixture, decoded, projected, clipped and simplified (4 tiles at
//! zoom 14, about 1,200 paths). Target: the whole city map process under 100 ms, of which
//! this is a part.

#[path = "../tests/tiles_common/mod.rs"]
mod tiles_common;

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use tripmap::tiles::{self, Archive, Limits, Protomaps};

fn bench(c: &mut Criterion) {
    let path = tiles_common::helsinki();
    let path = path.as_str();
    let map = tiles_common::walk_map(960.0);
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
