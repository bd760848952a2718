//! Helpers shared by the end-to-end tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Output;

/// The project root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs the `tripmap` binary with `args` from the project root.
pub fn tripmap(args: &[&str]) -> Output {
    assert_cmd::Command::cargo_bin("tripmap")
        .expect("binary built")
        .current_dir(root())
        .args(args)
        .output()
        .expect("tripmap runs")
}

/// Standard error as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
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

/// The bundled trips, as paths relative to the project root.
pub fn bundled_trips() -> Vec<String> {
    let mut trips: Vec<String> = std::fs::read_dir(root().join("data/trips"))
        .unwrap()
        .map(|e| format!("data/trips/{}", e.unwrap().file_name().to_string_lossy()))
        .collect();
    trips.sort();
    trips
}
