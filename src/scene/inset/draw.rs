//! Drawing the insets: each one placed on the main map where it covers least, tied to its
//! locator box by a connector, and drawn as a small map with its own basemap, scale bar, legs,
//! markers and labels. A place whose label finds no room in its inset goes to the key.

use super::FittedMap;
use super::frame::{connector, place_frame};
use crate::basemap::{self, Detail};
use crate::geometry::{Rect, round_pt, round_rect};
use crate::model::LonLat;
use crate::scene::basemap_layer::{basemap_layer, country_labels};
use crate::scene::context::Ctx;
use crate::scene::furniture;
use crate::scene::labels::Placer;
use crate::scene::legs::{leg_items, project_leg};
use crate::scene::markers::marker;
use crate::scene::stop_labels::{key_line, place_label};
use crate::scene::text_metrics::{Weight, width_px};
use crate::scene::{Anchor, Item};

/// The insets drawn on one main map.
pub(crate) struct Insets {
    /// One group per inset.
    pub items: Vec<Item>,
    /// Locator boxes and connectors, drawn with the route.
    pub locator_items: Vec<Item>,
    /// Where the insets are.
    pub rects: Vec<Rect>,
    /// Whether each place is shown in an inset (a dot on the main map).
    pub in_inset: Vec<bool>,
    /// Places whose label found no room in their inset, for the key.
    pub key: Vec<String>,
    /// How many insets were drawn.
    pub count: usize,
    /// Clusters that needed an inset but found no room for one.
    pub missing: usize,
}

/// Places and draws an inset for each group (members, fitted projection) on the main map
/// `frame`, where the places fall at `place_px`; the insets, locators and connectors become
/// obstacles in `placer`.
pub(crate) fn draw_insets(
    ctx: &Ctx,
    groups: &[(Vec<usize>, FittedMap)],
    place_px: &[(f64, f64)],
    frame: Rect,
    placer: &mut Placer,
) -> Insets {
    let mut out = Insets {
        items: Vec::new(),
        locator_items: Vec::new(),
        rects: Vec::new(),
        in_inset: vec![false; ctx.places.len()],
        key: Vec::new(),
        count: 0,
        missing: 0,
    };
    let mut taken: Vec<Rect> = Vec::new();
    for (g, fitted) in groups {
        let locator = Rect::around(g.iter().map(|&i| place_px[i]))
            .unwrap_or(Rect::new(0.0, 0.0, 0.0, 0.0))
            .grow(6.0);
        let size = (fitted.width_px(), fitted.height_px());
        let Some(rect) = place_frame(size, locator, frame, &taken, place_px, |r| {
            placer.route_cost(r)
        }) else {
            out.missing += 1;
            continue;
        };
        out.count += 1;
        for &i in g {
            out.in_inset[i] = true;
        }
        taken.push(rect);
        taken.push(locator);
        out.rects.push(rect);
        placer.add_obstacle(rect);
        placer.add_obstacle(locator);
        let (a, b) = connector(&locator, &rect);
        placer.add_line_obstacle(a, b);
        out.locator_items.push(Item::Rect {
            class: "locator",
            rect: round_rect(locator),
        });
        out.locator_items.push(Item::Line {
            class: "connector",
            a: round_pt(a),
            b: round_pt(b),
        });
        out.items
            .push(draw_inset(ctx, g, fitted, rect, &mut out.key));
    }
    out
}

/// One inset at `rect`: background, basemap, legs, scale bar, markers, labels, country names,
/// frame.
fn draw_inset(
    ctx: &Ctx,
    g: &[usize],
    fitted: &FittedMap,
    rect: Rect,
    key: &mut Vec<String>,
) -> Item {
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
    items.extend(basemap_layer(&inset_view, &ctx.visited, origin));
    let mut placer = Placer::new(rect.grow(-3.0));
    let scale_items = scale_bar(ctx, fitted, rect, &mut placer);
    for leg in &ctx.route.legs {
        let parts = project_leg(&leg.path, &project, &rect);
        for part in &parts {
            placer.add_route(part);
        }
        items.extend(leg_items(&parts));
    }
    let pts: Vec<(f64, f64)> = g
        .iter()
        .map(|&i| project(ctx.places[i].position).unwrap_or((f64::NAN, f64::NAN)))
        .collect();
    for (&i, &c) in g.iter().zip(&pts) {
        placer.add_marker(c, ctx.radii[i]);
    }
    let mut marker_items = Vec::new();
    let mut label_items = Vec::new();
    for (&i, &c) in g.iter().zip(&pts) {
        let place = &ctx.places[i];
        marker_items.push(marker(c, &place.numbers(), ctx.radii[i]));
        match place_label(&mut placer, place, c, ctx.radii[i], ctx.callout(i)) {
            Some(p) => label_items.push(Item::Group {
                class: "label",
                items: p.items,
            }),
            None => key.push(key_line(place)),
        }
    }
    let country_items = country_labels(&ctx.visited, &mut placer, &project);
    items.extend(scale_items);
    items.extend(marker_items);
    items.extend(label_items);
    items.extend(country_items);
    items.push(Item::Rect {
        class: "inset-frame",
        rect,
    });
    Item::Group {
        class: "inset",
        items,
    }
}

/// The inset's own scale bar, bottom left (an obstacle for its labels).
fn scale_bar(ctx: &Ctx, fitted: &FittedMap, rect: Rect, placer: &mut Placer) -> Vec<Item> {
    let Some((px, label)) = fitted
        .scale_at_centre_km_per_px()
        .and_then(|km| furniture::scale_bar(km, ctx.options.units, 60.0))
    else {
        return Vec::new();
    };
    let (x0, y) = (rect.x + 8.0, rect.bottom() - 8.0);
    let lw = width_px(&label, furniture::SMALL_PX, Weight::Regular);
    placer.add_obstacle(Rect::new(x0 - 2.0, y - 12.0, px + lw + 9.0, 14.0));
    vec![
        Item::Path {
            class: "scale",
            parts: vec![vec![
                round_pt((x0, y - 4.0)),
                round_pt((x0, y)),
                round_pt((x0 + px, y)),
                round_pt((x0 + px, y - 4.0)),
            ]],
            closed: false,
        },
        Item::Text {
            class: "legend",
            at: round_pt((x0 + px + 5.0, y)),
            anchor: Anchor::Start,
            text: label,
        },
    ]
}
