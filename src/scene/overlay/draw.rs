//! Overlays as scene items: each feature projected, clipped to the frame (2 px beyond),
//! simplified to the pixel grid and drawn in a group styled with its [`Paint`]; and the
//! legend's samples for titled features.

use super::paint::ShapeKind;
use super::{Overlay, Shape};
use crate::basemap::simplify;
use crate::geometry::{self, Bounds, round_pt};
use crate::model::LonLat;
use crate::scene::legs::ProjectPx;
use crate::scene::{Item, Theme};

/// Radius of an overlay point, pixels.
const POINT_R: f64 = 4.0;

/// A legend entry for a titled overlay feature: its title and a sample in its style.
#[derive(Debug, Clone, PartialEq)]
pub struct LegendEntry {
    /// The feature's title.
    pub title: String,
    /// What its sample draws.
    kind: ShapeKind,
    /// Its style.
    css: String,
}

/// The overlays' items on a `w` × `h` map, in file order (each feature over the previous).
pub(crate) fn overlay_items(
    overlays: &[Overlay],
    theme: &Theme,
    project: ProjectPx,
    (w, h): (f64, f64),
) -> Vec<Item> {
    let bx = Bounds::new(-2.0, -2.0, w + 2.0, h + 2.0);
    let px =
        |line: &[LonLat]| -> Vec<(f64, f64)> { line.iter().filter_map(|&p| project(p)).collect() };
    let mut items = Vec::new();
    for f in overlays.iter().flat_map(|o| &o.features) {
        let (kind, drawn): (ShapeKind, Vec<Item>) = match &f.shape {
            Shape::Points(points) => (
                ShapeKind::Point,
                points
                    .iter()
                    .filter_map(|&p| project(p))
                    .filter(|&(x, y)| (0.0..=w).contains(&x) && (0.0..=h).contains(&y))
                    .map(|c| Item::Circle {
                        class: "overlay-point",
                        c: round_pt(c),
                        r: POINT_R,
                    })
                    .collect(),
            ),
            Shape::Lines(lines) => {
                let parts: Vec<Vec<(f64, f64)>> = lines
                    .iter()
                    .flat_map(|l| geometry::clip_polyline(&px(l), bx))
                    .filter_map(|run| simplify::to_path(&run, false))
                    .map(|p| p.points)
                    .collect();
                (ShapeKind::Line, path("overlay-line", parts, false))
            }
            Shape::Areas(areas) => {
                let parts: Vec<Vec<(f64, f64)>> = areas
                    .iter()
                    .flatten()
                    .map(|ring| geometry::clip_ring(&px(ring), bx))
                    .filter(|r| r.len() >= 3)
                    .filter_map(|r| simplify::to_path(&r, true))
                    .map(|p| p.points)
                    .collect();
                (ShapeKind::Area, path("overlay-area", parts, true))
            }
        };
        if !drawn.is_empty() {
            items.push(Item::Painted {
                css: f.paint.css(kind, theme),
                items: drawn,
            });
        }
    }
    items
}

/// A path item of `parts`, or nothing.
fn path(class: &'static str, parts: Vec<Vec<(f64, f64)>>, closed: bool) -> Vec<Item> {
    if parts.is_empty() {
        return Vec::new();
    }
    vec![Item::Path {
        class,
        parts,
        closed,
    }]
}

/// The legend entries: each distinct title once, with the style of its first feature.
pub(crate) fn legend_entries(overlays: &[Overlay], theme: &Theme) -> Vec<LegendEntry> {
    let mut out: Vec<LegendEntry> = Vec::new();
    for f in overlays.iter().flat_map(|o| &o.features) {
        let Some(title) = &f.title else { continue };
        if out.iter().any(|e| &e.title == title) {
            continue;
        }
        let kind = match f.shape {
            Shape::Points(_) => ShapeKind::Point,
            Shape::Lines(_) => ShapeKind::Line,
            Shape::Areas(_) => ShapeKind::Area,
        };
        out.push(LegendEntry {
            title: title.clone(),
            kind,
            css: f.paint.css(kind, theme),
        });
    }
    out
}

/// The legend sample of `e`, 24 px wide, at `x` on the baseline `row`.
pub(crate) fn legend_sample(e: &LegendEntry, x: f64, row: f64) -> Vec<Item> {
    let y = row - 4.0;
    let item = match e.kind {
        ShapeKind::Point => Item::Circle {
            class: "overlay-point",
            c: (x + 8.0, y),
            r: POINT_R,
        },
        ShapeKind::Line => Item::Path {
            class: "overlay-line",
            parts: vec![vec![(x, y), (x + 22.0, y)]],
            closed: false,
        },
        ShapeKind::Area => Item::Path {
            class: "overlay-area",
            parts: vec![vec![
                (x, y - 6.0),
                (x + 22.0, y - 6.0),
                (x + 22.0, y + 4.0),
                (x, y + 4.0),
            ]],
            closed: true,
        },
    };
    vec![Item::Painted {
        css: e.css.clone(),
        items: vec![item],
    }]
}
