//! tripmap turns a trip (a list of stops with coordinates or place names, dates and notes)
//! into GeoJSON layers and an SVG route map.

/// Shared data types: `LonLat`, `When`, `Stop`, `Itinerary`, `Route`, `Leg`.
pub mod model;
/// Map projections, one file each, with fitting and choice for a trip.
pub mod projection;
