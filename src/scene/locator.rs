//! A locator map: for a map of a small area (a city, a region, one country), a small map of
//! the land around it with the main map's extent marked, so a reader knows where it is. Set in
//! the map where it covers no leg, marker or inset; left out where there is no such place.

use super::basemap_layer::{basemap_layer, is_visited};
use super::context::Ctx;
use super::inset::FittedMap;
use super::inset::fit::NARROW_PX;
use super::inset::frame::{Keep, place_frame};
use super::{Item, NaturalEarthDrawn};
use crate::basemap::{self, Detail};
use crate::geodesy::{EARTH_RADIUS_M, destination};
use crate::geometry::{Rect, round_pt};
use crate::model::LonLat;
use crate::projection::{Projection, TripExtent, choose, fit, pick_height_px};

/// Maps narrower than this on the ground (km across) get a locator map.
pub(crate) const LOCATOR_MAX_KM: f64 = 1_500.0;
/// What a locator map shows across, km: this many times the trip, within bounds.
const LOCATOR_ZOOM_OUT: f64 = 6.0;
const LOCATOR_MIN_KM: f64 = 1_600.0;
const LOCATOR_MAX_SPAN_KM: f64 = 7_000.0;

/// What the locator map needs to know of the main map.
pub(crate) struct MainExtent<'a> {
    /// The main map's projection in pixels.
    pub map: &'a FittedMap,
    /// The height of the part fitted to the trip (the map may be taller below), pixels.
    pub fitted_h: f64,
    /// The main map's scale there, km per pixel.
    pub km_per_px: f64,
    /// The extent of what the main map was fitted to.
    pub trip: &'a TripExtent,
}

/// How a locator map's Natural Earth basemap was drawn, so that `map.html` can draw the
/// locators of several layouts once (see [`NaturalEarthDrawn`]; its `items` are positions
/// among the locator group's items, its scale and translation relative to the locator's top
/// left corner).
#[derive(Debug, Clone, PartialEq)]
pub struct LocatorDrawn {
    /// The points the locator's projection was chosen and fitted for.
    pub around: Vec<LonLat>,
    /// The locator's top left corner in the `insets` layer, pixels.
    pub origin: (f64, f64),
    /// How its basemap was drawn.
    pub drawn: NaturalEarthDrawn,
}

impl LocatorDrawn {
    /// The locator's projection, as chosen when it was drawn.
    pub(crate) fn projection(&self) -> Box<dyn Projection + Send + Sync> {
        let pts: Vec<(f64, f64)> = self.around.iter().map(|p| (p.lon(), p.lat())).collect();
        choose(&pts, None)
    }
}

/// The locator map for the main map, its place and how its basemap was drawn, or `None` when
/// the main map is wide enough to place itself or no free place exists.
pub(crate) fn draw_locator(
    ctx: &Ctx,
    main: &MainExtent,
    keep: &Keep,
) -> Option<(Item, Rect, LocatorDrawn)> {
    let across_km = main.km_per_px * main.map.width_px();
    if !(across_km.is_finite() && across_km < LOCATOR_MAX_KM) {
        return None;
    }
    let around = locator_ground(main.trip);
    let fitted = fit_locator(&around, main.map.width_px())?;
    let rect = place_frame((fitted.width_px(), fitted.height_px()), None, keep)?;
    let (item, drawn) = draw(ctx, main, &fitted, rect);
    let drawn = LocatorDrawn {
        around,
        origin: (rect.x, rect.y),
        drawn,
    };
    Some((item, rect, drawn))
}

/// The points a locator's projection is chosen and fitted for: eight points round the trip's
/// centre, as far apart as [`LOCATOR_ZOOM_OUT`] times the trip's diameter (within bounds). They
/// depend on the trip alone, not on the main map's shape or width, so the locators of the
/// layouts of `map.html` show the same ground and share one drawing of it.
fn locator_ground(trip: &TripExtent) -> Vec<LonLat> {
    let diameter_km = 2.0 * trip.radius.to_radians() * EARTH_RADIUS_M / 1000.0;
    let span_km = (diameter_km * LOCATOR_ZOOM_OUT).clamp(LOCATOR_MIN_KM, LOCATOR_MAX_SPAN_KM);
    (0..8)
        .filter_map(|k| destination(trip.centre, f64::from(k) * 45.0, span_km * 500.0))
        .collect()
}

/// The side of the locator of a map `map_width_px` wide, pixels.
fn locator_side_px(map_width_px: f64) -> f64 {
    if map_width_px < NARROW_PX {
        96.0
    } else {
        (map_width_px * 0.16).clamp(110.0, 170.0).round()
    }
}

/// The locator's projection (chosen as for a trip over `around`), fitted to its box.
fn fit_locator(around: &[LonLat], map_width_px: f64) -> Option<FittedMap> {
    let pts: Vec<(f64, f64)> = around.iter().map(|p| (p.lon(), p.lat())).collect();
    let projection = choose(&pts, None);
    let w = locator_side_px(map_width_px);
    let h = pick_height_px(&projection, around, w, 2.0)
        .ok()?
        .clamp(0.7 * w, w)
        .round();
    fit(projection, around, w, h, 2.0).ok()
}

/// The locator's items (background, land and borders, the main map's extent, frame), and how
/// its basemap was drawn. Its detail is that of the locator of a map
/// [`super::MapOptions::detail_width_px`] wide, when one is given: the locators of the layouts
/// of `map.html` show the same ground ([`locator_ground`]), so at one detail they share one
/// drawing, and a phone layout's finer locator costs a `<use>`, not a drawing of its own.
fn draw(ctx: &Ctx, main: &MainExtent, fitted: &FittedMap, rect: Rect) -> (Item, NaturalEarthDrawn) {
    let origin = (rect.x, rect.y);
    let mut km = fitted.scale_at_centre_km_per_px().unwrap_or(f64::INFINITY);
    if let Some(w) = ctx.options.detail_width_px.filter(|w| *w > 0.0) {
        km *= fitted.width_px() / locator_side_px(w);
    }
    let detail = Detail::for_scale(km.max(2.5));
    let view = basemap::view_with(fitted, detail, None, |c| is_visited(&ctx.visited, c));
    let mut items = vec![Item::Rect {
        class: "inset-bg",
        rect,
    }];
    items.extend(basemap_layer(&view, &ctx.visited, origin));
    let drawn = NaturalEarthDrawn::new(fitted, detail, None, &ctx.visited, 1..items.len());
    items.push(extent_mark(main, fitted, origin));
    items.push(Item::Rect {
        class: "inset-frame",
        rect,
    });
    let item = Item::Group {
        class: "locator-map",
        items,
    };
    (item, drawn)
}

/// The main map's frame drawn on the locator: its outline, or a dot when that would be
/// smaller than a few pixels.
fn extent_mark(main: &MainExtent, fitted: &FittedMap, origin: (f64, f64)) -> Item {
    let (w, h) = (main.map.width_px(), main.fitted_h);
    let mut outline: Vec<(f64, f64)> = Vec::new();
    for k in 0..40 {
        let t = f64::from(k % 10) / 10.0;
        let (x, y) = match k / 10 {
            0 => (t * w, 0.0),
            1 => (w, t * h),
            2 => ((1.0 - t) * w, h),
            _ => (0.0, (1.0 - t) * h),
        };
        if let Some(p) = main
            .map
            .inverse_px(x, y)
            .and_then(|ll| fitted.project_px(ll))
        {
            outline.push(round_pt((p.0 + origin.0, p.1 + origin.1)));
        }
    }
    let bounds = Rect::around(outline.iter().copied());
    match bounds {
        Some(b) if b.w >= 6.0 && b.h >= 6.0 && outline.len() >= 4 => Item::Path {
            class: "extent",
            parts: vec![outline],
            closed: true,
        },
        _ => {
            let c = main
                .map
                .inverse_px(w / 2.0, h / 2.0)
                .and_then(|ll| fitted.project_px(ll))
                .unwrap_or((fitted.width_px() / 2.0, fitted.height_px() / 2.0));
            Item::Circle {
                class: "extent-dot",
                c: round_pt((c.0 + origin.0, c.1 + origin.1)),
                r: 3.0,
            }
        }
    }
}
