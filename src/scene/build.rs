//! `build`: a `Route` and [`MapOptions`] in, a [`Scene`] out. Like usvg's converter, this file
//! only walks the steps; each step lives in its own file with the shared [`Ctx`]: the
//! projection is chosen and fitted ([`Framing`]), the page's height settled, the map area drawn
//! ([`draw`]: basemap, legs, insets, markers, labels) and the title and footer laid out.

use super::basemap_layer::{basemap_layer, country_labels};
use super::context::Ctx;
use super::describe;
use super::furniture::{self, Footer};
use super::inset::FittedMap;
use super::inset::draw::draw_insets;
use super::inset::members::inset_groups;
use super::labels::{Placed, Placer};
use super::legs::{leg_items, project_legs};
use super::markers::{MainMarkers, main_markers, marker};
use super::stop_labels::{key_line, place_all};
use super::{Item, Layer, MapOptions, Scene};
use crate::basemap::{self, Detail};
use crate::error::Error;
use crate::geometry::Rect;
use crate::model::{LonLat, Route};
use crate::projection::{
    self, Projection, ProjectionKind, TripExtent, choose_kind, fit, pick_height_px,
};

/// Room around the route inside the map frame, pixels (labels go there).
const PAD_PX: f64 = 48.0;
/// Footer height assumed when fitting a page of a given height, pixels.
const FOOTER_PX: f64 = 64.0;
/// The least height the map area may have, pixels.
const MIN_MAP_PX: f64 = 120.0;

/// Builds the scene for `route` (see the module docs). Fails only on unusable options.
pub fn build(route: &Route, o: &MapOptions) -> Result<Scene, Error> {
    o.check()?;
    let ctx = Ctx::new(route, o);
    let width = o.width_px.round();
    let title = describe::title(route);
    let subtitle = describe::subtitle(route, o.units);
    let (header_items, header_h) = furniture::header(&title, &subtitle, width);
    let framing = Framing::new(route, o.projection);
    let mut map_h = first_map_height(&framing, o, width, header_h)?;
    let mut d = draw(&ctx, &framing, width, map_h)?;
    // An inset that found no room: give the map more height (and so more room) and try again.
    if o.height_px.is_none() {
        for _ in 0..3 {
            if d.insets_missing == 0 {
                break;
            }
            map_h = (map_h * 1.3).round();
            d = draw(&ctx, &framing, width, map_h)?;
        }
    }
    let (mut footer_items, mut footer_h) = footer(&ctx, &framing, &d, width, header_h + map_h);
    // A given page height is met exactly: the map takes what the title and footer leave.
    if let Some(h) = o.height_px {
        let diff = (h - (header_h + map_h + footer_h)).round();
        if diff != 0.0 && map_h + diff >= MIN_MAP_PX {
            map_h += diff;
            d = draw(&ctx, &framing, width, map_h)?;
            (footer_items, footer_h) = footer(&ctx, &framing, &d, width, header_h + map_h);
        }
    }
    let mut furniture_items = header_items;
    furniture_items.push(Item::Rect {
        class: "frame",
        rect: Rect::new(0.0, header_h, width, map_h),
    });
    furniture_items.extend(footer_items);
    let height = header_h + map_h + footer_h;
    Ok(Scene {
        width,
        height,
        prefix: describe::id_prefix(route, o.id_prefix.as_deref()),
        theme: o.theme.clone(),
        title,
        desc: describe::describe(route, &ctx.places, o.units),
        layers: d.into_layers(header_h, height, furniture_items),
    })
}

/// What the main map's projection fits: every stop and every point of every leg (arcs bulge
/// poleward), and the projection chosen for them (or asked for).
struct Framing {
    lonlats: Vec<LonLat>,
    extent: TripExtent,
    kind: ProjectionKind,
}

impl Framing {
    fn new(route: &Route, forced: Option<ProjectionKind>) -> Self {
        let mut lonlats: Vec<LonLat> = route.stops.iter().map(|s| s.position).collect();
        for leg in &route.legs {
            lonlats.extend(
                leg.path
                    .iter()
                    .map(|&(x, y)| LonLat::from_point_wrapped(geo::Point::new(x, y))),
            );
        }
        if forced == Some(ProjectionKind::Mercator) && lonlats.iter().any(|p| p.lat().abs() <= 85.0)
        {
            // Mercator stretches to infinity at the poles: fit what it can show (a stop beyond
            // goes to the key).
            lonlats.retain(|p| p.lat().abs() <= 85.0);
        }
        let raw: Vec<(f64, f64)> = lonlats.iter().map(|p| (p.lon(), p.lat())).collect();
        let extent = TripExtent::of(&raw).unwrap_or_else(TripExtent::world);
        let kind = forced.unwrap_or_else(|| choose_kind(&extent));
        Framing {
            lonlats,
            extent,
            kind,
        }
    }

    fn projection(&self) -> Box<dyn Projection + Send + Sync> {
        projection::build(self.kind, &self.extent)
    }
}

/// The map area's height before insets and the footer are known: what the page height leaves,
/// or what suits the trip (a phone-width map gets at least 0.8 of its width: room for labels
/// and an inset that a wide, short strip would not have).
fn first_map_height(
    framing: &Framing,
    o: &MapOptions,
    width: f64,
    header_h: f64,
) -> Result<f64, Error> {
    let map_h = match o.height_px {
        Some(h) => (h - header_h - FOOTER_PX).round(),
        None => pick_height_px(&framing.projection(), &framing.lonlats, width, PAD_PX)
            .map_err(|e| Error::Options(format!("map: {e}")))?
            .max(if width < 560.0 {
                (0.8 * width).round()
            } else {
                0.0
            }),
    };
    if map_h < MIN_MAP_PX {
        return Err(Error::Options(format!(
            "map height {} px leaves {map_h} px for the map; give at least {} px",
            o.height_px.unwrap_or(0.0),
            (header_h + FOOTER_PX + MIN_MAP_PX).ceil()
        )));
    }
    Ok(map_h)
}

/// The map area's drawing at one height: everything between the frame's edges.
struct Drawing {
    map: FittedMap,
    /// Land, countries, lakes, borders, coastlines (and graticule) of the main map.
    basemap_items: Vec<Item>,
    /// Whether the basemap drew any land (so the source line credits Natural Earth).
    has_land: bool,
    frame: Rect,
    route_items: Vec<Item>,
    stop_items: Vec<Item>,
    label_items: Vec<Item>,
    inset_items: Vec<Item>,
    /// Places whose labels found no room, for the footer's key.
    key: Vec<String>,
    inset_count: usize,
    /// Clusters that needed an inset but found no room for one.
    insets_missing: usize,
}

/// Fits the map to `width` × `map_h` and draws basemap, legs, insets, markers and labels.
fn draw(ctx: &Ctx, framing: &Framing, width: f64, map_h: f64) -> Result<Drawing, Error> {
    let map: FittedMap = fit(framing.projection(), &framing.lonlats, width, map_h, PAD_PX)
        .map_err(|e| Error::Options(format!("map: {e}")))?;
    let frame = Rect::new(0.0, 0.0, width, map_h);
    let km = map.scale_at_centre_km_per_px().unwrap_or(f64::INFINITY);
    let step = ctx
        .options
        .graticule
        .then_some(if km > 20.0 { 30.0 } else { 10.0 });
    let view = basemap::view(&map, Detail::for_scale(km), step);
    let legs = project_legs(ctx.route, &|p| map.project_px(p), &frame);
    let place_px: Vec<(f64, f64)> = ctx
        .places
        .iter()
        .map(|p| map.project_px(p.position).unwrap_or((f64::NAN, f64::NAN)))
        .collect();
    let mut placer = Placer::new(frame.grow(-4.0));
    for part in legs.iter().flatten() {
        placer.add_route(part);
    }
    let groups = inset_groups(&ctx.places, &place_px, &ctx.radii, width);
    let insets = draw_insets(ctx, &groups, &place_px, frame, &mut placer);
    let on_map: Vec<bool> = place_px
        .iter()
        .map(|&c| c.0.is_finite() && c.1.is_finite() && frame.contains(c))
        .collect();
    let markers = main_markers(
        &place_px,
        &ctx.radii,
        &on_map,
        &insets.in_inset,
        frame,
        &insets.rects,
        &mut placer,
    );
    let placed = place_all(
        &mut placer,
        &ctx.places,
        &markers.shown,
        &markers.marker_px,
        &ctx.radii,
        ctx.options.annotate,
    );
    let mut key = insets.key;
    let (stop_items, mut label_items) =
        markers_and_labels(ctx, &on_map, &insets.in_inset, markers, placed, &mut key);
    label_items.extend(country_labels(&ctx.visited, &mut placer, &|p| {
        map.project_px(p)
    }));
    let mut route_items: Vec<Item> = legs.iter().flat_map(|parts| leg_items(parts)).collect();
    route_items.extend(insets.locator_items);
    Ok(Drawing {
        basemap_items: basemap_layer(&view, &ctx.visited, (0.0, 0.0)),
        has_land: !view.land.is_empty(),
        map,
        frame,
        route_items,
        stop_items,
        label_items,
        inset_items: insets.items,
        key,
        inset_count: insets.count,
        insets_missing: insets.missing,
    })
}

/// The main map's stop items (dots and leaders, then markers) and label items, in place order;
/// a place off the map, or whose label found no room, goes to `key`.
fn markers_and_labels(
    ctx: &Ctx,
    on_map: &[bool],
    in_inset: &[bool],
    markers: MainMarkers,
    mut placed: Vec<Option<Placed>>,
    key: &mut Vec<String>,
) -> (Vec<Item>, Vec<Item>) {
    let mut stop_items = markers.items;
    let mut label_items = Vec::new();
    for (i, p) in ctx.places.iter().enumerate() {
        if !on_map[i] {
            key.push(key_line(p));
            continue;
        }
        if in_inset[i] {
            continue;
        }
        stop_items.push(marker(markers.marker_px[i], &p.numbers(), ctx.radii[i]));
        match placed[i].take() {
            Some(placed) => label_items.push(Item::Group {
                class: "label",
                items: placed.items,
            }),
            None => key.push(key_line(p)),
        }
    }
    (stop_items, label_items)
}

/// The footer under the map (legend, scale bar, north arrow, source line, key) whose top is at
/// `top`, and its height.
fn footer(ctx: &Ctx, framing: &Framing, d: &Drawing, width: f64, top: f64) -> (Vec<Item>, f64) {
    let scale = d
        .map
        .scale_at_centre_km_per_px()
        .and_then(|km| furniture::scale_bar(km, ctx.options.units, 130.0));
    let source = describe::source_line(ctx.route, d.has_land, framing.kind);
    furniture::footer(&Footer {
        width,
        top,
        has_insets: d.inset_count > 0,
        scale,
        north_deg: north_deg(&d.map),
        source: &source,
        key: &d.key,
        legs: describe::leg_kinds(ctx.route),
    })
}

impl Drawing {
    /// The scene's layers: the map's under a title band `header_h` high, on a page `height`
    /// high, with the furniture on top.
    fn into_layers(self, header_h: f64, height: f64, furniture: Vec<Item>) -> Vec<Layer> {
        let offset = (0.0, header_h);
        let mut basemap_items = vec![
            Item::Rect {
                class: "page",
                rect: Rect::new(0.0, -header_h, self.frame.w, height),
            },
            Item::Rect {
                class: "ocean",
                rect: self.frame,
            },
        ];
        basemap_items.extend(self.basemap_items);
        let layer = |name, offset, items| Layer {
            name,
            offset,
            items,
        };
        vec![
            layer("basemap", offset, basemap_items),
            layer("route", offset, self.route_items),
            layer("stops", offset, self.stop_items),
            layer("labels", offset, self.label_items),
            layer("insets", offset, self.inset_items),
            layer("furniture", (0.0, 0.0), furniture),
        ]
    }
}

/// Where north points at the map's centre, in degrees clockwise from up, when more than 5° off
/// (less is not worth an arrow on a map whose meridians converge anyway).
fn north_deg(map: &FittedMap) -> Option<f64> {
    let c = map.inverse_px(map.width_px() / 2.0, map.height_px() / 2.0)?;
    let up = LonLat::new(c.lon(), (c.lat() + 0.1).min(90.0)).ok()?;
    let (a, b) = (map.project_px(c)?, map.project_px(up)?);
    let deg = (b.0 - a.0).atan2(a.1 - b.1).to_degrees();
    (deg.abs() > 5.0).then_some((deg * 10.0).round() / 10.0)
}
