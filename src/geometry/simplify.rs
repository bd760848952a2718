//! Douglas–Peucker simplification, and polylines fitted to the pixel grid.
//!
//! Written here (iterative, squared distances, one `keep` mask) rather than taken from `geo`:
//! `geo::Simplify` copies sub-slices at each level and calls `hypot` per point, and was 40% of a
//! world basemap's time in `perf`.

use super::round_pt;

/// Which points Douglas–Peucker keeps at tolerance `eps` (the ends always): a point is kept when
/// it lies more than `eps` from the segment joining the kept points around it.
pub fn douglas_peucker(pts: &[(f64, f64)], eps: f64) -> Vec<bool> {
    let n = pts.len();
    let mut keep = vec![n <= 2; n];
    if n <= 2 {
        return keep;
    }
    keep[0] = true;
    keep[n - 1] = true;
    let mut stack = vec![(0usize, n - 1)];
    while let Some((a, b)) = stack.pop() {
        let (ax, ay) = pts[a];
        let (dx, dy) = (pts[b].0 - ax, pts[b].1 - ay);
        let len2 = dx * dx + dy * dy;
        let (mut best, mut at) = (0.0, 0);
        for (i, &(px, py)) in pts.iter().enumerate().take(b).skip(a + 1) {
            // Squared distance to the segment a–b (to a itself when a and b coincide, as
            // at a ring's closing point), scaled by len2 to avoid a division per point.
            let d = if len2 == 0.0 {
                (px - ax).powi(2) + (py - ay).powi(2)
            } else {
                let t = ((px - ax) * dx + (py - ay) * dy).clamp(0.0, len2);
                let (qx, qy) = (ax * len2 + t * dx, ay * len2 + t * dy);
                ((px * len2 - qx).powi(2) + (py * len2 - qy).powi(2)) / (len2 * len2)
            };
            if d > best {
                best = d;
                at = i;
            }
        }
        if best > eps * eps {
            keep[at] = true;
            stack.push((a, at));
            stack.push((at, b));
        }
    }
    keep
}

/// Douglas–Peucker to `tolerance_px`, then coordinates rounded to 0.1 px with repeated points
/// dropped.
pub fn simplify(points: &[(f64, f64)], tolerance_px: f64) -> Vec<(f64, f64)> {
    let keep = douglas_peucker(points, tolerance_px);
    let mut out: Vec<(f64, f64)> = Vec::with_capacity(points.len());
    for (&c, _) in points.iter().zip(&keep).filter(|(_, k)| **k) {
        let p = round_pt(c);
        if out.last() != Some(&p) {
            out.push(p);
        }
    }
    out
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn keeps_corners_and_drops_wiggles() {
        let pts = [
            (0.0, 0.0),
            (5.0, 0.3),
            (10.0, 0.0),
            (10.0, 10.0),
            (0.0, 10.0),
            (0.0, 0.0),
        ];
        let keep = douglas_peucker(&pts, 0.4);
        assert_eq!(keep, vec![true, false, true, true, true, true]);
        assert!(douglas_peucker(&pts, 0.2)[1]);
    }

    #[test]
    fn simplify_keeps_ends_and_rounds() {
        let pts: Vec<(f64, f64)> = (0..=100)
            .map(|i| (i as f64 * 0.123, 1.0 + 1e-4 * i as f64))
            .collect();
        assert_eq!(simplify(&pts, 0.25), vec![(0.0, 1.0), (12.3, 1.0)]);
    }
}
