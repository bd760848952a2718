//! Place-name normalisation: the form in which names are indexed and queries compared.
//!
//! In: any text. Out: lower-case ASCII words separated by single spaces. Accents are dropped and
//! other scripts transliterated (`deunicode`: "São Paulo" -> "sao paulo", "Köln" -> "koln",
//! "Киев" -> "kiev"); full stops and apostrophes vanish ("D.C." -> "dc", "Xi'an" -> "xian"); every
//! other non-alphanumeric character separates words ("Washington, D.C." -> "washington dc",
//! "Winston-Salem" -> "winston salem"); "&" reads "and".
//!
//! Names written in other scripts (東京, دبي, Москва, Αθήνα, दिल्ली) also have a [`native`] form,
//! which keeps their script: the index holds the native-script names of the bigger places under
//! that form, and a query in such a script is looked up under it first, then under its
//! transliteration.
//!
//! The gazetteer builder (`examples/build_gazetteer.rs`) includes this file, so the index and the
//! queries are normalised by the same code.

/// Characters that vanish from names rather than separate words ("Xi'an" -> "xian").
const APOSTROPHES: &[char] = &[
    '.', '\'', '\u{2019}', '\u{2018}', '\u{02BB}', '\u{02BC}', '`', '\u{00B4}',
];

/// The normalised form of `text`; empty when it has no letters or digits.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut gap = false;
    let mut push = |c: char, out: &mut String| {
        if c.is_ascii_alphanumeric() {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.push(c.to_ascii_lowercase());
        } else {
            gap = true;
        }
    };
    for c in text.chars() {
        if APOSTROPHES.contains(&c) {
            continue;
        }
        if c == '&' {
            " and ".chars().for_each(|d| push(d, &mut out));
        } else if c.is_ascii() {
            push(c, &mut out);
        } else {
            match deunicode::deunicode_char(c) {
                Some(t) => t.chars().for_each(|d| push(d, &mut out)),
                None => push(' ', &mut out),
            }
        }
    }
    out
}

/// True for letters of the Latin script (ASCII, Latin-1, Latin Extended, IPA, fullwidth Latin,
/// ligatures): the letters [`normalize`] folds to ASCII and [`native`] leaves to it.
fn is_latin(c: char) -> bool {
    c.is_ascii()
        || matches!(c,
            '\u{00AA}' | '\u{00BA}'
            | '\u{00C0}'..='\u{02AF}'
            | '\u{1D00}'..='\u{1DBF}'
            | '\u{1E00}'..='\u{1EFF}'
            | '\u{2C60}'..='\u{2C7F}'
            | '\u{A720}'..='\u{A7FF}'
            | '\u{AB30}'..='\u{AB6F}'
            | '\u{FB00}'..='\u{FB06}'
            | '\u{FF21}'..='\u{FF3A}'
            | '\u{FF41}'..='\u{FF5A}')
}

/// True for a letter of another script than Latin (Cyrillic, Greek, Arabic, Hebrew, Han, Kana,
/// Hangul, Devanagari, Thai...).
fn is_other_script(c: char) -> bool {
    c.is_alphabetic() && !is_latin(c)
}

/// Scripts written without spaces between words (Han, Kana, Thai, Lao, Khmer, Myanmar): a space
/// between two of their characters is dropped, so "東京 タワー" and "東京タワー" are one key.
fn is_spaceless(c: char) -> bool {
    matches!(c,
        '\u{0E00}'..='\u{0EFF}'      // Thai, Lao
        | '\u{1000}'..='\u{109F}'    // Myanmar
        | '\u{1780}'..='\u{17FF}'    // Khmer
        | '\u{3040}'..='\u{30FF}'    // Hiragana, Katakana
        | '\u{3400}'..='\u{4DBF}'    // CJK extension A
        | '\u{4E00}'..='\u{9FFF}'    // CJK unified ideographs
        | '\u{F900}'..='\u{FAFF}'    // CJK compatibility ideographs
        | '\u{20000}'..='\u{3134F}') // CJK extensions B-G
}

/// Marks that writers leave out and that must not keep a name from matching: Latin, Greek and
/// Cyrillic accents after decomposition (tonos, dialytika, breve: "Αθήνα" = "Αθηνα",
/// "Київ" = "Киів"), Arabic short vowels, hamza and dagger alef, Hebrew points and cantillation.
/// The marks that letters of Indic scripts, Thai or Kana need stay.
fn is_droppable_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{0591}'..='\u{05BD}'
        | '\u{05BF}'
        | '\u{05C1}'..='\u{05C2}'
        | '\u{05C4}'..='\u{05C5}'
        | '\u{05C7}'
        | '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06ED}'
        | '\u{0640}'                 // Arabic tatweel (a stretch, not a letter)
        | '\u{200B}'..='\u{200F}') // zero-width joiners and marks
}

/// Arabic-script letters written in more than one way: alef wasla, alef maksura, teh marbuta,
/// Persian yeh and keheh read as their common Arabic forms.
fn fold_letter(c: char) -> char {
    match c {
        '\u{0671}' => '\u{0627}',                           // ٱ -> ا
        '\u{0649}' | '\u{06CC}' | '\u{06D2}' => '\u{064A}', // ى ی ے -> ي
        '\u{0629}' => '\u{0647}',                           // ة -> ه
        '\u{06A9}' => '\u{0643}',                           // ک -> ك
        '\u{03C2}' => '\u{03C3}',                           // ς -> σ
        _ => c,
    }
}

/// The native-script form of `text`, in which the index keeps names written in other scripts
/// than Latin; `None` when `text` has no letter of another script (then [`normalize`] is the only
/// form).
///
/// Compatibility forms are unified (NFKC: half-width Katakana, Arabic presentation forms,
/// CJK compatibility ideographs), letters lower-cased (Cyrillic, Greek), the marks of
/// `is_droppable_mark` dropped (so Arabic and Hebrew match with or without vowel points, Greek
/// with or without accents), a few Arabic letter variants folded, and words separated by single
/// spaces, except between characters of scripts written without spaces (Han, Kana, Thai), which
/// are joined. Latin letters in the text are folded as [`normalize`] folds them.
/// "東京" -> "東京", "Αθήνα" -> "αθηνα", "القاهرة" -> "القاهره", "МОСКВА" -> "москва".
pub fn native(text: &str) -> Option<String> {
    use unicode_normalization::UnicodeNormalization;
    use unicode_normalization::char::is_combining_mark;
    if !text.chars().any(is_other_script) {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    // A separator seen since the last kept character, and whether that character was spaceless.
    let mut gap = false;
    let mut last_spaceless = false;
    let mut keep = |c: char, out: &mut String, gap: &mut bool| {
        let spaceless = is_spaceless(c);
        if *gap && !out.is_empty() && !(last_spaceless && spaceless) {
            out.push(' ');
        }
        *gap = false;
        last_spaceless = spaceless;
        out.push(c);
    };
    for c in text.nfkd() {
        if is_droppable_mark(c) || APOSTROPHES.contains(&c) {
            continue;
        }
        if is_combining_mark(c) {
            if !out.is_empty() && !gap {
                out.push(c);
            }
        } else if c.is_alphanumeric() && !is_latin(c) {
            for l in c.to_lowercase() {
                keep(fold_letter(l), &mut out, &mut gap);
            }
        } else if c.is_ascii_alphanumeric() || (is_latin(c) && c.is_alphanumeric()) {
            for l in normalize(&c.to_string()).chars() {
                keep(l, &mut out, &mut gap);
            }
        } else {
            gap = true;
        }
    }
    let out: String = out.nfc().collect();
    (!out.is_empty()).then_some(out)
}

#[cfg(test)]
mod test {
    use super::{native, normalize};

    #[test]
    fn case_accents_and_punctuation_do_not_matter() {
        assert_eq!(normalize("Washington, D.C."), "washington dc");
        assert_eq!(normalize("Washington DC"), "washington dc");
        assert_eq!(normalize("São Paulo"), "sao paulo");
        assert_eq!(normalize("SAO PAULO"), "sao paulo");
        assert_eq!(normalize("Köln"), "koln");
        assert_eq!(normalize("  Winston-Salem "), "winston salem");
        assert_eq!(normalize("Xi’an"), "xian");
        assert_eq!(normalize("Киев"), "kiev");
        assert_eq!(normalize("Łódź"), "lodz");
        assert_eq!(normalize("Straße"), "strasse");
        assert_eq!(normalize("?!"), "");
        assert_eq!(normalize("Trinidad & Tobago"), "trinidad and tobago");
    }

    #[test]
    fn native_forms_keep_their_script() {
        assert_eq!(native("Tokyo"), None);
        assert_eq!(native("São Paulo"), None);
        assert_eq!(native("東京").as_deref(), Some("東京"));
        assert_eq!(native("東京 タワー").as_deref(), Some("東京タワー"));
        assert_eq!(native("МОСКВА").as_deref(), Some("москва"));
        assert_eq!(native("Αθήνα"), native("ΑΘΗΝΑ"));
        assert_eq!(native("Αθήνα").as_deref(), Some("αθηνα"));
        assert_eq!(native("Κέρκυρας").as_deref(), Some("κερκυρασ"));
        // Arabic with and without short vowels and hamza; teh marbuta and alef maksura folded.
        assert_eq!(native("القاهرة"), native("القَاهِرَة"));
        assert_eq!(native("القاهرة").as_deref(), Some("القاهره"));
        assert_eq!(native("أبو ظبي"), native("ابو ظبى"));
        // Hebrew with and without points.
        assert_eq!(native("יְרוּשָׁלַיִם"), native("ירושלים"));
        // Indic and Thai vowel signs are letters' parts, not accents.
        assert_eq!(native("दिल्ली").as_deref(), Some("दिल्ली"));
        assert_eq!(native("กรุงเทพมหานคร").as_deref(), Some("กรุงเทพมหานคร"));
        assert_ne!(native("दिल्ली"), native("दलल"));
        // Hangul syllables survive decomposition; half-width Katakana is unified.
        assert_eq!(native("서울").as_deref(), Some("서울"));
        assert_eq!(native("ｿｳﾙ").as_deref(), Some("ソウル"));
        assert_eq!(native("Київ, Україна").as_deref(), Some("киів украіна"));
        assert_eq!(native("Tokyo 東京").as_deref(), Some("tokyo 東京"));
        assert_eq!(native("?!"), None);
    }
}
