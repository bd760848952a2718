//! Clipping projected geometry to the pixel frame: lines by Liang–Barsky per segment, polygons
//! with `geo`'s boolean intersection (skipped when a polygon lies wholly inside or outside).

use geo::{BooleanOps, BoundingRect, Coord, Rect};

/// A box (min x, min y, max x, max y).
pub type Box2 = (f64, f64, f64, f64);

/// Clips a polyline to `b`; returns the runs inside it (each with at least two points).
pub fn clip_polyline(points: &[(f64, f64)], b: Box2) -> Vec<Vec<(f64, f64)>> {
    let mut runs = Vec::new();
    let mut run: Vec<(f64, f64)> = Vec::new();
    for w in points.windows(2) {
        match clip_segment(w[0], w[1], b) {
            Some((p, q, q_cut)) => {
                if run.last() != Some(&p) {
                    if run.len() >= 2 {
                        runs.push(std::mem::take(&mut run));
                    }
                    run.clear();
                    run.push(p);
                }
                run.push(q);
                if q_cut {
                    runs.push(std::mem::take(&mut run));
                }
            }
            None => {
                if run.len() >= 2 {
                    runs.push(std::mem::take(&mut run));
                }
                run.clear();
            }
        }
    }
    if run.len() >= 2 {
        runs.push(run);
    }
    runs.retain(|r| r.len() >= 2);
    runs
}

/// Liang–Barsky: the part of segment a→b inside `bx`, and whether its end was cut.
type Clipped = ((f64, f64), (f64, f64), bool);

fn clip_segment(a: (f64, f64), b: (f64, f64), bx: Box2) -> Option<Clipped> {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let (mut t0, mut t1) = (0.0f64, 1.0f64);
    for (p, q) in [
        (-dx, a.0 - bx.0),
        (dx, bx.2 - a.0),
        (-dy, a.1 - bx.1),
        (dy, bx.3 - a.1),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
        } else {
            let r = q / p;
            if p < 0.0 {
                t0 = t0.max(r);
            } else {
                t1 = t1.min(r);
            }
        }
    }
    if t0 > t1 {
        return None;
    }
    let at = |t: f64| (a.0 + dx * t, a.1 + dy * t);
    let p = if t0 > 0.0 { at(t0) } else { a };
    let (q, cut) = if t1 < 1.0 { (at(t1), true) } else { (b, false) };
    Some((p, q, cut))
}

/// Sutherland–Hodgman: a ring (not closed) clipped to the box `b`. A concave ring may come
/// back with edges running along the box's sides; callers use a box larger than what is drawn.
pub fn clip_ring(ring: &[(f64, f64)], b: Box2) -> Vec<(f64, f64)> {
    let mut pts: Vec<(f64, f64)> = ring.to_vec();
    if pts.len() > 1 && pts.first() == pts.last() {
        pts.pop();
    }
    // Each side: is a point inside, and where does a segment cross the side.
    type Side = (
        fn(&(f64, f64), f64) -> bool,
        fn((f64, f64), (f64, f64), f64) -> (f64, f64),
        f64,
    );
    let cross_x =
        |a: (f64, f64), c: (f64, f64), x: f64| (x, a.1 + (c.1 - a.1) * (x - a.0) / (c.0 - a.0));
    let cross_y =
        |a: (f64, f64), c: (f64, f64), y: f64| (a.0 + (c.0 - a.0) * (y - a.1) / (c.1 - a.1), y);
    let sides: [Side; 4] = [
        (|p, v| p.0 >= v, cross_x, b.0),
        (|p, v| p.0 <= v, cross_x, b.2),
        (|p, v| p.1 >= v, cross_y, b.1),
        (|p, v| p.1 <= v, cross_y, b.3),
    ];
    for (inside, cross, v) in sides {
        if pts.is_empty() {
            break;
        }
        let mut out = Vec::with_capacity(pts.len() + 4);
        let n = pts.len();
        for i in 0..n {
            let (a, c) = (pts[(i + n - 1) % n], pts[i]);
            match (inside(&a, v), inside(&c, v)) {
                (true, true) => out.push(c),
                (true, false) => out.push(cross(a, c, v)),
                (false, true) => {
                    out.push(cross(a, c, v));
                    out.push(c);
                }
                (false, false) => {}
            }
        }
        pts = out;
    }
    pts
}

/// Clips polygons to `b`.
pub fn clip_polygons(polys: Vec<geo::Polygon<f64>>, b: Box2) -> Vec<geo::Polygon<f64>> {
    let window = Rect::new(Coord { x: b.0, y: b.1 }, Coord { x: b.2, y: b.3 }).to_polygon();
    let mut out = Vec::new();
    for p in polys {
        let Some(r) = p.bounding_rect() else { continue };
        if r.max().x < b.0 || r.min().x > b.2 || r.max().y < b.1 || r.min().y > b.3 {
            continue;
        }
        if r.min().x >= b.0 && r.max().x <= b.2 && r.min().y >= b.1 && r.max().y <= b.3 {
            out.push(p);
            continue;
        }
        out.extend(p.intersection(&window));
    }
    out
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn ring_clipped_to_box() {
        let r = clip_ring(
            &[(-5.0, -5.0), (5.0, -5.0), (5.0, 5.0), (-5.0, 5.0)],
            (0.0, 0.0, 10.0, 10.0),
        );
        assert_eq!(r.len(), 4);
        for p in [(0.0, 0.0), (5.0, 0.0), (5.0, 5.0), (0.0, 5.0)] {
            assert!(r.contains(&p), "{r:?}");
        }
        assert!(
            clip_ring(
                &[(20.0, 20.0), (30.0, 20.0), (30.0, 30.0)],
                (0.0, 0.0, 10.0, 10.0)
            )
            .is_empty()
        );
    }

    #[test]
    fn polyline_runs_split_where_they_leave() {
        let runs = clip_polyline(
            &[
                (-5.0, 5.0),
                (5.0, 5.0),
                (15.0, 5.0),
                (15.0, 8.0),
                (5.0, 8.0),
            ],
            (0.0, 0.0, 10.0, 10.0),
        );
        assert_eq!(
            runs,
            vec![
                vec![(0.0, 5.0), (5.0, 5.0), (10.0, 5.0)],
                vec![(10.0, 8.0), (5.0, 8.0)]
            ]
        );
        assert!(clip_polyline(&[(20.0, 20.0), (30.0, 30.0)], (0.0, 0.0, 10.0, 10.0)).is_empty());
    }
}
