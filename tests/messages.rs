//! Every unclear or silent case of issue 20 gets a message that says what happened and what to
//! do, through the binary: leap seconds, DST gaps and folds, year 9999, `-o` naming a file or a
//! device, usage errors' exit code, DOCTYPEs, control characters, absurd numbers.

mod common;
use common::*;

/// A one-stop JSON trip with `extra` fields on its stop.
fn trip(extra: &str) -> String {
    format!(
        r#"{{"stops":[{{"name":"Paris","lat":48.85,"lon":2.35{extra}}},{{"name":"Lyon","lat":45.76,"lon":4.84}}]}}"#
    )
}

#[test]
fn a_leap_second_is_refused_with_the_reason_and_the_fix() {
    let o = tripmap_with_stdin(&["check", "-"], trip(r#","arrive":"2016-12-31T23:59:60Z""#));
    assert_eq!(o.status.code(), Some(1));
    assert_stderr_has(
        &o,
        "stop 1 \"Paris\", field `arrive`: `2016-12-31T23:59:60Z` is a leap second, which tripmap cannot place on its time line",
    );
    assert_stderr_has(&o, "write 23:59:59 or the next minute's :00");
}

#[test]
fn dst_gaps_and_folds_are_warned_with_both_readings() {
    let gap =
        trip(r#","tz":"Europe/Paris","arrive":"2024-03-31T02:30","depart":"2024-10-27T02:30""#);
    let o = tripmap_with_stdin(&["check", "-"], gap);
    assert!(o.status.success(), "{}", stderr(&o));
    let all = format!("{}{}", stdout(&o), stderr(&o));
    for want in [
        "stop 1 \"Paris\", field `arrive`: 2024-03-31T02:30:00 does not exist in Europe/Paris (the clocks skip over it): read as 2024-03-31T03:30:00+02:00, not 2024-03-31T01:30:00+01:00",
        "stop 1 \"Paris\", field `depart`: 2024-10-27T02:30:00 happens twice in Europe/Paris (the clocks go back over it): read as 2024-10-27T02:30:00+02:00, not 2024-10-27T02:30:00+01:00",
    ] {
        assert!(all.contains(want), "{want} not in {all}");
    }
    // `render` prints the same warnings.
    let out = tempfile::tempdir().unwrap();
    let (_d, path) = temp_file(
        "t.json",
        &trip(r#","tz":"Europe/Paris","arrive":"2024-03-31T02:30""#),
    );
    let o = render_ok(path.to_str().unwrap(), out.path(), &[]);
    assert_stderr_has(&o, "warning: ");
    assert_stderr_has(&o, "does not exist in Europe/Paris");
}

#[test]
fn the_last_second_of_year_9999_is_accepted() {
    let o = tripmap_with_stdin(
        &["check", "-"],
        trip(r#","arrive":"9999-12-31T23:59:59+14:00""#),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let out = tempfile::tempdir().unwrap();
    let (_d, path) = temp_file("t.json", &trip(r#","arrive":"9999-12-31T23:59:59+14:00""#));
    render_ok(path.to_str().unwrap(), out.path(), &["--format", "geojson"]);
    // The layer keeps the day and clock as written; the UTC instant lies past what the layers'
    // UTC column can hold, so it is null rather than a wrong time.
    let stops = read_text(&out.path().join("stops.geojson"));
    assert!(
        stops.contains(r#""arr_date":"9999-12-31","arr_time":"23:59:59","arr_utc":null"#),
        "{stops}"
    );
}

#[test]
fn output_that_is_not_a_folder_says_so() {
    let (_d, file) = temp_file("existing.txt", "keep me");
    for target in [file.to_str().unwrap(), "/dev/full"] {
        let o = tripmap(&["render", "data/trips/blinken-2023-11.json", "-o", target]);
        assert_eq!(o.status.code(), Some(1));
        assert_stderr_has(
            &o,
            &format!("error: {target} is a file, not a folder; give -o a folder"),
        );
    }
    assert_eq!(read_text(&file), "keep me");
    // `extract -o` names a file: a device or a folder is refused, saying what it is.
    let story = "tests/fixtures/extract/01-announcement-future.txt";
    let o = tripmap(&[
        "extract",
        story,
        "--published",
        "2024-01-01",
        "-o",
        "/dev/full",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert_stderr_has(&o, "error: /dev/full is a device, not a file");
    // Standard output on a full disk says so.
    let full = std::fs::File::create("/dev/full").unwrap();
    let o = std::process::Command::new(assert_cmd::cargo::cargo_bin("tripmap"))
        .current_dir(root())
        .args([
            "render",
            "data/trips/blinken-2023-11.json",
            "--stdout",
            "svg",
        ])
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert_stderr_has(
        &o,
        "error: cannot write to standard output: no space left on the disk",
    );
    // A batch into a file, and a folder below a file, name the file.
    let trips = [
        "data/trips/blinken-2023-11.json",
        "data/trips/pacific-2024.json",
    ];
    let o = tripmap(&["render", trips[0], trips[1], "-o", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert_stderr_has(&o, "existing.txt is a file, not a folder");
    let below = file.join("maps");
    let o = tripmap(&["render", trips[0], "-o", below.to_str().unwrap()]);
    assert_stderr_has(&o, "existing.txt is a file, not a folder");
    let dir = tempfile::tempdir().unwrap();
    let o = tripmap(&[
        "extract",
        story,
        "--published",
        "2024-01-01",
        "-o",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert_stderr_has(&o, "is a folder, not a file");
}

#[test]
fn bad_option_values_are_usage_errors() {
    let trip = "data/trips/blinken-2023-11.json";
    for (args, want) in [
        (&["--width", "0"][..], "map width 0 px: give 320 to 10000"),
        (
            &["--height", "1e9"][..],
            "map height 1000000000 px: give 200 to 10000",
        ),
        (
            &["--time-limit", "-1"][..],
            "--time-limit -1: give a number of seconds, 0 or more",
        ),
        (&["--scale", "9"][..], "is not a scale between 0 and 8"),
    ] {
        let mut all = vec!["render", trip];
        all.extend_from_slice(args);
        let o = tripmap(&all);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert_stderr_has(&o, want);
    }
    let o = tripmap(&["check", trip, "--order", "shortest", "--time-limit", "-1"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn a_doctype_without_entities_reads_and_one_with_entities_is_refused_where_it_is() {
    let plain = "<?xml version=\"1.0\"?>\n<!DOCTYPE gpx>\n<gpx version=\"1.1\"><wpt lat=\"1\" lon=\"2\"><name>A</name></wpt><wpt lat=\"3\" lon=\"4\"><name>B</name></wpt></gpx>";
    let o = tripmap_with_stdin(&["check", "-", "--from", "gpx"], plain);
    assert!(o.status.success(), "{}", stderr(&o));
    let kml = "<?xml version=\"1.0\"?>\n<!DOCTYPE kml>\n<kml><Document><Placemark><name>A</name><Point><coordinates>2,1</coordinates></Point></Placemark></Document></kml>";
    let o = tripmap_with_stdin(&["check", "-", "--from", "kml"], kml);
    assert!(o.status.success(), "{}", stderr(&o));
    let bomb =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE gpx [\n  <!ENTITY a \"aaaa\">\n]>\n<gpx>&a;</gpx>";
    let o = tripmap_with_stdin(&["check", "-", "--from", "gpx"], bomb);
    assert_eq!(o.status.code(), Some(1));
    assert_stderr_has(&o, "error: <stdin>:3:3: the DOCTYPE declares an entity");
}

#[test]
fn control_characters_are_escaped_in_every_message() {
    let evil = "Par\u{1b}[2J\u{1b}]0;pwned\u{7}is\rX";
    let o = tripmap(&["geocode", evil]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        !err.contains('\u{1b}') && !err.contains('\r') && !err.contains('\u{7}'),
        "{err:?}"
    );
    assert!(err.contains("\\u{1b}[2J"), "{err:?}");
    // A file name, a stop name and a folder name with them: render, check and extract too.
    let dir = tempfile::tempdir().unwrap();
    let name = dir.path().join("t\u{1b}[31m.json");
    std::fs::write(&name, trip(r#","arrive":"x\u001b[31m""#)).unwrap();
    for args in [
        vec!["check", name.to_str().unwrap()],
        vec![
            "render",
            name.to_str().unwrap(),
            "-o",
            dir.path().to_str().unwrap(),
        ],
        vec!["extract", name.to_str().unwrap()],
    ] {
        let o = tripmap(&args);
        assert!(!o.status.success());
        let err = stderr(&o);
        assert!(!err.contains('\u{1b}'), "{args:?}: {err:?}");
        assert!(err.contains("\\u{1b}[31m"), "{args:?}: {err:?}");
    }
    // `check`'s summary on standard output prints stop names escaped too.
    let o = tripmap_with_stdin(
        &["check", "-"],
        r#"{"stops":[{"name":"A\u001b[31m","lat":1,"lon":2},{"name":"B","lat":3,"lon":4}]}"#,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!stdout(&o).contains('\u{1b}'), "{:?}", stdout(&o));
}

#[test]
fn a_huge_latitude_is_printed_briefly() {
    let o = tripmap_with_stdin(
        &["check", "-"],
        r#"{"stops":[{"name":"A","lat":1e308,"lon":2}]}"#,
    );
    assert_eq!(o.status.code(), Some(1));
    assert_stderr_has(
        &o,
        "stop 1 \"A\", field `lat`: latitude 1e308 is not a number between -90 and 90",
    );
    assert!(stderr(&o).len() < 200, "{}", stderr(&o));
    let geojson = r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[1,2],[3,1e308]]}}]}"#;
    let o = tripmap_with_stdin(&["check", "-", "--from", "geojson"], geojson);
    assert_stderr_has(&o, "[3, 1e308] is out of range");
    let long = format!("<gpx><wpt lat=\"9{}\" lon=\"1\"/></gpx>", "0".repeat(400));
    let o = tripmap_with_stdin(&["check", "-", "--from", "gpx"], long);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).len() < 200, "{}", stderr(&o));
}
