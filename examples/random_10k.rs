//! 10,000 (or `N`) random stops on land-sized patches of the globe, solved as `--order shortest`
//! does (haversine search above 400 stops): prints the time to a local optimum
//! (no kicks: construction and local search only) and the result after `--time-limit`.
//!
//!     cargo run --release --example random_10k [-- N SECONDS]

use std::time::{Duration, Instant};
use tripmap::model::LonLat;
use tripmap::routing::tsp::{Options, Problem, solve};
use tripmap::trig;

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let secs: f64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(3.0);
    let mut rng = fastrand::Rng::with_seed(42);
    // Points uniform on the sphere, latitude limited to ±70°.
    let points: Vec<LonLat> = (0..n)
        .map(|_| {
            loop {
                let z = rng.f64() * 2.0 - 1.0;
                let lat = trig::asin(z).to_degrees();
                if lat.abs() <= 70.0 {
                    break LonLat::new(rng.f64() * 360.0 - 180.0, lat).expect("in range");
                }
            }
        })
        .collect();
    let started = Instant::now();
    let p = Problem::geodesic(&points).start(0);
    let local = solve(
        &p,
        &Options {
            seed: 0,
            time_limit: Duration::from_secs(60),
            max_iterations: 0,
        },
    )
    .expect("solves");
    let t_local = started.elapsed().as_secs_f64();
    println!(
        "{n} stops: local optimum {:.0} km in {t_local:.3} s (local optimum reached: {})",
        local.length / 1000.0,
        local.local_optimum
    );
    let started = Instant::now();
    let opts = Options {
        seed: 0,
        time_limit: Duration::from_secs_f64(secs),
        max_iterations: u64::MAX,
    };
    let s = solve(&p, &opts).expect("solves");
    println!(
        "{n} stops: after iterated local search {:.0} km in {:.3} s ({} kicks, {:.2} % shorter)",
        s.length / 1000.0,
        started.elapsed().as_secs_f64(),
        s.iterations,
        100.0 * (local.length - s.length) / local.length
    );
}
