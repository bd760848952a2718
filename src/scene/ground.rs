//! What the map is drawn on: the street basemap when the options name one, else the bundled
//! Natural Earth basemap (and graticule). In: the fitted map. Out: its items, what the source
//! line must credit, and the basemap's own names to place after the trip's. The user's
//! overlays go on top of it, under the route.

use super::basemap_layer::{basemap_layer, is_visited};
use super::context::Ctx;
use super::framing::Framing;
use super::inset::FittedMap;
use super::labels::Placer;
use super::overlay::overlay_items;
use super::tile_labels::tile_labels;
use super::tile_layer::tile_layer;
use super::{Item, MapOptions};
use crate::basemap::{self, Country, Detail};
use crate::error::Error;
use crate::projection::{Bounds, fit, fit_bounds_min_span};
use crate::tiles::TileLabel;

/// The least span of a street map, in Earth radii (about 320 m): a walk is drawn as large as
/// its stops allow, where Natural Earth maps show at least about 1.9 km.
const STREET_MIN_SPAN_UNITS: f64 = 0.00005;

/// The main map fitted to the trip in a box of `size` pixels with `pad` pixels around it.
pub(crate) fn fit_map(
    ctx: &Ctx,
    framing: &Framing,
    size: (f64, f64),
    pad: f64,
) -> Result<FittedMap, Error> {
    let projection = framing.projection();
    let (w, h) = size;
    let fitted = match Bounds::of_positions(&projection, &framing.lonlats) {
        Some(b) if ctx.options.basemap.is_some() => {
            fit_bounds_min_span(projection, b, w, h, pad, STREET_MIN_SPAN_UNITS)
        }
        _ => fit(projection, &framing.lonlats, w, h, pad),
    };
    fitted.map_err(|e| Error::Options(format!("map: {e}")))
}

/// Street names a map takes at most: one per this many pixels of width.
const PX_PER_STREET_NAME: f64 = 60.0;

/// The basemap drawn under a map.
pub(crate) struct Ground {
    /// Its items, bottom first.
    pub items: Vec<Item>,
    /// Whether Natural Earth drew land (the source line credits it).
    pub has_land: bool,
    /// The street basemap's attribution, for the source line.
    pub attribution: Option<String>,
    /// The street basemap's names, most important first.
    labels: Vec<TileLabel>,
    /// How the Natural Earth basemap was drawn: its items are the first of `items`.
    pub natural_earth: Option<NaturalEarthDrawn>,
}

/// How a map's Natural Earth basemap was drawn, so that a page of several layouts of one trip
/// (`map.html`, whose layouts share the projection and differ only in scale and translation)
/// can draw one basemap for them all and place it in each.
#[derive(Debug, Clone, PartialEq)]
pub struct NaturalEarthDrawn {
    /// Pixels per projection unit.
    pub scale: f64,
    /// The projection's origin in pixels: px = tx + scale·x, py = ty − scale·y.
    pub translation: (f64, f64),
    /// The map area the basemap is clipped to, pixels (its top left corner is the origin of
    /// the `basemap` layer).
    pub size: (f64, f64),
    /// The Natural Earth scale drawn.
    pub detail: Detail,
    /// The graticule's step in degrees, when drawn.
    pub graticule_step_deg: Option<f64>,
    /// The countries tinted as visited.
    pub visited: Vec<Country>,
    /// Where the basemap's items are among the `basemap` layer's items.
    pub items: std::ops::Range<usize>,
}

impl NaturalEarthDrawn {
    /// How `map` drew its Natural Earth basemap at `detail` (graticule every `step` degrees,
    /// `visited` tinted) as `items` of its layer.
    pub(crate) fn new(
        map: &FittedMap,
        detail: Detail,
        step: Option<f64>,
        visited: &[Country],
        items: std::ops::Range<usize>,
    ) -> Self {
        NaturalEarthDrawn {
            scale: map.scale(),
            translation: map.translation(),
            size: (map.width_px(), map.height_px()),
            detail,
            graticule_step_deg: step,
            visited: visited.to_vec(),
            items,
        }
    }
}

impl Ground {
    /// The ground of `map` at `km_per_px` (the scale at its centre).
    pub fn draw(ctx: &Ctx, map: &FittedMap, km_per_px: f64) -> Result<Ground, Error> {
        let mut ground = Self::basemap(ctx, map, km_per_px)?;
        let o = ctx.options;
        let project = |p| map.project_px(p);
        let size = (map.width_px(), map.height_px());
        ground
            .items
            .extend(overlay_items(&o.overlays, &o.theme, &project, size));
        Ok(ground)
    }

    /// The street basemap, or Natural Earth.
    fn basemap(ctx: &Ctx, map: &FittedMap, km_per_px: f64) -> Result<Ground, Error> {
        if let Some(streets) = &ctx.options.basemap {
            let view = streets.view(map)?;
            return Ok(Ground {
                items: tile_layer(&view),
                has_land: false,
                attribution: view.attribution,
                labels: view.labels,
                natural_earth: None,
            });
        }
        let step = ctx
            .options
            .graticule
            .then_some(if km_per_px > 20.0 { 30.0 } else { 10.0 });
        let detail = Detail::for_scale(detail_km_per_px(ctx.options, km_per_px));
        let view = basemap::view_with(map, detail, step, |c| is_visited(&ctx.visited, c));
        let items = basemap_layer(&view, &ctx.visited, (0.0, 0.0));
        let natural_earth = NaturalEarthDrawn::new(map, detail, step, &ctx.visited, 0..items.len());
        Ok(Ground {
            items,
            has_land: !view.land.is_empty(),
            attribution: None,
            labels: Vec::new(),
            natural_earth: Some(natural_earth),
        })
    }

    /// The basemap's names placed in what the trip's labels left free on a map `width` wide.
    pub fn place_labels(&self, placer: &mut Placer, width: f64) -> Vec<Item> {
        let max_streets = (width / PX_PER_STREET_NAME).floor() as usize;
        tile_labels(&self.labels, placer, max_streets)
    }
}

/// The scale whose Natural Earth detail a map of `options` at `km_per_px` draws: its own, or
/// that of the narrower map of [`MapOptions::detail_width_px`] (the same area, so a scale as
/// much coarser as that map is narrower). Never finer than its own: a narrower layout drawing
/// a finer basemap would make `map.html` larger, not smaller (measured on the corpus).
fn detail_km_per_px(options: &MapOptions, km_per_px: f64) -> f64 {
    match options.detail_width_px {
        Some(w) if w > 0.0 && w < options.width_px => km_per_px * options.width_px / w,
        _ => km_per_px,
    }
}
