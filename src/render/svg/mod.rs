//! The SVG writer: a [`Scene`] in, the bytes of a self-contained SVG file out.
//!
//! The file has a `viewBox`, `role="img"`, `<title>` and `<desc>` as the root's first children
//! (named by `aria-labelledby`), one style sheet whose every class carries the scene's prefix
//! (so several maps can be inlined in one page), and one named group per layer (`basemap`,
//! `route`, `stops`, `labels`, `insets`, `furniture`) with prefixed ids, which Inkscape and
//! Illustrator show as layers. No scripts, no external references, no event attributes. Text
//! stays `<text>`, escaped; numbers have at most one decimal. Same scene, same bytes.
//!
//! Text in other scripts than Latin, Greek and Cyrillic: the glyphs a map uses are embedded as
//! subset fonts (`@font-face` with a `data:` URL, first in the font stack, limited by
//! `unicode-range` to the characters embedded), so a browser without a CJK or Arabic font draws
//! them with the glyphs the scene measured; [`FONT_STACK`](crate::render::svg::FONT_STACK) then names each script's usual
//! system fonts. A text with right-to-left letters is a first-strong isolate, so it reads in its
//! own direction while `text-anchor` keeps its meaning. [`write_for_resvg`](crate::render::svg::write_for_resvg) writes the same map
//! for `map.png`.

mod embed;
mod joined_legs;
mod street_style;
mod style;
mod text;

pub(crate) use style::scaled_line_rules;
pub mod xml;

use crate::scene::{Item, Scene, Tag};
use std::fmt::Write as _;
use text::Placed;
use xml::{escape_into, num_into};

/// The font stack every text uses: the reader's interface font for Latin, Greek and Cyrillic,
/// then common fonts for Hebrew, Arabic, Devanagari, Thai, Japanese, Chinese and Korean (a map
/// with such text puts its embedded glyphs first).
pub const FONT_STACK: &str = "system-ui, -apple-system, \"Segoe UI\", Roboto, Helvetica, Arial, \
     \"Noto Sans\", \"Noto Sans Hebrew\", \"Arial Hebrew\", \"Noto Sans Arabic\", \"Geeza Pro\", \
     Tahoma, \"Noto Sans Devanagari\", \"Kohinoor Devanagari\", \"Nirmala UI\", \
     \"Noto Sans Thai\", Thonburi, \"Leelawadee UI\", \"Noto Sans CJK JP\", \"Hiragino Sans\", \
     \"Yu Gothic\", Meiryo, \"PingFang SC\", \"Microsoft YaHei\", \"Apple SD Gothic Neo\", \
     \"Malgun Gothic\", sans-serif";

/// Whom the text is written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reader {
    /// A browser: one `<text>` per text, fonts embedded.
    Browser,
    /// resvg, drawing `map.png` with the bundled fonts: one `<text>` per face.
    Resvg,
}

/// Serialises `scene` as an SVG document (UTF-8, ending with a newline).
pub fn write(scene: &Scene) -> Vec<u8> {
    write_for(scene, Reader::Browser, &Extras::default()).into_bytes()
}

/// What a map written into a larger document (`map.html`) or animated (`--animate`) adds to
/// [`write()`]'s SVG. The default adds nothing.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Extras<'a> {
    /// Prefix of the ids when not the scene's (each layout of `map.html` has its own, while the
    /// classes, and so one style sheet, are shared).
    pub ids: Option<&'a str>,
    /// Prefix of the classes when not the scene's (`map.html`'s short ones, its style sheet
    /// scoped to the embed).
    pub classes: Option<&'a str>,
    /// Leave the style sheet out (the page holds one for every layout).
    pub no_style: bool,
    /// CSS written at the end of the style sheet.
    pub css: &'a str,
    /// Markup written after the last layer.
    pub after: &'a str,
    /// Draw each leg (and its arrowheads) through a mask whose path, `class="{prefix}-reveal"
    /// data-reveal="{leg}" pathLength="1"`, the CSS can draw along the leg.
    pub reveal: bool,
    /// Items written otherwise: a basemap, or a locator map, shared by several layouts.
    pub swaps: &'a [Swap],
    /// Write the children [`BARE`] lists without a class, and, unless the legs are revealed,
    /// no `data-` tags, no group around a marker and one path for each run of legs
    /// (`map.html`, where nothing reads them and five layouts of a hundred stops repeat them
    /// thousands of times).
    pub compact: bool,
    /// With `compact`, the class of the paths of the route layer written bare (its commonest,
    /// such as `leg-car`: a trip's legs are mostly of one mode), selected by [`BARE_LEGS`].
    pub bare_legs: Option<&'static str>,
}

/// Children of a group or a layer that [`Extras::compact`] writes without a class, their
/// parent's rules selecting them by element: (group class or layer name, child class, selector
/// after the prefix standing for the child class). A marker's number is bare only when
/// centred (the selector's rules centre it). A group of one entry bare in another (a marker
/// among the stops) stands for its class in its children's selectors too. A label is its
/// leader line, then its name, then its dates if it has any, then its notes (which keep their
/// class): the name is its first text, the dates a bare text right after a bare text. A still
/// map's markers are not even groups: their dot and number stand bare in the stops layer.
pub(crate) const BARE: [(&str, &str, &str); 9] = [
    ("marker", "marker-dot", "marker>circle:not([class])"),
    ("marker", "marker-num", "marker>text:not([class])"),
    (
        "label",
        "label-name",
        "label>text:not([class]):first-of-type",
    ),
    (
        "label",
        "label-date",
        "label>text:not([class])+text:not([class])",
    ),
    ("label", "leader", "label>line:not([class])"),
    ("stops", "marker", "stops>g:not([class])"),
    ("stops", "marker-dot", "stops>circle:not([class])"),
    ("stops", "marker-num", "stops>text:not([class])"),
    ("labels", "label", "labels>g:not([class])"),
];

/// The selector (after the prefix) standing for the class of the legs [`Extras::bare_legs`]
/// writes bare.
pub(crate) const BARE_LEGS: &str = "route>path:not([class])";

/// The class of the one text that is bare only when centred, and then written without its
/// `text-anchor`: the page's rules centre every text its [`BARE`] selector selects.
pub(crate) const BARE_CENTRED: &str = "marker-num";

/// Markup written in place of some items of a layer (`map.html`: a `<use>` of a drawing
/// shared by several layouts).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Swap {
    /// The layer's name.
    pub layer: &'static str,
    /// The items' positions in the layer.
    pub items: std::ops::Range<usize>,
    /// What is written instead, in place of the first.
    pub markup: String,
}

/// [`write()`] with `extras`, as text.
pub(crate) fn write_with(scene: &Scene, extras: &Extras) -> String {
    write_for(scene, Reader::Browser, extras)
}

/// The style sheet of `scenes` drawn in one page (they share the first one's prefix and
/// theme): the embedded fonts for all their texts and for `more` (texts drawn beside the
/// scenes, as (class, text)), named with that prefix, then the rules of the classes prefixed
/// `classes`.
pub(crate) fn style_sheet(scenes: &[Scene], classes: &str, more: &[(&str, &str)]) -> String {
    let Some(first) = scenes.first() else {
        return String::new();
    };
    let mut all = more.to_vec();
    for scene in scenes {
        for layer in &scene.layers {
            texts(&layer.items, &mut all);
        }
    }
    style_for(
        (&first.prefix, classes),
        &first.theme,
        &all,
        features(scenes),
    )
}

/// The rules of the classes (prefixed `p`) of `scenes` drawn in one page, in the first one's
/// theme, without the embedded fonts ([`style_sheet`] holds them).
pub(crate) fn class_rules(scenes: &[Scene], p: &str) -> String {
    let Some(first) = scenes.first() else {
        return String::new();
    };
    rules(p, &first.theme, FONT_STACK, features(scenes))
}

/// The rules of the classes prefixed `p`, their text set in `stack`, for scenes with
/// `(streets, timeline, colour groups)` ([`features`]).
fn rules(
    p: &str,
    theme: &crate::scene::Theme,
    stack: &str,
    (streets, timeline, painted): (bool, bool, bool),
) -> String {
    let mut css = style::css(p, theme, stack, timeline, painted);
    if streets {
        css.push_str(&street_style::css(p, theme));
    }
    css
}

/// Whether any of `scenes` draws streets, a timeline, colour groups.
fn features(scenes: &[Scene]) -> (bool, bool, bool) {
    (
        scenes.iter().any(street_style::has_streets),
        scenes
            .iter()
            .any(|s| s.layers.iter().any(|l| l.name == "timeline")),
        scenes.iter().any(|s| painted(&s.layers)),
    )
}

/// The rules for texts `all` (fonts embedded, their families prefixed `fonts`) and the
/// classes prefixed `p`, for scenes with `features` ([`features`]).
fn style_for(
    (fonts, p): (&str, &str),
    theme: &crate::scene::Theme,
    all: &[(&str, &str)],
    features: (bool, bool, bool),
) -> String {
    let mut out = String::new();
    let weighted = all
        .iter()
        .filter_map(|&(class, text)| style::text_style(class).map(|(_, weight)| (text, weight)));
    let fonts = embed::embed(fonts, weighted);
    out.push_str(&fonts.css);
    let mut stack = FONT_STACK.to_string();
    for family in fonts.families.iter().rev() {
        stack = format!("\"{family}\", {stack}");
    }
    out.push_str(&rules(p, theme, &stack, features));
    out
}

/// [`write()`] as `map.png` draws it with resvg: no embedded fonts (resvg draws with the bundled
/// ones), and a text of several faces cut into one `<text>` per face, placed from the widths the
/// scene measured (resvg's own font fallback gives up on a line two faces shape differently).
/// A text of Latin, Greek and Cyrillic only is written as in [`write()`].
pub fn write_for_resvg(scene: &Scene) -> Vec<u8> {
    write_for(scene, Reader::Resvg, &Extras::default()).into_bytes()
}

/// Every text of `items`, with its class.
fn texts<'a>(items: &'a [Item], out: &mut Vec<(&'a str, &'a str)>) {
    for item in items {
        match item {
            Item::Text { class, text, .. } => out.push((class, text)),
            Item::Group { items, .. } => texts(items, out),
            Item::Tagged { item, .. } | Item::Rotated { item, .. } => {
                texts(std::slice::from_ref(item), out)
            }
            Item::Painted { items, .. } => texts(items, out),
            Item::Path { .. } | Item::Circle { .. } | Item::Rect { .. } | Item::Line { .. } => {}
        }
    }
}

/// Whether any item of `layers` sits in a colour group (`--colour-by`).
fn painted(layers: &[crate::scene::Layer]) -> bool {
    fn any(items: &[Item]) -> bool {
        items.iter().any(|i| match i {
            Item::Group { class, items } => *class == "paint" || any(items),
            Item::Painted { items, .. } => any(items),
            Item::Tagged { item, .. } | Item::Rotated { item, .. } => {
                any(std::slice::from_ref(item))
            }
            _ => false,
        })
    }
    layers.iter().any(|l| any(&l.items))
}

fn write_for(scene: &Scene, reader: Reader, extras: &Extras) -> String {
    let p = extras.classes.unwrap_or(&scene.prefix);
    let ids = extras.ids.unwrap_or(p);
    let mut out = String::with_capacity(64 * 1024);
    out.push_str("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ");
    num_into(&mut out, scene.width);
    out.push(' ');
    num_into(&mut out, scene.height);
    out.push_str("\" width=\"");
    num_into(&mut out, scene.width);
    out.push_str("\" height=\"");
    num_into(&mut out, scene.height);
    out.push_str(&format!(
        "\" role=\"img\" aria-labelledby=\"{ids}-title {ids}-desc\" class=\"{p}\">\n"
    ));
    out.push_str(&format!("<title id=\"{ids}-title\">"));
    escape_into(&mut out, &scene.title);
    out.push_str(&format!("</title>\n<desc id=\"{ids}-desc\">"));
    escape_into(&mut out, &scene.desc);
    out.push_str("</desc>\n");
    if !extras.no_style || !extras.css.is_empty() {
        out.push_str("<style>\n");
    }
    if !extras.no_style {
        if reader == Reader::Browser {
            out.push_str(&style_sheet(std::slice::from_ref(scene), p, &[]));
        } else {
            out.push_str(&class_rules(std::slice::from_ref(scene), p));
        }
    }
    out.push_str(extras.css);
    if !extras.no_style || !extras.css.is_empty() {
        out.push_str("</style>\n");
    }
    let mut cx = Cx {
        p,
        ids,
        reader,
        compact: extras.compact,
        bare_legs: extras.bare_legs,
        parent: "",
        reveal: extras.reveal.then_some(Reveal {
            next: 0,
            current: None,
            area: (scene.width, scene.height),
        }),
    };
    for layer in &scene.layers {
        out.push_str(&format!(
            "<g id=\"{ids}-{0}\" class=\"{p}-layer {p}-{0}\"",
            layer.name
        ));
        if layer.offset != (0.0, 0.0) {
            out.push_str(" transform=\"translate(");
            num_into(&mut out, layer.offset.0);
            out.push(' ');
            num_into(&mut out, layer.offset.1);
            out.push_str(")\"");
        }
        out.push_str(">\n");
        cx.parent = layer.name;
        let joined;
        let items = if cx.flat()
            && layer.name == "route"
            && !extras.swaps.iter().any(|s| s.layer == layer.name)
        {
            joined = joined_legs::join_legs(&layer.items);
            &joined
        } else {
            &layer.items
        };
        for (k, item) in items.iter().enumerate() {
            let swap = extras
                .swaps
                .iter()
                .find(|s| s.layer == layer.name && s.items.contains(&k));
            match swap {
                Some(s) if k == s.items.start => out.push_str(&s.markup),
                Some(_) => {}
                None => write_item(&mut out, &mut cx, item),
            }
        }
        cx.parent = "";
        out.push_str("</g>\n");
    }
    out.push_str(extras.after);
    out.push_str("</svg>\n");
    out
}

/// Basemap `items` (paths only: [`crate::scene::basemap_layer`]'s) as a group `id` to be
/// placed scaled by `--{p}-k` ([`scaled_line_rules`]): each path has its class and
/// `{p}-scaled`, and its points in whole tenths of a pixel (`M12 -3l5 7`: the group's units
/// are tenths; shorter than decimals). `None` if an item is not a path.
pub(crate) fn scaled_group(p: &str, id: &str, items: &[Item]) -> Option<String> {
    let mut out = format!("<g id=\"{id}\">\n");
    for item in items {
        let Item::Path {
            class: c,
            parts,
            closed,
        } = item
        else {
            return None;
        };
        out.push_str(&format!("<path class=\"{p}-{c} {p}-scaled\" d=\""));
        for part in parts {
            path_data_tenths(&mut out, part);
            if *closed {
                out.push('z');
            }
        }
        out.push_str("\"/>\n");
    }
    out.push_str("</g>\n");
    Some(out)
}

impl Cx<'_> {
    /// Whether the map is compact and still (`map.html` without `--animate`): nothing reads
    /// its `data-` tags, a marker's group or a leg's own path, so it is written without them
    /// (markers flat in their layer, runs of legs joined).
    fn flat(&self) -> bool {
        self.compact && self.reveal.is_none()
    }

    /// Whether an element of a class, child of the group or layer being written now, is
    /// written bare ([`Extras::compact`]); it holds no borrow of `self`.
    fn bareness(&self) -> impl Fn(&str) -> bool + Copy + use<> {
        let (compact, parent, legs) = (self.compact, self.parent, self.bare_legs);
        move |class| {
            compact
                && (BARE.iter().any(|&(g, c, _)| g == parent && c == class)
                    || (parent == "route" && legs == Some(class)))
        }
    }
}

/// What writing an item needs to know: the class and id prefixes, the reader, and the legs'
/// reveal masks when animated.
struct Cx<'a> {
    p: &'a str,
    ids: &'a str,
    reader: Reader,
    /// [`Extras::compact`].
    compact: bool,
    /// [`Extras::bare_legs`].
    bare_legs: Option<&'static str>,
    /// The class of the group being written (`""` outside any).
    parent: &'static str,
    reveal: Option<Reveal>,
}

/// The reveal masks written so far: how many, the one of the last leg (its arrowheads follow
/// it), and the picture's size (each mask covers three times the picture, every way).
struct Reveal {
    next: usize,
    current: Option<usize>,
    area: (f64, f64),
}

/// One polyline as path data: the first point absolute (`M`), the rest as relative steps (`l`)
/// between positions rounded to 0.1 px, so the steps add up exactly and the text is short.
fn path_data(out: &mut String, points: &[(f64, f64)]) {
    let tenths = |v: f64| (v * 10.0).round() as i64;
    let mut last = (0i64, 0i64);
    for (i, &(x, y)) in points.iter().enumerate() {
        let p = (tenths(x), tenths(y));
        if i == 0 {
            out.push('M');
            num_into(out, p.0 as f64 / 10.0);
            out.push(' ');
            num_into(out, p.1 as f64 / 10.0);
        } else {
            if i == 1 {
                out.push('l');
            }
            for (k, d) in [p.0 - last.0, p.1 - last.1].into_iter().enumerate() {
                if d >= 0 && !(i == 1 && k == 0) {
                    out.push(' ');
                }
                num_into(out, d as f64 / 10.0);
            }
        }
        last = p;
    }
}

/// [`path_data`] in whole tenths of a pixel: `(1.04, 2.0), (4.0, 6.0)` is `M10 20l30 40`.
fn path_data_tenths(out: &mut String, points: &[(f64, f64)]) {
    let tenths = |v: f64| (v * 10.0).round() as i64;
    let mut last = (0i64, 0i64);
    for (i, &(x, y)) in points.iter().enumerate() {
        let p = (tenths(x), tenths(y));
        let (dx, dy) = if i == 0 {
            p
        } else {
            (p.0 - last.0, p.1 - last.1)
        };
        match i {
            0 => out.push('M'),
            1 => out.push('l'),
            _ if dx >= 0 => out.push(' '),
            _ => {}
        }
        let _ = write!(out, "{dx}");
        if dy >= 0 {
            out.push(' ');
        }
        let _ = write!(out, "{dy}");
        last = p;
    }
}

/// `items` of a scene prefixed `p` as [`write()`] writes them.
pub(crate) fn written(p: &str, items: &[Item]) -> String {
    let mut cx = Cx {
        p,
        ids: p,
        reader: Reader::Browser,
        compact: false,
        bare_legs: None,
        parent: "",
        reveal: None,
    };
    let mut out = String::new();
    for item in items {
        write_item(&mut out, &mut cx, item);
    }
    out
}

fn class(out: &mut String, p: &str, c: &str) {
    out.push_str(" class=\"");
    out.push_str(p);
    out.push('-');
    out.push_str(c);
    out.push('"');
}

fn attr(out: &mut String, name: &str, v: f64) {
    out.push(' ');
    out.push_str(name);
    out.push_str("=\"");
    num_into(out, v);
    out.push('"');
}

fn write_item(out: &mut String, cx: &mut Cx, item: &Item) {
    write_tagged(out, cx, item, None);
}

/// Opens the mask that reveals leg `leg` along `parts` (`--animate`) and returns its number;
/// `None` when not animating.
fn reveal_mask(
    out: &mut String,
    cx: &mut Cx,
    leg: usize,
    parts: &[Vec<(f64, f64)>],
) -> Option<usize> {
    let reveal = cx.reveal.as_mut()?;
    let n = reveal.next;
    reveal.next += 1;
    reveal.current = Some(n);
    let (w, h) = reveal.area;
    out.push_str(&format!(
        "<mask id=\"{}-reveal-{n}\" maskUnits=\"userSpaceOnUse\"",
        cx.ids
    ));
    numbers(
        out,
        &[
            ("x", -w),
            ("y", -h),
            ("width", 3.0 * w),
            ("height", 3.0 * h),
        ],
    );
    out.push_str(&format!(
        "><path class=\"{}-reveal\" data-reveal=\"{leg}\" pathLength=\"1\" d=\"",
        cx.p
    ));
    for part in parts {
        path_data(out, part);
    }
    out.push_str("\"/></mask>\n");
    Some(n)
}

/// Writes `item` for `cx`'s reader, with `tag` as a `data-` attribute on its element.
fn write_tagged(out: &mut String, cx: &mut Cx, item: &Item, tag: Option<&Tag>) {
    let p = cx.p;
    let tag = tag.filter(|_| !cx.flat());
    let bare = cx.bareness();
    let class = |out: &mut String, p: &str, c: &str| {
        if !bare(c) {
            class(out, p, c);
        }
        if let Some(t) = tag {
            data_attr(out, t);
        }
    };
    match item {
        Item::Path {
            class: c,
            parts,
            closed,
        } => {
            let mask = match (tag, cx.reveal.as_mut()) {
                (Some(Tag::Leg(leg)), Some(_)) => reveal_mask(out, cx, *leg, parts),
                (None, Some(r)) if c.starts_with("arrow") => r.current,
                (_, Some(r)) => {
                    r.current = None;
                    None
                }
                (_, None) => None,
            };
            out.push_str("<path");
            class(out, p, c);
            if let Some(n) = mask {
                out.push_str(&format!(" mask=\"url(#{}-reveal-{n})\"", cx.ids));
            }
            out.push_str(" d=\"");
            for part in parts {
                path_data(out, part);
                if *closed {
                    out.push('z');
                }
            }
            out.push_str("\"/>\n");
        }
        Item::Circle { class: c, c: at, r } => {
            out.push_str("<circle");
            class(out, p, c);
            numbers_and_close(out, &[("cx", at.0), ("cy", at.1), ("r", *r)]);
        }
        Item::Rect { class: c, rect } => {
            out.push_str("<rect");
            class(out, p, c);
            let (x, y, w, h) = (rect.x, rect.y, rect.w, rect.h);
            numbers_and_close(out, &[("x", x), ("y", y), ("width", w), ("height", h)]);
        }
        Item::Line { class: c, a, b } => {
            out.push_str("<line");
            class(out, p, c);
            numbers_and_close(out, &[("x1", a.0), ("y1", a.1), ("x2", b.0), ("y2", b.1)]);
        }
        Item::Text {
            class: c,
            at,
            anchor,
            text,
        } => {
            let placed = Placed {
                p,
                class: c,
                at: *at,
                anchor: *anchor,
                tag,
                bare: bare(c) && (*c != BARE_CENTRED || *anchor == crate::scene::Anchor::Middle),
            };
            match cx.reader {
                Reader::Browser => text::browser(out, &placed, text),
                Reader::Resvg => text::resvg(out, &placed, text),
            }
        }
        // A flat map's marker is its dot and number, written straight into the stops layer
        // (its group would be a twentieth of the layer).
        Item::Group {
            class: "marker",
            items,
        } if cx.flat() && cx.parent == "stops" => {
            for i in items {
                write_item(out, cx, i);
            }
        }
        Item::Group { class: c, items } => {
            out.push_str("<g");
            class(out, p, c);
            out.push_str(">\n");
            let outer = std::mem::replace(&mut cx.parent, c);
            for i in items {
                write_item(out, cx, i);
            }
            cx.parent = outer;
            out.push_str("</g>\n");
        }
        Item::Painted { css, items } => write_painted(out, cx, css, items),
        Item::Rotated { deg, about, item } => {
            rotate_open(out, *deg, *about);
            // Inside a group of no class: no parent's rule reaches it bare.
            let outer = std::mem::take(&mut cx.parent);
            write_tagged(out, cx, item, tag);
            cx.parent = outer;
            out.push_str("</g>\n");
        }
        Item::Tagged { tag, item } => write_tagged(out, cx, item, Some(tag)),
    }
}

/// A group of `items` drawn with the CSS declarations `css` (checked colours and numbers).
fn write_painted(out: &mut String, cx: &mut Cx, css: &str, items: &[Item]) {
    out.push_str("<g style=\"");
    escape_into(out, css);
    out.push_str("\">\n");
    // Inside a group of no class: no parent's rule reaches them bare.
    let outer = std::mem::take(&mut cx.parent);
    for i in items {
        write_item(out, cx, i);
    }
    cx.parent = outer;
    out.push_str("</g>\n");
}

/// The start of a group turned `deg` degrees clockwise about `about`.
fn rotate_open(out: &mut String, deg: f64, about: (f64, f64)) {
    out.push_str("<g transform=\"rotate(");
    num_into(out, deg);
    out.push(' ');
    num_into(out, about.0);
    out.push(' ');
    num_into(out, about.1);
    out.push_str(")\">\n");
}

/// Numeric attributes, then the end of an empty element.
fn numbers_and_close(out: &mut String, attrs: &[(&str, f64)]) {
    numbers(out, attrs);
    out.push_str("/>\n");
}

/// Numeric attributes.
fn numbers(out: &mut String, attrs: &[(&str, f64)]) {
    for &(name, value) in attrs {
        attr(out, name, value);
    }
}

/// ` data-stop="1 8"` or ` data-leg="2"`.
pub(super) fn data_attr(out: &mut String, tag: &Tag) {
    match tag {
        Tag::Stops(stops) => {
            out.push_str(" data-stop=\"");
            for (k, s) in stops.iter().enumerate() {
                if k > 0 {
                    out.push(' ');
                }
                out.push_str(&s.to_string());
            }
            out.push('"');
        }
        Tag::Leg(leg) => out.push_str(&format!(" data-leg=\"{leg}\"")),
    }
}

#[cfg(test)]
mod test {
    use super::*;

    /// A compact, still map (`map.html`) writes a marker's dot and number straight into the
    /// stops layer and a run of legs as one path; `map.svg` and an animated page keep a group
    /// per marker and a path per leg, which Inkscape and the animation read.
    #[test]
    fn a_compact_still_map_flattens_markers_and_joins_legs() {
        let marker = |n: usize, x: f64| {
            Item::Group {
                class: "marker",
                items: vec![
                    Item::Circle {
                        class: "marker-dot",
                        c: (x, 5.0),
                        r: 8.0,
                    },
                    Item::Text {
                        class: "marker-num",
                        at: (x, 9.0),
                        anchor: crate::scene::Anchor::Middle,
                        text: n.to_string(),
                    },
                ],
            }
            .tagged(Tag::Stops(vec![n]))
        };
        let leg = |n: usize, a: f64, b: f64| {
            Item::Path {
                class: "leg",
                parts: vec![vec![(a, 5.0), (b, 5.0)]],
                closed: false,
            }
            .tagged(Tag::Leg(n))
        };
        let layer = |name, items| crate::scene::Layer {
            name,
            offset: (0.0, 0.0),
            items,
        };
        let scene = Scene {
            width: 100.0,
            height: 20.0,
            prefix: "tm".into(),
            theme: crate::scene::Theme::default(),
            title: String::new(),
            desc: String::new(),
            layers: vec![
                layer("route", vec![leg(1, 10.0, 50.0), leg(2, 50.0, 90.0)]),
                layer(
                    "stops",
                    vec![marker(1, 10.0), marker(2, 50.0), marker(3, 90.0)],
                ),
            ],
            natural_earth: None,
            locator: None,
        };
        let compact = Extras {
            compact: true,
            ..Extras::default()
        };
        let page = write_with(&scene, &compact);
        assert!(
            page.contains("<path class=\"tm-leg\" d=\"M10 5l40 0 40 0\"/>"),
            "{page}"
        );
        assert!(page.contains(
            "<g id=\"tm-stops\" class=\"tm-layer tm-stops\">\n<circle cx=\"10\" cy=\"5\" r=\"8\"/>\n<text"
        ));
        assert!(!page.contains("<g>"), "{page}");
        for extras in [
            Extras::default(),
            Extras {
                reveal: true,
                ..compact
            },
        ] {
            let map = write_with(&scene, &extras);
            assert_eq!(map.matches("class=\"tm-leg\"").count(), 2, "{map}");
            // Two layers and three markers.
            assert_eq!(map.matches("</g>").count(), 5, "{map}");
        }
    }

    #[test]
    fn texts_inside_tagged_items_are_found() {
        let label = Item::Group {
            class: "label",
            items: vec![Item::Text {
                class: "label-name",
                at: (0.0, 0.0),
                anchor: crate::scene::Anchor::Start,
                text: "西安".into(),
            }],
        }
        .tagged(Tag::Stops(vec![1]));
        let mut found = Vec::new();
        texts(std::slice::from_ref(&label), &mut found);
        assert_eq!(found, [("label-name", "西安")]);
    }

    #[test]
    fn path_steps_are_relative_and_add_up_exactly() {
        let mut d = String::new();
        path_data(&mut d, &[(1.04, 2.0), (4.0, 6.0), (2.5, 6.0), (2.54, 6.06)]);
        assert_eq!(d, "M1 2l3 4-1.5 0 0 0.1");
        // Thousands of tiny steps do not drift: the last point is where it should be.
        let pts: Vec<(f64, f64)> = (0..=3000).map(|i| (i as f64 * 0.333, 0.0)).collect();
        let mut d = String::new();
        path_data(&mut d, &pts);
        let sum: f64 = d[5..]
            .replace('-', " -")
            .split_whitespace()
            .step_by(2)
            .map(|v| v.parse::<f64>().unwrap())
            .sum();
        assert!((sum - 999.0).abs() < 1e-6, "{sum}");
    }

    #[test]
    fn tenths_are_whole_numbers_and_add_up() {
        let mut d = String::new();
        path_data_tenths(
            &mut d,
            &[(1.04, -2.0), (4.0, 6.0), (2.5, 6.0), (2.54, 6.06)],
        );
        assert_eq!(d, "M10-20l30 80-15 0 0 1");
        let pts: Vec<(f64, f64)> = (0..=3000).map(|i| (i as f64 * 0.333, 0.0)).collect();
        let mut d = String::new();
        path_data_tenths(&mut d, &pts);
        let sum: i64 = d[d.find('l').unwrap() + 1..]
            .replace('-', " -")
            .split_whitespace()
            .step_by(2)
            .map(|v| v.parse::<i64>().unwrap())
            .sum();
        assert_eq!(sum, 9990);
    }
}
