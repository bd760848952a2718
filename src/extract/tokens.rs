//! Words, numbers and punctuation of a sentence, with byte offsets into the whole text.
//!
//! Abbreviations written with dots stay one word (`U.S.`, `D.C.`, `Nov.`), a possessive `'s`
//! is its own token (`Turkey's` -> `Turkey`, `'s`), and a hyphen between digits is punctuation
//! (`14-23` -> `14`, `-`, `23`) while one between letters stays inside the word (`al-Sudani`).

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Letters (maybe with digits, inner apostrophes, hyphens or abbreviation dots).
    Word,
    /// Starts with a digit: `25`, `25th`, `2024`.
    Number,
    /// One punctuation character, or the possessive `'s`.
    Punct,
}

/// A token: its text and byte range in the text it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    /// The token as written.
    pub text: &'a str,
    /// Byte offset of the first byte in the whole text.
    pub start: usize,
    /// Byte offset just past the last byte.
    pub end: usize,
    /// Word, number or punctuation.
    pub kind: Kind,
}

impl Token<'_> {
    /// True for a word whose first letter is upper case.
    pub fn is_capitalised(&self) -> bool {
        self.kind == Kind::Word && self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// The text in lower case.
    pub fn lower(&self) -> String {
        self.text.to_lowercase()
    }

    /// True for the possessive marker `'s` (or a lone apostrophe after a plural).
    pub fn is_possessive(&self) -> bool {
        matches!(self.text, "'s" | "\u{2019}s" | "'" | "\u{2019}")
    }
}

/// True for a straight or curly apostrophe.
fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Splits `text[start..end]` into tokens; offsets are into `text`.
pub fn tokenize(text: &str, start: usize, end: usize) -> Vec<Token<'_>> {
    let s = &text[start..end];
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let tok = |a: usize, b: usize, kind: Kind| Token {
        text: &text[start + a..start + b],
        start: start + a,
        end: start + b,
        kind,
    };
    let at = |k: usize| chars.get(k).map(|&(o, _)| o).unwrap_or(s.len());
    while i < chars.len() {
        let (o, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c.is_alphanumeric() {
            let numeric = c.is_ascii_digit();
            let j = word_end(&chars, i);
            out.push(tok(
                o,
                at(j),
                if numeric { Kind::Number } else { Kind::Word },
            ));
            i = j;
            continue;
        }
        if is_apostrophe(c) {
            let next = chars.get(i + 1).map(|&(_, n)| n);
            let after = chars.get(i + 2).map(|&(_, n)| n);
            let prev_word = out
                .last()
                .is_some_and(|t: &Token| t.end == start + o && t.kind == Kind::Word);
            if prev_word && matches!(next, Some('s')) && !after.is_some_and(char::is_alphanumeric) {
                out.push(tok(o, at(i + 2), Kind::Punct));
                i += 2;
                continue;
            }
            if prev_word && matches!(next, Some('t')) && !after.is_some_and(char::is_alphanumeric) {
                // n't: keep as a word so negation can be seen.
                out.push(tok(o, at(i + 2), Kind::Word));
                i += 2;
                continue;
            }
        }
        out.push(tok(o, at(i + 1), Kind::Punct));
        i += 1;
    }
    out
}

/// The end (exclusive, in `chars`) of the word or number that starts at `i`: letters and digits,
/// inner hyphens (`Guinea-Bissau`), dotted abbreviations (`U.S.`) and inner apostrophes
/// (`O'Hare`), but not a possessive `'s` or `n't`.
fn word_end(chars: &[(usize, char)], i: usize) -> usize {
    let numeric = chars[i].1.is_ascii_digit();
    let mut j = i + 1;
    while j < chars.len() {
        let d = chars[j].1;
        let next_alnum = chars.get(j + 1).is_some_and(|&(_, n)| n.is_alphanumeric());
        let next_alpha = chars.get(j + 1).is_some_and(|&(_, n)| n.is_alphabetic());
        if d.is_alphanumeric() || (d == '-' && !numeric && next_alpha) {
            j += 1;
        } else if d == '.' && !numeric && next_alpha && j + 2 <= chars.len() {
            // U.S.: a letter, a dot, a letter, a dot...
            let single = j - i == 1 || chars[j - 2].1 == '.';
            let after = chars.get(j + 2).map(|&(_, n)| n);
            if single && after == Some('.') {
                j += 2;
            } else {
                break;
            }
        } else if is_apostrophe(d) && next_alnum {
            // 's after a word is a possessive marker; other inner apostrophes stay (O'Hare).
            let rest: String = chars[j + 1..].iter().take(2).map(|&(_, n)| n).collect();
            let possessive =
                rest.starts_with('s') && !rest[1..].starts_with(|n: char| n.is_alphanumeric());
            if possessive || rest.starts_with('t') {
                break;
            }
            j += 1;
        } else {
            break;
        }
    }
    // Trailing dot of an abbreviation with inner dots (U.S.) belongs to it.
    if j < chars.len() && chars[j].1 == '.' && j >= 2 && chars[j - 2].1 == '.' {
        j += 1;
    }
    j
}

#[cfg(test)]
mod test {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        tokenize(s, 0, s.len()).iter().map(|t| t.text).collect()
    }

    #[test]
    fn keeps_abbreviations_and_splits_possessives() {
        assert_eq!(
            texts("The U.S. envoy left Washington, D.C. for Turkey's capital."),
            [
                "The",
                "U.S.",
                "envoy",
                "left",
                "Washington",
                ",",
                "D.C.",
                "for",
                "Turkey",
                "'s",
                "capital",
                "."
            ]
        );
        assert_eq!(
            texts("March 14-23, al-Sudani"),
            ["March", "14", "-", "23", ",", "al-Sudani"]
        );
        assert_eq!(
            texts("didn't visit O'Hare"),
            ["didn", "'t", "visit", "O'Hare"]
        );
        assert_eq!(texts("Hamas' role"), ["Hamas", "'", "role"]);
    }

    #[test]
    fn offsets_point_into_the_text() {
        let s = "xx Tel Aviv";
        let t = tokenize(s, 3, s.len());
        assert_eq!((t[0].start, t[1].end), (3, 11));
        assert!(t[0].is_capitalised());
    }
}
