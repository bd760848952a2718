//! The street basemap's names — places, water, streets — placed after the trip's own labels,
//! into the space they leave, through the same [`Placer`]: a basemap name never covers a stop
//! label, a marker, an inset or the route, and gives way to every one of them.
//!
//! Point names are centred on their point or left out. A street name goes along its street,
//! turned to the street's direction (never upside down), on a stretch straight enough to carry
//! it, tried from the middle of the street outwards; each street is named once.

use crate::trig;
use std::collections::BTreeSet;

use super::labels::Placer;
use super::text_metrics::{Weight, ascent_px, width_px};
use super::{Anchor, Item, clean_text};
use crate::geometry::{self, Rect, round_pt};
use crate::tiles::{LabelAnchor, LabelKind, TileLabel};

/// Text sizes, pixels (the style sheet's `street-name`, `place-name`, `water-name`).
const STREET_PX: f64 = 9.5;
const PLACE_PX: f64 = 10.5;
const WATER_PX: f64 = 10.0;
/// Room left at each end of a street name along its street, pixels.
const STREET_ROOM_PX: f64 = 6.0;
/// How far a street may stray from the straight line under its name, pixels.
const STRAY_PX: f64 = 2.0;
/// Steps between the places tried along a street, pixels.
const STEP_PX: f64 = 8.0;

/// The class, size and weight of a label's text.
fn style(kind: LabelKind) -> (&'static str, f64, Weight) {
    match kind {
        LabelKind::Place => ("place-name", PLACE_PX, Weight::Bold),
        LabelKind::Water => ("water-name", WATER_PX, Weight::Regular),
        LabelKind::Street => ("street-name", STREET_PX, Weight::Regular),
    }
}

/// Places `labels` (most important first) where they fit; at most `max_streets` street names
/// (a map of `w` px takes about one per 60 px of width).
pub(crate) fn tile_labels(
    labels: &[TileLabel],
    placer: &mut Placer,
    max_streets: usize,
) -> Vec<Item> {
    let mut items = Vec::new();
    let mut named: BTreeSet<(LabelKind, &str)> = BTreeSet::new();
    let mut streets = 0;
    for label in labels {
        let text = clean_text(&label.text);
        if text.is_empty() || named.contains(&(label.kind, label.text.as_str())) {
            continue;
        }
        if label.kind == LabelKind::Street && streets >= max_streets {
            continue;
        }
        let (class, size, weight) = style(label.kind);
        let (w, h) = (width_px(&text, size, weight), 1.17 * size);
        let placed = match &label.anchor {
            LabelAnchor::Point(p) => at_point(placer, *p, w, h),
            LabelAnchor::Line(path) => along(placer, &path.points, w, h),
        };
        let Some((centre, deg)) = placed else {
            continue;
        };
        named.insert((label.kind, label.text.as_str()));
        streets += usize::from(label.kind == LabelKind::Street);
        let at = round_pt((centre.0, centre.1 - h / 2.0 + ascent_px(size)));
        let item = Item::Text {
            class,
            at,
            anchor: Anchor::Middle,
            text,
        };
        items.push(match deg {
            Some(deg) => Item::Rotated {
                deg,
                about: round_pt(centre),
                item: Box::new(item),
            },
            None => item,
        });
    }
    items
}

/// A `w` × `h` box centred on `p`, if it is free.
fn at_point(
    placer: &mut Placer,
    p: (f64, f64),
    w: f64,
    h: f64,
) -> Option<((f64, f64), Option<f64>)> {
    let r = Rect::new(p.0 - w / 2.0, p.1 - h / 2.0, w, h);
    placer.try_fixed(r).then_some((p, None))
}

/// The centre and angle of a `w` × `h` name along `line`, on the first free straight stretch
/// from the middle outwards; the box taken is the turned name's bounding box.
fn along(
    placer: &mut Placer,
    line: &[(f64, f64)],
    w: f64,
    h: f64,
) -> Option<((f64, f64), Option<f64>)> {
    let total = geometry::length(line);
    let need = w + 2.0 * STREET_ROOM_PX;
    if total < need {
        return None;
    }
    let steps = ((total - need) / STEP_PX).floor() as i64;
    let mid = total / 2.0;
    let mut offsets: Vec<f64> = (0..=steps / 2 + 1)
        .flat_map(|k| [k as f64 * STEP_PX, -(k as f64) * STEP_PX])
        .collect();
    offsets.dedup();
    for off in offsets {
        let (a, b) = (mid + off - need / 2.0, mid + off + need / 2.0);
        if a < 0.0 || b > total {
            continue;
        }
        let Some((centre, deg)) = straight(line, a, b) else {
            continue;
        };
        let (sin, cos) = trig::sin_cos(deg.to_radians());
        let (bw, bh) = (w * cos.abs() + h * sin.abs(), w * sin.abs() + h * cos.abs());
        let r = Rect::new(centre.0 - bw / 2.0, centre.1 - bh / 2.0, bw, bh);
        if placer.try_fixed(r) {
            let deg = (deg * 10.0).round() / 10.0;
            return Some((centre, (deg != 0.0).then_some(deg)));
        }
    }
    None
}

/// The middle and reading angle (−90° to 90°, clockwise) of the stretch of `line` between the
/// distances `a` and `b` along it, when no point of it lies farther than [`STRAY_PX`] from the
/// straight line between its ends.
fn straight(line: &[(f64, f64)], a: f64, b: f64) -> Option<((f64, f64), f64)> {
    let (pa, _) = geometry::point_along(line, a)?;
    let (pb, _) = geometry::point_along(line, b)?;
    let (dx, dy) = (pb.0 - pa.0, pb.1 - pa.1);
    let len = dx.hypot(dy);
    if len < 0.9 * (b - a) {
        return None;
    }
    let mut s = 0.0;
    for seg in line.windows(2) {
        let l = (seg[1].0 - seg[0].0).hypot(seg[1].1 - seg[0].1);
        if s + l > a && s < b {
            let p = seg[1];
            let off = ((p.0 - pa.0) * dy - (p.1 - pa.1) * dx).abs() / len;
            if s + l < b && off > STRAY_PX {
                return None;
            }
        }
        s += l;
    }
    let mut deg = trig::atan2(dy, dx).to_degrees();
    if deg > 90.0 {
        deg -= 180.0;
    } else if deg < -90.0 {
        deg += 180.0;
    }
    Some((((pa.0 + pb.0) / 2.0, (pa.1 + pb.1) / 2.0), deg))
}

#[cfg(test)]
mod test {
    use super::*;
    use crate::basemap::PixelPath;

    fn street(text: &str, points: &[(f64, f64)]) -> TileLabel {
        TileLabel {
            text: text.into(),
            kind: LabelKind::Street,
            rank: 140,
            anchor: LabelAnchor::Line(PixelPath {
                points: points.to_vec(),
                closed: false,
            }),
        }
    }

    #[test]
    fn a_street_name_runs_along_its_street_and_reads_left_to_right() {
        let mut placer = Placer::new(Rect::new(0.0, 0.0, 400.0, 400.0));
        // Drawn from right to left and going up: the name turns, but not upside down.
        let items = tile_labels(
            &[street(
                "Aleksanterinkatu",
                &[(300.0, 300.0), (100.0, 100.0)],
            )],
            &mut placer,
            10,
        );
        let [Item::Rotated { deg, about, .. }] = items.as_slice() else {
            panic!("{items:?}")
        };
        assert_eq!(*deg, 45.0);
        assert_eq!(*about, (200.0, 200.0));
    }

    #[test]
    fn names_give_way_to_what_is_placed_and_bends_and_come_once() {
        let mut placer = Placer::new(Rect::new(0.0, 0.0, 400.0, 400.0));
        // A stop label already sits on the street's only straight stretch.
        placer.add_obstacle(Rect::new(60.0, 190.0, 280.0, 20.0));
        let line = [(40.0, 200.0), (360.0, 200.0)];
        assert!(tile_labels(&[street("Esplanadi", &line)], &mut placer, 10).is_empty());
        // A zigzag carries no name; a name comes once; the street budget is kept.
        let zigzag: Vec<(f64, f64)> = (0..40)
            .map(|i| (f64::from(i) * 10.0, 300.0 + f64::from(i % 2) * 12.0))
            .collect();
        let mut placer = Placer::new(Rect::new(0.0, 0.0, 400.0, 400.0));
        assert!(tile_labels(&[street("Mutka", &zigzag)], &mut placer, 10).is_empty());
        let two = [
            street("Unioninkatu", &[(50.0, 50.0), (350.0, 50.0)]),
            street("Unioninkatu", &[(50.0, 120.0), (350.0, 120.0)]),
            street("Liisankatu", &[(50.0, 250.0), (350.0, 250.0)]),
        ];
        assert_eq!(tile_labels(&two, &mut placer, 10).len(), 2);
        let mut placer = Placer::new(Rect::new(0.0, 0.0, 400.0, 400.0));
        assert_eq!(tile_labels(&two, &mut placer, 1).len(), 1);
    }

    #[test]
    fn a_point_name_is_centred_or_left_out() {
        let mut placer = Placer::new(Rect::new(0.0, 0.0, 400.0, 400.0));
        let place = TileLabel {
            text: "Kruununhaka".into(),
            kind: LabelKind::Place,
            rank: 120,
            anchor: LabelAnchor::Point((200.0, 100.0)),
        };
        let items = tile_labels(std::slice::from_ref(&place), &mut placer, 0);
        assert!(matches!(
            &items[..],
            [Item::Text {
                anchor: Anchor::Middle,
                ..
            }]
        ));
        placer.add_marker((200.0, 300.0), 8.0);
        let on_marker = TileLabel {
            anchor: LabelAnchor::Point((200.0, 300.0)),
            text: "Kamppi".into(),
            ..place
        };
        assert!(tile_labels(&[on_marker], &mut placer, 0).is_empty());
    }
}
