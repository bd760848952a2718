//! Markers on the main map. Each place gets a numbered marker at its place, nudged at most
//! [`MAX_SHIFT_PX`] where markers would touch (tied to its place by a short leader when it
//! moved off it); a place whose marker cannot fit that near — a dense stretch of a long trip on
//! a phone-width map — gets a small unnumbered dot instead, the most important places (see
//! [`super::places::by_importance`]) keeping their numbers. A place shown in an inset keeps only
//! a dot.

use super::disc_grid::DiscGrid;
use super::labels::Placer;
use super::places::MARKER_FONT_PX;
use super::spread::{GAP_PX, spread};
use super::{Anchor, Item, Tag};
use crate::geometry::{Rect, at_least_apart, round_pt, round1};
use crate::trig;
use std::collections::HashMap;

/// The farthest a numbered marker is drawn from its place, pixels.
pub(crate) const MAX_SHIFT_PX: f64 = 10.0;
/// Radius of the unnumbered dot of a place whose marker could not fit, pixels.
pub(crate) const SMALL_DOT_R: f64 = 3.5;
/// Up to this many numbered markers, those a nudge cannot place are made dots one at a time,
/// the least important first, spreading again after each; beyond it, half of them at a time.
const ONE_AT_A_TIME_UP_TO: usize = 300;
/// A covered dot tries at most this many spots beside the marks around it (nearest first)
/// before it stays on its place: a trip's few marks offer far fewer, and a cloud of 100,000
/// dots would otherwise try thousands each.
const MAX_SPOTS_TRIED: usize = 256;
/// On a map with more small dots than this, a covered dot stays on its place instead of
/// looking for a spot beside the marks around it (each would find thousands of marks near it).
const BESIDE_UP_TO_DOTS: usize = 5_000;

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

/// A small unnumbered marker for a place whose numbered marker could not fit.
pub(crate) fn small_dot(c: (f64, f64)) -> Item {
    Item::Group {
        class: "marker",
        items: vec![Item::Circle {
            class: "marker-dot",
            c: round_pt(c),
            r: SMALL_DOT_R,
        }],
    }
}

/// Where the main map's markers go and what marks the true places.
pub(crate) struct MainMarkers {
    /// Each place's marker centre (its projected place unless nudged), pixels.
    pub marker_px: Vec<(f64, f64)>,
    /// Each place's marker radius as drawn: its numbered marker's, or a small dot's.
    pub radii: Vec<f64>,
    /// The places with a mark on the main map (a numbered marker or a small dot), in place
    /// order.
    pub shown: Vec<usize>,
    /// Whether each place is drawn as a small unnumbered dot.
    pub small: Vec<bool>,
    /// Dots at places shown in an inset, and dots with leaders where a marker was nudged off
    /// its place, in place order.
    pub items: Vec<Item>,
}

/// What the main map's markers must respect.
pub(crate) struct MarkerRoom<'a> {
    /// Where each place falls on the map, pixels.
    pub place_px: &'a [(f64, f64)],
    /// Each place's numbered-marker radius.
    pub radii: &'a [f64],
    /// Whether each place falls inside the frame.
    pub on_map: &'a [bool],
    /// Whether each place is shown in an inset instead.
    pub in_inset: &'a [bool],
    /// The places from most to least important.
    pub importance: &'a [usize],
    /// What each place's marks stand for.
    pub tags: &'a [Tag],
    /// The map's frame.
    pub frame: Rect,
    /// Insets and locator maps, which markers keep out of.
    pub insets: &'a [Rect],
}

/// Decides each main-map place's mark (numbered marker or small dot), nudges numbered markers
/// apart by at most [`MAX_SHIFT_PX`], and adds every mark, dot and leader to `placer` as an
/// obstacle.
pub(crate) fn main_markers(room: &MarkerRoom, placer: &mut Placer) -> MainMarkers {
    let n = room.place_px.len();
    let shown: Vec<usize> = (0..n)
        .filter(|&i| room.on_map[i] && !room.in_inset[i])
        .collect();
    let mut small = vec![false; n];
    numbered(room, &shown, &mut small);
    let mut marker_px = room.place_px.to_vec();
    for (i, c) in nudged(room, &shown, &mut small) {
        marker_px[i] = c;
    }
    let radii: Vec<f64> = (0..n)
        .map(|i| if small[i] { SMALL_DOT_R } else { room.radii[i] })
        .collect();
    let mut items: Vec<Item> = Vec::new();
    for (i, &c) in room.place_px.iter().enumerate() {
        if !room.on_map[i] {
            continue;
        }
        if room.in_inset[i] {
            placer.add_obstacle(Rect::new(c.0 - 3.0, c.1 - 3.0, 6.0, 6.0));
            let dot = Item::Circle {
                class: "dot",
                c: round_pt(c),
                r: 2.5,
            };
            items.push(match room.tags.get(i) {
                Some(tag) => dot.tagged(tag.clone()),
                None => dot,
            });
            continue;
        }
        let (m, r) = (marker_px[i], radii[i]);
        placer.add_marker(m, r);
        if !small[i] {
            items.extend(leader_to_place(c, m, r, placer));
        }
    }
    MainMarkers {
        marker_px,
        radii,
        shown,
        small,
        items,
    }
}

/// Which places of `shown` keep a numbered marker, most important first: each must be far
/// enough from those already kept that a nudge of at most [`MAX_SHIFT_PX`] each parts them; the
/// others are marked `small`.
fn numbered(room: &MarkerRoom, shown: &[usize], small: &mut [bool]) {
    let mut is_shown = vec![false; room.place_px.len()];
    for &i in shown {
        is_shown[i] = true;
    }
    // Kept markers bucketed by cells as wide as the most two markers can need: a marker is
    // compared only with those in its own and the neighbouring cells.
    let widest = shown.iter().map(|&i| room.radii[i]).fold(0.0, f64::max);
    let cell_px = (2.0 * widest + GAP_PX).max(1.0);
    let cell = |p: (f64, f64)| {
        (
            (p.0 / cell_px).floor() as i64,
            (p.1 / cell_px).floor() as i64,
        )
    };
    let mut kept: HashMap<(i64, i64), Vec<usize>> = HashMap::new();
    for &i in room.importance.iter().filter(|&&i| is_shown[i]) {
        let p = room.place_px[i];
        let (cx, cy) = cell(p);
        let near = [-1, 0, 1]
            .into_iter()
            .flat_map(|dy| [-1, 0, 1].map(|dx| (cx + dx, cy + dy)))
            .flat_map(|key| kept.get(&key).into_iter().flatten());
        let fits = near.into_iter().all(|&j| {
            let q = room.place_px[j];
            let need = room.radii[i] + room.radii[j] + GAP_PX;
            (p.0 - q.0).hypot(p.1 - q.1) >= need - MAX_SHIFT_PX
        });
        if fits {
            kept.entry((cx, cy)).or_default().push(i);
        } else {
            small[i] = true;
        }
    }
}

/// Every mark of the main map nudged apart (out of the insets too). Numbered markers first: one
/// the nudge would move more than [`MAX_SHIFT_PX`] becomes a small dot (the least important such
/// one first) and the rest are nudged again. Then the small dots, kept off the numbered markers
/// so none hides under one; a dot that would move more than [`MAX_SHIFT_PX`] stays on its place.
/// Returns each shown place's centre.
fn nudged(room: &MarkerRoom, shown: &[usize], small: &mut [bool]) -> Vec<(usize, (f64, f64))> {
    let mut rank = vec![0; room.place_px.len()];
    for (k, &i) in room.importance.iter().enumerate() {
        rank[i] = k;
    }
    let area = room.frame.grow(-2.0);
    let shift = |a: (f64, f64), b: (f64, f64)| (a.0 - b.0).hypot(a.1 - b.1);
    let numbered = loop {
        let kept: Vec<usize> = shown.iter().copied().filter(|&i| !small[i]).collect();
        let moved = spread(
            &kept.iter().map(|&i| room.place_px[i]).collect::<Vec<_>>(),
            &kept.iter().map(|&i| room.radii[i]).collect::<Vec<_>>(),
            area,
            room.insets,
        );
        let mut over: Vec<usize> = (0..kept.len())
            .filter(|&k| shift(room.place_px[kept[k]], moved[k]) > MAX_SHIFT_PX)
            .collect();
        if over.is_empty() {
            break kept.into_iter().zip(moved).collect::<Vec<_>>();
        }
        // The least important first; one at a time on a map of few markers, half of those
        // too far at once on a map of many (one spread per marker would take minutes).
        over.sort_by_key(|&k| std::cmp::Reverse(rank[kept[k]]));
        let batch = if kept.len() > ONE_AT_A_TIME_UP_TO {
            over.len().div_ceil(2)
        } else {
            1
        };
        for &k in &over[..batch] {
            small[kept[k]] = true;
        }
    };
    let dots: Vec<usize> = shown.iter().copied().filter(|&i| small[i]).collect();
    let mut keep_out = room.insets.to_vec();
    keep_out.extend(numbered.iter().map(|&(i, c)| {
        let r = room.radii[i] + GAP_PX;
        Rect::new(c.0 - r, c.1 - r, 2.0 * r, 2.0 * r)
    }));
    let moved = spread(
        &dots.iter().map(|&i| room.place_px[i]).collect::<Vec<_>>(),
        &vec![SMALL_DOT_R; dots.len()],
        area,
        &keep_out,
    );
    // The marks set so far, bucketed: a dot looks only at those that can touch it.
    let widest = numbered
        .iter()
        .map(|&(i, _)| room.radii[i])
        .fold(SMALL_DOT_R, f64::max);
    let touch = widest + SMALL_DOT_R + GAP_PX + 0.1;
    let mut placed = DiscGrid::new(touch);
    for &(i, c) in &numbered {
        placed.push(c, room.radii[i]);
    }
    let dots_total = dots.len();
    let mut dots_at = Vec::with_capacity(dots_total);
    for (i, c) in dots.into_iter().zip(moved) {
        let p = room.place_px[i];
        let free = placed.all_near(c, touch, |(m, r)| {
            at_least_apart(c, m, r + SMALL_DOT_R + GAP_PX - 0.5)
        });
        let at = if shift(p, c) <= MAX_SHIFT_PX && free {
            c
        } else {
            // No room found by nudging: the nearest spot touching a mark already set.
            // Past [`BESIDE_UP_TO_DOTS`] dots the map is a cloud: a covered dot stays put.
            (dots_total <= BESIDE_UP_TO_DOTS)
                .then(|| beside(p, &placed, touch, area))
                .flatten()
                .unwrap_or(p)
        };
        placed.push(at, SMALL_DOT_R);
        dots_at.push((i, at));
    }
    let mut all: Vec<(usize, (f64, f64))> = numbered.into_iter().chain(dots_at).collect();
    all.sort_by_key(|&(i, _)| i);
    all
}

/// For a small dot whose place `p` is covered: the spot nearest `p`, at most [`MAX_SHIFT_PX`]
/// away and inside `area`, where the dot touches one of the `marks` (centre, radius; those
/// within `touch` of a spot are the ones that can block it) and overlaps none. Spots are tried
/// nearest first, at most [`MAX_SPOTS_TRIED`] of them.
fn beside(p: (f64, f64), marks: &DiscGrid, touch: f64, area: Rect) -> Option<(f64, f64)> {
    let dist = |c: (f64, f64)| (c.0 - p.0).hypot(c.1 - p.1);
    let mut spots: Vec<(f64, (f64, f64))> = marks
        .near(p, MAX_SHIFT_PX + touch)
        .into_iter()
        .flat_map(|(m, r)| {
            (0..24).map(move |k| {
                let a = f64::from(k) * std::f64::consts::PI / 12.0;
                let d = r + SMALL_DOT_R + GAP_PX + 0.1;
                (m.0 + d * trig::cos(a), m.1 + d * trig::sin(a))
            })
        })
        .map(|c| (dist(c), c))
        .filter(|&(d, c)| d <= MAX_SHIFT_PX && area.contains(c))
        .collect();
    // Stable: of spots equally near, the first found wins, as a scan would choose.
    spots.sort_by(|a, b| a.0.total_cmp(&b.0));
    spots
        .into_iter()
        .take(MAX_SPOTS_TRIED)
        .map(|(_, c)| c)
        .find(|&c| {
            marks.all_near(c, touch, |(m, r)| {
                at_least_apart(c, m, r + SMALL_DOT_R + GAP_PX - 1e-6)
            })
        })
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

    fn room<'a>(
        px: &'a [(f64, f64)],
        radii: &'a [f64],
        flags: &'a (Vec<bool>, Vec<bool>),
        importance: &'a [usize],
    ) -> MarkerRoom<'a> {
        MarkerRoom {
            place_px: px,
            radii,
            on_map: &flags.0,
            in_inset: &flags.1,
            importance,
            tags: &[],
            frame: Rect::new(0.0, 0.0, 400.0, 300.0),
            insets: &[],
        }
    }

    #[test]
    fn touching_markers_part_a_little_and_an_inset_place_keeps_a_dot() {
        let px = [
            (100.0, 100.0),
            (104.0, 100.0),
            (300.0, 200.0),
            (200.0, 200.0),
        ];
        let flags = (
            vec![true, true, true, false],
            vec![false, false, true, false],
        );
        let mut placer = Placer::new(Rect::new(0.0, 0.0, 400.0, 300.0));
        let m = main_markers(&room(&px, &[8.0; 4], &flags, &[0, 1, 2, 3]), &mut placer);
        assert_eq!(m.shown, [0, 1]);
        assert_eq!(
            m.small,
            [false, true, false, false],
            "4 px apart: the second is a dot"
        );
        let off = (m.marker_px[1].0 - px[1].0).hypot(m.marker_px[1].1 - px[1].1);
        assert!(
            off <= MAX_SHIFT_PX,
            "the dot stays near its place ({off} px)"
        );
        assert_eq!(m.marker_px[0], px[0], "the numbered marker keeps its place");
        assert_eq!(m.marker_px[2], px[2], "an inset's place keeps its position");
        assert!(
            m.items
                .iter()
                .any(|i| matches!(i, Item::Circle { class: "dot", .. }))
        );
    }

    #[test]
    fn the_more_important_place_keeps_its_number_and_no_marker_moves_far() {
        // A row of markers 12 px apart: every other one fits with a small nudge.
        let px: Vec<(f64, f64)> = (0..9).map(|k| (100.0 + 12.0 * k as f64, 150.0)).collect();
        let flags = (vec![true; 9], vec![false; 9]);
        let importance: Vec<usize> = (0..9).rev().collect();
        let mut placer = Placer::new(Rect::new(0.0, 0.0, 400.0, 300.0));
        let m = main_markers(&room(&px, &[8.0; 9], &flags, &importance), &mut placer);
        assert!(!m.small[8], "the most important place keeps its number");
        for i in (0..9).filter(|&i| !m.small[i]) {
            let d = (m.marker_px[i].0 - px[i].0).hypot(m.marker_px[i].1 - px[i].1);
            assert!(d <= MAX_SHIFT_PX + 1e-9, "marker {i} moved {d} px");
        }
        assert!(m.small.iter().filter(|&&s| s).count() >= 3);
    }

    #[test]
    fn markers_and_dots_draw() {
        match marker((10.0, 10.0), "1,3", 12.0) {
            Item::Group {
                class: "marker",
                items,
            } => assert_eq!(items.len(), 2),
            other => panic!("{other:?}"),
        }
        match small_dot((1.0, 2.0)) {
            Item::Group {
                class: "marker",
                items,
            } => assert_eq!(items.len(), 1, "no number"),
            other => panic!("{other:?}"),
        }
    }
}
