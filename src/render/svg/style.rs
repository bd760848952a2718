//! The map's style sheet: one rule per scene class, every selector prefixed, colours from the
//! theme. In: the prefix and a theme. Out: CSS text.

use super::xml::num;
use crate::fonts::Weight;
use crate::scene::Theme;

/// Halo drawn under label text: the text's own stroke, painted first.
pub(super) const HALO: &str = "paint-order:stroke;stroke-width:3px;stroke-linejoin:round";

/// A filled area: `fill` colour, even-odd rule, no outline.
fn area(fill: &str) -> String {
    format!("fill:{fill};fill-rule:evenodd;stroke:none")
}

/// An unfilled line: `stroke` colour, `width` in px as written in the CSS.
fn line(stroke: &str, width: &str) -> String {
    format!("fill:none;stroke:{stroke};stroke-width:{width}")
}

/// Stroke width of the basemap's lines (admin-1, borders, coasts), pixels.
const BASEMAP_LINE_PX: f64 = 0.6;
/// Stroke width of the graticule, pixels.
const GRATICULE_PX: f64 = 0.5;
/// The admin-1 lines' dash and gap, pixels.
const ADMIN1_DASH_PX: (f64, f64) = (3.0, 2.0);

/// Rules that keep the basemap's lines as [`css`] draws them when the paths are drawn scaled
/// by the CSS custom property `--{p}-k` (a basemap shared by several layouts of `map.html`,
/// each placing it at its own scale): a path of classes `{p}-coast {p}-scaled` is stroked
/// `0.6 / k` wide in its own units, so 0.6 px in the layout's.
pub(crate) fn scaled_line_rules(p: &str) -> String {
    let per_k = |px: f64| format!("calc({}px / var(--{p}-k, 1))", num(px));
    let mut css = String::new();
    for (class, width) in [
        ("admin1", BASEMAP_LINE_PX),
        ("border", BASEMAP_LINE_PX),
        ("coast", BASEMAP_LINE_PX),
        ("graticule", GRATICULE_PX),
    ] {
        css.push_str(&format!(
            ".{p}-{class}.{p}-scaled{{stroke-width:{}}}\n",
            per_k(width)
        ));
    }
    css.push_str(&format!(
        ".{p}-admin1.{p}-scaled{{stroke-dasharray:{} {}}}\n",
        per_k(ADMIN1_DASH_PX.0),
        per_k(ADMIN1_DASH_PX.1)
    ));
    css
}

/// Font size in pixels and weight of each class of text (unprefixed, `label-name`).
pub(super) fn text_style(class: &str) -> Option<(f64, Weight)> {
    use Weight::{Bold, Regular};
    Some(match class {
        "marker-num" => (10.5, Bold),
        "label-name" => (12.0, Bold),
        "label-date" => (11.0, Regular),
        "note" => (10.5, Regular),
        "country-name" => (10.0, Regular),
        "street-name" => (9.5, Regular),
        "place-name" => (10.5, Bold),
        "water-name" => (10.0, Regular),
        "title" => (20.0, Bold),
        "subtitle" => (13.0, Regular),
        "legend" | "source" | "key" | "notes" => (11.0, Regular),
        "context-city" | "context-water" => (10.0, Regular),
        "tl-label" | "tl-trip" => (10.0, Regular),
        "tl-num" => (10.5, Bold),
        "tl-note" => (11.0, Regular),
        // `map.html`'s tooltips (`render::html::stops`).
        "tip-name" => (12.0, Bold),
        "tip-date" | "tip-note" => (11.0, Regular),
        _ => return None,
    })
}

/// Text of `class` (see [`text_style`]): `fill` colour, its size and weight.
pub(super) fn text(fill: &str, class: &str) -> String {
    let (size, weight) = text_style(class).expect("a text class");
    let bold = if weight == Weight::Bold {
        ";font-weight:700"
    } else {
        ""
    };
    format!("fill:{fill};font-size:{}px{bold}", num(size))
}

/// CSS for a map with ids and classes prefixed `p`, its text set in `font_stack`; with the
/// timeline's rules when it has one (`timeline`) and the colour groups' when it is coloured
/// (`painted`).
pub fn css(p: &str, t: &Theme, font_stack: &str, timeline: bool, painted: bool) -> String {
    let mut css = String::new();
    let timeline_rules = if timeline {
        timeline_rules(t)
    } else {
        Vec::new()
    };
    for (suffix, body) in drawing_rules(t, font_stack)
        .into_iter()
        .chain(text_rules(t))
        .chain(timeline_rules)
    {
        css.push_str(&format!(".{p}{suffix}{{{body}}}\n"));
    }
    if painted {
        css.push_str(&paint_rules(p));
    }
    css
}

/// Rules for the timeline strip (`--timeline`).
fn timeline_rules(t: &Theme) -> Vec<(&'static str, String)> {
    vec![
        ("-tl-axis", line(t.frame, "1")),
        ("-tl-tick", line(t.frame, "0.8")),
        ("-tl-label", text(t.muted, "tl-label")),
        ("-tl-trip", text(t.text, "tl-trip")),
        ("-tl-note", text(t.muted, "tl-note")),
        (
            "-tl-leg",
            format!("{};stroke-linecap:round", line(t.route, "2.5")),
        ),
        (
            "-tl-bar",
            format!("fill:{};fill-opacity:0.45;stroke:none", t.route),
        ),
        (
            "-tl-dot",
            format!("fill:{};stroke:{};stroke-width:1.5", t.route, t.halo),
        ),
        ("-tl-num", text(t.marker_text, "tl-num")),
    ]
}

/// Rules that let lines, arrowheads, markers and dots inside a colour group (`--colour-by`)
/// take the group's colour rather than the theme's route colour.
fn paint_rules(p: &str) -> String {
    let select = |classes: &[&str]| {
        classes
            .iter()
            .map(|c| format!(".{p}-paint .{p}-{c}"))
            .collect::<Vec<_>>()
            .join(",")
    };
    let strokes = select(&[
        "leg",
        "leg-flight",
        "leg-train",
        "leg-bus",
        "leg-car",
        "leg-ferry",
        "leg-walk",
        "leg-bike",
        "tl-leg",
    ]);
    let fills = select(&[
        "arrow",
        "arrow-flight",
        "arrow-train",
        "arrow-bus",
        "arrow-car",
        "arrow-ferry",
        "arrow-walk",
        "arrow-bike",
        "marker-dot",
        "stop-dot",
        "dot",
        "tl-dot",
        "tl-bar",
        "extent-dot",
    ]);
    // The numbers on a coloured marker keep their own colour and no outline.
    let numbers = select(&["marker-num", "tl-num"]);
    // A trip's marker style: a ring (solid or dashed) in its colour around each marker.
    let rings = format!(
        ".{p}-trip-ring{{fill:none;stroke-width:1.5}}\n.{p}-trip-ring-dashed{{fill:none;stroke-width:1.5;stroke-dasharray:3 2}}\n"
    );
    format!(
        "{strokes}{{stroke:inherit}}\n{fills}{{fill:inherit}}\n{numbers}{{stroke:none}}\n{rings}"
    )
}

/// Each leg class's line, by travel mode: its width and dash pattern (empty: solid). Every
/// leg has round caps and joins. A flight dashed along its arc, rail heavy, road solid or
/// dashed, a ferry in short dashes, walking dotted.
const LEG_LINES: [(&str, &str, &str); 8] = [
    ("leg", "1.8", ""),
    ("leg-flight", "1.5", "7 5"),
    ("leg-train", "2.6", ""),
    ("leg-bus", "2", "12 3"),
    ("leg-car", "1.8", ""),
    ("leg-ferry", "1.8", "2 3"),
    ("leg-walk", "2.4", "0.1 4"),
    ("leg-bike", "1.8", "7 2.5 1.5 2.5"),
];

/// Whether legs of `class` are drawn solid: consecutive legs of one such class can be written
/// as one path ([`super::joined_legs`]) and paint the same pixels.
pub(super) fn is_solid_leg(class: &str) -> bool {
    LEG_LINES
        .iter()
        .any(|&(c, _, dash)| c == class && dash.is_empty())
}

/// The rule body of leg `class` ([`LEG_LINES`]) in the route's colour.
fn leg_rule(t: &Theme, class: &str) -> String {
    let (_, width, dash) = LEG_LINES
        .iter()
        .find(|l| l.0 == class)
        .expect("a leg class of LEG_LINES");
    let mut body = format!(
        "{};stroke-linecap:round;stroke-linejoin:round",
        line(t.route, width)
    );
    if !dash.is_empty() {
        body.push_str(";stroke-dasharray:");
        body.push_str(dash);
    }
    body
}

/// Rules for the drawing: page, basemap, route, markers. Each is a class suffix and its body.
fn drawing_rules(t: &Theme, font_stack: &str) -> Vec<(&'static str, String)> {
    let round = "stroke-linejoin:round";
    vec![
        ("", format!("font-family:{font_stack}")),
        ("-page", format!("fill:{}", t.page)),
        ("-ocean", format!("fill:{}", t.ocean)),
        ("-inset-bg", format!("fill:{}", t.ocean)),
        ("-land", area(t.land)),
        ("-lake", area(t.lake)),
        ("-visited", area(t.visited)),
        (
            "-admin1",
            format!(
                "{};stroke-dasharray:{} {};{round}",
                line(t.border, &num(BASEMAP_LINE_PX)),
                num(ADMIN1_DASH_PX.0),
                num(ADMIN1_DASH_PX.1)
            ),
        ),
        (
            "-border",
            format!("{};{round}", line(t.border, &num(BASEMAP_LINE_PX))),
        ),
        (
            "-coast",
            format!("{};{round}", line(t.coast, &num(BASEMAP_LINE_PX))),
        ),
        ("-graticule", line(t.graticule, &num(GRATICULE_PX))),
        ("-leg", leg_rule(t, "leg")),
        ("-arrow", format!("fill:{};stroke:none", t.route)),
        ("-leg-flight", leg_rule(t, "leg-flight")),
        ("-leg-train", leg_rule(t, "leg-train")),
        ("-leg-bus", leg_rule(t, "leg-bus")),
        ("-leg-car", leg_rule(t, "leg-car")),
        ("-leg-ferry", leg_rule(t, "leg-ferry")),
        ("-leg-walk", leg_rule(t, "leg-walk")),
        ("-leg-bike", leg_rule(t, "leg-bike")),
        ("-arrow-flight", format!("fill:{};stroke:none", t.route)),
        ("-arrow-train", format!("fill:{};stroke:none", t.route)),
        ("-arrow-bus", format!("fill:{};stroke:none", t.route)),
        ("-arrow-car", format!("fill:{};stroke:none", t.route)),
        ("-arrow-ferry", format!("fill:{};stroke:none", t.route)),
        ("-arrow-walk", format!("fill:{};stroke:none", t.route)),
        ("-arrow-bike", format!("fill:{};stroke:none", t.route)),
        (
            "-marker-dot",
            format!("fill:{};stroke:{};stroke-width:1.5", t.route, t.halo),
        ),
        ("-marker-num", text(t.marker_text, "marker-num")),
        (
            "-stop-dot",
            format!("fill:{};stroke:{};stroke-width:1.2", t.route, t.halo),
        ),
        (
            "-dot",
            format!("fill:{};stroke:{};stroke-width:1", t.route, t.halo),
        ),
    ]
}

/// Rules for the words and the frames around them: labels, notes, insets, title, footer.
fn text_rules(t: &Theme) -> Vec<(&'static str, String)> {
    vec![
        (
            "-label-name",
            format!("{};stroke:{};{HALO}", text(t.text, "label-name"), t.halo),
        ),
        (
            "-label-date",
            format!("{};stroke:{};{HALO}", text(t.muted, "label-date"), t.halo),
        ),
        ("-note", text(t.text, "note")),
        (
            "-callout",
            format!(
                "fill:{};fill-opacity:0.94;stroke:{};stroke-width:0.5",
                t.halo, t.frame
            ),
        ),
        ("-leader", line(t.frame, "0.8")),
        ("-locator", line(t.frame, "1")),
        (
            "-extent",
            format!(
                "fill:{};fill-opacity:0.2;stroke:{};stroke-width:1.2",
                t.route, t.route
            ),
        ),
        (
            "-extent-dot",
            format!("fill:{};stroke:{};stroke-width:1", t.route, t.halo),
        ),
        ("-connector", line(t.frame, "0.8")),
        ("-inset-frame", line(t.frame, "1")),
        ("-frame", line(t.frame, "0.5")),
        (
            "-country-name",
            format!("{};stroke:{};{HALO}", text(t.muted, "country-name"), t.halo),
        ),
        (
            "-context-city",
            format!("{};stroke:{};{HALO}", text(t.muted, "context-city"), t.halo),
        ),
        (
            "-context-water",
            format!(
                "{};stroke:{};{HALO}",
                text(t.water_text, "context-water"),
                t.halo
            ),
        ),
        (
            "-context-dot",
            format!("fill:{};stroke:{};stroke-width:0.8", t.muted, t.halo),
        ),
        ("-title", text(t.text, "title")),
        ("-subtitle", text(t.muted, "subtitle")),
        ("-legend", text(t.text, "legend")),
        ("-scale", line(t.text, "1.2")),
        ("-north", format!("fill:{}", t.text)),
        ("-source", text(t.muted, "source")),
        ("-key", text(t.muted, "key")),
        ("-notes", text(t.text, "notes")),
    ]
}

#[cfg(test)]
mod test {
    use super::*;

    /// [`is_solid_leg`] holds for exactly the leg classes drawn with round caps and joins and no
    /// dashes, so joining consecutive legs of one of them paints the same pixels.
    #[test]
    fn the_solid_legs_are_the_round_undashed_ones() {
        let rules = drawing_rules(&Theme::default(), "serif");
        let legs: Vec<&(&str, String)> = rules
            .iter()
            .filter(|(c, _)| c.starts_with("-leg"))
            .collect();
        assert!(legs.len() >= 8);
        for (class, body) in legs {
            let solid = !body.contains("dasharray")
                && body.contains("stroke-linecap:round")
                && body.contains("stroke-linejoin:round");
            assert_eq!(is_solid_leg(&class[1..]), solid, "{class}: {body}");
        }
    }
}
