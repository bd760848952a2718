//! `map.png`: the SVG map rasterised by resvg, with the fonts bundled in `data/fonts/` and no
//! system fonts, so a PNG is the same bytes on every machine.
//!
//! The bundled faces ([`crate::fonts`]) draw Latin, Greek, Cyrillic, Hebrew, Arabic, Devanagari,
//! Thai, Japanese, Chinese, Korean and the other scripts the gazetteer keeps names in. The SVG
//! writer puts each stretch of another script than Latin in a `<tspan>` naming its face; a
//! character of a text in another face is drawn by the face [`crate::fonts::face_for_char`]
//! picks, in the same weight where one is bundled (bold CJK text is drawn regular). A
//! character no bundled font has is left out (a gap, not a box);
//! [`crate::scene::text_metrics::missing_glyph_warnings`] names it.

use super::RenderError;
use crate::fonts::{FaceId, Weight, face_for_char};
use resvg::{tiny_skia, usvg};
use std::sync::{Arc, OnceLock};
use usvg::fontdb;

/// PNG pixels per SVG pixel when `--scale` is not given (sharp on high-density screens).
pub const DEFAULT_SCALE: f64 = 2.0;
/// The largest `--scale` accepted.
pub const MAX_SCALE: f64 = 8.0;

/// The default family; every generic family (sans-serif, serif, monospace...) maps to it, and
/// the SVG's named fonts that are not bundled (system-ui, Helvetica...) fall back to it.
const FAMILY: &str = "DejaVu Sans";

/// The bundled fonts, loaded once, and the database id of each face's regular and bold file.
struct Fonts {
    db: Arc<fontdb::Database>,
    ids: Vec<[fontdb::ID; 2]>,
}

/// The font database with only the bundled fonts, built once.
fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(|| {
        let mut db = fontdb::Database::new();
        let mut load =
            |data: &'static [u8]| db.load_font_source(fontdb::Source::Binary(Arc::new(data)))[0];
        let ids = FaceId::all()
            .map(|f| {
                let face = f.face();
                let regular = load(face.data(Weight::Regular));
                let bold = if face.has_bold() {
                    load(face.data(Weight::Bold))
                } else {
                    regular
                };
                [regular, bold]
            })
            .collect();
        db.set_sans_serif_family(FAMILY);
        db.set_serif_family(FAMILY);
        db.set_monospace_family(FAMILY);
        db.set_cursive_family(FAMILY);
        db.set_fantasy_family(FAMILY);
        Fonts {
            db: Arc::new(db),
            ids,
        }
    })
}

/// Picks the bundled face for a character the text's own font lacks, in the weight of that
/// font, instead of resvg's default (the first face in the database that has it).
fn fallback(c: char, used: &[fontdb::ID], db: &mut Arc<fontdb::Database>) -> Option<fontdb::ID> {
    let fonts = fonts();
    let bold = used
        .first()
        .and_then(|&id| db.face(id))
        .is_some_and(|f| f.weight.0 >= 600);
    let weight = if bold { Weight::Bold } else { Weight::Regular };
    let face = face_for_char(c, weight)?;
    let id = fonts.ids[usize::from(face.0)][usize::from(bold)];
    (!used.contains(&id)).then_some(id)
}

/// The options resvg parses an SVG with: the bundled fonts only, and [`crate::fonts`]' choice
/// of face for each character. Parsing [`crate::render::svg::write_for_resvg`]'s output with
/// these gives the text layout `map.png` draws (tests read label widths from it, and the desk
/// checks find characters the PNG has no glyph for).
pub fn usvg_options() -> usvg::Options<'static> {
    usvg::Options {
        font_family: FAMILY.to_string(),
        fontdb: fonts().db.clone(),
        font_resolver: usvg::FontResolver {
            select_font: usvg::FontResolver::default_font_selector(),
            select_fallback: Box::new(fallback),
        },
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
    // resvg panics on some texts (a tspan in another face than the text before it, shaping a
    // cluster of several letters): report that as an error rather than abort the caller.
    let parsed = std::panic::catch_unwind(|| usvg::Tree::from_data(svg, &usvg_options()))
        .map_err(|_| fail("resvg failed on the SVG's text (a tspan in another font?)".into()))?;
    let tree = parsed.map_err(|e| fail(e.to_string()))?;
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

    /// Pixels darker than mid-grey in a box of `pixmap`.
    fn dark(pixmap: &tiny_skia::Pixmap, x0: u32, y0: u32, x1: u32, y1: u32) -> usize {
        (y0..y1)
            .flat_map(|y| (x0..x1).map(move |x| (x, y)))
            .filter(|&(x, y)| pixmap.pixel(x, y).unwrap().red() < 100)
            .count()
    }

    #[test]
    fn draws_lines_and_text_at_scale() {
        let bytes = png(SVG.as_bytes(), 2.0).unwrap();
        let pixmap = tiny_skia::Pixmap::decode_png(&bytes).unwrap();
        assert_eq!((pixmap.width(), pixmap.height()), (400, 200));
        // The red line at y = 50 SVG px = 100 PNG px.
        let p = pixmap.pixel(200, 100).unwrap();
        assert_eq!((p.red(), p.green(), p.blue()), (255, 0, 0));
        // The text is drawn with the bundled font: dark pixels in its box, none below the line.
        assert!(dark(&pixmap, 20, 30, 140, 64) > 200);
        assert_eq!(dark(&pixmap, 0, 120, 400, 200), 0);
        // Same input, same bytes.
        assert_eq!(png(SVG.as_bytes(), 2.0).unwrap(), bytes);
    }

    /// Glyphs resvg lays out for the texts of `svg`, and how many of them are missing (.notdef).
    fn glyphs(svg: &str) -> (usize, usize) {
        let tree = usvg::Tree::from_data(svg.as_bytes(), &usvg_options()).unwrap();
        let (mut all, mut notdef) = (0, 0);
        for node in tree.root().children() {
            if let usvg::Node::Text(text) = node {
                for g in text.layouted().iter().flat_map(|s| &s.positioned_glyphs) {
                    all += 1;
                    notdef += usize::from(g.id.0 == 0);
                }
            }
        }
        (all, notdef)
    }

    #[test]
    fn draws_every_script_in_its_face() {
        // Without tspans, the fallback finds each script's face...
        let plain = SVG.replace(">Amman<", " font-weight=\"700\">東京 → القاهرة<");
        let (all, notdef) = glyphs(&plain);
        assert!(all >= 12 && notdef == 0, "{all} glyphs, {notdef} missing");
        // ...but resvg gives up on a second fallback face that shapes the line into another
        // number of glyphs than the first (a Devanagari conjunct), which is why the writer puts
        // each face's stretch in a tspan.
        let three = SVG.replace(">Amman<", " font-weight=\"700\">東京 → القاهرة → दिल्ली<");
        assert!(glyphs(&three).1 > 0);
        // One text per face, as `svg::write_for_resvg` writes such a line, draws every glyph.
        let pieces = SVG.replace(
            "<text x=\"10\" y=\"30\" font-family=\"system-ui, sans-serif\" font-size=\"16\" fill=\"#000000\">Amman</text>",
            "<text x=\"10\" y=\"30\" font-size=\"16\" font-weight=\"700\" font-family=\"Noto Sans CJK JP\">東京</text>\
             <text x=\"50\" y=\"30\" font-size=\"16\" font-weight=\"700\">→</text>\
             <text x=\"70\" y=\"30\" font-size=\"16\" font-weight=\"700\" font-family=\"Noto Sans Arabic\">القاهرة</text>\
             <text x=\"130\" y=\"30\" font-size=\"16\" font-weight=\"700\" font-family=\"Noto Sans Devanagari\">दिल्ली</text>",
        );
        let (all, notdef) = glyphs(&pieces);
        assert!(all >= 14 && notdef == 0, "{all} glyphs, {notdef} missing");
        // resvg panics on a tspan whose face shapes a cluster of several letters after a span
        // in another face; png() reports it as an error instead.
        let spans = SVG.replace(
            ">Amman<",
            "><tspan font-family=\"Noto Sans Arabic\">القاهرة</tspan> \
             <tspan font-family=\"Noto Sans Devanagari\">दिल्ली</tspan><",
        );
        let e = png(spans.as_bytes(), 1.0).unwrap_err();
        assert!(e.to_string().contains("resvg failed"), "{e}");
    }

    #[test]
    fn refuses_bad_scale_and_bad_svg() {
        assert!(png(SVG.as_bytes(), 0.0).is_err());
        assert!(png(SVG.as_bytes(), 100.0).is_err());
        assert!(png(b"<svg", 1.0).is_err());
    }
}
