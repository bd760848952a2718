//! Where a name fits best inside a water polygon as the map shows it: the point farthest from
//! the polygon's edges (shores, islands and the frame, once the polygon is cut to the frame),
//! found on a grid and refined twice around the best cell.

use crate::geometry::douglas_peucker;
use geo::{Contains, Coord, Line, LineString, Point, Polygon};

/// Cells per side of the first grid; each refinement searches the best cell and its neighbours
/// with a grid as fine again.
const GRID: usize = 16;
/// Refinements after the first grid.
const REFINEMENTS: usize = 2;
/// Rings are simplified to this many pixels first: the search needs the shape, not the detail.
const SIMPLIFY_PX: f64 = 1.0;

/// A point (pixels) and its room.
type Room = ((f64, f64), f64);

/// The roomiest point of all `polys` (pixels) and its room, as the last of the roomiest of
/// [`roomiest_point`] over each; `None` when none has room `at_least`.
///
/// A polygon's room is at most half the shorter side of its box (a point's distance to the
/// edges is at most its distance to a side of the box: a ray from it towards that side leaves
/// the polygon before reaching it). So the polygons are searched from the roomiest box down,
/// and one whose box cannot beat the room already found, or reach `at_least`, is not searched:
/// the same point as searching them all, for a sea cut into hundreds of pieces by a frame and
/// its islands.
pub(crate) fn roomiest_of(polys: &[Polygon<f64>], at_least: f64) -> Option<Room> {
    let mut order: Vec<(f64, usize)> = polys
        .iter()
        .enumerate()
        .filter_map(|(i, p)| {
            let (x0, y0, x1, y1) = bounds(p.exterior())?;
            Some(((x1 - x0).min(y1 - y0) / 2.0, i))
        })
        .collect();
    order.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    // The best so far and its position: the later of two as roomy wins, as with `max_by`.
    let mut best: Option<(Room, usize)> = None;
    for (bound, i) in order {
        let beaten = best.is_some_and(|((_, room), _)| bound < room);
        if bound < at_least || beaten {
            continue;
        }
        let Some(found) = roomiest_point(&polys[i]) else {
            continue;
        };
        let better = match best {
            None => true,
            Some(((_, room), k)) => found.1 > room || (found.1 == room && i > k),
        };
        if better {
            best = Some((found, i));
        }
    }
    best.map(|(found, _)| found)
}

/// The roomiest point of `poly` (pixels) and its distance to the nearest edge, or `None` for
/// an empty or degenerate polygon.
fn roomiest_point(poly: &Polygon<f64>) -> Option<Room> {
    let simple = Polygon::new(
        simplify(poly.exterior()),
        poly.interiors().iter().map(simplify).collect(),
    );
    let edges: Vec<Edge> = std::iter::once(simple.exterior())
        .chain(simple.interiors())
        .filter(|r| r.0.len() >= 4)
        .flat_map(|r| r.lines())
        .map(Edge::new)
        .collect();
    if edges.is_empty() {
        return None;
    }
    // The edge that last ruled a point out: neighbouring grid points are usually ruled out by
    // the same one, so the scan starts there.
    let mut last_near = 0;
    // The room at (x, y) if it is inside and beats `beat` (the minimum over every edge does not
    // depend on the order the edges are scanned in, so starting anywhere gives the same value).
    // An edge whose box is farther than the nearest edge found so far cannot be the nearest
    // (nor within `beat`, which the nearest so far exceeds), so its exact distance is skipped:
    // the same minimum, found without most of the square roots.
    // Distances are compared squared, with one square root at the end.
    let mut room = |x: f64, y: f64, beat: f64| -> Option<f64> {
        let beat2 = if beat >= 0.0 { beat * beat } else { -1.0 };
        let mut nearest2 = f64::INFINITY;
        let mut bound2 = f64::INFINITY;
        for k in (last_near..edges.len()).chain(0..last_near) {
            let edge = &edges[k];
            if edge.box_distance2(x, y) > bound2 {
                continue;
            }
            let d2 = edge.distance2(x, y);
            if d2 <= beat2 {
                last_near = k;
                return None;
            }
            if d2 < nearest2 {
                nearest2 = d2;
                bound2 = d2 * (1.0 + 1e-9);
            }
        }
        simple
            .contains(&Point::new(x, y))
            .then_some(nearest2.sqrt())
    };
    let (mut x0, mut y0, mut x1, mut y1) = bounds(simple.exterior())?;
    let mut best: Option<Room> = None;
    for _ in 0..=REFINEMENTS {
        let (cw, ch) = ((x1 - x0) / GRID as f64, (y1 - y0) / GRID as f64);
        for i in 0..GRID {
            for j in 0..GRID {
                let (x, y) = (x0 + (i as f64 + 0.5) * cw, y0 + (j as f64 + 0.5) * ch);
                let beat = best.map_or(f64::NEG_INFINITY, |(_, b)| b);
                if let Some(d) = room(x, y, beat) {
                    best = Some(((x, y), d));
                }
            }
        }
        let ((bx, by), _) = best?;
        (x0, y0, x1, y1) = (bx - 1.5 * cw, by - 1.5 * ch, bx + 1.5 * cw, by + 1.5 * ch);
    }
    best
}

/// A ring simplified with Douglas–Peucker at [`SIMPLIFY_PX`].
fn simplify(ring: &LineString<f64>) -> LineString<f64> {
    let pts: Vec<(f64, f64)> = ring.0.iter().map(|c| (c.x, c.y)).collect();
    let keep = douglas_peucker(&pts, SIMPLIFY_PX);
    LineString::from(
        pts.iter()
            .zip(keep)
            .filter(|(_, k)| *k)
            .map(|(&(x, y), _)| Coord { x, y })
            .collect::<Vec<_>>(),
    )
}

/// An edge with its bounding box.
struct Edge {
    line: Line<f64>,
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
}

impl Edge {
    fn new(line: Line<f64>) -> Edge {
        let (a, b) = (line.start, line.end);
        Edge {
            line,
            x0: a.x.min(b.x),
            y0: a.y.min(b.y),
            x1: a.x.max(b.x),
            y1: a.y.max(b.y),
        }
    }

    /// The squared distance from (x, y) to the edge: to the nearest point of the segment. Squared,
    /// so with no square root; `geo`'s `Euclidean` distance goes through `hypot`, which was a
    /// fiftieth of a map's time here.
    fn distance2(&self, x: f64, y: f64) -> f64 {
        let (a, b) = (self.line.start, self.line.end);
        let (dx, dy) = (b.x - a.x, b.y - a.y);
        let len2 = dx * dx + dy * dy;
        let t = if len2 > 0.0 {
            (((x - a.x) * dx + (y - a.y) * dy) / len2).clamp(0.0, 1.0)
        } else {
            0.0
        };
        let (ex, ey) = (a.x + t * dx - x, a.y + t * dy - y);
        ex * ex + ey * ey
    }

    /// The squared distance from (x, y) to the edge's box: never more than the squared
    /// distance to the edge.
    fn box_distance2(&self, x: f64, y: f64) -> f64 {
        let dx = (self.x0 - x).max(x - self.x1).max(0.0);
        let dy = (self.y0 - y).max(y - self.y1).max(0.0);
        dx * dx + dy * dy
    }
}

/// Bounding box (x0, y0, x1, y1) of a ring, `None` if it has no area.
fn bounds(ring: &LineString<f64>) -> Option<(f64, f64, f64, f64)> {
    let b = ring.0.iter().fold(
        (
            f64::INFINITY,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NEG_INFINITY,
        ),
        |(a, b, c, d), p| (a.min(p.x), b.min(p.y), c.max(p.x), d.max(p.y)),
    );
    (b.2 > b.0 && b.3 > b.1).then_some(b)
}

#[cfg(test)]
mod test {
    use super::*;
    use crate::trig;
    use geo::{Distance, Euclidean};

    fn ring(pts: &[(f64, f64)]) -> LineString<f64> {
        LineString::from(pts.to_vec())
    }

    /// An edge's squared distance is `geo`'s Euclidean distance squared: beside, beyond either
    /// end and on the segment, and for a segment of no length.
    #[test]
    fn edge_distance_is_geos_squared() {
        let segments = [
            ((0.0, 0.0), (10.0, 0.0)),
            ((3.0, -2.0), (-7.5, 11.0)),
            ((5.0, 5.0), (5.0, 5.0)),
            ((-1.0, 4.0), (-1.0, -9.0)),
        ];
        for (a, b) in segments {
            let edge = Edge::new(Line::new(a, b));
            for i in -12..=12 {
                for j in -12..=12 {
                    let (x, y) = (1.3 * i as f64, 1.1 * j as f64);
                    let d = Euclidean.distance(&Point::new(x, y), &edge.line);
                    let d2 = edge.distance2(x, y);
                    assert!(
                        (d2.sqrt() - d).abs() < 1e-12,
                        "{a:?}-{b:?} at {x},{y}: {d2} {d}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_rectangle_has_its_room_in_the_middle() {
        let r = Polygon::new(
            ring(&[
                (0.0, 0.0),
                (100.0, 0.0),
                (100.0, 40.0),
                (0.0, 40.0),
                (0.0, 0.0),
            ]),
            vec![],
        );
        let ((x, y), room) = roomiest_point(&r).unwrap();
        assert!((room - 20.0).abs() < 0.5, "{room}");
        assert!(
            (y - 20.0).abs() < 0.5 && (20.0..=80.0).contains(&x),
            "{x} {y}"
        );
    }

    #[test]
    fn an_island_pushes_the_point_aside_and_an_l_keeps_it_inside() {
        // A 100 px square with a 40 px island in the middle: the room is in a corner band.
        let sea = Polygon::new(
            ring(&[
                (0.0, 0.0),
                (100.0, 0.0),
                (100.0, 100.0),
                (0.0, 100.0),
                (0.0, 0.0),
            ]),
            vec![ring(&[
                (30.0, 30.0),
                (70.0, 30.0),
                (70.0, 70.0),
                (30.0, 70.0),
                (30.0, 30.0),
            ])],
        );
        let ((x, y), room) = roomiest_point(&sea).unwrap();
        assert!(!(30.0..=70.0).contains(&x) || !(30.0..=70.0).contains(&y));
        assert!(room > 14.0 && room < 22.0, "{room} at {x} {y}");
        // An L: its bounding box's centre is outside it.
        let l = Polygon::new(
            ring(&[
                (0.0, 0.0),
                (100.0, 0.0),
                (100.0, 20.0),
                (20.0, 20.0),
                (20.0, 100.0),
                (0.0, 100.0),
                (0.0, 0.0),
            ]),
            vec![],
        );
        let ((x, y), room) = roomiest_point(&l).unwrap();
        assert!(
            l.contains(&Point::new(x, y)) && room > 9.0,
            "{x} {y} {room}"
        );
    }

    /// The room found with edges skipped by their boxes is the exact distance to the nearest
    /// edge, checked against every edge on a jagged ring with a jagged hole.
    #[test]
    fn the_room_is_the_distance_to_the_nearest_edge() {
        let jagged = |cx: f64, cy: f64, r: f64, n: usize| -> LineString<f64> {
            let mut pts: Vec<(f64, f64)> = (0..n)
                .map(|i| {
                    let a = i as f64 / n as f64 * std::f64::consts::TAU;
                    let rr = r * (1.0 + 0.3 * trig::sin(7.0 * a) * trig::cos(3.0 * a));
                    (cx + rr * trig::cos(a), cy + rr * trig::sin(a))
                })
                .collect();
            pts.push(pts[0]);
            ring(&pts)
        };
        let poly = Polygon::new(
            jagged(200.0, 150.0, 140.0, 240),
            vec![jagged(230.0, 160.0, 30.0, 60)],
        );
        let ((x, y), room) = roomiest_point(&poly).unwrap();
        let p = Point::new(x, y);
        let simple = Polygon::new(
            simplify(poly.exterior()),
            poly.interiors().iter().map(simplify).collect(),
        );
        let exact = std::iter::once(simple.exterior())
            .chain(simple.interiors())
            .flat_map(|r| r.lines())
            .map(|l| Euclidean.distance(&p, &l))
            .fold(f64::INFINITY, f64::min);
        // The same up to rounding: the room's distance is a square root of a squared one.
        assert!((room - exact).abs() < 1e-9, "{room} against {exact}");
        assert!(room > 40.0, "{room}");
    }

    #[test]
    fn degenerate_polygons_have_no_room() {
        let flat = Polygon::new(ring(&[(0.0, 0.0), (10.0, 0.0), (0.0, 0.0)]), vec![]);
        assert!(roomiest_point(&flat).is_none());
    }

    #[test]
    fn the_roomiest_of_many_is_the_one_searching_them_all_finds() {
        // Pieces of a sea: rectangles and Ls of many sizes, some alike (ties go to the later).
        let mut seed = 7u64;
        let mut next = |n: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        for round in 0..200 {
            let pieces: Vec<Polygon<f64>> = (0..1 + next(12))
                .map(|_| {
                    let (x, y) = (next(500) as f64, next(500) as f64);
                    let (w, h) = (2.0 + next(80) as f64, 2.0 + next(80) as f64);
                    let mut pts = vec![(x, y), (x + w, y), (x + w, y + h)];
                    if next(2) == 0 {
                        pts.push((x + w / 3.0, y + h));
                        pts.push((x + w / 3.0, y + h * 3.0));
                        pts.push((x, y + h * 3.0));
                    } else {
                        pts.push((x, y + h));
                    }
                    pts.push((x, y));
                    Polygon::new(ring(&pts), vec![])
                })
                .collect();
            let all = pieces
                .iter()
                .filter_map(roomiest_point)
                .max_by(|a, b| a.1.total_cmp(&b.1));
            assert_eq!(roomiest_of(&pieces, 0.0), all, "round {round}");
            // Below `at_least`, nothing or a point as poor; above it, the same.
            let floor = 12.0;
            match (roomiest_of(&pieces, floor), all) {
                (found, Some(a)) if a.1 >= floor => assert_eq!(found, Some(a)),
                (found, _) => assert!(found.is_none_or(|f| f.1 < floor), "round {round}"),
            }
        }
    }
}
