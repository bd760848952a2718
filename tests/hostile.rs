//! Hostile text in every text field of a CSV trip (name, note, kind, an extra column) and of a
//! JSON trip (title, subtitle, source, properties) must stay text in every output: the SVG, KML
//! and GPX use no element or attribute that the same trip with harmless text does not use, and the
//! GeoJSON layers still parse.

mod common;
use common::*;
use std::collections::BTreeSet;
use std::path::Path;

const NASTY: &[&str] = &[
    "<script>alert(1)</script>",
    "\"><svg onload=alert(1)>",
    "]]><x/>",
    "<!-- c -->",
    "&amp;&lt;&#x3c;",
    "\u{202e}evil\u{202c}",
    "a\u{0001}b\u{000b}c\u{007f}d",
    "' onmouseover='alert(1)",
    "{}};*{background:url(javascript:alert(1))}",
];

/// The element and attribute names an XML file uses. Layout may differ with longer text (more
/// wrapped lines, a leader line), but no name may appear that the harmless trip does not use.
fn shape(xml: &str) -> BTreeSet<String> {
    let doc = roxmltree::Document::parse(xml).expect("well-formed XML");
    let mut out = BTreeSet::new();
    for n in doc.descendants().filter(|n| n.is_element()) {
        out.insert(n.tag_name().name().to_string());
        for a in n.attributes() {
            out.insert(format!("@{}", a.name()));
        }
    }
    out
}

fn csv_trip(text: impl Fn(usize) -> String) -> String {
    let mut s = String::from("name,lat,lon,arrive,note,kind,remark\n");
    let q = |t: String| format!("\"{}\"", t.replace('"', "\"\""));
    for (i, (lat, lon)) in [(31.95, 35.91), (33.31, 44.37), (39.93, 32.86)]
        .iter()
        .enumerate()
    {
        s.push_str(&format!(
            "{},{lat},{lon},2023-11-0{},{},{},{}\n",
            q(text(3 * i)),
            i + 4,
            q(text(3 * i + 1)),
            q(text(3 * i + 2)),
            q(text(3 * i + 3)),
        ));
    }
    s
}

fn render(dir: &Path, name: &str, body: &str, extra: &[&str]) -> Vec<(String, Vec<u8>)> {
    let input = dir.join(name);
    std::fs::write(&input, body).unwrap();
    let out = dir.join(format!("{name}-out"));
    let mut args = vec!["--format", "svg,geojson,kml,gpx"];
    args.extend_from_slice(extra);
    render_ok(input.to_str().unwrap(), &out, &args);
    snapshot(&out)
}

fn compare(benign: &[(String, Vec<u8>)], hostile: &[(String, Vec<u8>)]) {
    assert_eq!(benign.len(), hostile.len());
    for ((name, b), (_, h)) in benign.iter().zip(hostile) {
        let h = String::from_utf8(h.clone()).expect("UTF-8 output");
        let b = String::from_utf8(b.clone()).unwrap();
        if name.ends_with(".geojson") {
            let v: serde_json::Value = serde_json::from_str(&h).expect("GeoJSON parses");
            assert_eq!(v["type"], "FeatureCollection");
            continue;
        }
        let (b, h_shape) = (shape(&b), shape(&h));
        let injected: Vec<_> = h_shape.difference(&b).collect();
        assert!(injected.is_empty(), "{name}: injected {injected:?}");
        assert!(
            !h_shape.iter().any(|a| a.starts_with("@on")),
            "{name}: event attribute"
        );
        for c in h.chars() {
            // XML 1.0 forbids these control characters; the map (what a reader sees) also drops
            // bidi overrides, while KML and GPX keep them as the user's data.
            let forbidden = (c < ' ' && !matches!(c, '\t' | '\n' | '\r'))
                || (name.ends_with(".svg") && c == '\u{202e}');
            assert!(!forbidden, "{name}: U+{:04X} in the output", c as u32);
        }
        assert!(!h.contains("<script"), "{name}: a script element");
    }
}

#[test]
fn hostile_csv_fields_stay_text_in_every_output() {
    let dir = tempfile::tempdir().unwrap();
    let benign = render(
        dir.path(),
        "benign.csv",
        &csv_trip(|i| format!("Text {i}")),
        &["--annotate"],
    );
    let hostile = render(
        dir.path(),
        "hostile.csv",
        &csv_trip(|i| format!("{} {i}", NASTY[i % NASTY.len()])),
        &["--annotate"],
    );
    compare(&benign, &hostile);
}

#[test]
fn hostile_json_title_source_and_properties_stay_text() {
    let trip = |t: &dyn Fn(usize) -> String| {
        let j = |s: String| serde_json::to_string(&s).unwrap();
        format!(
            r#"{{"title": {}, "subtitle": {}, "source": {}, "stops": [
  {{"name": {}, "lat": 35.68, "lon": 139.65, "arrive": "2023-11-07", "note": {},
    "properties": {{"remark": {}}}}},
  {{"name": {}, "lat": 21.31, "lon": -157.86, "arrive": "2023-11-09"}}]}}"#,
            j(t(0)),
            j(t(1)),
            j(t(2)),
            j(t(3)),
            j(t(4)),
            j(t(5)),
            j(t(6))
        )
    };
    let dir = tempfile::tempdir().unwrap();
    let benign = render(
        dir.path(),
        "benign.json",
        &trip(&|i| format!("Text {i}")),
        &["--annotate"],
    );
    let hostile = render(
        dir.path(),
        "hostile.json",
        &trip(&|i| format!("{} {i}", NASTY[(i + 2) % NASTY.len()])),
        &["--annotate"],
    );
    compare(&benign, &hostile);
}
