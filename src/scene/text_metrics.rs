//! Text widths without a font engine: a width table for DejaVu Sans, so label placement is
//! deterministic and the same on every machine.
//!
//! In: a string and a font size in pixels. Out: its advance width in pixels. The table covers
//! U+0020..U+024F (Latin, Latin-1, Latin Extended A/B) and comes from the DejaVu Sans TTF files
//! (`scripts/text-widths.py`). DejaVu Sans is the widest common sans in the SVG's font stack
//! (Helvetica, Arial, Segoe UI and Roboto are narrower), so a box measured here is never too
//! small for the font a reader's browser picks. Characters outside the table are given
//! conservative widths: 1 em for CJK and other wide scripts, 1.3 em for emoji and symbols,
//! 0.75 em for everything else; zero-width marks and joiners count 0.

include!("text_widths.in");

/// Font weight of a run of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    /// Book (400).
    Regular,
    /// Bold (700); also used for semi-bold, which is never wider.
    Bold,
}

/// Advance width of `c` in 1/1000 em.
fn char_milli_em(c: char, weight: Weight) -> u32 {
    let u = c as u32;
    if (0x20..0x250).contains(&u) {
        let table = match weight {
            Weight::Regular => &REGULAR,
            Weight::Bold => &BOLD,
        };
        return u32::from(table[(u - 0x20) as usize]);
    }
    match u {
        // Combining marks, zero-width space/joiners, bidi marks, variation selectors.
        0x0300..=0x036F | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x206F | 0xFE00..=0xFE0F => {
            0
        }
        // Emoji, pictographs, dingbats, symbols.
        0x2600..=0x27BF | 0x1F000..=0x1FAFF => 1300,
        // CJK, Hangul, full-width forms.
        0x1100..=0x11FF | 0x2E80..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF => {
            1000
        }
        0x20000.. => 1000,
        _ => 750,
    }
}

/// Width in pixels of `text` set in `size_px` pixel type of `weight`.
pub fn width_px(text: &str, size_px: f64, weight: Weight) -> f64 {
    let milli: u32 = text.chars().map(|c| char_milli_em(c, weight)).sum();
    f64::from(milli) * size_px / 1000.0
}

/// Distance from the baseline to the top of a text box, pixels (DejaVu Sans ascent, 0.928 em).
pub fn ascent_px(size_px: f64) -> f64 {
    0.93 * size_px
}

/// Distance from the baseline to the bottom of a text box, pixels (DejaVu Sans descent, 0.236 em).
pub fn descent_px(size_px: f64) -> f64 {
    0.24 * size_px
}

/// `text` shortened with a trailing ellipsis so it is at most `max_px` wide (unchanged if it fits).
pub fn truncate_to(text: &str, size_px: f64, weight: Weight, max_px: f64) -> String {
    if width_px(text, size_px, weight) <= max_px {
        return text.to_string();
    }
    let ell = width_px("…", size_px, weight);
    let mut out = String::new();
    let mut w = 0.0;
    for c in text.chars() {
        let cw = f64::from(char_milli_em(c, weight)) * size_px / 1000.0;
        if w + cw + ell > max_px {
            break;
        }
        w += cw;
        out.push(c);
    }
    let trimmed = out.trim_end().to_string();
    trimmed + "…"
}

/// `text` broken into lines at spaces, each at most `max_px` wide (a word longer than a line is
/// truncated), at most `max_lines` lines (the last one ends with an ellipsis when text remains).
pub fn wrap(
    text: &str,
    size_px: f64,
    weight: Weight,
    max_px: f64,
    max_lines: usize,
) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut i = 0;
    while i < words.len() {
        let word = words[i];
        let candidate = with_word(&current, word);
        if width_px(&candidate, size_px, weight) <= max_px {
            current = candidate;
            i += 1;
            continue;
        }
        if current.is_empty() {
            current = truncate_to(word, size_px, weight, max_px);
            i += 1;
        }
        lines.push(std::mem::take(&mut current));
        if lines.len() == max_lines {
            break;
        }
    }
    if lines.len() < max_lines && !current.is_empty() {
        lines.push(current);
    } else if i < words.len()
        && let Some(last) = lines.last_mut()
    {
        *last = truncate_to(&format!("{last} …"), size_px, weight, max_px);
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
    let whole = |l: &[String]| l.join(" ").split_whitespace().eq(text.split_whitespace());
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

/// A line so far with one more word.
fn with_word(current: &str, word: &str) -> String {
    if current.is_empty() {
        word.to_string()
    } else {
        format!("{current} {word}")
    }
}

/// `text` broken into lines at spaces, each at most `max_px` wide, losing nothing: a word longer
/// than a line (a URL) is broken inside, after a `/`, `-`, `.` or `_` where one falls in the
/// line's second half, else after the last character that fits. For credit lines.
pub fn wrap_all(text: &str, size_px: f64, weight: Weight, max_px: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let candidate = with_word(&current, word);
        if width_px(&candidate, size_px, weight) <= max_px {
            current = candidate;
            continue;
        }
        if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
        }
        let mut rest: Vec<char> = word.chars().collect();
        while width_px(&rest.iter().collect::<String>(), size_px, weight) > max_px {
            let mut fit = 0;
            let mut w = 0.0;
            for &c in &rest {
                let cw = width_px(c.encode_utf8(&mut [0; 4]), size_px, weight);
                if w + cw > max_px && fit > 0 {
                    break;
                }
                w += cw;
                fit += 1;
            }
            let soft = (fit / 2..fit)
                .rev()
                .find(|&k| matches!(rest[k], '/' | '-' | '.' | '_' | '?' | '&'))
                .map(|k| k + 1);
            let cut = soft.unwrap_or(fit);
            lines.push(rest.drain(..cut).collect());
        }
        current = rest.into_iter().collect();
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn widths_come_from_the_table() {
        // DejaVu Sans: "0" is 636/1000 em, bold "0" 696/1000.
        assert!((width_px("00", 10.0, Weight::Regular) - 12.72).abs() < 1e-9);
        assert!(width_px("Amman", 12.0, Weight::Bold) > width_px("Amman", 12.0, Weight::Regular));
        assert_eq!(width_px("\u{202E}", 12.0, Weight::Regular), 0.0);
        assert_eq!(width_px("東京", 10.0, Weight::Regular), 20.0);
    }

    #[test]
    fn truncates_and_wraps_within_width() {
        let long = "x".repeat(5000);
        let t = truncate_to(&long, 12.0, Weight::Regular, 100.0);
        assert!(t.ends_with('…') && width_px(&t, 12.0, Weight::Regular) <= 100.0);
        let lines = wrap(
            "Talks with Prime Minister Netanyahu, President Herzog and war-cabinet minister Gantz",
            10.0,
            Weight::Regular,
            120.0,
            3,
        );
        assert!(lines.len() == 3, "{lines:?}");
        for l in &lines {
            assert!(width_px(l, 10.0, Weight::Regular) <= 120.0, "{l}");
        }
        assert!(lines[2].ends_with('…'));
        assert_eq!(wrap("short", 10.0, Weight::Regular, 120.0, 3), ["short"]);
    }

    #[test]
    fn wrapping_everything_loses_no_character_and_breaks_long_words() {
        let text = "Source: https://www.state.gov/secretary-blinkens-travel-to-israel-jordan-and-turkiye/ and news reports, 2-8 Nov 2023.";
        let lines = wrap_all(text, 11.0, Weight::Regular, 120.0);
        assert!(lines.len() > 3, "{lines:?}");
        for l in &lines {
            assert!(width_px(l, 11.0, Weight::Regular) <= 120.0, "{l}");
            assert!(!l.contains('…'), "{l}");
        }
        let strip = |s: &str| s.split_whitespace().collect::<String>();
        assert_eq!(strip(&lines.concat()), strip(text));
        assert!(lines.iter().any(|l| l.ends_with('/') || l.ends_with('-')));
        assert!(wrap_all("", 11.0, Weight::Regular, 120.0).is_empty());
    }

    #[test]
    fn balanced_wrapping_evens_the_lines_without_adding_one() {
        let title = "Across the Pacific, March 2024";
        let plain = wrap(title, 20.0, Weight::Bold, 288.0, 3);
        assert_eq!(plain.last().unwrap(), "2024");
        let even = wrap_balanced(title, 20.0, Weight::Bold, 288.0, 3);
        assert_eq!(even.len(), plain.len());
        assert_eq!(even.join(" "), title);
        let w = |l: &String| width_px(l, 20.0, Weight::Bold);
        assert!(
            w(&even[1]) > w(&plain[1]) && w(&even[0]) <= 288.0,
            "{even:?}"
        );
        assert_eq!(
            wrap_balanced("Short", 20.0, Weight::Bold, 288.0, 3),
            ["Short"]
        );
    }
}
