//! `tripmap render --jsonl` and `tripmap check --jsonl`/`--json`: one trip per line in, one
//! result per line out; bad lines are results, the stream goes on; folders per id; inline
//! outputs; shards.

mod common;
use common::*;
use serde_json::{Value, json};
use std::path::Path;

/// A small trip as one JSON Lines request.
fn trip(id: &str, extra: Value) -> String {
    let mut t = json!({
        "id": id,
        "title": format!("Trip {id}"),
        "stops": [
            {"name": "Lisbon", "lat": 38.7223, "lon": -9.1393, "arrive": "2024-05-01"},
            {"name": "Porto", "lat": 41.1579, "lon": -8.6291, "arrive": "2024-05-03"},
        ]
    });
    if let (Value::Object(t), Value::Object(extra)) = (&mut t, extra) {
        t.extend(extra);
    }
    t.to_string()
}

/// The result lines of a run.
fn results(o: &std::process::Output) -> Vec<Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

/// The result lines without their timings, which differ from run to run.
fn untimed_results(o: &std::process::Output) -> Vec<Value> {
    let mut r = results(o);
    for x in &mut r {
        x.as_object_mut().unwrap().remove("timings");
    }
    r
}

fn geojson_only() -> Value {
    json!({"options": {"formats": ["geojson"]}})
}

#[test]
fn each_line_gives_one_result_in_order_and_bad_lines_do_not_stop_the_stream() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("maps");
    let long = format!(r#"{{"id": "long", "title": "{}"}}"#, "x".repeat(5000));
    let input = [
        trip("a", geojson_only()),
        "not json".into(),
        trip(
            "b",
            json!({"options": {"formats": "geojson", "colour": "red"}}),
        ),
        String::new(),
        trip("a", geojson_only()),
        r#"{"stops": [{"name": "X", "lat": 1, "lon": 2}]}"#.into(),
        trip("c", json!({"stops": [{"name": "X", "lat": 95, "lon": 2}]})),
        long,
        trip("d", geojson_only()),
    ]
    .join("\n");
    let o = tripmap_with_stdin(
        &[
            "render",
            "--jsonl",
            "-o",
            out.to_str().unwrap(),
            "--max-input-bytes",
            "4K",
        ],
        input,
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let r = results(&o);
    let summary: Vec<(Value, u64, bool)> = r
        .iter()
        .map(|x| {
            (
                x["id"].clone(),
                x["line"].as_u64().unwrap(),
                x["ok"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (json!("a"), 1, true),
            (Value::Null, 2, false),
            (json!("b"), 3, false),
            (json!("a"), 5, false),
            (Value::Null, 6, false),
            (json!("c"), 7, false),
            (Value::Null, 8, false),
            (json!("d"), 9, true),
        ]
    );
    let err = |i: usize| &r[i]["error"];
    assert_eq!(err(1)["column"], 2);
    assert_eq!(err(2)["field"], "options.colour");
    assert!(
        err(3)["message"]
            .as_str()
            .unwrap()
            .contains("used again (first on line 1)")
    );
    assert_eq!(err(4)["field"], "id");
    assert_eq!(
        (err(5)["stop"].clone(), err(5)["field"].clone()),
        (json!(1), json!("lat"))
    );
    assert!(
        err(6)["message"]
            .as_str()
            .unwrap()
            .contains("over the maximum of 4096 bytes")
    );
    assert_eq!(
        r[0]["outputs"][0]["path"],
        out.join("a/stops.geojson").display().to_string()
    );
    assert!(r[0]["timings"]["total_ms"].as_f64().unwrap() > 0.0);
    let layer = read_json(&out.join("a/stops.geojson"));
    assert_eq!(layer["features"].as_array().unwrap().len(), 2);
    assert!(out.join("d/legs.geojson").exists());
    assert!(!out.join("b").exists() && !out.join("c").exists());
    assert_stderr_has(&o, "8 trips: 2 rendered, 6 failed (lines 2, 3, 5, 6, 7, 8)");
}

#[test]
fn inline_outputs_are_in_the_result_line_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let input = trip("x y/ü", json!({"options": {"width": 480, "theme": "dark"}}));
    let results_file = dir.path().join("results.jsonl");
    let o = tripmap_with_stdin(
        &[
            "render",
            "--jsonl",
            "--inline",
            "--results",
            results_file.to_str().unwrap(),
        ],
        input,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o), "");
    let text = std::fs::read_to_string(&results_file).unwrap();
    assert_eq!(text.lines().count(), 1);
    let r: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(r["id"], "x y/ü");
    let outputs = r["outputs"].as_array().unwrap();
    let names: Vec<&str> = outputs
        .iter()
        .map(|o| o["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["stops.geojson", "legs.geojson", "map.svg"]);
    assert_eq!(outputs[0]["json"]["type"], "FeatureCollection");
    assert_eq!(
        outputs[0]["json"]["features"][1]["properties"]["name"],
        "Porto"
    );
    let svg = outputs[2]["text"].as_str().unwrap();
    assert!(
        svg.starts_with("<svg") && svg.contains(r#"width="480""#),
        "{}",
        &svg[..200]
    );
    assert!(outputs.iter().all(|o| o.get("path").is_none()));
    assert!(!Path::new(&root().join("output").join("x y")).exists());
}

#[test]
fn unsafe_ids_are_refused_as_folder_names() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("o");
    let input = [
        trip("../escape", geojson_only()),
        trip(".hidden", geojson_only()),
        trip("ok-1", geojson_only()),
    ]
    .join("\n");
    let o = tripmap_with_stdin(&["render", "--jsonl", "-o", out.to_str().unwrap()], input);
    assert_eq!(o.status.code(), Some(1));
    let r = results(&o);
    assert_eq!(r[0]["error"]["field"], "id");
    assert!(
        r[0]["error"]["message"]
            .as_str()
            .unwrap()
            .contains("cannot name an output folder")
    );
    assert_eq!(r[1]["ok"], false);
    assert_eq!(r[2]["ok"], true);
    let names: Vec<_> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["ok-1"]);
    assert!(!dir.path().join("escape").exists());
}

#[test]
fn a_retried_line_replaces_only_its_own_folder() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("o");
    let o_arg = out.to_str().unwrap();
    let first = [trip("a", geojson_only()), trip("b", geojson_only())].join("\n");
    assert!(
        tripmap_with_stdin(&["render", "--jsonl", "-o", o_arg], first)
            .status
            .success()
    );
    let before_b = snapshot(&out.join("b"));
    let retry = trip(
        "a",
        json!({"title": "Again", "options": {"formats": ["geojson", "kml"]}}),
    );
    assert!(
        tripmap_with_stdin(&["render", "--jsonl", "-o", o_arg], retry)
            .status
            .success()
    );
    assert!(out.join("a/trip.kml").exists());
    assert!(read_text(&out.join("a/trip.kml")).contains("Again"));
    assert_eq!(snapshot(&out.join("b")), before_b);
}

#[test]
fn unordered_results_are_the_same_lines() {
    let input: Vec<String> = (0..12)
        .map(|i| trip(&format!("t{i}"), geojson_only()))
        .collect();
    let run = |extra: &[&str]| {
        let mut args = vec!["render", "--jsonl", "--inline", "--jobs", "3"];
        args.extend_from_slice(extra);
        let o = tripmap_with_stdin(&args, input.join("\n"));
        assert!(o.status.success(), "{}", stderr(&o));
        untimed_results(&o)
    };
    let ordered = run(&[]);
    let ids: Vec<&str> = ordered.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, (0..12).map(|i| format!("t{i}")).collect::<Vec<_>>());
    let mut unordered = run(&["--unordered"]);
    unordered.sort_by_key(|r| r["line"].as_u64());
    assert_eq!(unordered, ordered);
}

/// `--jobs 1` reads, renders and writes on one thread; more jobs use a reader, workers and a
/// writer. Both give the same lines: good trips, a line that is not JSON, a repeated id, a
/// bad trip and a blank line.
#[test]
fn one_job_and_many_give_the_same_lines() {
    let mut input: Vec<String> = (0..6)
        .map(|i| trip(&format!("t{i}"), geojson_only()))
        .collect();
    input.insert(2, "{not json".into());
    input.insert(4, trip("t1", geojson_only()));
    input.insert(
        5,
        r#"{"id":"bad-1","stops":[{"name":"X","lat":95,"lon":0}]}"#.into(),
    );
    input.insert(6, String::new());
    let run = |jobs: &str| {
        let o = tripmap_with_stdin(
            &["render", "--jsonl", "--inline", "--jobs", jobs],
            input.join("\n"),
        );
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        (untimed_results(&o), stderr(&o))
    };
    let (one, one_summary) = run("1");
    let (many, many_summary) = run("3");
    assert_eq!(one.len(), 9);
    let ok: Vec<bool> = one.iter().map(|r| r["ok"] == true).collect();
    assert_eq!(
        ok,
        [true, true, false, true, false, false, true, true, true]
    );
    assert_eq!(one, many);
    assert_eq!(one_summary, many_summary);
}

/// Results are flushed in batches only while more input is at hand: a caller that writes one
/// line and waits (a service, an engine feeding a pipe) gets its result before it sends the
/// next, with one job or several.
#[test]
fn a_waiting_caller_gets_each_result_before_sending_the_next_line() {
    use std::io::{BufRead, Write};
    for jobs in ["1", "2"] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_tripmap"))
            .args(["render", "--jsonl", "--inline", "--jobs", jobs])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        let stdout = std::io::BufReader::new(child.stdout.take().unwrap());
        // The results are read on a thread, so a result that never comes fails the test
        // (after a minute) instead of hanging it.
        let (tx, rx) = std::sync::mpsc::channel();
        let reader = std::thread::spawn(move || {
            for line in stdout.lines() {
                if tx.send(line.unwrap()).is_err() {
                    break;
                }
            }
        });
        for i in 0..3 {
            let id = format!("w{i}");
            writeln!(stdin, "{}", trip(&id, geojson_only())).unwrap();
            stdin.flush().unwrap();
            let line = rx
                .recv_timeout(std::time::Duration::from_secs(60))
                .unwrap_or_else(|_| {
                    panic!("--jobs {jobs}: no result for {id} while stdin is open")
                });
            let r: Value = serde_json::from_str(&line).unwrap();
            assert_eq!(r["id"], id.as_str());
        }
        drop(stdin);
        assert!(child.wait().unwrap().success());
        reader.join().unwrap();
    }
}

#[test]
fn options_that_need_jsonl_are_refused_without_it() {
    for flag in [
        &["--inline"][..],
        &["--unordered"],
        &["--shard", "0/2"],
        &["--results", "r"],
    ] {
        let mut args = vec!["render", "data/trips/pacific-2024.json"];
        args.extend_from_slice(flag);
        let o = tripmap(&args);
        assert_eq!(o.status.code(), Some(2), "{flag:?}");
    }
    let o = tripmap(&["render", "--jsonl", "a.jsonl", "b.jsonl"]);
    assert_eq!(o.status.code(), Some(2));
    assert_stderr_has(&o, "--jsonl reads one input");
}

#[test]
fn every_line_is_processed_by_exactly_one_shard() {
    let mut input: Vec<String> = (0..40)
        .map(|i| trip(&format!("s{i}"), geojson_only()))
        .collect();
    input.insert(7, "not json".into());
    input.insert(20, r#"{"stops": []}"#.into());
    input.push(trip("s3", geojson_only()));
    let lines = input.len() as u64;
    let input = input.join("\n");
    let mut seen: Vec<u64> = Vec::new();
    for i in 0..3 {
        let shard = format!("{i}/3");
        let o = tripmap_with_stdin(&["check", "--jsonl", "--shard", &shard], input.clone());
        let r = results(&o);
        assert!(
            !r.is_empty() && r.len() < 30,
            "shard {shard}: {} lines",
            r.len()
        );
        seen.extend(r.iter().map(|x| x["line"].as_u64().unwrap()));
        assert_stderr_has(
            &o,
            &format!("{} lines in other shards", lines as usize - r.len()),
        );
    }
    seen.sort();
    assert_eq!(seen, (1..=lines).collect::<Vec<_>>());
    // The same shard from the Kubernetes Indexed Job variable.
    let by_env = assert_cmd::Command::cargo_bin("tripmap")
        .unwrap()
        .args(["check", "--jsonl", "--shard", "auto/3"])
        .env("JOB_COMPLETION_INDEX", "1")
        .write_stdin(input.clone())
        .output()
        .unwrap();
    let by_flag = tripmap_with_stdin(&["check", "--jsonl", "--shard", "1/3"], input);
    let ids = |o: &std::process::Output| -> Vec<Value> {
        results(o).iter().map(|r| r["line"].clone()).collect()
    };
    assert_eq!(ids(&by_env), ids(&by_flag));
    let o = tripmap(&["check", "--jsonl", "--shard", "3/3", "x"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn check_jsonl_gives_a_summary_per_trip() {
    let input = [
        trip("a", json!({})),
        trip(
            "b",
            json!({"options": {"order": "shortest", "round_trip": true, "time_limit": 0}}),
        ),
        trip(
            "c",
            json!({"stops": [{"name": "Nowhere-on-earth-xyz", "arrive": "2024-01-01"}]}),
        ),
    ]
    .join("\n");
    let o = tripmap_with_stdin(&["check", "--jsonl"], input);
    assert_eq!(o.status.code(), Some(1));
    let r = results(&o);
    assert_eq!(r[0]["summary"]["stops"], 2);
    assert_eq!(r[0]["summary"]["legs"], 1);
    assert_eq!(r[0]["summary"]["first_day"], "2024-05-01");
    assert_eq!(r[0]["summary"]["last_day"], "2024-05-03");
    let km = r[0]["summary"]["distance_km"].as_f64().unwrap();
    assert!((km - 274.0).abs() < 5.0, "{km}");
    assert_eq!(r[1]["summary"]["legs"], 2);
    assert_eq!(r[2]["ok"], false);
    assert!(
        r[2]["error"]["message"]
            .as_str()
            .unwrap()
            .contains("Nowhere-on-earth-xyz")
    );
    assert!(r.iter().all(|x| x.get("outputs").is_none()));
    assert_stderr_has(&o, "3 trips: 2 checked, 1 failed (line 3)");
}

#[test]
fn check_json_is_one_document() {
    let o = tripmap(&["check", "--json", "data/trips/pacific-2024.json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let doc: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(doc["ok"], true);
    assert_eq!(doc["input"], "data/trips/pacific-2024.json");
    assert!(doc["summary"]["stops"].as_u64().unwrap() > 2);
    assert!(doc["warnings"].is_array());
    let (_dir, bad) = temp_file("bad.csv", "name,lat,lon\nOslo,59.9,10.7\nBergen,95,5.3\n");
    let o = tripmap(&["check", "--json", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let doc: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(doc["ok"], false);
    assert_eq!(doc["error"]["line"], 3);
    assert_eq!(doc["error"]["field"], "lat");
    assert_eq!(doc["error"]["stop"], 2);
    let (_dir, broken) = temp_file("broken.json", "{\n  \"stops\": [\n    {\"name\": }\n");
    let o = tripmap(&["check", "--json", broken.to_str().unwrap()]);
    let doc: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(
        (doc["error"]["line"].clone(), doc["error"]["column"].clone()),
        (json!(3), json!(14))
    );
    let o = tripmap(&["check", "--json", "missing.json"]);
    let doc: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(
        doc["error"]["message"]
            .as_str()
            .unwrap()
            .contains("no such file")
    );
}

/// Each trip folder under `dir` by id, with its files (hidden staging folders left out).
fn folders(dir: &Path) -> std::collections::BTreeMap<String, Vec<(String, Vec<u8>)>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|name| !name.starts_with('.'))
        .map(|name| (name.clone(), snapshot(&dir.join(&name))))
        .collect()
}

#[test]
fn a_killed_stream_leaves_each_trip_folder_old_or_new() {
    let ids: Vec<String> = (0..80).map(|i| format!("k{i}")).collect();
    let old: Vec<String> = ids.iter().map(|id| trip(id, geojson_only())).collect();
    let new: Vec<String> = ids
        .iter()
        .map(|id| {
            trip(
                id,
                json!({"title": "New", "options": {"formats": ["geojson", "kml"]}}),
            )
        })
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let (out, reference) = (dir.path().join("out"), dir.path().join("new"));
    let render = |lines: &[String], to: &Path| {
        let o = tripmap_with_stdin(
            &["render", "--jsonl", "-o", to.to_str().unwrap()],
            lines.join("\n"),
        );
        assert!(o.status.success(), "{}", stderr(&o));
    };
    render(&old, &out);
    render(&new, &reference);
    let (before, after) = (folders(&out), folders(&reference));
    assert_ne!(before["k0"], after["k0"]);

    // The new stream, killed with SIGKILL after its 10th result line.
    let input = dir.path().join("new.jsonl");
    std::fs::write(&input, new.join("\n")).unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_tripmap"))
        .args(["render", "--jsonl", "--jobs", "2", "-o"])
        .arg(&out)
        .arg(&input)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut stdout = std::io::BufReader::new(child.stdout.take().unwrap());
    for _ in 0..10 {
        let mut line = String::new();
        std::io::BufRead::read_line(&mut stdout, &mut line).unwrap();
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let killed = folders(&out);
    let (mut old_count, mut new_count) = (0, 0);
    for (id, files) in &killed {
        if files == &before[id] {
            old_count += 1;
        } else {
            assert_eq!(
                files, &after[id],
                "{id} is neither the old folder nor the new one"
            );
            new_count += 1;
        }
    }
    assert_eq!(killed.len(), ids.len());
    assert!(
        new_count >= 10 && old_count > 0,
        "{new_count} new, {old_count} old"
    );

    // Restarted, the stream finishes the job; no staging folder is left.
    render(&new, &out);
    assert_eq!(folders(&out), after);
    let hidden: Vec<_> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n.to_string_lossy().starts_with('.'))
        .collect();
    assert!(hidden.is_empty(), "{hidden:?}");
}
