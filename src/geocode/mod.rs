//! Offline geocoding: place names in, coordinates out, from a gazetteer embedded in the binary:
//! GeoNames places of 1,000+ people (alternate Latin names for those of 5,000+, names in their
//! country's own scripts for those of 5,000+, in every script for those of 100,000+), first-level
//! regions, time zones and countries with their capitals (GeoNames, CC BY 4.0); airports with
//! their IATA and ICAO codes (OurAirports, public domain); US national parks and monuments and
//! mountains (Natural Earth, public domain); and a table of the world's best-known parks and
//! landmarks written for tripmap. Every place has a [`Kind`].
//!
//! ```
//! use tripmap::geocode::{lookup, Hints, Kind, Level};
//! let m = lookup("Paris, TX", &Hints::none()).unwrap();
//! let p = &m.place;
//! assert_eq!((p.name.as_str(), p.country.as_str(), p.admin1.as_deref()), ("Paris", "US", Some("Texas")));
//! let iraq = lookup("Iraq", &Hints::none()).unwrap();
//! assert_eq!((iraq.place.name.as_str(), iraq.level), ("Baghdad", Level::Country));
//! let e = lookup("Bagdhad", &Hints::none()).unwrap_err();
//! assert!(e.to_string().contains("did you mean Baghdad, Iraq"), "{e}");
//! assert_eq!(lookup("東京", &Hints::none()).unwrap().place.name, "Tokyo");
//! let lhr = lookup("LHR", &Hints::none()).unwrap();
//! assert_eq!((lhr.place.kind, lhr.place.icao.as_deref()), (Kind::Airport, Some("EGLL")));
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
pub use normalize::{native, normalize};
pub use place::{CountryInfo, Kind, Level, Match, Place};
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
