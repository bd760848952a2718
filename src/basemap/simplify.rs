//! Fitting projected basemap geometry to the pixel grid: a radial pass, Douglas–Peucker,
//! coordinates rounded to 0.1 px, repeated points and sub-pixel rings dropped.

use super::PixelPath;
use crate::geometry::{douglas_peucker, round_pt};

/// Simplification tolerance in pixels.
pub const TOLERANCE_PX: f64 = 0.4;

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
        let p = round_pt(*c);
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
