//! Check 3: no marker is drawn more than [`MAX_OFFSET_PX`] from where its map's projection puts
//! its stop (main map or inset). The true place is where the stop's legs end on that map (see
//! [`super::super::identify`]); a stop whose legs all leave the map cannot be checked.

use super::super::geometry::dist;
use super::{Case, stop_ref, view_name};

/// The farthest a marker may stand from its place, pixels: less than a marker's diameter, so the
/// marker still covers or touches its place.
pub const MAX_OFFSET_PX: f64 = 12.0;

/// Markers drawn away from their places.
pub fn check(case: &Case) -> Vec<String> {
    let mut out = Vec::new();
    for (v, view) in case.reading.views.iter().enumerate() {
        for m in &view.markers {
            for &k in &m.numbers {
                let i = k.wrapping_sub(1);
                let Some(Some(t)) = case.ids.true_pos[v].get(i) else {
                    continue;
                };
                let d = dist(m.c, *t);
                if d > MAX_OFFSET_PX {
                    out.push(format!(
                        "the marker of {} on {} is {d:.0} px from its place (at most {MAX_OFFSET_PX})",
                        stop_ref(case, i),
                        view_name(v)
                    ));
                }
            }
        }
    }
    out
}
