//! Each place's label (its name, dates and, as a callout, its note) and the key line for a
//! place whose label finds no room; the order in which a map's labels are placed.

use super::labels::{self, Placer};
use super::places::Place;
use super::text_metrics::{self, Weight, truncate_to};

/// Places a place's label; a callout that finds no room is tried again as a plain label
/// (name and dates) before the place goes to the key.
pub(crate) fn place_label(
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
        for l in text_metrics::wrap(n, 10.5, Weight::Regular, 170.0, 4) {
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
pub(crate) fn key_line(p: &Place) -> String {
    let name = truncate_to(&p.name, 11.0, Weight::Regular, 400.0);
    match &p.dates {
        Some(d) => format!("{} {name} ({d})", p.numbers()),
        None => format!("{} {name}", p.numbers()),
    }
}

/// Places the labels of the places `shown` (markers at `marker_px`, radii `radii`): those
/// with at most two free places beside their marker first (before a neighbour's label takes
/// one), the rest in visiting order. Returns each place's label, `None` where none fits.
pub(crate) fn place_all(
    placer: &mut Placer,
    places: &[Place],
    shown: &[usize],
    marker_px: &[(f64, f64)],
    radii: &[f64],
    annotate: bool,
) -> Vec<Option<labels::Placed>> {
    let wants_callout = |p: &Place| annotate || p.callout;
    let choices: Vec<usize> = (0..places.len())
        .map(|i| {
            if shown.contains(&i) {
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
    let mut order = shown.to_vec();
    order.sort_by_key(|&i| (choices[i], i));
    let mut placed: Vec<Option<labels::Placed>> = vec![None; places.len()];
    for i in order {
        placed[i] = place_label(
            placer,
            &places[i],
            marker_px[i],
            radii[i],
            wants_callout(&places[i]),
        );
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

    #[test]
    fn crowded_labels_go_first_and_unplaceable_ones_are_none() {
        let places = vec![place("A", None), place("B", None)];
        let mut placer = Placer::new(Rect::new(0.0, 0.0, 400.0, 200.0));
        let placed = place_all(
            &mut placer,
            &places,
            &[0, 1],
            &[(50.0, 50.0), (300.0, 150.0)],
            &[8.0, 8.0],
            false,
        );
        assert!(placed.iter().all(Option::is_some));
        let mut full = Placer::new(Rect::new(0.0, 0.0, 30.0, 20.0));
        let none = place_all(
            &mut full,
            &places[..1],
            &[0],
            &[(15.0, 10.0)],
            &[8.0],
            false,
        );
        assert!(none[0].is_none());
    }
}
