//! tripmap turns a trip (a list of stops with coordinates or place names, dates and notes)
//! into GeoJSON layers and an SVG route map.

/// Shared data types: `LonLat`, `Stop`, `Itinerary`, `Route`.
pub mod model;
