//! Check 7: the stops fill the main map (their extent spans at least [`MIN_FILL`] of the frame's
//! width or height: no 70 km map of a 3 km walk), except that a map never shows less than
//! [`MIN_CONTEXT_KM`] across, so stops 200 m apart may fill less of a map that is that small.
//!
//! The map's scale is measured on the map itself: the distance between the two stops drawn
//! farthest apart over their distance in pixels (for a single place, the scale bar).

use super::super::geometry::{Pt, Rect, dist};
use super::Case;
use super::markers::stops_m;

/// The share of the frame's width or height the stops must span.
pub const MIN_FILL: f64 = 0.5;
/// The least a map shows across its shorter side, kilometres (a few city blocks).
pub const MIN_CONTEXT_KM: f64 = 1.0;

/// Where each stop is on the main map: its true place, else its marker, else nothing.
fn main_positions(case: &Case) -> Vec<Option<Pt>> {
    let main = &case.reading.views[0];
    (0..case.route.stops.len())
        .map(|i| {
            case.ids.true_pos[0][i].or_else(|| {
                main.markers
                    .iter()
                    .find(|m| m.numbers.contains(&(i + 1)))
                    .map(|m| m.c)
            })
        })
        .collect()
}

/// A map whose stops do not fill it, or that shows too little around them.
pub fn check(case: &Case) -> Vec<String> {
    let frame = case.reading.frame();
    let pos = main_positions(case);
    let drawn: Vec<(usize, Pt)> = pos
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.map(|p| (i, p)))
        .collect();
    // Scale: the pair drawn farthest apart.
    let mut best: Option<(f64, usize, usize)> = None;
    for (x, &(i, p)) in drawn.iter().enumerate() {
        for &(j, q) in &drawn[x + 1..] {
            let d = dist(p, q);
            if best.is_none_or(|b| d > b.0) {
                best = Some((d, i, j));
            }
        }
    }
    let km_per_px = match best {
        Some((px, i, j)) if px >= 4.0 => Some(stops_m(case, i, j) / 1000.0 / px),
        _ => case
            .reading
            .scale_bar
            .as_ref()
            .and_then(|(px, label)| Some(super::super::reading::scale_label_km(label)? / px)),
    };
    let mut out = Vec::new();
    let short_km = km_per_px.map(|k| frame.w().min(frame.h()) * k);
    if let Some(s) = short_km
        && s < MIN_CONTEXT_KM * 0.95
    {
        out.push(format!(
            "the map shows only {s:.2} km across (at least {MIN_CONTEXT_KM} km)"
        ));
    }
    let Some(extent) = Rect::around(drawn.iter().map(|d| d.1)) else {
        return out;
    };
    if best.is_none_or(|b| b.0 < 4.0) {
        return out; // one place: nothing to fill
    }
    let fill_w = extent.w() / frame.w();
    let fill_h = extent.h() / frame.h();
    let at_minimum = short_km.is_some_and(|s| s <= MIN_CONTEXT_KM * 1.25);
    if fill_w.max(fill_h) < MIN_FILL && !at_minimum {
        let span_km = best
            .map(|b| stops_m(case, b.1, b.2) / 1000.0)
            .unwrap_or(0.0);
        out.push(format!(
            "the stops fill {:.0}% of the map's width and {:.0}% of its height (at least {:.0}% of one): a {} km wide map of stops {} km apart",
            fill_w * 100.0,
            fill_h * 100.0,
            MIN_FILL * 100.0,
            km_per_px.map(|k| format!("{:.1}", k * frame.w())).unwrap_or("?".into()),
            format_args!("{span_km:.1}")
        ));
    }
    out
}
