//! Where a name fits best inside a water polygon as the map shows it: the point farthest from
//! the polygon's edges (shores, islands and the frame, once the polygon is cut to the frame),
//! found on a grid and refined twice around the best cell.

use crate::geometry::douglas_peucker;
use geo::{Contains, Coord, Distance, Euclidean, Line, LineString, Point, Polygon};

/// Cells per side of the first grid; each refinement searches the best cell and its neighbours
/// with a grid as fine again.
const GRID: usize = 16;
/// Refinements after the first grid.
const REFINEMENTS: usize = 2;
/// Rings are simplified to this many pixels first: the search needs the shape, not the detail.
const SIMPLIFY_PX: f64 = 1.0;

/// The roomiest point of `poly` (pixels) and its distance to the nearest edge, or `None` for
/// an empty or degenerate polygon.
pub(crate) fn roomiest_point(poly: &Polygon<f64>) -> Option<((f64, f64), f64)> {
    let simple = Polygon::new(
        simplify(poly.exterior()),
        poly.interiors().iter().map(simplify).collect(),
    );
    let edges: Vec<Line<f64>> = std::iter::once(simple.exterior())
        .chain(simple.interiors())
        .filter(|r| r.0.len() >= 4)
        .flat_map(|r| r.lines())
        .collect();
    if edges.is_empty() {
        return None;
    }
    // The edge that last ruled a point out: neighbouring grid points are usually ruled out by
    // the same one, so the scan starts there.
    let mut last_near = 0;
    // The room at (x, y) if it is inside and beats `beat` (the minimum over every edge does not
    // depend on the order the edges are scanned in, so starting anywhere gives the same value).
    let mut room = |x: f64, y: f64, beat: f64| -> Option<f64> {
        let p = Point::new(x, y);
        let mut nearest = f64::INFINITY;
        for k in (last_near..edges.len()).chain(0..last_near) {
            let d = Euclidean.distance(&p, &edges[k]);
            if d <= beat {
                last_near = k;
                return None;
            }
            nearest = nearest.min(d);
        }
        simple.contains(&p).then_some(nearest)
    };
    let (mut x0, mut y0, mut x1, mut y1) = bounds(simple.exterior())?;
    let mut best: Option<((f64, f64), f64)> = None;
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

    fn ring(pts: &[(f64, f64)]) -> LineString<f64> {
        LineString::from(pts.to_vec())
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

    #[test]
    fn degenerate_polygons_have_no_room() {
        let flat = Polygon::new(ring(&[(0.0, 0.0), (10.0, 0.0), (0.0, 0.0)]), vec![]);
        assert!(roomiest_point(&flat).is_none());
    }
}
