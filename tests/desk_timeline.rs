//! The desk checks of issue 16 on `--timeline --colour-by …` (issue 23): each case drawn
//! through the library at 320, 640 and 960 px (the strip under the map) and 1440 px (beside
//! it), light and dark, then
//! - measured in one headless Chromium session (`tests/desk/browser.rs`): no two texts overlap,
//!   none leaves the picture;
//! - checked as every corpus map is (`tests/desk/checks/`: markers, `<desc>`, labels and
//!   leaders, positions, insets, names, extent, parallel legs, furniture);
//! - read back from the SVG: every dated stop has exactly one marker on the timeline, numbered
//!   as its stop, and the tick labels run in order (left to right along a row, rows downwards),
//!   none repeated.
//!
//! Cases: the reference trip; a trip across a year boundary and a spring clock change; the
//! Pacific trip across the antimeridian; two trips that share a stop; two trips that both cross
//! the antimeridian, all coloured by day; then the reference trip coloured by leg, the year
//! boundary trip by mode and the two trips sharing a stop by trip.
//! `checks_catch_broken_timelines` shows each check failing on a broken map.

mod common;
mod desk;

use common::*;
use std::path::{Path, PathBuf};
use tripmap::model::Route;
use tripmap::scene::{ColourBy, MapOptions, Theme};

/// A wide screen's page, where the timeline stands beside the map (from 1200 px).
const WIDE: u32 = 1440;

/// A case: its name, its route and what it is coloured by.
fn cases() -> Vec<(&'static str, Route, ColourBy)> {
    let one = |path: &str| {
        let text = std::fs::read(root().join(path)).unwrap();
        let it = tripmap::io::read(&text, tripmap::io::Format::Json).unwrap();
        tripmap::routing::plan(&it, tripmap::routing::Order::Time).unwrap()
    };
    let two = |a: &str, b: &str| {
        let named = |p: &str| (stem(p), one(p));
        tripmap::routing::together(vec![named(a), named(b)]).unwrap()
    };
    let alps = || {
        two(
            "tests/fixtures/together/spring-alps.json",
            "tests/fixtures/together/autumn-alps.json",
        )
    };
    let reference = || one("data/trips/blinken-2023-11.json");
    let new_year = || one("tests/fixtures/timeline/new-year-dst.json");
    vec![
        ("reference", reference(), ColourBy::Day),
        ("new-year-dst", new_year(), ColourBy::Day),
        (
            "antimeridian",
            one("data/trips/pacific-2024.json"),
            ColourBy::Day,
        ),
        ("shared-stop", alps(), ColourBy::Day),
        (
            "two-antimeridian",
            two(
                "tests/fixtures/together/pacific-north.json",
                "tests/fixtures/together/pacific-south.json",
            ),
            ColourBy::Day,
        ),
        // Every other colouring once: its legend entries are texts that must not collide.
        ("reference-by-leg", reference(), ColourBy::Leg),
        ("new-year-dst-by-mode", new_year(), ColourBy::Mode),
        ("shared-stop-by-trip", alps(), ColourBy::Trip),
    ]
}

/// The SVG of `route` with a timeline, coloured `by`, `width` px wide in `theme`.
fn svg(route: &Route, by: ColourBy, width: u32, theme: &str) -> String {
    let mut o = MapOptions::default();
    o.width_px = f64::from(width);
    o.theme = theme.parse::<Theme>().unwrap();
    o.timeline = true;
    o.colour_by = Some(by);
    let scene = tripmap::scene::build(route, &o).unwrap();
    String::from_utf8(tripmap::render::svg::write(&scene)).unwrap()
}

/// What the timeline of a map shows: the stop number of each marker, and its sections (one
/// per trip).
struct Timeline {
    markers: Vec<usize>,
    sections: Vec<Section>,
}

/// One trip's part of a timeline: the years its heading names (`2023`, `2024–2025`) and each
/// tick label's position and text, in document order.
struct Section {
    years: (i32, i32),
    labels: Vec<(f64, f64, String)>,
}

fn read_timeline(svg: &str) -> Option<Timeline> {
    let doc = roxmltree::Document::parse(svg).ok()?;
    let root = doc.root_element();
    let p = root.attribute("class")?;
    let layer = root
        .descendants()
        .find(|n| n.attribute("id") == Some(&format!("{p}-timeline")))?;
    let has = |n: &roxmltree::Node, class: &str| {
        n.attribute("class")
            .is_some_and(|c| c.split_whitespace().any(|t| t == format!("{p}-{class}")))
    };
    let text_of = |n: &roxmltree::Node| -> String {
        n.descendants()
            .filter(|c| c.is_text())
            .filter_map(|c| c.text())
            .collect()
    };
    let mut t = Timeline {
        markers: Vec::new(),
        sections: Vec::new(),
    };
    for n in layer.descendants() {
        if n.has_tag_name("g") && has(&n, "tl-marker") {
            let stop = n.attribute("data-stop").and_then(|s| s.trim().parse().ok());
            t.markers.push(stop.unwrap_or(0));
        }
        let heading = text_of(&n);
        if n.has_tag_name("text") && has(&n, "tl-note") && heading.contains("local dates") {
            let years: Vec<i32> = heading
                .rsplit(", ")
                .next()?
                .split('–')
                .filter_map(|y| y.trim().parse().ok())
                .collect();
            t.sections.push(Section {
                years: (*years.first()?, *years.last()?),
                labels: Vec::new(),
            });
        }
        if n.has_tag_name("text") && has(&n, "tl-label") {
            let num = |a| {
                n.attribute(a)
                    .and_then(|v: &str| v.parse().ok())
                    .unwrap_or(0.0)
            };
            let label = (num("x"), num("y"), text_of(&n));
            t.sections.last_mut()?.labels.push(label);
        }
    }
    Some(t)
}

/// What is wrong with a timeline read back from a map of a trip whose dated stops are
/// `dated` (1-based).
fn timeline_problems(svg: &str, dated: &[usize]) -> Vec<String> {
    let Some(t) = read_timeline(svg) else {
        return vec!["no timeline layer".into()];
    };
    let mut problems = Vec::new();
    let mut markers = t.markers.clone();
    markers.sort();
    if markers != dated {
        problems.push(format!(
            "stops on the timeline {markers:?}, want each of {dated:?} once"
        ));
    }
    if t.sections.is_empty() {
        problems.push("no section with a heading".into());
    }
    for section in &t.sections {
        problems.extend(section_problems(section));
    }
    problems
}

/// What is wrong with one section's tick labels: none, out of reading order, or out of date
/// order.
fn section_problems(t: &Section) -> Vec<String> {
    let mut problems = Vec::new();
    if t.labels.is_empty() {
        problems.push("no tick labels".into());
    }
    for w in t.labels.windows(2) {
        let ((x0, y0, a), (x1, y1, b)) = (&w[0], &w[1]);
        let in_order = if (y0 - y1).abs() < 0.5 {
            x1 > x0
        } else {
            y1 > y0
        };
        if !in_order {
            problems.push(format!(
                "tick label {b:?} at ({x1}, {y1}) comes after {a:?} at ({x0}, {y0})"
            ));
        }
    }
    problems.extend(date_order_problems(t));
    problems
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Whether the tick labels, read as dates in reading order, move forward in time and stay
/// within the years the heading names. A label gives a year (`2024`), a month (`Nov`) or a
/// day (`5 Nov`); the year is carried from the heading and from year labels, and a month
/// earlier than the one before means the next year.
fn date_order_problems(t: &Section) -> Vec<String> {
    let mut problems = Vec::new();
    let mut at: Option<(i32, u32, u32)> = None;
    let mut year = t.years.0;
    for (_, _, text) in &t.labels {
        let month_of = |m: &str| MONTHS.iter().position(|x| *x == m).map(|i| i as u32 + 1);
        let words: Vec<&str> = text.split(' ').collect();
        let date = match words[..] {
            [y] if y.parse::<i32>().is_ok() => y.parse().ok().map(|y: i32| (y, 1, 1)),
            [m] => month_of(m).map(|m| (year, m, 1)),
            [d, m] => d.parse().ok().zip(month_of(m)).map(|(d, m)| (year, m, d)),
            _ => None,
        };
        let Some(mut date) = date else {
            problems.push(format!("tick label {text:?} is not a date"));
            continue;
        };
        // A month or day earlier in the year than the label before: the next year.
        let is_year = words.len() == 1 && text.parse::<i32>().is_ok();
        if !is_year
            && let Some(prev) = at
            && date.0 == prev.0
            && (date.1, date.2) < (prev.1, prev.2)
        {
            date.0 += 1;
        }
        if let Some(prev) = at
            && date <= prev
        {
            problems.push(format!(
                "tick label {text:?} does not come after the one before"
            ));
        }
        year = date.0;
        at = Some(date);
    }
    if let Some((y, _, _)) = at
        && !(t.years.0..=t.years.1).contains(&y)
    {
        problems.push(format!(
            "tick labels reach {y}, outside the years {:?}",
            t.years
        ));
    }
    problems
}

/// `route` as the map desk checks of issue 16 take a trip: names as a map writes them, no
/// notes asked for, its source line.
fn desk_trip(route: &Route) -> desk::corpus::Trip {
    let clean = tripmap::scene::clean_text;
    desk::corpus::Trip {
        route: route.clone(),
        names: route.stops.iter().map(|s| clean(&s.stop.name)).collect(),
        notes: vec![None; route.stops.len()],
        source: route
            .meta
            .source
            .as_deref()
            .map(clean)
            .filter(|s| !s.is_empty()),
    }
}

fn dated(route: &Route) -> Vec<usize> {
    route
        .stops
        .iter()
        .enumerate()
        .filter(|(_, s)| s.stop.arrive.is_some() || s.stop.depart.is_some())
        .map(|(i, _)| i + 1)
        .collect()
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Measures `maps` (name, SVG) in Chromium; the problems of each, by name.
fn browser_problems(maps: &[(String, String)], dir: &Path) -> Vec<String> {
    let files: Vec<PathBuf> = maps
        .iter()
        .map(|(name, svg)| {
            let f = dir.join(format!("{name}.svg"));
            std::fs::write(&f, svg).unwrap();
            f
        })
        .collect();
    let seen = desk::browser::measure(&root(), &files, dir);
    let mut problems = Vec::new();
    for ((name, _), s) in maps.iter().zip(seen) {
        for p in s.overlaps.iter().chain(&s.clipped) {
            problems.push(format!("{name}: {p}"));
        }
        if s.texts == 0 {
            problems.push(format!("{name}: no text measured"));
        }
    }
    problems
}

#[test]
fn timelines_pass_the_desk_checks_at_every_width_and_theme() {
    let mut maps = Vec::new();
    let mut problems = Vec::new();
    for (name, route, by) in cases() {
        let trip = desk_trip(&route);
        for width in desk::corpus::WIDTHS.into_iter().chain([WIDE]) {
            for theme in desk::corpus::THEMES {
                let svg = svg(&route, by, width, theme);
                let id = format!("{name}-{width}-{theme}");
                for p in timeline_problems(&svg, &dated(&route)) {
                    problems.push(format!("{id}: {p}"));
                }
                let title = route.meta.title.as_deref();
                for (check, ps) in desk::check_svg(&svg, &trip, title) {
                    for p in ps {
                        problems.push(format!("{id}: map check {check:?}: {p}"));
                    }
                }
                maps.push((id, svg));
            }
        }
    }
    problems.extend(browser_problems(&maps, &scratch("desk-timeline")));
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn checks_catch_broken_timelines() {
    let (_, route, by) = cases().remove(0);
    let good = svg(&route, by, 640, "light");
    let want = dated(&route);
    assert!(timeline_problems(&good, &want).is_empty());
    // A stop left off, and a stop drawn twice.
    let one_gone = in_timeline(&good, "data-stop=\"3\"", "data-stop=\"33\"");
    assert!(!timeline_problems(&one_gone, &want).is_empty());
    let t = read_timeline(&good).unwrap();
    let labels = &t.sections[0].labels;
    let twice = in_timeline(&good, "data-stop=\"4\"", "data-stop=\"5\"");
    assert!(
        timeline_problems(&twice, &want)
            .iter()
            .any(|p| p.contains("once"))
    );
    // Two tick labels swapped: out of order.
    let (a, b) = (&labels[0].2, &labels[1].2);
    let swapped = in_timeline(&good, &format!(">{a}<"), ">@@<");
    let swapped = in_timeline(&swapped, &format!(">{b}<"), &format!(">{a}<"));
    let swapped = in_timeline(&swapped, ">@@<", &format!(">{b}<"));
    let p = timeline_problems(&swapped, &want);
    assert!(
        p.iter()
            .any(|p| p.contains("does not come after") || p.contains("outside")),
        "{p:?}"
    );
    // No timeline at all.
    let mut o = MapOptions::default();
    o.width_px = 640.0;
    let plain = String::from_utf8(tripmap::render::svg::write(
        &tripmap::scene::build(&route, &o).unwrap(),
    ))
    .unwrap();
    assert_eq!(timeline_problems(&plain, &want), ["no timeline layer"]);
    // In the browser: a tick label moved onto its neighbour overlaps it; one moved off the
    // page is clipped.
    let (x1, y1) = (labels[1].0, labels[1].1);
    let onto = good.replacen(
        &format!("x=\"{}\" y=\"{}\"", num(x1), num(y1)),
        &format!(
            "x=\"{}\" y=\"{}\"",
            num(labels[0].0 + 4.0),
            num(labels[0].1)
        ),
        1,
    );
    let off = good.replacen(
        &format!("x=\"{}\" y=\"{}\"", num(x1), num(y1)),
        &format!("x=\"{}\" y=\"{}\"", num(x1 + 2000.0), num(y1)),
        1,
    );
    assert_ne!(onto, good, "the label was moved");
    let problems = browser_problems(
        &[("onto".into(), onto), ("off".into(), off)],
        &scratch("desk-timeline-catch"),
    );
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("onto:") && p.contains("overlap")),
        "{problems:?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("off:") && p.contains("leaves the picture")),
        "{problems:?}"
    );
}

/// `svg` with the first `from` inside its timeline layer made `to`.
fn in_timeline(svg: &str, from: &str, to: &str) -> String {
    let at = svg.find("-timeline\"").expect("a timeline layer");
    let (head, tail) = svg.split_at(at);
    let changed = tail.replacen(from, to, 1);
    assert_ne!(changed, tail, "{from} is in the timeline");
    format!("{head}{changed}")
}

/// A number as the SVG writer writes it (tenths, no trailing zero).
fn num(v: f64) -> String {
    let tenths = (v * 10.0).round() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    let a = tenths.unsigned_abs();
    match a % 10 {
        0 => format!("{sign}{}", a / 10),
        d => format!("{sign}{}.{d}", a / 10),
    }
}

#[test]
fn a_trip_without_dates_gets_a_message_not_an_empty_strip() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let o = tripmap(&[
        "render",
        "tests/fixtures/timeline/undated.json",
        "--timeline",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert_stderr_has(&o, "--timeline: none of the 2 stops has a date");
    assert!(!out.join("map.svg").exists());
    // Without --timeline the same trip renders.
    render_ok("tests/fixtures/timeline/undated.json", &out, &[]);
}

#[test]
fn colour_by_is_spelt_both_ways_and_checked() {
    let dir = tempfile::tempdir().unwrap();
    for flag in ["--colour-by", "--color-by"] {
        let out = dir.path().join(flag);
        render_ok("data/trips/blinken-2023-11.json", &out, &[flag, "leg"]);
        let svg = read_text(&out.join("map.svg"));
        assert!(svg.contains("-paint"), "{flag}");
        assert!(
            svg.contains("Legs 1, 7"),
            "{flag}: the legend names the legs sharing a colour"
        );
    }
    let o = tripmap(&[
        "render",
        "data/trips/blinken-2023-11.json",
        "--colour-by",
        "week",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert_stderr_has(&o, "possible values: day, leg, mode, trip");
}
