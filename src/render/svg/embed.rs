//! The glyphs of other scripts than Latin that a map uses, embedded in `map.svg` as subset web
//! fonts, so a browser without a CJK, Arabic or Devanagari font still draws every label, with
//! the very glyphs the scene measured and `map.png` draws.
//!
//! In: the prefix and each text with its weight. Out: `@font-face` rules (a TrueType font with
//! only the characters used, as a `data:` URL, with a `unicode-range` naming them) and the
//! family names to put first in the font stack. Characters the default face (DejaVu Sans) has
//! are never embedded: spaces, digits and Latin text stay in the reader's own font. Subsetting
//! is skera's (Google Fonts' Rust port of HarfBuzz's subsetter, which keeps the Arabic and Indic
//! shaping tables for the glyphs kept); a face it cannot cut is left out and the font stack's
//! fallbacks draw its text.
//!
//! Each embedded font gets DejaVu Sans' ascent and descent (0.928 and 0.236 em): the scene
//! sizes every label box with them, so a browser's box for a label in Arabic or Devanagari is
//! the box the labels were placed with (the glyphs themselves are unchanged).

use super::xml::escape_into;
use crate::fonts::{self, FaceId, Weight, has_char};
use base64::Engine;
use skera::{DEFAULT_LAYOUT_FEATURES, Plan, SubsetFlags, subset_font};
use skrifa::raw::FontRef;
use skrifa::raw::collections::IntSet;
use skrifa::raw::types::{NameId, Tag};
use std::collections::{BTreeMap, BTreeSet};

/// The embedded fonts of one map.
#[derive(Debug, Default)]
pub(super) struct Embedded {
    /// Family names, to put first in the font stack.
    pub families: Vec<String>,
    /// The `@font-face` rules.
    pub css: String,
}

/// The characters of each bundled file (face, bold file?) that `texts` draw and a reader's
/// Latin font may lack.
fn characters<'a>(
    texts: impl Iterator<Item = (&'a str, Weight)>,
) -> BTreeMap<(FaceId, bool), BTreeSet<char>> {
    let mut used: BTreeMap<(FaceId, bool), BTreeSet<char>> = BTreeMap::new();
    for (text, weight) in texts {
        for run in fonts::runs(text, weight) {
            let Some(face) = run.face.filter(|f| !f.is_default()) else {
                continue;
            };
            let bold = weight == Weight::Bold && face.face().has_bold();
            let set = used.entry((face, bold)).or_default();
            for c in text[run.range].chars() {
                if !has_char(FaceId(0), weight, c) && !c.is_whitespace() {
                    set.insert(c);
                }
            }
        }
    }
    used.retain(|_, set| !set.is_empty());
    used
}

/// `data` cut to the glyphs `chars` need (with what shaping them needs), or `None` if the
/// subsetter refuses the font.
fn subset(data: &[u8], chars: &BTreeSet<char>) -> Option<Vec<u8>> {
    let font = FontRef::new(data).ok()?;
    let mut unicodes = IntSet::<u32>::empty();
    unicodes.extend(chars.iter().map(|&c| u32::from(c)));
    let mut scripts = IntSet::<Tag>::empty();
    scripts.invert();
    let mut features = IntSet::<Tag>::empty();
    features.extend(DEFAULT_LAYOUT_FEATURES.iter().copied());
    let mut names = IntSet::<NameId>::empty();
    names.insert_range(NameId::from(0)..=NameId::from(6));
    let mut languages = IntSet::<u16>::empty();
    languages.insert(0x0409);
    let plan = Plan::new(
        &IntSet::empty(),
        &unicodes,
        &font,
        SubsetFlags::default(),
        &IntSet::empty(),
        &scripts,
        &features,
        &names,
        &languages,
    );
    with_label_metrics(&subset_font(&font, &plan).ok()?)
}

/// DejaVu Sans' ascent and descent, in ems: what the scene sizes a label box with
/// ([`crate::scene::text_metrics::ascent_px`]).
const ASCENT_EM: f64 = 1901.0 / 2048.0;
const DESCENT_EM: f64 = 483.0 / 2048.0;

/// `data` with its line metrics (hhea, OS/2 typographic and Windows) set to [`ASCENT_EM`] and
/// [`DESCENT_EM`] and no line gap, so every browser sizes its text boxes as the scene did.
fn with_label_metrics(data: &[u8]) -> Option<Vec<u8>> {
    use skrifa::raw::TableProvider;
    let font = FontRef::new(data).ok()?;
    let upem = f64::from(font.head().ok()?.units_per_em());
    let ascent = (ASCENT_EM * upem).round() as i16;
    let descent = (DESCENT_EM * upem).round() as i16;
    let put = |table: &mut Vec<u8>, at: usize, v: i16| {
        table[at..at + 2].copy_from_slice(&v.to_be_bytes());
    };
    // hhea: ascender, descender, lineGap at bytes 4, 6, 8.
    let mut hhea = font.data_for_tag(Tag::new(b"hhea"))?.as_bytes().to_vec();
    put(&mut hhea, 4, ascent);
    put(&mut hhea, 6, -descent);
    put(&mut hhea, 8, 0);
    // OS/2: sTypoAscender, sTypoDescender, sTypoLineGap, usWinAscent, usWinDescent at 68..78.
    let mut os2 = font.data_for_tag(Tag::new(b"OS/2"))?.as_bytes().to_vec();
    if os2.len() < 78 {
        return None;
    }
    put(&mut os2, 68, ascent);
    put(&mut os2, 70, -descent);
    put(&mut os2, 72, 0);
    put(&mut os2, 74, ascent);
    put(&mut os2, 76, descent);
    let mut builder = write_fonts::FontBuilder::new();
    builder.add_raw(Tag::new(b"hhea"), hhea);
    builder.add_raw(Tag::new(b"OS/2"), os2);
    builder.copy_missing_tables(font);
    Some(builder.build())
}

/// `chars` as a CSS `unicode-range` value: `U+4EAC,U+6771-6772`.
fn unicode_range(chars: &BTreeSet<char>) -> String {
    let mut ranges: Vec<(u32, u32)> = Vec::new();
    for &c in chars {
        let u = u32::from(c);
        match ranges.last_mut() {
            Some(last) if last.1 + 1 == u => last.1 = u,
            _ => ranges.push((u, u)),
        }
    }
    let parts: Vec<String> = ranges
        .iter()
        .map(|&(a, b)| {
            if a == b {
                format!("U+{a:X}")
            } else {
                format!("U+{a:X}-{b:X}")
            }
        })
        .collect();
    parts.join(",")
}

/// The fonts to embed for `texts` in a map whose ids and classes start with `p`.
pub(super) fn embed<'a>(p: &str, texts: impl Iterator<Item = (&'a str, Weight)>) -> Embedded {
    let mut out = Embedded::default();
    for ((face_id, bold), chars) in characters(texts) {
        let face = face_id.face();
        let weight = if bold { Weight::Bold } else { Weight::Regular };
        let Some(font) = subset(face.data(weight), &chars) else {
            continue;
        };
        let family = format!("{p}-{}", face.key);
        // A face without a bold file draws bold text with its regular glyphs, as map.png does,
        // rather than letting the browser thicken them.
        let weights = match (face.has_bold(), bold) {
            (false, _) => "100 900",
            (true, false) => "400",
            (true, true) => "700",
        };
        out.css.push_str("@font-face{font-family:\"");
        escape_into(&mut out.css, &family);
        out.css.push_str("\";src:url(data:font/ttf;base64,");
        out.css
            .push_str(&base64::engine::general_purpose::STANDARD.encode(font));
        out.css.push_str(&format!(
            ") format(\"truetype\");font-weight:{weights};unicode-range:{}}}\n",
            unicode_range(&chars)
        ));
        if !out.families.contains(&family) {
            out.families.push(family);
        }
    }
    out
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn embeds_only_the_other_scripts_glyphs_used() {
        let texts = [
            ("東京 → 大阪", Weight::Bold),
            ("Tel Aviv 2024", Weight::Regular),
            ("القاهرة", Weight::Regular),
            ("القاهرة", Weight::Bold),
        ];
        let e = embed("tm-1", texts.into_iter());
        assert_eq!(e.families, ["tm-1-arab", "tm-1-cjk"]);
        // CJK has no bold file: one face for every weight; Arabic has both.
        assert_eq!(e.css.matches("@font-face").count(), 3, "{}", e.css);
        assert!(
            e.css
                .contains("font-weight:100 900;unicode-range:U+4EAC,U+5927,U+6771,U+962A}")
        );
        // القاهرة: alef, teh marbuta, reh, qaf, lam, heh, in code point order.
        let arabic = "unicode-range:U+627,U+629,U+631,U+642,U+644,U+647}";
        assert!(
            e.css.contains(&format!("font-weight:400;{arabic}")),
            "{}",
            e.css
        );
        assert!(
            e.css.contains(&format!("font-weight:700;{arabic}")),
            "{}",
            e.css
        );
        // Nothing of the Latin text, the space or the arrow.
        assert!(!e.css.contains("U+20,") && !e.css.contains("U+2192"));
        let none = embed("tm-1", [("Amman", Weight::Bold)].into_iter());
        assert!(none.families.is_empty() && none.css.is_empty());
        // Same texts, same bytes.
        assert_eq!(embed("tm-1", texts.into_iter()).css, e.css);
    }

    #[test]
    fn subsets_keep_the_glyphs_and_their_shaping() {
        let chars: BTreeSet<char> = "दिल्ली".chars().collect();
        let data = FaceId(3).face().data(Weight::Regular);
        let small = subset(data, &chars).unwrap();
        assert!(small.len() < data.len() / 4, "{}", small.len());
        let font = FontRef::new(&small).unwrap();
        use skrifa::MetadataProvider;
        use skrifa::raw::TableProvider;
        for c in &chars {
            assert!(font.charmap().map(*c).is_some(), "{c}");
        }
        // Line metrics are DejaVu's, in this font's units (1000 a em).
        assert_eq!(font.hhea().unwrap().ascender().to_i16(), 928);
        assert_eq!(font.os2().unwrap().us_win_descent(), 236);
        assert_eq!(unicode_range(&"abcx".chars().collect()), "U+61-63,U+78");
    }
}
