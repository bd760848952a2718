//! Check 8: legs stay distinguishable. Two legs of one map may not run on one line (an
//! out-and-back, a return on the same road): over more than half of the shorter one, away from
//! its ends, it may not lie within [`SAME_LINE_PX`] of the other. No two arrowheads may touch.

use super::super::geometry::{Rect, dist, length, point_to_polyline, samples};
use super::{Case, stop_ref, view_name};

/// Lines closer than this, pixels, read as one (a leg is drawn 1.8 px wide).
pub const SAME_LINE_PX: f64 = 2.5;
/// Near its ends a leg meets the legs before and after it; this much of each end is not compared.
const END_PX: f64 = 12.0;

fn leg_name(case: &Case, v: usize, k: usize) -> String {
    match case.ids.leg_ids[v][k] {
        Some(i) => {
            let leg = &case.route.legs[i];
            format!(
                "leg {} ({} → {})",
                i + 1,
                stop_ref(case, leg.from),
                stop_ref(case, leg.to)
            )
        }
        None => format!("drawn leg #{}", k + 1),
    }
}

/// Legs drawn on one line, and arrowheads that touch.
pub fn check(case: &Case) -> Vec<String> {
    let mut out = Vec::new();
    for (v, view) in case.reading.views.iter().enumerate() {
        let legs = &view.legs;
        for i in 0..legs.len() {
            for j in i + 1..legs.len() {
                let (a, b) = (&legs[i], &legs[j]);
                let len = |l: &super::super::reading::LegLine| -> f64 {
                    l.parts.iter().map(|p| length(p)).sum()
                };
                let (short, long) = if len(a) <= len(b) { (a, b) } else { (b, a) };
                let ends: Vec<_> = [
                    short.parts.first().and_then(|p| p.first()),
                    short.parts.last().and_then(|p| p.last()),
                ]
                .into_iter()
                .flatten()
                .copied()
                .collect();
                let pts: Vec<_> = short
                    .parts
                    .iter()
                    .flat_map(|p| samples(p, 2.0))
                    .filter(|&p| ends.iter().all(|&e| dist(p, e) > END_PX))
                    .collect();
                if pts.len() < 8 {
                    continue;
                }
                let near = pts
                    .iter()
                    .filter(|&&p| {
                        long.parts
                            .iter()
                            .any(|q| point_to_polyline(p, q) < SAME_LINE_PX)
                    })
                    .count();
                let share = near as f64 / pts.len() as f64;
                if share > 0.5 {
                    out.push(format!(
                        "{} and {} are drawn on one line on {} ({:.0}% of the shorter within {SAME_LINE_PX} px)",
                        leg_name(case, v, i),
                        leg_name(case, v, j),
                        view_name(v),
                        share * 100.0
                    ));
                }
            }
        }
        let arrows: Vec<(usize, Rect)> = legs
            .iter()
            .enumerate()
            .filter_map(|(k, l)| Some((k, Rect::around(l.arrow.clone()?)?)))
            .collect();
        for (x, (i, a)) in arrows.iter().enumerate() {
            for (j, b) in &arrows[x + 1..] {
                if a.grow(-0.5).overlaps(&b.grow(-0.5)) {
                    out.push(format!(
                        "the arrowheads of {} and {} touch on {}",
                        leg_name(case, v, *i),
                        leg_name(case, v, *j),
                        view_name(v)
                    ));
                }
            }
        }
    }
    out
}
