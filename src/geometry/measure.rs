//! Lengths of polylines and points along them.

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
            return Some((p, (w[1].1 - w[0].1).atan2(w[1].0 - w[0].0)));
        }
        left -= seg;
    }
    None
}

#[cfg(test)]
mod test {
    use super::*;

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
