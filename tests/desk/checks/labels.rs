//! Check 2: a label reads as its own stop's. Its box is nearer its own marker's disc than any
//! other disc of its map; no leader is longer than [`LEADER_MAX_PX`]; no leader crosses another
//! leader or passes through a marker that is not its own.
//!
//! Why 40 px: a leader is read as one unit with its label only while both fall in one glance,
//! about 3 lines of 12 px label type or 2.5 marker diameters (16 px). Longer, it crosses other
//! features and the label is read as belonging to where it stands (the "national park's label
//! beside a city's marker 300 px away" of issue 16). At 320 px it is an eighth of the page,
//! which is as far as a phone map can afford to push a name.

use super::super::geometry::{Pt, box_to_disc, dist, point_to_segment, segments_cross};
use super::{Case, stop_ref, view_name};

/// The longest leader accepted, pixels (see the module docs).
pub const LEADER_MAX_PX: f64 = 40.0;

/// Labels nearer another marker than their own, or with no marker of their own on their map.
pub fn nearest(case: &Case) -> Vec<String> {
    let mut out = Vec::new();
    for (v, view) in case.reading.views.iter().enumerate() {
        for (l, label) in view.labels.iter().enumerate() {
            let stops = &case.ids.label_stops[v][l];
            let own = view
                .markers
                .iter()
                .filter(|m| m.numbers.iter().any(|k| stops.contains(&k.wrapping_sub(1))))
                .min_by(|a, b| {
                    box_to_disc(&label.bbox, a.c, a.r).total_cmp(&box_to_disc(
                        &label.bbox,
                        b.c,
                        b.r,
                    ))
                });
            let Some(own) = own else {
                out.push(format!(
                    "label “{}” on {} has no marker of its own there",
                    label.name,
                    view_name(v)
                ));
                continue;
            };
            let mine = box_to_disc(&label.bbox, own.c, own.r);
            for other in view.markers.iter().filter(|m| !std::ptr::eq(*m, own)) {
                let d = box_to_disc(&label.bbox, other.c, other.r);
                if d <= mine {
                    out.push(format!(
                        "label “{}” on {} is {d:.1} px from marker {:?}, {mine:.1} px from its own {:?}",
                        label.name,
                        view_name(v),
                        other.numbers,
                        own.numbers
                    ));
                    break;
                }
            }
        }
    }
    out
}

/// Long leaders, leaders that cross each other, leaders through another marker.
pub fn leaders(case: &Case) -> Vec<String> {
    let mut out = Vec::new();
    for (v, view) in case.reading.views.iter().enumerate() {
        // Every leader of the view with what it belongs to.
        let mut all: Vec<(String, Pt, Pt)> = Vec::new();
        for (l, label) in view.labels.iter().enumerate() {
            if let Some((a, b)) = label.leader {
                let who = case.ids.label_stops[v][l]
                    .first()
                    .map(|&i| stop_ref(case, i))
                    .unwrap_or_else(|| format!("label “{}”", label.name));
                all.push((format!("the label leader of {who}"), a, b));
            }
        }
        for &(a, b) in &view.leaders {
            all.push(("a marker's leader".to_string(), a, b));
        }
        for (who, a, b) in &all {
            let len = dist(*a, *b);
            if len > LEADER_MAX_PX {
                out.push(format!(
                    "{who} on {} is {len:.0} px long (at most {LEADER_MAX_PX})",
                    view_name(v)
                ));
            }
            // Markers it touches at an end are its own.
            for m in &view.markers {
                let attached = [*a, *b].iter().any(|&p| dist(p, m.c) <= m.r + 1.5);
                if !attached && point_to_segment(m.c, *a, *b) < m.r - 0.5 {
                    out.push(format!(
                        "{who} on {} passes through marker {:?}",
                        view_name(v),
                        m.numbers
                    ));
                }
            }
        }
        for (i, (wa, a, b)) in all.iter().enumerate() {
            for (wc, c, d) in &all[i + 1..] {
                if segments_cross(*a, *b, *c, *d) {
                    out.push(format!("{wa} crosses {wc} on {}", view_name(v)));
                }
            }
        }
    }
    out
}
