//! The data types every stage shares: positions, stops, itineraries, routes.

mod lonlat;

pub use lonlat::{LonLat, LonLatError};
