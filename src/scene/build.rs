//! `build`: a `Route` and [`MapOptions`] in, a [`Scene`] out. Like usvg's converter, this file
//! only walks the steps; each step lives in its own file with the shared [`Ctx`]: the
//! projection is chosen and fitted (`Framing`), the page's height settled, the map area drawn
//! (`map_area.rs`: basemap, legs, insets, markers, labels) and the title and footer laid out.

use super::colour::{self, Colouring};
use super::context::Ctx;
use super::describe;
use super::framing::Framing;
use super::furniture::{self, Footer};
use super::inset::draw::strip_height;
use super::map_area::{Drawing, PAD_PX, draw};
use super::modes;
use super::overlay::legend_entries;
use super::timeline;
use super::{Item, Layer, MapOptions, Scene};
use crate::error::Error;
use crate::geometry::Rect;
use crate::model::Route;
use crate::projection::pick_height_px;

/// Footer height assumed when fitting a page of a given height, pixels.
const FOOTER_PX: f64 = 64.0;
/// The least height the map area may have, pixels.
const MIN_MAP_PX: f64 = 120.0;

/// Builds the scene for `route` (see the module docs). Fails only on unusable options.
pub fn build(route: &Route, o: &MapOptions) -> Result<Scene, Error> {
    o.check()?;
    // A trip with millions of leg points is drawn from a thinned copy (`thin_paths.rs`).
    let thinned = super::thin_paths::thinned(route);
    let route = thinned.as_ref().unwrap_or(route);
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
            .max(if width < super::inset::fit::NARROW_PX {
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
