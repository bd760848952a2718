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
    let arrays = format!("{}1{}", "[".repeat(depth), "]".repeat(depth));
    let objects = format!("{}1{}", r#"{"a":"#.repeat(depth), "}".repeat(depth));
    let stop =
        |extra: &str| format!(r#"{{"name":"A","lat":1,"lon":2,"properties":{{"x":{extra}}}}}"#);
    let cases = [
        // The whole document, of the wrong shape: refused from its first character.
        (arrays.clone(), "json", "found an array"),
        (
            objects.clone(),
            "json",
            "unknown field `a` at the top level",
        ),
        // Deep inside what tripmap reads: serde_json's nesting limit, at its line and column.
        (
            format!(r#"{{"stops":[{}]}}"#, stop(&arrays)),
            "json",
            // 56 characters before the first `[`, whose 126th is level 128 (stop and properties
            // objects are the first two).
            "<stdin>:1:182: recursion limit exceeded",
        ),
        (
            format!(r#"{{"title":{objects},"stops":[{}]}}"#, stop("1")),
            "json",
            "recursion limit exceeded",
        ),
        (
            format!(
                r#"{{"type":"FeatureCollection","features":[{{"type":"Feature","properties":{{"x":{arrays}}},"geometry":{{"type":"Point","coordinates":[1,2]}}}}]}}"#
            ),
            "geojson",
            "recursion limit exceeded",
        ),
    ];
    for (doc, from, says) in cases {
        assert_refused(&check_stdin(from, doc), says);
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

#[test]
fn the_cli_flags_raise_and_lower_each_limit() {
    let dir = tempfile::tempdir().unwrap();
    let trip = dir.path().join("trip.json");
    std::fs::write(
        &trip,
        r#"{"stops":[{"name":"Amman","lat":31.95,"lon":35.93,"note":"talks about peace"},{"name":"Baghdad","lat":33.31,"lon":44.37}]}"#,
    )
    .unwrap();
    let trip_arg = trip.to_str().unwrap();
    let run = |flags: &[&str]| {
        let out = tripmap(&[&["check", trip_arg][..], flags].concat());
        (out.status.code(), stderr(&out))
    };
    // Each lowered limit refuses the trip, says which limit and how to raise it.
    for (flags, says) in [
        (
            &["--max-input-bytes", "100"][..],
            "more than tripmap reads (100 bytes)",
        ),
        (&["--max-stops", "1"], "2 stops, more than the limit of 1"),
        (
            &["--max-text-chars", "10"],
            "stop 1 \"Amman\", field `note`: 17 characters, more than the limit of 10",
        ),
    ] {
        let (code, err) = run(flags);
        assert_eq!(code, Some(1), "{flags:?}: {err}");
        assert!(err.contains(says), "{flags:?}: {err}");
        assert!(
            err.contains(&format!("raise it with `{}`", flags[0])),
            "{err}"
        );
    }
    // At the limit it passes: exactly the file's size, exactly two stops, exactly 17 characters.
    let size = std::fs::metadata(&trip).unwrap().len().to_string();
    for flags in [
        &["--max-input-bytes", size.as_str()][..],
        &["--max-stops", "2"],
        &["--max-text-chars", "17"],
        &["--max-input-bytes", "1K", "--max-track-points", "0"],
    ] {
        let (code, err) = run(flags);
        assert_eq!(code, Some(0), "{flags:?}: {err}");
    }
    // A malformed size is a usage error that says how to write one.
    let (code, err) = run(&["--max-input-bytes", "lots"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("is not a size"), "{err}");
}

#[test]
fn a_larger_input_limit_lets_a_big_file_through_and_standard_input_is_bounded_too() {
    let stops: Vec<String> = (0..3000)
        .map(|i| {
            format!(
                r#"{{"name":"Stop {i}","lat":{},"lon":{}}}"#,
                (i % 170) as f64 - 85.0,
                (i % 359) as f64 - 179.0
            )
        })
        .collect();
    let trip = format!(r#"{{"stops":[{}]}}"#, stops.join(","));
    let check = |limit: &str| {
        tripmap_with_stdin(
            &["check", "-", "--from", "json", "--max-input-bytes", limit],
            trip.clone(),
        )
    };
    assert_refused(
        &check("64K"),
        "<stdin>: the input is more than tripmap reads (64 KiB)",
    );
    let big = check("1M");
    assert_eq!(big.status.code(), Some(0), "{}", stderr(&big));
}

#[test]
fn extract_reads_within_its_input_limit() {
    let out = tripmap_with_stdin(
        &[
            "extract",
            "-",
            "--published",
            "2024-05-06",
            "--max-input-bytes",
            "20",
        ],
        "The minister flew to Paris on Monday and to Berlin on Tuesday.",
    );
    assert_refused(&out, "more than tripmap reads (20 bytes)");
}

#[test]
fn every_reader_stops_at_the_stop_limit() {
    use tripmap::io::{Format, read_with};
    use tripmap::limits::Limits;
    let two = Limits {
        max_stops: 2,
        ..Limits::default()
    };
    let json = br#"{"stops":[{"name":"A","lat":1,"lon":2},{"name":"B","lat":3,"lon":4},{"name":"C","lat":5,"lon":6}]}"#;
    let csv = b"name,lat,lon\nA,1,2\nB,3,4\nC,5,6\n";
    let point = |n: &str, x: u8| {
        format!(
            r#"{{"type":"Feature","properties":{{"name":"{n}"}},"geometry":{{"type":"Point","coordinates":[{x},1]}}}}"#
        )
    };
    let geojson = format!(
        r#"{{"type":"FeatureCollection","features":[{},{},{}]}}"#,
        point("A", 1),
        point("B", 2),
        point("C", 3)
    );
    let wpt = |n: &str, x: u8| format!(r#"<wpt lat="1" lon="{x}"><name>{n}</name></wpt>"#);
    let gpx = format!(
        r#"<gpx version="1.1" creator="t" xmlns="http://www.topografix.com/GPX/1/1">{}{}{}</gpx>"#,
        wpt("A", 1),
        wpt("B", 2),
        wpt("C", 3)
    );
    let placemark = |n: &str, x: u8| {
        format!(
            r#"<Placemark><name>{n}</name><Point><coordinates>{x},1</coordinates></Point></Placemark>"#
        )
    };
    let kml = format!(
        r#"<kml xmlns="http://www.opengis.net/kml/2.2"><Document>{}{}{}</Document></kml>"#,
        placemark("A", 1),
        placemark("B", 2),
        placemark("C", 3)
    );
    for (bytes, format, says) in [
        (&json[..], Format::Json, "3 stops, more than the limit of 2"),
        (&csv[..], Format::Csv, "more than 2 stops, the limit"),
        (
            geojson.as_bytes(),
            Format::GeoJson,
            "more than 2 stops, the limit",
        ),
        (
            gpx.as_bytes(),
            Format::Gpx,
            "3 stops, more than the limit of 2",
        ),
        (
            kml.as_bytes(),
            Format::Kml,
            "3 stops, more than the limit of 2",
        ),
    ] {
        let three = Limits {
            max_stops: 3,
            ..Limits::default()
        };
        assert_eq!(
            read_with(bytes, format, &three).unwrap().stops.len(),
            3,
            "{format:?}"
        );
        let e = read_with(bytes, format, &two).unwrap_err().to_string();
        assert!(e.contains(says), "{format:?}: {e}");
        assert!(e.contains("--max-stops"), "{format:?}: {e}");
    }
}
