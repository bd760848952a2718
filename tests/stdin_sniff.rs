//! Standard input without `--from`: the format is told from the bytes, so `tripmap check -`
//! reads JSON, CSV, GeoJSON, GPX and KML the same as the files they came from.

mod common;
use common::*;

/// `check` of the file, and of its bytes on standard input without `--from`, say the same
/// (after the first line, which names the input).
fn same_as_file(path: &std::path::Path) {
    let bytes = std::fs::read(path).unwrap();
    let from_file = tripmap(&["check", path.to_str().unwrap()]);
    assert!(from_file.status.success(), "{}", stderr(&from_file));
    let from_stdin = tripmap_with_stdin(&["check", "-"], bytes);
    assert!(
        from_stdin.status.success(),
        "{}: {}",
        path.display(),
        stderr(&from_stdin)
    );
    let body = |o: &std::process::Output| stdout(o).lines().skip(1).collect::<Vec<_>>().join("\n");
    assert_eq!(body(&from_stdin), body(&from_file), "{}", path.display());
}

#[test]
fn each_format_is_sniffed() {
    for trip in [
        "data/trips/blinken-2023-11.json",
        "data/trips/europe-rail-2024.csv",
        "data/trips/helsinki-tallinn-2024.gpx",
        "data/trips/portugal-2024.kml",
    ] {
        same_as_file(&root().join(trip));
    }
    // GeoJSON: the stops layer tripmap writes reads back as a trip.
    let dir = tempfile::tempdir().unwrap();
    render_ok(
        "data/trips/pacific-2024.json",
        dir.path(),
        &["--format", "geojson"],
    );
    let layer = dir.path().join("stops.geojson");
    let o = tripmap_with_stdin(&["check", "-"], std::fs::read(&layer).unwrap());
    assert!(o.status.success(), "{}", stderr(&o));
    let geojson = tripmap(&["check", layer.to_str().unwrap()]);
    assert_eq!(stdout(&o).lines().nth(1), stdout(&geojson).lines().nth(1));
}

#[test]
fn unknown_xml_is_a_clear_error() {
    let o = tripmap_with_stdin(&["check", "-"], "<?xml version=\"1.0\"?>\n<svg/>\n");
    assert_eq!(o.status.code(), Some(1));
    assert_stderr_has(
        &o,
        "cannot tell the format: XML whose root element is <svg>",
    );
    assert_stderr_has(&o, "use --from json|csv");
}
