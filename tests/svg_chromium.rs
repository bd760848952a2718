//! `map.svg` in a real browser: headless Chromium (Debian `chromium`, driven by npm
//! `playwright-core` through `tests/js/measure-svg.js`) measures every `<text>` box and checks
//! that no two overlap, none leaves the SVG and no script runs, at 960 px and at a phone's 320 px. `scripts/test.sh` (and so CI)
//! installs Node, Chromium and the npm tools; a missing tool fails the test.

mod common;
use common::*;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Runs the measuring script on `files`; returns one JSON report per file and the exit status.
fn measure(files: &[PathBuf]) -> (Vec<Value>, bool) {
    let o = Command::new("node")
        .arg(root().join("tests/js/measure-svg.js"))
        .args(files)
        .current_dir(root())
        .output()
        .expect("node is installed (scripts/test.sh installs it)");
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        o.status.code() != Some(2),
        "the browser did not run: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    let reports = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (reports, o.status.success())
}

/// Renders `input` into `dir` with `extra` arguments; returns the path of its `map.svg`.
fn render(input: &str, dir: &Path, extra: &[&str]) -> PathBuf {
    render_ok(input, dir, extra);
    dir.join("map.svg")
}

#[test]
fn no_label_overlaps_or_leaves_the_map_and_no_script_runs() {
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for trip in bundled_trips() {
        let stem = stem(&trip);
        files.push(render(&trip, &dir.path().join(&stem), &[]));
        // On a phone: the narrowest width, light and dark.
        files.push(render(
            &trip,
            &dir.path().join(format!("{stem}-320")),
            &["--width", "320"],
        ));
        files.push(render(
            &trip,
            &dir.path().join(format!("{stem}-320-dark")),
            &["--width", "320", "--theme", "dark", "--annotate"],
        ));
    }
    files.push(render(
        "data/trips/blinken-2023-11.json",
        &dir.path().join("dark"),
        &["--theme", "dark", "--annotate", "--width", "640"],
    ));
    files.push(render(
        "tests/fixtures/svg/hostile.json",
        &dir.path().join("hostile"),
        &["--annotate"],
    ));
    let (reports, ok) = measure(&files);
    assert_eq!(reports.len(), files.len());
    for r in &reports {
        assert_eq!(r["overlaps"], 0, "{r}");
        assert_eq!(r["problems"].as_array().unwrap().len(), 0, "{r}");
        assert!(r["texts"].as_u64().unwrap() >= 10, "{r}");
    }
    assert!(ok);
}

/// The browser check can fail: overlapping text, text outside the SVG and a running script are
/// all reported.
#[test]
fn the_browser_check_catches_overlaps_and_scripts() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.svg");
    std::fs::write(
        &bad,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100" width="200" height="100">
<text x="10" y="20">Overlapping</text><text x="14" y="22">Overlapping too</text>
<text x="180" y="50">Outside</text>
<script>window.__pwned = true;</script></svg>"#,
    )
    .unwrap();
    let (reports, ok) = measure(&[bad]);
    assert!(!ok);
    let problems = reports[0]["problems"].to_string();
    assert_eq!(reports[0]["overlaps"], 1, "{problems}");
    assert!(problems.contains("outside the SVG"), "{problems}");
    assert!(problems.contains("a script ran"), "{problems}");
}
