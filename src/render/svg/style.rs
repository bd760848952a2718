//! The map's style sheet: one rule per scene class, every selector prefixed, colours from the
//! theme. In: the prefix and a theme. Out: CSS text.

use super::FONT_STACK;
use crate::scene::Theme;

/// Halo drawn under label text: the text's own stroke, painted first.
const HALO: &str = "paint-order:stroke;stroke-width:3px;stroke-linejoin:round";

/// A filled area: `fill` colour, even-odd rule, no outline.
fn area(fill: &str) -> String {
    format!("fill:{fill};fill-rule:evenodd;stroke:none")
}

/// An unfilled line: `stroke` colour, `width` in px as written in the CSS.
fn line(stroke: &str, width: &str) -> String {
    format!("fill:none;stroke:{stroke};stroke-width:{width}")
}

/// Text: `fill` colour, `size` as written in the CSS (`11px`).
fn text(fill: &str, size: &str) -> String {
    format!("fill:{fill};font-size:{size}")
}

/// CSS for a map with ids and classes prefixed `p`.
pub fn css(p: &str, t: &Theme) -> String {
    let mut css = String::new();
    for (suffix, body) in drawing_rules(t).into_iter().chain(text_rules(t)) {
        css.push_str(&format!(".{p}{suffix}{{{body}}}\n"));
    }
    css
}

/// Rules for the drawing: page, basemap, route, markers. Each is a class suffix and its body.
fn drawing_rules(t: &Theme) -> Vec<(&'static str, String)> {
    let round = "stroke-linejoin:round";
    vec![
        ("", format!("font-family:{FONT_STACK}")),
        ("-page", format!("fill:{}", t.page)),
        ("-ocean", format!("fill:{}", t.ocean)),
        ("-inset-bg", format!("fill:{}", t.ocean)),
        ("-land", area(t.land)),
        ("-lake", area(t.lake)),
        ("-visited", area(t.visited)),
        ("-border", format!("{};{round}", line(t.border, "0.6"))),
        ("-coast", format!("{};{round}", line(t.coast, "0.6"))),
        ("-graticule", line(t.graticule, "0.5")),
        (
            "-leg",
            format!("{};stroke-linecap:round;{round}", line(t.route, "1.8")),
        ),
        ("-arrow", format!("fill:{};stroke:none", t.route)),
        (
            "-marker-dot",
            format!("fill:{};stroke:{};stroke-width:1.5", t.route, t.halo),
        ),
        (
            "-marker-num",
            format!("{};font-weight:700", text(t.marker_text, "10.5px")),
        ),
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
            format!(
                "{};font-weight:700;stroke:{};{HALO}",
                text(t.text, "12px"),
                t.halo
            ),
        ),
        (
            "-label-date",
            format!("{};stroke:{};{HALO}", text(t.muted, "11px"), t.halo),
        ),
        ("-note", text(t.text, "10.5px")),
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
            format!("{};stroke:{};{HALO}", text(t.muted, "10px"), t.halo),
        ),
        (
            "-title",
            format!("{};font-weight:700", text(t.text, "20px")),
        ),
        ("-subtitle", text(t.muted, "13px")),
        ("-legend", text(t.text, "11px")),
        ("-scale", line(t.text, "1.2")),
        ("-north", format!("fill:{}", t.text)),
        ("-source", text(t.muted, "11px")),
        ("-key", text(t.muted, "11px")),
        ("-notes", text(t.text, "11px")),
    ]
}
