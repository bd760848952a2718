//! An inset's own projection: the same rules as a whole trip (so a regional conic), fitted to
//! a box of at most a quarter of the main map's area.

use super::{FittedMap, PADDING_PX};
use crate::model::LonLat;
use crate::projection::{choose, fit, pick_height_px};

/// Maps narrower than this (pixels) put their insets under the map, as a phone layout stacks
/// panels; wider maps set them into the map where it is free.
pub(crate) const NARROW_PX: f64 = 560.0;
/// The largest share of the main map's area an inset takes (a quarter, less rounding).
pub(crate) const MAX_SHARE: f64 = 0.24;

/// The main map an inset serves: its size in pixels.
#[derive(Debug, Clone, Copy)]
pub(crate) struct MapSize {
    /// Width, pixels.
    pub w: f64,
    /// Height of the map area, pixels.
    pub h: f64,
}

/// A projection for the cluster (the same rules as a whole trip, so a regional conic), fitted to
/// an inset about a third of the map's width (wider on a narrow map), with the cluster's shape,
/// and no more than [`MAX_SHARE`] of the map's area.
pub(crate) fn fit_inset(positions: &[LonLat], map: MapSize) -> Option<FittedMap> {
    let pts: Vec<(f64, f64)> = positions.iter().map(|p| (p.lon(), p.lat())).collect();
    let projection = choose(&pts, None);
    let narrow = map.w < NARROW_PX;
    let widest = if narrow {
        map.w - 16.0
    } else {
        (map.w * 0.3).clamp(150.0, 300.0).round()
    };
    let aspect = (pick_height_px(&projection, positions, widest, PADDING_PX).ok()? / widest)
        .clamp(0.5, if narrow { 0.75 } else { 1.0 });
    let area = MAX_SHARE * map.w * map.h;
    let w = widest
        .min((area / aspect).sqrt())
        .max(2.0 * PADDING_PX + 40.0)
        .round();
    let h = (w * aspect).round();
    fit(projection, positions, w, h, PADDING_PX).ok()
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn an_inset_magnifies_its_cluster() {
        let ll = |lon, lat| LonLat::new(lon, lat).unwrap();
        let map = MapSize { w: 960.0, h: 600.0 };
        let f = fit_inset(&[ll(34.78, 32.08), ll(35.91, 31.95), ll(35.2, 31.9)], map).unwrap();
        let km = f.scale_at_centre_km_per_px().unwrap();
        assert!(km < 1.0, "{km} km/px");
        assert!(f.width_px() <= 300.0 && f.height_px() <= f.width_px());
        assert!(f.width_px() * f.height_px() <= MAX_SHARE * 960.0 * 600.0);
        let phone = MapSize { w: 320.0, h: 256.0 };
        let f = fit_inset(&[ll(34.78, 32.08), ll(35.91, 31.95), ll(35.2, 31.9)], phone).unwrap();
        assert!(f.width_px() * f.height_px() <= MAX_SHARE * 320.0 * 256.0 + 1.0);
    }
}
