//! `map.png`: the SVG map rasterised by resvg, with the fonts bundled in `data/fonts/` (DejaVu
//! Sans, regular and bold, subset to Latin) and no system fonts, so a PNG is the same bytes on
//! every machine.

use super::RenderError;
use resvg::{tiny_skia, usvg};
use std::sync::{Arc, OnceLock};

/// PNG pixels per SVG pixel when `--scale` is not given (sharp on high-density screens).
pub const DEFAULT_SCALE: f64 = 2.0;
/// The largest `--scale` accepted.
pub const MAX_SCALE: f64 = 8.0;

/// The bundled font files (see `data/fonts/` and `scripts/subset-fonts.sh`).
const FONTS: [&[u8]; 2] = [
    include_bytes!("../../data/fonts/DejaVuSans.ttf"),
    include_bytes!("../../data/fonts/DejaVuSans-Bold.ttf"),
];
/// The bundled family; every generic family (sans-serif, serif, monospace...) maps to it, and
/// the SVG's named fonts that are not bundled (system-ui, Helvetica...) fall back to it.
const FAMILY: &str = "DejaVu Sans";

/// The font database with only the bundled fonts, built once.
fn fonts() -> Arc<usvg::fontdb::Database> {
    static DB: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        for f in FONTS {
            db.load_font_data(f.to_vec());
        }
        db.set_sans_serif_family(FAMILY);
        db.set_serif_family(FAMILY);
        db.set_monospace_family(FAMILY);
        db.set_cursive_family(FAMILY);
        db.set_fantasy_family(FAMILY);
        Arc::new(db)
    })
    .clone()
}

/// The usvg options [`png`] draws with: the bundled fonts only, DejaVu Sans for every family (the
/// desk checks lay text out with them to find characters the PNG has no glyph for).
pub fn usvg_options() -> usvg::Options<'static> {
    usvg::Options {
        font_family: FAMILY.to_string(),
        fontdb: fonts(),
        ..usvg::Options::default()
    }
}

/// Rasterises an SVG document to PNG bytes at `scale` PNG pixels per SVG pixel (the PNG is the
/// SVG's width and height times `scale`, rounded up).
pub fn png(svg: &[u8], scale: f64) -> Result<Vec<u8>, RenderError> {
    let fail = RenderError::Png;
    if !(scale.is_finite() && scale > 0.0 && scale <= MAX_SCALE) {
        return Err(fail(format!("scale {scale} is outside (0, {MAX_SCALE}]")));
    }
    let tree = usvg::Tree::from_data(svg, &usvg_options()).map_err(|e| fail(e.to_string()))?;
    let size = tree
        .size()
        .to_int_size()
        .scale_by(scale as f32)
        .ok_or_else(|| fail("the map has no size".into()))?;
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height()).ok_or_else(|| {
        fail(format!(
            "{} x {} pixels is too large",
            size.width(),
            size.height()
        ))
    })?;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale as f32, scale as f32),
        &mut pixmap.as_mut(),
    );
    pixmap.encode_png().map_err(|e| fail(e.to_string()))
}

#[cfg(test)]
mod test {
    use super::*;

    const SVG: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 200 100">
<rect width="200" height="100" fill="#ffffff"/>
<path d="M10 50 L190 50" stroke="#ff0000" stroke-width="4"/>
<text x="10" y="30" font-family="system-ui, sans-serif" font-size="16" fill="#000000">Amman</text>
</svg>"##;

    #[test]
    fn draws_lines_and_text_at_scale() {
        let bytes = png(SVG.as_bytes(), 2.0).unwrap();
        let pixmap = tiny_skia::Pixmap::decode_png(&bytes).unwrap();
        assert_eq!((pixmap.width(), pixmap.height()), (400, 200));
        // The red line at y = 50 SVG px = 100 PNG px.
        let p = pixmap.pixel(200, 100).unwrap();
        assert_eq!((p.red(), p.green(), p.blue()), (255, 0, 0));
        // The text is drawn with the bundled font: dark pixels in its box, none below the line.
        let dark = |x0: u32, y0: u32, x1: u32, y1: u32| {
            (y0..y1)
                .flat_map(|y| (x0..x1).map(move |x| (x, y)))
                .filter(|&(x, y)| pixmap.pixel(x, y).unwrap().red() < 100)
                .count()
        };
        assert!(dark(20, 30, 140, 64) > 200, "{}", dark(20, 30, 140, 64));
        assert_eq!(dark(0, 120, 400, 200), 0);
        // Same input, same bytes.
        assert_eq!(png(SVG.as_bytes(), 2.0).unwrap(), bytes);
    }

    #[test]
    fn refuses_bad_scale_and_bad_svg() {
        assert!(png(SVG.as_bytes(), 0.0).is_err());
        assert!(png(SVG.as_bytes(), 100.0).is_err());
        assert!(png(b"<svg", 1.0).is_err());
    }
}
