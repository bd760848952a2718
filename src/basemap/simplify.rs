//! Fitting projected geometry to the pixel grid: Douglas–Peucker simplification, coordinates
//! rounded to 0.1 px, repeated points and sub-pixel rings dropped.
//!
//! Douglas–Peucker is written here (iterative, squared distances, one `keep` mask) rather than
//! taken from `geo`: `geo::Simplify` copies sub-slices at each level and calls `hypot` per
//! point, and was 40% of a world view's time in `perf`.

use super::PixelPath;

/// Simplification tolerance in pixels.
pub const TOLERANCE_PX: f64 = 0.4;

fn round(v: f64) -> f64 {
    // +0.0 turns -0.0 into 0.0 so output never prints "-0".
    (v * 10.0).round() / 10.0 + 0.0
}

/// Simplifies and rounds pixel points; `closed`: a ring (rings under a pixel in area are
/// dropped), otherwise a line (lines under a pixel long are dropped).
pub fn to_path(points: &[(f64, f64)], closed: bool) -> Option<PixelPath> {
    // A radial pass first (drop points within the tolerance of the last kept one) so
    // Douglas–Peucker sees few points on dense data at small scales.
    let tol2 = TOLERANCE_PX * TOLERANCE_PX;
    let mut coords: Vec<(f64, f64)> = Vec::with_capacity(points.len() + 1);
    for (i, &(x, y)) in points.iter().enumerate() {
        let keep = match coords.last() {
            None => true,
            Some(c) => i + 1 == points.len() || (x - c.0).powi(2) + (y - c.1).powi(2) >= tol2,
        };
        if keep {
            coords.push((x, y));
        }
    }
    if closed && coords.len() > 1 && coords.first() != coords.last() {
        coords.push(coords[0]);
    }
    let keep = douglas_peucker(&coords, TOLERANCE_PX);
    let mut out: Vec<(f64, f64)> = Vec::with_capacity(coords.len());
    for (c, _) in coords.iter().zip(&keep).filter(|(_, k)| **k) {
        let p = (round(c.0), round(c.1));
        if out.last() != Some(&p) {
            out.push(p);
        }
    }
    if closed {
        if out.len() > 1 && out.first() == out.last() {
            out.pop();
        }
        if out.len() < 3 || area(&out).abs() < 1.0 {
            return None;
        }
    } else {
        let length: f64 = out
            .windows(2)
            .map(|w| (w[1].0 - w[0].0).hypot(w[1].1 - w[0].1))
            .sum();
        if out.len() < 2 || length < 1.0 {
            return None;
        }
    }
    Some(PixelPath {
        points: out,
        closed,
    })
}

/// Which points Douglas–Peucker keeps at tolerance `eps` (the ends always).
fn douglas_peucker(pts: &[(f64, f64)], eps: f64) -> Vec<bool> {
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

/// Signed area (shoelace) of a ring given without its closing point.
fn area(r: &[(f64, f64)]) -> f64 {
    let n = r.len();
    0.5 * (0..n)
        .map(|i| r[i].0 * r[(i + 1) % n].1 - r[(i + 1) % n].0 * r[i].1)
        .sum::<f64>()
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn douglas_peucker_keeps_corners_and_drops_wiggles() {
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
        let keep = douglas_peucker(&pts, 0.2);
        assert!(keep[1]);
    }

    #[test]
    fn drops_tiny_rings_and_keeps_real_ones() {
        assert!(to_path(&[(0.0, 0.0), (0.5, 0.0), (0.5, 0.5)], true).is_none());
        let p = to_path(
            &[
                (0.0, 0.0),
                (10.04, 0.0),
                (10.0, 5.0),
                (5.0, 5.01),
                (0.0, 5.0),
            ],
            true,
        )
        .unwrap();
        assert_eq!(
            p.points,
            vec![(0.0, 0.0), (10.0, 0.0), (10.0, 5.0), (0.0, 5.0)]
        );
        assert!(p.closed);
        assert!(to_path(&[(0.0, 0.0), (0.3, 0.3)], false).is_none());
    }
}
