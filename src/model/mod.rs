//! The data types every stage shares: positions, dates, stops, itineraries, routes.

mod lonlat;
mod route;
mod stop;
mod track;
mod when;

pub use lonlat::{LonLat, LonLatError};
pub use route::{Leg, Route, RouteStop};
pub use stop::{Itinerary, Stop, UnknownZone, Zone};
pub use track::Track;
pub use when::{When, WhenError};
