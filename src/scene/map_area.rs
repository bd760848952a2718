//! The map area of a scene at one size: the map fitted to it, then its basemap, legs, insets
//! and locator, markers and labels placed ([`draw`]), and those gathered into the scene's
//! layers ([`Drawing::into_layers`]). `build.rs` calls it once or twice while it settles the
//! page's height.

use super::basemap_layer::country_labels;
use super::context::Ctx;
use super::framing::Framing;
use super::ground::{Ground, NaturalEarthDrawn, fit_map};
use super::inset::FittedMap;
use super::inset::draw::{InsetRoom, Insets, draw_insets};
use super::inset::fit::{MapSize, NARROW_PX};
use super::inset::frame::Keep;
use super::inset::members::inset_groups;
use super::labels::{Placed, Placer};
use super::legs::{leg_items, project_legs};
use super::locator::{LocatorDrawn, MainExtent, draw_locator};
use super::markers::{MainMarkers, MarkerRoom, main_markers, marker, small_dot};
use super::orientation::orientation_labels;
use super::stop_labels::{Unsaid, place_all};
use super::{Item, Layer, Tag};
use crate::basemap;
use crate::error::Error;
use crate::geometry::Rect;
use crate::model::LonLat;
use crate::trig;

/// Room around the route inside the map frame, pixels (labels go there).
pub(super) const PAD_PX: f64 = 48.0;

/// The map area's drawing at one height: everything between the frame's edges.
pub(super) struct Drawing {
    /// The map's scale at the centre of the area fitted to the trip, km per pixel.
    pub(super) scale_km_per_px: Option<f64>,
    /// Where north points there, degrees clockwise from up, when not up.
    pub(super) north_deg: Option<f64>,
    /// Land, countries, lakes, borders, coastlines (and graticule) of the main map.
    pub(super) basemap_items: Vec<Item>,
    /// Whether the basemap drew any land (so the source line credits Natural Earth).
    pub(super) has_land: bool,
    /// The street basemap's attribution, for the source line.
    pub(super) attribution: Option<String>,
    /// How the Natural Earth basemap was drawn (its items are the first of `basemap_items`).
    pub(super) natural_earth: Option<NaturalEarthDrawn>,
    /// How the locator map (in `inset_items`) drew its basemap.
    pub(super) locator: Option<LocatorDrawn>,
    pub(super) frame: Rect,
    pub(super) route_items: Vec<Item>,
    pub(super) stop_items: Vec<Item>,
    pub(super) label_items: Vec<Item>,
    pub(super) inset_items: Vec<Item>,
    /// Places whose labels found no room, for the footer's key.
    pub(super) key: Vec<String>,
    /// Notes asked for but not drawn in full, for the list under the map.
    pub(super) notes: Vec<String>,
    pub(super) inset_count: usize,
    /// Clusters that needed an inset but found no room for one.
    pub(super) insets_missing: usize,
    /// Their sizes, pixels.
    pub(super) missing_sizes: Vec<(f64, f64)>,
}

/// Fits the map to `width` × `map_h` and draws basemap, legs, insets (in a strip `strip_h`
/// high below the map when there is one), markers and labels.
pub(super) fn draw(
    ctx: &Ctx,
    framing: &Framing,
    width: f64,
    map_h: f64,
    strip_h: f64,
) -> Result<Drawing, Error> {
    let map: FittedMap = fit_map(ctx, framing, (width, map_h), PAD_PX)?;
    // Scale and north are read where the trip is, not in the room added for insets.
    let (scale_km_per_px, north) = (map.scale_at_centre_km_per_px(), north_deg(&map));
    let frame = Rect::new(0.0, 0.0, width, map_h);
    let km = scale_km_per_px.unwrap_or(f64::INFINITY);
    let ground = Ground::draw(ctx, &map, km)?;
    let legs = project_legs(ctx.route, &|p| map.project_px(p), &frame, &ctx.bows);
    let place_px: Vec<(f64, f64)> = ctx
        .places
        .iter()
        .map(|p| map.project_px(p.position).unwrap_or((f64::NAN, f64::NAN)))
        .collect();
    let mut placer = Placer::new(frame.grow(-4.0));
    for part in legs.iter().flatten() {
        placer.add_route(part);
    }
    let size = MapSize { w: width, h: map_h };
    let groups = inset_groups(&ctx.places, &place_px, &ctx.radii, size);
    // A narrow map stacks its insets under itself: they go only in the strip added below.
    let room = InsetRoom {
        map: (width >= NARROW_PX).then_some(frame),
        strip: (strip_h > 0.0).then(|| Rect::new(0.0, map_h, width, strip_h)),
    };
    let mut insets = draw_insets(ctx, &groups, &place_px, &room, &mut placer);
    if let Some(km_per_px) = scale_km_per_px {
        let main = MainExtent {
            map: &map,
            fitted_h: map_h,
            km_per_px,
            trip: &framing.extent,
        };
        add_locator(ctx, &main, &place_px, frame, &mut insets, &mut placer);
    }
    let (on_map, markers) = mark_places(ctx, &place_px, frame, &insets, &mut placer);
    let placed = place_all(ctx, &mut placer, &markers);
    let mut unsaid = insets.unsaid;
    let (stop_items, mut label_items) =
        markers_and_labels(ctx, &on_map, &insets.in_inset, markers, placed, &mut unsaid);
    label_items.extend(courtesy_labels(ctx, &map, km, &place_px, &mut placer));
    label_items.extend(ground.place_labels(&mut placer, width));
    let mut route_items: Vec<Item> = legs
        .iter()
        .enumerate()
        .flat_map(|(k, parts)| leg_items(parts, k + 1, ctx.route.legs[k].mode))
        .collect();
    route_items.extend(insets.locator_items);
    Ok(Drawing {
        basemap_items: ground.items,
        has_land: ground.has_land,
        attribution: ground.attribution,
        natural_earth: ground.natural_earth,
        locator: insets.locator,
        scale_km_per_px,
        north_deg: north,
        frame,
        route_items,
        stop_items,
        label_items,
        inset_items: insets.items,
        key: unsaid.key.clone(),
        notes: unsaid.notes(ctx),
        inset_count: insets.count,
        insets_missing: insets.missing,
        missing_sizes: insets.missing_sizes,
    })
}

/// Names set after every label of the trip, where they touch nothing: the visited countries,
/// then a few cities, seas and lakes for orientation.
fn courtesy_labels(
    ctx: &Ctx,
    map: &FittedMap,
    km_per_px: f64,
    place_px: &[(f64, f64)],
    placer: &mut Placer,
) -> Vec<Item> {
    let mut items = country_labels(&ctx.visited, placer, &|p| map.project_px(p));
    if ctx.options.basemap.is_some() {
        // A street basemap names its own places, streets and waters.
        return items;
    }
    let offered = basemap::context_labels(map, km_per_px);
    items.extend(orientation_labels(&offered, &ctx.places, place_px, placer));
    items
}

/// Which places fall inside `frame`, and their markers on the main map (kept out of the insets).
fn mark_places(
    ctx: &Ctx,
    place_px: &[(f64, f64)],
    frame: Rect,
    insets: &Insets,
    placer: &mut Placer,
) -> (Vec<bool>, MainMarkers) {
    let on_map: Vec<bool> = place_px
        .iter()
        .map(|&c| c.0.is_finite() && c.1.is_finite() && frame.contains(c))
        .collect();
    let tags: Vec<Tag> = ctx.places.iter().map(|p| p.tag()).collect();
    let room = MarkerRoom {
        place_px,
        radii: &ctx.radii,
        on_map: &on_map,
        in_inset: &insets.in_inset,
        importance: &ctx.importance,
        tags: &tags,
        frame,
        insets: &insets.rects,
    };
    let markers = main_markers(&room, placer);
    (on_map, markers)
}

/// Sets a locator map into the main map where it is free (see [`super::locator`]); it joins
/// the insets as an obstacle for markers and labels.
fn add_locator(
    ctx: &Ctx,
    main: &MainExtent,
    place_px: &[(f64, f64)],
    frame: Rect,
    insets: &mut Insets,
    placer: &mut Placer,
) {
    let markers: Vec<((f64, f64), f64)> = place_px
        .iter()
        .copied()
        .zip(ctx.radii.iter().copied())
        .collect();
    let taken = insets.taken();
    let keep = Keep {
        frame,
        taken: &taken,
        markers: &markers,
        covers_route: &|r: &Rect| placer.route_cost(r) > 0.0,
    };
    if let Some((item, rect, drawn)) = draw_locator(ctx, main, &keep) {
        placer.add_obstacle(rect);
        insets.rects.push(rect);
        insets.items.push(item);
        insets.locator = Some(drawn);
    }
}

/// The main map's stop items (dots and leaders, then markers) and label items, in place order;
/// a place off the map, or whose label found no room, goes to the key in `unsaid`.
fn markers_and_labels(
    ctx: &Ctx,
    on_map: &[bool],
    in_inset: &[bool],
    markers: MainMarkers,
    mut placed: Vec<Option<Placed>>,
    unsaid: &mut Unsaid,
) -> (Vec<Item>, Vec<Item>) {
    let mut stop_items = markers.items;
    let mut label_items = Vec::new();
    for (i, p) in ctx.places.iter().enumerate() {
        if !on_map[i] {
            unsaid.record(i, p, None);
            continue;
        }
        if in_inset[i] {
            continue;
        }
        let mark = if markers.small[i] {
            small_dot(markers.marker_px[i])
        } else {
            marker(markers.marker_px[i], &p.numbers(), ctx.radii[i])
        };
        stop_items.push(mark.tagged(p.tag()));
        let label = placed[i].take();
        unsaid.record(i, p, label.as_ref());
        if let Some(label) = label {
            label_items.push(
                Item::Group {
                    class: "label",
                    items: label.items,
                }
                .tagged(p.tag()),
            );
        }
    }
    (stop_items, label_items)
}

impl Drawing {
    /// The scene's layers: the map's under a title band `header_h` high, on a page of `page`
    /// (width, height), with the furniture on top; and how the Natural Earth basemap in them was
    /// drawn.
    pub(super) fn into_layers(
        self,
        page: (f64, f64),
        header_h: f64,
        furniture: Vec<Item>,
    ) -> (Vec<Layer>, Option<NaturalEarthDrawn>) {
        let offset = (0.0, header_h);
        let mut basemap_items = vec![
            Item::Rect {
                class: "page",
                rect: Rect::new(0.0, -header_h, page.0, page.1),
            },
            Item::Rect {
                class: "ocean",
                rect: self.frame,
            },
        ];
        let natural_earth = self.natural_earth.map(|n| NaturalEarthDrawn {
            items: n.items.start + basemap_items.len()..n.items.end + basemap_items.len(),
            ..n
        });
        basemap_items.extend(self.basemap_items);
        let layer = |name, offset, items| Layer {
            name,
            offset,
            items,
        };
        let layers = vec![
            layer("basemap", offset, basemap_items),
            layer("route", offset, self.route_items),
            layer("stops", offset, self.stop_items),
            layer("labels", offset, self.label_items),
            layer("insets", offset, self.inset_items),
            layer("furniture", (0.0, 0.0), furniture),
        ];
        (layers, natural_earth)
    }
}

/// Where north points at the map's centre, in degrees clockwise from up, when more than 5° off
/// (less is not worth an arrow on a map whose meridians converge anyway).
fn north_deg(map: &FittedMap) -> Option<f64> {
    let c = map.inverse_px(map.width_px() / 2.0, map.height_px() / 2.0)?;
    let up = LonLat::new(c.lon(), (c.lat() + 0.1).min(90.0)).ok()?;
    let (a, b) = (map.project_px(c)?, map.project_px(up)?);
    let deg = trig::atan2(b.0 - a.0, a.1 - b.1).to_degrees();
    (deg.abs() > 5.0).then_some((deg * 10.0).round() / 10.0)
}
