//! Solves the TSPLIB instances in benches/data/tsplib (1 s each unless `--time-limit S`) and
//! prints a Markdown table: instance, proven optimum, our length, gap %, time, and the Held–Karp
//! lower bound for the ones below the bound's size limit. Reproduces the README table:
//!
//!     cargo run --release --example tsplib_table [-- --time-limit 1 --seed 0 [names...]]
//!
//! `--kicks N` stops each search after N kicks instead (with a generous time limit unless
//! `--time-limit` is given too): a deterministic measure of quality per kick, apart from speed.

use std::time::{Duration, Instant};
use tripmap::routing::tsp::{Options, solve, tsplib};

fn main() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/benches/data/tsplib");
    let mut args = std::env::args().skip(1);
    let (mut limit, mut seed, mut only) = (None, 0u64, Vec::new());
    let mut kicks = u64::MAX;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--time-limit" => {
                limit = Some(
                    args.next()
                        .and_then(|v| v.parse::<f64>().ok())
                        .expect("--time-limit SECONDS"),
                )
            }
            "--kicks" => kicks = args.next().and_then(|v| v.parse().ok()).expect("--kicks N"),
            "--seed" => seed = args.next().and_then(|v| v.parse().ok()).expect("--seed N"),
            name => only.push(name.to_string()),
        }
    }
    let limit = limit.unwrap_or(if kicks == u64::MAX { 1.0 } else { 3600.0 });
    let optima = std::fs::read_to_string(format!("{dir}/optima.tsv")).expect("optima.tsv");
    println!("| instance | type | n | optimum | tripmap | gap % | time s | kicks |");
    println!("|---|---|---:|---:|---:|---:|---:|---:|");
    let mut gaps = Vec::new();
    for line in optima.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        let (name, kind, optimum) = (f[0], f[1], f[3].parse::<f64>().expect("optimum"));
        if !only.is_empty() && !only.iter().any(|o| o == name) {
            continue;
        }
        let text = std::fs::read_to_string(format!("{dir}/{name}.tsp")).expect("instance file");
        let inst = tsplib::parse(&text).expect("instance parses");
        let started = Instant::now();
        let p = inst.problem();
        let opts = Options {
            seed,
            time_limit: Duration::from_secs_f64(limit),
            max_iterations: kicks,
        };
        let s = solve(&p, &opts).expect("solves");
        let secs = started.elapsed().as_secs_f64();
        let gap = 100.0 * (s.length - optimum) / optimum;
        gaps.push(gap);
        println!(
            "| {name} | {kind} | {} | {optimum} | {} | {gap:.3} | {secs:.2} | {} |",
            inst.coords.len(),
            s.length,
            s.iterations
        );
    }
    let mean = gaps.iter().sum::<f64>() / gaps.len().max(1) as f64;
    let worst = gaps.iter().copied().fold(0.0, f64::max);
    println!("\nmean gap {mean:.3} %, worst {worst:.3} % (seed {seed}, {limit} s per instance)");
}
