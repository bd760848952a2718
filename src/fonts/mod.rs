//! The bundled fonts, and which of them draws each character: the one table that label
//! measuring ([`crate::scene::text_metrics`]), `map.png` ([`crate::render::png`]) and the glyphs
//! `map.svg` embeds ([`crate::render::svg`]) all follow, so a label is measured with the glyphs
//! that draw it.
//!
//! In: text and a [`Weight`]. Out: [`Run`]s, each a stretch of the text with the [`Face`] that
//! draws it ([`runs`]), their widths ([`width_em`]) and the characters no bundled font has
//! ([`missing`]).
//!
//! Each face is a subset of a free font cut to its scripts (`data/fonts/`, made by
//! `scripts/subset-fonts.sh`): DejaVu Sans for Latin, Greek, Cyrillic, Armenian and Georgian; Noto
//! Sans for Hebrew, Arabic, Devanagari, Thai, Japanese, Chinese and Korean (one CJK face, regular
//! only), and, regular only, for the other scripts the gazetteer keeps a country's place names in
//! (Bengali, Tamil, Telugu, Kannada, Malayalam, Gujarati, Gurmukhi, Oriya, Sinhala, Lao, Khmer,
//! Myanmar, Ethiopic, Thaana). No two faces hold the same letters, so a letter has one face; a
//! character of no script (a space, a digit, a dash) stays in the face of the letter before it
//! when that face has it, else goes to the first face in [`FACES`] order that has it.

mod runs;
mod shape;

pub use runs::{Run, missing, runs};
pub use shape::{ink_em, width_em};

use skrifa::MetadataProvider;
use skrifa::charmap::Charmap;
use skrifa::raw::FontRef;
use std::sync::OnceLock;
use unicode_script::Script;

/// Font weight of a run of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Weight {
    /// Book (400).
    Regular,
    /// Bold (700); also used for semi-bold, which is never wider.
    Bold,
}

/// One bundled font family: its files and the scripts it draws.
#[derive(Debug)]
pub struct Face {
    /// Short name, used in CSS class names (`arab`).
    pub key: &'static str,
    /// The family name inside the font files (`Noto Sans Arabic`).
    pub family: &'static str,
    /// Fonts a browser may have for these scripts, as a CSS font-family list (without the
    /// bundled family and without the generic `sans-serif`).
    pub css_fallbacks: &'static str,
    /// The regular font file.
    regular: &'static [u8],
    /// The bold font file, if bundled; bold text in a face without one uses the regular file.
    bold: Option<&'static [u8]>,
    /// The scripts whose letters this face draws.
    scripts: &'static [Script],
}

impl Face {
    /// The file drawing `weight` (the regular one when no bold is bundled).
    pub fn data(&self, weight: Weight) -> &'static [u8] {
        match weight {
            Weight::Bold => self.bold.unwrap_or(self.regular),
            Weight::Regular => self.regular,
        }
    }

    /// Whether a bold file is bundled.
    pub fn has_bold(&self) -> bool {
        self.bold.is_some()
    }
}

macro_rules! font {
    ($file:literal) => {
        include_bytes!(concat!("../../data/fonts/", $file))
    };
}

/// The bundled faces, in fallback order (the first is the default for text of no script).
pub static FACES: [Face; 20] = [
    Face {
        key: "latn",
        family: "DejaVu Sans",
        css_fallbacks: "",
        regular: font!("DejaVuSans.ttf"),
        bold: Some(font!("DejaVuSans-Bold.ttf")),
        scripts: &[
            Script::Latin,
            Script::Greek,
            Script::Cyrillic,
            Script::Armenian,
            Script::Georgian,
        ],
    },
    Face {
        key: "hebr",
        family: "Noto Sans Hebrew",
        css_fallbacks: "\"Arial Hebrew\",\"Segoe UI\",Arial",
        regular: font!("NotoSansHebrew-Regular.ttf"),
        bold: Some(font!("NotoSansHebrew-Bold.ttf")),
        scripts: &[Script::Hebrew],
    },
    Face {
        key: "arab",
        family: "Noto Sans Arabic",
        css_fallbacks: "\"Geeza Pro\",\"Segoe UI\",Tahoma",
        regular: font!("NotoSansArabic-Regular.ttf"),
        bold: Some(font!("NotoSansArabic-Bold.ttf")),
        scripts: &[Script::Arabic],
    },
    Face {
        key: "deva",
        family: "Noto Sans Devanagari",
        css_fallbacks: "\"Kohinoor Devanagari\",\"Nirmala UI\",Mangal",
        regular: font!("NotoSansDevanagari-Regular.ttf"),
        bold: Some(font!("NotoSansDevanagari-Bold.ttf")),
        scripts: &[Script::Devanagari],
    },
    Face {
        key: "thai",
        family: "Noto Sans Thai",
        css_fallbacks: "Thonburi,\"Leelawadee UI\",Tahoma",
        regular: font!("NotoSansThai-Regular.ttf"),
        bold: Some(font!("NotoSansThai-Bold.ttf")),
        scripts: &[Script::Thai],
    },
    Face {
        key: "cjk",
        family: "Noto Sans CJK JP",
        css_fallbacks: "\"Hiragino Sans\",\"Hiragino Kaku Gothic ProN\",\"Yu Gothic\",Meiryo,\
                        \"PingFang SC\",\"Microsoft YaHei\",\"Apple SD Gothic Neo\",\"Malgun Gothic\"",
        regular: font!("NotoSansCJKjp-Regular.ttf"),
        bold: None,
        scripts: &[
            Script::Han,
            Script::Hiragana,
            Script::Katakana,
            Script::Hangul,
            Script::Bopomofo,
        ],
    },
    Face {
        key: "beng",
        family: "Noto Sans Bengali",
        css_fallbacks: "\"Bangla Sangam MN\",\"Nirmala UI\",Vrinda",
        regular: font!("NotoSansBengali-Regular.ttf"),
        bold: None,
        scripts: &[Script::Bengali],
    },
    Face {
        key: "taml",
        family: "Noto Sans Tamil",
        css_fallbacks: "\"Tamil Sangam MN\",\"Nirmala UI\",Latha",
        regular: font!("NotoSansTamil-Regular.ttf"),
        bold: None,
        scripts: &[Script::Tamil],
    },
    Face {
        key: "telu",
        family: "Noto Sans Telugu",
        css_fallbacks: "\"Telugu Sangam MN\",\"Nirmala UI\",Gautami",
        regular: font!("NotoSansTelugu-Regular.ttf"),
        bold: None,
        scripts: &[Script::Telugu],
    },
    Face {
        key: "knda",
        family: "Noto Sans Kannada",
        css_fallbacks: "\"Kannada Sangam MN\",\"Nirmala UI\",Tunga",
        regular: font!("NotoSansKannada-Regular.ttf"),
        bold: None,
        scripts: &[Script::Kannada],
    },
    Face {
        key: "mlym",
        family: "Noto Sans Malayalam",
        css_fallbacks: "\"Malayalam Sangam MN\",\"Nirmala UI\",Kartika",
        regular: font!("NotoSansMalayalam-Regular.ttf"),
        bold: None,
        scripts: &[Script::Malayalam],
    },
    Face {
        key: "gujr",
        family: "Noto Sans Gujarati",
        css_fallbacks: "\"Gujarati Sangam MN\",\"Nirmala UI\",Shruti",
        regular: font!("NotoSansGujarati-Regular.ttf"),
        bold: None,
        scripts: &[Script::Gujarati],
    },
    Face {
        key: "guru",
        family: "Noto Sans Gurmukhi",
        css_fallbacks: "\"Gurmukhi Sangam MN\",\"Nirmala UI\",Raavi",
        regular: font!("NotoSansGurmukhi-Regular.ttf"),
        bold: None,
        scripts: &[Script::Gurmukhi],
    },
    Face {
        key: "orya",
        family: "Noto Sans Oriya",
        css_fallbacks: "\"Oriya Sangam MN\",\"Nirmala UI\",Kalinga",
        regular: font!("NotoSansOriya-Regular.ttf"),
        bold: None,
        scripts: &[Script::Oriya],
    },
    Face {
        key: "sinh",
        family: "Noto Sans Sinhala",
        css_fallbacks: "\"Sinhala Sangam MN\",\"Nirmala UI\",\"Iskoola Pota\"",
        regular: font!("NotoSansSinhala-Regular.ttf"),
        bold: None,
        scripts: &[Script::Sinhala],
    },
    Face {
        key: "laoo",
        family: "Noto Sans Lao",
        css_fallbacks: "\"Lao Sangam MN\",\"Leelawadee UI\",\"Lao UI\"",
        regular: font!("NotoSansLao-Regular.ttf"),
        bold: None,
        scripts: &[Script::Lao],
    },
    Face {
        key: "khmr",
        family: "Noto Sans Khmer",
        css_fallbacks: "\"Khmer Sangam MN\",\"Leelawadee UI\",\"Khmer UI\"",
        regular: font!("NotoSansKhmer-Regular.ttf"),
        bold: None,
        scripts: &[Script::Khmer],
    },
    Face {
        key: "mymr",
        family: "Noto Sans Myanmar",
        css_fallbacks: "\"Myanmar Sangam MN\",\"Myanmar Text\"",
        regular: font!("NotoSansMyanmar-Regular.ttf"),
        bold: None,
        scripts: &[Script::Myanmar],
    },
    Face {
        key: "ethi",
        family: "Noto Sans Ethiopic",
        css_fallbacks: "Kefa,Ebrima,Nyala",
        regular: font!("NotoSansEthiopic-Regular.ttf"),
        bold: None,
        scripts: &[Script::Ethiopic],
    },
    Face {
        key: "thaa",
        family: "Noto Sans Thaana",
        css_fallbacks: "\"MV Boli\"",
        regular: font!("NotoSansThaana-Regular.ttf"),
        bold: None,
        scripts: &[Script::Thaana],
    },
];

/// A face by its place in [`FACES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FaceId(pub u8);

impl FaceId {
    /// The face.
    pub fn face(self) -> &'static Face {
        &FACES[usize::from(self.0)]
    }

    /// Whether this is the first face (DejaVu Sans), the default for text of no script.
    pub fn is_default(self) -> bool {
        self.0 == 0
    }

    /// Every face, in fallback order.
    pub fn all() -> impl Iterator<Item = FaceId> {
        (0..FACES.len() as u8).map(FaceId)
    }
}

/// A bundled font file, parsed once, and its character map.
struct Parsed {
    font: FontRef<'static>,
    charmap: Charmap<'static>,
}

/// The parsed `weight` file of `face`.
fn parsed(face: FaceId, weight: Weight) -> &'static Parsed {
    static PARSED: OnceLock<Vec<[Parsed; 2]>> = OnceLock::new();
    let all = PARSED.get_or_init(|| {
        FACES
            .iter()
            .map(|f| {
                let parse = |w| {
                    let font = FontRef::new(f.data(w)).expect("bundled fonts parse");
                    let charmap = font.charmap();
                    Parsed { font, charmap }
                };
                [parse(Weight::Regular), parse(Weight::Bold)]
            })
            .collect()
    });
    &all[usize::from(face.0)][usize::from(weight == Weight::Bold)]
}

/// The `weight` file of `face`, parsed.
pub(crate) fn font_ref(face: FaceId, weight: Weight) -> &'static FontRef<'static> {
    &parsed(face, weight).font
}

/// Whether the `weight` file of `face` has a glyph for `c`.
pub fn has_char(face: FaceId, weight: Weight, c: char) -> bool {
    parsed(face, weight).charmap.map(c).is_some()
}

/// The face whose scripts include `script`, if any.
pub(crate) fn face_of_script(script: Script) -> Option<FaceId> {
    FaceId::all().find(|f| f.face().scripts.contains(&script))
}

/// The face that draws a lone `c` of `weight`: its script's face if that has it, else the
/// first face in [`FACES`] order that has it; `None` when no bundled font has it.
pub fn face_for_char(c: char, weight: Weight) -> Option<FaceId> {
    use unicode_script::UnicodeScript;
    face_of_script(c.script())
        .filter(|&f| has_char(f, weight, c))
        .or_else(|| FaceId::all().find(|&f| has_char(f, weight, c)))
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn every_face_parses_and_has_its_scripts_letters() {
        let samples = [
            ("latn", "Aé Ωλ Жж Արմ ქართ"),
            ("hebr", "ירושלים"),
            ("arab", "القاهرة"),
            ("deva", "दिल्ली"),
            ("thai", "กรุงเทพ"),
            ("cjk", "東京ソウル서울北京"),
            ("beng", "ঢাকা"),
            ("taml", "சென்னை"),
            ("telu", "హైదరాబాద్"),
            ("knda", "ಬೆಂಗಳೂರು"),
            ("mlym", "കൊച്ചി"),
            ("gujr", "અમદાવાદ"),
            ("guru", "ਅੰਮ੍ਰਿਤਸਰ"),
            ("orya", "ଭୁବନେଶ୍ୱର"),
            ("sinh", "කොළඹ"),
            ("laoo", "ວຽງຈັນ"),
            ("khmr", "ភ្នំពេញ"),
            ("mymr", "ရန်ကုန်"),
            ("ethi", "አዲስ አበባ"),
            ("thaa", "މާލެ"),
        ];
        assert_eq!(samples.len(), FACES.len());
        for ((key, text), id) in samples.iter().zip(FaceId::all()) {
            assert_eq!(id.face().key, *key);
            for w in [Weight::Regular, Weight::Bold] {
                for c in text.chars().filter(|c| !c.is_whitespace()) {
                    assert!(
                        has_char(id, w, c),
                        "{key} {w:?} lacks {c} U+{:04X}",
                        c as u32
                    );
                    assert_eq!(face_for_char(c, w), Some(id), "{c}");
                }
            }
        }
    }

    #[test]
    fn letters_have_one_face_and_unknown_characters_none() {
        // No face but the first has Latin letters; no face has Egyptian hieroglyphs.
        for id in FaceId::all().skip(1) {
            assert!(!has_char(id, Weight::Regular, 'a'), "{}", id.face().key);
        }
        assert_eq!(face_for_char('\u{13000}', Weight::Regular), None);
        assert_eq!(face_for_char('→', Weight::Bold), Some(FaceId(0)));
    }
}
