//! Numbered markers on the main map: markers that would touch are nudged apart (out of the
//! insets too); one that left its place is tied to it by a leader from a small dot; a place
//! shown in an inset keeps only a dot.

use super::labels::Placer;
use super::places::MARKER_FONT_PX;
use super::spread::spread;
use super::{Anchor, Item};
use crate::geometry::{Rect, round_pt, round1};

/// A numbered marker: a disc and its number(s).
pub(crate) fn marker(c: (f64, f64), numbers: &str, r: f64) -> Item {
    Item::Group {
        class: "marker",
        items: vec![
            Item::Circle {
                class: "marker-dot",
                c: round_pt(c),
                r: round1(r),
            },
            Item::Text {
                class: "marker-num",
                at: round_pt((c.0, c.1 + 0.36 * MARKER_FONT_PX)),
                anchor: Anchor::Middle,
                text: numbers.to_string(),
            },
        ],
    }
}

/// Where the main map's markers go and what marks the true places.
pub(crate) struct MainMarkers {
    /// Each place's marker centre (its projected place unless nudged), pixels.
    pub marker_px: Vec<(f64, f64)>,
    /// The places with a marker on the main map, in place order.
    pub shown: Vec<usize>,
    /// Dots at places shown in an inset, and dots with leaders where a marker was nudged off
    /// its place, in place order.
    pub items: Vec<Item>,
}

/// Nudges the markers of the places on the main map (`on_map` and not `in_inset`) apart
/// within `frame`, keeping clear of `insets`; adds every marker, dot and leader to `placer` as
/// obstacles.
pub(crate) fn main_markers(
    place_px: &[(f64, f64)],
    radii: &[f64],
    on_map: &[bool],
    in_inset: &[bool],
    frame: Rect,
    insets: &[Rect],
    placer: &mut Placer,
) -> MainMarkers {
    let shown: Vec<usize> = (0..place_px.len())
        .filter(|&i| on_map[i] && !in_inset[i])
        .collect();
    let spread_px = spread(
        &shown.iter().map(|&i| place_px[i]).collect::<Vec<_>>(),
        &shown.iter().map(|&i| radii[i]).collect::<Vec<_>>(),
        frame.grow(-2.0),
        insets,
    );
    let mut marker_px = place_px.to_vec();
    for (&i, &c) in shown.iter().zip(&spread_px) {
        marker_px[i] = c;
    }
    let mut items: Vec<Item> = Vec::new();
    for (i, &c) in place_px.iter().enumerate() {
        if !on_map[i] {
            continue;
        }
        if in_inset[i] {
            placer.add_obstacle(Rect::new(c.0 - 3.0, c.1 - 3.0, 6.0, 6.0));
            items.push(Item::Circle {
                class: "dot",
                c: round_pt(c),
                r: 2.5,
            });
            continue;
        }
        let (m, r) = (marker_px[i], radii[i]);
        placer.add_marker(m, r);
        items.extend(leader_to_place(c, m, r, placer));
    }
    MainMarkers {
        marker_px,
        shown,
        items,
    }
}

/// When the marker at `m` (radius `r`) was moved off its place `c`: a dot at the place and a
/// leader to the disc's edge (both obstacles for labels).
fn leader_to_place(c: (f64, f64), m: (f64, f64), r: f64, placer: &mut Placer) -> Vec<Item> {
    let shift = (m.0 - c.0).hypot(m.1 - c.1);
    if shift <= r - 2.0 {
        return Vec::new();
    }
    let edge = (m.0 - (m.0 - c.0) / shift * r, m.1 - (m.1 - c.1) / shift * r);
    placer.add_obstacle(Rect::new(c.0 - 3.0, c.1 - 3.0, 6.0, 6.0));
    placer.add_line_obstacle(c, edge);
    vec![
        Item::Line {
            class: "leader",
            a: round_pt(c),
            b: round_pt(edge),
        },
        Item::Circle {
            class: "dot",
            c: round_pt(c),
            r: 2.0,
        },
    ]
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn touching_markers_part_and_a_moved_one_gets_a_leader() {
        let frame = Rect::new(0.0, 0.0, 400.0, 300.0);
        let mut placer = Placer::new(frame);
        let px = [
            (100.0, 100.0),
            (104.0, 100.0),
            (300.0, 200.0),
            (200.0, 200.0),
        ];
        let m = main_markers(
            &px,
            &[8.0; 4],
            &[true, true, true, false],
            &[false, false, true, false],
            frame,
            &[],
            &mut placer,
        );
        assert_eq!(m.shown, [0, 1]);
        let d = (m.marker_px[0].0 - m.marker_px[1].0).hypot(m.marker_px[0].1 - m.marker_px[1].1);
        assert!(d >= 16.0, "markers still touch: {d}");
        assert_eq!(m.marker_px[2], px[2], "an inset's place keeps its position");
        let dots = m
            .items
            .iter()
            .filter(|i| matches!(i, Item::Circle { class: "dot", .. }))
            .count();
        assert!(dots >= 1);
        match marker((10.0, 10.0), "1,3", 12.0) {
            Item::Group {
                class: "marker",
                items,
            } => assert_eq!(items.len(), 2),
            other => panic!("{other:?}"),
        }
    }
}
