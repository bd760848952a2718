//! `build`: a `Route` and [`MapOptions`] in, a [`Scene`] out. Like usvg's converter, this file
//! only walks the steps; each step lives in its own file with the shared [`Ctx`]: the
//! projection is chosen and fitted (`Framing`), the page's height settled, the map area drawn
//! ([`draw`]: basemap, legs, insets, markers, labels) and the title and footer laid out.

use super::basemap_layer::country_labels;
use super::colour::{self, Colouring};
use super::context::Ctx;
use super::describe;
use super::framing::Framing;
use super::furniture::{self, Footer};
use super::ground::{Ground, NaturalEarthDrawn, fit_map};
use super::inset::FittedMap;
use super::inset::draw::{InsetRoom, Insets, draw_insets, strip_height};
use super::inset::fit::{MapSize, NARROW_PX};
use super::inset::frame::Keep;
use super::inset::members::inset_groups;
use super::labels::{Placed, Placer};
use super::legs::{leg_items, project_legs};
use super::locator::{LocatorDrawn, MainExtent, draw_locator};
use super::markers::{MainMarkers, MarkerRoom, main_markers, marker, small_dot};
use super::modes;
use super::orientation::orientation_labels;
use super::overlay::legend_entries;
use super::stop_labels::{Unsaid, place_all};
use super::timeline;
use super::{Item, Layer, MapOptions, Scene, Tag};
use crate::basemap;
use crate::error::Error;
use crate::geometry::Rect;
use crate::model::{LonLat, Route};
use crate::projection::pick_height_px;

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
    // `--colour-by` and `--timeline`: settled first, as they may refuse the trip.
    let colouring = o
        .colour_by
        .map(|by| colour::colouring(route, by, &o.theme))
        .transpose()?;
    // On a wide page the timeline stands beside the map, in a column of its own; else under it.
    let side_w = o.timeline.then(|| timeline::beside_width(width)).flatten();
    let map_w = width - side_w.unwrap_or(0.0);
    let timeline = match o.timeline {
        true => Some(timeline::strip(
            route,
            colouring.as_ref(),
            side_w.unwrap_or(width),
        )?),
        false => None,
    };
    let tl_h = timeline.as_ref().map_or(0.0, |t| t.height);
    // The height of what lies between the header and the footer.
    let body_h = |map_and_strip_h: f64| match side_w {
        Some(_) => map_and_strip_h.max(tl_h),
        None => map_and_strip_h + tl_h,
    };
    let framing = Framing::new(route, o.projection);
    let under_h = if side_w.is_some() { 0.0 } else { tl_h };
    let mut map_h = first_map_height(&framing, o, map_w, header_h + under_h)?;
    let mut d = draw(&ctx, &framing, map_w, map_h, 0.0)?;
    // Insets that found no free space on the map: the page grows and they go in a strip below
    // it, stacked; the map keeps its size and scale.
    let mut strip_h = 0.0;
    if o.height_px.is_none() && d.insets_missing > 0 {
        strip_h = strip_height(&d.missing_sizes, map_w);
        d = draw(&ctx, &framing, map_w, map_h, strip_h)?;
    }
    let (mut footer_items, mut footer_h) = footer(
        &ctx,
        (&framing, colouring.as_ref()),
        &d,
        width,
        header_h + body_h(map_h + strip_h),
    );
    // A given page height is met exactly: the map takes what the title and footer leave.
    if let Some(h) = o.height_px {
        let diff = (h - (header_h + body_h(map_h) + footer_h)).round();
        if diff != 0.0 && map_h + diff >= MIN_MAP_PX {
            map_h += diff;
            d = draw(&ctx, &framing, map_w, map_h, 0.0)?;
            (footer_items, footer_h) = footer(
                &ctx,
                (&framing, colouring.as_ref()),
                &d,
                width,
                header_h + body_h(map_h),
            );
        }
    }
    let mut furniture_items = header_items;
    furniture_items.push(Item::Rect {
        class: "frame",
        rect: Rect::new(0.0, header_h, map_w, map_h),
    });
    furniture_items.extend(footer_items);
    let height = header_h + body_h(map_h + strip_h) + footer_h;
    let locator = d.locator.clone();
    let (mut layers, natural_earth) = d.into_layers((width, height), header_h, furniture_items);
    if let Some(strip) = timeline {
        layers.push(Layer {
            name: "timeline",
            offset: match side_w {
                Some(_) => (map_w, header_h),
                None => (0.0, header_h + map_h + strip_h),
            },
            items: strip.items,
        });
    }
    if let Some(c) = &colouring {
        colour::paint_layers(&mut layers, c);
    }
    Ok(Scene {
        width,
        height,
        prefix: describe::id_prefix(route, o.id_prefix.as_deref()),
        theme: o.theme.clone(),
        title,
        desc: describe::describe(route, &ctx.places, o.units),
        layers,
        natural_earth,
        locator,
    })
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
        // No taller than wide on a page read at desktop width (an article's column); phones
        // scroll, and get up to 1.25 times their width.
        None => pick_height_px(&framing.projection(), &framing.lonlats, width, PAD_PX)
            .map_err(|e| Error::Options(format!("map: {e}")))?
            .min(if width < 640.0 { 1.25 * width } else { width })
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
    /// The map's scale at the centre of the area fitted to the trip, km per pixel.
    scale_km_per_px: Option<f64>,
    /// Where north points there, degrees clockwise from up, when not up.
    north_deg: Option<f64>,
    /// Land, countries, lakes, borders, coastlines (and graticule) of the main map.
    basemap_items: Vec<Item>,
    /// Whether the basemap drew any land (so the source line credits Natural Earth).
    has_land: bool,
    /// The street basemap's attribution, for the source line.
    attribution: Option<String>,
    /// How the Natural Earth basemap was drawn (its items are the first of `basemap_items`).
    natural_earth: Option<NaturalEarthDrawn>,
    /// How the locator map (in `inset_items`) drew its basemap.
    locator: Option<LocatorDrawn>,
    frame: Rect,
    route_items: Vec<Item>,
    stop_items: Vec<Item>,
    label_items: Vec<Item>,
    inset_items: Vec<Item>,
    /// Places whose labels found no room, for the footer's key.
    key: Vec<String>,
    /// Notes asked for but not drawn in full, for the list under the map.
    notes: Vec<String>,
    inset_count: usize,
    /// Clusters that needed an inset but found no room for one.
    insets_missing: usize,
    /// Their sizes, pixels.
    missing_sizes: Vec<(f64, f64)>,
}

/// Fits the map to `width` × `map_h` and draws basemap, legs, insets (in a strip `strip_h`
/// high below the map when there is one), markers and labels.
fn draw(
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

/// The footer under the map (legend, scale bar, north arrow, source line, key) whose top is at
/// `top`, and its height; the legend names `colouring`'s colours.
fn footer(
    ctx: &Ctx,
    (framing, colouring): (&Framing, Option<&Colouring>),
    d: &Drawing,
    width: f64,
    top: f64,
) -> (Vec<Item>, f64) {
    let scale = d
        .scale_km_per_px
        .and_then(|km| furniture::scale_bar(km, ctx.options.units, 130.0));
    let credits = describe::Credits {
        natural_earth: d.has_land,
        streets: d.attribution.as_deref(),
    };
    let source = describe::source_line(ctx.route, &credits, framing.kind);
    furniture::footer(&Footer {
        width,
        top,
        has_insets: d.inset_count > 0,
        scale,
        north_deg: d.north_deg,
        source: &source,
        key: &d.key,
        notes: &d.notes,
        legs: &modes::legend(ctx.route),
        overlays: &legend_entries(&ctx.options.overlays, &ctx.options.theme),
        colours: &colour::legend_entries(colouring),
    })
}

impl Drawing {
    /// The scene's layers: the map's under a title band `header_h` high, on a page of `page`
    /// (width, height), with the furniture on top; and how the Natural Earth basemap in them was
    /// drawn.
    fn into_layers(
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
    let deg = (b.0 - a.0).atan2(a.1 - b.1).to_degrees();
    (deg.abs() > 5.0).then_some((deg * 10.0).round() / 10.0)
}
