//! Splits a text into sentences: byte ranges, in order.
//!
//! A sentence ends at `.`, `!` or `?` (and any closing quotes or brackets after it) followed by
//! white space and a capital, digit or opening quote, or at a blank line. A dot after a title or a
//! month (`Mr.`, `Gen.`, `Nov.`), an initial (`John F. Kennedy`) or an abbreviation with inner dots
//! (`U.S.`, `D.C.`) ends nothing, unless what follows is a word that starts sentences (`D.C. He
//! left`).

use std::ops::Range;

/// Abbreviations (lower case, without the final dot) after which a dot never ends a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "lt", "col", "capt", "cmdr", "adm",
    "sgt", "prof", "rev", "hon", "pres", "amb", "jr", "sr", "inc", "co", "corp", "ltd", "vs", "no",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon",
    "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun", "approx", "est", "dept", "ft", "mt",
];

/// Words that usually start a sentence: after `D.C.` or `U.S.` they mean the dot ended one.
const STARTERS: &[&str] = &[
    "the",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "on",
    "in",
    "at",
    "after",
    "before",
    "his",
    "her",
    "their",
    "its",
    "this",
    "that",
    "then",
    "there",
    "later",
    "earlier",
    "a",
    "an",
    "but",
    "and",
    "during",
    "from",
    "while",
    "when",
    "as",
    "following",
    "next",
];

/// The sentences of `text` as byte ranges, trimmed, never empty.
pub fn split(text: &str) -> Vec<Range<usize>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        let (o, c) = chars[i];
        if c == '\n' {
            // A blank line ends a paragraph and the sentence.
            let mut j = i + 1;
            while j < chars.len() && chars[j].1.is_whitespace() && chars[j].1 != '\n' {
                j += 1;
            }
            if j < chars.len() && chars[j].1 == '\n' {
                push(text, start, o, &mut out);
                start = chars[j].0;
                i = j;
                continue;
            }
        }
        if matches!(c, '.' | '!' | '?') {
            let mut j = i + 1;
            while j < chars.len()
                && matches!(chars[j].1, '"' | '\'' | '\u{201d}' | '\u{2019}' | ')' | ']')
            {
                j += 1;
            }
            let end = chars.get(j).map(|&(o, _)| o).unwrap_or(text.len());
            let mut k = j;
            while k < chars.len() && chars[k].1.is_whitespace() {
                k += 1;
            }
            let spaced = k > j || j == chars.len();
            let next = chars.get(k).map(|&(_, n)| n);
            let opens = next.is_none_or(|n| {
                n.is_uppercase()
                    || n.is_ascii_digit()
                    || matches!(n, '"' | '\u{201c}' | '\'' | '\u{2018}' | '(')
            });
            if spaced && opens && !(c == '.' && dot_continues(text, o, &chars, k)) {
                push(text, start, end, &mut out);
                start = end;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    push(text, start, text.len(), &mut out);
    out
}

/// True when the dot at byte `dot` closes an abbreviation rather than the sentence; `next` is the
/// char index of the next non-blank character.
fn dot_continues(text: &str, dot: usize, chars: &[(usize, char)], next: usize) -> bool {
    let before = &text[..dot];
    let word_start = before
        .rfind(|c: char| !(c.is_alphanumeric() || c == '.'))
        .map(|p| p + before[p..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(0);
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    let lower = word.to_lowercase();
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return true;
    }
    let single_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    let dotted = word.contains('.');
    if !(single_initial || dotted) {
        return false;
    }
    // U.S. / D.C. / F.: continue unless the next word starts sentences.
    let rest: String = chars[next.min(chars.len())..]
        .iter()
        .map(|&(_, c)| c)
        .take_while(|c| c.is_alphabetic())
        .collect();
    !STARTERS.contains(&rest.to_lowercase().as_str())
}

fn push(text: &str, start: usize, end: usize, out: &mut Vec<Range<usize>>) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    if !trimmed.is_empty() {
        out.push(start + lead..start + lead + trimmed.len());
    }
}

#[cfg(test)]
mod test {
    use super::*;

    fn sentences(s: &str) -> Vec<&str> {
        split(s).into_iter().map(|r| &s[r]).collect()
    }

    #[test]
    fn survives_abbreviations() {
        let s = "Mr. Smith flew to Washington, D.C. on Nov. 6. The U.S. envoy then left. \"We are done,\" he said! Gen. F. Lopez agreed.";
        assert_eq!(
            sentences(s),
            [
                "Mr. Smith flew to Washington, D.C. on Nov. 6.",
                "The U.S. envoy then left.",
                "\"We are done,\" he said!",
                "Gen. F. Lopez agreed."
            ]
        );
    }

    #[test]
    fn dotted_abbreviation_can_end_a_sentence() {
        assert_eq!(
            sentences("She arrived in Washington, D.C. He left."),
            ["She arrived in Washington, D.C.", "He left."]
        );
    }

    #[test]
    fn blank_lines_end_headlines() {
        assert_eq!(
            sentences("A Headline Without a Dot\n\nBody text here.\nMore of it."),
            ["A Headline Without a Dot", "Body text here.", "More of it."]
        );
    }
}
