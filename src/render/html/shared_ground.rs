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
use std::collections::BTreeMap;

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
/// the first, which names the drawings and their classes: the page's rules scoped to the embed
/// do not reach into a `<use>`) shared where they can be.
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
    // Each group's basemap is drawn once, however many of the plans below hold that group.
    let mut made: BTreeMap<Vec<usize>, Drawing> = BTreeMap::new();
    let mut ids = 0..;
    let mut bytes = |group: &[usize]| {
        made.entry(group.to_vec())
            .or_insert_with(|| {
                let id = format!("{p}-ground-{}", ids.next().unwrap_or_default());
                Drawing::of(route, map, p, layouts, group, &id)
            })
            .bytes()
    };
    let mut chosen = plan(layouts, &groups, &mut bytes);
    // The phone layouts have one shape, so they show nearly the same ground, at scales apart
    // enough to fall on two Natural Earth scales (Route 66 at 320 px: 12 km per pixel,
    // 1:110m; at 480 px: 7, 1:50m). One drawing at the narrowest one's scale may be shorter
    // than each its own, or the wider one joining the wide layouts': both are drawn, the
    // shorter kept.
    let narrow = narrow_group(layouts);
    if narrow.len() > 1 && !groups.iter().any(|g| narrow.iter().all(|i| g.contains(i))) {
        let rest: Vec<Vec<usize>> = groups
            .iter()
            .map(|g| g.iter().copied().filter(|i| !narrow.contains(i)).collect())
            .filter(|g: &Vec<usize>| !g.is_empty())
            .collect();
        let mut joined = plan(layouts, &rest, &mut bytes);
        joined.push(narrow);
        let mut total = |plan: &[Vec<usize>]| plan.iter().map(|g| bytes(g)).sum::<usize>();
        if total(&joined) < total(&chosen) {
            chosen = joined;
        }
    }
    for group in chosen {
        let Some((markup, placed)) = made.remove(&group).and_then(|d| d.shared) else {
            continue;
        };
        shared.defs.push_str(&markup);
        for (i, markup) in placed {
            if let Some(drawn) = &layouts[i].natural_earth {
                shared.placed[i].push(Swap {
                    layer: "basemap",
                    items: drawn.items.clone(),
                    markup,
                });
            }
        }
    }
    shared
}

/// The groups to draw for `groups` (positions among `layouts` of layouts that can share a
/// basemap), `bytes` giving what a group's drawing adds to the page. A layout seeing far more
/// ground than the others in its group may be better off drawing its own (`split_by_area`):
/// both ways are weighed, and the shorter kept.
fn plan(
    layouts: &[Scene],
    groups: &[Vec<usize>],
    bytes: &mut dyn FnMut(&[usize]) -> usize,
) -> Vec<Vec<usize>> {
    let mut chosen: Vec<Vec<usize>> = Vec::new();
    for group in groups {
        let whole = bytes(group);
        let areas: Vec<Area> = group
            .iter()
            .filter_map(|&i| layouts[i].natural_earth.as_ref().map(area_units))
            .collect();
        let parts = match areas.len() == group.len() {
            true => split_by_area(&areas),
            false => vec![(0..group.len()).collect()],
        };
        if parts.len() > 1 {
            let split: Vec<Vec<usize>> = parts
                .iter()
                .map(|part| part.iter().map(|&k| group[k]).collect())
                .collect();
            if split.iter().map(|g| bytes(g)).sum::<usize>() < whole {
                chosen.extend(split);
                continue;
            }
        }
        chosen.push(group.clone());
    }
    chosen
}

/// The layouts narrower than [`crate::scene::NARROW_PX`] (one shape: the phones'), narrowest
/// first, when their basemaps differ in nothing but their Natural Earth scale; the shared
/// drawing is of the first one's, the coarsest.
fn narrow_group(layouts: &[Scene]) -> Vec<usize> {
    let mut narrow: Vec<usize> = (0..layouts.len())
        .filter(|&i| layouts[i].width < crate::scene::NARROW_PX)
        .filter(|&i| layouts[i].natural_earth.is_some())
        .collect();
    narrow.sort_by(|&a, &b| layouts[a].width.total_cmp(&layouts[b].width));
    let drawn = |i: usize| layouts[i].natural_earth.as_ref();
    let alike = narrow.windows(2).all(|w| match (drawn(w[0]), drawn(w[1])) {
        (Some(a), Some(b)) => {
            a.graticule_step_deg == b.graticule_step_deg && a.visited == b.visited
        }
        _ => false,
    });
    if alike { narrow } else { Vec::new() }
}

/// The basemap of a group of layouts: drawn once, where that is shorter than each drawing its
/// own.
struct Drawing {
    /// The shared drawing and, for each layout (by position), the markup placing it; `None`
    /// when each keeps its own.
    shared: Option<(String, Vec<(usize, String)>)>,
    /// The bytes of the layouts' own basemaps.
    own: usize,
}

impl Drawing {
    /// The basemap of `layouts` at positions `group` (classes prefixed `p`, drawing `id`).
    fn of(
        route: &Route,
        map: &MapOptions,
        p: &str,
        layouts: &[Scene],
        group: &[usize],
        id: &str,
    ) -> Drawing {
        // Each member's drawing and its own basemap items.
        let members: Vec<(&NaturalEarthDrawn, &[Item])> = group
            .iter()
            .filter_map(|&i| {
                let drawn = layouts[i].natural_earth.as_ref()?;
                let layer = layouts[i].layers.iter().find(|l| l.name == "basemap")?;
                Some((drawn, layer.items.get(drawn.items.clone())?))
            })
            .collect();
        let own: usize = members
            .iter()
            .map(|(_, items)| svg::written(p, items).len())
            .sum();
        let none = Drawing { shared: None, own };
        if members.len() != group.len() {
            return none;
        }
        let Some((markup, placed)) = draw_shared(route, map, p, id, &members) else {
            return none;
        };
        // Shared only where that is shorter than each drawing its own.
        if markup.len() + placed.iter().map(String::len).sum::<usize>() >= own {
            return none;
        }
        Drawing {
            shared: Some((markup, group.iter().copied().zip(placed).collect())),
            own,
        }
    }

    /// The bytes this basemap adds to the page.
    fn bytes(&self) -> usize {
        match &self.shared {
            None => self.own,
            Some((markup, placed)) => {
                markup.len() + placed.iter().map(|(_, m)| m.len()).sum::<usize>()
            }
        }
    }
}

/// Whether two layouts' basemaps can be one: the same Natural Earth scale, graticule and
/// visited countries.
pub(super) fn shares_with(a: &NaturalEarthDrawn, b: &NaturalEarthDrawn) -> bool {
    a.detail == b.detail && a.graticule_step_deg == b.graticule_step_deg && a.visited == b.visited
}

/// A box in projection units: (min x, min y, max x, max y).
type Area = (f64, f64, f64, f64);

/// How much larger than the box of its parts so far a shared drawing may grow to take in one
/// more layout's.
const MAX_GROWTH: f64 = 1.3;

/// `areas` (layouts that could share one basemap) in groups that each share one: starting
/// from the smallest area left, each group takes in, smallest first, every area that grows
/// its union by at most [`MAX_GROWTH`]. A layout that sees far more ground than the others
/// (480 px wide and 1.25 wide per high, among maps twice as wide as high) would double the
/// drawing every other layout shares, for ground only it shows; it draws its own. Out: the
/// positions in `areas` of each group's members, in increasing order.
fn split_by_area(areas: &[Area]) -> Vec<Vec<usize>> {
    let size = |a: &Area| (a.2 - a.0) * (a.3 - a.1);
    let union = |a: &Area, b: &Area| (a.0.min(b.0), a.1.min(b.1), a.2.max(b.2), a.3.max(b.3));
    let mut left: Vec<usize> = (0..areas.len()).collect();
    left.sort_by(|&a, &b| size(&areas[a]).total_cmp(&size(&areas[b])).then(a.cmp(&b)));
    let mut groups = Vec::new();
    while let Some((&first, rest)) = left.split_first() {
        let mut group = vec![first];
        let mut box_ = areas[first];
        let mut others = Vec::new();
        for &k in rest {
            let grown = union(&box_, &areas[k]);
            if size(&grown) <= MAX_GROWTH * size(&box_) {
                group.push(k);
                box_ = grown;
            } else {
                others.push(k);
            }
        }
        group.sort_unstable();
        groups.push(group);
        left = others;
    }
    groups
}

/// A projection's box seen by one layout, projection units.
fn area_units(d: &NaturalEarthDrawn) -> Area {
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
            draw_union(
                projection,
                p,
                id,
                &drawn,
                detail_scale(&drawn, map.width_px),
            )?
        }
    };
    let placed = drawn
        .iter()
        .map(|d| shared.place(p, id, d, (0.0, 0.0)))
        .collect();
    Some((markup, placed))
}

/// The largest of `drawn`'s scales: a drawing every one of them shows at its own detail.
pub(super) fn largest_scale(drawn: &[&NaturalEarthDrawn]) -> f64 {
    drawn.iter().map(|d| d.scale).fold(0.0, f64::max)
}

/// The scale a basemap shared by `drawn`'s layouts is drawn at, pixels per projection unit:
/// that of the widest layout whose map area is not wider than `width_px` (the map asked for),
/// else the narrowest. A wider layout shows it magnified by at most its width over that one's
/// (1280 against 960: a line simplified to 0.4 px instead of 0.3), as it shows that map's
/// Natural Earth scale; drawing it at the widest layout's scale would hold a third more points.
fn detail_scale(drawn: &[&NaturalEarthDrawn], width_px: f64) -> f64 {
    let fits = drawn
        .iter()
        .filter(|d| d.size.0 <= width_px + 0.5)
        .map(|d| d.scale)
        .fold(f64::NAN, f64::max);
    if fits.is_nan() {
        drawn.iter().map(|d| d.scale).fold(f64::INFINITY, f64::min)
    } else {
        fits
    }
}

/// The basemap of `drawn`'s layouts (all in `projection`) drawn once, at `scale` (pixels per
/// projection unit), over the union of their map areas: how it is fitted, and its markup
/// (group `id`).
pub(super) fn draw_union(
    projection: Box<dyn Projection + Send + Sync>,
    p: &str,
    id: &str,
    drawn: &[&NaturalEarthDrawn],
    scale: f64,
) -> Option<(Shared, String)> {
    let first = drawn.first()?;
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
    fn a_layout_seeing_far_more_ground_draws_its_own() {
        // Three maps of one area (the widest a little larger), and one seeing twice as high.
        let wide = (0.0, 0.0, 10.0, 4.5);
        let areas = [
            wide,
            (0.0, -2.0, 11.0, 8.0),
            (0.2, 0.1, 9.8, 4.4),
            (-0.2, 0.0, 10.2, 4.6),
        ];
        assert_eq!(split_by_area(&areas), [vec![0, 2, 3], vec![1]]);
        // Alike, they share one.
        assert_eq!(split_by_area(&[wide, wide, wide]), [vec![0, 1, 2]]);
        // Each alone when no two are alike.
        let apart = [(0.0, 0.0, 1.0, 1.0), (5.0, 5.0, 6.0, 6.0)];
        assert_eq!(split_by_area(&apart), [vec![0], vec![1]]);
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
