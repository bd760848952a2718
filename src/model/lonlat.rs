//! `LonLat`: a WGS84 position in degrees, longitude first (the GeoJSON order).

use std::fmt;

/// A position on the WGS84 ellipsoid.
///
/// # Units
/// Degrees. `lon` in [-180, 180], `lat` in [-90, 90]; both finite. Built only through
/// [`LonLat::new`], so every `LonLat` in the program is valid.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "LonLatFields"))]
pub struct LonLat {
    lon: f64,
    lat: f64,
}

/// Why a pair of numbers is not a position.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LonLatError {
    /// Longitude is NaN, infinite or outside [-180, 180].
    #[error("longitude {} is not a number between -180 and 180", crate::format::brief_number(*.0))]
    Lon(f64),
    /// Latitude is NaN, infinite or outside [-90, 90].
    #[error("latitude {} is not a number between -90 and 90", crate::format::brief_number(*.0))]
    Lat(f64),
}

/// A `LonLat` as read by serde, checked by [`LonLat::new`] before use.
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
struct LonLatFields {
    lon: f64,
    lat: f64,
}

#[cfg(feature = "serde")]
impl TryFrom<LonLatFields> for LonLat {
    type Error = LonLatError;
    fn try_from(f: LonLatFields) -> Result<Self, Self::Error> {
        LonLat::new(f.lon, f.lat)
    }
}

impl LonLat {
    /// A position from longitude and latitude in degrees; rejects NaN, infinities and values out of range.
    pub fn new(lon: f64, lat: f64) -> Result<Self, LonLatError> {
        if !lon.is_finite() || !(-180.0..=180.0).contains(&lon) {
            return Err(LonLatError::Lon(lon));
        }
        if !lat.is_finite() || !(-90.0..=90.0).contains(&lat) {
            return Err(LonLatError::Lat(lat));
        }
        Ok(Self { lon, lat })
    }

    /// Longitude in degrees, in [-180, 180].
    pub fn lon(self) -> f64 {
        self.lon
    }

    /// Latitude in degrees, in [-90, 90].
    pub fn lat(self) -> f64 {
        self.lat
    }

    /// The same position as a `geo` point (x = lon, y = lat).
    pub fn to_point(self) -> geo::Point<f64> {
        geo::Point::new(self.lon, self.lat)
    }

    /// A position from a `geo` point, wrapping longitude into [-180, 180] and clamping latitude.
    /// For points computed by geodesic algorithms, whose output may stray by rounding.
    pub fn from_point_wrapped(p: geo::Point<f64>) -> Self {
        let mut lon = p.x();
        if !lon.is_finite() {
            lon = 0.0;
        }
        lon = ((lon + 180.0).rem_euclid(360.0)) - 180.0;
        if lon == -180.0 && p.x() > 0.0 {
            lon = 180.0;
        }
        let lat = if p.y().is_finite() {
            p.y().clamp(-90.0, 90.0)
        } else {
            0.0
        };
        Self { lon, lat }
    }
}

impl fmt::Display for LonLat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "({}, {})", self.lon, self.lat)
    }
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn rejects_out_of_range_and_non_finite() {
        assert!(LonLat::new(180.0, 90.0).is_ok());
        assert_eq!(LonLat::new(180.1, 0.0), Err(LonLatError::Lon(180.1)));
        assert_eq!(LonLat::new(0.0, -90.5), Err(LonLatError::Lat(-90.5)));
        assert!(LonLat::new(f64::NAN, 0.0).is_err());
        assert!(LonLat::new(0.0, f64::INFINITY).is_err());
    }

    #[test]
    fn wraps_longitude() {
        let p = LonLat::from_point_wrapped(geo::Point::new(190.0, 10.0));
        assert!((p.lon() + 170.0).abs() < 1e-12);
        let p = LonLat::from_point_wrapped(geo::Point::new(180.0, 10.0));
        assert_eq!(p.lon(), 180.0);
    }
}
