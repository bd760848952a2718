//! Trigonometry for all of tripmap's own code: the `libm` crate's functions (Rust ports of
//! musl's), never the platform's `f64::sin` and friends (`clippy.toml` refuses those).
//!
//! Two reasons. Sameness: the platform's functions differ between glibc, macOS and Windows in
//! the last bit, which can move a rounded coordinate in `map.svg`; libm gives the same bits
//! everywhere, so tripmap's own projections, clipping and placement do too. (Crates tripmap
//! uses, such as geographiclib-rs for geodesics, keep their own choices.) Speed: glibc saves
//! and restores the rounding mode on every `sin`, `cos` and `sincos`; libm's are faster in
//! isolation (`sin_cos` 12.9 → 7.3 ns, `atan2` 11.5 → 8.0 ns on the development machine),
//! which makes the stream's maps about 2 % faster.
//!
//! Each function takes and returns radians, as `f64`'s methods of the same name do.

/// Sine.
#[inline]
pub fn sin(x: f64) -> f64 {
    libm::sin(x)
}

/// Cosine.
#[inline]
pub fn cos(x: f64) -> f64 {
    libm::cos(x)
}

/// Sine and cosine at once, `(sin x, cos x)`.
#[inline]
pub fn sin_cos(x: f64) -> (f64, f64) {
    libm::sincos(x)
}

/// Tangent.
#[inline]
pub fn tan(x: f64) -> f64 {
    libm::tan(x)
}

/// Arcsine, in [−π/2, π/2]; NaN outside [−1, 1].
#[inline]
pub fn asin(x: f64) -> f64 {
    libm::asin(x)
}

/// Arccosine, in [0, π]; NaN outside [−1, 1].
#[inline]
pub fn acos(x: f64) -> f64 {
    libm::acos(x)
}

/// Arctangent, in [−π/2, π/2].
#[inline]
pub fn atan(x: f64) -> f64 {
    libm::atan(x)
}

/// The angle of the point (x, y) from the x axis, `atan2(y, x)`, in [−π, π].
#[inline]
pub fn atan2(y: f64, x: f64) -> f64 {
    libm::atan2(y, x)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::f64::consts::{FRAC_PI_2, FRAC_PI_4, PI};

    /// Each function against values known exactly, and against the identities that tie them
    /// together, to within a few units in the last place.
    #[test]
    fn agrees_with_known_values_and_identities() {
        let close = |a: f64, b: f64| (a - b).abs() <= 4.0 * f64::EPSILON * b.abs().max(1.0);
        assert!(close(sin(FRAC_PI_2), 1.0));
        assert!(close(cos(PI), -1.0));
        assert!(close(tan(FRAC_PI_4), 1.0));
        assert!(close(asin(1.0), FRAC_PI_2));
        assert!(close(acos(-1.0), PI));
        assert!(close(atan(1.0), FRAC_PI_4));
        assert!(close(atan2(1.0, -1.0), 3.0 * FRAC_PI_4));
        assert!(close(atan2(-0.0, -1.0), -PI));
        assert!(asin(1.5).is_nan());
        for i in -1000..=1000 {
            let x = i as f64 * 0.0137;
            let (s, c) = sin_cos(x);
            assert_eq!((s, c), (sin(x), cos(x)), "sin_cos({x})");
            assert!(close(s * s + c * c, 1.0), "sin² + cos² at {x}");
            let wrapped = x - 2.0 * PI * ((x + PI) / (2.0 * PI)).floor();
            assert!((atan2(s, c) - wrapped).abs() < 1e-13, "atan2 at {x}");
        }
    }
}
