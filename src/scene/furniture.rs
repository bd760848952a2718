//! The map's furniture: the title band (title, subtitle) above the map and the footer (legend,
//! scale bar, north arrow, source line, key of unplaced labels) below it. In: texts, the map's
//! scale in km per pixel, the page width. Out: scene items and the band's height in pixels.

use super::colour::{ColourLegend, paint_item};
use super::overlay::{LegendEntry, legend_sample};
use super::text_metrics::{
    Weight, ascent_px, descent_px, line_extents_px, width_px, wrap_all, wrap_balanced, wrap_list,
};
use super::{Anchor, Item, Rect};
use crate::geometry::{round_pt, round1};
use crate::trig;

/// Distance units for the scale bar and the subtitle.
use crate::format::{Units, thousands};
use crate::model::Mode;

/// Page margin, pixels.
pub const MARGIN: f64 = 16.0;
/// Title size, pixels.
pub const TITLE_PX: f64 = 20.0;
/// Subtitle size, pixels.
pub const SUBTITLE_PX: f64 = 13.0;
/// Legend, scale and source text size, pixels.
pub const SMALL_PX: f64 = 11.0;

/// Most lines a title is given: an editor's title is shown whole on a phone-width map (eight
/// lines of 20 px hold some 200 characters at 320 px); only a longer one ends in "…".
const TITLE_LINES: usize = 8;
/// Most lines a subtitle is given.
const SUBTITLE_LINES: usize = 8;

/// The title band: the title and the subtitle, each wrapped to lines of even length (up to
/// `TITLE_LINES` and `SUBTITLE_LINES`), so a phone-width map keeps them whole. Returns the
/// items and the band's height.
pub fn header(title: &str, subtitle: &str, width: f64) -> (Vec<Item>, f64) {
    let mut items = Vec::new();
    let max = width - 2.0 * MARGIN;
    let mut y = MARGIN;
    // How much further than Latin a line's glyphs reach above and below (Thai marks, an Arabic
    // hamza below): the line moves down, and the next one further, by that much.
    let beyond = |line: &str, size: f64, weight: Weight| {
        let (above, below) = line_extents_px(line, size, weight);
        (above - ascent_px(size), below - descent_px(size))
    };
    let mut below = 0.0;
    for line in wrap_balanced(title, TITLE_PX, Weight::Bold, max, TITLE_LINES) {
        let (up, down) = beyond(&line, TITLE_PX, Weight::Bold);
        y += TITLE_PX * 1.05 + below + up;
        below = down;
        items.push(Item::Text {
            class: "title",
            at: (MARGIN, y.round()),
            anchor: Anchor::Start,
            text: line,
        });
        y += TITLE_PX * 0.25;
    }
    for (i, line) in wrap_balanced(subtitle, SUBTITLE_PX, Weight::Regular, max, SUBTITLE_LINES)
        .into_iter()
        .enumerate()
    {
        let (up, down) = beyond(&line, SUBTITLE_PX, Weight::Regular);
        y += if i == 0 { 1.2 } else { 1.35 } * SUBTITLE_PX + below + up;
        below = down;
        items.push(Item::Text {
            class: "subtitle",
            at: (MARGIN, y.round()),
            anchor: Anchor::Start,
            text: line,
        });
    }
    (items, (y + 12.0 + below).round())
}

/// A scale bar's length in pixels and its label for a map of `km_per_px`: the longest round
/// distance (1, 2 or 5 × 10ⁿ) that fits in `max_px`, in metres below a kilometre (feet below
/// half a mile) so a city map reads `200 m`, not `0.2 km`.
pub fn scale_bar(km_per_px: f64, units: Units, max_px: f64) -> Option<(f64, String)> {
    let big = km_per_px / units.km() * max_px;
    let (symbol, unit_km) = match units {
        Units::Km if big < 1.0 => ("m", 0.001),
        Units::Miles if big < 0.5 => ("ft", 0.000_304_8),
        _ => (units.symbol(), units.km()),
    };
    let units_per_px = km_per_px / unit_km;
    if !(units_per_px.is_finite() && units_per_px > 0.0) {
        return None;
    }
    let max_units = units_per_px * max_px;
    let mut step = 10f64.powf(max_units.log10().floor());
    for m in [5.0, 2.0, 1.0] {
        if m * step <= max_units {
            step *= m;
            break;
        }
    }
    let px = step / units_per_px;
    let label = format!("{} {symbol}", thousands(step));
    Some((px, label))
}

/// What the footer shows.
#[derive(Debug, Clone)]
pub struct Footer<'a> {
    /// Page width, pixels.
    pub width: f64,
    /// Top of the footer band, pixels.
    pub top: f64,
    /// Whether the map has detail insets (adds a legend entry).
    pub has_insets: bool,
    /// Scale bar: length in pixels and label.
    pub scale: Option<(f64, String)>,
    /// Where north points at the map's centre, degrees clockwise from up, when it is not up.
    pub north_deg: Option<f64>,
    /// The source line.
    pub source: &'a str,
    /// Stops whose labels found no room on the map: `12 Name (5 Nov)`; written as one wrapped
    /// paragraph.
    pub key: &'a [String],
    /// Notes asked for that the map could not show in full: `4 Name: note`, each its own
    /// paragraph under the map.
    pub notes: &'a [String],
    /// The legend's leg entries: each travel mode drawn and its words, and legs without a mode
    /// (`None`: great-circle, recorded, or both); empty when the trip has no legs.
    pub legs: &'a [(Option<Mode>, &'a str)],
    /// The overlays' titled features.
    pub overlays: &'a [LegendEntry],
    /// The colours of `--colour-by`.
    pub colours: &'a ColourLegend,
}

/// The footer's items and its height: legend, scale bar and north arrow, source line, key.
pub fn footer(f: &Footer) -> (Vec<Item>, f64) {
    let mut items = Vec::new();
    let (x, row) = legend(f, &mut items);
    let mut y = scale_and_north(f, x, row, &mut items);
    y += 20.0;
    y = source_and_key(f, y, &mut items);
    (items, (y - f.top).round())
}

/// Legend entries: a sample drawn at x (on the row's baseline) and its text; they flow into as
/// many rows as the width needs. Returns where the last row ends: its x and baseline.
fn legend(f: &Footer, items: &mut Vec<Item>) -> (f64, f64) {
    let mut row = f.top + 22.0;
    let mut entries: Vec<(f64, Sample, &str)> =
        vec![(19.0, Sample::Marker, "Stop, in visiting order")];
    for &(mode, words) in f.legs {
        entries.push((32.0, Sample::Leg(mode), words));
    }
    if f.has_insets {
        entries.push((17.0, Sample::Locator, "Enlarged in a detail map"));
    }
    for e in f.overlays {
        entries.push((28.0, Sample::Overlay(e), &e.title));
    }
    for (k, (colour, words)) in f.colours.swatches.iter().enumerate() {
        let ring = f.colours.rings.get(k).copied();
        entries.push((18.0, Sample::Colour(colour, ring), words));
    }
    let mut x = MARGIN;
    for (sample_w, sample, t) in entries {
        let w = sample_w + width_px(t, SMALL_PX, Weight::Regular);
        if x > MARGIN && x + w > f.width - MARGIN {
            x = MARGIN;
            row += 20.0;
        }
        items.extend(match sample {
            Sample::Marker => legend_marker(x, row),
            Sample::Leg(mode) => {
                let sample = legend_leg(x, row, mode);
                match f.colours.modes.iter().find(|(m, _)| *m == mode) {
                    Some((_, colour)) => vec![paint_item(
                        colour,
                        Item::Group {
                            class: "sample",
                            items: sample,
                        },
                    )],
                    None => sample,
                }
            }
            Sample::Colour(colour, ring) => vec![paint_item(colour, colour_sample(x, row, ring))],
            Sample::Locator => legend_locator(x, row),
            Sample::Overlay(e) => legend_sample(e, x, row),
        });
        items.push(text("legend", (x + sample_w, row), t));
        x += w + 16.0;
    }
    (x, row)
}

/// The scale bar and north arrow, right-aligned on the legend's last row (ending at `x`), or on
/// a row of their own when the legend is wide. Returns their baseline.
fn scale_and_north(f: &Footer, x: f64, row: f64, items: &mut Vec<Item>) -> f64 {
    let mut y = row;
    let scale_w = f
        .scale
        .as_ref()
        .map(|(px, label)| px + width_px(label, SMALL_PX, Weight::Regular) + 8.0)
        .unwrap_or(0.0)
        + if f.north_deg.is_some() { 30.0 } else { 0.0 };
    if scale_w > 0.0 && x + scale_w > f.width - MARGIN {
        y += 20.0;
    }
    let mut right = f.width - MARGIN;
    if let Some((px, label)) = &f.scale {
        let (x0, x1) = (right - px, right);
        items.push(Item::Path {
            class: "scale",
            parts: vec![
                [(x0, y - 7.0), (x0, y - 3.0), (x1, y - 3.0), (x1, y - 7.0)]
                    .into_iter()
                    .map(round_pt)
                    .collect(),
            ],
            closed: false,
        });
        items.push(Item::Text {
            class: "legend",
            at: ((x0 - 6.0).round(), y),
            anchor: Anchor::End,
            text: label.clone(),
        });
        right = x0 - 6.0 - width_px(label, SMALL_PX, Weight::Regular) - 10.0;
    }
    if let Some(deg) = f.north_deg {
        items.extend(north_arrow(deg, right, y));
    }
    y
}

/// A north arrow turned `deg` clockwise, ending at `right`, on baseline `y`, and its `N`.
fn north_arrow(deg: f64, right: f64, y: f64) -> Vec<Item> {
    let c = (right - 8.0, y - 6.0);
    let (s, co) = trig::sin_cos(deg.to_radians());
    let rot = |dx: f64, dy: f64| round_pt((c.0 + dx * co - dy * s, c.1 + dx * s + dy * co));
    vec![
        Item::Path {
            class: "north",
            parts: vec![vec![
                rot(0.0, -9.0),
                rot(4.0, 6.0),
                rot(0.0, 3.0),
                rot(-4.0, 6.0),
            ]],
            closed: true,
        },
        Item::Text {
            class: "legend",
            at: (round1(right - 20.0), y),
            anchor: Anchor::End,
            text: "N".into(),
        },
    ]
}

/// The most lines the key of stops not labelled may take (a hundred stops at 320 px need 49);
/// a longer key ends "and N more." — every stop is in the layers and the map's description.
pub const MAX_KEY_LINES: usize = 60;

/// The source line (a credit loses no text: as many lines as it needs, long words broken
/// inside) and the key of stops not labelled on the map, from baseline `y`. Returns the
/// baseline after them.
fn source_and_key(f: &Footer, mut y: f64, items: &mut Vec<Item>) -> f64 {
    for line in wrap_all(f.source, SMALL_PX, Weight::Regular, f.width - 2.0 * MARGIN) {
        items.push(text("source", (MARGIN, y), &line));
        y += 15.0;
    }
    if !f.key.is_empty() {
        let lines = wrap_list(
            "Not labelled on the map:",
            f.key,
            (" · ", "."),
            (SMALL_PX, Weight::Regular),
            f.width - 2.0 * MARGIN,
            MAX_KEY_LINES,
        );
        for line in lines {
            items.push(text("key", (MARGIN, y), &line));
            y += 15.0;
        }
    }
    for note in f.notes {
        for line in wrap_all(note, SMALL_PX, Weight::Regular, f.width - 2.0 * MARGIN) {
            items.push(text("notes", (MARGIN, y), &line));
            y += 15.0;
        }
    }
    y
}

/// A colour's sample: a square, or for a trip (`marker`: its ring class, if any) a small
/// marker ringed as the trip's markers are.
fn colour_sample(x: f64, row: f64, marker: Option<Option<&'static str>>) -> Item {
    let Some(ring) = marker else {
        return Item::Rect {
            class: "swatch",
            rect: Rect::new(x, row - 9.0, 12.0, 10.0),
        };
    };
    let c = (x + 6.0, row - 4.0);
    let mut items = vec![Item::Circle {
        class: "marker-dot",
        c,
        r: 4.0,
    }];
    if let Some(ring) = ring {
        items.insert(
            0,
            Item::Circle {
                class: ring,
                c,
                r: 6.0,
            },
        );
    }
    Item::Group {
        class: "swatch",
        items,
    }
}

fn legend_marker(x: f64, row: f64) -> Vec<Item> {
    vec![Item::Group {
        class: "marker",
        items: vec![
            Item::Circle {
                class: "marker-dot",
                c: (x + 7.0, row - 4.0),
                r: 7.0,
            },
            Item::Text {
                class: "marker-num",
                at: (x + 7.0, row - 0.5),
                anchor: Anchor::Middle,
                text: "1".into(),
            },
        ],
    }]
}

/// What a legend entry shows beside its words.
enum Sample<'a> {
    /// A numbered marker.
    Marker,
    /// A leg in the style of a travel mode (`None`: a leg without one).
    Leg(Option<Mode>),
    /// A locator's frame.
    Locator,
    /// An overlay feature's style.
    Overlay(&'a LegendEntry),
    /// A colour of `--colour-by`; for a trip, its marker style (the ring class, if any).
    Colour(&'a str, Option<Option<&'static str>>),
}

fn legend_leg(x: f64, row: f64, mode: Option<Mode>) -> Vec<Item> {
    let (line, arrow) = super::modes::classes(mode);
    vec![
        Item::Line {
            class: line,
            a: (x, row - 4.0),
            b: (x + 26.0, row - 4.0),
        },
        Item::Path {
            class: arrow,
            parts: vec![vec![
                (x + 17.0, row - 7.5),
                (x + 23.0, row - 4.0),
                (x + 17.0, row - 0.5),
            ]],
            closed: true,
        },
    ]
}

fn legend_locator(x: f64, row: f64) -> Vec<Item> {
    vec![Item::Rect {
        class: "locator",
        rect: Rect::new(x, row - 9.0, 12.0, 10.0),
    }]
}

fn text(class: &'static str, at: (f64, f64), t: &str) -> Item {
    Item::Text {
        class,
        at: round_pt(at),
        anchor: Anchor::Start,
        text: t.to_string(),
    }
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn scale_bars_are_round_numbers_that_fit() {
        let (px, label) = scale_bar(20.0, Units::Km, 120.0).unwrap();
        assert_eq!(label, "2,000 km");
        assert!((px - 100.0).abs() < 1e-9);
        let (px, label) = scale_bar(20.0, Units::Miles, 120.0).unwrap();
        assert_eq!(label, "1,000 mi");
        assert!(px <= 120.0);
        let (_, label) = scale_bar(0.003, Units::Km, 120.0).unwrap();
        assert_eq!(label, "200 m");
        let (_, label) = scale_bar(0.01, Units::Km, 120.0).unwrap();
        assert_eq!(label, "1 km");
        let (_, label) = scale_bar(0.002, Units::Miles, 120.0).unwrap();
        assert_eq!(label, "500 ft");
        assert!(scale_bar(f64::NAN, Units::Km, 120.0).is_none());
    }
}
