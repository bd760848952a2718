//! `build`: a `Route` and [`MapOptions`] in, a [`Scene`] out. Chooses and fits the projection,
//! draws the legs, groups stops into places (one marker for a place visited twice), moves
//! clusters into insets, places every label and lays out the furniture.

use super::cluster::clusters;
use super::dates::{self, DateStyle};
use super::furniture::{self, Footer};
use super::inset::{self, FittedMap};
use super::labels::{self, Placer};
use super::spread::spread;
use super::text_metrics::{Weight, truncate_to, width_px};
use super::theme::Theme;
use super::{Anchor, Item, Layer, Scene, clean_text};
use crate::basemap::{self, BasemapView, Country, Detail, PixelPath};
use crate::error::Error;
use crate::format::{Units, round_distance};
use crate::geometry::{
    Rect, clip_polyline, length, point_along, round_pt, round_rect, round1, simplify,
};
use crate::model::{LonLat, Route};
use crate::projection::{ProjectionKind, choose, fit, pick_height_px};

/// How the map should look. `Default` is what `tripmap render` draws with no option.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct MapOptions {
    /// Page width in pixels (320 to 10,000; default 960).
    pub width_px: f64,
    /// Page height in pixels; `None` picks a height that suits the trip. The footer may add a
    /// few lines when labels must go into the key.
    pub height_px: Option<f64>,
    /// A projection to use instead of the one chosen for the trip.
    pub projection: Option<ProjectionKind>,
    /// Colours.
    pub theme: Theme,
    /// Show each stop's note as a callout under its label.
    pub annotate: bool,
    /// How dates are written on labels.
    pub dates: DateStyle,
    /// Kilometres or miles.
    pub units: Units,
    /// Draw a graticule every 10° (or 30° on world maps).
    pub graticule: bool,
    /// Prefix for ids and classes: a letter, then letters, digits, `-` or `_`; `None` derives
    /// one from the trip.
    pub id_prefix: Option<String>,
}

impl Default for MapOptions {
    fn default() -> Self {
        MapOptions {
            width_px: 960.0,
            height_px: None,
            projection: None,
            theme: Theme::default(),
            annotate: false,
            dates: DateStyle::Short,
            units: Units::Km,
            graticule: false,
            id_prefix: None,
        }
    }
}

/// Room around the route inside the map frame, pixels (labels go there).
const PAD_PX: f64 = 48.0;
/// Footer height assumed when fitting a page of a given height, pixels.
const FOOTER_PX: f64 = 64.0;
/// Places whose markers are closer than this (pixels) go into a detail inset.
const CLUSTER_PX: f64 = 20.0;
/// At most this many insets; smaller clusters stay on the main map.
const MAX_INSETS: usize = 2;
/// A cluster of more places than this is a dense trip, not a knot in one: no inset.
const MAX_INSET_PLACES: usize = 12;
/// Marker number size, pixels.
const MARKER_FONT_PX: f64 = 10.5;

/// One marker: a position visited once or more.
#[derive(Debug, Clone)]
struct Place {
    position: LonLat,
    /// Indices into `route.stops`, in visiting order.
    visits: Vec<usize>,
    name: String,
    dates: Option<String>,
    note: Option<String>,
    /// The note is drawn as a callout even without `--annotate` (a stop's `callout` property).
    callout: bool,
}

impl Place {
    fn numbers(&self) -> String {
        self.visits
            .iter()
            .map(|i| (i + 1).to_string())
            .collect::<Vec<_>>()
            .join(",")
    }
}

/// What the legend says the legs are: great-circle routes, recorded tracks, or both.
fn leg_kinds(route: &Route) -> &'static str {
    let recorded = route.legs.iter().filter(|l| l.is_recorded()).count();
    if recorded == 0 {
        "Leg, great-circle route"
    } else if recorded == route.legs.len() {
        "Leg, as recorded"
    } else {
        "Leg, great-circle or as recorded"
    }
}

/// Builds the scene for `route` (see the module docs). Fails only on unusable options.
pub fn build(route: &Route, o: &MapOptions) -> Result<Scene, Error> {
    check_options(o)?;
    let width = o.width_px.round();
    let prefix = match &o.id_prefix {
        Some(p) => p.clone(),
        None => default_prefix(route),
    };
    let places = places(route, o.dates);
    let title = route
        .meta
        .title
        .as_deref()
        .map(clean_text)
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| "Trip map".to_string());
    let subtitle = route
        .meta
        .subtitle
        .as_deref()
        .map(clean_text)
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| generated_subtitle(route, o.units));
    let desc = describe(route, &places, o.units);
    let (header_items, header_h) = furniture::header(&title, &subtitle, width);

    // Projection over the whole route: stops and every point of every leg (arcs bulge poleward).
    let mut lonlats: Vec<LonLat> = route.stops.iter().map(|s| s.position).collect();
    for leg in &route.legs {
        lonlats.extend(
            leg.path
                .iter()
                .map(|&(x, y)| LonLat::from_point_wrapped(geo::Point::new(x, y))),
        );
    }
    if o.projection == Some(ProjectionKind::Mercator)
        && lonlats.iter().any(|p| p.lat().abs() <= 85.0)
    {
        // Mercator stretches to infinity at the poles: fit what it can show (a stop beyond goes
        // to the key).
        lonlats.retain(|p| p.lat().abs() <= 85.0);
    }
    let raw: Vec<(f64, f64)> = lonlats.iter().map(|p| (p.lon(), p.lat())).collect();
    let projection = choose(&raw, o.projection);
    let mut map_h = match o.height_px {
        Some(h) => (h - header_h - FOOTER_PX).round(),
        // A phone-width map gets at least 0.8 of its width in height: room for labels and
        // an inset that a wide, short strip would not have.
        None => pick_height_px(&projection, &lonlats, width, PAD_PX)
            .map_err(|e| Error::Options(format!("map: {e}")))?
            .max(if width < 560.0 {
                (0.8 * width).round()
            } else {
                0.0
            }),
    };
    if map_h < 120.0 {
        return Err(Error::Options(format!(
            "map height {} px leaves {map_h} px for the map; give at least {} px",
            o.height_px.unwrap_or(0.0),
            (header_h + FOOTER_PX + 120.0).ceil()
        )));
    }
    let mut d = draw(route, o, &places, &raw, &lonlats, width, map_h)?;
    // An inset that found no room: give the map more height (and so more room) and try again.
    if o.height_px.is_none() {
        for _ in 0..3 {
            if d.insets_missing == 0 {
                break;
            }
            map_h = (map_h * 1.3).round();
            d = draw(route, o, &places, &raw, &lonlats, width, map_h)?;
        }
    }
    // The footer under the map: legend, scale bar, north arrow, source line, key.
    let footer_for = |d: &Drawing, map_h: f64| -> (Vec<Item>, f64) {
        let scale = d
            .map
            .scale_at_centre_km_per_px()
            .and_then(|km| furniture::scale_bar(km, o.units, 130.0));
        let mut source = String::new();
        if let Some(s) = route
            .meta
            .source
            .as_deref()
            .map(clean_text)
            .filter(|s| !s.is_empty())
        {
            source.push_str(&format!("Source: {s}. "));
        }
        if d.has_land {
            source.push_str("Basemap: Natural Earth. ");
        }
        for credit in route.credits() {
            source.push_str(&format!("Places: {credit}. "));
        }
        source.push_str(&format!(
            "Map: tripmap, {} projection; scale true at the centre.",
            projection_name(o.projection, &raw)
        ));
        furniture::footer(&Footer {
            width,
            top: header_h + map_h,
            has_insets: d.inset_count > 0,
            scale,
            north_deg: north_deg(&d.map),
            source: &source,
            key: &d.key,
            legs: leg_kinds(route),
        })
    };
    let (mut footer_items, mut footer_h) = footer_for(&d, map_h);
    // A given page height is met exactly: the map takes what the title and footer leave.
    if let Some(h) = o.height_px {
        let diff = (h - (header_h + map_h + footer_h)).round();
        if diff != 0.0 && map_h + diff >= 120.0 {
            map_h += diff;
            d = draw(route, o, &places, &raw, &lonlats, width, map_h)?;
            (footer_items, footer_h) = footer_for(&d, map_h);
        }
    }
    let Drawing {
        basemap_items: land_items,
        frame,
        route_items,
        stop_items,
        label_items,
        inset_items,
        ..
    } = d;
    let height = header_h + map_h + footer_h;
    let mut furniture_items = header_items;
    furniture_items.push(Item::Rect {
        class: "frame",
        rect: Rect::new(0.0, header_h, width, map_h),
    });
    furniture_items.extend(footer_items);

    let offset = (0.0, header_h);
    let mut basemap_items = vec![
        Item::Rect {
            class: "page",
            rect: Rect::new(0.0, -header_h, width, height),
        },
        Item::Rect {
            class: "ocean",
            rect: frame,
        },
    ];
    basemap_items.extend(land_items);
    Ok(Scene {
        width,
        height,
        prefix,
        theme: o.theme.clone(),
        title,
        desc,
        layers: vec![
            Layer {
                name: "basemap",
                offset,
                items: basemap_items,
            },
            Layer {
                name: "route",
                offset,
                items: route_items,
            },
            Layer {
                name: "stops",
                offset,
                items: stop_items,
            },
            Layer {
                name: "labels",
                offset,
                items: label_items,
            },
            Layer {
                name: "insets",
                offset,
                items: inset_items,
            },
            Layer {
                name: "furniture",
                offset: (0.0, 0.0),
                items: furniture_items,
            },
        ],
    })
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

/// Fits the map to `width` × `map_h` and draws legs, markers, insets and labels.
#[allow(clippy::too_many_arguments)]
fn draw(
    route: &Route,
    o: &MapOptions,
    places: &[Place],
    raw: &[(f64, f64)],
    lonlats: &[LonLat],
    width: f64,
    map_h: f64,
) -> Result<Drawing, Error> {
    let projection = choose(raw, o.projection);
    let map: FittedMap = fit(projection, lonlats, width, map_h, PAD_PX)
        .map_err(|e| Error::Options(format!("map: {e}")))?;
    let frame = Rect::new(0.0, 0.0, width, map_h);
    let visited = visited_countries(places);
    let km = map.scale_at_centre_km_per_px().unwrap_or(f64::INFINITY);
    let step = o.graticule.then_some(if km > 20.0 { 30.0 } else { 10.0 });
    let view = basemap::view(&map, Detail::for_scale(km), step);
    let has_land = !view.land.is_empty();
    let basemap_items = basemap_layer(&view, &visited, (0.0, 0.0));

    // Legs on the main map.
    let main_legs: Vec<Vec<Vec<(f64, f64)>>> = route
        .legs
        .iter()
        .map(|leg| project_leg(&leg.path, &|p| map.project_px(p), &frame))
        .collect();
    let place_px: Vec<(f64, f64)> = places
        .iter()
        .map(|p| map.project_px(p.position).unwrap_or((f64::NAN, f64::NAN)))
        .collect();

    let radii: Vec<f64> = places.iter().map(|p| marker_radius(&p.numbers())).collect();
    // Clusters that become insets: the biggest first. A cluster whose markers part with a nudge
    // (each stays over its place) needs no inset: the nudge below does it, and on a phone-width
    // map an inset costs a third of the map.
    let mut groups = clusters(&place_px, CLUSTER_PX);
    groups.retain(|g| g.len() <= MAX_INSET_PLACES && is_knot(g, &place_px, &radii));
    groups.sort_by(|a, b| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));
    groups.truncate(MAX_INSETS);
    groups.sort();

    let mut placer = Placer::new(frame.grow(-4.0));
    for parts in &main_legs {
        for part in parts {
            placer.add_route(part);
        }
    }
    // Each inset keeps the members it can separate: while two of its markers would still touch
    // at the inset's scale, the most isolated member (farthest from its nearest neighbour on the
    // main map) goes back to the main map.
    let fitted_groups: Vec<(Vec<usize>, FittedMap)> = groups
        .iter()
        .filter_map(|g| inset_members(g, places, &place_px, width))
        .collect();

    // Insets.
    let mut inset_items: Vec<Item> = Vec::new();
    let mut locator_items: Vec<Item> = Vec::new();
    let mut taken: Vec<Rect> = Vec::new();
    let mut key: Vec<String> = Vec::new();
    let mut inset_count = 0;
    let mut insets_missing = 0;
    // Places drawn in an inset that found room: a dot on the main map, a marker in the inset.
    let mut shown_in_inset = vec![false; places.len()];
    let mut inset_rects: Vec<Rect> = Vec::new();
    for (g, fitted) in &fitted_groups {
        let locator = Rect::around(g.iter().map(|&i| place_px[i]))
            .unwrap_or(Rect::new(0.0, 0.0, 0.0, 0.0))
            .grow(6.0);
        let size = (fitted.width_px(), fitted.height_px());
        let markers: Vec<(f64, f64)> = place_px.clone();
        let Some(rect) = inset::place_frame(size, locator, frame, &taken, &markers, |r| {
            placer.route_cost(r)
        }) else {
            insets_missing += 1;
            continue;
        };
        inset_count += 1;
        for &i in g {
            shown_in_inset[i] = true;
        }
        taken.push(rect);
        taken.push(locator);
        inset_rects.push(rect);
        placer.add_obstacle(rect);
        placer.add_obstacle(locator);
        let (a, b) = inset::connector(&locator, &rect);
        placer.add_line_obstacle(a, b);
        locator_items.push(Item::Rect {
            class: "locator",
            rect: round_rect(locator),
        });
        locator_items.push(Item::Line {
            class: "connector",
            a: round_pt(a),
            b: round_pt(b),
        });
        let origin = (rect.x, rect.y);
        let project = |p: LonLat| {
            fitted
                .project_px(p)
                .map(|(x, y)| (x + origin.0, y + origin.1))
        };
        let mut items = vec![Item::Rect {
            class: "inset-bg",
            rect,
        }];
        let inset_km = fitted.scale_at_centre_km_per_px().unwrap_or(f64::INFINITY);
        // Insets use at most 1:50m: at an inset's size it looks the same as 1:10m, and decoding
        // 1:10m would double the time of a whole render.
        let inset_view = basemap::view(fitted, Detail::for_scale(inset_km.max(2.5)), None);
        items.extend(basemap_layer(&inset_view, &visited, origin));
        let mut inset_placer = Placer::new(rect.grow(-3.0));
        // The inset's own scale bar, bottom left.
        let mut scale_items = Vec::new();
        if let Some((px, label)) = fitted
            .scale_at_centre_km_per_px()
            .and_then(|km| furniture::scale_bar(km, o.units, 60.0))
        {
            let (x0, y) = (rect.x + 8.0, rect.bottom() - 8.0);
            let lw = width_px(&label, furniture::SMALL_PX, Weight::Regular);
            scale_items.push(Item::Path {
                class: "scale",
                parts: vec![vec![
                    round_pt((x0, y - 4.0)),
                    round_pt((x0, y)),
                    round_pt((x0 + px, y)),
                    round_pt((x0 + px, y - 4.0)),
                ]],
                closed: false,
            });
            scale_items.push(Item::Text {
                class: "legend",
                at: round_pt((x0 + px + 5.0, y)),
                anchor: Anchor::Start,
                text: label,
            });
            inset_placer.add_obstacle(Rect::new(x0 - 2.0, y - 12.0, px + lw + 9.0, 14.0));
        }
        let mut route_items = Vec::new();
        for leg in &route.legs {
            let parts = project_leg(&leg.path, &project, &rect);
            for part in &parts {
                inset_placer.add_route(part);
            }
            route_items.extend(leg_items(&parts));
        }
        items.extend(route_items);
        let mut marker_items = Vec::new();
        let mut label_items = Vec::new();
        let pts: Vec<(f64, f64)> = g
            .iter()
            .map(|&i| project(places[i].position).unwrap_or((f64::NAN, f64::NAN)))
            .collect();
        for (&i, &c) in g.iter().zip(&pts) {
            inset_placer.add_marker(c, radii[i]);
        }
        for (&i, &c) in g.iter().zip(&pts) {
            marker_items.push(marker(c, &places[i].numbers(), radii[i]));
            match place_label(
                &mut inset_placer,
                &places[i],
                c,
                radii[i],
                o.annotate || places[i].callout,
            ) {
                Some(p) => label_items.push(Item::Group {
                    class: "label",
                    items: p.items,
                }),
                None => key.push(key_line(&places[i])),
            }
        }
        let country_items = country_labels(&visited, &mut inset_placer, &project);
        items.extend(scale_items);
        items.extend(marker_items);
        items.extend(label_items);
        items.extend(country_items);
        items.push(Item::Rect {
            class: "inset-frame",
            rect,
        });
        inset_items.push(Item::Group {
            class: "inset",
            items,
        });
    }

    // Main-map markers: those that would touch are moved apart (out of the insets too); one
    // that left its place is tied to it by a leader from a dot.
    let on_map: Vec<bool> = place_px
        .iter()
        .map(|&c| c.0.is_finite() && c.1.is_finite() && frame.contains(c))
        .collect();
    let main: Vec<usize> = (0..places.len())
        .filter(|&i| on_map[i] && !shown_in_inset[i])
        .collect();
    let spread_px = spread(
        &main.iter().map(|&i| place_px[i]).collect::<Vec<_>>(),
        &main.iter().map(|&i| radii[i]).collect::<Vec<_>>(),
        frame.grow(-2.0),
        &inset_rects,
    );
    let mut marker_px = place_px.clone();
    for (&i, &c) in main.iter().zip(&spread_px) {
        marker_px[i] = c;
    }
    let mut stop_items: Vec<Item> = Vec::new();
    for (i, &c) in place_px.iter().enumerate() {
        if !on_map[i] {
            continue;
        }
        if shown_in_inset[i] {
            placer.add_obstacle(Rect::new(c.0 - 3.0, c.1 - 3.0, 6.0, 6.0));
            stop_items.push(Item::Circle {
                class: "dot",
                c: round_pt(c),
                r: 2.5,
            });
            continue;
        }
        let (m, r) = (marker_px[i], radii[i]);
        placer.add_marker(m, r);
        let shift = (m.0 - c.0).hypot(m.1 - c.1);
        if shift > r - 2.0 {
            // The true place shows beside the marker: a dot there and a leader to the disc.
            let edge = (m.0 - (m.0 - c.0) / shift * r, m.1 - (m.1 - c.1) / shift * r);
            placer.add_obstacle(Rect::new(c.0 - 3.0, c.1 - 3.0, 6.0, 6.0));
            placer.add_line_obstacle(c, edge);
            stop_items.push(Item::Line {
                class: "leader",
                a: round_pt(c),
                b: round_pt(edge),
            });
            stop_items.push(Item::Circle {
                class: "dot",
                c: round_pt(c),
                r: 2.0,
            });
        }
    }

    // Main-map labels: those with at most two free places beside their marker first (before a
    // neighbour's label takes one), the rest in visiting order; drawn in visiting order.
    let wants_callout = |p: &Place| o.annotate || p.callout;
    let mut order = main.clone();
    let choices: Vec<usize> = (0..places.len())
        .map(|i| {
            if main.contains(&i) {
                let spec = label_spec(
                    &places[i],
                    marker_px[i],
                    radii[i],
                    wants_callout(&places[i]),
                );
                placer.free_near(&spec).min(3)
            } else {
                0
            }
        })
        .collect();
    order.sort_by_key(|&i| (choices[i], i));
    let mut placed: Vec<Option<labels::Placed>> = vec![None; places.len()];
    for i in order {
        placed[i] = place_label(
            &mut placer,
            &places[i],
            marker_px[i],
            radii[i],
            wants_callout(&places[i]),
        );
    }
    let mut label_items: Vec<Item> = Vec::new();
    for (i, p) in places.iter().enumerate() {
        if !on_map[i] {
            key.push(key_line(p));
            continue;
        }
        if shown_in_inset[i] {
            continue;
        }
        stop_items.push(marker(marker_px[i], &p.numbers(), radii[i]));
        match placed[i].take() {
            Some(placed) => label_items.push(Item::Group {
                class: "label",
                items: placed.items,
            }),
            None => key.push(key_line(p)),
        }
    }

    label_items.extend(country_labels(&visited, &mut placer, &|p| {
        map.project_px(p)
    }));
    let mut route_items: Vec<Item> = Vec::new();
    for parts in &main_legs {
        route_items.extend(leg_items(parts));
    }
    route_items.extend(locator_items);

    Ok(Drawing {
        map,
        basemap_items,
        has_land,
        frame,
        route_items,
        stop_items,
        label_items,
        inset_items,
        key,
        inset_count,
        insets_missing,
    })
}

fn check_options(o: &MapOptions) -> Result<(), Error> {
    if !(o.width_px.is_finite() && (320.0..=10_000.0).contains(&o.width_px)) {
        return Err(Error::Options(format!(
            "map width {} px: give 320 to 10000",
            o.width_px
        )));
    }
    if let Some(h) = o.height_px
        && !(h.is_finite() && (200.0..=10_000.0).contains(&h))
    {
        return Err(Error::Options(format!(
            "map height {h} px: give 200 to 10000"
        )));
    }
    if let Some(p) = &o.id_prefix {
        let ok = p.len() <= 40
            && p.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
            && p.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if !ok {
            return Err(Error::Options(format!(
                "id prefix {p:?}: use a letter, then letters, digits, - or _ (at most 40)"
            )));
        }
    }
    Ok(())
}

/// `tm-` and eight hex digits of a hash (FNV-1a) of the title and the stops' names and positions.
fn default_prefix(route: &Route) -> String {
    let mut h: u32 = 0x811c_9dc5;
    let mut eat = |bytes: &[u8]| {
        for &b in bytes {
            h ^= u32::from(b);
            h = h.wrapping_mul(0x0100_0193);
        }
    };
    eat(route.meta.title.as_deref().unwrap_or("").as_bytes());
    for s in &route.stops {
        eat(s.stop.name.as_bytes());
        eat(format!("{:.5},{:.5};", s.position.lon(), s.position.lat()).as_bytes());
    }
    format!("tm-{h:08x}")
}

/// Stops grouped into places: stops within 1 km of an earlier one share its marker.
fn places(route: &Route, style: DateStyle) -> Vec<Place> {
    let mut out: Vec<Place> = Vec::new();
    for (i, s) in route.stops.iter().enumerate() {
        let p = s.position;
        let near = out.iter_mut().find(|q| {
            let dlat = (q.position.lat() - p.lat()).to_radians();
            let dlon = (q.position.lon() - p.lon()).to_radians() * p.lat().to_radians().cos();
            6371.0 * dlat.hypot(dlon) < 1.0
        });
        let date = stay_text(s, style);
        let callout = wants_callout(&s.stop);
        let note = s
            .stop
            .note
            .as_deref()
            .map(clean_text)
            .filter(|n| !n.is_empty());
        match near {
            Some(q) => {
                q.visits.push(i);
                q.callout |= callout;
                q.dates = match (q.dates.take(), date) {
                    (Some(a), Some(b)) => Some(format!("{a}, {b}")),
                    (a, b) => a.or(b),
                };
                if let Some(n) = note {
                    q.note = Some(match q.note.take() {
                        Some(m) => format!("{m} {n}"),
                        None => n,
                    });
                }
            }
            None => out.push(Place {
                position: p,
                visits: vec![i],
                name: {
                    let n = clean_text(&s.stop.name);
                    if n.is_empty() {
                        format!("Stop {}", i + 1)
                    } else {
                        n
                    }
                },
                dates: date,
                note,
                callout,
            }),
        }
    }
    out
}

/// Whether a stop asks for its note as a callout: a `callout` property (JSON `properties`, a CSV
/// column) that is `true`, `1` or `yes`.
fn wants_callout(stop: &crate::model::Stop) -> bool {
    stop.extra.iter().any(|(k, v)| {
        k == "callout"
            && match v {
                serde_json::Value::Bool(b) => *b,
                serde_json::Value::Number(n) => n.as_f64() == Some(1.0),
                serde_json::Value::String(t) => {
                    matches!(t.trim().to_ascii_lowercase().as_str(), "true" | "1" | "yes")
                }
                _ => false,
            }
    })
}

fn stay_text(s: &crate::model::RouteStop, style: DateStyle) -> Option<String> {
    let a = s.stop.arrive.as_ref().map(|w| w.local_date());
    let d = s.stop.depart.as_ref().map(|w| w.local_date());
    match (a, d) {
        (Some(a), Some(d)) => dates::stay(a, d, style),
        (Some(x), None) | (None, Some(x)) => dates::stay(x, x, style),
        (None, None) => None,
    }
}

/// First and last calendar day of the trip.
fn trip_span(route: &Route) -> Option<(jiff::civil::Date, jiff::civil::Date)> {
    let days: Vec<jiff::civil::Date> = route
        .stops
        .iter()
        .flat_map(|s| [s.stop.arrive.as_ref(), s.stop.depart.as_ref()])
        .flatten()
        .map(|w| w.local_date())
        .collect();
    Some((*days.iter().min()?, *days.iter().max()?))
}

/// `8 stops · 2–8 Nov 2023 · 21,000 km`.
fn generated_subtitle(route: &Route, units: Units) -> String {
    let n = route.stops.len();
    let mut parts = vec![format!("{n} stop{}", if n == 1 { "" } else { "s" })];
    if let Some((a, b)) = trip_span(route) {
        parts.push(dates::span(a, b));
    }
    if !route.legs.is_empty() {
        parts.push(round_distance(route.total_distance_m() / 1000.0, units));
    }
    parts.join(" · ")
}

/// One sentence for `<desc>`: the stops in order with dates, the span and the distance.
fn describe(route: &Route, places: &[Place], units: Units) -> String {
    let mut stops: Vec<String> = Vec::new();
    for (i, s) in route.stops.iter().enumerate() {
        let place = places.iter().find(|p| p.visits.contains(&i));
        let name = place.map(|p| p.name.as_str()).unwrap_or("");
        let name: String = name.chars().take(120).collect();
        match stay_text(s, DateStyle::Short) {
            Some(d) => stops.push(format!("{} {name} ({d})", i + 1)),
            None => stops.push(format!("{} {name}", i + 1)),
        }
    }
    let mut text = format!(
        "Route map of {} stop{} in visiting order: {}.",
        route.stops.len(),
        if route.stops.len() == 1 { "" } else { "s" },
        stops.join(", ")
    );
    if let Some((a, b)) = trip_span(route) {
        text.push_str(&format!(" {}.", dates::span(a, b)));
    }
    if !route.legs.is_empty() {
        text.push_str(&format!(
            " {} in total.",
            round_distance(route.total_distance_m() / 1000.0, units)
        ));
    }
    text
}

/// A leg's path projected, cut where the projection cuts it (a point it cannot show, or a jump
/// across its edge meridian), cut at `frame`, simplified to a third of a pixel.
fn project_leg(
    path: &[(f64, f64)],
    project: &dyn Fn(LonLat) -> Option<(f64, f64)>,
    frame: &Rect,
) -> Vec<Vec<(f64, f64)>> {
    let mut runs: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut run: Vec<(f64, f64)> = Vec::new();
    let jump = frame.w.max(frame.h) / 2.0;
    for &(lon, lat) in path {
        match project(LonLat::from_point_wrapped(geo::Point::new(lon, lat))) {
            Some(p) => {
                if let Some(&last) = run.last() {
                    let (l, q): ((f64, f64), (f64, f64)) = (last, p);
                    if (q.0 - l.0).hypot(q.1 - l.1) > jump && path.len() > 2 {
                        runs.push(std::mem::take(&mut run));
                    }
                }
                run.push(p);
            }
            None => runs.push(std::mem::take(&mut run)),
        }
    }
    runs.push(run);
    let mut out = Vec::new();
    for r in runs.into_iter().filter(|r| r.len() >= 2) {
        for piece in clip_polyline(&r, frame.bounds()) {
            let s = simplify(&piece, 0.3);
            if s.len() >= 2 {
                out.push(s);
            }
        }
    }
    out
}

/// The countries the trip visits, once each, in visiting order. A coastal city can fall just
/// outside the 1:50m coastline (Copenhagen, Stockholm, Larnaca): then the country within
/// about 30 km is taken, looking in eight directions.
fn visited_countries(places: &[Place]) -> Vec<Country> {
    let mut out: Vec<Country> = Vec::new();
    for p in places.iter().take(200) {
        let (lon, lat) = (p.position.lon(), p.position.lat());
        let probes = std::iter::once((0.0, 0.0)).chain([0.1, 0.2, 0.3].into_iter().flat_map(|d| {
            (0..8).map(move |k| {
                let a = f64::from(k) * std::f64::consts::FRAC_PI_4;
                (d * a.cos() / lat.to_radians().cos().max(0.1), d * a.sin())
            })
        }));
        let found = probes
            .filter_map(|(dx, dy)| LonLat::new(lon + dx, lat + dy).ok())
            .find_map(basemap::country_of);
        if let Some(c) = found
            && !out.iter().any(|q| q.adm0_a3 == c.adm0_a3)
        {
            out.push(c);
        }
    }
    out
}

/// The basemap as scene items, shifted by `origin`: graticule, land, visited countries, lakes,
/// borders, coastlines.
fn basemap_layer(view: &BasemapView, visited: &[Country], origin: (f64, f64)) -> Vec<Item> {
    let shift = |paths: &[PixelPath]| -> Vec<Vec<(f64, f64)>> {
        paths
            .iter()
            .map(|p| {
                p.points
                    .iter()
                    .map(|&(x, y)| (x + origin.0, y + origin.1))
                    .collect()
            })
            .collect()
    };
    let visited_paths: Vec<PixelPath> = view
        .countries
        .iter()
        .filter(|c| visited.iter().any(|v| v.adm0_a3 == c.adm0_a3))
        .flat_map(|c| c.paths.iter().cloned())
        .collect();
    let layers: [(&'static str, &[PixelPath], bool); 6] = [
        ("graticule", &view.graticule, false),
        ("land", &view.land, true),
        ("visited", &visited_paths, true),
        ("lake", &view.lakes, true),
        ("border", &view.borders, false),
        ("coast", &view.coastline, false),
    ];
    layers
        .into_iter()
        .filter(|(_, paths, _)| !paths.is_empty())
        .map(|(class, paths, closed)| Item::Path {
            class,
            parts: shift(paths),
            closed,
        })
        .collect()
}

/// Small grey names of the visited countries at their label points, where they fit without
/// touching anything (a country name is a courtesy; a stop label never gives way to it).
fn country_labels(
    visited: &[Country],
    placer: &mut Placer,
    project: &dyn Fn(LonLat) -> Option<(f64, f64)>,
) -> Vec<Item> {
    const SIZE: f64 = 10.0;
    let mut items = Vec::new();
    for c in visited {
        let Some(p) = project(c.label) else { continue };
        let name = clean_text(&c.name);
        let w = width_px(&name, SIZE, Weight::Regular);
        let h = 1.17 * SIZE;
        for (dx, dy) in [
            (0.0, 0.0),
            (0.0, -14.0),
            (0.0, 14.0),
            (-24.0, 0.0),
            (24.0, 0.0),
        ] {
            let r = Rect::new(p.0 + dx - w / 2.0, p.1 + dy - h / 2.0, w, h);
            if placer.try_fixed(r) {
                items.push(Item::Text {
                    class: "country-name",
                    at: round_pt((r.x, r.y + super::text_metrics::ascent_px(SIZE))),
                    anchor: Anchor::Start,
                    text: name,
                });
                break;
            }
        }
    }
    items
}

/// Whether the markers of cluster `g` (at `place_px`, of `radii`) are a knot: moved apart, one
/// of them would leave its place (move by more than its radius).
fn is_knot(g: &[usize], place_px: &[(f64, f64)], radii: &[f64]) -> bool {
    let c: Vec<(f64, f64)> = g.iter().map(|&i| place_px[i]).collect();
    if c.iter().any(|p| !(p.0.is_finite() && p.1.is_finite())) {
        return true;
    }
    let r: Vec<f64> = g.iter().map(|&i| radii[i]).collect();
    let area = Rect::around(c.iter().copied())
        .unwrap_or(Rect::new(0.0, 0.0, 0.0, 0.0))
        .grow(1000.0);
    let moved = spread(&c, &r, area, &[]);
    c.iter()
        .zip(&moved)
        .zip(&r)
        .any(|((a, b), r)| (a.0 - b.0).hypot(a.1 - b.1) > *r)
}

/// The members of cluster `g` an inset can show apart, with the inset's projection; `None` when
/// fewer than two remain.
fn inset_members(
    g: &[usize],
    places: &[Place],
    place_px: &[(f64, f64)],
    width: f64,
) -> Option<(Vec<usize>, FittedMap)> {
    let mut members = g.to_vec();
    while members.len() >= 2 {
        let positions: Vec<LonLat> = members.iter().map(|&i| places[i].position).collect();
        let fitted = inset::fit_inset(&positions, width)?;
        let pts: Vec<(f64, f64)> = positions
            .iter()
            .map(|&p| fitted.project_px(p).unwrap_or((f64::NAN, f64::NAN)))
            .collect();
        if clusters(&pts, CLUSTER_PX).is_empty() {
            return Some((members, fitted));
        }
        let isolation = |i: usize| {
            members
                .iter()
                .filter(|&&j| j != i)
                .map(|&j| (place_px[i].0 - place_px[j].0).hypot(place_px[i].1 - place_px[j].1))
                .fold(f64::INFINITY, f64::min)
        };
        let far = members
            .iter()
            .copied()
            .max_by(|&a, &b| isolation(a).total_cmp(&isolation(b)).then(b.cmp(&a)))?;
        members.retain(|&i| i != far);
    }
    None
}

/// A leg's path items: the line, and an arrow at the middle of its longest visible piece when
/// that piece is long enough to carry one.
fn leg_items(parts: &[Vec<(f64, f64)>]) -> Vec<Item> {
    if parts.is_empty() {
        return Vec::new();
    }
    let mut items = vec![Item::Path {
        class: "leg",
        parts: parts.to_vec(),
        closed: false,
    }];
    let longest = parts
        .iter()
        .max_by(|a, b| length(a).total_cmp(&length(b)))
        .expect("not empty");
    let len = length(longest);
    if len >= 36.0
        && let Some(((x, y), dir)) = point_along(longest, len / 2.0)
    {
        let (s, c) = dir.sin_cos();
        let at = |f: f64, side: f64| round_pt((x + c * f - s * side, y + s * f + c * side));
        items.push(Item::Path {
            class: "arrow",
            parts: vec![vec![
                at(5.0, 0.0),
                at(-4.0, 4.5),
                at(-1.5, 0.0),
                at(-4.0, -4.5),
            ]],
            closed: true,
        });
    }
    items
}

fn marker_radius(numbers: &str) -> f64 {
    (width_px(numbers, MARKER_FONT_PX, Weight::Bold) / 2.0 + 3.5).max(8.0)
}

/// A numbered marker: a disc and its number(s).
fn marker(c: (f64, f64), numbers: &str, r: f64) -> Item {
    Item::Group {
        class: "marker",
        items: vec![
            Item::Circle {
                class: "marker-dot",
                c: round_pt(c),
                r: round1(r),
            },
            Item::Text {
                class: "marker-num",
                at: round_pt((c.0, c.1 + 0.36 * MARKER_FONT_PX)),
                anchor: Anchor::Middle,
                text: numbers.to_string(),
            },
        ],
    }
}

/// Places a place's label; a callout that finds no room is tried again as a plain label
/// (name and dates) before the place goes to the key.
fn place_label(
    placer: &mut Placer,
    p: &Place,
    c: (f64, f64),
    r: f64,
    annotate: bool,
) -> Option<labels::Placed> {
    let spec = label_spec(p, c, r, annotate);
    match placer.place(&spec) {
        Some(placed) => Some(placed),
        None if spec.boxed => placer.place(&label_spec(p, c, r, false)),
        None => None,
    }
}

/// A place's label: its name, its dates and, with `annotate`, its note wrapped in a callout.
fn label_spec(p: &Place, c: (f64, f64), r: f64, annotate: bool) -> labels::Spec {
    let mut lines = vec![labels::Line {
        text: truncate_to(&p.name, 12.0, Weight::Bold, 200.0),
        class: "label-name",
        size_px: 12.0,
        weight: Weight::Bold,
    }];
    if let Some(d) = &p.dates {
        lines.push(labels::Line {
            text: truncate_to(d, 11.0, Weight::Regular, 200.0),
            class: "label-date",
            size_px: 11.0,
            weight: Weight::Regular,
        });
    }
    let mut boxed = false;
    if annotate && let Some(n) = &p.note {
        boxed = true;
        for l in super::text_metrics::wrap(n, 10.5, Weight::Regular, 170.0, 4) {
            lines.push(labels::Line {
                text: l,
                class: "note",
                size_px: 10.5,
                weight: Weight::Regular,
            });
        }
    }
    labels::Spec {
        anchor: c,
        anchor_r: r,
        lines,
        boxed,
    }
}

/// A line of the footer's key for a place whose label found no room: `4,9 Name (5 Nov)`.
fn key_line(p: &Place) -> String {
    let name = truncate_to(&p.name, 11.0, Weight::Regular, 400.0);
    match &p.dates {
        Some(d) => format!("{} {name} ({d})", p.numbers()),
        None => format!("{} {name}", p.numbers()),
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

/// The projection's name for the source line.
fn projection_name(forced: Option<ProjectionKind>, raw: &[(f64, f64)]) -> &'static str {
    let kind = forced.unwrap_or_else(|| {
        crate::projection::TripExtent::of(raw)
            .map(|e| crate::projection::choose_kind(&e))
            .unwrap_or(ProjectionKind::EqualEarth)
    });
    match kind {
        ProjectionKind::Mercator => "Mercator",
        ProjectionKind::Equirectangular => "equirectangular",
        ProjectionKind::EqualEarth => "Equal Earth",
        ProjectionKind::NaturalEarth => "Natural Earth",
        ProjectionKind::LambertConic => "Lambert conformal conic",
        ProjectionKind::AzimuthalEquidistant => "azimuthal equidistant",
        ProjectionKind::Orthographic => "orthographic",
    }
}
