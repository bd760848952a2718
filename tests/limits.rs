//! Oversized and pathological inputs are refused through the binary with a clear error, exit 1,
//! no panic or stack overflow, quickly and without reading a huge file into memory.

mod common;
use common::*;
use std::process::Output;

/// `tripmap check` of `trip`, given on standard input as `format`.
fn check_stdin(format: &str, trip: String) -> Output {
    tripmap_with_stdin(&["check", "-", "--from", format], trip)
}

/// Asserts that `o` failed with exit 1 and an error containing `want`.
#[track_caller]
fn assert_refused(o: &Output, want: &str) {
    assert_eq!(o.status.code(), Some(1), "{}", stderr(o));
    assert_stderr_has(o, want);
}

#[test]
fn a_file_over_the_limit_is_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let huge = dir.path().join("huge.gpx");
    // Sparse: 300 MiB long (over the 256 MiB limit), no disk or memory used.
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(300 * 1024 * 1024)
        .unwrap();
    let out = dir.path().join("out");
    let start = std::time::Instant::now();
    let o = tripmap(&[
        "render",
        huge.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_refused(
        &o,
        "huge.gpx: the file is 300 MiB, more than tripmap reads (256 MiB)",
    );
    assert!(!out.exists(), "nothing written");
    // Refusing from the size alone takes no time worth mentioning; reading would take seconds.
    assert!(start.elapsed().as_secs() < 20);
    let o = tripmap(&["check", huge.to_str().unwrap()]);
    assert_refused(&o, "the file is 300 MiB, more than tripmap reads (256 MiB)");
}

#[test]
fn json_nested_100000_deep_is_an_error_not_a_stack_overflow() {
    let depth = 100_000;
    for (open, close) in [("[", "]"), (r#"{"a":"#, "}")] {
        let doc = format!("{}1{}", open.repeat(depth), close.repeat(depth));
        assert_refused(&check_stdin("json", doc), "recursion limit exceeded");
    }
}

#[test]
fn a_name_over_the_text_limit_names_the_stop_and_field() {
    let long = "x".repeat(20_001);
    let trip = format!(
        r#"{{"stops":[{{"name":"A","lat":1,"lon":2}},{{"name":"B","lat":3,"lon":4,"note":"{long}"}}]}}"#
    );
    assert_refused(
        &check_stdin("json", trip),
        "stop 2 \"B\", field `note`: 20001 characters, more than the limit of 20000",
    );
}
#[test]
fn limits_are_adjustable_in_the_library() {
    use tripmap::io::{Format, read_with};
    use tripmap::limits::Limits;
    let gpx = br#"<?xml version="1.0"?><gpx version="1.1" creator="t" xmlns="http://www.topografix.com/GPX/1/1">
<wpt lat="60.17" lon="24.94"><name>Helsinki</name></wpt><wpt lat="59.44" lon="24.75"><name>Tallinn</name></wpt>
<trk><trkseg><trkpt lat="60.17" lon="24.94"/><trkpt lat="59.8" lon="24.85"/><trkpt lat="59.44" lon="24.75"/></trkseg></trk></gpx>"#;
    assert!(read_with(gpx, Format::Gpx, &Limits::default()).is_ok());
    let default = Limits::default();
    for (limits, says) in [
        (
            Limits {
                max_track_points: 2,
                ..default
            },
            "3 points, more than the limit of 2",
        ),
        (
            Limits {
                max_stops: 1,
                ..default
            },
            "2 stops, more than the limit of 1",
        ),
        (
            Limits {
                max_input_bytes: 10,
                ..default
            },
            "more than tripmap reads",
        ),
    ] {
        let e = read_with(gpx, Format::Gpx, &limits)
            .unwrap_err()
            .to_string();
        assert!(e.contains(says), "{e}");
    }
}
