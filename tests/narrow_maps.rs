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
    discs(doc).iter().map(|d| (d.c.0, d.c.1, d.r)).collect()
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

/// A stop marker's disc in page pixels, the stop numbers it carries and the inset it is drawn
/// in (`None` on the main map).
struct Disc {
    c: (f64, f64),
    r: f64,
    numbers: Vec<usize>,
    inset: Option<usize>,
}

/// Which inset `n` is drawn in: the position of its `inset` ancestor among the document's nodes.
fn inset_of(n: &Node) -> Option<usize> {
    n.ancestors()
        .find(|a| class_is(a, "inset"))
        .map(|a| a.id().get_usize())
}

/// Every map marker (main map and insets) with its numbers, centre and radius in page pixels.
fn discs(doc: &Document) -> Vec<Disc> {
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
            // The stops a marker stands for: its `data-stop`, else the number written on it
            // (a small unnumbered marker carries only the attribute).
            let parent = n.parent().unwrap();
            let numbers = parent
                .attribute("data-stop")
                .or_else(|| {
                    parent
                        .children()
                        .find(|t| class_is(t, "marker-num"))
                        .and_then(|t| t.text())
                })
                .unwrap_or("")
                .split(|c: char| !c.is_ascii_digit())
                .filter_map(|s| s.parse().ok())
                .collect();
            Disc {
                c: (f("cx") + dx, f("cy") + dy),
                r: f("r"),
                numbers,
                inset: inset_of(&n),
            }
        })
        .collect()
}

/// A label's box in page pixels, from its callout box or its lines of text (text metrics as
/// the map sets them: names 12 px bold, dates 11 px, notes 10.5 px).
fn label_box(g: &Node) -> (f64, f64, f64, f64) {
    use tripmap::scene::text_metrics::{Weight, ascent_px, descent_px, width_px};
    let (dx, dy) = offset(&g.first_child().unwrap_or(*g));
    let f = |n: &Node, a: &str| n.attribute(a).unwrap().parse::<f64>().unwrap();
    if let Some(b) = g.children().find(|n| class_is(n, "callout")) {
        let (x, y) = (f(&b, "x") + dx, f(&b, "y") + dy);
        return (x, y, x + f(&b, "width"), y + f(&b, "height"));
    }
    let mut r = (
        f64::INFINITY,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NEG_INFINITY,
    );
    for t in g.children().filter(|n| n.has_tag_name("text")) {
        let (size, weight) = if class_is(&t, "label-name") {
            (12.0, Weight::Bold)
        } else if class_is(&t, "label-date") {
            (11.0, Weight::Regular)
        } else {
            (10.5, Weight::Regular)
        };
        let (x, y) = (f(&t, "x") + dx, f(&t, "y") + dy);
        let w = width_px(t.text().unwrap_or(""), size, weight);
        r = (
            r.0.min(x),
            r.1.min(y - ascent_px(size)),
            r.2.max(x + w),
            r.3.max(y + descent_px(size)),
        );
    }
    r
}

/// Distance from a box to a disc's edge, pixels (0 when they touch).
fn box_to_disc(b: (f64, f64, f64, f64), d: &Disc) -> f64 {
    let q = (d.c.0.clamp(b.0, b.2), d.c.1.clamp(b.1, b.3));
    ((q.0 - d.c.0).hypot(q.1 - d.c.1) - d.r).max(0.0)
}

/// Distance from point `p` to segment a→b.
fn point_to_segment(p: (f64, f64), a: (f64, f64), b: (f64, f64)) -> f64 {
    let (vx, vy) = (b.0 - a.0, b.1 - a.1);
    let len2 = vx * vx + vy * vy;
    let t = if len2 > 0.0 {
        (((p.0 - a.0) * vx + (p.1 - a.1) * vy) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    (a.0 + t * vx - p.0).hypot(a.1 + t * vy - p.1)
}

/// Stop names as the map writes them, in stop order.
fn stop_names(trip: &str) -> Vec<String> {
    let path = root().join(trip);
    let format = tripmap::io::Format::from_path(&path).unwrap();
    let itinerary = tripmap::io::read(&std::fs::read(&path).unwrap(), format).unwrap();
    itinerary
        .stops
        .iter()
        .map(|s| tripmap::scene::clean_text(&s.name))
        .collect()
}

/// Why a label could be read as another stop's, if it could: its box must be nearer its own
/// marker's disc than any other disc (in its map or inset), or a leader must join its own disc
/// to the box, cross no other disc, and the box keep 6 px from every other disc.
fn misread(g: &Node, own: &Disc, others: &[&Disc]) -> Option<String> {
    let b = label_box(g);
    let mine = box_to_disc(b, own);
    let (nearest, other) = others
        .iter()
        .map(|d| (box_to_disc(b, d), d))
        .min_by(|a, b| a.0.total_cmp(&b.0))?;
    if nearest > mine {
        return None;
    }
    let leader = g.children().find(|n| class_is(n, "leader")).map(|l| {
        let (dx, dy) = offset(&l);
        let f = |a: &str| l.attribute(a).unwrap().parse::<f64>().unwrap();
        ((f("x1") + dx, f("y1") + dy), (f("x2") + dx, f("y2") + dy))
    });
    let why = format!(
        "box {b:.1?} is {nearest:.1} px from marker {:?}, {mine:.1} px from its own {:?}",
        other.numbers, own.numbers
    );
    let Some((a, z)) = leader else {
        return Some(why);
    };
    let on_disc = |p: (f64, f64)| ((p.0 - own.c.0).hypot(p.1 - own.c.1) - own.r).abs() < 1.5;
    let on_box = |p: (f64, f64)| {
        let q = (p.0.clamp(b.0, b.2), p.1.clamp(b.1, b.3));
        // The leader ends on the label's own box, a little larger than its text.
        (q.0 - p.0).hypot(q.1 - p.1) < 4.0
    };
    let joins = (on_disc(a) && on_box(z)) || (on_disc(z) && on_box(a));
    let crosses = others
        .iter()
        .any(|d| point_to_segment(d.c, a, z) < d.r - 0.5);
    if joins && !crosses && nearest >= 6.0 {
        None
    } else {
        Some(format!(
            "{why}; its leader {a:?}–{z:?} joins them: {joins}, crosses a marker: {crosses}"
        ))
    }
}

#[test]
fn every_label_reads_as_its_own_stop() {
    let dir = tempfile::tempdir().unwrap();
    let mut failures = Vec::new();
    let mut checked = 0;
    for trip in bundled_trips() {
        let stem = Path::new(&trip).file_stem().unwrap().to_string_lossy();
        let names = stop_names(&trip);
        for w in [320, 400, 480, 640, 960] {
            for annotate in [false, true] {
                let out = dir.path().join(format!("{stem}-{w}-{annotate}"));
                let mut args = vec![
                    "render".to_string(),
                    trip.clone(),
                    "-o".into(),
                    out.to_str().unwrap().into(),
                    "--width".into(),
                    w.to_string(),
                ];
                if annotate {
                    args.push("--annotate".into());
                }
                let args: Vec<&str> = args.iter().map(String::as_str).collect();
                let o = tripmap(&args);
                assert!(o.status.success(), "{trip}: {}", stderr(&o));
                let svg = std::fs::read_to_string(out.join("map.svg")).unwrap();
                let doc = Document::parse(&svg).unwrap();
                let all = discs(&doc);
                for g in doc.descendants().filter(|n| class_is(n, "label")) {
                    let name = g
                        .children()
                        .find(|n| class_is(n, "label-name"))
                        .and_then(|n| n.text())
                        .unwrap_or("");
                    // A name cut to fit ends in an ellipsis.
                    let cut = name.strip_suffix('…');
                    let numbers: Vec<usize> = (0..names.len())
                        .filter(|&i| match cut {
                            Some(c) => names[i].starts_with(c),
                            None => names[i] == name,
                        })
                        .map(|i| i + 1)
                        .collect();
                    let inset = inset_of(&g);
                    let here: Vec<&Disc> = all.iter().filter(|d| d.inset == inset).collect();
                    let b = label_box(&g);
                    // The own marker: the nearest of those carrying a stop of this name.
                    let Some(own) = here
                        .iter()
                        .filter(|d| d.numbers.iter().any(|n| numbers.contains(n)))
                        .min_by(|x, y| box_to_disc(b, x).total_cmp(&box_to_disc(b, y)))
                    else {
                        failures.push(format!("{stem} at {w} px: no marker for label {name:?}"));
                        continue;
                    };
                    let others: Vec<&Disc> = here
                        .iter()
                        .filter(|d| !std::ptr::eq(**d, *own))
                        .copied()
                        .collect();
                    checked += 1;
                    if let Some(why) = misread(&g, own, &others) {
                        failures.push(format!(
                            "{stem} at {w} px{}: label {name:?} could be read as another stop's: {why}",
                            if annotate { " annotated" } else { "" }
                        ));
                    }
                }
            }
        }
    }
    assert!(checked > 200, "only {checked} labels checked");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
