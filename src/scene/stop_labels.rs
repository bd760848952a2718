//! Each place's label (its name, dates and, as a callout, its note) and the key line for a
//! place whose label finds no room; the order in which a map's labels are placed.

use super::context::Ctx;
use super::furniture::MAX_KEY_LINES;
use super::labels::{self, Placer};
use super::markers::MainMarkers;
use super::places::Place;
use super::text_metrics::{self, Weight, truncate_to};
use rayon::prelude::*;

/// Places a place's label; a callout that finds no room is tried again as a plain label
/// (name and dates) before the place goes to the key.
pub(crate) fn place_label(
    placer: &mut Placer,
    p: &Place,
    c: (f64, f64),
    r: f64,
    annotate: bool,
) -> Option<labels::Placed> {
    place_spec(placer, label_spec(p, c, r, annotate), p, c, r, true)
}

/// [`place_label`] with the label `spec` already made by [`label_spec`]; without `leaders`,
/// only the places beside the marker are tried.
fn place_spec(
    placer: &mut Placer,
    spec: labels::Spec,
    p: &Place,
    c: (f64, f64),
    r: f64,
    leaders: bool,
) -> Option<labels::Placed> {
    let mut try_place = |s: &labels::Spec| match leaders {
        true => placer.place(s),
        false => placer.place_beside(s),
    };
    match try_place(&spec) {
        Some(placed) => Some(placed),
        None if spec.boxed => try_place(&label_spec(p, c, r, false)),
        None => None,
    }
}

/// Labels in a row that found no place after which a map is crowded: the next labels are
/// tried beside their markers only, not on leaders further out, until one fits again. A
/// 100,000-stop map tried some 300 places for each of its 99,979 labels that found none;
/// a map with fewer places than this is never affected.
const CROWDED_AFTER_MISSES: usize = 500;

/// A place's label: its name, its dates and, with `annotate`, its note wrapped in a callout.
pub(crate) fn label_spec(p: &Place, c: (f64, f64), r: f64, annotate: bool) -> labels::Spec {
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
        for l in text_metrics::wrap(n, NOTE_PX, Weight::Regular, NOTE_WIDTH_PX, NOTE_LINES) {
            lines.push(labels::Line {
                text: l,
                class: "note",
                size_px: NOTE_PX,
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

/// What the map could not say beside its stops.
#[derive(Debug, Default)]
pub(crate) struct Unsaid {
    /// Key lines of places whose label found no room.
    pub key: Vec<String>,
    /// For each place, whether its note was drawn in full in a callout.
    pub notes_whole: Vec<bool>,
}

impl Unsaid {
    /// Nothing unsaid yet, for `places` places.
    pub fn new(places: usize) -> Self {
        Unsaid {
            key: Vec::new(),
            notes_whole: vec![false; places],
        }
    }

    /// Records place `i`'s label as placed (`Some`) or not: a place without one goes to the
    /// key; a callout drawn in full marks its note as said.
    pub fn record(&mut self, i: usize, p: &Place, placed: Option<&labels::Placed>) {
        match placed {
            // Past what a key of 60 lines can show at any width, a line is not measured to be
            // cut short: it only counts towards "and N more".
            None if self.key.len() >= KEY_LINES_MEASURED => self.key.push(key_text(p, &p.name)),
            None => self.key.push(key_line(p)),
            Some(placed) => {
                let boxed = placed.items.iter().any(|it| {
                    matches!(
                        it,
                        crate::scene::Item::Rect {
                            class: "callout",
                            ..
                        }
                    )
                });
                self.notes_whole[i] |= boxed && note_fits(p);
            }
        }
    }

    /// The notes asked for but not drawn in full, for the list under the map:
    /// `4 Name: the whole note`.
    pub fn notes(&self, ctx: &Ctx) -> Vec<String> {
        (0..ctx.places.len())
            .filter(|&i| ctx.wants_note(i) && !self.notes_whole[i])
            .filter_map(|i| {
                let p = &ctx.places[i];
                Some(format!(
                    "{} {}: {}",
                    p.numbers(),
                    p.name,
                    p.note.as_deref()?
                ))
            })
            .collect()
    }
}

/// Whether a place's note fits a callout whole (no ellipsis).
fn note_fits(p: &Place) -> bool {
    let Some(n) = &p.note else { return true };
    let lines = text_metrics::wrap(n, NOTE_PX, Weight::Regular, NOTE_WIDTH_PX, NOTE_LINES);
    lines.join(" ").split_whitespace().eq(n.split_whitespace())
}

/// Note text size in a callout, pixels.
const NOTE_PX: f64 = 10.5;
/// A callout's width for its note, pixels.
const NOTE_WIDTH_PX: f64 = 170.0;
/// The most lines a callout gives its note.
const NOTE_LINES: usize = 4;

/// A line of the footer's key for a place whose label found no room: `4,9 Name (5 Nov)`.
pub(crate) fn key_line(p: &Place) -> String {
    key_text(p, &truncate_to(&p.name, 11.0, Weight::Regular, 400.0))
}

/// The key line of `p` with its name written `name`.
fn key_text(p: &Place, name: &str) -> String {
    match &p.dates {
        Some(d) => format!("{} {name} ({d})", p.numbers()),
        None => format!("{} {name}", p.numbers()),
    }
}

/// Key lines measured (their names cut to fit): more than the widest key can show, at most
/// [`MAX_KEY_LINES`] lines of 500 entries (10,000 px hold about 400 of the shortest). A
/// 100,000-stop map measured the names of all 99,979 it could not label.
const KEY_LINES_MEASURED: usize = MAX_KEY_LINES * 500;

/// The fewest places whose labels are made on every core.
const PARALLEL_LABELS: usize = 5_000;

/// Places the labels of the places with a mark on the main map: numbered markers before small
/// dots; among them the trip's ends first, then those with at most two free places beside
/// their marker (before a neighbour's label takes one), then by importance. Returns each place's
/// label, `None` where none fits.
pub(crate) fn place_all(
    ctx: &Ctx,
    placer: &mut Placer,
    marks: &MainMarkers,
) -> Vec<Option<labels::Placed>> {
    let n = ctx.places.len();
    let mut rank = vec![0; n];
    for (k, &i) in ctx.importance.iter().enumerate() {
        rank[i] = k;
    }
    let last = ctx.route.stops.len().saturating_sub(1);
    let spec = |i: usize| {
        label_spec(
            &ctx.places[i],
            marks.marker_px[i],
            marks.radii[i],
            ctx.callout(i),
        )
    };
    // Each label made once (measuring its texts is most of the work), for counting its free
    // places and then for placing it; the shown places found through a mask, not a search.
    let mut is_shown = vec![false; n];
    for &i in &marks.shown {
        if let Some(s) = is_shown.get_mut(i) {
            *s = true;
        }
    }
    // Thousands of labels are made on every core (cutting their names to length measures
    // them); either way each gets the same label.
    let make = |i: usize| is_shown[i].then(|| spec(i));
    let mut specs: Vec<Option<labels::Spec>> = match n >= PARALLEL_LABELS {
        true => (0..n).into_par_iter().map(make).collect(),
        false => (0..n).map(make).collect(),
    };
    let choices: Vec<usize> = specs
        .iter()
        .map(|s| s.as_ref().map_or(0, |s| placer.free_near(s).min(3)))
        .collect();
    let mut order = marks.shown.clone();
    order.sort_by_key(|&i| {
        let end = ctx.places[i].visits.iter().any(|&v| v == 0 || v == last);
        (marks.small[i], !end, choices[i], rank[i])
    });
    let mut placed: Vec<Option<labels::Placed>> = vec![None; n];
    let mut misses = 0;
    for i in order {
        // Each shown place is in the order once, and has its label made above.
        let Some(spec) = specs[i].take() else {
            continue;
        };
        let (p, c, r) = (&ctx.places[i], marks.marker_px[i], marks.radii[i]);
        let leaders = misses < CROWDED_AFTER_MISSES;
        placed[i] = place_spec(placer, spec, p, c, r, leaders);
        misses = match placed[i] {
            Some(_) => 0,
            None => misses + 1,
        };
    }
    placed
}

#[cfg(test)]
mod test {
    use super::*;
    use crate::geometry::Rect;
    use crate::model::LonLat;

    fn place(name: &str, note: Option<&str>) -> Place {
        Place {
            position: LonLat::new(0.0, 0.0).unwrap(),
            visits: vec![3, 8],
            name: name.into(),
            dates: Some("5 Nov".into()),
            note: note.map(String::from),
            callout: false,
        }
    }

    #[test]
    fn labels_carry_name_dates_and_a_note_only_when_annotated() {
        let p = place("Amman", Some("Talks with the king."));
        let plain = label_spec(&p, (10.0, 10.0), 8.0, false);
        assert_eq!(plain.lines.len(), 2);
        assert!(!plain.boxed);
        let callout = label_spec(&p, (10.0, 10.0), 8.0, true);
        assert!(callout.boxed && callout.lines[2].class == "note");
        assert_eq!(key_line(&p), "4,9 Amman (5 Nov)");
    }

    #[test]
    fn a_callout_without_room_falls_back_to_a_plain_label() {
        let p = place(
            "Amman",
            Some(&"A long note that needs a wide box. ".repeat(4)),
        );
        let mut placer = Placer::new(Rect::new(0.0, 0.0, 120.0, 60.0));
        let placed = place_label(&mut placer, &p, (20.0, 30.0), 8.0, true).unwrap();
        assert!(
            placed
                .items
                .iter()
                .all(|i| !matches!(i, crate::scene::Item::Rect { .. }))
        );
    }
}
