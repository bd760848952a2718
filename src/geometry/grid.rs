//! The pixel grid of every picture: coordinates rounded to a tenth of a pixel.

use super::Rect;

/// Rounds to one decimal place (a tenth of a pixel); never gives `-0.0`.
pub fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0 + 0.0
}

/// A point rounded to the grid.
pub fn round_pt(p: (f64, f64)) -> (f64, f64) {
    (round1(p.0), round1(p.1))
}

/// A rectangle whose edges and size are rounded to the grid.
pub fn round_rect(r: Rect) -> Rect {
    Rect::new(round1(r.x), round1(r.y), round1(r.w), round1(r.h))
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn rounds_to_tenths_without_negative_zero() {
        assert_eq!(round1(1.26), 1.3);
        assert_eq!(round1(-1.24), -1.2);
        assert!(round1(-0.01).is_sign_positive());
        assert_eq!(round_pt((0.04, 2.96)), (0.0, 3.0));
    }
}
