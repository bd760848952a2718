//! The stream mode on a real engine: `examples/dask/driver.py` splits 2,000 generated trips
//! (`examples/gen_trips.rs`, about 5% bad lines) into partitions and pipes each through
//! `tripmap render --jsonl` on a Dask distributed `LocalCluster` of 2 worker processes, then
//! checks that every good line rendered and every bad line failed. Dask is installed, pinned,
//! by `scripts/test.sh` into `target/pytools/dask`.

mod common;
#[path = "../examples/gen_trips.rs"]
mod gen_trips;

use common::*;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The Python of the Dask virtual environment.
fn dask_python() -> PathBuf {
    let target = Path::new(env!("CARGO_TARGET_TMPDIR")).parent().unwrap();
    let p = target.join("pytools/dask/bin/python");
    assert!(
        p.exists(),
        "{} is missing: run scripts/test.sh, which installs the Python test tools",
        p.display()
    );
    p
}

/// `examples/dask/driver.py` on `trips` with 2 workers, GeoJSON only, its result lines into
/// `results`, with `more` options.
fn run_driver(trips: &Path, results: &Path, more: &[&str]) -> std::process::Output {
    Command::new(dask_python())
        .arg(root().join("examples/dask/driver.py"))
        .arg(trips)
        .args(["--tripmap", env!("CARGO_BIN_EXE_tripmap"), "--workers", "2"])
        .args(more)
        .arg("--results")
        .arg(results)
        .args(["--", "--format", "geojson"])
        .output()
        .unwrap()
}

/// The driver's `--results` file: one JSON object per line.
fn result_lines(path: &Path) -> Vec<serde_json::Value> {
    read_text(path)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// Two runs' results give every line the same id, line number and outcome, in the same order.
fn assert_same_outcomes(a: &[serde_json::Value], b: &[serde_json::Value]) {
    assert_eq!(a.len(), b.len());
    for (x, y) in a.iter().zip(b) {
        assert_eq!(
            (&x["id"], &x["line"], &x["ok"]),
            (&y["id"], &y["line"], &y["ok"])
        );
    }
}

#[test]
fn dask_renders_every_line_as_expected() {
    let dir = tempfile::tempdir().unwrap();
    let trips = dir.path().join("trips.jsonl");
    let mut file = std::io::BufWriter::new(std::fs::File::create(&trips).unwrap());
    gen_trips::generate(2000, 11, 0.05, &mut file).unwrap();
    drop(file);
    let maps = dir.path().join("maps");
    let results = dir.path().join("results.jsonl");
    let maps_arg = maps.to_str().unwrap();
    // Partitions staged as files in a folder of our own, which the run leaves as it found it.
    let stage = dir.path().join("stage");
    std::fs::create_dir(&stage).unwrap();
    let stage_arg = stage.to_str().unwrap();
    let o = run_driver(&trips, &results, &["--out", maps_arg, "--stage", stage_arg]);
    assert!(o.status.success(), "{}\n{}", stdout(&o), stderr(&o));
    assert_eq!(std::fs::read_dir(&stage).unwrap().count(), 0);
    let summary: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(summary["workers"], 2);
    assert_eq!(summary["lines"], 2000);
    assert_eq!(summary["results"], 2000);
    assert_eq!(summary["unexpected"], 0);
    let failed = summary["failed"].as_u64().unwrap();
    assert!((50..200).contains(&failed), "{failed} bad lines");
    // Each good trip has its folder, and only those.
    let lines = result_lines(&results);
    let ok_ids: Vec<&str> = lines
        .iter()
        .filter(|r| r["ok"] == true)
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert!(ok_ids.iter().all(|id| id.starts_with("t-")));
    // With `-o`, a result keeps its warnings and timings and leaves out the files' paths.
    for r in lines.iter().filter(|r| r["ok"] == true) {
        assert!(r["warnings"].is_array() && r["timings"].is_object(), "{r}");
        assert!(r.get("outputs").is_none(), "{r}");
    }
    assert_eq!(std::fs::read_dir(&maps).unwrap().count(), ok_ids.len());
    let layer = read_json(&maps.join(ok_ids[0]).join("stops.geojson"));
    assert_eq!(layer["type"], "FeatureCollection");

    // Inline, with the outputs dropped (the timing runs): the worker reads each result line
    // only up to its outputs, and still finds every line's id, line number and outcome.
    let o = run_driver(&trips, &results, &["--inline", "--drop-outputs"]);
    assert!(o.status.success(), "{}\n{}", stdout(&o), stderr(&o));
    let dropped: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(dropped["unexpected"], 0);
    assert_eq!(dropped["failed"], summary["failed"]);
    let again = result_lines(&results);
    assert_same_outcomes(&again, &lines);
    for a in &again {
        assert!(a.get("outputs").is_none(), "{a}");
    }

    // Inline with the outputs kept, the partitions sent through Dask rather than staged as
    // files (as to a cluster with no shared folder): the same outcomes, and each rendered
    // line carries its layers.
    let o = run_driver(&trips, &results, &["--inline", "--no-stage"]);
    assert!(o.status.success(), "{}\n{}", stdout(&o), stderr(&o));
    let kept = result_lines(&results);
    assert_same_outcomes(&kept, &lines);
    for a in &kept {
        if a["ok"] == true {
            let outputs = a["outputs"].as_array().unwrap();
            let stops = outputs
                .iter()
                .find(|e| e["name"] == "stops.geojson")
                .unwrap();
            assert_eq!(stops["json"]["type"], "FeatureCollection", "{a}");
        }
    }
}
