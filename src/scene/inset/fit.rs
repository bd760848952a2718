//! An inset's own projection: the same rules as a whole trip (so a regional conic), fitted to
//! about a quarter of the map's width.

use super::{FittedMap, PADDING_PX};
use crate::model::LonLat;
use crate::projection::{choose, fit, pick_height_px};

/// A projection for the cluster (the same rules as a whole trip, so a regional conic), fitted to
/// an inset about a quarter of the map's width.
pub(crate) fn fit_inset(positions: &[LonLat], map_width_px: f64) -> Option<FittedMap> {
    let pts: Vec<(f64, f64)> = positions.iter().map(|p| (p.lon(), p.lat())).collect();
    let projection = choose(&pts, None);
    let w = (map_width_px * 0.3)
        .clamp((map_width_px * 0.6).min(200.0), 300.0)
        .round();
    let h = pick_height_px(&projection, positions, w, PADDING_PX)
        .ok()?
        .clamp(0.6 * w, w)
        .round();
    fit(projection, positions, w, h, PADDING_PX).ok()
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn an_inset_magnifies_its_cluster() {
        let ll = |lon, lat| LonLat::new(lon, lat).unwrap();
        let f = fit_inset(&[ll(34.78, 32.08), ll(35.91, 31.95), ll(35.2, 31.9)], 960.0).unwrap();
        let km = f.scale_at_centre_km_per_px().unwrap();
        assert!(km < 1.0, "{km} km/px");
        assert!(f.width_px() <= 300.0 && f.height_px() <= f.width_px());
    }
}
