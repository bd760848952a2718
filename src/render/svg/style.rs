//! The map's style sheet: one rule per scene class, every selector prefixed, colours from the
//! theme. In: the prefix and a theme. Out: CSS text.

use super::FONT_STACK;
use crate::scene::Theme;

/// Halo drawn under label text: the text's own stroke, painted first.
const HALO: &str = "paint-order:stroke;stroke-width:3px;stroke-linejoin:round";

/// CSS for a map with ids and classes prefixed `p`.
pub fn css(p: &str, t: &Theme) -> String {
    let rules: Vec<(&str, String)> = vec![
        ("", format!("font-family:{FONT_STACK}")),
        ("-page", format!("fill:{}", t.page)),
        ("-ocean", format!("fill:{}", t.ocean)),
        ("-inset-bg", format!("fill:{}", t.ocean)),
        (
            "-land",
            format!("fill:{};fill-rule:evenodd;stroke:none", t.land),
        ),
        (
            "-lake",
            format!("fill:{};fill-rule:evenodd;stroke:none", t.lake),
        ),
        (
            "-visited",
            format!("fill:{};fill-rule:evenodd;stroke:none", t.visited),
        ),
        (
            "-border",
            format!(
                "fill:none;stroke:{};stroke-width:0.6;stroke-linejoin:round",
                t.border
            ),
        ),
        (
            "-coast",
            format!(
                "fill:none;stroke:{};stroke-width:0.6;stroke-linejoin:round",
                t.coast
            ),
        ),
        (
            "-graticule",
            format!("fill:none;stroke:{};stroke-width:0.5", t.graticule),
        ),
        (
            "-leg",
            format!(
                "fill:none;stroke:{};stroke-width:1.8;stroke-linecap:round;stroke-linejoin:round",
                t.route
            ),
        ),
        ("-arrow", format!("fill:{};stroke:none", t.route)),
        (
            "-marker-dot",
            format!("fill:{};stroke:{};stroke-width:1.5", t.route, t.halo),
        ),
        (
            "-marker-num",
            format!("fill:{};font-size:10.5px;font-weight:700", t.marker_text),
        ),
        (
            "-dot",
            format!("fill:{};stroke:{};stroke-width:1", t.route, t.halo),
        ),
        (
            "-label-name",
            format!(
                "fill:{};font-size:12px;font-weight:700;stroke:{};{HALO}",
                t.text, t.halo
            ),
        ),
        (
            "-label-date",
            format!("fill:{};font-size:11px;stroke:{};{HALO}", t.muted, t.halo),
        ),
        ("-note", format!("fill:{};font-size:10.5px", t.text)),
        (
            "-callout",
            format!(
                "fill:{};fill-opacity:0.94;stroke:{};stroke-width:0.5",
                t.halo, t.frame
            ),
        ),
        (
            "-leader",
            format!("fill:none;stroke:{};stroke-width:0.8", t.frame),
        ),
        (
            "-locator",
            format!("fill:none;stroke:{};stroke-width:1", t.frame),
        ),
        (
            "-connector",
            format!("fill:none;stroke:{};stroke-width:0.8", t.frame),
        ),
        (
            "-inset-frame",
            format!("fill:none;stroke:{};stroke-width:1", t.frame),
        ),
        (
            "-frame",
            format!("fill:none;stroke:{};stroke-width:0.5", t.frame),
        ),
        (
            "-country-name",
            format!("fill:{};font-size:10px;stroke:{};{HALO}", t.muted, t.halo),
        ),
        (
            "-title",
            format!("fill:{};font-size:20px;font-weight:700", t.text),
        ),
        ("-subtitle", format!("fill:{};font-size:13px", t.muted)),
        ("-legend", format!("fill:{};font-size:11px", t.text)),
        (
            "-scale",
            format!("fill:none;stroke:{};stroke-width:1.2", t.text),
        ),
        ("-north", format!("fill:{}", t.text)),
        ("-source", format!("fill:{};font-size:11px", t.muted)),
        ("-key", format!("fill:{};font-size:11px", t.muted)),
    ];
    let mut css = String::new();
    for (suffix, body) in rules {
        css.push_str(&format!(".{p}{suffix}{{{body}}}\n"));
    }
    css
}
