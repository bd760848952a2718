//! The stops a reader can use in `map.html`: over each layout, one focusable group per stop in
//! visiting order (Tab walks the trip), covering the stop's marker and label, whose tooltip —
//! name, dates and note, drawn in the map's colours and fonts — shows on hover or focus with
//! CSS alone; and under the layouts an ordered list of the stops, hidden from sight but read by
//! screen readers and shown by a browser without CSS.

use crate::model::Route;
use crate::render::svg::xml::{escape_into, num_into};
use crate::scene::text_metrics::{Weight, ascent_px, width_px, wrap_all};
use crate::scene::{self, Anchor, DateStyle, Item, Scene, Tag, Theme};
use std::fmt::Write as _;

/// What a reader learns about one stop.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Entry {
    /// 1-based visiting order.
    pub number: usize,
    /// The stop's name.
    pub name: String,
    /// Its stay (`5–6 Nov`), if dated.
    pub dates: Option<String>,
    /// Its note, if any.
    pub note: Option<String>,
}

/// One [`Entry`] per stop, in visiting order; dates written in `style` (none for
/// [`DateStyle::None`]).
pub(crate) fn entries(route: &Route, style: DateStyle) -> Vec<Entry> {
    route
        .stops
        .iter()
        .enumerate()
        .map(|(i, s)| Entry {
            number: i + 1,
            name: scene::clean_text(&s.stop.name),
            dates: scene::stay_text(s, style),
            note: s
                .stop
                .note
                .as_deref()
                .map(scene::clean_text)
                .filter(|n| !n.is_empty()),
        })
        .collect()
}

/// Sizes of the tooltip's texts, pixels.
const NAME_PX: f64 = 12.0;
const TEXT_PX: f64 = 11.0;
/// Line step of the tooltip, and its padding.
const LINE_PX: f64 = 14.0;
const PAD_PX: f64 = 7.0;
/// Widest tooltip text line, pixels.
const TIP_MAX_PX: f64 = 240.0;
/// Most note lines a tooltip shows (the list under the map has the whole note).
const TIP_MAX_LINES: usize = 8;

/// A box: left, top, right, bottom.
type Bounds = (f64, f64, f64, f64);

/// A marker found on the map: centre, radius, and whether it is numbered (not a small dot).
type Marker = ((f64, f64), f64, bool);

fn grow(b: &mut Option<Bounds>, x0: f64, y0: f64, x1: f64, y1: f64) {
    *b = Some(match *b {
        None => (x0, y0, x1, y1),
        Some((a, c, d, e)) => (a.min(x0), c.min(y0), d.max(x1), e.max(y1)),
    });
}

/// Where stop `number` is drawn on `scene`: its marker (centre, radius) — a numbered marker
/// rather than a small dot, the first found — and the box of its label, in page pixels.
fn find(scene: &Scene, number: usize) -> (Option<Marker>, Option<Bounds>) {
    let mut marker: Option<Marker> = None;
    let mut label: Option<Bounds> = None;
    fn walk(
        items: &[Item],
        off: (f64, f64),
        number: usize,
        mine: bool,
        class_of_group: &str,
        marker: &mut Option<Marker>,
        label: &mut Option<Bounds>,
    ) {
        for item in items {
            match item {
                Item::Tagged { tag, item } => {
                    let here = matches!(tag, Tag::Stops(s) if s.contains(&number));
                    walk(
                        std::slice::from_ref(item),
                        off,
                        number,
                        here,
                        class_of_group,
                        marker,
                        label,
                    );
                }
                Item::Group { class, items } => {
                    walk(items, off, number, mine, class, marker, label)
                }
                Item::Circle { c, r, class } if mine => {
                    let numbered = class_of_group == "marker" || *class == "marker-dot";
                    let better = match marker {
                        None => true,
                        Some((_, _, was_numbered)) => numbered && !*was_numbered,
                    };
                    if better {
                        *marker = Some(((c.0 + off.0, c.1 + off.1), *r, numbered));
                    }
                }
                Item::Text {
                    class,
                    at,
                    anchor,
                    text,
                } if mine && class_of_group == "label" => {
                    let (size, weight) = if *class == "label-name" {
                        (12.0, Weight::Bold)
                    } else {
                        (11.0, Weight::Regular)
                    };
                    let w = width_px(text, size, weight);
                    let x0 = match anchor {
                        Anchor::Start => at.0,
                        Anchor::Middle => at.0 - w / 2.0,
                        Anchor::End => at.0 - w,
                    } + off.0;
                    let y = at.1 + off.1;
                    grow(label, x0, y - ascent_px(size), x0 + w, y + size * 0.25);
                }
                _ => {}
            }
        }
    }
    for layer in &scene.layers {
        if matches!(layer.name, "stops" | "labels" | "insets") {
            walk(
                &layer.items,
                layer.offset,
                number,
                false,
                "",
                &mut marker,
                &mut label,
            );
        }
    }
    (marker, label)
}

/// The tooltips of one `map.html`: each drawn once, at the origin, for the page's hidden
/// `<defs>`, and placed in every layout by a `<use>` (a tooltip is the same in every layout
/// wide enough for its widest line, so five layouts cost one tooltip and five references).
#[derive(Debug, Default)]
pub(crate) struct Tips {
    /// Every tooltip drawn so far, each in a `<g id>`.
    defs: String,
    /// The id of each drawing, by its markup.
    ids: std::collections::HashMap<String, String>,
    /// How many drawings each stop has so far, by its number.
    drawings: std::collections::HashMap<usize, usize>,
}

impl Tips {
    /// The id of `body` (stop `number`'s tooltip, prefix `p`), drawn once.
    fn id_of(&mut self, p: &str, number: usize, body: String) -> String {
        if let Some(id) = self.ids.get(&body) {
            return id.clone();
        }
        let taken = self.drawings.entry(number).or_default();
        let id = match *taken {
            0 => format!("{p}-tip-{number}"),
            k => format!("{p}-tip-{number}-{k}"),
        };
        *taken += 1;
        let _ = writeln!(self.defs, "<g id=\"{id}\" class=\"{p}-tip\">{body}</g>");
        self.ids.insert(body, id.clone());
        id
    }

    /// The tooltips' drawings, for the page's `<defs>`.
    pub fn defs(&self) -> &str {
        &self.defs
    }
}

/// The texts the tooltips of `entries` may draw, with their classes (for the embedded fonts).
pub(crate) fn tip_texts(entries: &[Entry]) -> Vec<(&'static str, &str)> {
    let mut out = Vec::new();
    for e in entries {
        out.push(("tip-name", e.name.as_str()));
        out.extend(e.dates.as_deref().map(|d| ("tip-date", d)));
        out.extend(e.note.as_deref().map(|n| ("tip-note", n)));
    }
    out
}

/// The focusable stops over `scene` (ids prefixed `ids`, the page's prefix `p`, classes `c`): a
/// last layer of one group per stop, in visiting order, each with `tabindex="0"`, its
/// accessible name (number, name and dates; its description is its item in the list under the
/// map), a focus ring, an invisible area over its marker and label, and its tooltip (drawn once
/// in `tips`).
pub(crate) fn focusable(
    scene: &Scene,
    (ids, p, c): (&str, &str, &str),
    entries: &[Entry],
    tips: &mut Tips,
) -> String {
    let mut out = format!("<g id=\"{ids}-spots\" class=\"{c}-layer {c}-spots\">\n");
    for e in entries {
        let (marker, label) = find(scene, e.number);
        // No class: the layer's rules select its groups (`.{c}-spots>g`), and one spot is one
        // line; five layouts of a hundred stops repeat this markup five hundred times.
        out.push_str("<g tabindex=\"0\" aria-label=\"");
        escape_into(&mut out, &spoken(e));
        out.push('"');
        if e.note.is_some() {
            let _ = write!(out, " aria-describedby=\"{}\"", list_id(p, e.number));
        }
        out.push('>');
        let (centre, radius) = match marker {
            Some((c, r, _)) => (c, r),
            None => ((scene.width / 2.0, scene.height / 2.0), 0.0),
        };
        if marker.is_some() {
            // The focus ring, in whole pixels (a ring, not a shape that must meet another).
            let r = (radius + 3.0).max(8.0).round();
            out.push_str("<circle");
            attrs(
                &mut out,
                &[("cx", centre.0.round()), ("cy", centre.1.round()), ("r", r)],
            );
            out.push_str("/>");
        }
        if let Some((x0, y0, x1, y1)) = label {
            // Never seen: in whole pixels, grown to cover the label; a path, a third shorter
            // than a `<rect>` (`M866 676h77v28h-77z`).
            let (x0, y0, x1, y1) = (x0.floor(), y0.floor(), x1.ceil(), y1.ceil());
            out.push_str("<path d=\"M");
            num_into(&mut out, x0);
            out.push(' ');
            num_into(&mut out, y0);
            out.push('h');
            num_into(&mut out, x1 - x0);
            out.push('v');
            num_into(&mut out, y1 - y0);
            out.push('h');
            num_into(&mut out, x0 - x1);
            out.push_str("z\"/>");
        }
        let (body, (w, h)) = tooltip(p, scene.width, e);
        let id = tips.id_of(p, e.number, body);
        let (x, y) = tip_corner(scene, (w, h), centre, radius);
        let _ = write!(out, "<use href=\"#{id}\"");
        attrs(&mut out, &[("x", x.round()), ("y", y.round())]);
        out.push_str("/></g>\n");
    }
    out.push_str("</g>\n");
    out
}

/// The id of stop `number`'s item in the list under the map.
fn list_id(p: &str, number: usize) -> String {
    format!("{p}-stop-{number}")
}

/// What a screen reader says for a stop: `Stop 3: Amman, 4 Nov.` (its note is its
/// description, read from the list).
fn spoken(e: &Entry) -> String {
    let mut s = format!("Stop {}: {}", e.number, e.name);
    if let Some(d) = &e.dates {
        s.push_str(", ");
        s.push_str(d);
    }
    s.push('.');
    s
}

/// The tooltip of `e` (classes prefixed `p`) on a page `page_width` wide, drawn with its top
/// left corner at the origin, and its size.
fn tooltip(p: &str, page_width: f64, e: &Entry) -> (String, (f64, f64)) {
    let max = TIP_MAX_PX.min(page_width - 2.0 * PAD_PX - 8.0);
    let mut lines: Vec<(&str, String)> = Vec::new();
    let name = format!("{} {}", e.number, e.name);
    for l in wrap_all(&name, NAME_PX, Weight::Bold, max) {
        lines.push(("tip-name", l));
    }
    if let Some(d) = &e.dates {
        lines.push(("tip-date", d.clone()));
    }
    if let Some(n) = &e.note {
        let mut wrapped = wrap_all(n, TEXT_PX, Weight::Regular, max);
        if wrapped.len() > TIP_MAX_LINES {
            wrapped.truncate(TIP_MAX_LINES);
            if let Some(last) = wrapped.last_mut() {
                *last = crate::scene::text_metrics::truncate_to(
                    &format!("{last} …"),
                    TEXT_PX,
                    Weight::Regular,
                    max,
                );
            }
        }
        for l in wrapped {
            lines.push(("tip-note", l));
        }
    }
    let text_w = lines
        .iter()
        .map(|(c, l)| {
            if *c == "tip-name" {
                width_px(l, NAME_PX, Weight::Bold)
            } else {
                width_px(l, TEXT_PX, Weight::Regular)
            }
        })
        .fold(0.0, f64::max);
    let w = text_w + 2.0 * PAD_PX;
    let h = lines.len() as f64 * LINE_PX + 2.0 * PAD_PX - 2.0;
    // The box, the name's first line and the dates carry no class: the tooltip's group's rules
    // select them (a hundred stops' tooltips would repeat the classes hundreds of times). A
    // bare text is in the dates' style, but the first, which is the name's.
    let mut out = String::from("<rect");
    attrs(&mut out, &[("width", w), ("height", h), ("rx", 3.0)]);
    out.push_str("/>");
    for (i, (class, line)) in lines.iter().enumerate() {
        out.push_str("<text");
        if i > 0 && *class != "tip-date" {
            out.push_str(&format!(" class=\"{p}-{class}\""));
        }
        let base = PAD_PX + ascent_px(NAME_PX) + i as f64 * LINE_PX - 1.0;
        attrs(&mut out, &[("x", PAD_PX), ("y", base)]);
        out.push('>');
        escape_into(&mut out, line);
        out.push_str("</text>");
    }
    (out, (w, h))
}

/// Where a tooltip of `size` goes beside a marker at `centre` (radius `radius`): its top left
/// corner, to the right of the marker where it fits, else to the left, kept inside the page.
fn tip_corner(scene: &Scene, size: (f64, f64), centre: (f64, f64), radius: f64) -> (f64, f64) {
    let (w, h) = size;
    let gap = radius + 6.0;
    let right = centre.0 + gap;
    let x = if right + w <= scene.width - 2.0 {
        right
    } else {
        (centre.0 - gap - w).max(2.0)
    };
    let y = (centre.1 - h / 2.0).clamp(2.0, (scene.height - h - 2.0).max(2.0));
    (x, y)
}

fn attrs(out: &mut String, list: &[(&str, f64)]) {
    for (name, v) in list {
        out.push(' ');
        out.push_str(name);
        out.push_str("=\"");
        num_into(out, *v);
        out.push('"');
    }
}

/// The ordered list of the stops, out of sight but read by screen readers (and shown without
/// CSS): name, dates, note. Ids prefixed `p`, classes `c`.
pub(crate) fn list((p, c): (&str, &str), title: &str, entries: &[Entry]) -> String {
    let mut out = format!("<ol class=\"{c}-list\" aria-label=\"");
    escape_into(&mut out, &format!("Stops of {title}, in visiting order"));
    out.push_str("\">\n");
    for e in entries {
        let _ = write!(out, "<li id=\"{}\">", list_id(p, e.number));
        escape_into(&mut out, &e.name);
        if let Some(d) = &e.dates {
            out.push_str(" (");
            escape_into(&mut out, d);
            out.push(')');
        }
        if let Some(n) = &e.note {
            out.push_str(": ");
            escape_into(&mut out, n);
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ol>\n");
    out
}

/// The rules of the focusable stops, tooltips and list, in `t`'s colours.
pub(crate) fn css(p: &str, t: &Theme) -> String {
    format!(
        ".{p}-spots>g{{outline:none;cursor:default}}\n\
         .{p}-spots>g>path,.{p}-spots>g>circle{{fill:transparent;stroke:none}}\n\
         .{p}-spots>g:focus>circle,.{p}-spots>g:hover>circle{{stroke:{text};stroke-width:2.5}}\n\
         .{p}-spots>g>use{{display:none;pointer-events:none}}\n\
         .{p}-spots>g:focus>use,.{p}-spots>g:hover>use{{display:inline}}\n\
         .{p}-tip>rect{{fill:{halo};fill-opacity:0.97;stroke:{frame};stroke-width:0.8}}\n\
         .{p}-tip>text{{fill:{muted};font-size:{TEXT_PX}px}}\n\
         .{p}-tip>text:first-of-type,.{p}-tip>.{p}-tip-name{{fill:{text};font-size:{NAME_PX}px;font-weight:700}}\n\
         .{p}-tip>.{p}-tip-note{{fill:{text};font-size:{TEXT_PX}px}}\n\
         .{p}-list{{position:absolute;width:1px;height:1px;margin:-1px;padding:0;border:0;\
         overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap}}\n",
        text = t.text,
        halo = t.halo,
        frame = t.frame,
        muted = t.muted,
    )
}

#[cfg(test)]
mod test {
    use super::*;

    fn entry() -> Entry {
        Entry {
            number: 3,
            name: "Amman".into(),
            dates: Some("4 Nov".into()),
            note: Some("Met <the> king.".into()),
        }
    }

    #[test]
    fn spoken_names_number_and_dates() {
        assert_eq!(spoken(&entry()), "Stop 3: Amman, 4 Nov.");
    }

    #[test]
    fn the_list_is_escaped_and_ordered() {
        let l = list(("tm", "tm"), "A & B", &[entry()]);
        assert!(l.starts_with("<ol class=\"tm-list\" aria-label=\"Stops of A &amp; B"));
        assert!(l.contains("<li id=\"tm-stop-3\">Amman (4 Nov): Met &lt;the&gt; king.</li>"));
    }

    /// The classes of a tooltip's lines, in order (`""` for a bare line).
    fn line_classes(body: &str) -> Vec<&str> {
        body.split("<text")
            .skip(1)
            .map(|t| {
                t.strip_prefix(" class=\"")
                    .and_then(|c| c.split('"').next())
                    .unwrap_or("")
            })
            .collect()
    }

    /// The page's rules give a bare line the dates' style unless it is the first, the name's:
    /// so a name's later lines and the note's lines carry their class.
    #[test]
    fn a_tooltip_marks_only_the_lines_its_rules_cannot_tell_apart() {
        let (short, _) = tooltip("tm", 960.0, &entry());
        assert_eq!(line_classes(&short), ["", "", "tm-tip-note"]);
        let long = Entry {
            name: "Queen Alia International Airport, Zizya, south of the capital".into(),
            ..entry()
        };
        let (long, _) = tooltip("tm", 320.0, &long);
        assert_eq!(line_classes(&long), ["", "tm-tip-name", "", "tm-tip-note"]);
        let css = css("tm", &crate::scene::Theme::default());
        assert!(css.contains(".tm-tip>text{fill:"));
        assert!(css.contains(".tm-tip>text:first-of-type,.tm-tip>.tm-tip-name{"));
    }

    #[test]
    fn a_tooltip_is_drawn_once_for_every_layout_it_fits() {
        let mut tips = Tips::default();
        let e = entry();
        let (wide, _) = tooltip("tm", 960.0, &e);
        let (same, _) = tooltip("tm", 1280.0, &e);
        assert_eq!(tips.id_of("tm", 3, wide), "tm-tip-3");
        assert_eq!(tips.id_of("tm", 3, same), "tm-tip-3");
        assert_eq!(tips.defs().matches("<g id=").count(), 1);
        // A page too narrow for the widest line wraps it otherwise: a second drawing.
        let long = Entry {
            note: Some("a note long enough to wrap on the narrowest page of all".into()),
            ..entry()
        };
        let (a, _) = tooltip("tm", 960.0, &long);
        let (b, _) = tooltip("tm", 200.0, &long);
        assert_ne!(a, b);
        assert_eq!(tips.id_of("tm", 3, a), "tm-tip-3-1");
        assert_eq!(tips.id_of("tm", 3, b), "tm-tip-3-2");
        assert!(
            tips.defs()
                .contains("<g id=\"tm-tip-3-2\" class=\"tm-tip\"><rect width=")
        );
    }
}
