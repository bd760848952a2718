//! The size `map.png` will have, checked against [`MAX_PNG_PIXELS`] before anything is drawn:
//! the pixmap takes 4 bytes a pixel, and `--width 10000 --scale 8` would ask for gigabytes.

use super::RenderError;

/// The most pixels `map.png` may have: 100 megapixels, a 400 MB pixmap (10,000 x 10,000 at
/// `--scale 1`, or a 5,000-pixel-wide map at the default scale of 2).
pub const MAX_PNG_PIXELS: u64 = 100_000_000;

/// Checks a `width` x `height` (SVG pixels) map drawn at `scale` against [`MAX_PNG_PIXELS`]; the
/// error gives the size and the largest `--scale` that fits.
pub fn check_png_size(width: f64, height: f64, scale: f64) -> Result<(), RenderError> {
    let px = |side: f64| (side.ceil() * scale).ceil().max(1.0);
    let (w, h) = (px(width), px(height));
    let pixels = w * h;
    if pixels.is_finite() && pixels <= MAX_PNG_PIXELS as f64 {
        return Ok(());
    }
    let fits = (MAX_PNG_PIXELS as f64 / (width.ceil() * height.ceil()).max(1.0)).sqrt();
    let hint = if fits >= 0.01 {
        format!(
            "give --scale {} or less, or a smaller --width",
            (fits * 100.0).floor() / 100.0
        )
    } else {
        "give a smaller --width (and --height)".to_string()
    };
    Err(RenderError::Png(format!(
        "{w} x {h} pixels ({:.0} megapixels) is more than the limit of {} megapixels; {hint}",
        pixels / 1e6,
        MAX_PNG_PIXELS / 1_000_000
    )))
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn the_limit_is_checked_and_the_error_says_what_fits() {
        assert!(check_png_size(10_000.0, 10_000.0, 1.0).is_ok());
        assert!(check_png_size(960.0, 700.0, 8.0).is_ok());
        let e = check_png_size(10_000.0, 7_000.0, 8.0)
            .unwrap_err()
            .to_string();
        assert_eq!(
            e,
            "cannot draw map.png: 80000 x 56000 pixels (4480 megapixels) is more than the limit of 100 megapixels; give --scale 1.19 or less, or a smaller --width"
        );
        assert!(check_png_size(f64::MAX, 1.0, 1.0).is_err());
    }
}
