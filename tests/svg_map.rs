//! `map.svg`, structurally: parsed with roxmltree, checked for the accessibility skeleton,
//! one marker and one label per place, unique prefixed ids, layers, and hostile text that must
//! stay text.

mod common;
use common::*;
use roxmltree::{Document, Node};
use std::collections::HashSet;
use std::path::Path;

/// Renders `input` into `dir` with `extra` arguments; returns its `map.svg`.
fn render(input: &str, dir: &Path, extra: &[&str]) -> String {
    render_ok(input, dir, extra);
    read_text(&dir.join("map.svg"))
}

fn class_is(n: &Node, suffix: &str) -> bool {
    n.attribute("class")
        .is_some_and(|c| c.split(' ').any(|c| c.ends_with(&format!("-{suffix}"))))
}

fn count(doc: &Document, suffix: &str) -> usize {
    doc.descendants().filter(|n| class_is(n, suffix)).count()
}

/// How many stops the footer's key lists ("Not labelled on the map: 5 A (5 Nov) · 6 B.").
fn key_entries(doc: &Document) -> usize {
    let text: Vec<&str> = doc
        .descendants()
        .filter(|n| class_is(n, "key"))
        .map(|n| n.text().unwrap_or(""))
        .collect();
    let text = text.join(" ");
    if text.is_empty() {
        0
    } else {
        text.matches(" · ").count() + 1
    }
}

/// Everything the issue asks of the file, for any map.
fn check_structure(svg: &str) -> Document<'_> {
    let doc = Document::parse(svg).expect("well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://www.w3.org/2000/svg")
    );
    let vb: Vec<f64> = root
        .attribute("viewBox")
        .expect("viewBox")
        .split(' ')
        .map(|v| v.parse().unwrap())
        .collect();
    assert_eq!(vb.len(), 4);
    assert_eq!(root.attribute("role"), Some("img"));
    let prefix = root.attribute("class").unwrap().to_string();
    let kids: Vec<Node> = root.children().filter(|n| n.is_element()).collect();
    assert_eq!(kids[0].tag_name().name(), "title");
    assert_eq!(kids[1].tag_name().name(), "desc");
    assert_eq!(
        root.attribute("aria-labelledby").unwrap(),
        format!(
            "{} {}",
            kids[0].attribute("id").unwrap(),
            kids[1].attribute("id").unwrap()
        )
    );
    // Named layers in order.
    let layers: Vec<&str> = kids
        .iter()
        .filter(|n| n.tag_name().name() == "g")
        .map(|n| n.attribute("id").unwrap())
        .collect();
    let want: Vec<String> = ["basemap", "route", "stops", "labels", "insets", "furniture"]
        .iter()
        .map(|l| format!("{prefix}-{l}"))
        .collect();
    assert_eq!(layers, want);
    // Unique, prefixed ids and classes; nothing external or executable.
    let mut ids = HashSet::new();
    let allowed = [
        "svg", "title", "desc", "style", "g", "path", "circle", "rect", "line", "text",
    ];
    for n in doc.descendants().filter(|n| n.is_element()) {
        assert!(
            allowed.contains(&n.tag_name().name()),
            "<{}>",
            n.tag_name().name()
        );
        if let Some(id) = n.attribute("id") {
            assert!(id.starts_with(&format!("{prefix}-")), "{id}");
            assert!(ids.insert(id.to_string()), "duplicate id {id}");
        }
        if let Some(c) = n.attribute("class") {
            for c in c.split(' ') {
                assert!(c.starts_with(&prefix), "class {c}");
            }
        }
        for a in n.attributes() {
            assert!(
                !a.name().to_ascii_lowercase().starts_with("on"),
                "{}",
                a.name()
            );
            assert!(!a.name().contains("href"), "{}", a.name());
        }
        if n.tag_name().name() == "text" {
            assert!(n.children().all(|c| c.is_text()), "text holds only text");
        }
    }
    doc
}

#[test]
fn bundled_maps_are_complete_accessible_and_small() {
    let expect = [
        ("data/trips/blinken-2023-11.json", 8),
        ("data/trips/europe-rail-2024.csv", 6),
        ("data/trips/pacific-2024.json", 5),
    ];
    for (trip, places) in expect {
        let dir = tempfile::tempdir().unwrap();
        let svg = render(trip, dir.path(), &[]);
        let doc = check_structure(&svg);
        assert_eq!(
            count(&doc, "marker") - 1,
            places,
            "{trip}: markers (less the legend's)"
        );
        assert_eq!(count(&doc, "label"), places, "{trip}: labels");
        assert_eq!(count(&doc, "key"), 0, "{trip}: every label on the map");
        assert!(svg.len() <= 150 * 1024, "{trip}: {} bytes", svg.len());
        let desc = doc.descendants().find(|n| n.has_tag_name("desc")).unwrap();
        assert!(desc.text().unwrap().contains("in visiting order"));
    }
}

#[test]
fn reference_trip_puts_the_levant_cluster_in_an_inset() {
    let dir = tempfile::tempdir().unwrap();
    let svg = render("data/trips/blinken-2023-11.json", dir.path(), &[]);
    let doc = check_structure(&svg);
    let insets = doc
        .descendants()
        .find(|n| n.attribute("id").is_some_and(|i| i.ends_with("-insets")))
        .unwrap();
    let names: Vec<&str> = insets
        .descendants()
        .filter(|n| class_is(n, "label-name"))
        .map(|n| n.text().unwrap())
        .collect();
    for city in ["Tel Aviv", "Amman", "Ramallah"] {
        assert!(names.contains(&city), "{city} not in the inset: {names:?}");
    }
    assert_eq!(
        count(&doc, "locator"),
        2,
        "a locator box, and its legend entry"
    );
    assert_eq!(count(&doc, "connector"), 1);
    let sub = doc
        .descendants()
        .find(|n| class_is(n, "subtitle"))
        .unwrap()
        .text()
        .unwrap();
    assert_eq!(sub, "8 stops · 2–8 Nov 2023 · 21,000 km");
}

#[test]
fn hostile_text_stays_text() {
    let dir = tempfile::tempdir().unwrap();
    let svg = render(
        "tests/fixtures/svg/hostile.json",
        dir.path(),
        &["--annotate"],
    );
    let doc = check_structure(&svg);
    assert_eq!(count(&doc, "marker") - 1, 7);
    assert_eq!(
        count(&doc, "label") + key_entries(&doc),
        7,
        "no stop dropped"
    );
    for c in svg.chars() {
        let forbidden = (c < ' ' && !matches!(c, '\t' | '\n' | '\r'))
            || ('\u{7f}'..='\u{9f}').contains(&c)
            || ('\u{202a}'..='\u{202e}').contains(&c);
        assert!(!forbidden, "U+{:04X} in the output", c as u32);
    }
    let title = doc.descendants().find(|n| n.has_tag_name("title")).unwrap();
    assert_eq!(
        title.text().unwrap(),
        "<script>window.__pwned=1</script> & \"quotes\" ]]>"
    );
    let texts: Vec<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| n.text().unwrap_or("").to_string())
        .collect();
    assert!(texts.iter().any(|t| t == "<script>alert(1)</script>"));
    assert!(texts.iter().any(|t| t == "\"><svg onload=alert(1)>"));
    assert!(texts.iter().any(|t| t.contains("<!-- Am&man -->")));
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("XXXX") && t.ends_with('…'))
    );
    assert!(texts.iter().any(|t| t.contains("🚀")));
    assert!(texts.iter().any(|t| t == "ctlend"));
    assert!(
        texts.iter().any(|t| t.contains("onmouseover")),
        "notes as callouts"
    );
}

#[test]
fn a_phone_width_map_keeps_every_stop() {
    let dir = tempfile::tempdir().unwrap();
    let svg = render(
        "data/trips/blinken-2023-11.json",
        dir.path(),
        &["--width", "320"],
    );
    let doc = check_structure(&svg);
    assert_eq!(count(&doc, "marker") - 1, 8);
    assert_eq!(count(&doc, "label") + key_entries(&doc), 8);
}

#[test]
fn options_reach_the_map() {
    let dir = tempfile::tempdir().unwrap();
    let trip = "data/trips/blinken-2023-11.json";
    let svg = render(
        trip,
        dir.path(),
        &[
            "--id-prefix",
            "m2",
            "--theme",
            "dark",
            "--miles",
            "--width",
            "640",
            "--graticule",
        ],
    );
    let doc = check_structure(&svg);
    assert_eq!(doc.root_element().attribute("class"), Some("m2"));
    assert!(
        doc.root_element()
            .attribute("viewBox")
            .unwrap()
            .starts_with("0 0 640 ")
    );
    assert!(svg.contains("#121519"), "dark page colour");
    assert!(svg.contains(" mi</text>"), "scale bar in miles");
    assert!(svg.contains("13,100 mi"), "subtitle in miles");
    assert_eq!(count(&doc, "graticule"), 1);
    assert_eq!(count(&doc, "label"), 8);
    let tall = render(trip, &dir.path().join("tall"), &["--height", "700"]);
    let doc = check_structure(&tall);
    let vb = doc.root_element().attribute("viewBox").unwrap();
    assert!(vb.ends_with(" 700"), "--height: {vb}");
    assert_eq!(count(&doc, "label"), 8);
    for (flag, value, says) in [
        ("--id-prefix", "1<x", "id prefix"),
        ("--width", "10", "width"),
    ] {
        let o = tripmap(&[
            "render",
            trip,
            "-o",
            dir.path().to_str().unwrap(),
            flag,
            value,
        ]);
        assert!(!o.status.success(), "{flag} {value}");
        assert_stderr_has(&o, says);
    }
}

#[test]
fn a_place_visited_twice_has_one_marker_with_both_numbers() {
    let (dir, trip) = temp_file(
        "loop.json",
        r#"{"stops": [
        {"name": "Paris", "lat": 48.8566, "lon": 2.3522, "arrive": "2024-06-01"},
        {"name": "Lyon", "lat": 45.764, "lon": 4.8357, "arrive": "2024-06-03"},
        {"name": "Paris", "lat": 48.8566, "lon": 2.3522, "arrive": "2024-06-05"}]}"#,
    );
    let svg = render(
        trip.to_str().unwrap(),
        &dir.path().join("out"),
        &["--dates", "long"],
    );
    let doc = check_structure(&svg);
    assert_eq!(count(&doc, "marker") - 1, 2);
    let nums: Vec<&str> = doc
        .descendants()
        .filter(|n| class_is(n, "marker-num"))
        .map(|n| n.text().unwrap())
        .collect();
    assert!(nums.contains(&"1,3"), "{nums:?}");
    assert!(svg.contains("1 June, 5 June"), "both visits dated");
}

/// A stop's `callout` property draws its note as a callout without `--annotate`; other stops'
/// notes stay off the map.
#[test]
fn per_stop_callout() {
    let (dir, trip) = temp_file(
        "trip.json",
        r#"{"title": "Two stops", "stops": [
  {"name": "Amman", "lat": 31.9539, "lon": 35.9106, "arrive": "2023-11-04",
   "note": "Summit with Arab ministers", "properties": {"callout": true}},
  {"name": "Baghdad", "lat": 33.3152, "lon": 44.3661, "arrive": "2023-11-05",
   "note": "Unannounced visit"}
]}"#,
    );
    let out = dir.path().join("out");
    let svg = render(trip.to_str().unwrap(), &out, &[]);
    let doc = check_structure(&svg);
    let notes: Vec<&str> = doc
        .descendants()
        .filter(|n| class_is(n, "note"))
        .filter_map(|n| n.text())
        .collect();
    assert!(notes.iter().any(|t| t.contains("Summit")), "{notes:?}");
    assert!(
        !svg.contains("Unannounced visit"),
        "only the asked-for note is drawn"
    );
}
