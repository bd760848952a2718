//! `map.svg` at phone and article widths (320, 400, 480, 640 px) for every bundled trip, parsed
//! with roxmltree: no two stop markers overlap (on the main map or in an inset), every marker is
//! inside the picture, and the source line carries the trip's whole source and the map credit,
//! with nothing cut.

mod common;
use common::*;
use roxmltree::{Document, Node};
use std::path::Path;

const WIDTHS: [u32; 4] = [320, 400, 480, 640];

fn class_is(n: &Node, suffix: &str) -> bool {
    n.attribute("class")
        .is_some_and(|c| c.split(' ').any(|c| c.ends_with(&format!("-{suffix}"))))
}

/// The sum of the `translate(x y)` transforms of `n`'s ancestors.
fn offset(n: &Node) -> (f64, f64) {
    let mut o = (0.0, 0.0);
    for a in n.ancestors() {
        if let Some(t) = a.attribute("transform") {
            let inner = t
                .strip_prefix("translate(")
                .and_then(|t| t.strip_suffix(')'))
                .unwrap_or_else(|| panic!("only translations: {t}"));
            let v: Vec<f64> = inner
                .split([' ', ','])
                .filter(|s| !s.is_empty())
                .map(|s| s.parse().unwrap())
                .collect();
            o.0 += v[0];
            o.1 += v.get(1).copied().unwrap_or(0.0);
        }
    }
    o
}

/// Stop markers' discs: centre and radius in page pixels.
fn markers(doc: &Document) -> Vec<(f64, f64, f64)> {
    doc.descendants()
        .filter(|n| class_is(n, "marker-dot"))
        // The legend's sample marker sits in the furniture, not on the map.
        .filter(|n| {
            !n.ancestors().any(|a| {
                a.attribute("id")
                    .is_some_and(|id| id.ends_with("-furniture"))
            })
        })
        .map(|n| {
            let (dx, dy) = offset(&n);
            let f = |a: &str| n.attribute(a).unwrap().parse::<f64>().unwrap();
            (f("cx") + dx, f("cy") + dy, f("r"))
        })
        .collect()
}

/// The trip's own `source` text, cleaned as the map cleans it.
fn trip_source(trip: &str) -> Option<String> {
    let path = root().join(trip);
    let format = tripmap::io::Format::from_path(&path).unwrap();
    let itinerary = tripmap::io::read(&std::fs::read(&path).unwrap(), format).unwrap();
    itinerary
        .source
        .as_deref()
        .map(tripmap::scene::clean_text)
        .filter(|s| !s.is_empty())
}

fn no_space(s: &str) -> String {
    s.split_whitespace().collect()
}

#[test]
fn narrow_maps_keep_markers_apart_and_the_source_whole() {
    let dir = tempfile::tempdir().unwrap();
    let mut failures = Vec::new();
    for trip in bundled_trips() {
        let stem = Path::new(&trip).file_stem().unwrap().to_string_lossy();
        let source = trip_source(&trip);
        for w in WIDTHS {
            let out = dir.path().join(format!("{stem}-{w}"));
            let o = tripmap(&[
                "render",
                &trip,
                "-o",
                out.to_str().unwrap(),
                "--width",
                &w.to_string(),
            ]);
            assert!(o.status.success(), "{trip}: {}", stderr(&o));
            let svg = std::fs::read_to_string(out.join("map.svg")).unwrap();
            let doc = Document::parse(&svg).unwrap();
            let vb: Vec<f64> = doc
                .root_element()
                .attribute("viewBox")
                .unwrap()
                .split(' ')
                .map(|v| v.parse().unwrap())
                .collect();
            let m = markers(&doc);
            assert!(m.len() >= 3, "{trip} at {w} px: {m:?}");
            for (i, a) in m.iter().enumerate() {
                if a.0 - a.2 < 0.0 || a.1 - a.2 < 0.0 || a.0 + a.2 > vb[2] || a.1 + a.2 > vb[3] {
                    failures.push(format!("{stem} at {w} px: marker {a:?} leaves the picture"));
                }
                for b in &m[i + 1..] {
                    let d = (a.0 - b.0).hypot(a.1 - b.1);
                    if d < a.2 + b.2 {
                        failures.push(format!(
                            "{stem} at {w} px: markers at ({}, {}) and ({}, {}) overlap ({d:.1} px apart, radii {} and {})",
                            a.0, a.1, b.0, b.1, a.2, b.2
                        ));
                    }
                }
            }
            let lines: Vec<String> = doc
                .descendants()
                .filter(|n| class_is(n, "source"))
                .map(|n| n.text().unwrap_or("").to_string())
                .collect();
            let text = no_space(&lines.concat());
            if lines.iter().any(|l| l.contains('…')) {
                failures.push(format!("{stem} at {w} px: source cut: {lines:?}"));
            }
            if let Some(s) = &source
                && !text.starts_with(&no_space(&format!("Source: {s}.")))
            {
                failures.push(format!(
                    "{stem} at {w} px: source {s:?} not whole in {lines:?}"
                ));
            }
            if !text.ends_with(&no_space("projection; scale true at the centre.")) {
                failures.push(format!("{stem} at {w} px: credit not whole in {lines:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
