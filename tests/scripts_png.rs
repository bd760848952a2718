//! Names in their own scripts, in `map.png`: nine real trips (`tests/fixtures/scripts/`:
//! Japanese, Arabic, Hebrew, Russian, Greek, Hindi, Thai, Korean, Chinese; coordinates from
//! `tripmap geocode`, GeoNames) rendered with the bundled fonts.
//!
//! - Every grapheme cluster of every text leaves ink where the scene put it: the PNG is
//!   compared with the same map drawn with all text removed.
//! - resvg lays out every text at the width the scene measured it, with no missing glyph.
//! - A character no bundled font has is named in a warning, and the PNG still renders.

mod common;
use common::*;
use resvg::{tiny_skia, usvg};
use std::path::PathBuf;
use tripmap::pipeline::{self, RenderOptions};
use tripmap::render::{OutputFormat, png, svg};
use tripmap::scene::text_metrics::{Weight, width_px};
use tripmap::scene::{self, Anchor, Item, Scene};
use unicode_segmentation::UnicodeSegmentation;

/// The trips, sorted.
fn trips() -> Vec<PathBuf> {
    let mut t: Vec<PathBuf> = std::fs::read_dir(root().join("tests/fixtures/scripts"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    t.sort();
    assert_eq!(t.len(), 9);
    t
}

/// A trip's scene, `map.svg` and `map.png` (at `scale`), as the CLI makes them.
fn render(trip: &PathBuf, width: f64, scale: f64) -> (Scene, String, Vec<u8>) {
    let bytes = std::fs::read(trip).unwrap();
    let itinerary = tripmap::io::read(&bytes, tripmap::io::Format::Json).unwrap();
    let mut options = RenderOptions::default();
    options.formats = vec![OutputFormat::Svg, OutputFormat::Png];
    options.map.width_px = width;
    options.write.png_scale = scale;
    let rendered = pipeline::render(&itinerary, &options).unwrap();
    let file = |name: &str| {
        let f = rendered.files.iter().find(|f| f.name == name).unwrap();
        f.bytes.clone()
    };
    let scene = scene::build(&rendered.route, &options.map).unwrap();
    let svg = String::from_utf8(file("map.svg")).unwrap();
    (scene, svg, file("map.png"))
}

/// Font size and weight of a text class, read from the map's own style sheet.
fn style(svg: &str, prefix: &str, class: &str) -> (f64, Weight) {
    let rule = format!(".{prefix}-{class}{{");
    let start = svg.find(&rule).unwrap_or_else(|| panic!("no rule {rule}")) + rule.len();
    let body = &svg[start..start + svg[start..].find('}').unwrap()];
    let size = body
        .split(';')
        .find_map(|d| d.strip_prefix("font-size:"))
        .and_then(|v| v.trim_end_matches("px").parse().ok())
        .unwrap();
    let weight = if body.contains("font-weight:700") {
        Weight::Bold
    } else {
        Weight::Regular
    };
    (size, weight)
}

/// One text of the scene, where it is on the page.
struct PlacedText {
    text: String,
    class: &'static str,
    x0: f64,
    baseline: f64,
}

/// Every text of `items`, shifted by `offset`.
fn texts(items: &[Item], offset: (f64, f64), svg: &str, prefix: &str, out: &mut Vec<PlacedText>) {
    for item in items {
        match item {
            Item::Text {
                class,
                at,
                anchor,
                text,
            } => {
                let (size, weight) = style(svg, prefix, class);
                let w = width_px(text, size, weight);
                let x = at.0 + offset.0;
                let x0 = match anchor {
                    Anchor::Start => x,
                    Anchor::Middle => x - w / 2.0,
                    Anchor::End => x - w,
                };
                out.push(PlacedText {
                    text: text.clone(),
                    class,
                    x0,
                    baseline: at.1 + offset.1,
                });
            }
            Item::Group { items, .. } => texts(items, offset, svg, prefix, out),
            _ => {}
        }
    }
}

/// `svg` without its `<text>` elements.
fn without_text(svg: &str) -> String {
    let mut out = String::new();
    let mut rest = svg;
    while let Some(i) = rest.find("<text") {
        out.push_str(&rest[..i]);
        let end = rest[i..].find("</text>").unwrap() + i + "</text>".len();
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// Whether the first letter with a direction is right-to-left (the text then reads from the
/// right, its first cluster at the right end).
fn reads_from_right(text: &str) -> bool {
    text.chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(|c| matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF))
}

#[test]
fn every_cluster_of_every_text_leaves_ink_in_the_png() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for trip in trips() {
        // A phone's width at its pixel density, and a desktop's at one PNG pixel per SVG pixel
        // (debug builds draw slowly).
        for (width, scale) in [(320.0, 2.0), (960.0, 1.0)] {
            let (scene, svg, bytes) = render(&trip, width, scale);
            let with = tiny_skia::Pixmap::decode_png(&bytes).unwrap();
            let bare = png::png(without_text(&svg).as_bytes(), scale).unwrap();
            let bare = tiny_skia::Pixmap::decode_png(&bare).unwrap();
            let differs = |x: f64, y: f64| {
                let (x, y) = ((x * scale) as u32, (y * scale) as u32);
                match (with.pixel(x, y), bare.pixel(x, y)) {
                    (Some(a), Some(b)) => {
                        let d = |p: u8, q: u8| (i32::from(p) - i32::from(q)).abs();
                        d(a.red(), b.red()) + d(a.green(), b.green()) + d(a.blue(), b.blue()) > 60
                    }
                    _ => false,
                }
            };
            let mut all = Vec::new();
            for layer in &scene.layers {
                texts(&layer.items, layer.offset, &svg, &scene.prefix, &mut all);
            }
            for t in &all {
                let (size, weight) = style(&svg, &scene.prefix, t.class);
                let total = width_px(&t.text, size, weight);
                let rtl = reads_from_right(&t.text);
                for (i, g) in t.text.grapheme_indices(true) {
                    if g.trim().is_empty() {
                        continue;
                    }
                    let a = width_px(&t.text[..i], size, weight);
                    let b = width_px(&t.text[..i + g.len()], size, weight);
                    let (l, r) = if rtl { (total - b, total - a) } else { (a, b) };
                    // Joined letters (Arabic) take other forms alone than in the word, so a
                    // prefix's width only roughly places them: a narrow cluster gets 1.5 px
                    // either side.
                    let (l, r) = (l.min(r), l.max(r));
                    let (l, r) = if r - l < 3.0 {
                        (l - 1.5, r + 1.5)
                    } else {
                        (l + 0.15 * (r - l), r - 0.15 * (r - l))
                    };
                    let (x0, x1) = (t.x0 + l, t.x0 + r);
                    let (y0, y1) = (t.baseline - 0.75 * size, t.baseline + 0.1 * size);
                    let mut ink = 0;
                    let mut y = y0;
                    while y < y1 {
                        let mut x = x0;
                        while x < x1 {
                            ink += usize::from(differs(x, y));
                            x += 1.0 / scale;
                        }
                        y += 1.0 / scale;
                    }
                    checked += 1;
                    if ink == 0 {
                        failures.push(format!(
                            "{} at {width} px: \"{g}\" of \"{}\" ({}) left no ink",
                            stem(trip.to_str().unwrap()),
                            t.text,
                            t.class
                        ));
                    }
                }
            }
        }
    }
    assert!(checked > 1500, "{checked}");
    assert!(
        failures.is_empty(),
        "{} of {checked}:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Every text node of a usvg tree.
fn text_nodes(group: &usvg::Group, out: &mut Vec<usvg::Text>) {
    for node in group.children() {
        match node {
            usvg::Node::Text(t) => out.push((**t).clone()),
            usvg::Node::Group(g) => text_nodes(g, out),
            _ => {}
        }
    }
}

#[test]
fn resvg_lays_out_every_text_at_the_measured_width_with_no_missing_glyph() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for trip in trips() {
        let (scene, _, _) = render(&trip, 960.0, 1.0);
        let svg = svg::write_for_resvg(&scene);
        let tree = usvg::Tree::from_data(&svg, &png::usvg_options()).unwrap();
        let mut nodes = Vec::new();
        text_nodes(tree.root(), &mut nodes);
        for t in nodes {
            let text: String = t.chunks().iter().map(|c| c.text()).collect();
            let span = &t.chunks()[0].spans()[0];
            let weight = if span.font().weight() >= 600 {
                Weight::Bold
            } else {
                Weight::Regular
            };
            let size = f64::from(span.font_size().get());
            let want = width_px(text.trim(), size, weight);
            let got = f64::from(t.bounding_box().width());
            checked += 1;
            if (got - want).abs() > 0.05 + 0.002 * want {
                failures.push(format!(
                    "\"{text}\" {size} px: resvg {got:.2}, scene {want:.2}"
                ));
            }
            let missing = t
                .layouted()
                .iter()
                .flat_map(|s| &s.positioned_glyphs)
                .filter(|g| g.id.0 == 0)
                .count();
            if missing > 0 {
                failures.push(format!("\"{text}\": {missing} missing glyphs"));
            }
        }
    }
    assert!(checked > 150, "{checked}");
    assert!(
        failures.is_empty(),
        "{} of {checked}:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn a_character_no_font_has_is_named_and_the_png_still_renders() {
    let (_dir, trip) = temp_file(
        "egypt.json",
        r#"{"title": "Luxor", "stops": [
            {"name": "القاهرة", "lat": 30.06263, "lon": 31.24967},
            {"name": "Luxor 𓀀", "lat": 25.69893, "lon": 32.64210}]}"#,
    );
    let out = tempfile::tempdir().unwrap();
    let o = render_ok(trip.to_str().unwrap(), out.path(), &["--format", "png"]);
    assert_stderr_has(
        &o,
        "stop 2 \"Luxor 𓀀\": no bundled font has 𓀀 (U+13000); map.png leaves a gap",
    );
    assert!(!stderr(&o).contains("القاهرة"), "{}", stderr(&o));
    assert!(out.path().join("map.png").metadata().unwrap().len() > 10_000);
}

#[test]
fn the_same_trip_gives_the_same_png_bytes() {
    let trip = &trips()[5];
    assert_eq!(render(trip, 640.0, 1.0).2, render(trip, 640.0, 1.0).2);
}
