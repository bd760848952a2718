//! Which admin-1 (state, province) boundary lines a map draws.
//!
//! Natural Earth's 10m admin-1 lines cover every country, from the United States' 50 states to
//! the United Kingdom's 232 council areas and Slovenia's 193 municipalities. A map draws a
//! country's lines when its units are big enough to read at the map's scale: the typical unit
//! (√(country area / units): Japan 88 km, the United States 430 km, the United Kingdom 32 km)
//! must span [`ADMIN1_MIN_UNIT_PX`] pixels, and the map must be a regional or country map, under
//! [`ADMIN1_MAX_KM_PER_PX`] at its centre, whatever Natural Earth scale its land is drawn at
//! (`map.html` draws a phone layout's land at its narrowest layout's). So a world map has
//! none, a map of Japan (2–3 km per pixel) has its prefectures, a map of the United States
//! (5–10 km per pixel) its states, and England's council areas appear only under 1 km per pixel.
//! A city map (under [`ADMIN1_MIN_KM_PER_PX`]) has none: the simplified lines are too coarse.

use super::{Admin1Lines, PixelPath, data, decode::BBox};
use crate::projection::{Fitted, Projection};

/// No admin-1 lines on maps of this many km per pixel or more (continents, the world): the
/// scale where [`super::Detail::for_scale`] turns to [`super::Detail::Low`].
pub const ADMIN1_MAX_KM_PER_PX: f64 = 12.0;

/// Nor on maps finer than this (a city, a walk): the lines are simplified to 0.005° (about
/// 0.5 km), which would stray 2 px and more from the streets below 0.25 km per pixel.
pub const ADMIN1_MIN_KM_PER_PX: f64 = 0.25;

/// A country's admin-1 lines are drawn when its typical unit spans at least this many pixels.
pub const ADMIN1_MIN_UNIT_PX: f64 = 30.0;

/// Whether a map at `km_per_px` (at its centre) draws the admin-1 lines of a country whose
/// typical unit is `unit_km` across.
pub fn admin1_drawn(km_per_px: f64, unit_km: f64) -> bool {
    (ADMIN1_MIN_KM_PER_PX..ADMIN1_MAX_KM_PER_PX).contains(&km_per_px)
        && unit_km / km_per_px >= ADMIN1_MIN_UNIT_PX
}

/// The admin-1 lines `fitted` draws, projected by `lines` (the view's clipping and
/// simplification of lines with their bounding boxes).
pub(super) fn view<P: Projection>(
    fitted: &Fitted<P>,
    wanted: impl Fn(&str) -> bool,
    near: impl Fn(&BBox) -> bool,
    lines: impl Fn(&mut dyn Iterator<Item = (&Vec<(f64, f64)>, &BBox)>) -> Vec<PixelPath>,
) -> Vec<Admin1Lines> {
    let Some(km_per_px) = fitted.scale_at_centre_km_per_px() else {
        return Vec::new();
    };
    data::context()
        .admin1
        .iter()
        .filter(|c| wanted(&c.adm0_a3) && admin1_drawn(km_per_px, c.unit_km) && near(&c.bbox))
        .map(|c| {
            let decoded = c.lines.get();
            Admin1Lines {
                adm0_a3: c.adm0_a3.clone(),
                paths: lines(&mut decoded.lines.iter().zip(&decoded.boxes)),
            }
        })
        .filter(|c| !c.paths.is_empty())
        .collect()
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn drawn_only_for_units_that_span_enough_pixels_on_regional_maps() {
        // Japan's prefectures (88 km) on a map of Japan at 2.5 km/px: 35 px.
        assert!(admin1_drawn(2.5, 88.0));
        // …but not at 3 km/px (29 px), nor England's council areas (32 km) at 2 km/px.
        assert!(!admin1_drawn(3.0, 88.0));
        assert!(!admin1_drawn(2.0, 32.0));
        assert!(admin1_drawn(1.0, 32.0));
        // Not on a city map, however big the units.
        assert!(admin1_drawn(0.25, 149.0));
        assert!(!admin1_drawn(0.2, 149.0));
        // The United States' states (430 km) at 10 km/px, but not on a world map.
        assert!(admin1_drawn(10.0, 430.0));
        assert!(!admin1_drawn(12.0, 840.0));
        assert!(!admin1_drawn(f64::NAN, 430.0));
        assert!(!admin1_drawn(0.0, 430.0));
    }
}
