//! `--timeline`: a strip under the map (beside it on a page at least [`BESIDE_FROM_PX`] wide)
//! with the trip on a date axis. In: the route, its colouring (if any) and the strip's width.
//! Out: the strip's items (top at 0) and its height.
//!
//! The axis runs over the trip's local calendar days (see [`moments`]): each dated stop is a
//! numbered marker (the number of its stop, as on the map) where it arrives, with a bar for its
//! stay; each leg whose both ends give a time of day is a span on a track just above the axis.
//! Labels mark days, weeks, months, quarters, years or decades, the finest that fit without
//! touching. A long trip on a narrow page wraps into rows of equal length, and markers that
//! would touch go into lanes above one another (see [`layout`]). Several trips drawn together
//! get a band each in every row, under their names. Stops without a date are listed under the
//! strip; a trip with no date at all has no timeline, and asking for one is an error.

mod layout;
mod moments;
mod ticks;

use super::colour::{Colouring, paint_item, trip_names};
use super::furniture::MARGIN;
use super::places::MARKER_FONT_PX;
use super::text_metrics::{Weight, width_px, wrap_list};
use super::{Anchor, Item, Rect, Tag, clean_text};
use crate::error::Error;
use crate::geometry::{round_pt, round1};
use crate::model::Route;
use layout::{Axis, LANE_PX, Piece};
use moments::Moments;
use ticks::{LABEL_PX, UNITS, Unit};

/// The strip: its items, top at 0, and its height in pixels.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Strip {
    /// What the strip draws.
    pub items: Vec<Item>,
    /// Its height, pixels.
    pub height: f64,
}

/// Size of the heading and of the list of undated stops, pixels.
const NOTE_PX: f64 = 11.0;
/// Height of a stay bar, pixels.
const BAR_PX: f64 = 6.0;
/// How far above the axis the leg track is, pixels.
const LEG_TRACK_PX: f64 = 5.0;

/// The least page width, pixels, at which the timeline stands beside the map rather than under
/// it: the map keeps at least 840 px, wider than the desktop default, and the page is a wide
/// screen's, where a strip across it would be long and thin.
pub(crate) const BESIDE_FROM_PX: f64 = 1200.0;

/// The width of the column the timeline takes beside the map on a page `page_width` pixels
/// wide: 30% of it, from 360 px (a phone's strip, which wraps into rows) to 480 px; `None`
/// when the page is narrower than [`BESIDE_FROM_PX`] and the strip goes under the map.
pub(crate) fn beside_width(page_width: f64) -> Option<f64> {
    (page_width >= BESIDE_FROM_PX).then(|| (0.3 * page_width).round().clamp(360.0, 480.0))
}

/// The timeline strip of `route`, `width` pixels wide (the page's, or the column beside the map), in `colouring`'s colours; an
/// error when no stop has a date. Several trips drawn together get a section each, under the
/// trip's name, on an axis of its own days.
pub(crate) fn strip(
    route: &Route,
    colouring: Option<&Colouring>,
    width: f64,
) -> Result<Strip, Error> {
    let trips = route.trips.len().max(1);
    let sections: Vec<(usize, Option<Moments>)> = if trips == 1 {
        vec![(0, moments::moments(route, None))]
    } else {
        (0..trips)
            .map(|t| (t, moments::moments(route, Some(t))))
            .collect()
    };
    if sections.iter().all(|(_, m)| m.is_none()) {
        return Err(Error::Options(format!(
            "--timeline: none of the {} stops has a date (arrive or depart), so there is no time to draw; give dates, or leave out --timeline",
            route.stops.len()
        )));
    }
    let names = trip_names(route);
    let mut items = Vec::new();
    let mut y = 8.0;
    let mut undated: Vec<usize> = Vec::new();
    for (t, m) in &sections {
        let name = (trips > 1).then(|| names[(*t).min(names.len() - 1)].as_str());
        let Some(m) = m else {
            // A trip of several with no date at all: its stops are listed as undated.
            undated.extend((0..route.stops.len()).filter(|&i| route.stops[i].trip == *t));
            continue;
        };
        y += NOTE_PX;
        items.push(text(
            "tl-note",
            (MARGIN, y),
            Anchor::Start,
            heading(m, name, width),
        ));
        y += 10.0;
        y = section(m, colouring, width, y, &mut items);
        undated.extend(&m.undated);
    }
    if !undated.is_empty() {
        let list: Vec<String> = undated
            .iter()
            .map(|&i| format!("{} {}", i + 1, clean_text(&route.stops[i].stop.name)))
            .collect();
        for line in wrap_list(
            "Not on the timeline (no date):",
            &list,
            (" · ", "."),
            (NOTE_PX, Weight::Regular),
            width - 2.0 * MARGIN,
            super::furniture::MAX_KEY_LINES,
        ) {
            y += 4.0;
            items.push(text("tl-note", (MARGIN, y), Anchor::Start, line));
            y += 11.0;
        }
    }
    Ok(Strip {
        items,
        height: (y + 4.0).round(),
    })
}

/// Draws the rows of one trip's moments `m` from `y` down into `items`; returns where they end.
fn section(
    m: &Moments,
    colouring: Option<&Colouring>,
    width: f64,
    mut y: f64,
    items: &mut Vec<Item>,
) -> f64 {
    let radius: Vec<f64> = m.stops.iter().map(|s| marker_radius(s.stop + 1)).collect();
    let pad = radius.iter().copied().fold(8.0, f64::max) + 2.0;
    let (x0, x1) = (MARGIN + pad, width - MARGIN - pad);
    let (axis, pieces) = layout::choose(m, (x0, x1), &radius);
    let lanes = layout::lanes(&pieces, axis.rows);
    let mut draw = Draw {
        m,
        axis: &axis,
        colouring,
        width,
        unit: Unit::Day,
    };
    draw.unit = draw.unit();
    for (row, &n) in lanes.iter().enumerate() {
        let bottom = y + n as f64 * LANE_PX;
        let row_pieces: Vec<&Piece> = pieces.iter().filter(|p| p.row == row).collect();
        items.extend(draw.band(&row_pieces, bottom));
        let axis_y = bottom + LEG_TRACK_PX + 4.0;
        items.extend(draw.legs(row, axis_y - 4.0));
        items.extend(draw.axis_line(row, axis_y));
        y = axis_y + layout::ROW_FIXED_PX - LEG_TRACK_PX - 4.0;
    }
    y
}

/// A section's heading: the trip's name when several are drawn, what the axis counts, and the
/// years it covers; cut to fit `width`.
fn heading(m: &Moments, trip: Option<&str>, width: f64) -> String {
    let last = m
        .first
        .checked_add(jiff::Span::new().days(m.days as i64 - 1))
        .unwrap_or(m.first);
    let years = if last.year() == m.first.year() {
        m.first.year().to_string()
    } else {
        format!("{}–{}", m.first.year(), last.year())
    };
    let text = match trip {
        Some(name) => format!("{name}: local dates, {years}"),
        None => format!("Timeline, local dates, {years}"),
    };
    super::text_metrics::truncate_to(&text, NOTE_PX, Weight::Regular, width - 2.0 * MARGIN)
}

/// The radius of a timeline marker holding stop number `n`, pixels (as the map's markers).
fn marker_radius(n: usize) -> f64 {
    (width_px(&n.to_string(), MARKER_FONT_PX, Weight::Bold) / 2.0 + 3.5).max(8.0)
}

fn text(class: &'static str, at: (f64, f64), anchor: Anchor, text: String) -> Item {
    Item::Text {
        class,
        at: round_pt(at),
        anchor,
        text,
    }
}

/// What drawing one timeline reads.
struct Draw<'a> {
    m: &'a Moments,
    axis: &'a Axis,
    colouring: Option<&'a Colouring>,
    width: f64,
    /// The labels' unit, the same in every row.
    unit: Unit,
}

impl Draw<'_> {
    /// `item` in the colour of stop `stop` (or leg `leg`), when the map is coloured.
    fn painted(&self, item: Item, stop: Option<usize>, leg: Option<usize>) -> Item {
        let colour = self.colouring.and_then(|c| match (stop, leg) {
            (Some(s), _) => c.stops.get(s).copied().flatten(),
            (_, Some(l)) => c.legs.get(l).copied().flatten(),
            _ => None,
        });
        match colour {
            Some(colour) => paint_item(colour, item),
            None => item,
        }
    }

    /// One band of one row, whose lowest lane ends at `bottom`: the stays' bars, then the
    /// markers over them.
    fn band(&self, pieces: &[&Piece], bottom: f64) -> Vec<Item> {
        let mut bars = Vec::new();
        let mut markers = Vec::new();
        for p in pieces {
            let stop = self.m.stops[p.span].stop;
            let cy = bottom - (p.lane as f64 + 0.5) * LANE_PX;
            if p.x.1 - p.x.0 >= 1.0 {
                let bar = Item::Rect {
                    class: "tl-bar",
                    rect: Rect::new(
                        round1(p.x.0),
                        round1(cy - BAR_PX / 2.0),
                        round1(p.x.1 - p.x.0),
                        BAR_PX,
                    ),
                };
                bars.push(self.painted(bar, Some(stop), None));
            }
            if let Some(r) = p.marker_r {
                let marker = Item::Group {
                    class: "tl-marker",
                    items: vec![
                        Item::Circle {
                            class: "tl-dot",
                            c: round_pt((p.x.0, cy)),
                            r: round1(r),
                        },
                        text(
                            "tl-num",
                            (p.x.0, cy + 0.36 * MARKER_FONT_PX),
                            Anchor::Middle,
                            (stop + 1).to_string(),
                        ),
                    ],
                }
                .tagged(Tag::Stops(vec![stop + 1]));
                markers.push(self.painted(marker, Some(stop), None));
            }
        }
        bars.extend(markers);
        bars
    }

    /// The legs' spans in row `row`, on a track at `y`.
    fn legs(&self, row: usize, y: f64) -> Vec<Item> {
        let (from, to) = self.axis.row_days(row);
        self.m
            .legs
            .iter()
            .filter(|l| l.end > from as f64 && l.start < to as f64)
            .map(|l| {
                let a = self.axis.x(row, l.start.max(from as f64));
                let b = self.axis.x(row, l.end.min(to as f64));
                let line = Item::Path {
                    class: "tl-leg",
                    parts: vec![vec![round_pt((a, y)), round_pt((b.max(a + 1.0), y))]],
                    closed: false,
                }
                .tagged(Tag::Leg(l.leg + 1));
                self.painted(line, None, Some(l.leg))
            })
            .collect()
    }

    /// The ticks of `unit` in row `row` and their labels' boxes.
    fn labels(&self, row: usize, unit: Unit) -> (Unit, Vec<ticks::Tick>, Vec<(f64, f64)>) {
        let (from, to) = self.axis.row_days(row);
        let ticks = ticks::ticks(unit, self.m.first, from, to);
        let boxes = ticks
            .iter()
            .map(|t| {
                let x = self.axis.x(row, t.label_at);
                ticks::label_box(&t.text, x, MARGIN, self.width - MARGIN)
            })
            .collect();
        (unit, ticks, boxes)
    }

    /// The finest unit whose labels fit apart in every row (failing every unit, decades).
    fn unit(&self) -> Unit {
        UNITS
            .into_iter()
            .find(|&u| (0..self.axis.rows).all(|row| ticks::apart(&self.labels(row, u).2)))
            .unwrap_or(Unit::Decade)
    }

    /// Row `row`'s axis line at `y`, its ticks and the labels of [`Draw::unit`]'s unit
    /// (thinned where even decades would touch).
    fn axis_line(&self, row: usize, y: f64) -> Vec<Item> {
        let (from, to) = self.axis.row_days(row);
        let (x0, x1) = (self.axis.x(row, from as f64), self.axis.x(row, to as f64));
        let mut items = vec![Item::Line {
            class: "tl-axis",
            a: round_pt((x0, y)),
            b: round_pt((x1, y)),
        }];
        // Day ticks where days are at least 4 px apart.
        if self.axis.px_per_day >= 4.0 {
            for d in from..=to {
                let x = self.axis.x(row, d as f64);
                items.push(Item::Line {
                    class: "tl-tick",
                    a: round_pt((x, y)),
                    b: round_pt((x, y + 3.0)),
                });
            }
        }
        let (unit, ticks, boxes) = self.labels(row, self.unit);
        let keep = ticks::thin(&boxes);
        for ((t, b), keep) in ticks.iter().zip(&boxes).zip(keep) {
            if unit != Unit::Day || self.axis.px_per_day < 4.0 {
                let x = self.axis.x(row, t.day);
                items.push(Item::Line {
                    class: "tl-tick",
                    a: round_pt((x, y)),
                    b: round_pt((x, y + 5.0)),
                });
            }
            if keep {
                items.push(text(
                    "tl-label",
                    ((b.0 + b.1) / 2.0, y + 5.0 + LABEL_PX + 1.0),
                    Anchor::Middle,
                    t.text.clone(),
                ));
            }
        }
        items
    }
}

#[cfg(test)]
mod test;
