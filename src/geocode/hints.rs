//! [`Hints`]: where the rest of a trip is, so that a name shared by several places resolves to the
//! one near the other stops (a "Springfield" among Illinois towns).

use super::Match;
use crate::model::LonLat;

/// Where the other stops of a trip are. Empty hints change nothing.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Hints {
    /// ISO 3166-1 alpha-2 codes of countries the trip visits.
    pub countries: Vec<String>,
    /// (ISO 3166-1 alpha-2 code, admin-1 name) of regions the trip visits: `("US", "Illinois")`.
    pub admin1: Vec<(String, String)>,
    /// Positions of other stops.
    pub near: Vec<LonLat>,
}

/// Distance scale of the nearness weight, in metres: a place this far from the nearest hinted
/// position counts half as near as one on top of it.
pub const NEAR_SCALE_M: f64 = 150_000.0;

/// Largest factor by which nearness to a hinted position favours a place.
pub const NEAR_MAX: f64 = 100.0;

impl Hints {
    /// No hints.
    pub fn none() -> Hints {
        Hints::default()
    }

    /// True when there is nothing to go by.
    pub fn is_empty(&self) -> bool {
        self.countries.is_empty() && self.admin1.is_empty() && self.near.is_empty()
    }

    /// Adds a resolved place: its country, region and position.
    pub fn add_match(&mut self, m: &Match) {
        self.add_match_region(m);
        self.near.push(m.lonlat());
    }

    /// Adds a resolved place's country and region, not its position.
    pub fn add_match_region(&mut self, m: &Match) {
        if !self.countries.contains(&m.place.country) {
            self.countries.push(m.place.country.clone());
        }
        if let Some(a) = &m.place.admin1 {
            let key = (m.place.country.clone(), a.clone());
            if !self.admin1.contains(&key) {
                self.admin1.push(key);
            }
        }
    }

    /// Adds a position: a neighbouring stop's.
    pub fn add_point(&mut self, p: LonLat) {
        self.near.push(p);
    }

    /// How much nearness favours a place at (`lat`, `lon`), degrees: from [`NEAR_MAX`] on top of a
    /// hinted position, falling with the square of the distance past [`NEAR_SCALE_M`], to 1 far
    /// away or when there are no positions.
    pub fn near_factor(&self, lat: f64, lon: f64) -> f64 {
        let Some(d) = self
            .near
            .iter()
            .map(|q| haversine_m(lat, lon, q.lat(), q.lon()))
            .min_by(f64::total_cmp)
        else {
            return 1.0;
        };
        1.0 + (NEAR_MAX - 1.0) / (1.0 + (d / NEAR_SCALE_M).powi(2))
    }
}

/// Great-circle distance on a sphere of radius 6,371 km, in metres (good enough for a hint).
pub(crate) fn haversine_m(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    6_371_000.0 * crate::geodesy::central_angle_rad(lon1, lat1, lon2, lat2)
}
