//! `--order shortest` end to end: open paths, fixed ends, round trips, dated stops keeping their
//! order among undated ones, determinism, and every bad input with its message.

mod common;
use common::*;
use serde_json::Value;
use std::path::Path;

/// Twenty European cities (real coordinates), undated, in alphabetical order.
const CITIES: &[(&str, f64, f64)] = &[
    ("Amsterdam", 52.3676, 4.9041),
    ("Athens", 37.9838, 23.7275),
    ("Barcelona", 41.3874, 2.1686),
    ("Berlin", 52.52, 13.405),
    ("Bucharest", 44.4268, 26.1025),
    ("Budapest", 47.4979, 19.0402),
    ("Copenhagen", 55.6761, 12.5683),
    ("Dublin", 53.3498, -6.2603),
    ("Helsinki", 60.1699, 24.9384),
    ("Lisbon", 38.7223, -9.1393),
    ("London", 51.5072, -0.1276),
    ("Madrid", 40.4168, -3.7038),
    ("Oslo", 59.9139, 10.7522),
    ("Paris", 48.8566, 2.3522),
    ("Prague", 50.0755, 14.4378),
    ("Rome", 41.9028, 12.4964),
    ("Stockholm", 59.3293, 18.0686),
    ("Vienna", 48.2082, 16.3738),
    ("Warsaw", 52.2297, 21.0122),
    ("Zurich", 47.3769, 8.5417),
];

fn csv(rows: &[(&str, f64, f64, &str)]) -> String {
    let mut s = String::from("name,lat,lon,arrive\n");
    for (name, lat, lon, arrive) in rows {
        s.push_str(&format!("{name},{lat},{lon},{arrive}\n"));
    }
    s
}

fn cities() -> String {
    csv(&CITIES
        .iter()
        .map(|&(n, la, lo)| (n, la, lo, ""))
        .collect::<Vec<_>>())
}

/// Renders `trip` (CSV text) with `args`; returns (stops features, legs features).
fn render(dir: &Path, trip: &str, args: &[&str]) -> (Vec<Value>, Vec<Value>) {
    let input = dir.join("trip.csv");
    std::fs::write(&input, trip).unwrap();
    let out = dir.join("out");
    render_ok(input.to_str().unwrap(), &out, args);
    let features = |f: &str| {
        read_json(&out.join(f))["features"]
            .as_array()
            .unwrap()
            .clone()
    };
    (features("stops.geojson"), features("legs.geojson"))
}

fn names(stops: &[Value]) -> Vec<String> {
    stops
        .iter()
        .map(|f| f["properties"]["name"].as_str().unwrap().to_string())
        .collect()
}

fn total_km(legs: &[Value]) -> f64 {
    legs.iter()
        .map(|l| l["properties"]["dist_km"].as_f64().unwrap())
        .sum()
}

#[test]
fn open_path_is_shorter_and_starts_at_the_first_stop() {
    let dir = tempfile::tempdir().unwrap();
    let (stops, legs) = render(dir.path(), &cities(), &["--order", "shortest"]);
    assert_eq!(stops.len(), 20);
    assert_eq!(legs.len(), 19);
    assert_eq!(names(&stops)[0], "Amsterdam");
    let mut inputs: Vec<u64> = stops
        .iter()
        .map(|f| f["properties"]["input_no"].as_u64().unwrap())
        .collect();
    let orders: Vec<u64> = stops
        .iter()
        .map(|f| f["properties"]["order"].as_u64().unwrap())
        .collect();
    assert_eq!(orders, (1..=20).collect::<Vec<_>>());
    inputs.sort();
    assert_eq!(inputs, (1..=20).collect::<Vec<_>>());
    let (_, given) = render(dir.path(), &cities(), &["--order", "as-given"]);
    let (short, long) = (total_km(&legs), total_km(&given));
    assert!(
        short < 0.5 * long,
        "shortest {short} km vs as given {long} km"
    );
}

#[test]
fn fixed_start_and_end() {
    let dir = tempfile::tempdir().unwrap();
    let (stops, _) = render(
        dir.path(),
        &cities(),
        &["--order", "shortest", "--start", "Lisbon", "--end", "17"],
    );
    let n = names(&stops);
    assert_eq!(n.first().unwrap(), "Lisbon");
    assert_eq!(n.last().unwrap(), "Stockholm");
}

#[test]
fn round_trip_has_a_closing_leg_and_one_feature_per_stop() {
    let dir = tempfile::tempdir().unwrap();
    let (stops, legs) = render(
        dir.path(),
        &cities(),
        &["--order", "shortest", "--round-trip", "--start", "paris"],
    );
    assert_eq!(stops.len(), 20);
    assert_eq!(legs.len(), 20);
    let last = &legs[19]["properties"];
    assert_eq!(last["to_name"], "Paris");
    assert_eq!(last["to_order"], 1);
    assert_eq!(last["from_order"], 20);
    assert_eq!(names(&stops)[0], "Paris");
}

#[test]
fn dated_stops_keep_their_order_and_undated_ones_go_where_they_cost_least() {
    let dir = tempfile::tempdir().unwrap();
    // Dated: Lisbon, then Helsinki, then Madrid (a zig-zag a pure shortest order would avoid).
    let trip = csv(&[
        ("Lisbon", 38.7223, -9.1393, "2024-05-01"),
        ("Oslo", 59.9139, 10.7522, ""),
        ("Madrid", 40.4168, -3.7038, "2024-05-09"),
        ("Porto", 41.1579, -8.6291, ""),
        ("Helsinki", 60.1699, 24.9384, "2024-05-05"),
        ("Stockholm", 59.3293, 18.0686, ""),
        ("Seville", 37.3891, -5.9845, ""),
    ]);
    let (stops, _) = render(dir.path(), &trip, &["--order", "shortest"]);
    let n = names(&stops);
    let at = |s: &str| n.iter().position(|x| x == s).unwrap();
    assert_eq!(n[0], "Lisbon");
    assert!(
        at("Lisbon") < at("Helsinki") && at("Helsinki") < at("Madrid"),
        "{n:?}"
    );
    // Oslo and Stockholm belong between Lisbon and Helsinki, Porto near Lisbon, Seville near Madrid.
    assert!(
        at("Oslo") < at("Helsinki") && at("Stockholm") < at("Helsinki"),
        "{n:?}"
    );
    assert!(at("Seville") > at("Helsinki"), "{n:?}");
}

#[test]
fn same_seed_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let mut trip = cities();
    // 60 more stops on a grid so the heuristic (not the exact solver) runs.
    for i in 0..60 {
        trip.push_str(&format!(
            "G{i},{},{},\n",
            40.0 + (i / 8) as f64 * 1.7,
            -5.0 + (i % 8) as f64 * 3.1
        ));
    }
    let input = dir.path().join("trip.csv");
    std::fs::write(&input, &trip).unwrap();
    let run = |out: &str| {
        let out = dir.path().join(out);
        let args = ["--order", "shortest", "--seed", "3", "--time-limit", "60"];
        render_ok(input.to_str().unwrap(), &out, &args);
        snapshot(&out)
    };
    // The kick count, not the clock, ends the search (40,000 kicks for 80 stops).
    let a = run("a");
    assert!(a == run("b"), "same seed, same bytes");
}

#[test]
fn one_and_two_stops_and_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    let (s, l) = render(
        dir.path(),
        &csv(&[("Rome", 41.9, 12.5, "")]),
        &["--order", "shortest", "--round-trip"],
    );
    assert_eq!((s.len(), l.len()), (1, 0));
    let (s, l) = render(
        dir.path(),
        &csv(&[("Rome", 41.9, 12.5, ""), ("Oslo", 59.9, 10.75, "")]),
        &["--order", "shortest"],
    );
    assert_eq!((s.len(), l.len()), (2, 1));
    let dup: Vec<_> = (0..30)
        .map(|i| {
            (
                if i % 2 == 0 { "Here" } else { "There" },
                10.0 + (i % 2) as f64,
                20.0,
                "",
            )
        })
        .collect();
    let (s, l) = render(
        dir.path(),
        &csv(&dup),
        &["--order", "shortest", "--start", "1"],
    );
    assert_eq!(s.len(), 30);
    // Two places: one crossing between them is enough.
    assert_eq!(
        l.iter()
            .filter(|x| x["properties"]["dist_km"].as_f64().unwrap() > 0.0)
            .count(),
        1
    );
}

#[test]
fn check_prints_the_lower_bound() {
    let (_dir, input) = temp_file("trip.csv", &cities());
    let o = tripmap(&["check", input.to_str().unwrap(), "--order", "shortest"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("shortest order: ") && out.contains("lower bound"),
        "{out}"
    );
}

#[test]
fn bad_input_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let mut dup = cities();
    dup.push_str("Paris,33.66,-95.55,\n");
    let dated = csv(&[
        ("A", 10.0, 10.0, "2024-01-01"),
        ("B", 11.0, 11.0, "2024-01-02"),
        ("C", 12.0, 10.0, ""),
    ]);
    let cases: &[(&str, &[&str], &[&str])] = &[
        (
            &cities(),
            &["--start", "Pariss"],
            &[
                "--start \"Pariss\": no stop has this name",
                "did you mean \"Paris\" (stop 14)?",
            ],
        ),
        (
            &cities(),
            &["--end", "Atlantis"],
            &["--end \"Atlantis\": no stop has this name"],
        ),
        (
            &cities(),
            &["--start", "21"],
            &["--start 21: the trip has stops 1 to 20"],
        ),
        (
            &dup,
            &["--start", "Paris"],
            &[
                "--start \"Paris\" is ambiguous",
                "stop 14 \"Paris\"",
                "stop 21 \"Paris\"",
                "stop number",
            ],
        ),
        (
            &cities(),
            &["--round-trip", "--end", "Rome"],
            &["--round-trip", "cannot be used with --end"],
        ),
        (
            &cities(),
            &["--start", "Rome", "--end", "16"],
            &["stop 16 \"Rome\" cannot be both the start and the end"],
        ),
        (
            &dated,
            &["--start", "B"],
            &[
                "--start stop 2 \"B\" is dated",
                "stop 1 \"A\" is dated earlier",
            ],
        ),
        (
            &dated,
            &["--start", "C", "--end", "A"],
            &["--end stop 1 \"A\" is dated", "stop 2 \"B\" is dated later"],
        ),
        (&cities(), &["--time-limit", "-1"], &["--time-limit -1"]),
    ];
    for (trip, args, expect) in cases {
        let input = dir.path().join("bad.csv");
        std::fs::write(&input, trip).unwrap();
        let out = dir.path().join("never");
        let mut all = vec![
            "render",
            input.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--order",
            "shortest",
        ];
        all.extend_from_slice(args);
        let o = tripmap(&all);
        let err = stderr(&o);
        // A bad option value is a usage error (exit 2, issue 20); the rest are bad input.
        let code = if args[0] == "--time-limit" { 2 } else { 1 };
        assert_eq!(o.status.code(), Some(code), "{args:?}: {err}");
        for e in *expect {
            assert!(err.contains(e), "{args:?}: expected `{e}` in: {err}");
        }
        assert!(!err.contains("panicked"));
        assert!(!out.exists(), "no output written on error");
    }
    // --start without --order shortest.
    let input = dir.path().join("bad.csv");
    std::fs::write(&input, cities()).unwrap();
    let o = tripmap(&["check", input.to_str().unwrap(), "--start", "Rome"]);
    assert_eq!(o.status.code(), Some(1));
    assert_stderr_has(&o, "add --order shortest");
}

#[test]
fn fully_dated_bundled_trips_keep_their_time_order() {
    // Every stop of the reference trips is dated: the date order is the only feasible order.
    for trip in bundled_trips() {
        let dir = tempfile::tempdir().unwrap();
        let run = |order: &str, out: &str| {
            let out = dir.path().join(out);
            render_ok(&trip, &out, &["--order", order]);
            snapshot(&out)
        };
        let summary = tripmap(&["check", &trip]);
        let all_dated = !stdout(&summary).contains("undated");
        if all_dated {
            assert_eq!(run("shortest", "s"), run("time", "t"), "{trip}");
        }
    }
}
