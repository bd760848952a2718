//! Cutting a polygon, holes and all, at a box, exactly and in linear time: each ring is cut into
//! the runs that lie inside the box, and the runs are joined into rings along the box's sides,
//! walking round the box from where one run leaves to where the next enters (the way d3-geo
//! rejoins clipped rings). A general boolean intersection (`geo`'s `BooleanOps`) gives the same
//! region but costs several times more, and a box needs none of its generality.
//!
//! Rings are oriented so the polygon's inside is on their left (outer rings with positive area,
//! holes negative); the box's perimeter is walked the same way. Output: outer rings with
//! positive area, holes with negative area, no edges doubled along the box.

use super::clip::{Bounds, clip_polyline, clip_ring};
use super::inside::inside_ring;
use super::runs::{Pt, Run, join_runs, signed_area};
use geo::{Coord, LineString, Polygon};

/// The parts of `poly` inside `b`, as polygons with their holes.
///
/// A ring that crosses itself (a sliver of land seen edge-on at a globe's rim, its coast and
/// horizon a fraction of a pixel apart) has no inside on its left, and the walk round the box
/// can go the wrong way and enclose the whole box. Since a cut can only lose area, a result
/// larger than the polygon shows that: then each ring is clipped on its own
/// (Sutherland–Hodgman), which keeps the even-odd fill exact whatever the rings do, at the
/// cost of edges running along the box's sides.
pub fn clip_polygon_to_box(poly: &Polygon<f64>, b: Bounds) -> Vec<Polygon<f64>> {
    if !(b.x1 > b.x0 && b.y1 > b.y0) {
        return Vec::new();
    }
    let cut = join_at_box(poly, b);
    let area = |p: &Polygon<f64>| {
        let ring = |r: &LineString<f64>| {
            let pts: Vec<Pt> = r.0.iter().map(|c| (c.x, c.y)).collect();
            signed_area(&pts).abs() / 2.0
        };
        ring(p.exterior()) - p.interiors().iter().map(ring).sum::<f64>()
    };
    let before = area(poly);
    let after: f64 = cut.iter().map(area).sum();
    if after <= before * (1.0 + 1e-9) + 1.0 {
        return cut;
    }
    let each = |r: &LineString<f64>| {
        let pts: Vec<Pt> = r.0.iter().map(|c| (c.x, c.y)).collect();
        line_string(&clip_ring(&pts, b))
    };
    let outer = each(poly.exterior());
    if outer.0.len() < 3 {
        return Vec::new();
    }
    let holes = poly
        .interiors()
        .iter()
        .map(each)
        .filter(|h| h.0.len() >= 3)
        .collect();
    vec![Polygon::new(outer, holes)]
}

/// The cut itself: runs inside the box joined along its sides.
fn join_at_box(poly: &Polygon<f64>, b: Bounds) -> Vec<Polygon<f64>> {
    let Some(outer) = oriented(poly.exterior(), 1.0) else {
        return Vec::new();
    };
    let holes: Vec<Vec<Pt>> = poly
        .interiors()
        .iter()
        .filter_map(|h| oriented(h, -1.0))
        .collect();
    let mut runs: Vec<Run> = Vec::new();
    let outer_cut = cut_ring(&outer, b, &mut runs);
    let mut whole_holes: Vec<Vec<Pt>> = Vec::new();
    for hole in holes {
        match cut_ring(&hole, b, &mut runs) {
            RingCut::Inside => whole_holes.push(hole),
            RingCut::Outside if runs.is_empty() && inside_ring(corner(b, 0), &hole) => {
                // The box lies in a hole that no ring crosses: nothing of the polygon is in it.
                return Vec::new();
            }
            RingCut::Outside | RingCut::Crossing => {}
        }
    }
    let outers: Vec<Vec<Pt>> = if !runs.is_empty() {
        join_at_sides(&runs, b)
    } else {
        match outer_cut {
            RingCut::Inside => vec![outer],
            RingCut::Outside if inside_ring(corner(b, 0), &outer) => {
                vec![(0..4).map(|k| corner(b, k)).collect()]
            }
            RingCut::Outside | RingCut::Crossing => Vec::new(),
        }
    };
    let mut holes_of: Vec<Vec<Vec<Pt>>> = vec![Vec::new(); outers.len()];
    for hole in whole_holes {
        if let Some(i) = outers.iter().position(|o| inside_ring(hole[0], o)) {
            holes_of[i].push(hole);
        }
    }
    outers
        .into_iter()
        .zip(holes_of)
        .map(|(o, hs)| Polygon::new(line_string(&o), hs.iter().map(|h| line_string(h)).collect()))
        .collect()
}

/// What cutting one ring at the box found.
enum RingCut {
    /// Every vertex in the box (closed): the ring is kept whole.
    Inside,
    /// The ring never enters the box.
    Outside,
    /// The ring's runs inside the box were added to the list.
    Crossing,
}

/// Cuts `ring` (not closed, oriented) at `b`, adding its runs inside the box to `runs`.
fn cut_ring(ring: &[Pt], b: Bounds, runs: &mut Vec<Run>) -> RingCut {
    let outside = |p: &Pt| p.0 < b.x0 || p.0 > b.x1 || p.1 < b.y0 || p.1 > b.y1;
    let Some(start) = ring.iter().position(outside) else {
        return RingCut::Inside;
    };
    // Start at a vertex outside so every run begins and ends on the box's edge.
    let closed: Vec<Pt> = ring[start..]
        .iter()
        .chain(&ring[..=start])
        .copied()
        .collect();
    let before = runs.len();
    for points in clip_polyline(&closed, b) {
        let (first, last) = (points[0], points[points.len() - 1]);
        if points.iter().all(|&p| p == first) {
            continue; // the ring only touches the box at a point
        }
        runs.push(Run {
            enters_at: perimeter_at(first, b),
            leaves_at: perimeter_at(last, b),
            points,
        });
    }
    if runs.len() == before {
        RingCut::Outside
    } else {
        RingCut::Crossing
    }
}

/// The runs joined into closed rings: after each run, walk round the box (inside on the left)
/// to the nearest place where a run enters, taking the box's corners on the way.
fn join_at_sides(runs: &[Run], b: Bounds) -> Vec<Vec<Pt>> {
    let mut rings = join_runs(runs, 4.0, |ring, leaves, gap| {
        for step in 1..=4 {
            let k = (leaves.floor() as usize + step) % 4;
            let d = ahead(leaves, k as f64);
            if d > 0.0 && d < gap {
                ring.push(corner(b, k));
            }
        }
    });
    rings.retain(|ring| ring.len() >= 3 && signed_area(ring) > 0.0);
    rings
}

/// How far round the box (in perimeter units, 0–4) from `from` to `to`, walking forward.
fn ahead(from: f64, to: f64) -> f64 {
    (to - from).rem_euclid(4.0)
}

/// Where a point on the box's edge lies round its perimeter: 0–1 along the bottom (y0) side
/// from corner 0, 1–2 up the right side, 2–3 back along the top, 3–4 down the left side.
fn perimeter_at(p: Pt, b: Bounds) -> f64 {
    let (w, h) = (b.x1 - b.x0, b.y1 - b.y0);
    let sides = [
        (p.1 - b.y0).abs(),
        (p.0 - b.x1).abs(),
        (p.1 - b.y1).abs(),
        (p.0 - b.x0).abs(),
    ];
    let mut side = 0;
    for (i, d) in sides.iter().enumerate() {
        if *d < sides[side] {
            side = i;
        }
    }
    let along = match side {
        0 => (p.0 - b.x0) / w,
        1 => (p.1 - b.y0) / h,
        2 => (b.x1 - p.0) / w,
        _ => (b.y1 - p.1) / h,
    };
    (side as f64 + along.clamp(0.0, 1.0)).rem_euclid(4.0)
}

/// Corner `k` of the box, in the order its perimeter is walked.
fn corner(b: Bounds, k: usize) -> Pt {
    match k % 4 {
        0 => (b.x0, b.y0),
        1 => (b.x1, b.y0),
        2 => (b.x1, b.y1),
        _ => (b.x0, b.y1),
    }
}

/// A ring's points (without the closing repeat) turned so its signed area has the sign of
/// `sign`; `None` for a ring with no area.
fn oriented(ring: &LineString<f64>, sign: f64) -> Option<Vec<Pt>> {
    let mut pts: Vec<Pt> = ring.0.iter().map(|c| (c.x, c.y)).collect();
    if pts.len() > 1 && pts.first() == pts.last() {
        pts.pop();
    }
    let area = signed_area(&pts);
    if pts.len() < 3 || area == 0.0 || !area.is_finite() {
        return None;
    }
    if area.signum() != sign {
        pts.reverse();
    }
    Some(pts)
}

/// A ring as a closed `geo` line string.
fn line_string(ring: &[Pt]) -> LineString<f64> {
    LineString::from(
        ring.iter()
            .map(|&(x, y)| Coord { x, y })
            .collect::<Vec<_>>(),
    )
}

#[cfg(test)]
mod test {
    use super::*;
    use crate::trig;
    use geo::{Area, BooleanOps, Rect};

    const BOX: Bounds = Bounds {
        x0: 0.0,
        y0: 0.0,
        x1: 10.0,
        y1: 10.0,
    };

    fn poly(outer: &[Pt], holes: &[&[Pt]]) -> Polygon<f64> {
        Polygon::new(
            line_string(outer),
            holes.iter().map(|h| line_string(h)).collect(),
        )
    }

    /// The area of the cut, checked against `geo`'s boolean intersection.
    fn same_as_boolean(p: &Polygon<f64>, b: Bounds) -> f64 {
        let ours: f64 = clip_polygon_to_box(p, b)
            .iter()
            .map(|q| q.unsigned_area())
            .sum();
        let window = Rect::new(Coord { x: b.x0, y: b.y0 }, Coord { x: b.x1, y: b.y1 });
        let theirs: f64 = p
            .intersection(&window.to_polygon())
            .iter()
            .map(|q| q.unsigned_area())
            .sum();
        // geo snaps coordinates to a fixed grid, so its area differs in the eighth digit.
        assert!(
            (ours - theirs).abs() < 1e-6 * theirs.max(1.0),
            "ours {ours}, geo {theirs}"
        );
        ours
    }

    #[test]
    fn a_u_shape_across_the_box_becomes_two_pieces_without_edges_along_the_box() {
        // A U whose arms reach down through the box's bottom: two separate pieces.
        let u = poly(
            &[
                (2.0, -5.0),
                (4.0, -5.0),
                (4.0, 5.0),
                (6.0, 5.0),
                (6.0, -5.0),
                (8.0, -5.0),
                (8.0, 7.0),
                (2.0, 7.0),
            ],
            &[],
        );
        let cut = clip_polygon_to_box(&u, BOX);
        assert_eq!(cut.len(), 1);
        assert!((same_as_boolean(&u, BOX) - (6.0 * 7.0 - 2.0 * 5.0)).abs() < 1e-9);
        let down = poly(
            &[
                (2.0, 15.0),
                (2.0, 3.0),
                (4.0, 3.0),
                (4.0, 12.0),
                (6.0, 12.0),
                (6.0, 3.0),
                (8.0, 3.0),
                (8.0, 15.0),
            ],
            &[],
        );
        let cut = clip_polygon_to_box(&down, BOX);
        assert_eq!(cut.len(), 2, "{cut:?}");
        same_as_boolean(&down, BOX);
        for piece in &cut {
            // No vertex repeated: Sutherland–Hodgman would run a zero-width bridge along y = 10.
            assert_eq!(piece.exterior().0.len(), 5, "{piece:?}");
        }
    }

    #[test]
    fn holes_are_kept_cut_or_become_notches() {
        let outer: &[Pt] = &[(-5.0, -5.0), (15.0, -5.0), (15.0, 15.0), (-5.0, 15.0)];
        let inside: &[Pt] = &[(2.0, 2.0), (4.0, 2.0), (4.0, 4.0), (2.0, 4.0)];
        let across: &[Pt] = &[(8.0, 8.0), (12.0, 8.0), (12.0, 9.0), (8.0, 9.0)];
        let p = poly(outer, &[inside, across]);
        let cut = clip_polygon_to_box(&p, BOX);
        assert_eq!(cut.len(), 1);
        assert_eq!(cut[0].interiors().len(), 1);
        assert!((same_as_boolean(&p, BOX) - (100.0 - 4.0 - 2.0)).abs() < 1e-9);
        // The box inside a hole: nothing.
        let big_hole: &[Pt] = &[(-2.0, -2.0), (12.0, -2.0), (12.0, 12.0), (-2.0, 12.0)];
        assert!(clip_polygon_to_box(&poly(outer, &[big_hole]), BOX).is_empty());
        // The box inside the polygon: the box.
        let whole = clip_polygon_to_box(&poly(outer, &[]), BOX);
        assert_eq!(whole.len(), 1);
        assert!((whole[0].unsigned_area() - 100.0).abs() < 1e-9);
    }

    #[test]
    fn either_orientation_inside_outside_and_touching() {
        let tri: &[Pt] = &[(5.0, 5.0), (20.0, 5.0), (5.0, 20.0)];
        let rev: Vec<Pt> = tri.iter().rev().copied().collect();
        let a = same_as_boolean(&poly(tri, &[]), BOX);
        let b = same_as_boolean(&poly(&rev, &[]), BOX);
        assert!((a - b).abs() < 1e-12 && a > 0.0);
        let small = poly(&[(1.0, 1.0), (2.0, 1.0), (2.0, 2.0)], &[]);
        assert_eq!(clip_polygon_to_box(&small, BOX), vec![small.clone()]);
        let away = poly(&[(20.0, 20.0), (30.0, 20.0), (30.0, 30.0)], &[]);
        assert!(clip_polygon_to_box(&away, BOX).is_empty());
        let touching = poly(&[(10.0, 10.0), (20.0, 10.0), (20.0, 20.0)], &[]);
        assert!(clip_polygon_to_box(&touching, BOX).is_empty());
    }

    #[test]
    fn random_stars_match_the_boolean_intersection() {
        // Star-shaped rings with many spikes across the box's sides, against geo.
        let mut seed = 12345_u64;
        let mut next = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 11) as f64 / (1u64 << 53) as f64
        };
        for _ in 0..200 {
            let (cx, cy) = (next() * 14.0 - 2.0, next() * 14.0 - 2.0);
            let n = 5 + (next() * 40.0) as usize;
            let ring: Vec<Pt> = (0..n)
                .map(|i| {
                    let a = i as f64 / n as f64 * std::f64::consts::TAU;
                    let r = 1.0 + next() * 9.0;
                    (cx + r * trig::cos(a), cy + r * trig::sin(a))
                })
                .collect();
            let hole: Vec<Pt> = (0..6)
                .map(|i| {
                    let a = -(i as f64) / 6.0 * std::f64::consts::TAU;
                    (cx + 0.5 * trig::cos(a), cy + 0.5 * trig::sin(a))
                })
                .collect();
            same_as_boolean(&poly(&ring, &[&hole]), BOX);
        }
    }

    #[test]
    fn a_ring_crossing_itself_outside_the_box_keeps_only_what_it_holds_inside() {
        // A bow tie crossing itself below the box (at y -4.67): its small lobe reaches into
        // the box, turning the other way from the large one that sets the ring's orientation.
        let bow_tie = poly(&[(3.0, -20.0), (6.0, 3.0), (4.0, 3.0), (7.0, -20.0)], &[]);
        let out = clip_polygon_to_box(&bow_tie, BOX);
        let area: f64 = out.iter().map(|p| p.unsigned_area()).sum();
        // The small lobe's part in the box: 4.83 square units, not the box less it.
        assert!((area - 4.83).abs() < 0.05, "{area}: {out:?}");
    }
}
