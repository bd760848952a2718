//! The GeoJSON layers pass validators nobody at tripmap wrote: GDAL's `ogrinfo` (no warning, one
//! geometry type per layer) and npm's `@placemarkio/check-geojson` and `@mapbox/geojsonhint`.
//! `scripts/test.sh` (and so CI) installs them; a missing tool fails the test.

mod common;
use common::*;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Renders every bundled trip into `dir`; returns the paths of their GeoJSON layers.
fn rendered_layers(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for trip in bundled_trips() {
        let out = dir.join(stem(&trip));
        render_ok(&trip, &out, &[]);
        files.push(out.join("stops.geojson"));
        files.push(out.join("legs.geojson"));
    }
    files
}

/// Runs both npm validators (`tests/js/validate-geojson.js`) on `files`.
fn npm_validate(files: &[PathBuf]) -> Output {
    Command::new("node")
        .current_dir(root())
        .arg("tests/js/validate-geojson.js")
        .args(files)
        .output()
        .expect("node is installed")
}

#[test]
fn ogrinfo_opens_every_layer_without_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    for f in rendered_layers(dir.path()) {
        let out = ogrinfo(&["-so"], &f);
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
    let o = npm_validate(&files);
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
}

#[test]
fn npm_validators_do_reject_bad_geojson() {
    // The validators must be able to fail: a feature with no properties is not RFC 7946.
    let (_dir, bad) = temp_file(
        "bad.geojson",
        r#"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[1,2]}}]}"#,
    );
    assert!(!npm_validate(&[bad]).status.success());
}

/// Inputs whose layers carry what the bundled trips do not: travel modes, a recorded track with
/// times and elevations (the `recording` member), a KML path with no Placemark point.
const NEW_FIELD_INPUTS: &[&str] = &[
    "tests/fixtures/gis/modes.csv",
    "tests/fixtures/gis/recorded-ferry.gpx",
    "tests/fixtures/gis/harbour-walk.kml",
];

#[test]
fn layers_with_modes_and_recorded_times_pass_both_validators_and_gdal() {
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for trip in NEW_FIELD_INPUTS {
        let out = dir.path().join(stem(trip));
        render_ok(trip, &out, &["--format", "geojson"]);
        for layer in ["stops.geojson", "legs.geojson"] {
            let file = out.join(layer);
            let info = ogrinfo(&["-so"], &file);
            assert!(!info.contains("Unknown (any)"), "{}", file.display());
            files.push(file);
        }
    }
    let legs = read_text(&files[1]);
    assert!(legs.contains("\"mode\":\"flight\""), "{legs}");
    assert!(read_text(&files[3]).contains("\"recording\""));
    let o = npm_validate(&files);
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
}
