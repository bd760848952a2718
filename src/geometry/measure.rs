//! Lengths of polylines and points along them.

use crate::trig;

/// Length of a polyline.
pub fn length(points: &[(f64, f64)]) -> f64 {
    points
        .windows(2)
        .map(|w| (w[1].0 - w[0].0).hypot(w[1].1 - w[0].1))
        .sum()
}

/// The point `d` along a polyline and the direction there (radians, atan2 of dy, dx); `None`
/// past the end.
pub fn point_along(points: &[(f64, f64)], d: f64) -> Option<((f64, f64), f64)> {
    let mut left = d;
    for w in points.windows(2) {
        let seg = (w[1].0 - w[0].0).hypot(w[1].1 - w[0].1);
        if seg > 0.0 && left <= seg {
            let t = left / seg;
            let p = (
                w[0].0 + t * (w[1].0 - w[0].0),
                w[0].1 + t * (w[1].1 - w[0].1),
            );
            return Some((p, trig::atan2(w[1].1 - w[0].1, w[1].0 - w[0].0)));
        }
        left -= seg;
    }
    None
}

/// Whether points `a` and `b` are at least `d` apart, as `hypot(dx, dy) >= d` says, but
/// without the square root when one coordinate alone differs by `d` (a rounded `hypot` is never
/// below either difference, so the answer is the same).
pub fn at_least_apart(a: (f64, f64), b: (f64, f64), d: f64) -> bool {
    let (dx, dy) = (a.0 - b.0, a.1 - b.1);
    dx.abs() >= d || dy.abs() >= d || dx.hypot(dy) >= d
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn apart_is_hypot_without_the_root() {
        let mut rng = fastrand::Rng::with_seed(7);
        let mut next = || rng.f64() * 20.0 - 10.0;
        for _ in 0..100_000 {
            let (a, b, d) = ((next(), next()), (next(), next()), next().abs());
            let want = (a.0 - b.0).hypot(a.1 - b.1) >= d;
            assert_eq!(at_least_apart(a, b, d), want, "{a:?} {b:?} {d}");
        }
        // Exactly one coordinate apart, and NaN (never apart) as hypot says.
        assert!(at_least_apart((0.0, 0.0), (3.0, 0.0), 3.0));
        assert!(!at_least_apart((0.0, 0.0), (f64::NAN, 0.0), 1.0));
    }

    #[test]
    fn length_and_point_along() {
        let l = [(0.0, 0.0), (3.0, 4.0), (3.0, 10.0)];
        assert_eq!(length(&l), 11.0);
        let ((x, y), dir) = point_along(&l, 8.0).unwrap();
        assert!((x - 3.0).abs() < 1e-12 && (y - 7.0).abs() < 1e-12);
        assert!((dir - std::f64::consts::FRAC_PI_2).abs() < 1e-12);
        assert!(point_along(&l, 12.0).is_none());
    }
}
