//! Place-name normalisation: the form in which names are indexed and queries compared.
//!
//! In: any text. Out: lower-case ASCII words separated by single spaces. Accents are dropped and
//! other scripts transliterated (`deunicode`: "São Paulo" -> "sao paulo", "Köln" -> "koln",
//! "Киев" -> "kiev"); full stops and apostrophes vanish ("D.C." -> "dc", "Xi'an" -> "xian"); every
//! other non-alphanumeric character separates words ("Washington, D.C." -> "washington dc",
//! "Winston-Salem" -> "winston salem"); "&" reads "and".
//!
//! The gazetteer builder (`examples/build_gazetteer.rs`) includes this file, so the index and the
//! queries are normalised by the same code.

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
        if matches!(
            c,
            '.' | '\'' | '\u{2019}' | '\u{2018}' | '\u{02BB}' | '\u{02BC}' | '`' | '\u{00B4}'
        ) {
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

#[cfg(test)]
mod test {
    use super::normalize;

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
}
