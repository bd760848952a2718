//! Text widths from the bundled fonts, so label placement is deterministic, the same on every
//! machine, and true to what `map.png` draws.
//!
//! In: a string and a font size in pixels. Out: its advance width in pixels, and lines that fit
//! a width. Each stretch of text is shaped with the bundled face that draws it
//! ([`crate::fonts`]: DejaVu Sans for Latin, Greek and Cyrillic, Noto Sans for Hebrew, Arabic,
//! Devanagari, Thai, CJK and the gazetteer's other scripts), with kerning, Arabic joining and
//! Indic conjuncts, exactly as resvg shapes it for the PNG and as the SVG's embedded glyphs
//! draw it in a browser. DejaVu Sans is the widest common sans in the SVG's font stack
//! (Helvetica, Arial, Segoe UI and Roboto are narrower), so a box measured here is never too
//! small for the Latin font a reader's browser picks. A character no bundled font has counts
//! 1 em (1.3 em for an emoji or symbol), and [`missing_glyphs`](crate::scene::text_metrics::missing_glyphs) names it.
//!
//! Lines break at spaces, and inside Chinese and Japanese text (which has none) between
//! characters where Unicode's line-breaking rules allow; never inside a grapheme cluster (a
//! letter with its marks, a Devanagari conjunct).

mod glyph_coverage;
mod line_breaking;
#[cfg(test)]
mod test;

pub use crate::fonts::Weight;
use crate::fonts::{self, width_em};
pub use glyph_coverage::{missing_glyph_warnings, missing_glyphs};
pub use line_breaking::{truncate_to, wrap, wrap_all, wrap_balanced, wrap_list};

/// Width in pixels of `text` set in `size_px` pixel type of `weight`.
pub fn width_px(text: &str, size_px: f64, weight: Weight) -> f64 {
    width_em(text, weight) * size_px
}

/// Distance from the baseline to the top of a text box, pixels (DejaVu Sans ascent, 0.928 em).
pub fn ascent_px(size_px: f64) -> f64 {
    0.93 * size_px
}

/// Distance from the baseline to the bottom of a text box, pixels (DejaVu Sans descent, 0.236 em).
pub fn descent_px(size_px: f64) -> f64 {
    0.24 * size_px
}

/// How far a line of `text` reaches above and below its baseline, pixels: [`ascent_px`] and
/// [`descent_px`], or more where its glyphs reach further (an Arabic hamza below, a Devanagari
/// vowel sign below, a Thai tone mark above).
pub fn line_extents_px(text: &str, size_px: f64, weight: Weight) -> (f64, f64) {
    let (above, below) = fonts::ink_em(text, weight);
    // Glyphs past the Latin extents get a pixel more: a browser rounds their box out to the
    // pixel grid.
    let reach = |ink: f64, latin: f64| {
        if ink * size_px > latin {
            ink * size_px + 1.0
        } else {
            latin
        }
    };
    (
        reach(above, ascent_px(size_px)),
        reach(below, descent_px(size_px)),
    )
}
