//! `trip.kml`'s folders: a folder per local day (per trip, then per day, with `--together`), as
//! Google Earth users browse an itinerary; what GDAL's two KML drivers make of them (a layer per
//! day folder, exactly as the README says); the `day` and `trip` values on every placemark; and
//! tripmap reading its own KML back in route order whatever the folders.

mod common;
use common::*;
use roxmltree::{Document, Node};
use std::path::Path;

const BLINKEN: &str = "data/trips/blinken-2023-11.json";

/// The `<name>` of a KML element.
fn name<'a>(n: Node<'a, '_>) -> &'a str {
    n.children()
        .find(|c| c.has_tag_name("name"))
        .and_then(|c| c.text())
        .unwrap_or("")
}

/// The `<Data name="key">` value of a placemark.
fn data<'a>(placemark: Node<'a, '_>, key: &str) -> Option<&'a str> {
    placemark
        .descendants()
        .find(|d| d.has_tag_name("Data") && d.attribute("name") == Some(key))
        .and_then(|d| d.children().find(|v| v.has_tag_name("value")))
        .and_then(|v| v.text())
}

/// The folder tree under `parent`: each folder as `name: [placemark names]` or
/// `name { subfolders }`, one line each, indented by depth.
fn tree(parent: Node, depth: usize, out: &mut Vec<String>) {
    for f in parent.children().filter(|n| n.has_tag_name("Folder")) {
        let marks: Vec<&str> = f
            .children()
            .filter(|c| c.has_tag_name("Placemark"))
            .map(name)
            .collect();
        let pad = "  ".repeat(depth);
        if marks.is_empty() {
            out.push(format!("{pad}{}", name(f)));
        } else {
            out.push(format!("{pad}{}: {}", name(f), marks.join(" | ")));
        }
        tree(f, depth + 1, out);
    }
}

fn folders(kml: &str) -> Vec<String> {
    let doc = Document::parse(kml).unwrap();
    let document = doc
        .root_element()
        .children()
        .find(|n| n.has_tag_name("Document"))
        .unwrap();
    let mut out = Vec::new();
    tree(document, 0, &mut out);
    out
}

fn render_kml(input: &str, dir: &Path, extra: &[&str]) -> String {
    let mut args = vec!["--format", "geojson,kml"];
    args.extend(extra);
    render_ok(input, dir, &args);
    read_text(&dir.join("trip.kml"))
}

#[test]
fn the_reference_trip_has_a_folder_per_local_day() {
    let dir = tempfile::tempdir().unwrap();
    let kml = render_kml(BLINKEN, dir.path(), &[]);
    assert_eq!(
        folders(&kml),
        [
            "Thu 2 Nov 2023: Washington, D.C. | Washington, D.C. → Tel Aviv",
            "Fri 3 Nov 2023: Tel Aviv | Tel Aviv → Amman",
            "Sat 4 Nov 2023: Amman | Amman → Ramallah",
            "Sun 5 Nov 2023: Ramallah | Ramallah → Larnaca | Larnaca | Larnaca → Baghdad | Baghdad | Baghdad → Ankara | Ankara",
            // Ankara was reached on the 5th at 23:00 and left on the 6th: the flight is the 6th's.
            "Mon 6 Nov 2023: Ankara → Tokyo",
            "Tue 7 Nov 2023: Tokyo",
        ]
    );
}

#[test]
fn every_placemark_carries_the_day_and_trip_of_the_layers_and_sits_in_its_day() {
    let dir = tempfile::tempdir().unwrap();
    let kml = render_kml(BLINKEN, dir.path(), &[]);
    let doc = Document::parse(&kml).unwrap();
    let stops = read_json(&dir.path().join("stops.geojson"));
    let legs = read_json(&dir.path().join("legs.geojson"));
    let features = |v: &serde_json::Value| v["features"].as_array().unwrap().clone();
    let (stops, legs) = (features(&stops), features(&legs));
    let marks: Vec<Node> = doc
        .descendants()
        .filter(|n| n.has_tag_name("Placemark"))
        .collect();
    assert_eq!(
        marks.len(),
        stops.len() + legs.len(),
        "each stop and leg once"
    );
    for m in &marks {
        let is_stop = m.descendants().any(|d| d.has_tag_name("Point"));
        let order: usize = data(*m, "order").unwrap().parse().unwrap();
        let feature = if is_stop {
            &stops[order - 1]
        } else {
            &legs[order - 1]
        };
        let p = &feature["properties"];
        assert_eq!(data(*m, "day"), p["day"].as_str(), "{}", name(*m));
        assert_eq!(data(*m, "trip"), p["trip"].as_str(), "{}", name(*m));
        // The folder is the day's: its name is that date, written out.
        let folder = m.parent().unwrap();
        let day = jiff::civil::Date::strptime("%Y-%m-%d", p["day"].as_str().unwrap()).unwrap();
        assert_eq!(name(folder), day.strftime("%a %-d %b %Y").to_string());
    }
}

#[test]
fn several_trips_have_a_folder_each_holding_their_days() {
    let dir = tempfile::tempdir().unwrap();
    render_ok(
        "tests/fixtures/together/spring-alps.json",
        dir.path(),
        &[
            "tests/fixtures/together/autumn-alps.json",
            "--together",
            "--format",
            "kml",
        ],
    );
    let kml = read_text(&dir.path().join("trip.kml"));
    assert_eq!(
        folders(&kml),
        [
            "Spring tour",
            "  Tue 2 Apr 2024: Paris | Paris → Lyon | Lyon",
            "  Thu 4 Apr 2024: Lyon → Geneva",
            "  Fri 5 Apr 2024: Geneva",
            "Autumn tour",
            "  Thu 10 Oct 2024: Geneva | Geneva → Milan | Milan",
            "  Sat 12 Oct 2024: Milan → Venice | Venice",
        ]
    );
    // The trip is named on each of its placemarks too, for readers that flatten folders.
    let doc = Document::parse(&kml).unwrap();
    for trip in doc
        .descendants()
        .filter(|n| n.has_tag_name("Folder") && n.parent().unwrap().has_tag_name("Document"))
    {
        for m in trip.descendants().filter(|n| n.has_tag_name("Placemark")) {
            assert_eq!(data(m, "trip"), Some(name(trip)));
        }
    }
}

#[test]
fn undated_stops_and_their_legs_go_in_a_last_folder_and_a_trip_without_dates_keeps_stops_and_legs()
{
    let (dir, trip) = temp_file(
        "partly.json",
        r#"{"title": "Partly dated", "stops": [
            {"name": "A", "lat": 50, "lon": 10, "arrive": "2024-05-01"},
            {"name": "B", "lat": 50.5, "lon": 10.5},
            {"name": "C", "lat": 51, "lon": 11, "arrive": "2024-05-03"}
        ]}"#,
    );
    let kml = render_kml(
        trip.to_str().unwrap(),
        &dir.path().join("out"),
        &["--order", "as-given"],
    );
    assert_eq!(
        folders(&kml),
        [
            "Wed 1 May 2024: A | A → B",
            // A leg from an undated stop is travelled on the day it arrives.
            "Fri 3 May 2024: B → C | C",
            "No date: B",
        ]
    );
    let (dir, trip) = temp_file(
        "undated.json",
        r#"{"stops": [
            {"name": "A", "lat": 50, "lon": 10},
            {"name": "B", "lat": 50.5, "lon": 10.5}
        ]}"#,
    );
    let kml = render_kml(trip.to_str().unwrap(), &dir.path().join("out"), &[]);
    assert_eq!(folders(&kml), ["Stops: A | B", "Legs: A → B"]);
}

/// Each layer ogrinfo lists: `name (geometry): features`.
fn ogr_layers(path: &Path, driver: &str) -> Vec<String> {
    let mut extra = vec!["-so"];
    if driver == "KML" {
        // GDAL opens KML with LIBKML when it has it; skipping it gives the older KML driver.
        extra.extend(["--config", "GDAL_SKIP", "LIBKML"]);
    }
    let info = ogrinfo(&extra, path);
    assert!(
        info.contains(&format!("using driver `{driver}' successful")),
        "{info}"
    );
    let mut out = Vec::new();
    let mut layer = String::new();
    let mut geometry = String::new();
    for line in info.lines() {
        if let Some(n) = line.strip_prefix("Layer name: ") {
            layer = n.to_string();
        } else if let Some(g) = line.strip_prefix("Geometry: ") {
            geometry = g.to_string();
        } else if let Some(c) = line.strip_prefix("Feature Count: ") {
            out.push(format!("{layer} ({geometry}): {c}"));
        }
    }
    out
}

#[test]
fn gdal_reads_each_day_folder_as_a_layer_as_the_readme_says() {
    let dir = tempfile::tempdir().unwrap();
    render_kml(BLINKEN, dir.path(), &[]);
    let kml = dir.path().join("trip.kml");
    // LIBKML: every folder is a layer, of any geometry.
    assert_eq!(
        ogr_layers(&kml, "LIBKML"),
        [
            "Thu 2 Nov 2023 (Unknown (any)): 2",
            "Fri 3 Nov 2023 (Unknown (any)): 2",
            "Sat 4 Nov 2023 (Unknown (any)): 2",
            "Sun 5 Nov 2023 (Unknown (any)): 7",
            "Mon 6 Nov 2023 (Unknown (any)): 1",
            "Tue 7 Nov 2023 (Unknown (any)): 1",
        ]
    );
    // The older KML driver: the same layers, typed when a day holds one kind of geometry.
    assert_eq!(
        ogr_layers(&kml, "KML"),
        [
            "Thu 2 Nov 2023 (Unknown (any)): 2",
            "Fri 3 Nov 2023 (Unknown (any)): 2",
            "Sat 4 Nov 2023 (Unknown (any)): 2",
            "Sun 5 Nov 2023 (Unknown (any)): 7",
            "Mon 6 Nov 2023 (Line String): 1",
            "Tue 7 Nov 2023 (Point): 1",
        ]
    );
    // With several trips, LIBKML also lists each trip's folder, as an empty layer.
    let both = tempfile::tempdir().unwrap();
    render_ok(
        "tests/fixtures/together/spring-alps.json",
        both.path(),
        &[
            "tests/fixtures/together/autumn-alps.json",
            "--together",
            "--format",
            "kml",
        ],
    );
    let kml = both.path().join("trip.kml");
    let names = |driver| -> Vec<String> {
        ogr_layers(&kml, driver)
            .into_iter()
            .map(|l| l[..l.find(" (").unwrap()].to_string() + &l[l.rfind(':').unwrap()..])
            .collect()
    };
    assert_eq!(
        names("LIBKML"),
        [
            "Spring tour: 0",
            "Tue 2 Apr 2024: 3",
            "Thu 4 Apr 2024: 1",
            "Fri 5 Apr 2024: 1",
            "Autumn tour: 0",
            "Thu 10 Oct 2024: 3",
            "Sat 12 Oct 2024: 2",
        ]
    );
    assert_eq!(
        names("KML"),
        [
            "Tue 2 Apr 2024: 3",
            "Thu 4 Apr 2024: 1",
            "Fri 5 Apr 2024: 1",
            "Thu 10 Oct 2024: 3",
            "Sat 12 Oct 2024: 2",
        ]
    );
}

#[test]
fn a_kml_filed_by_day_reads_back_in_route_order() {
    // Taken as given, the route visits B (the 3rd) before C (the 2nd): the day folders hold C
    // first, yet the stops read back in the route's order, by their `order` values.
    let (dir, trip) = temp_file(
        "zigzag.json",
        r#"{"title": "Zigzag", "stops": [
            {"name": "A", "lat": 50, "lon": 10, "arrive": "2024-05-01"},
            {"name": "B", "lat": 50, "lon": 12, "arrive": "2024-05-03"},
            {"name": "C", "lat": 50, "lon": 11, "arrive": "2024-05-02"}
        ]}"#,
    );
    let first = dir.path().join("first");
    let kml = render_kml(trip.to_str().unwrap(), &first, &["--order", "as-given"]);
    assert_eq!(
        folders(&kml),
        [
            "Wed 1 May 2024: A | A → B",
            "Thu 2 May 2024: C",
            "Fri 3 May 2024: B | B → C",
        ]
    );
    let again = dir.path().join("again");
    render_ok(
        first.join("trip.kml").to_str().unwrap(),
        &again,
        &["--order", "as-given", "--format", "geojson"],
    );
    let names = |d: &Path| -> Vec<String> {
        read_json(&d.join("stops.geojson"))["features"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["properties"]["name"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(names(&first), ["A", "B", "C"]);
    assert_eq!(names(&again), names(&first));
}
