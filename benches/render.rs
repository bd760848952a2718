//! Render benchmarks: the reference trip and a generated 1,000-stop trip, from bytes to every
//! output file in memory (`pipeline::render`, GeoJSON layers and `map.svg`), plus the stages on
//! their own (planning; the map: scene building and SVG writing).
//!
//! Run: `cargo bench --bench render`.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use tripmap::io::{Format, read};
use tripmap::pipeline::{RenderOptions, render};
use tripmap::render::svg;
use tripmap::routing::{Order, plan};
use tripmap::scene::{self, MapOptions};

const REFERENCE: &[u8] = include_bytes!("../data/trips/blinken-2023-11.json");

/// `n` stops as CSV from the 64-bit LCG seeded `seed`, at latitudes `lat0 + r * lat_span` and
/// longitudes `lon0 + r * lon_span`, `per_day` to a date from 2024-01-01 (as
/// `scripts/large_trips.py` writes them).
fn generated(
    n: usize,
    seed: u64,
    (lat0, lat_span): (f64, f64),
    (lon0, lon_span): (f64, f64),
    per_day: usize,
) -> Vec<u8> {
    let mut state = seed;
    let mut next = || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 11) as f64 / (1u64 << 53) as f64
    };
    let start = jiff::civil::date(2024, 1, 1);
    let mut csv = String::from("name,lat,lon,arrive\n");
    for i in 0..n {
        let lat = lat0 + next() * lat_span;
        let lon = lon0 + next() * lon_span;
        let day = start
            .checked_add(jiff::Span::new().days((i / per_day) as i64))
            .expect("a date in range");
        csv.push_str(&format!("Stop {i},{lat:.5},{lon:.5},{day}\n"));
    }
    csv.into_bytes()
}

/// A deterministic 1,000-stop trip spread over the world (a simple LCG, no RNG crate needed).
fn thousand_stops() -> Vec<u8> {
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 11) as f64 / (1u64 << 53) as f64
    };
    let mut csv = String::from("name,lat,lon,arrive\n");
    for i in 0..1000 {
        let lat = next() * 140.0 - 70.0;
        let lon = next() * 360.0 - 180.0;
        let day = 1 + i / 40;
        csv.push_str(&format!("Stop {i},{lat:.5},{lon:.5},2024-01-{day:02}\n"));
    }
    csv.into_bytes()
}

fn benches(c: &mut Criterion) {
    let options = RenderOptions::default();
    c.bench_function("reference trip: bytes to all outputs", |b| {
        b.iter(|| {
            let it = read(black_box(REFERENCE), Format::Json).unwrap();
            render(&it, &options).unwrap()
        })
    });
    let it = read(REFERENCE, Format::Json).unwrap();
    c.bench_function("reference trip: plan (legs, densified geodesics)", |b| {
        b.iter(|| plan(black_box(&it), Order::Time).unwrap())
    });
    let route = plan(&it, Order::Time).unwrap();
    let map = MapOptions::default();
    c.bench_function("reference trip: map.svg (scene + writer)", |b| {
        b.iter(|| svg::write(&scene::build(black_box(&route), &map).unwrap()))
    });
    let big = thousand_stops();
    let mut group = c.benchmark_group("1000 stops");
    group.sample_size(20);
    group.bench_function("bytes to all outputs", |b| {
        b.iter(|| {
            let it = read(black_box(&big), Format::Csv).unwrap();
            render(&it, &options).unwrap()
        })
    });
    let big_route = plan(&read(&big, Format::Csv).unwrap(), Order::Time).unwrap();
    group.bench_function("map.svg (scene + writer)", |b| {
        b.iter(|| svg::write(&scene::build(black_box(&big_route), &map).unwrap()))
    });
    group.finish();
    // Issue 20's large maps: 3,420 stops packed into Europe and 100,000 over the world.
    let europe = generated(3420, 0x9E37_79B9_7F4A_7C15, (36.0, 25.0), (-10.0, 40.0), 12);
    let world = generated(
        100_000,
        0x2545_f491_4f6c_dd1d,
        (-70.0, 140.0),
        (-180.0, 360.0),
        100_000,
    );
    for (name, csv) in [
        ("3420 stops (Europe)", europe),
        ("100000 stops (world)", world),
    ] {
        let mut group = c.benchmark_group(name);
        group.sample_size(10);
        let route = plan(&read(&csv, Format::Csv).unwrap(), Order::Time).unwrap();
        group.bench_function("map.svg (scene + writer)", |b| {
            b.iter(|| svg::write(&scene::build(black_box(&route), &map).unwrap()))
        });
        group.bench_function("bytes to all outputs", |b| {
            b.iter(|| render(&read(black_box(&csv), Format::Csv).unwrap(), &options).unwrap())
        });
        group.finish();
    }
}

criterion_group!(render_benches, benches);
criterion_main!(render_benches);
