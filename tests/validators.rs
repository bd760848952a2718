//! The GeoJSON layers pass validators nobody at tripmap wrote: GDAL's `ogrinfo` (no warning, one
//! geometry type per layer) and npm's `@placemarkio/check-geojson` and `@mapbox/geojsonhint`.
//! `scripts/test.sh` (and so CI) installs them; a missing tool fails the test.

mod common;
use common::*;
use std::path::PathBuf;
use std::process::Command;

fn rendered_layers(dir: &std::path::Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for trip in bundled_trips() {
        let stem = std::path::Path::new(&trip)
            .file_stem()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let out = dir.join(stem);
        let o = tripmap(&["render", &trip, "-o", out.to_str().unwrap()]);
        assert!(o.status.success(), "{}", stderr(&o));
        files.push(out.join("stops.geojson"));
        files.push(out.join("legs.geojson"));
    }
    files
}

#[test]
fn ogrinfo_opens_every_layer_without_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    for f in rendered_layers(dir.path()) {
        let o = Command::new("ogrinfo")
            .args(["-ro", "-al", "-so"])
            .arg(&f)
            .output()
            .expect("ogrinfo is installed (Debian gdal-bin; scripts/test.sh installs it)");
        let out = String::from_utf8_lossy(&o.stdout);
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(o.status.success(), "{}: {err}", f.display());
        assert!(
            !err.contains("Warning") && !err.contains("ERROR"),
            "{}: {err}",
            f.display()
        );
        assert!(
            !out.contains("Unknown (any)"),
            "{}: mixed geometry types",
            f.display()
        );
        assert!(out.contains("EPSG\",4326"), "{}: not WGS84", f.display());
    }
}

#[test]
fn npm_validators_accept_every_layer() {
    let dir = tempfile::tempdir().unwrap();
    let files = rendered_layers(dir.path());
    let o = Command::new("node")
        .current_dir(root())
        .arg("tests/js/validate-geojson.js")
        .args(&files)
        .output()
        .expect("node is installed");
    assert!(
        o.status.success(),
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn npm_validators_do_reject_bad_geojson() {
    // The validators must be able to fail: a feature with no properties is not RFC 7946.
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.geojson");
    std::fs::write(&bad, r#"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[1,2]}}]}"#).unwrap();
    let o = Command::new("node")
        .current_dir(root())
        .arg("tests/js/validate-geojson.js")
        .arg(&bad)
        .output()
        .expect("node is installed");
    assert!(!o.status.success());
}
