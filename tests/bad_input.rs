//! Every bad input fails cleanly: a message naming the file and position (or stop and field),
//! exit code 1, no panic, and the output folder left exactly as it was.

mod common;
use common::*;

/// (fixture, fragments the error message must contain)
const CASES: &[(&str, &[&str])] = &[
    (
        "truncated.json",
        &["truncated.json:1:", "EOF while parsing"],
    ),
    (
        "trailing-comma.json",
        &["trailing-comma.json:1:", "trailing comma"],
    ),
    (
        "nan-literal.json",
        &["nan-literal.json:1:", "expected value"],
    ),
    (
        "top-level-array.json",
        &["top-level-array.json", "found an array"],
    ),
    ("empty.json", &["empty.json:1:1", "empty"]),
    (
        "wrong-type.json",
        &["stop 1 \"A\", field `lat`", "found a string"],
    ),
    (
        "unknown-field.json",
        &[
            "unknown field `arive` in stop 2 \"B\"",
            "did you mean `arrive`?",
        ],
    ),
    ("missing-name.json", &["stop 1, field `name`", "missing"]),
    (
        "lat-out-of-range.json",
        &["stop 1 \"North\", field `lat`", "91.5"],
    ),
    (
        "lon-out-of-range.json",
        &["stop 1 \"East\", field `lon`", "180.5"],
    ),
    (
        "nan-coordinate.csv",
        &["line 3, stop 2 \"B\", field `lat`", "`NaN`"],
    ),
    (
        "inf-coordinate.csv",
        &["line 3, stop 2 \"B\", field `lat`", "`inf`"],
    ),
    ("empty-coordinate.csv", &["stop 2 \"B\""]),
    (
        "bad-date.json",
        &["stop 1 \"A\", field `arrive`", "`2023-13-45`"],
    ),
    (
        "depart-before-arrive.json",
        &["stop 1 \"Baghdad\", field `depart`", "before arrival"],
    ),
    ("no-stops.json", &["no-stops.json", "empty"]),
    (
        "missing-lon-column.csv",
        &["missing-lon-column.csv:1:", "no `lon` column"],
    ),
    (
        "ragged-row.csv",
        &["ragged-row.csv:3:", "2 fields but the header has 3"],
    ),
    ("not-utf8.csv", &["not-utf8.csv:2:2:", "not UTF-8"]),
    (
        "does-not-exist.json",
        &["does-not-exist.json", "no such file"],
    ),
    (
        "malformed.gpx",
        &[
            "malformed.gpx:4:31:",
            "malformed XML",
            "expected 'name' tag",
        ],
    ),
    ("no-points.gpx", &["no-points.gpx", "the GPX has no points"]),
    (
        "lat-out-of-range.gpx",
        &["lat-out-of-range.gpx:4:3:", "`lat` 91 is out of range"],
    ),
    ("malformed.kml", &["malformed.kml:3:1:", "malformed XML"]),
    ("no-points.kml", &["no-points.kml", "the KML has no points"]),
    (
        "polygon.geojson",
        &["polygon.geojson", "feature 2: Polygon is neither a stop"],
    ),
    (
        "lat-out-of-range.geojson",
        &["stop 1 \"North\", field `lat`", "95"],
    ),
    (
        "track-out-of-range.geojson",
        &["feature 2: position 2 [200, 10] is out of range"],
    ),
];

#[test]
fn each_bad_input_fails_cleanly_and_loses_nothing() {
    let mut failures = Vec::new();
    for (file, fragments) in CASES {
        let out_dir = tempfile::tempdir().unwrap();
        // An earlier good render that must survive untouched.
        let good = tripmap(&[
            "render",
            "data/trips/blinken-2023-11.json",
            "-o",
            out_dir.path().to_str().unwrap(),
        ]);
        assert!(good.status.success(), "{}", stderr(&good));
        let before = snapshot(out_dir.path());
        let path = format!("tests/fixtures/bad/{file}");
        let o = tripmap(&["render", &path, "-o", out_dir.path().to_str().unwrap()]);
        let err = stderr(&o);
        if o.status.code() != Some(1) {
            failures.push(format!("{file}: exit {:?}, stderr {err}", o.status.code()));
        }
        if err.contains("panicked") {
            failures.push(format!("{file}: panicked: {err}"));
        }
        for f in *fragments {
            if !err.contains(f) {
                failures.push(format!("{file}: message {err:?} lacks {f:?}"));
            }
        }
        if snapshot(out_dir.path()) != before {
            failures.push(format!("{file}: output folder changed"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn check_reports_the_same_errors() {
    let o = tripmap(&["check", "tests/fixtures/bad/depart-before-arrive.json"]);
    assert_eq!(o.status.code(), Some(1));
    assert_stderr_has(&o, "field `depart`");
}

#[test]
fn usage_errors_exit_2() {
    let o = tripmap(&["render"]);
    assert_eq!(o.status.code(), Some(2));
    let o = tripmap(&[
        "render",
        "data/trips/blinken-2023-11.json",
        "--order",
        "sideways",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let o = tripmap(&["frobnicate"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn unknown_extension_asks_for_from() {
    let o = tripmap(&["check", "README.md"]);
    assert_eq!(o.status.code(), Some(1));
    assert_stderr_has(&o, "--from");
}
