//! Dropping the parts of a shape a regional map cannot show before the shape is cut.
//!
//! A regional map keeps only what lies in `near`, a box around its frame (longitudes relative
//! to the central meridian, repeated every turn). A continent's ring has most of its points far
//! from it, and cutting the whole ring at the seam and to the box cost more than everything the
//! map then draws (the Helsinki walk unwrapped and cut 80,000 points of the 1:10m Eurasia for
//! a map a few kilometres wide).
//!
//! Around the box lie regions that no copy of it reaches, each convex: everything south of
//! it, everything north of it, and each strip of longitude between one copy and the next. When
//! consecutive points lie in the same region, the points between the first and the last are
//! dropped: the path they made is replaced by the chord between its ends, which stays in the
//! region (it is convex). For a polygon, the area between path and chord lies in the region
//! too, so the shape is unchanged inside every copy of the box (even-odd, as the map fills
//! it); for a line, the segments dropped could not touch the box. What a map draws is the
//! shape inside the box, so it draws the same.

use crate::geometry::Bounds;

/// A region around `near` that no copy of it reaches, or none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Region {
    South,
    North,
    /// The strip of longitude between copy `k` of the box and copy `k + 1`.
    Strip(i64),
}

/// The region of `near`'s surroundings holding `p`, if any.
fn region(p: (f64, f64), near: Bounds) -> Option<Region> {
    if p.1 < near.y0 {
        return Some(Region::South);
    }
    if p.1 > near.y1 {
        return Some(Region::North);
    }
    let gap = near.x0 + 360.0 - near.x1;
    // A box as wide as a turn (or a gap that is not a number) leaves no strip.
    if gap.is_nan() || gap <= 0.0 {
        return None;
    }
    let t = p.0 - near.x1;
    let k = (t / 360.0).floor();
    let r = t - 360.0 * k;
    (r > 0.0 && r < gap).then_some(Region::Strip(k as i64))
}

/// `ring` (relative longitudes, as unwrapped) without the points whose neighbours both lie in
/// the same region around `near` as they do. The first and last points are kept.
pub(super) fn drop_far_runs(ring: &[(f64, f64)], near: Bounds) -> Vec<(f64, f64)> {
    let mut out = Vec::with_capacity(ring.len().min(64));
    let mut filter = RunFilter::new(Some(near));
    for &p in ring {
        filter.push(p, &mut out);
    }
    filter.finish(&mut out);
    out
}

/// [`drop_far_runs`] one point at a time, for a caller that makes the points as it goes (the
/// unwrapping of a ring), so the whole ring is never stored. With no box, every point is kept.
pub(super) struct RunFilter {
    near: Option<Bounds>,
    /// The region of the point before the pending one.
    before: Option<Region>,
    /// The last point pushed, kept or dropped once the next one shows whether it ends a run.
    pending: Option<((f64, f64), Option<Region>)>,
}

impl RunFilter {
    pub(super) fn new(near: Option<Bounds>) -> RunFilter {
        RunFilter {
            near,
            before: None,
            pending: None,
        }
    }

    /// The next point of the ring; points found to be kept go to `out`.
    pub(super) fn push(&mut self, p: (f64, f64), out: &mut Vec<(f64, f64)>) {
        let here = self.near.and_then(|b| region(p, b));
        if let Some((q, its)) = self.pending {
            let inside_run = its.is_some() && self.before == its && here == its;
            if !inside_run {
                out.push(q);
            }
            self.before = its;
        }
        self.pending = Some((p, here));
    }

    /// The ring's end: its last point is kept.
    pub(super) fn finish(self, out: &mut Vec<(f64, f64)>) {
        if let Some((q, _)) = self.pending {
            out.push(q);
        }
    }
}

#[cfg(test)]
mod test {
    use super::*;

    fn near() -> Bounds {
        Bounds::new(-10.0, 40.0, 10.0, 60.0)
    }

    #[test]
    fn points_far_on_one_side_keep_only_the_ends_of_their_run() {
        // In the box, then south for four points, back in, then east (strip 0) for three.
        let ring = [
            (0.0, 50.0),
            (0.0, 30.0),
            (5.0, 20.0),
            (80.0, 10.0),
            (9.0, 35.0),
            (5.0, 50.0),
            (20.0, 50.0),
            (100.0, 45.0),
            (300.0, 50.0),
            (0.0, 55.0),
        ];
        assert_eq!(
            drop_far_runs(&ring, near()),
            vec![
                (0.0, 50.0),
                (0.0, 30.0),
                (9.0, 35.0),
                (5.0, 50.0),
                (20.0, 50.0),
                (300.0, 50.0),
                (0.0, 55.0)
            ]
        );
    }

    #[test]
    fn a_run_changing_region_or_reaching_a_copy_of_the_box_is_kept() {
        // South then north (both outside, different regions); then a point in the next copy
        // of the box (x = 360) between two in strip 0 and strip 1; then points in the box near
        // its edges.
        let ring = [
            (0.0, 50.0),
            (0.0, 30.0),
            (0.0, 70.0),
            (0.0, 50.0),
            (200.0, 50.0),
            (360.0, 50.0),
            (500.0, 50.0),
            (0.0, 50.0),
            (9.0, 50.0),
            (9.5, 45.0),
            (-9.5, 59.0),
            (8.0, 55.0),
        ];
        assert_eq!(drop_far_runs(&ring, near()), ring.to_vec());
    }

    #[test]
    fn a_box_as_wide_as_the_world_has_no_strips() {
        let wide = Bounds::new(-185.0, 40.0, 185.0, 60.0);
        let ring = [(0.0, 50.0), (190.0, 50.0), (200.0, 50.0), (210.0, 50.0)];
        assert_eq!(drop_far_runs(&ring, wide), ring.to_vec());
    }
}
