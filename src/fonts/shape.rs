//! Text widths from the bundled fonts, shaped as resvg shapes them: each run of one face through
//! HarfRust (the shaper resvg uses), with kerning, ligatures, Arabic joining and Indic
//! reordering, so a measured label is as wide as `map.png` draws it. In: text and a weight. Out:
//! its advance width in ems ([`width_em`]) and how far its glyphs reach above and below the
//! baseline ([`ink_em`]).

use super::{FaceId, Weight, font_ref, runs};
use harfrust::{
    Direction, GlyphBuffer, Language, Script, ShapeOptions, ShapePlan, Shaper, ShaperData,
    UnicodeBuffer,
};
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::OnceLock;

/// Width given to a cluster no bundled font has, in ems: what a browser's fallback may draw
/// there (an emoji or pictograph is wider than a letter).
fn missing_cluster_em(cluster: &str) -> f64 {
    let wide = cluster
        .chars()
        .any(|c| matches!(c as u32, 0x2600..=0x27BF | 0x1F000..=0x1FAFF));
    if wide { 1.3 } else { 1.0 }
}

/// The shaping tables of each bundled file, built once.
fn shaper_data(face: FaceId, weight: Weight) -> &'static ShaperData {
    static DATA: OnceLock<Vec<[ShaperData; 2]>> = OnceLock::new();
    let all = DATA.get_or_init(|| {
        FaceId::all()
            .map(|f| [Weight::Regular, Weight::Bold].map(|w| ShaperData::new(font_ref(f, w))))
            .collect()
    });
    &all[usize::from(face.0)][usize::from(weight == Weight::Bold)]
}

/// What one measurement finds, in ems: the advance width, and the highest and lowest reach of
/// the glyphs' outlines above and below the baseline (0 for text without ink).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Measure {
    width: f64,
    above: f64,
    below: f64,
}

impl Measure {
    fn add(self, other: Measure) -> Measure {
        Measure {
            width: self.width + other.width,
            above: self.above.max(other.above),
            below: self.below.max(other.below),
        }
    }
}

/// `text` shaped with one face.
fn shaped(text: &str, face: FaceId, weight: Weight) -> Measure {
    use skrifa::MetadataProvider;
    use skrifa::instance::{LocationRef, Size};
    let font = font_ref(face, weight);
    let shaper = shaper_data(face, weight).shaper(font).build();
    let mut buffer = UnicodeBuffer::new();
    buffer.push_str(text);
    buffer.guess_segment_properties();
    let glyphs = shape_planned(&shaper, face, weight, buffer);
    let upem = f64::from(shaper.units_per_em());
    let metrics = font.glyph_metrics(Size::unscaled(), LocationRef::default());
    let mut m = Measure::default();
    for (info, pos) in glyphs.glyph_infos().iter().zip(glyphs.glyph_positions()) {
        m.width += f64::from(pos.x_advance) / upem;
        if let Some(b) = metrics.bounds(skrifa::GlyphId::new(info.glyph_id)) {
            let dy = f64::from(pos.y_offset);
            m.above = m.above.max((f64::from(b.y_max) + dy) / upem);
            m.below = m.below.max(-(f64::from(b.y_min) + dy) / upem);
        }
    }
    m
}

/// A shape plan's key: the face and the buffer's direction, script (`None` when no letter
/// says, as for digits) and language.
type PlanKey = (FaceId, Weight, Direction, Option<Script>, Option<Language>);

thread_local! {
    /// Shape plans made so far, per thread. HarfRust compiles a plan (the face's features
    /// for one script and direction) on every call not given one; a map measures thousands
    /// of texts (every marker's number among them) in a handful of scripts.
    static PLANS: RefCell<HashMap<PlanKey, ShapePlan>> = RefCell::new(HashMap::new());
}

/// `buffer` (its segment properties guessed) shaped by `shaper` (face `face` at `weight`) with
/// the plan for its properties, made once per thread: the same glyphs as `shaper.shape`
/// without a plan, which makes the same plan each time.
fn shape_planned(
    shaper: &Shaper,
    face: FaceId,
    weight: Weight,
    buffer: UnicodeBuffer,
) -> GlyphBuffer {
    // A guess never sets the script to Unknown: it leaves it unset (`None`), which the
    // buffer reports as Unknown.
    let script = Some(buffer.script()).filter(|&s| s != harfrust::script::UNKNOWN);
    let key: PlanKey = (face, weight, buffer.direction(), script, buffer.language());
    PLANS.with(|plans| {
        let mut plans = plans.borrow_mut();
        let plan = plans
            .entry(key)
            .or_insert_with_key(|(_, _, direction, script, language)| {
                ShapePlan::new(shaper, *direction, *script, language.as_ref(), &[])
            });
        shaper.shape(buffer, ShapeOptions::new().plan(Some(plan)))
    })
}

/// `text` measured, uncached.
fn measure(text: &str, weight: Weight) -> Measure {
    use unicode_segmentation::UnicodeSegmentation;
    runs(text, weight)
        .iter()
        .map(|run| {
            let part = &text[run.range.clone()];
            match run.face {
                Some(face) => shaped(part, face, weight),
                None => Measure {
                    width: part.graphemes(true).map(missing_cluster_em).sum(),
                    ..Measure::default()
                },
            }
        })
        .fold(Measure::default(), Measure::add)
}

/// Entries kept per thread before the cache starts again (a map's labels, titles and the
/// candidate lines of its wrapped notes are a few thousand).
const CACHE_ENTRIES: usize = 50_000;

thread_local! {
    /// Measures by text, one map per weight (so a lookup borrows the text, not a copy of it).
    static CACHE: RefCell<[HashMap<String, Measure>; 2]> =
        RefCell::new([HashMap::new(), HashMap::new()]);
}

/// `text` measured, through the per-thread cache.
fn cached(text: &str, weight: Weight) -> Measure {
    if text.is_empty() {
        return Measure::default();
    }
    let slot = match weight {
        Weight::Regular => 0,
        Weight::Bold => 1,
    };
    if let Some(m) = CACHE.with(|c| c.borrow()[slot].get(text).copied()) {
        return m;
    }
    let m = measure(text, weight);
    CACHE.with(|c| {
        let map = &mut c.borrow_mut()[slot];
        if map.len() >= CACHE_ENTRIES {
            map.clear();
        }
        map.insert(text.to_string(), m);
    });
    m
}

/// Advance width of `text` set in the bundled fonts at 1 px, i.e. in ems: the sum of its runs
/// ([`super::runs`]) shaped with their faces; a cluster no bundled font has counts 1 em (1.3 em
/// for an emoji or symbol). Cached per thread; the same text always gives the same width.
pub fn width_em(text: &str, weight: Weight) -> f64 {
    cached(text, weight).width
}

/// How far the glyphs of `text` reach above and below the baseline, in ems (their outlines'
/// extremes, marks included): a Devanagari vowel sign or an Arabic hamza below can reach past
/// the line box Latin text needs.
pub fn ink_em(text: &str, weight: Weight) -> (f64, f64) {
    let m = cached(text, weight);
    (m.above, m.below)
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn latin_widths_are_dejavu_advances_with_kerning() {
        // DejaVu Sans: "0" is 1303/2048 em, bold "0" 1425/2048.
        assert!((width_em("00", Weight::Regular) - 2.0 * 1303.0 / 2048.0).abs() < 1e-9);
        assert!((width_em("00", Weight::Bold) - 2.0 * 1425.0 / 2048.0).abs() < 1e-9);
        // Kerning: "AV" is narrower than "A" and "V" apart.
        let apart = width_em("A", Weight::Regular) + width_em("V", Weight::Regular);
        assert!(width_em("AV", Weight::Regular) < apart - 0.01);
    }

    #[test]
    fn cjk_is_full_width_and_shaping_changes_complex_scripts() {
        assert!((width_em("東京", Weight::Regular) - 2.0).abs() < 1e-9);
        // Bold CJK falls back to the regular face.
        assert_eq!(
            width_em("東京", Weight::Bold),
            width_em("東京", Weight::Regular)
        );
        // Arabic joining: the word is not the sum of its isolated letters.
        let word = "القاهرة";
        let letters: f64 = word
            .chars()
            .map(|c| width_em(c.encode_utf8(&mut [0; 4]), Weight::Regular))
            .sum();
        assert!((width_em(word, Weight::Regular) - letters).abs() > 0.05);
        assert!(width_em("𓀀", Weight::Regular) == 1.0 && width_em("🙂", Weight::Regular) == 1.3);
        assert_eq!(width_em("", Weight::Regular), 0.0);
    }

    #[test]
    fn ink_reaches_past_latin_for_marks_below() {
        let (above, below) = ink_em("Amman", Weight::Bold);
        assert!(
            above > 0.7 && above < 0.8 && below < 0.05,
            "{above} {below}"
        );
        // Alef with hamza below and the Devanagari u sign reach further down than Latin.
        assert!(ink_em("الإسكندرية", Weight::Bold).1 > 0.3);
        assert!(ink_em("जयपुर", Weight::Bold).1 > 0.24);
    }
}
