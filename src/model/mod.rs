//! The data types every stage shares: positions, dates, stops, itineraries, routes, travel modes.
//!
//! With the default `serde` feature every type here is `Serialize` and `Deserialize` (a
//! [`When`] as its ISO 8601 text, a [`Zone`] as its IANA name, a [`LonLat`] as `{"lon", "lat"}`;
//! reading checks them as the trip readers do).

mod builder;
mod lonlat;
mod mode;
mod route;
mod samples;
mod stop;
mod time_zone_db;
mod track;
mod when;

pub use builder::{ItineraryBuilder, StopBuilder};
pub use lonlat::{LonLat, LonLatError};
pub use mode::{Mode, UnknownMode};
pub use route::{Leg, Route, RouteStop};
pub use samples::Samples;
pub use stop::{Itinerary, Stop, UnknownZone, Zone};
pub use time_zone_db::time_zone;
pub use track::Track;
pub use when::{ClockDoubt, When, WhenError, WhenProblem, clock_warnings};

/// An exact instant (`jiff::Timestamp`): a recorded point's time, a `When::Instant`. Re-exported
/// (like [`Duration`] and the whole crate as `tripmap::jiff`) so that building a trip in code
/// needs no other crate.
pub use jiff::Timestamp as Instant;

/// A signed length of time (`jiff::SignedDuration`): a leg's duration.
pub use jiff::SignedDuration as Duration;
