//! Text widths from the bundled fonts, so label placement is deterministic, the same on every
//! machine, and true to what `map.png` draws.
//!
//! In: a string and a font size in pixels. Out: its advance width in pixels, and lines that fit
//! a width. Each stretch of text is shaped with the bundled face that draws it
//! ([`crate::fonts`]: DejaVu Sans for Latin, Greek and Cyrillic, Noto Sans for Hebrew, Arabic,
//! Devanagari, Thai, CJK and the gazetteer's other scripts), with kerning, Arabic joining and
//! Indic conjuncts, exactly as resvg shapes it for the PNG and as the SVG's embedded glyphs
//! draw it in a browser. DejaVu Sans is the widest common sans in the SVG's font stack
//! (Helvetica, Arial, Segoe UI and Roboto are narrower), so a box measured here is never too
//! small for the Latin font a reader's browser picks. A character no bundled font has counts
//! 1 em (1.3 em for an emoji or symbol), and [`missing_glyphs`](crate::scene::text_metrics::missing_glyphs) names it.
//!
//! Lines break at spaces, and inside Chinese and Japanese text (which has none) between
//! characters where Unicode's line-breaking rules allow; never inside a grapheme cluster (a
//! letter with its marks, a Devanagari conjunct).

pub use crate::fonts::Weight;
use crate::fonts::{self, width_em};
use crate::model::Route;
use unicode_segmentation::UnicodeSegmentation;

/// Width in pixels of `text` set in `size_px` pixel type of `weight`.
pub fn width_px(text: &str, size_px: f64, weight: Weight) -> f64 {
    width_em(text, weight) * size_px
}

/// Distance from the baseline to the top of a text box, pixels (DejaVu Sans ascent, 0.928 em).
pub fn ascent_px(size_px: f64) -> f64 {
    0.93 * size_px
}

/// Distance from the baseline to the bottom of a text box, pixels (DejaVu Sans descent, 0.236 em).
pub fn descent_px(size_px: f64) -> f64 {
    0.24 * size_px
}

/// How far a line of `text` reaches above and below its baseline, pixels: [`ascent_px`] and
/// [`descent_px`], or more where its glyphs reach further (an Arabic hamza below, a Devanagari
/// vowel sign below, a Thai tone mark above).
pub fn line_extents_px(text: &str, size_px: f64, weight: Weight) -> (f64, f64) {
    let (above, below) = fonts::ink_em(text, weight);
    // Glyphs past the Latin extents get a pixel more: a browser rounds their box out to the
    // pixel grid.
    let reach = |ink: f64, latin: f64| {
        if ink * size_px > latin {
            ink * size_px + 1.0
        } else {
            latin
        }
    };
    (
        reach(above, ascent_px(size_px)),
        reach(below, descent_px(size_px)),
    )
}

/// The characters of `text` that no bundled font draws (each once, in order): `map.png` leaves
/// a gap for each, and a browser draws them only if its machine has a font for them.
pub fn missing_glyphs(text: &str) -> Vec<char> {
    fonts::missing(text, Weight::Regular)
}

/// One warning per text of the map (title, subtitle, source line, each stop's name, and its
/// note when `annotate` draws notes) that holds characters no bundled font draws, naming the
/// stop and the characters: `stop 3 "Luxor 𓀀": no bundled font has 𓀀 (U+13000); map.png
/// leaves a gap, map.svg relies on the reader's fonts`.
pub fn missing_glyph_warnings(route: &Route, annotate: bool) -> Vec<String> {
    let mut texts: Vec<(String, &str)> = Vec::new();
    let meta = &route.meta;
    for (what, text) in [
        ("title", &meta.title),
        ("subtitle", &meta.subtitle),
        ("source", &meta.source),
    ] {
        if let Some(t) = text {
            texts.push((what.to_string(), t));
        }
    }
    for (i, s) in route.stops.iter().enumerate() {
        let stop = format!("stop {} \"{}\"", i + 1, s.stop.name);
        texts.push((stop.clone(), &s.stop.name));
        if let (true, Some(note)) = (annotate, &s.stop.note) {
            texts.push((format!("{stop}, note"), note));
        }
    }
    texts
        .into_iter()
        .filter_map(|(what, text)| {
            let missing = missing_glyphs(text);
            if missing.is_empty() {
                return None;
            }
            let list: Vec<String> = missing
                .iter()
                .map(|c| format!("{c} (U+{:04X})", *c as u32))
                .collect();
            Some(format!(
                "{what}: no bundled font has {}; map.png leaves a gap, map.svg relies on the \
                 reader's fonts",
                list.join(", ")
            ))
        })
        .collect()
}

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
/// one line; an entry longer than a line is broken inside as [`wrap_all`] does.
pub fn wrap_list(
    head: &str,
    entries: &[String],
    (sep, tail): (&str, &str),
    (size_px, weight): (f64, Weight),
    max_px: f64,
) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
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
        }
        let mut parts = wrap_all(&format!("{entry}{end}"), size_px, weight, max_px);
        current = parts.pop().unwrap_or_default();
        lines.extend(parts);
    }
    if !current.is_empty() {
        lines.push(current);
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

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn widths_come_from_the_bundled_fonts() {
        // DejaVu Sans: "0" is 1303/2048 em.
        assert!((width_px("00", 10.0, Weight::Regular) - 12.724609375).abs() < 1e-9);
        assert!(width_px("Amman", 12.0, Weight::Bold) > width_px("Amman", 12.0, Weight::Regular));
        assert_eq!(width_px("\u{202E}", 12.0, Weight::Regular), 0.0);
        // Full-width CJK: one em a character.
        assert!((width_px("東京", 10.0, Weight::Regular) - 20.0).abs() < 1e-9);
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
    fn never_splits_a_cluster_and_breaks_cjk_between_characters() {
        // A Devanagari conjunct with its vowel signs is one cluster: truncation keeps it whole.
        let t = truncate_to("दिल्ली दिल्ली दिल्ली", 12.0, Weight::Regular, 40.0);
        assert!(t.ends_with('…'), "{t}");
        let kept = t.trim_end_matches('…');
        assert!(
            "दिल्ली दिल्ली".starts_with(kept) && kept.graphemes(true).count() >= 1,
            "{t}"
        );
        assert!(kept.graphemes(true).all(|g| "दिल्ली".contains(g)), "{t}");
        // Japanese without spaces wraps between characters, never before 。 and loses nothing.
        let text = "東京から大阪まで新幹線で移動しました。京都にも寄りました。";
        let lines = wrap(text, 12.0, Weight::Regular, 100.0, 5);
        assert!(lines.len() > 2, "{lines:?}");
        assert_eq!(lines.concat(), text);
        for l in &lines {
            assert!(
                width_px(l, 12.0, Weight::Regular) <= 100.0 && !l.starts_with('。'),
                "{l}"
            );
        }
        let all = wrap_all(text, 12.0, Weight::Regular, 100.0);
        assert_eq!(all.concat(), text);
        // A long Thai word (no spaces, no dictionary) is cut between clusters only.
        let thai = "กรุงเทพมหานครอมรรัตนโกสินทร์มหินทรายุทธยา";
        for l in wrap_all(thai, 12.0, Weight::Regular, 60.0) {
            assert!(width_px(&l, 12.0, Weight::Regular) <= 60.0, "{l}");
            assert!(!l.starts_with(|c: char| "ิีุู่้๊๋็์ั".contains(c)), "{l}");
        }
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

    #[test]
    fn lines_reach_past_latin_extents_only_where_their_glyphs_do() {
        let latin = line_extents_px("Washington, D.C.", 12.0, Weight::Bold);
        assert_eq!(latin, (ascent_px(12.0), descent_px(12.0)));
        let (_, below) = line_extents_px("الإسكندرية", 12.0, Weight::Bold);
        assert!(below > descent_px(12.0) + 1.0, "{below}");
    }

    #[test]
    fn missing_glyphs_are_named_per_stop() {
        assert!(missing_glyphs("東京 القاهرة Москва").is_empty());
        assert_eq!(missing_glyphs("Luxor 𓀀"), ['𓀀']);
        let json = r#"{"title": "Egypt 𓂀", "stops": [
            {"name": "Cairo", "lat": 30.04, "lon": 31.24},
            {"name": "Luxor 𓀀", "lat": 25.69, "lon": 32.64, "note": "𓁐 temple"}]}"#;
        let it = crate::io::read(json.as_bytes(), crate::io::Format::Json).unwrap();
        let route = crate::routing::plan(&it, crate::routing::Order::AsGiven).unwrap();
        let w = missing_glyph_warnings(&route, false);
        assert_eq!(
            w,
            [
                "title: no bundled font has 𓂀 (U+13080); map.png leaves a gap, map.svg relies \
                 on the reader's fonts",
                "stop 2 \"Luxor 𓀀\": no bundled font has 𓀀 (U+13000); map.png leaves a gap, \
                 map.svg relies on the reader's fonts"
            ]
        );
        assert_eq!(missing_glyph_warnings(&route, true).len(), 3);
    }

    #[test]
    fn a_list_breaks_between_its_entries() {
        let entries = vec![
            "2 中環 (08:15–09:00)".to_string(),
            "4 大三巴牌坊 (10:45–13:00)".to_string(),
        ];
        let lines = wrap_list(
            "Not labelled on the map:",
            &entries,
            (" · ", "."),
            (11.0, Weight::Regular),
            290.0,
        );
        assert_eq!(
            lines,
            [
                "Not labelled on the map: 2 中環 (08:15–09:00) ·",
                "4 大三巴牌坊 (10:45–13:00)."
            ]
        );
        let one = wrap_list(
            "Key:",
            &entries[..1],
            (" · ", "."),
            (11.0, Weight::Regular),
            600.0,
        );
        assert_eq!(one, ["Key: 2 中環 (08:15–09:00)."]);
    }
}
