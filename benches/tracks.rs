//! Recorded-track benchmarks: a GPX with a 100,000-point and a 1,000,000-point track (generated
//! here, not stored), read and rendered to every default output (`pipeline::render`).
//!
//! Run: `cargo bench --bench tracks`.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use tripmap::io::{Format, read};
use tripmap::pipeline::{RenderOptions, render};

/// A GPX with two waypoints and one track of `n` points between them: a deterministic wandering
/// drive from Lyon to Marseille with a fix a second (an LCG for the wobble, no RNG crate).
pub fn gpx_with_track(n: usize) -> Vec<u8> {
    let (lon0, lat0, lon1, lat1) = (4.8357, 45.7640, 5.3698, 43.2965);
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut wobble = 0.0f64;
    let mut s = String::with_capacity(n * 90 + 1000);
    s.push_str("<?xml version=\"1.0\"?>\n<gpx version=\"1.1\" creator=\"bench\" xmlns=\"http://www.topografix.com/GPX/1/1\">\n");
    s.push_str("<wpt lat=\"45.7640\" lon=\"4.8357\"><time>2024-07-01T06:00:00Z</time><name>Lyon</name></wpt>\n");
    s.push_str("<wpt lat=\"43.2965\" lon=\"5.3698\"><time>2024-07-01T16:00:00Z</time><name>Marseille</name></wpt>\n");
    s.push_str("<trk><name>Drive</name><trkseg>\n");
    let t0 = jiff::Timestamp::from_second(1_719_813_600).unwrap();
    for i in 0..n {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        wobble =
            (wobble + ((state >> 11) as f64 / (1u64 << 53) as f64 - 0.5) * 0.002).clamp(-0.2, 0.2);
        let f = i as f64 / (n - 1) as f64;
        let lon = lon0 + (lon1 - lon0) * f + wobble;
        let lat = lat0 + (lat1 - lat0) * f;
        let t = t0 + jiff::SignedDuration::from_secs(i as i64 * 36_000 / n as i64);
        s.push_str(&format!(
            "<trkpt lat=\"{lat:.6}\" lon=\"{lon:.6}\"><time>{}</time></trkpt>\n",
            t.strftime("%Y-%m-%dT%H:%M:%SZ")
        ));
    }
    s.push_str("</trkseg></trk>\n</gpx>\n");
    s.into_bytes()
}

fn benches(c: &mut Criterion) {
    let options = RenderOptions::default();
    for (label, n, samples) in [("100k", 100_000, 10), ("1M", 1_000_000, 10)] {
        let gpx = gpx_with_track(n);
        let mut group = c.benchmark_group(format!("GPX track {label} points"));
        group.sample_size(samples);
        group.bench_function("read", |b| {
            b.iter(|| read(black_box(&gpx), Format::Gpx).unwrap())
        });
        let it = read(&gpx, Format::Gpx).unwrap();
        group.bench_function("render (all default outputs)", |b| {
            b.iter(|| render(black_box(&it), &options).unwrap())
        });
        group.finish();
        let r = render(&it, &options).unwrap();
        assert!(r.route.legs[0].is_recorded());
        for f in &r.files {
            eprintln!("{label}: {} is {} bytes", f.name, f.bytes.len());
        }
        let svg = r.files.iter().find(|f| f.name == "map.svg").unwrap();
        assert!(
            svg.bytes.len() < 300 * 1024,
            "map.svg must stay under 300 KiB"
        );
    }
}

criterion_group!(track_benches, benches);
criterion_main!(track_benches);
