//! Check 4: an inset never covers what the main map shows (a leg, a marker, a dot, a label, a
//! leader or another inset), takes at most [`MAX_INSET_SHARE`] of the main map, and stays on the
//! page.

use super::super::geometry::{Rect, box_to_disc};
use super::{Case, view_name};

/// The largest share of the main map's area one inset may take.
pub const MAX_INSET_SHARE: f64 = 0.25;

/// What an inset covers on the main map.
pub fn covers(case: &Case) -> Vec<String> {
    let views = &case.reading.views;
    let main = &views[0];
    let mut out = Vec::new();
    for (v, inset) in views.iter().enumerate().skip(1) {
        // Touching the frame's edge is not covering.
        let r = inset.rect.grow(-1.0);
        let name = view_name(v);
        for (k, leg) in main.legs.iter().enumerate() {
            let hit = leg
                .parts
                .iter()
                .any(|p| p.windows(2).any(|w| r.meets_segment(w[0], w[1])));
            if hit {
                let which = case.ids.leg_ids[0][k]
                    .map(|i| format!("leg {}", i + 1))
                    .unwrap_or_else(|| format!("drawn leg {}", k + 1));
                out.push(format!("{name} covers {which} of the main map"));
            }
        }
        for m in &main.markers {
            if box_to_disc(&r, m.c, m.r) == 0.0 {
                out.push(format!(
                    "{name} covers marker {:?} of the main map",
                    m.numbers
                ));
            }
        }
        for d in &main.dots {
            if box_to_disc(&r, d.c, d.r) == 0.0 {
                out.push(format!(
                    "{name} covers a dot at ({:.0}, {:.0}) of the main map",
                    d.c.0, d.c.1
                ));
            }
        }
        for l in &main.labels {
            if l.bbox.overlaps(&r) {
                out.push(format!(
                    "{name} covers the label “{}” of the main map",
                    l.name
                ));
            }
        }
        for &(a, b) in &main.leaders {
            if r.meets_segment(a, b) {
                out.push(format!("{name} covers a marker's leader of the main map"));
            }
        }
        for (w, other) in views.iter().enumerate().skip(v + 1) {
            if other.rect.overlaps(&r) {
                out.push(format!("{name} and {} overlap", view_name(w)));
            }
        }
    }
    out
}

/// Insets too large for the map, or off the page.
pub fn size(case: &Case) -> Vec<String> {
    let views = &case.reading.views;
    let frame = views[0].rect;
    let page = Rect::xywh(0.0, 0.0, case.reading.width, case.reading.height).grow(0.5);
    let mut out = Vec::new();
    for (v, inset) in views.iter().enumerate().skip(1) {
        let share = inset.rect.area() / frame.area().max(1.0);
        if share > MAX_INSET_SHARE {
            out.push(format!(
                "{} takes {:.0}% of the main map (at most {:.0}%)",
                view_name(v),
                share * 100.0,
                MAX_INSET_SHARE * 100.0
            ));
        }
        if !(page.contains((inset.rect.x0, inset.rect.y0))
            && page.contains((inset.rect.x1, inset.rect.y1)))
        {
            out.push(format!("{} leaves the page", view_name(v)));
        }
    }
    out
}
