//! Memory is bounded by the limits: the largest value of every option at once, under a 4 GiB
//! address-space limit (`ulimit -v`), gives a result or a clear error — never an abort, a
//! backtrace or the kernel's OOM killer.

mod common;
use common::*;
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::Output;

/// `tripmap <args>` in a shell whose address space is capped at 4 GiB.
fn tripmap_in_4_gib(args: &[&str]) -> Output {
    let bin = assert_cmd::cargo::cargo_bin("tripmap");
    std::process::Command::new("sh")
        .arg("-c")
        .arg("ulimit -v 4194304 && exec \"$0\" \"$@\"")
        .arg(bin)
        .args(args)
        .current_dir(root())
        .output()
        .unwrap()
}

/// A trip at the text limits: every field 20,000 characters long.
fn trip_at_the_text_limits(dir: &Path, stops: usize) -> String {
    let long = |c: char| c.to_string().repeat(20_000);
    let stops: Vec<String> = (0..stops)
        .map(|i| {
            let name = format!("{i:05}{}", "x".repeat(19_995));
            format!(
                r#"{{"name":"{name}","lat":{},"lon":{},"note":"{}","arrive":"2024-01-{:02}T10:00","tz":"Europe/Paris"}}"#,
                -60.0 + (i * 37 % 130) as f64,
                -170.0 + (i * 71 % 340) as f64,
                long('n'),
                1 + i % 28
            )
        })
        .collect();
    let text = format!(
        r#"{{"title":"{}","subtitle":"{}","source":"{}","stops":[{}]}}"#,
        long('T'),
        long('S'),
        long('R'),
        stops.join(",")
    );
    let path = dir.join("max.json");
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

/// Every option at its largest (`--time-limit` aside: it bounds time, not memory).
fn largest(trip: &str, out: &str, formats: &str) -> Vec<String> {
    let max = u64::MAX.to_string();
    [
        "render",
        trip,
        "-o",
        out,
        "--format",
        formats,
        "--width",
        "10000",
        "--height",
        "10000",
        "--scale",
        "8",
        "--annotate",
        "--graticule",
        "--dates",
        "long",
        "--miles",
        "--order",
        "shortest",
        "--time-limit",
        "0.2",
        "--round-trip",
        "--seed",
        &max,
        "--simplify",
        "1e300",
        "--max-input-bytes",
        &max,
        "--max-stops",
        &max,
        "--max-text-chars",
        &max,
        "--max-track-points",
        &max,
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

#[track_caller]
fn assert_no_abort(o: &Output) {
    assert_eq!(o.status.signal(), None, "killed: {}", stderr(o));
    assert!(!stderr(o).contains("panicked"), "{}", stderr(o));
    assert!(!stderr(o).contains("memory allocation"), "{}", stderr(o));
}

#[test]
fn the_largest_options_together_give_a_clear_error_for_the_png_and_maps_otherwise() {
    let dir = tempfile::tempdir().unwrap();
    let trip = trip_at_the_text_limits(dir.path(), 30);
    let out = dir.path().join("out");
    let out = out.to_str().unwrap();
    let args = largest(&trip, out, "geojson,svg,png,kml,gpx");
    let o = tripmap_in_4_gib(&args.iter().map(String::as_str).collect::<Vec<_>>());
    assert_no_abort(&o);
    assert_eq!(o.status.code(), Some(1));
    // The page is as tall as the trip's key and notes need, so only the width is known here.
    assert_stderr_has(&o, "cannot draw map.png: 80000 x ");
    assert_stderr_has(
        &o,
        "megapixels) is more than the limit of 100 megapixels; give --scale",
    );
    assert!(!Path::new(out).exists(), "nothing written");
    // The same to standard output.
    let mut stdout_args = args.clone();
    stdout_args.extend(["--stdout".to_string(), "png".to_string()]);
    let o = tripmap_in_4_gib(&stdout_args.iter().map(String::as_str).collect::<Vec<_>>());
    assert_no_abort(&o);
    assert_stderr_has(&o, "more than the limit of 100 megapixels");
    // Without the PNG, the largest map and every other output are made.
    let args = largest(&trip, out, "geojson,svg,kml,gpx");
    let o = tripmap_in_4_gib(&args.iter().map(String::as_str).collect::<Vec<_>>());
    assert_no_abort(&o);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(snapshot(Path::new(out)).len(), 5);
}

/// The largest PNG allowed (100 megapixels) under the same cap. Minutes in a debug build, so run
/// on demand: `cargo test --release --test memory_bound -- --ignored`.
#[test]
#[ignore]
fn the_largest_png_allowed_fits_in_4_gib() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let o = tripmap_in_4_gib(&[
        "render",
        "data/trips/blinken-2023-11.json",
        "-o",
        out.to_str().unwrap(),
        "--width",
        "10000",
        "--height",
        "10000",
        "--scale",
        "1",
        "--format",
        "png",
        "--annotate",
        "--graticule",
    ]);
    assert_no_abort(&o);
    assert!(o.status.success(), "{}", stderr(&o));
}
