//! [`Paint`]: an overlay feature's colours, from simplestyle properties or its geometry type.

use serde_json::{Map, Value};

use crate::scene::Theme;

/// Colours an overlay feature is drawn with. Colours are `#rgb` or `#rrggbb` (simplestyle's
/// form), checked when read, so they can go into the SVG as they are.
#[derive(Debug, Clone, PartialEq)]
pub struct Paint {
    /// Line colour (`stroke`), or `None` for the theme's overlay colour.
    pub stroke: Option<String>,
    /// Line width in pixels (`stroke-width`, 0 to 20).
    pub stroke_width: Option<f64>,
    /// Line opacity (`stroke-opacity`, 0 to 1).
    pub stroke_opacity: Option<f64>,
    /// Area colour (`fill`).
    pub fill: Option<String>,
    /// Area opacity (`fill-opacity`, 0 to 1).
    pub fill_opacity: Option<f64>,
    /// Point colour (`marker-color`).
    pub marker: Option<String>,
}

/// The overlay colour when a feature names none: a blue apart from both themes' routes.
const DEFAULT_LIGHT: &str = "#2f6db3";
const DEFAULT_DARK: &str = "#6fa8e8";

impl Paint {
    /// The simplestyle properties of `props`; an error names the property.
    pub(crate) fn from_properties(props: &Map<String, Value>) -> Result<Paint, String> {
        let colour = |key: &str| -> Result<Option<String>, String> {
            match props.get(key) {
                None | Some(Value::Null) => Ok(None),
                Some(Value::String(s)) if is_hex_colour(s.trim()) => {
                    Ok(Some(s.trim().to_ascii_lowercase()))
                }
                Some(v) => Err(format!(
                    "property `{key}`: {v} is not a colour (give #rgb or #rrggbb)"
                )),
            }
        };
        let number = |key: &str, max: f64| -> Result<Option<f64>, String> {
            match props.get(key) {
                None | Some(Value::Null) => Ok(None),
                Some(v) => match v.as_f64().or_else(|| v.as_str()?.trim().parse().ok()) {
                    Some(x) if (0.0..=max).contains(&x) => Ok(Some(x)),
                    _ => Err(format!(
                        "property `{key}`: {v} is not a number from 0 to {max}"
                    )),
                },
            }
        };
        Ok(Paint {
            stroke: colour("stroke")?,
            stroke_width: number("stroke-width", 20.0)?,
            stroke_opacity: number("stroke-opacity", 1.0)?,
            fill: colour("fill")?,
            fill_opacity: number("fill-opacity", 1.0)?,
            marker: colour("marker-color")?,
        })
    }

    /// The CSS declarations for drawing an area, a line or a point in theme `t`.
    pub(crate) fn css(&self, kind: ShapeKind, t: &Theme) -> String {
        let base = if t.name == "dark" {
            DEFAULT_DARK
        } else {
            DEFAULT_LIGHT
        };
        let stroke = self.stroke.as_deref().unwrap_or(base);
        let width = self.stroke_width.unwrap_or(match kind {
            ShapeKind::Line => 3.0,
            _ => 1.5,
        });
        let mut css = match kind {
            ShapeKind::Area => format!(
                "fill:{};fill-opacity:{};stroke:{stroke};stroke-width:{width}",
                self.fill.as_deref().unwrap_or(stroke),
                num(self.fill_opacity.unwrap_or(0.2))
            ),
            ShapeKind::Line => format!("fill:none;stroke:{stroke};stroke-width:{width}"),
            ShapeKind::Point => format!(
                "fill:{};stroke:{};stroke-width:1.5",
                self.marker.as_deref().unwrap_or(base),
                t.halo
            ),
        };
        if let (Some(o), false) = (self.stroke_opacity, kind == ShapeKind::Point) {
            css.push_str(&format!(";stroke-opacity:{}", num(o)));
        }
        css
    }
}

/// Areas, lines, points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ShapeKind {
    Area,
    Line,
    Point,
}

/// A number with at most two decimals.
fn num(x: f64) -> String {
    let r = (x * 100.0).round() / 100.0;
    format!("{r}")
}

/// `#rgb` or `#rrggbb`.
fn is_hex_colour(s: &str) -> bool {
    let hex = s.strip_prefix('#').unwrap_or("");
    (hex.len() == 3 || hex.len() == 6) && hex.chars().all(|c| c.is_ascii_hexdigit())
}

#[cfg(test)]
mod test {
    use super::*;
    use crate::scene::theme::LIGHT;

    fn props(json: &str) -> Map<String, Value> {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn simplestyle_is_read_and_anything_else_refused_by_name() {
        let p = Paint::from_properties(&props(
            r##"{"stroke": "#D62728", "stroke-width": 4, "fill-opacity": "0.5"}"##,
        ))
        .unwrap();
        assert_eq!(p.stroke.as_deref(), Some("#d62728"));
        assert_eq!(
            p.css(ShapeKind::Line, &LIGHT),
            "fill:none;stroke:#d62728;stroke-width:4"
        );
        assert!(
            p.css(ShapeKind::Area, &LIGHT)
                .contains("fill:#d62728;fill-opacity:0.5")
        );
        for bad in [
            r#"{"stroke": "red;fill:url(x)"}"#,
            r#"{"fill": 12}"#,
            r#"{"stroke-width": 900}"#,
            r#"{"fill-opacity": "much"}"#,
        ] {
            let e = Paint::from_properties(&props(bad)).unwrap_err();
            assert!(e.starts_with("property `"), "{e}");
        }
    }
}
