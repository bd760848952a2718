//! Fitting text to a width: truncating with an ellipsis, and breaking it into lines at spaces
//! or, in Chinese and Japanese, between characters where Unicode allows, never inside a
//! grapheme cluster.

use super::{Weight, width_px};
use unicode_segmentation::UnicodeSegmentation;

/// The longest start of `text`, in whole grapheme clusters, for which `fits` holds (at least
/// one cluster), found by halving; widths grow with length, so this is the greedy answer.
fn longest_fitting(text: &str, fits: impl Fn(&str) -> bool) -> usize {
    let ends: Vec<usize> = text
        .grapheme_indices(true)
        .map(|(i, g)| i + g.len())
        .collect();
    let (mut lo, mut hi) = (0usize, ends.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if fits(&text[..ends[mid - 1]]) {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    if lo == 0 { 0 } else { ends[lo - 1] }
}

/// `text` shortened with a trailing ellipsis so it is at most `max_px` wide (unchanged if it fits).
pub fn truncate_to(text: &str, size_px: f64, weight: Weight, max_px: f64) -> String {
    if width_px(text, size_px, weight) <= max_px {
        return text.to_string();
    }
    let end = longest_fitting(text, |start| {
        width_px(&format!("{start}…"), size_px, weight) <= max_px
    });
    format!("{}…", text[..end].trim_end())
}

/// A stretch of text between two places a line may break, and whether a space comes before it.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Piece<'a> {
    text: &'a str,
    spaced: bool,
}

/// Whether a line may break inside a word between `before` and `after`: only beside a Chinese
/// or Japanese character (line-break classes ID and CJ), where Unicode's rules allow a break.
fn ideographic(c: char) -> bool {
    use unicode_linebreak::{BreakClass, break_property};
    matches!(
        break_property(c as u32),
        BreakClass::Ideographic | BreakClass::ConditionalJapaneseStarter
    )
}

/// `text` as pieces: its words, with words of Chinese or Japanese text cut where a line may
/// break (between characters, not before a closing mark such as `。` or after an opening one).
fn pieces(text: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    for word in text.split_whitespace() {
        let mut start = 0;
        if word.chars().any(ideographic) {
            for (at, _) in unicode_linebreak::linebreaks(word) {
                if at == 0 || at >= word.len() {
                    continue;
                }
                let before = word[..at].chars().next_back();
                let after = word[at..].chars().next();
                if before.is_some_and(ideographic) || after.is_some_and(ideographic) {
                    out.push(Piece {
                        text: &word[start..at],
                        spaced: start == 0,
                    });
                    start = at;
                }
            }
        }
        out.push(Piece {
            text: &word[start..],
            spaced: start == 0,
        });
    }
    out
}

/// A line so far with one more piece.
fn with_piece(current: &str, piece: Piece) -> String {
    if current.is_empty() {
        piece.text.to_string()
    } else if piece.spaced {
        format!("{current} {}", piece.text)
    } else {
        format!("{current}{}", piece.text)
    }
}

/// `text` broken into lines at spaces (and between Chinese and Japanese characters), each at
/// most `max_px` wide (a word longer than a line is truncated), at most `max_lines` lines (the
/// last one ends with an ellipsis when text remains).
pub fn wrap(
    text: &str,
    size_px: f64,
    weight: Weight,
    max_px: f64,
    max_lines: usize,
) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    let pieces = pieces(text);
    let mut i = 0;
    while i < pieces.len() {
        let candidate = with_piece(&current, pieces[i]);
        if width_px(&candidate, size_px, weight) <= max_px {
            current = candidate;
            i += 1;
            continue;
        }
        if current.is_empty() {
            current = truncate_to(pieces[i].text, size_px, weight, max_px);
            i += 1;
        }
        lines.push(std::mem::take(&mut current));
        if lines.len() == max_lines {
            break;
        }
    }
    if lines.len() < max_lines && !current.is_empty() {
        lines.push(current);
    } else if i < pieces.len()
        && let Some(last) = lines.last_mut()
    {
        let gap = if pieces[i].spaced { " " } else { "" };
        *last = truncate_to(&format!("{last}{gap}…"), size_px, weight, max_px);
        if !last.ends_with('…') {
            last.push('…');
        }
    }
    lines
}

/// [`wrap`], with lines of even length: when the text needs two or more lines and all of it
/// fits, the narrowest width that still gives as many lines is used, so a title does not end
/// on one short word (`Across the Pacific, March` / `2024`).
pub fn wrap_balanced(
    text: &str,
    size_px: f64,
    weight: Weight,
    max_px: f64,
    max_lines: usize,
) -> Vec<String> {
    let lines = wrap(text, size_px, weight, max_px, max_lines);
    let letters = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let whole = |l: &[String]| letters(&l.concat()) == letters(text);
    if lines.len() < 2 || !whole(&lines) {
        return lines;
    }
    let n = lines.len();
    let (mut lo, mut hi) = (max_px / n as f64, max_px);
    for _ in 0..16 {
        let mid = (lo + hi) / 2.0;
        let l = wrap(text, size_px, weight, mid, max_lines);
        if l.len() == n && whole(&l) {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    wrap(text, size_px, weight, hi, max_lines)
}

/// A list (`head` then `entries` joined by `sep`, then `tail`) broken into lines at most
/// `max_px` wide, breaking between entries where it can, so that a name in the list stays on
/// one line; an entry longer than a line is broken inside as [`wrap_all`] does. At most
/// `max_lines` lines (at least 1): a longer list keeps its first `max_lines - 1` lines and ends
/// with `and N more` and `tail`, N the entries not wholly in them (the work stops there, so a
/// list of 100,000 names costs what one screenful does).
pub fn wrap_list(
    head: &str,
    entries: &[String],
    (sep, tail): (&str, &str),
    (size_px, weight): (f64, Weight),
    max_px: f64,
    max_lines: usize,
) -> Vec<String> {
    let max_lines = max_lines.max(1);
    let mut lines: Vec<String> = Vec::new();
    // For each line, how many entries lie wholly in it and the lines before it.
    let mut whole: Vec<usize> = Vec::new();
    let mut current = head.to_string();
    for (k, entry) in entries.iter().enumerate() {
        let end = if k + 1 == entries.len() {
            tail
        } else {
            sep.trim_end()
        };
        let joined = if current.is_empty() {
            format!("{entry}{end}")
        } else {
            format!("{current} {entry}{end}")
        };
        if width_px(&joined, size_px, weight) <= max_px {
            current = joined;
            continue;
        }
        if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
            whole.push(k);
        }
        let mut parts = wrap_all(&format!("{entry}{end}"), size_px, weight, max_px);
        current = parts.pop().unwrap_or_default();
        whole.extend(parts.iter().map(|_| k));
        lines.extend(parts);
        if lines.len() >= max_lines {
            break;
        }
    }
    if lines.len() < max_lines {
        if !current.is_empty() {
            lines.push(current);
        }
        return lines;
    }
    // Too long: the first lines, then how many entries are left out.
    lines.truncate(max_lines - 1);
    let shown = lines.len().checked_sub(1).map_or(0, |last| whole[last]);
    let more = format!(
        "and {} more{tail}",
        crate::format::format_count((entries.len() - shown) as u64)
    );
    if lines.is_empty() && !head.is_empty() {
        lines.push(format!("{head} {more}"));
    } else {
        lines.push(more);
    }
    lines
}

/// `text` broken into lines at spaces (and between Chinese and Japanese characters), each at
/// most `max_px` wide, losing nothing: a word longer than a line (a URL) is broken inside,
/// between grapheme clusters, after a `/`, `-`, `.` or `_` where one falls in the line's second
/// half, else after the last cluster that fits. For credit lines.
pub fn wrap_all(text: &str, size_px: f64, weight: Weight, max_px: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for piece in pieces(text) {
        let candidate = with_piece(&current, piece);
        if width_px(&candidate, size_px, weight) <= max_px {
            current = candidate;
            continue;
        }
        if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
        }
        let mut rest = piece.text;
        while width_px(rest, size_px, weight) > max_px {
            let fit = longest_fitting(rest, |s| width_px(s, size_px, weight) <= max_px);
            let fit = if fit == 0 {
                rest.graphemes(true).next().map_or(rest.len(), str::len)
            } else {
                fit
            };
            let clusters: Vec<(usize, &str)> = rest[..fit].grapheme_indices(true).collect();
            let soft = clusters[clusters.len() / 2..]
                .iter()
                .rev()
                .find(|(_, g)| matches!(*g, "/" | "-" | "." | "_" | "?" | "&"))
                .map(|(i, g)| i + g.len());
            let cut = soft.unwrap_or(fit);
            lines.push(rest[..cut].to_string());
            rest = &rest[cut..];
        }
        current = rest.to_string();
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}
