//! Drawing the insets: each one placed on the main map where it covers least, tied to its
//! locator box by a connector, and drawn as a small map with its own basemap, scale bar, legs,
//! markers and labels. A place whose label finds no room in its inset goes to the key.

use super::FittedMap;
use super::frame::{Keep, connector, place_frame};
use crate::basemap::{self, Detail};
use crate::geometry::{Rect, round_pt, round_rect};
use crate::model::LonLat;
use crate::scene::basemap_layer::{basemap_layer, country_labels, is_visited};
use crate::scene::context::Ctx;
use crate::scene::furniture;
use crate::scene::labels::Placer;
use crate::scene::legs::{bowed, leg_items, project_route_leg};
use crate::scene::markers::marker;
use crate::scene::stop_labels::{Unsaid, place_label};
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
    /// Places whose label found no room in their inset, and notes said in full there.
    pub unsaid: Unsaid,
    /// How many insets were drawn.
    pub count: usize,
    /// Clusters that needed an inset but found no room for one.
    pub missing: usize,
    /// The sizes of the insets that found no room, pixels.
    pub missing_sizes: Vec<(f64, f64)>,
    /// How the locator map among `items` drew its basemap, when there is one.
    pub locator: Option<crate::scene::locator::LocatorDrawn>,
}

impl Insets {
    /// Everything placed so far that another inset must keep clear of: insets and locator
    /// boxes.
    pub fn taken(&self) -> Vec<Rect> {
        let mut taken = self.rects.clone();
        taken.extend(self.locator_items.iter().filter_map(|i| match i {
            Item::Rect { rect, .. } => Some(*rect),
            _ => None,
        }));
        taken
    }
}

/// Where insets may go: free space inside the main map (`map`, where the route and markers
/// are), then a strip below it (`strip`, empty page), either possibly absent.
pub(crate) struct InsetRoom {
    /// The main map's frame, when insets may be set into it.
    pub map: Option<Rect>,
    /// Room below the map, when the page grew for insets.
    pub strip: Option<Rect>,
}

/// Room kept between stacked insets in the strip below the map, pixels.
pub(crate) const STRIP_GAP_PX: f64 = 12.0;

/// The height of a strip `width` wide that holds insets of `sizes` in rows, left to right, with
/// [`STRIP_GAP_PX`] around each, pixels.
pub(crate) fn strip_height(sizes: &[(f64, f64)], width: f64) -> f64 {
    let (mut x, mut row_h, mut total) = (STRIP_GAP_PX, 0.0_f64, STRIP_GAP_PX);
    for &(w, h) in sizes {
        if x > STRIP_GAP_PX && x + w + STRIP_GAP_PX > width {
            total += row_h + STRIP_GAP_PX;
            x = STRIP_GAP_PX;
            row_h = 0.0;
        }
        x += w + STRIP_GAP_PX;
        row_h = row_h.max(h);
    }
    (total + row_h + STRIP_GAP_PX).ceil()
}

/// Places and draws an inset for each group (members, fitted projection): in the main map's
/// free space, else in the strip below it; the places fall at `place_px` on the main map; the
/// insets, locators and connectors become obstacles in `placer`.
pub(crate) fn draw_insets(
    ctx: &Ctx,
    groups: &[(Vec<usize>, FittedMap)],
    place_px: &[(f64, f64)],
    room: &InsetRoom,
    placer: &mut Placer,
) -> Insets {
    let mut out = Insets {
        items: Vec::new(),
        locator_items: Vec::new(),
        locator: None,
        rects: Vec::new(),
        in_inset: vec![false; ctx.places.len()],
        unsaid: Unsaid::new(ctx.places.len()),
        count: 0,
        missing: 0,
        missing_sizes: Vec::new(),
    };
    let markers: Vec<((f64, f64), f64)> = place_px
        .iter()
        .copied()
        .zip(ctx.radii.iter().copied())
        .collect();
    let mut taken: Vec<Rect> = Vec::new();
    for (g, fitted) in groups {
        let locator = Rect::around(g.iter().map(|&i| place_px[i]))
            .unwrap_or(Rect::new(0.0, 0.0, 0.0, 0.0))
            .grow(6.0);
        let size = (fitted.width_px(), fitted.height_px());
        let in_map = room.map.and_then(|frame| {
            let keep = Keep {
                frame,
                taken: &taken,
                markers: &markers,
                covers_route: &|r: &Rect| placer.route_cost(r) > 0.0,
            };
            place_frame(size, Some(locator), &keep)
        });
        let below = || {
            room.strip.and_then(|frame| {
                let keep = Keep {
                    frame,
                    taken: &taken,
                    markers: &[],
                    covers_route: &|_: &Rect| false,
                };
                place_frame(size, None, &keep)
            })
        };
        let Some(rect) = in_map.or_else(below) else {
            out.missing += 1;
            out.missing_sizes.push(size);
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
            .push(draw_inset(ctx, g, fitted, rect, &mut out.unsaid));
    }
    out
}

/// One inset at `rect`: background, basemap, legs, scale bar, markers, labels, country names,
/// frame.
fn draw_inset(ctx: &Ctx, g: &[usize], fitted: &FittedMap, rect: Rect, unsaid: &mut Unsaid) -> Item {
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
    let inset_view = basemap::view_with(fitted, Detail::for_scale(inset_km.max(2.5)), None, |c| {
        is_visited(&ctx.visited, c)
    });
    items.extend(basemap_layer(&inset_view, &ctx.visited, origin));
    let mut placer = Placer::new(rect.grow(-3.0));
    let scale_items = scale_bar(ctx, fitted, rect, &mut placer);
    for (k, (leg, &bow)) in ctx.route.legs.iter().zip(&ctx.bows).enumerate() {
        let parts = bowed(project_route_leg(ctx.route, leg, &project, &rect), bow);
        for part in &parts {
            placer.add_route(part);
        }
        items.extend(leg_items(&parts, k + 1, leg.mode));
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
        marker_items.push(marker(c, &place.numbers(), ctx.radii[i]).tagged(place.tag()));
        let placed = place_label(&mut placer, place, c, ctx.radii[i], ctx.callout(i));
        unsaid.record(i, place, placed.as_ref());
        if let Some(p) = placed {
            label_items.push(
                Item::Group {
                    class: "label",
                    items: p.items,
                }
                .tagged(place.tag()),
            );
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

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn insets_below_the_map_share_rows_when_they_fit() {
        let g = STRIP_GAP_PX;
        assert_eq!(
            strip_height(&[(288.0, 200.0), (288.0, 150.0)], 960.0),
            200.0 + 2.0 * g
        );
        assert_eq!(
            strip_height(&[(200.0, 150.0), (200.0, 100.0)], 320.0),
            250.0 + 3.0 * g
        );
        assert_eq!(strip_height(&[], 320.0), 2.0 * g);
    }
}
