//! The attribution GeoNames' licence requires wherever gazetteer positions are used.

use crate::model::{Itinerary, Route};

/// The credit line for maps whose stops were placed by the gazetteer.
pub const CREDIT: &str = "GeoNames (CC BY 4.0)";

/// The key [`super::resolve`] puts in `Stop::resolved` for every stop it placed.
pub(crate) const GEONAMEID: &str = "geonameid";

/// The key [`super::resolve`] puts in `Stop::resolved` when a stop took its time zone from the
/// nearest gazetteer place.
pub(crate) const TIMEZONE_FROM: &str = "timezone_from_geonameid";

fn from_gazetteer(resolved: &[(String, serde_json::Value)]) -> bool {
    resolved
        .iter()
        .any(|(k, _)| k == GEONAMEID || k == TIMEZONE_FROM)
}

impl Route {
    /// True when any stop's position or time zone came from the gazetteer (so the map must credit
    /// GeoNames).
    pub fn used_gazetteer(&self) -> bool {
        self.stops.iter().any(|s| from_gazetteer(&s.stop.resolved))
    }

    /// Credit lines owed for data the route used: [`CREDIT`] when the gazetteer placed a stop.
    pub fn credits(&self) -> Vec<String> {
        if self.used_gazetteer() {
            vec![CREDIT.to_string()]
        } else {
            Vec::new()
        }
    }
}

impl Itinerary {
    /// True when any stop's position or time zone came from the gazetteer.
    pub fn used_gazetteer(&self) -> bool {
        self.stops.iter().any(|s| from_gazetteer(&s.resolved))
    }
}
