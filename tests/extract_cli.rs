//! `tripmap extract` end to end: every fixture's output is a trip `tripmap render` accepts; the
//! explain table, with or without a trip written; guesses when no place has a cue; errors for bad
//! input and for too much of it; output written whole or not at all.

mod common;
use common::*;

fn published(stem: &str) -> Option<String> {
    let side = root().join(format!("tests/fixtures/extract/{stem}.expected.json"));
    read_json(&side)["published"].as_str().map(str::to_string)
}

/// The trip JSON a successful `tripmap extract` wrote to standard output.
fn trip_json(o: &std::process::Output) -> serde_json::Value {
    assert!(o.status.success(), "{}", stderr(o));
    serde_json::from_slice(&o.stdout).unwrap()
}

#[test]
fn every_fixture_extracts_to_a_trip_that_renders() {
    let dir = tempfile::tempdir().unwrap();
    let mut n = 0;
    for e in std::fs::read_dir(root().join("tests/fixtures/extract")).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_none_or(|x| x != "txt") {
            continue;
        }
        let stem = p.file_stem().unwrap().to_string_lossy().into_owned();
        let trip = dir.path().join(format!("{stem}.json"));
        let (input, out) = (
            p.to_string_lossy().into_owned(),
            trip.to_string_lossy().into_owned(),
        );
        let mut args = vec!["extract", input.as_str(), "-o", out.as_str()];
        let date = published(&stem);
        if let Some(d) = &date {
            args.extend(["--published", d.as_str()]);
        }
        let o = tripmap(&args);
        assert!(o.status.success(), "{stem}: {}", stderr(&o));
        if stem == "21-no-trip" {
            // No travel cue: the places named, as guesses, and a warning.
            assert_stderr_has(&o, "low-confidence guesses");
            let v = read_json(&trip);
            assert!(v["stops"][0]["properties"]["low_confidence"] == true, "{v}");
        }
        let rendered = dir.path().join(&stem);
        render_ok(&out, &rendered, &[]);
        assert!(rendered.join("stops.geojson").exists());
        n += 1;
    }
    assert!(n >= 60);
}

#[test]
fn explain_without_writing_a_trip() {
    let dir = tempfile::tempdir().unwrap();
    let story = dir.path().join("story.txt");
    std::fs::write(
        &story,
        "The envoy arrived in Nairobi on Friday. Prices rose in Kampala.",
    )
    .unwrap();
    let s = story.to_string_lossy().into_owned();
    // --explain alone: the table on standard output, nothing written.
    let o = tripmap(&["extract", &s, "--published", "2024-01-15", "--explain"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.starts_with("place") && out.contains("Nairobi") && !out.contains('{'));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    // With -o -: the trip on standard output, the table on standard error.
    let o = tripmap(&[
        "extract",
        &s,
        "--published",
        "2024-01-15",
        "--explain",
        "-o",
        "-",
    ]);
    let v = trip_json(&o);
    assert_eq!(v["stops"][0]["name"], "Nairobi");
    assert!(stderr(&o).starts_with("place"));
    // -o - alone is the same as no -o.
    let a = tripmap(&["extract", &s, "--published", "2024-01-15", "-o", "-"]);
    let b = tripmap(&["extract", &s, "--published", "2024-01-15"]);
    assert_eq!(a.stdout, b.stdout);
    // A text with places but no cue: guesses, marked, and said so; --explain works too.
    std::fs::write(&story, "Prices rose in Kampala and Nairobi.").unwrap();
    let o = tripmap(&["extract", &s, "--published", "2024-01-15", "--explain"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("guess 1"));
    assert_stderr_has(&o, "low-confidence guesses");
    // No place at all: an error, whatever the flags, and no file.
    std::fs::write(&story, "Prices rose everywhere.").unwrap();
    let out = dir.path().join("trip.json");
    for extra in [&[][..], &["--explain"][..]] {
        let mut args = vec!["extract", s.as_str(), "--published", "2024-01-15", "-o"];
        let out_s = out.to_string_lossy().into_owned();
        args.push(&out_s);
        args.extend(extra);
        let o = tripmap(&args);
        assert_eq!(o.status.code(), Some(1));
        assert_stderr_has(&o, "names no place");
        assert!(!out.exists());
    }
}

#[test]
fn input_larger_than_extracts_own_limit_is_refused_unread() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.txt");
    // A sparse file one byte over 64 MiB: refused from its size, before any byte is read.
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(tripmap::extract::MAX_INPUT_BYTES + 1).unwrap();
    let b = big.to_string_lossy().into_owned();
    let o = tripmap(&["extract", &b, "--published", "2024-01-15"]);
    assert_eq!(o.status.code(), Some(1));
    assert_stderr_has(&o, "--max-input-bytes");
    // The flag sets it either way.
    let small = dir.path().join("small.txt");
    std::fs::write(&small, "The envoy flew to Nairobi.").unwrap();
    let s = small.to_string_lossy().into_owned();
    let with_limit = |limit: &str| {
        tripmap(&[
            "extract",
            &s,
            "--published",
            "2024-01-15",
            "--max-input-bytes",
            limit,
        ])
    };
    let o = with_limit("10");
    assert_eq!(o.status.code(), Some(1));
    assert_stderr_has(&o, "--max-input-bytes");
    let o = with_limit("1K");
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn output_carries_evidence_kinds_and_mentions() {
    let o = tripmap(&[
        "extract",
        "tests/fixtures/extract/15-country-only-tour.txt",
        "--published",
        "2023-07-21",
    ]);
    let v = trip_json(&o);
    let stops = v["stops"].as_array().unwrap();
    assert_eq!(stops[0]["name"], "Saudi Arabia");
    assert_eq!(stops[0]["kind"], "country");
    assert!(stops[0]["note"].as_str().unwrap().contains("Riyadh"));
    let props = &stops[0]["properties"];
    assert!(props["confidence"].as_f64().unwrap() > 0.5);
    assert!(
        props["evidence"]
            .as_str()
            .unwrap()
            .contains("took him to Saudi Arabia")
    );
    let notes = v["notes"].to_string();
    assert!(
        notes.contains("Kuwait") && notes.contains("Iran"),
        "{notes}"
    );
}

#[test]
fn explain_prints_a_row_per_decision() {
    let o = tripmap(&[
        "extract",
        "tests/fixtures/extract/08-negations-and-earlier-trips.txt",
        "--published",
        "2022-09-12",
        "--explain",
    ]);
    assert!(o.status.success());
    let table = String::from_utf8(o.stdout).unwrap();
    let lines: Vec<&str> = table.lines().collect();
    assert!(lines[0].starts_with("place") && lines[0].contains("decision"));
    assert!(
        lines[1].starts_with("Warsaw")
            && lines[1].contains("stop 1")
            && lines[1].contains("2022-09-09")
    );
    assert!(
        table
            .lines()
            .any(|l| l.starts_with("Kyiv") && l.contains("mentioned") && l.contains("negated"))
    );
    assert!(
        table
            .lines()
            .any(|l| l.starts_with("Bucharest") && l.contains("earlier trip"))
    );
}

#[test]
fn reads_standard_input() {
    let o = tripmap_with_stdin(
        &["extract", "-", "--published", "2024-01-15"],
        "The envoy arrived in Nairobi on Friday and left Nairobi for Kampala on Saturday.",
    );
    let v = trip_json(&o);
    assert_eq!(v["stops"][0]["arrive"], "2024-01-12");
    assert_eq!(v["stops"][0]["depart"], "2024-01-13");
    assert_eq!(v["stops"][1]["name"], "Kampala");
}

#[test]
fn bad_input_fails_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let story = dir.path().join("story.txt");
    std::fs::write(&story, "He flew to Paris on Monday.").unwrap();
    let s = story.to_string_lossy().into_owned();
    // No --published and no dateline.
    let o = tripmap(&["extract", &s]);
    assert_eq!(o.status.code(), Some(1));
    assert_stderr_has(&o, "--published");
    // A date that is not one.
    let o = tripmap(&["extract", &s, "--published", "2024-13-01"]);
    assert_eq!(o.status.code(), Some(2));
    assert_stderr_has(&o, "YYYY-MM-DD");
    // Missing file.
    let o = tripmap(&["extract", "no/such/story.txt", "--published", "2024-01-01"]);
    assert_eq!(o.status.code(), Some(1));
    assert_stderr_has(&o, "no such file");
    // Not UTF-8: an error, and the existing output stays as it was.
    let bin = dir.path().join("latin1.txt");
    std::fs::write(&bin, b"He flew to Bogot\xe1 on Monday.").unwrap();
    let out = dir.path().join("trip.json");
    std::fs::write(&out, "earlier").unwrap();
    let o = tripmap(&[
        "extract",
        &bin.to_string_lossy(),
        "--published",
        "2024-01-01",
        "-o",
        &out.to_string_lossy(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert_stderr_has(&o, "not UTF-8");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "earlier");
    let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(leftovers, 3);
}
