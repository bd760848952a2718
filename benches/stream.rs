//! Stream mode throughput on one core: JSON Lines in, result lines out, through
//! `tripmap::stream::run` with one worker (`--jobs 1`) and the outputs inline (no disk).
//!
//! - `stream/geojson_only`: trips per second with only the GeoJSON layers;
//! - `stream/svg_geojson`: maps per second (the GeoJSON layers and `map.svg`);
//!
//! each on the bundled JSON trips (the reference trip, the Pacific tour, the Helsinki walk and
//! Route 66 by place names) and on trips from `examples/gen_trips.rs` (capitals, 2 to 40 stops).
//!
//! Run: `cargo bench --bench stream`.

#[path = "../examples/gen_trips.rs"]
#[allow(dead_code)]
mod gen_trips;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use serde_json::Value;
use std::hint::black_box;
use tripmap::render::OutputFormat;
use tripmap::stream::{StreamOptions, Task, run};

const BUNDLED: [&str; 4] = [
    include_str!("../data/trips/blinken-2023-11.json"),
    include_str!("../data/trips/pacific-2024.json"),
    include_str!("../data/trips/helsinki-walk-2024.json"),
    include_str!("../data/trips/route66-by-name.json"),
];

/// `n` lines cycling through the bundled trips, each with its own id.
fn bundled_lines(n: usize) -> Vec<u8> {
    let mut out = Vec::new();
    for i in 0..n {
        let mut trip: Value = serde_json::from_str(BUNDLED[i % BUNDLED.len()]).expect("JSON");
        trip["id"] = Value::from(format!("b-{i}"));
        out.extend(trip.to_string().bytes());
        out.push(b'\n');
    }
    out
}

/// `n` generated trips, no bad lines.
fn generated_lines(n: usize) -> Vec<u8> {
    let mut out = Vec::new();
    gen_trips::generate(n, 3, 0.0, &mut out).expect("in memory");
    out
}

/// One worker, inline outputs of `formats`.
fn options(formats: &[OutputFormat]) -> StreamOptions {
    let mut o = StreamOptions::default();
    o.jobs = 1;
    o.window = 16;
    o.task = Task::Render {
        out_dir: None,
        inline: true,
    };
    o.render.formats = formats.to_vec();
    o
}

fn bench_stream(c: &mut Criterion) {
    let cases = [
        ("geojson_only", &[OutputFormat::GeoJson][..], 400),
        (
            "svg_geojson",
            &[OutputFormat::GeoJson, OutputFormat::Svg][..],
            40,
        ),
    ];
    for (name, formats, n) in cases {
        let mut group = c.benchmark_group(format!("stream/{name}"));
        group.sample_size(10);
        group.throughput(Throughput::Elements(n as u64));
        let options = options(formats);
        for (input_name, input) in [
            ("bundled", bundled_lines(n)),
            ("generated", generated_lines(n)),
        ] {
            group.bench_function(input_name, |b| {
                b.iter(|| {
                    let mut out = Vec::with_capacity(1 << 20);
                    let tally = run(&input[..], &mut out, &options).expect("in memory");
                    assert_eq!(tally.failed, 0);
                    black_box(out.len())
                })
            });
        }
        group.finish();
    }
}

criterion_group!(benches, bench_stream);
criterion_main!(benches);
