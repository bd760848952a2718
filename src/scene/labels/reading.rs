//! A label must be read as its own marker's: the rules that keep it from sitting beside, or its
//! leader from grazing, another marker.

use super::{CLEAR, GRAZE, Placer, SLACK};
use crate::geometry::Rect;

impl Placer {
    /// Whether a label at `r` for the marker at `own` is about as near another marker's centre
    /// as its own, or nearer: such a place is taken only when better ones are not free.
    pub(super) fn ambiguous(&self, r: &Rect, own: (f64, f64)) -> bool {
        let dist = |p: (f64, f64)| {
            let q = r.nearest(p);
            (q.0 - p.0).hypot(q.1 - p.1)
        };
        let mine = dist(own);
        self.markers.any_in(&r.grow(mine + 2.0), |m| {
            let m = (m.x + m.w / 2.0, m.y + m.h / 2.0);
            (m.0 - own.0).abs() + (m.1 - own.1).abs() > 0.5 && dist(m) < mine + 2.0
        })
    }

    /// Whether a label at `r` for the marker at `own` (radius `own_r`) would be read as another
    /// marker's, so may not go there: without a leader (`leader` false), when another disc is
    /// less than [`SLACK`] farther from the box than its own; with one, when such a disc is also nearer than
    /// [`CLEAR`]. Distances run from the box to the discs' edges, pixels.
    pub(super) fn misread(&self, r: &Rect, (own, own_r): ((f64, f64), f64), leader: bool) -> bool {
        let dist = |p: (f64, f64), rad: f64| {
            let q = r.nearest(p);
            ((q.0 - p.0).hypot(q.1 - p.1) - rad).max(0.0)
        };
        let mine = dist(own, own_r);
        let reach = if leader {
            CLEAR.min(mine)
        } else {
            mine + SLACK
        };
        self.markers.any_in(&r.grow(reach + 1.0), |m| {
            let c = (m.x + m.w / 2.0, m.y + m.h / 2.0);
            (c.0 - own.0).abs() + (c.1 - own.1).abs() > 0.5 && dist(c, m.w / 2.0) <= reach
        })
    }

    /// Whether a leader a→b from the marker at `own` passes within [`GRAZE`] of another marker's
    /// disc, where a reader could take it to end there.
    pub(super) fn grazes(&self, a: (f64, f64), b: (f64, f64), own: (f64, f64)) -> bool {
        let bounds = Rect::new(
            a.0.min(b.0),
            a.1.min(b.1),
            (a.0 - b.0).abs(),
            (a.1 - b.1).abs(),
        );
        self.markers.any_in(&bounds.grow(GRAZE + 1.0), |m| {
            let c = (m.x + m.w / 2.0, m.y + m.h / 2.0);
            (c.0 - own.0).abs() + (c.1 - own.1).abs() > 0.5
                && point_to_segment(c, a, b) < m.w / 2.0 + GRAZE
        })
    }
}

/// Whether segments a→b and p→q cross inside both (touching ends or overlapping do not count).
pub(super) fn segments_cross(a: (f64, f64), b: (f64, f64), p: (f64, f64), q: (f64, f64)) -> bool {
    matches!(
        geo::line_intersection::line_intersection(geo::Line::new(a, b), geo::Line::new(p, q)),
        Some(geo::LineIntersection::SinglePoint {
            is_proper: true,
            ..
        })
    )
}

/// Distance from `p` to the segment a→b, pixels.
fn point_to_segment(p: (f64, f64), a: (f64, f64), b: (f64, f64)) -> f64 {
    use geo::{Distance, Euclidean};
    Euclidean.distance(&geo::Point::from(p), &geo::Line::new(a, b))
}
