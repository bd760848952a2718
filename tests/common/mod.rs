//! Helpers shared by the end-to-end tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Output;

/// The project root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The `tripmap` binary with `args`, to run from the project root.
fn command(args: &[&str]) -> assert_cmd::Command {
    let mut c = assert_cmd::Command::cargo_bin("tripmap").expect("binary built");
    c.current_dir(root()).args(args);
    c
}

/// Runs the `tripmap` binary with `args` from the project root.
pub fn tripmap(args: &[&str]) -> Output {
    command(args).output().expect("tripmap runs")
}

/// Runs the `tripmap` binary with `args` from the project root, `input` on its standard input.
pub fn tripmap_with_stdin(args: &[&str], input: impl Into<Vec<u8>>) -> Output {
    command(args)
        .write_stdin(input)
        .output()
        .expect("tripmap runs")
}

/// Runs `tripmap render <input> -o <out> <extra...>` and asserts that it succeeded; returns
/// the run (its standard error holds the warnings).
pub fn render_ok(input: &str, out: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["render", input, "-o", out.to_str().unwrap()];
    args.extend_from_slice(extra);
    let o = tripmap(&args);
    assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    o
}

/// Standard error as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Standard output as text.
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Asserts that standard error contains `want`, showing it when not.
#[track_caller]
pub fn assert_stderr_has(o: &Output, want: &str) {
    let err = stderr(o);
    assert!(err.contains(want), "expected `{want}` in: {err}");
}

/// A file's text.
pub fn read_text(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A JSON (or GeoJSON) file, parsed.
pub fn read_json(path: &Path) -> serde_json::Value {
    serde_json::from_str(&read_text(path)).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Writes `text` to a file called `name` in a new temporary folder; returns the folder (deleted
/// when dropped) and the file's path.
pub fn temp_file(name: &str, text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

/// The file name of `path` without its extension: `data/trips/pacific-2024.json` -> `pacific-2024`.
pub fn stem(path: &str) -> String {
    Path::new(path)
        .file_stem()
        .unwrap()
        .to_string_lossy()
        .into_owned()
}

/// GDAL's `ogrinfo -ro -al <extra...> <path>` output, failing on errors or warnings.
pub fn ogrinfo(extra: &[&str], path: &Path) -> String {
    let o = std::process::Command::new("ogrinfo")
        .args(["-ro", "-al"])
        .args(extra)
        .arg(path)
        .output()
        .expect("ogrinfo is installed (Debian gdal-bin; scripts/test.sh installs it)");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{}: {err}", path.display());
    assert!(
        !err.contains("Warning") && !err.contains("ERROR"),
        "{}: {err}",
        path.display()
    );
    stdout(&o)
}

/// Every file in `dir` with its bytes, sorted by name.
pub fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.map(|e| {
                let e = e.unwrap();
                (
                    e.file_name().to_string_lossy().into_owned(),
                    std::fs::read(e.path()).unwrap(),
                )
            })
            .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// The options a bundled trip is rendered with into `output/` (and in the README): the walk
/// in Helsinki is drawn on the street basemap fixture.
pub fn trip_args(trip: &str) -> Vec<&'static str> {
    if trip.contains("helsinki-walk") {
        vec!["--basemap", "tests/fixtures/tiles/helsinki.pmtiles"]
    } else {
        Vec::new()
    }
}

/// The bundled trips' paths, relative to the project root, sorted.
pub fn bundled_trips() -> Vec<String> {
    let mut trips: Vec<String> = std::fs::read_dir(root().join("data/trips"))
        .unwrap()
        .map(|e| format!("data/trips/{}", e.unwrap().file_name().to_string_lossy()))
        .collect();
    trips.sort();
    trips
}

/// Runs `node tests/js/<script>` on `jobs`, written as JSON into `scratch`; one JSON value per
/// line of its output. Panics when the browser cannot run (`scripts/test.sh` installs Node,
/// Chromium and playwright-core). A run that fails is tried once more, its error printed: on a
/// loaded 2-core machine, with several browsers started by tests in parallel, Playwright's
/// timeouts have been seen to expire once; a check the pages fail fails both times.
pub fn node_reports(
    script: &str,
    jobs: &serde_json::Value,
    scratch: &Path,
) -> Vec<serde_json::Value> {
    let list = scratch.join(format!("{script}.jobs.json"));
    std::fs::write(&list, jobs.to_string()).unwrap();
    let run = || {
        std::process::Command::new("node")
            .arg(root().join("tests/js").join(script))
            .arg(&list)
            .current_dir(root())
            .output()
            .expect("node is installed (scripts/test.sh installs it)")
    };
    let mut o = run();
    if !o.status.success() {
        eprintln!(
            "{script} failed once; trying again. It said: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        o = run();
    }
    assert!(
        o.status.success(),
        "the browser did not run: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}
