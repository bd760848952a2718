//! One line of text as the SVG writes it, for a browser or for resvg. In: the text, its
//! weight, size, anchor point. Out: `<text>` markup.
//!
//! For a browser, a text is one `<text>`; a text holding right-to-left letters (Hebrew, Arabic,
//! Thaana) is wrapped in a first-strong isolate (U+2068 … U+2069), so it takes its direction from
//! its first letter (`ירושלים.` ends at the left) while `text-anchor` keeps meaning the left
//! end, as the scene measured it. Chromium and resvg both honour isolates.
//!
//! For resvg (`map.png`), a text of more than the default face is cut into one `<text>` per
//! stretch of one face, in visual order (the Unicode bidirectional algorithm, paragraph
//! direction from the first strong letter), each placed at the x its measured width gives and
//! naming its face, because resvg's own fallback gives up (or panics, for a tspan) when two
//! faces shape a line into different numbers of glyphs.

use super::xml::{escape_into, num_into};
use crate::fonts::{self, FaceId, Weight};
use crate::scene::{Anchor, Tag};
use unicode_bidi::{BidiClass, BidiInfo, bidi_class};

/// First strong isolate and pop directional isolate.
const FSI: char = '\u{2068}';
const PDI: char = '\u{2069}';

/// Whether `text` holds a right-to-left letter.
pub(super) fn has_rtl(text: &str) -> bool {
    text.chars()
        .any(|c| matches!(bidi_class(c), BidiClass::R | BidiClass::AL))
}

/// Where and how a text is drawn: the map's prefix, the text's class, its anchor point.
#[derive(Debug, Clone, Copy)]
pub(super) struct Placed<'a> {
    /// Prefix of classes.
    pub p: &'a str,
    /// Unprefixed class (`label-name`).
    pub class: &'a str,
    /// Anchor point on the baseline.
    pub at: (f64, f64),
    /// Which end the anchor point is.
    pub anchor: Anchor,
    /// What the text stands for in the trip (`data-stop`, `data-leg`), if anything.
    pub tag: Option<&'a Tag>,
    /// Written without its class, and without `text-anchor` when centred: its group's rules
    /// select and centre it ([`super::BARE`]).
    pub bare: bool,
}

/// Opens a `<text>` element: class, position, anchor, optional font family.
fn open(out: &mut String, t: &Placed, x: f64, anchor: Anchor, family: Option<&str>) {
    let y = t.at.1;
    out.push_str("<text");
    if !t.bare {
        out.push_str(" class=\"");
        out.push_str(t.p);
        out.push('-');
        out.push_str(t.class);
        out.push('"');
    }
    if let Some(tag) = t.tag {
        super::data_attr(out, tag);
    }
    out.push_str(" x=\"");
    num_into(out, x);
    out.push_str("\" y=\"");
    num_into(out, y);
    out.push('"');
    match anchor {
        Anchor::Start => {}
        // A bare marker number is centred by its group's rules ([`super::BARE_CENTRED`]).
        Anchor::Middle if t.bare && t.class == super::BARE_CENTRED => {}
        Anchor::Middle => out.push_str(" text-anchor=\"middle\""),
        Anchor::End => out.push_str(" text-anchor=\"end\""),
    }
    if let Some(f) = family {
        out.push_str(" font-family=\"");
        escape_into(out, f);
        out.push('"');
    }
    out.push('>');
}

/// A text for a browser: one `<text>`, isolated when it holds right-to-left letters.
pub(super) fn browser(out: &mut String, t: &Placed, text: &str) {
    open(out, t, t.at.0, t.anchor, None);
    if has_rtl(text) {
        out.push(FSI);
        escape_into(out, text);
        out.push(PDI);
    } else {
        escape_into(out, text);
    }
    out.push_str("</text>\n");
}

/// A stretch of one face and one direction, in visual order.
struct Piece<'a> {
    text: &'a str,
    face: Option<FaceId>,
    rtl: bool,
}

/// `text` cut into stretches of one face and one embedding level, left to right as drawn.
fn visual_pieces(text: &str, weight: Weight) -> Vec<Piece<'_>> {
    let runs = fonts::runs(text, weight);
    let bidi = BidiInfo::new(text, None);
    let mut out = Vec::new();
    for para in &bidi.paragraphs {
        let (levels, level_runs) = bidi.visual_runs(para, para.range.clone());
        for range in level_runs {
            let rtl = levels[range.start].is_rtl();
            let mut pieces: Vec<Piece> = runs
                .iter()
                .filter_map(|r| {
                    let start = r.range.start.max(range.start);
                    let end = r.range.end.min(range.end);
                    (start < end).then(|| Piece {
                        text: &text[start..end],
                        face: r.face,
                        rtl,
                    })
                })
                .collect();
            if rtl {
                pieces.reverse();
            }
            out.extend(pieces);
        }
    }
    out
}

/// A text for resvg: as for a browser when the default face draws all of it, else one
/// `<text>` per piece, left to right from where the anchor puts the whole line.
pub(super) fn resvg(out: &mut String, t: &Placed, text: &str) {
    let Some((size, weight)) = super::style::text_style(t.class) else {
        return browser(out, t, text);
    };
    let runs = fonts::runs(text, weight);
    if runs.iter().all(|r| r.face.is_none_or(FaceId::is_default)) && !has_rtl(text) {
        return browser(out, t, text);
    }
    let em = |s: &str| fonts::width_em(s, weight);
    let pieces = visual_pieces(text, weight);
    let total: f64 = pieces.iter().map(|p| em(p.text)).sum();
    let mut x = match t.anchor {
        Anchor::Start => t.at.0,
        Anchor::Middle => t.at.0 - total * size / 2.0,
        Anchor::End => t.at.0 - total * size,
    };
    for piece in pieces {
        let width = em(piece.text) * size;
        let trimmed = piece.text.trim();
        if !trimmed.is_empty() {
            // Spaces before the letters in reading order sit at the right of a right-to-left
            // piece; they are kept as an offset, not as text, so resvg cannot move them.
            let lead = if piece.rtl {
                &piece.text[piece.text.trim_end().len()..]
            } else {
                &piece.text[..piece.text.len() - piece.text.trim_start().len()]
            };
            let family = piece
                .face
                .filter(|f| !f.is_default())
                .map(|f| f.face().family);
            open(out, t, x + em(lead) * size, Anchor::Start, family);
            escape_into(out, trimmed);
            out.push_str("</text>\n");
        }
        x += width;
    }
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn right_to_left_text_is_isolated_for_browsers() {
        let mut t = Placed {
            p: "p",
            class: "label-name",
            at: (10.0, 20.0),
            anchor: Anchor::End,
            tag: None,
            bare: false,
        };
        let mut s = String::new();
        browser(&mut s, &t, "ירושלים");
        assert_eq!(
            s,
            "<text class=\"p-label-name\" x=\"10\" y=\"20\" text-anchor=\"end\">\u{2068}ירושלים\u{2069}</text>\n"
        );
        t.anchor = Anchor::Start;
        let mut s = String::new();
        browser(&mut s, &t, "Amman");
        assert!(!s.contains('\u{2068}'));
        // For resvg, one text per face, placed left to right from the anchor; Latin alone stays
        // one text as for a browser.
        let mut s = String::new();
        resvg(&mut s, &t, "東京 → 大阪");
        assert_eq!(s.matches("<text").count(), 3, "{s}");
        assert!(s.starts_with("<text class=\"p-label-name\" x=\"10\" y=\"20\" font-family=\"Noto Sans CJK JP\">東京</text>"), "{s}");
        let mut r = String::new();
        resvg(&mut r, &t, "Amman");
        assert_eq!(r, s_latin());
    }

    fn s_latin() -> String {
        "<text class=\"p-label-name\" x=\"10\" y=\"20\">Amman</text>\n".to_string()
    }

    #[test]
    fn pieces_run_left_to_right_as_drawn() {
        let texts = |t: &str| -> Vec<(String, bool)> {
            visual_pieces(t, Weight::Regular)
                .iter()
                .map(|p| (p.text.to_string(), p.rtl))
                .collect()
        };
        // An Arabic line: its first letter is at the right, so the Latin word after it in
        // reading order comes first from the left... and the arrow between them in the middle.
        let v = texts("القاهرة → Cairo");
        let order: Vec<&str> = v.iter().map(|(t, _)| t.trim()).collect();
        assert_eq!(order, ["Cairo", "→", "القاهرة"], "{v:?}");
        let v = texts("東京 → 大阪");
        let order: Vec<&str> = v.iter().map(|(t, _)| t.trim()).collect();
        assert_eq!(order, ["東京", "→", "大阪"]);
    }
}
