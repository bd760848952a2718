//! `TripExtent`: where a trip lies, as the projection choice sees it — the central meridian of
//! the smallest longitude arc covering every position, the latitude range, and the largest
//! angle from the trip's centre.

use crate::geodesy::{central_angle_rad, wrap_lon};
use crate::model::LonLat;

/// Where a trip lies, as the choice rules see it.
///
/// # Units
/// Degrees. `central_meridian` in [-180, 180]; spans in [0, 360] and [0, 180].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TripExtent {
    /// Middle of the smallest longitude arc covering every position.
    pub central_meridian: f64,
    /// Width of that arc.
    pub lon_span: f64,
    /// Southmost latitude.
    pub lat_min: f64,
    /// Northmost latitude.
    pub lat_max: f64,
    /// The central meridian at the middle of the latitude range.
    pub centre: LonLat,
    /// Largest great-circle angle from `centre` to a position.
    pub radius: f64,
}

impl TripExtent {
    /// The extent of `points` (lon, lat degrees). Longitudes are taken modulo 360 and
    /// latitudes clamped to ±90; non-finite pairs are ignored. `None` if nothing is left.
    pub fn of(points: &[(f64, f64)]) -> Option<Self> {
        let pts: Vec<(f64, f64)> = points
            .iter()
            .filter(|(lon, lat)| lon.is_finite() && lat.is_finite())
            .map(|&(lon, lat)| (lon.rem_euclid(360.0), lat.clamp(-90.0, 90.0)))
            .collect();
        if pts.is_empty() {
            return None;
        }
        let mut lons: Vec<f64> = pts.iter().map(|p| p.0).collect();
        lons.sort_by(f64::total_cmp);
        // The widest empty gap, going east from lons[i] to the next (wrapping at 360).
        let (mut gap, mut after_gap) = (-1.0, 0);
        for i in 0..lons.len() {
            let next = if i + 1 < lons.len() {
                lons[i + 1]
            } else {
                lons[0] + 360.0
            };
            let g = next - lons[i];
            if g > gap {
                gap = g;
                after_gap = (i + 1) % lons.len();
            }
        }
        let lon_span = (360.0 - gap).max(0.0);
        let start = lons.get(after_gap).copied().unwrap_or(0.0);
        let central_meridian = wrap_lon(start + lon_span / 2.0);
        let lat_min = pts.iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
        let lat_max = pts.iter().map(|p| p.1).fold(f64::NEG_INFINITY, f64::max);
        let centre = LonLat::new(central_meridian, (lat_min + lat_max) / 2.0).ok()?;
        let radius = pts
            .iter()
            .map(|&(lon, lat)| angle_deg(centre.lon(), centre.lat(), lon, lat))
            .fold(0.0, f64::max);
        Some(Self {
            central_meridian,
            lon_span,
            lat_min,
            lat_max,
            centre,
            radius,
        })
    }

    /// The whole world, for a trip with no usable position.
    pub fn world() -> Self {
        Self {
            central_meridian: 0.0,
            lon_span: 360.0,
            lat_min: -60.0,
            lat_max: 75.0,
            centre: LonLat::new(0.0, 0.0).unwrap_or_else(|_| unreachable!("0,0 is valid")),
            radius: 180.0,
        }
    }

    /// Latitude span, degrees.
    pub fn lat_span(&self) -> f64 {
        self.lat_max - self.lat_min
    }

    /// Whether the trip reaches or crosses the equator (where a cone degenerates).
    pub(crate) fn crosses_equator(&self) -> bool {
        self.lat_min <= 0.0 && self.lat_max >= 0.0
    }
}

/// Great-circle angle in degrees between two positions.
fn angle_deg(lon1: f64, lat1: f64, lon2: f64, lat2: f64) -> f64 {
    central_angle_rad(lon1, lat1, lon2, lat2).to_degrees()
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn the_widest_gap_between_longitudes_sets_the_central_meridian() {
        // Tokyo, Honolulu, Auckland: the empty gap is over Africa, so the trip centres near 180.
        let e = TripExtent::of(&[(139.65, 35.68), (-157.86, 21.31), (174.76, -36.85)]).unwrap();
        assert!(e.central_meridian.abs() > 170.0, "{e:?}");
        assert!((e.lon_span - 62.49).abs() < 1e-9, "{e:?}");
        assert_eq!((e.lat_min, e.lat_max), (-36.85, 35.68));
        assert!((e.lat_span() - 72.53).abs() < 1e-9);
        assert!(e.radius > 36.0 && e.radius < 60.0, "{e:?}");
    }

    #[test]
    fn one_place_has_no_span_and_nothing_usable_is_none() {
        let e = TripExtent::of(&[(2.35, 48.85), (362.35, 48.85)]).unwrap();
        assert_eq!((e.lon_span, e.lat_span()), (0.0, 0.0));
        assert!(e.radius < 1e-9, "{e:?}");
        assert!((e.central_meridian - 2.35).abs() < 1e-9);
        assert_eq!(
            TripExtent::of(&[(f64::NAN, 1.0), (1.0, f64::INFINITY)]),
            None
        );
        assert_eq!(TripExtent::world().lon_span, 360.0);
    }

    #[test]
    fn crossing_the_equator_includes_touching_it() {
        let touching = TripExtent::of(&[(10.0, 0.0), (12.0, 5.0)]).unwrap();
        let north = TripExtent::of(&[(10.0, 1.0), (12.0, 5.0)]).unwrap();
        assert!(touching.crosses_equator());
        assert!(!north.crosses_equator());
    }
}
