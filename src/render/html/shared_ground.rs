//! One Natural Earth basemap for several layouts of `map.html`.
//!
//! Every layout of a trip uses one projection; they differ only in scale and translation (and
//! in the size of their map area). Layouts that draw the same Natural Earth scale, graticule and
//! visited countries share one basemap: drawn once, at the largest of their scales, over the
//! union of their map areas (and a few pixels more, so the cut edges of lines fall outside
//! every layout), into the page's hidden `<defs>`; each layout shows it through a
//! nested `<svg>` whose `viewBox` maps it onto the layout's own pixels and whose viewport clips
//! it to the layout's map area. Lines keep their width in the layout's pixels: their CSS width
//! is divided by the custom property `--{prefix}-k`, the layout's scale against the shared one
//! ([`svg::scaled_line_rules`]). A layout that shares with no other has its own basemap
//! written the same way, in whole tenths of a pixel, which is shorter. Where sharing would be
//! longer (a street-scale map whose basemap is one rectangle of land) each keeps its own.
//!
//! In: the route, the map's options and the layouts. Out: [`SharedGround`].

use crate::basemap;
use crate::model::Route;
use crate::projection::{Bounds, Projection, fit_bounds};
use crate::render::svg::{self, Swap};
use crate::scene::{
    Framing, Item, MapOptions, NaturalEarthDrawn, Scene, basemap_layer, is_visited,
};

/// Pixels (at the shared scale) the shared basemap reaches beyond every layout's map area.
const MARGIN_PX: f64 = 4.0;
/// The largest side of a shared basemap's drawing, pixels; a larger union (layouts of very
/// different shapes at very different scales) keeps each layout's own basemap.
const MAX_SIDE_PX: f64 = 20_000.0;

/// The basemaps shared by the layouts of one `map.html`.
#[derive(Debug, Default)]
pub(crate) struct SharedGround {
    /// Each shared basemap once, for the page's hidden `<defs>` (empty when none is shared).
    pub defs: String,
    /// For each layout, the markup placing a shared basemap in place of its own (none when
    /// it keeps its own).
    pub placed: Vec<Vec<Swap>>,
}

impl SharedGround {
    /// Nothing shared: each of `layouts` layouts draws its own basemap.
    pub fn none(layouts: usize) -> Self {
        SharedGround {
            defs: String::new(),
            placed: vec![Vec::new(); layouts],
        }
    }
}

/// The basemaps of `layouts` (built from `route` with `map`'s options, sharing the prefix of
/// the first) shared where they can be.
pub(crate) fn share(route: &Route, map: &MapOptions, layouts: &[Scene]) -> SharedGround {
    let mut shared = SharedGround::none(layouts.len());
    let Some(first) = layouts.first() else {
        return shared;
    };
    let p = first.prefix.as_str();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (i, scene) in layouts.iter().enumerate() {
        let Some(drawn) = &scene.natural_earth else {
            continue;
        };
        let same = |g: &Vec<usize>| {
            layouts[g[0]]
                .natural_earth
                .as_ref()
                .is_some_and(|o| shares_with(o, drawn))
        };
        match groups.iter_mut().find(|g| same(g)) {
            Some(g) => g.push(i),
            None => groups.push(vec![i]),
        }
    }
    let mut defs = String::new();
    for (n, group) in groups.iter().enumerate() {
        // Each member's drawing and its own basemap items.
        let members: Vec<(&NaturalEarthDrawn, &[Item])> = group
            .iter()
            .filter_map(|&i| {
                let drawn = layouts[i].natural_earth.as_ref()?;
                let layer = layouts[i].layers.iter().find(|l| l.name == "basemap")?;
                Some((drawn, layer.items.get(drawn.items.clone())?))
            })
            .collect();
        if members.len() != group.len() {
            continue;
        }
        let id = format!("{p}-ground-{n}");
        let Some((markup, placed)) = draw_shared(route, map, p, &id, &members) else {
            continue;
        };
        // Shared only where that is shorter than each drawing its own.
        let own: usize = members
            .iter()
            .map(|(_, items)| svg::written(p, items).len())
            .sum();
        if markup.len() + placed.iter().map(String::len).sum::<usize>() >= own {
            continue;
        }
        defs.push_str(&markup);
        for (&i, markup) in group.iter().zip(placed) {
            if let Some(drawn) = &layouts[i].natural_earth {
                shared.placed[i].push(Swap {
                    layer: "basemap",
                    items: drawn.items.clone(),
                    markup,
                });
            }
        }
    }
    shared.defs = defs;
    shared
}

/// Whether two layouts' basemaps can be one: the same Natural Earth scale, graticule and
/// visited countries.
pub(super) fn shares_with(a: &NaturalEarthDrawn, b: &NaturalEarthDrawn) -> bool {
    a.detail == b.detail && a.graticule_step_deg == b.graticule_step_deg && a.visited == b.visited
}

/// A projection's box seen by one layout, projection units: (min x, min y, max x, max y).
fn area_units(d: &NaturalEarthDrawn) -> (f64, f64, f64, f64) {
    let (tx, ty) = d.translation;
    let (w, h) = d.size;
    let s = d.scale;
    ((0.0 - tx) / s, (ty - h) / s, (w - tx) / s, ty / s)
}

/// The basemap shared by `members` (each layout's drawing and its own items; group `id`) and,
/// for each, the markup placing it; `None` when it cannot be drawn (a degenerate or oversized
/// union, or items the writer cannot scale). A group of one keeps its own items, written in
/// tenths.
fn draw_shared(
    route: &Route,
    map: &MapOptions,
    p: &str,
    id: &str,
    members: &[(&NaturalEarthDrawn, &[Item])],
) -> Option<(String, Vec<String>)> {
    let drawn: Vec<&NaturalEarthDrawn> = members.iter().map(|m| m.0).collect();
    let (shared, markup) = match members {
        [(alone, items)] => (
            Shared {
                scale: alone.scale,
                translation: alone.translation,
            },
            svg::scaled_group(p, id, items)?,
        ),
        _ => {
            let projection = Framing::new(route, map.projection).projection();
            draw_union(projection, p, id, &drawn)?
        }
    };
    let placed = drawn
        .iter()
        .map(|d| shared.place(p, id, d, (0.0, 0.0)))
        .collect();
    Some((markup, placed))
}

/// The basemap of `drawn`'s layouts (all in `projection`) drawn once, at the largest of their
/// scales, over the union of their map areas: how it is fitted, and its markup (group `id`).
pub(super) fn draw_union(
    projection: Box<dyn Projection + Send + Sync>,
    p: &str,
    id: &str,
    drawn: &[&NaturalEarthDrawn],
) -> Option<(Shared, String)> {
    let first = drawn.first()?;
    let scale = drawn.iter().map(|d| d.scale).fold(0.0, f64::max);
    let margin = MARGIN_PX / scale;
    let mut b = Bounds {
        min_x: f64::INFINITY,
        min_y: f64::INFINITY,
        max_x: f64::NEG_INFINITY,
        max_y: f64::NEG_INFINITY,
    };
    for d in drawn {
        let (x0, y0, x1, y1) = area_units(d);
        b.min_x = b.min_x.min(x0 - margin);
        b.min_y = b.min_y.min(y0 - margin);
        b.max_x = b.max_x.max(x1 + margin);
        b.max_y = b.max_y.max(y1 + margin);
    }
    let (w, h) = (b.width() * scale, b.height() * scale);
    if !(w.is_finite() && h.is_finite() && w > 0.0 && h > 0.0)
        || w.max(h) > MAX_SIDE_PX
        || !scale.is_finite()
    {
        return None;
    }
    let fitted = fit_bounds(projection, b, w, h, 0.0).ok()?;
    // The fit keeps the scale asked for unless the union is smaller than the least span.
    if (fitted.scale() / scale - 1.0).abs() > 1e-9 {
        return None;
    }
    let view = basemap::view_with(&fitted, first.detail, first.graticule_step_deg, |c| {
        is_visited(&first.visited, c)
    });
    let items = basemap_layer(&view, &first.visited, (0.0, 0.0));
    let markup = svg::scaled_group(p, id, &items)?;
    let shared = Shared {
        scale: fitted.scale(),
        translation: fitted.translation(),
    };
    Some((shared, markup))
}

/// How a shared basemap was fitted: pixels per projection unit and the projection's origin in
/// pixels; its drawing's units are tenths of those pixels.
pub(super) struct Shared {
    scale: f64,
    translation: (f64, f64),
}

impl Shared {
    /// The markup showing this drawing (group `id`, classes prefixed `p`) as the layout `d`
    /// draws its own, with `d`'s top left corner at `at`: a nested `<svg>` whose `viewBox`
    /// maps the drawing onto `d`'s pixels and whose viewport clips it to `d`'s area.
    pub(super) fn place(&self, p: &str, id: &str, d: &NaturalEarthDrawn, at: (f64, f64)) -> String {
        let (k, (a, b)) = self.placement(d);
        let (w, h) = d.size;
        format!(
            "<svg x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" viewBox=\"{} {} {} {}\" \
             preserveAspectRatio=\"none\" style=\"--{p}-k:{}\"><use href=\"#{id}\"/></svg>\n",
            fixed(at.0),
            fixed(at.1),
            fixed(w),
            fixed(h),
            fixed(-a / k),
            fixed(-b / k),
            fixed(w / k),
            fixed(h / k),
            fixed(k),
        )
    }

    /// Where the layout `d` places the shared drawing: `(k, (a, b))` such that the layout's
    /// pixel is k · (drawing's units) + (a, b), on each axis.
    pub(super) fn placement(&self, d: &NaturalEarthDrawn) -> (f64, (f64, f64)) {
        let k = d.scale / self.scale / 10.0;
        let (gx, gy) = self.translation;
        (
            k,
            (
                d.translation.0 - 10.0 * k * gx,
                d.translation.1 - 10.0 * k * gy,
            ),
        )
    }
}

/// `v` with at most five decimals, trailing zeros dropped (a placement is exact to 1/10,000
/// of a shared pixel).
pub(super) fn fixed(v: f64) -> String {
    let s = format!("{v:.5}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_string()
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod test {
    use super::*;
    use crate::basemap::Detail;

    fn drawn(scale: f64, translation: (f64, f64), size: (f64, f64)) -> NaturalEarthDrawn {
        NaturalEarthDrawn {
            scale,
            translation,
            size,
            detail: Detail::Low,
            graticule_step_deg: None,
            visited: Vec::new(),
            items: 0..0,
        }
    }

    #[test]
    fn a_placed_point_lands_where_the_layout_projects_it() {
        let shared = Shared {
            scale: 400.0,
            translation: (900.0, 700.0),
        };
        let layout = drawn(130.0, (300.0, 250.0), (480.0, 420.0));
        let (k, (a, b)) = shared.placement(&layout);
        for (x, y) in [(0.0, 0.0), (0.7, -0.3), (-1.2, 0.9)] {
            // The drawing's units are tenths of the shared pixels.
            let tenths = (
                10.0 * (shared.translation.0 + shared.scale * x),
                10.0 * (shared.translation.1 - shared.scale * y),
            );
            let want = (
                layout.translation.0 + layout.scale * x,
                layout.translation.1 - layout.scale * y,
            );
            let got = (k * tenths.0 + a, k * tenths.1 + b);
            assert!((got.0 - want.0).abs() < 1e-9 && (got.1 - want.1).abs() < 1e-9);
        }
    }

    #[test]
    fn the_areas_seen_are_in_projection_units() {
        // px = tx + s·x: the left edge (px 0) is x = −tx/s; py = ty − s·y: the top is y = ty/s.
        let (x0, y0, x1, y1) = area_units(&drawn(100.0, (50.0, 300.0), (400.0, 200.0)));
        assert_eq!((x0, y0, x1, y1), (-0.5, 1.0, 3.5, 3.0));
    }

    #[test]
    fn only_the_same_scale_graticule_and_countries_share() {
        let a = drawn(1.0, (0.0, 0.0), (1.0, 1.0));
        assert!(shares_with(&a, &drawn(2.0, (5.0, 5.0), (3.0, 3.0))));
        let mut b = a.clone();
        b.detail = Detail::Medium;
        assert!(!shares_with(&a, &b));
        let mut c = a.clone();
        c.graticule_step_deg = Some(10.0);
        assert!(!shares_with(&a, &c));
    }

    #[test]
    fn numbers_are_short_and_never_minus_zero() {
        assert_eq!(fixed(1.5), "1.5");
        assert_eq!(fixed(2.0), "2");
        assert_eq!(fixed(0.123456), "0.12346");
        assert_eq!(fixed(-0.000001), "0");
    }
}
