//! tripmap turns a trip (a list of stops with coordinates or place names, dates and notes)
//! into GeoJSON layers and an SVG route map.
//!
//! The pipeline is a chain of types, one function per arrow:
//!
//! ```text
//! bytes --io::read--> Itinerary --routing::plan--> Route --render::geojson--> GeoJSON layers
//! ```
//!
//! ```
//! let json = br#"{"title": "Two capitals", "stops": [
//!     {"name": "Amman", "lat": 31.9539, "lon": 35.9106, "arrive": "2023-11-04", "tz": "Asia/Amman"},
//!     {"name": "Baghdad", "lat": 33.3152, "lon": 44.3661, "arrive": "2023-11-05", "tz": "Asia/Baghdad"}
//! ]}"#;
//! let itinerary = tripmap::io::read(json, tripmap::io::Format::Json)?;
//! let route = tripmap::routing::plan(&itinerary, tripmap::routing::Order::Time)?;
//! assert_eq!(route.legs.len(), 1);
//! assert!((route.legs[0].distance_m / 1000.0 - 810.0).abs() < 10.0);
//! let layers = tripmap::render::geojson::layers(&route);
//! assert!(layers.legs.contains("\"distance_km\""));
//! # Ok::<(), tripmap::Error>(())
//! ```

/// The bundled Natural Earth basemap, clipped and fitted to a map's pixel grid.
pub mod basemap;
/// Command-line arguments and commands (used by the `tripmap` binary).
pub mod cli;
/// Errors that name the culprit: file position, or stop and field.
pub mod error;
/// From a news story to a draft itinerary: stops, order, dates and evidence from text.
pub mod extract;
/// Place names to coordinates, offline, from an embedded GeoNames gazetteer.
pub mod geocode;
/// Geodesy on WGS84: distance, bearing, densified paths, antimeridian cuts.
pub mod geodesy;
/// Readers: bytes in, a validated `Itinerary` out (JSON, CSV, GeoJSON, GPX, KML).
pub mod io;
/// Input limits (bytes, stops).
pub mod limits;
/// Shared data types: `LonLat`, `When`, `Stop`, `Itinerary`, `Route`, `Leg`.
pub mod model;
/// Writing output files safely: all or nothing, temporary file then rename.
pub mod output;
/// One library call per command: itinerary in, route and output files out.
pub mod pipeline;
/// Map projections, one file each, with fitting and choice for a trip.
pub mod projection;
/// Writers: a `Route` in, bytes out (GeoJSON layers, SVG, PNG, KML, GPX).
pub mod render;
/// Ordering stops and computing legs: `Itinerary` in, `Route` out.
pub mod routing;
/// The map as a resolved picture in pixels: `Route` in, `Scene` out (projected, labelled, laid out).
pub mod scene;
/// Plain-text trip summaries for `tripmap check`.
pub mod summary;
/// Street-level basemaps: PMTiles vector tiles (local or HTTP) fitted to a map's pixels.
pub mod tiles;

pub use error::Error;
