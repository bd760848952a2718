//! Solver benchmarks (small, so `cargo bench` stays quick): exact Held–Karp on 13 nodes, the
//! 2-opt + Or-opt local optimum of 1,000 and 10,000 random stops, and a fixed number of kicks on
//! TSPLIB gr202. Quality against the proven TSPLIB optima is `examples/tsplib_table.rs`.
//!
//! Run: `cargo bench --bench tsp`.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;
use tripmap::model::LonLat;
use tripmap::routing::tsp::{Options, Problem, held_karp, solve, tsplib};

const GR202: &str = include_str!("data/tsplib/gr202.tsp");

fn random_stops(n: usize) -> Vec<LonLat> {
    let mut rng = fastrand::Rng::with_seed(42);
    (0..n)
        .map(|_| {
            LonLat::new(rng.f64() * 360.0 - 180.0, rng.f64() * 140.0 - 70.0).expect("in range")
        })
        .collect()
}

fn local_only() -> Options {
    Options {
        seed: 0,
        time_limit: Duration::from_secs(60),
        max_iterations: 0,
    }
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("tsp");
    g.sample_size(10);
    let p13 = Problem::geodesic(&random_stops(13)).start(0);
    g.bench_function("held_karp_13", |b| b.iter(|| held_karp(black_box(&p13))));
    let p1k = Problem::geodesic(&random_stops(1_000)).start(0);
    g.bench_function("local_optimum_1k", |b| {
        b.iter(|| solve(black_box(&p1k), &local_only()))
    });
    let p10k = Problem::geodesic(&random_stops(10_000)).start(0);
    g.bench_function("local_optimum_10k", |b| {
        b.iter(|| solve(black_box(&p10k), &local_only()))
    });
    let gr202 = tsplib::parse(GR202).expect("gr202 parses").problem();
    let kicks = Options {
        seed: 0,
        time_limit: Duration::from_secs(60),
        max_iterations: 20_000,
    };
    g.bench_function("gr202_20k_kicks", |b| {
        b.iter(|| solve(black_box(&gr202), &kicks))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
