//! Basemap speed: decoding each bundled level, and `view` for a world map (110m) and a regional
//! map (Middle East, 10m).

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use tripmap::basemap::{self, Detail, data, decode};
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
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10).measurement_time(std::time::Duration::from_secs(3));
    targets = bench
}
criterion_main!(benches);
