//! Basemap speed: decoding each bundled level and the context layer, `view` for a world map
//! (110m) and regional maps (Middle East, 10m; Japan with its admin-1 lines), and
//! `context_labels` for Japan and the Aegean.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use tripmap::basemap::{self, Detail, context_decode, data, decode};
use tripmap::model::LonLat;
use tripmap::projection::{EqualEarth, LambertConic, fit};

fn ll(lon: f64, lat: f64) -> LonLat {
    LonLat::new(lon, lat).unwrap()
}

fn bench(c: &mut Criterion) {
    for (name, bytes) in [
        ("110m", data::NE_110M),
        ("50m", data::NE_50M),
        ("10m", data::NE_10M),
    ] {
        c.bench_function(&format!("decode {name}"), |b| {
            b.iter(|| decode::decode(black_box(bytes)).unwrap())
        });
    }
    c.bench_function("decode context", |b| {
        b.iter(|| context_decode::decode_context(black_box(data::CONTEXT)).unwrap())
    });
    let world = fit(
        EqualEarth::sphere(0.0),
        &[
            ll(-179.9, 0.0),
            ll(179.9, 0.0),
            ll(0.0, -89.0),
            ll(0.0, 89.0),
        ],
        960.0,
        470.0,
        5.0,
    )
    .unwrap();
    c.bench_function("view world 110m", |b| {
        b.iter(|| basemap::view(black_box(&world), Detail::Low, Some(30.0)))
    });
    c.bench_function("view world 50m", |b| {
        b.iter(|| basemap::view(black_box(&world), Detail::Medium, None))
    });
    let conic = LambertConic::sphere(38.0, 32.0, 28.0, 36.0).unwrap();
    let region = fit(
        conic,
        &[ll(34.8, 32.1), ll(35.9, 31.95), ll(44.4, 33.3)],
        960.0,
        600.0,
        40.0,
    )
    .unwrap();
    c.bench_function("view middle east 50m", |b| {
        b.iter(|| basemap::view(black_box(&region), Detail::Medium, None))
    });
    c.bench_function("view middle east 10m", |b| {
        b.iter(|| basemap::view(black_box(&region), Detail::High, None))
    });
    context(c);
}

/// Japan at 2.1 km/px (prefecture lines drawn) and the Aegean at 0.8 km/px.
fn context(c: &mut Criterion) {
    let japan = fit(
        LambertConic::sphere(137.0, 38.0, 33.0, 43.0).unwrap(),
        &[
            ll(129.5, 31.0),
            ll(145.5, 45.5),
            ll(141.0, 31.0),
            ll(130.0, 41.0),
        ],
        960.0,
        800.0,
        10.0,
    )
    .unwrap();
    let aegean = fit(
        LambertConic::sphere(25.5, 38.0, 36.0, 40.0).unwrap(),
        &[ll(22.5, 35.2), ll(28.5, 40.8)],
        960.0,
        800.0,
        10.0,
    )
    .unwrap();
    c.bench_function("view japan 10m (with admin-1)", |b| {
        b.iter(|| basemap::view(black_box(&japan), Detail::High, None))
    });
    for (name, map) in [("japan", &japan), ("aegean", &aegean)] {
        let km = map.scale_at_centre_km_per_px().unwrap();
        c.bench_function(&format!("context labels {name}"), |b| {
            b.iter(|| basemap::context_labels(black_box(map), km))
        });
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10).measurement_time(std::time::Duration::from_secs(3));
    targets = bench
}
criterion_main!(benches);
