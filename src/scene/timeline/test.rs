use super::*;
use crate::scene::text_metrics::{Weight, width_px};

use crate::routing::test_route as route;

/// Every item of `items`, groups opened, with the tag of the nearest tagged item around it.
fn flat<'a>(items: &'a [Item], tag: Option<&'a Tag>, out: &mut Vec<(&'a Item, Option<&'a Tag>)>) {
    for i in items {
        match i {
            Item::Group { items, .. } | Item::Painted { items, .. } => {
                out.push((i, tag));
                flat(items, tag, out)
            }
            Item::Tagged { tag, item } => flat(std::slice::from_ref(item), Some(tag), out),
            _ => out.push((i, tag)),
        }
    }
}

/// The stops of the markers drawn, in drawing order.
fn marker_stops(s: &Strip) -> Vec<usize> {
    let mut all = Vec::new();
    flat(&s.items, None, &mut all);
    let mut out: Vec<usize> = all
        .iter()
        .filter_map(|(i, t)| match (i, t) {
            (
                Item::Group {
                    class: "tl-marker", ..
                },
                Some(Tag::Stops(v)),
            ) => Some(v[0]),
            _ => None,
        })
        .collect();
    out.sort();
    out
}

/// The tick labels' boxes in drawing order: (row baseline, left, right, text).
fn labels(s: &Strip) -> Vec<(f64, f64, f64, String)> {
    let mut all = Vec::new();
    flat(&s.items, None, &mut all);
    all.iter()
        .filter_map(|(i, _)| match i {
            Item::Text {
                class: "tl-label",
                at,
                text,
                ..
            } => {
                let w = width_px(text, ticks::LABEL_PX, Weight::Regular);
                Some((at.1, at.0 - w / 2.0, at.0 + w / 2.0, text.clone()))
            }
            _ => None,
        })
        .collect()
}

fn blinken() -> Route {
    let json = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/trips/blinken-2023-11.json"),
    )
    .unwrap();
    route(&json)
}

#[test]
fn every_stop_is_on_the_timeline_once_at_every_width() {
    let r = blinken();
    for width in [320.0, 640.0, 960.0] {
        let s = strip(&r, None, width).unwrap();
        assert_eq!(marker_stops(&s), (1..=8).collect::<Vec<_>>(), "{width}");
        let l = labels(&s);
        assert!(!l.is_empty());
        for w in l.windows(2) {
            if w[0].0 == w[1].0 {
                assert!(w[1].1 >= w[0].2, "{width}: {w:?}");
            }
        }
        for (_, left, right, _) in &l {
            assert!(*left >= 0.0 && *right <= width, "{width}: {l:?}");
        }
    }
}

#[test]
fn a_year_of_travel_is_labelled_by_months_and_wraps_on_a_phone() {
    let stops: Vec<String> = (1..=12)
        .map(|m| format!(r#"{{"name": "S{m}", "lat": 50, "lon": {m}, "arrive": "2024-{m:02}-10", "depart": "2024-{m:02}-20"}}"#))
        .collect();
    let r = route(&format!(r#"{{"stops": [{}]}}"#, stops.join(",")));
    let wide = strip(&r, None, 960.0).unwrap();
    let texts: Vec<String> = labels(&wide).into_iter().map(|l| l.3).collect();
    assert!(texts.contains(&"Feb".to_string()), "{texts:?}");
    assert!(
        texts.iter().all(|t| !t.contains(' ')),
        "months, not days: {texts:?}"
    );
    let narrow = strip(&r, None, 320.0).unwrap();
    assert_eq!(marker_stops(&narrow).len(), 12);
}

#[test]
fn undated_stops_are_listed_and_an_undated_trip_is_an_error() {
    let r = route(
        r#"{"stops": [{"name": "A", "lat": 1, "lon": 2, "arrive": "2024-01-01"}, {"name": "Nowhen", "lat": 3, "lon": 4}]}"#,
    );
    let s = strip(&r, None, 640.0).unwrap();
    assert_eq!(marker_stops(&s), [1]);
    let mut all = Vec::new();
    flat(&s.items, None, &mut all);
    assert!(
        all.iter()
            .any(|(i, _)| matches!(i, Item::Text { text, .. } if text.contains("2 Nowhen")))
    );
    let r = route(
        r#"{"stops": [{"name": "A", "lat": 1, "lon": 2}, {"name": "B", "lat": 3, "lon": 4}]}"#,
    );
    let e = strip(&r, None, 640.0).unwrap_err();
    assert!(
        e.to_string().contains("none of the 2 stops has a date"),
        "{e}"
    );
}

#[test]
fn the_strip_takes_the_colouring() {
    let r = blinken();
    let c = crate::scene::colour::colouring(
        &r,
        crate::scene::colour::ColourBy::Day,
        &crate::scene::theme::LIGHT,
    )
    .unwrap();
    let s = strip(&r, Some(&c), 960.0).unwrap();
    let mut all = Vec::new();
    flat(&s.items, None, &mut all);
    let painted = all
        .iter()
        .filter(|(i, _)| matches!(i, Item::Painted { css, .. } if css.contains(crate::scene::colour::palette::SEQUENTIAL_LIGHT[6])))
        .count();
    assert!(painted >= 1, "the last day's colour is used");
}

#[test]
fn on_a_wide_page_the_strip_stands_beside_the_map() {
    let r = blinken();
    let scene_at = |width: f64, timeline: bool| {
        let o = crate::scene::MapOptions {
            width_px: width,
            timeline,
            ..Default::default()
        };
        crate::scene::build(&r, &o).unwrap()
    };
    let frame = |s: &crate::scene::Scene| {
        s.layers
            .iter()
            .flat_map(|l| &l.items)
            .find_map(|i| match i {
                Item::Rect {
                    class: "frame",
                    rect,
                } => Some(*rect),
                _ => None,
            })
            .unwrap()
    };
    let timeline_at = |s: &crate::scene::Scene| {
        s.layers
            .iter()
            .find(|l| l.name == "timeline")
            .unwrap()
            .offset
    };
    // Under the map below 1200 px: the map spans the page and the strip starts under it.
    let under = scene_at(1199.0, true);
    assert_eq!(frame(&under).w, 1199.0);
    assert_eq!(timeline_at(&under).0, 0.0);
    // Beside it from 1200 px: a column of 30% of the page (360 to 480 px) on the right, level
    // with the map's top, every stop on it and every tick label within it.
    for (width, column) in [(1200.0, 360.0), (1440.0, 432.0), (2000.0, 480.0)] {
        assert_eq!(super::beside_width(width), Some(column));
        let beside = scene_at(width, true);
        let map = frame(&beside);
        assert_eq!(map.w, width - column, "{width}");
        assert_eq!(timeline_at(&beside), (width - column, map.y), "{width}");
        let strip = strip(&r, None, column).unwrap();
        assert_eq!(marker_stops(&strip), (1..=8).collect::<Vec<_>>());
        for (_, left, right, _) in labels(&strip) {
            assert!(left >= 0.0 && right <= column, "{width}");
        }
    }
    assert_eq!(super::beside_width(1199.0), None);
}
