//! Offline geocoding: place names in, coordinates out, from a GeoNames gazetteer embedded in the
//! binary (places of 1,000+ people, alternate names for those of 5,000+, first-level regions, time zones and
//! countries with their capitals; GeoNames, CC BY 4.0).
//!
//! ```
//! use tripmap::geocode::{lookup, Hints, Level};
//! let m = lookup("Paris, TX", &Hints::none()).unwrap();
//! let p = &m.place;
//! assert_eq!((p.name.as_str(), p.country.as_str(), p.admin1.as_deref()), ("Paris", "US", Some("Texas")));
//! let iraq = lookup("Iraq", &Hints::none()).unwrap();
//! assert_eq!((iraq.place.name.as_str(), iraq.level), ("Baghdad", Level::Country));
//! let e = lookup("Bagdhad", &Hints::none()).unwrap_err();
//! assert!(e.to_string().contains("did you mean Baghdad, Iraq"), "{e}");
//! ```
//!
//! [`resolve`] places every stop of an itinerary that has a place name but no coordinates.

mod credit;
mod error;
mod gazetteer;
mod hints;
mod index;
mod normalize;
mod place;
/// Text and JSON renderings of lookups, for `tripmap geocode`.
pub mod report;
mod resolve;
mod suggest;

pub use credit::CREDIT;
pub use error::GeocodeError;
pub use gazetteer::Gazetteer;
pub use hints::{Hints, NEAR_MAX, NEAR_SCALE_M};
pub use normalize::normalize;
pub use place::{CountryInfo, Level, Match, Place};
pub use resolve::{PLACE_POSITION_TOLERANCE_M, Resolved, ZONE_FROM_NEAREST_M, resolve};

/// Resolves `query` with the embedded gazetteer; see [`Gazetteer::lookup`].
pub fn lookup(query: &str, hints: &Hints) -> Result<Match, GeocodeError> {
    Gazetteer::get().lookup(query, hints)
}

/// Like [`lookup`], without the "did you mean" search: `None` when nothing matches; see
/// [`Gazetteer::find`].
pub fn find(query: &str, hints: &Hints) -> Option<Match> {
    Gazetteer::get().find(query, hints)
}

/// The country called `name` (English name, alias, ISO code); see [`Gazetteer::country_by_name`].
pub fn country_by_name(name: &str) -> Option<CountryInfo> {
    Gazetteer::get().country_by_name(name)
}
