//! Splits a text into segments: sentences, and lines laid out without sentences (programme
//! lines, tour dates, timetable rows, questions), as byte ranges in order.
//!
//! A paragraph ends at a blank line. Within one, a line break ends a segment when either line is
//! laid out ([`layout::classify`]) or the line is short and complete (`Official welcome`), and
//! joins hard-wrapped prose otherwise. A sentence ends at `.`, `!` or `?` (and any closing quotes
//! or brackets after it) followed by white space and a capital, digit or opening quote. A dot
//! after a title or a month (`Mr.`, `Gen.`, `Nov.`), an initial (`John F. Kennedy`) or an
//! abbreviation with inner dots (`U.S.`, `D.C.`) ends nothing, unless what follows is a word that
//! starts sentences (`D.C. He left`). No segment is longer than [`MAX_SEGMENT_BYTES`]: a longer
//! run of text is cut at a space, so the work per segment stays bounded whatever the input.

use super::layout::{self, Line};
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

/// Longest segment, in bytes; a longer stretch without a sentence end is cut at a space.
pub const MAX_SEGMENT_BYTES: usize = 2_000;

/// A segment of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// Byte range in the text, trimmed, never empty.
    pub range: Range<usize>,
    /// The kind of line it stands on: [`Line::Prose`] for sentences of joined lines.
    pub line: Line,
    /// True for the first segment of a paragraph.
    pub opens_paragraph: bool,
}

/// The segments of `text`, in order.
pub fn split(text: &str) -> Vec<Segment> {
    segments(text).collect()
}

/// Most lines read as one paragraph; a longer one is split (so memory stays bounded).
const MAX_PARAGRAPH_LINES: usize = 4_096;

/// The segments of `text`, one paragraph at a time.
pub fn segments(text: &str) -> Segments<'_> {
    Segments {
        text,
        lines: text.split_inclusive('\n'),
        at: 0,
        paragraph: Vec::new(),
        ready: std::collections::VecDeque::new(),
        done: false,
    }
}

/// An iterator over the segments of a text (see [`segments`]).
#[derive(Debug)]
pub struct Segments<'t> {
    text: &'t str,
    lines: std::str::SplitInclusive<'t, char>,
    at: usize,
    paragraph: Vec<(usize, usize)>,
    ready: std::collections::VecDeque<Segment>,
    done: bool,
}

impl Iterator for Segments<'_> {
    type Item = Segment;

    fn next(&mut self) -> Option<Segment> {
        loop {
            if let Some(s) = self.ready.pop_front() {
                return Some(s);
            }
            if self.done {
                return None;
            }
            let mut out = Vec::new();
            match self.lines.next() {
                None => {
                    flush_paragraph(self.text, &self.paragraph, &mut out);
                    self.paragraph.clear();
                    self.done = true;
                }
                Some(line) => {
                    let start = self.at;
                    self.at += line.len();
                    let content = line.trim_end_matches(['\n', '\r']);
                    if content.trim().is_empty() || self.paragraph.len() >= MAX_PARAGRAPH_LINES {
                        flush_paragraph(self.text, &self.paragraph, &mut out);
                        self.paragraph.clear();
                    }
                    if !content.trim().is_empty() {
                        self.paragraph.push((start, start + content.len()));
                    }
                }
            }
            self.ready.extend(out);
        }
    }
}

/// How many lines of each layout a text has: whether it lists stops on lines, has a programme's
/// clock times, day headings or legs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Census {
    /// Dated lines, itinerary days, table rows and legs.
    pub listing: usize,
    /// Lines starting with a clock time.
    pub timed: usize,
    /// Date headings, itinerary days and legs.
    pub programme: usize,
}

/// Counts the layouts of `text`'s lines.
pub fn census(text: &str) -> Census {
    let mut c = Census::default();
    for line in text.split('\n') {
        let mut end = line.len().min(4 * MAX_SEGMENT_BYTES);
        while !line.is_char_boundary(end) {
            end -= 1;
        }
        match layout::classify(&line[..end]) {
            Line::Dated | Line::Row => c.listing += 1,
            Line::DayHeading | Line::Leg => {
                c.listing += 1;
                c.programme += 1;
            }
            Line::DateHeading => c.programme += 1,
            Line::Timed => c.timed += 1,
            _ => {}
        }
    }
    c
}

/// Splits one paragraph (its lines' byte ranges) into segments.
fn flush_paragraph(text: &str, lines: &[(usize, usize)], out: &mut Vec<Segment>) {
    if lines.is_empty() {
        return;
    }
    let kinds: Vec<Line> = lines
        .iter()
        .map(|&l| layout::classify(line_text(text, l)))
        .collect();
    let widest = lines
        .iter()
        .map(|&l| line_text(text, l).chars().count())
        .max()
        .unwrap_or(0);
    let mut first = 0;
    let mut opens = true;
    for i in 0..lines.len() {
        let last = i + 1 == lines.len()
            || layout::breaks_after(
                line_text(text, lines[i]),
                kinds[i],
                line_text(text, lines[i + 1]),
                kinds[i + 1],
                widest,
            );
        if !last {
            continue;
        }
        let kind = if first == i { kinds[i] } else { Line::Prose };
        let before = out.len();
        sentences(text, lines[first].0..lines[i].1, out);
        for seg in &mut out[before..] {
            seg.line = kind;
        }
        if let Some(seg) = out.get_mut(before)
            && opens
        {
            seg.opens_paragraph = true;
            opens = false;
        }
        first = i + 1;
    }
}

/// A line's text, at most a few segments long (enough to decide where it breaks).
fn line_text(text: &str, (a, b): (usize, usize)) -> &str {
    let mut end = b.min(a + 4 * MAX_SEGMENT_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[a..end]
}

/// Splits `text[range]` into sentences at sentence punctuation (see the module documentation).
fn sentences(text: &str, range: Range<usize>, out: &mut Vec<Segment>) {
    let mut start = range.start;
    let s = &text[range.clone()];
    let mut iter = s.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let o = range.start + i;
        let long = o - start;
        if long >= MAX_SEGMENT_BYTES || (long >= MAX_SEGMENT_BYTES - 64 && c.is_whitespace()) {
            push(text, start, o, out);
            start = o;
            continue;
        }
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        // Closing quotes and brackets stay with the sentence.
        let mut end = o + c.len_utf8();
        while let Some(&(j, q)) = iter.peek() {
            if matches!(q, '"' | '\'' | '\u{201d}' | '\u{2019}' | ')' | ']') {
                end = range.start + j + q.len_utf8();
                iter.next();
            } else {
                break;
            }
        }
        let rest = &text[end..range.end];
        let after = rest.trim_start();
        let spaced = after.len() < rest.len() || rest.is_empty();
        let opens = after.chars().next().is_none_or(|n| {
            n.is_uppercase()
                || n.is_ascii_digit()
                || matches!(n, '"' | '\u{201c}' | '\'' | '\u{2018}' | '(')
        });
        if spaced && opens && !(c == '.' && dot_continues(text, o, after)) {
            push(text, start, end, out);
            start = end;
        }
    }
    push(text, start, range.end, out);
}

/// True when the dot at byte `dot` closes an abbreviation rather than the sentence; `after` is
/// the text after it, past white space.
fn dot_continues(text: &str, dot: usize, after: &str) -> bool {
    // The word before the dot: at most 24 bytes back (longer words are no abbreviations).
    let mut from = dot.saturating_sub(24);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = &text[from..dot];
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
    let next: String = after
        .chars()
        .take_while(|c| c.is_alphabetic())
        .take(12)
        .collect();
    !STARTERS.contains(&next.to_lowercase().as_str())
}

fn push(text: &str, start: usize, end: usize, out: &mut Vec<Segment>) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    if !trimmed.is_empty() {
        out.push(Segment {
            range: start + lead..start + lead + trimmed.len(),
            line: Line::Prose,
            opens_paragraph: false,
        });
    }
}

#[cfg(test)]
mod test {
    use super::*;

    fn sentences(s: &str) -> Vec<&str> {
        split(s).into_iter().map(|g| &s[g.range]).collect()
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
    fn programme_lines_are_segments() {
        let s = "Saturday, 2 March 2024\nROME – NAIROBI\n08:00 Departure by plane to Nairobi\nOfficial welcome\nCourtesy visit to the President\n\nSunday, 3 March 2024\nNAIROBI";
        let segs = split(s);
        let texts: Vec<&str> = segs.iter().map(|g| &s[g.range.clone()]).collect();
        assert_eq!(
            texts,
            [
                "Saturday, 2 March 2024",
                "ROME – NAIROBI",
                "08:00 Departure by plane to Nairobi",
                "Official welcome",
                "Courtesy visit to the President",
                "Sunday, 3 March 2024",
                "NAIROBI"
            ]
        );
        assert_eq!(segs[0].line, Line::DateHeading);
        assert_eq!(segs[1].line, Line::Leg);
        assert!(segs[0].opens_paragraph && segs[5].opens_paragraph && !segs[1].opens_paragraph);
    }

    #[test]
    fn long_runs_are_cut() {
        let s = "word ".repeat(2_000);
        let segs = split(&s);
        assert!(segs.len() >= 4);
        assert!(segs.iter().all(|g| g.range.len() <= MAX_SEGMENT_BYTES));
        let dots = "a.".repeat(100_000);
        assert!(
            split(&dots)
                .iter()
                .all(|g| g.range.len() <= MAX_SEGMENT_BYTES)
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
