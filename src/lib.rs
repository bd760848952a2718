#![warn(missing_docs)]
//! tripmap turns a trip (a list of stops with coordinates or place names, dates and notes)
//! into GeoJSON layers, an SVG (and PNG) route map, KML and GPX.
//!
//! The pipeline is a chain of types, one function per arrow; no stage reaches back:
//!
//! ```text
//! bytes (JSON, CSV, GeoJSON, GPX, KML)
//!   --io::read-->          Itinerary   validated stops: name, position or place name, dates, notes
//!   --geocode::resolve-->  Itinerary   every stop placed (offline gazetteer)
//!   --routing::plan-->     Route       stops in order, legs along geodesics
//!   --scene::build-->      Scene       the map in pixels: projected, labelled, laid out
//!   --render::write-->     bytes       one match arm per OutputFormat: GeoJSON and KML/GPX from
//!                                      the Route, SVG and PNG from the Scene
//! ```
//!
//! [`pipeline::render`] runs the whole chain and [`output::write_all`] replaces the output folder
//! with the files in one atomic step; [`plan`] is the chain up to the route (looking place names
//! up). A trip can be built in code with [`model::Itinerary::builder`] and
//! [`model::Stop::builder`], with no other crate (time zones by their IANA name). Step by step:
//!
//! ```
//! use tripmap::render::{OutputFormat, WriteOptions};
//! let json = br#"{"title": "Two capitals", "stops": [
//!     {"name": "Amman", "lat": 31.9539, "lon": 35.9106, "arrive": "2023-11-04", "tz": "Asia/Amman"},
//!     {"name": "Baghdad", "place": "Baghdad, Iraq", "arrive": "2023-11-05"}
//! ]}"#;
//! let itinerary = tripmap::io::read(json, tripmap::io::Format::Json)?;
//! let placed = tripmap::geocode::resolve(itinerary)?.itinerary;
//! let route = tripmap::routing::plan(&placed, tripmap::routing::Order::Time)?;
//! assert_eq!(route.legs.len(), 1);
//! assert!((route.legs[0].distance_m / 1000.0 - 810.0).abs() < 10.0);
//! let scene = tripmap::scene::build(&route, &tripmap::scene::MapOptions::default())?;
//! let svg = tripmap::render::write(OutputFormat::Svg, &route, Some(&scene), &WriteOptions::default())?;
//! assert_eq!(svg[0].name, "map.svg");
//! let layers = tripmap::render::write(OutputFormat::GeoJson, &route, None, &WriteOptions::default())?;
//! assert_eq!(layers[1].name, "legs.geojson");
//! assert!(String::from_utf8_lossy(&layers[1].bytes).contains("\"dist_km\""));
//! # Ok::<(), tripmap::Error>(())
//! ```

// The bundled Natural Earth basemap, clipped and fitted to a map's pixel grid.
pub mod basemap;
// Errors that name the culprit: file position, or stop and field.
pub mod error;
// The bundled fonts and which draws each character, for label widths, map.png and map.svg.
pub mod fonts;
// From a news story to a draft itinerary: stops, order, dates and evidence from text.
pub mod extract;
// Numbers for people: counts, rounded distances, units.
pub mod format;
// Place names to coordinates, offline, from an embedded GeoNames gazetteer.
pub mod geocode;
// Geodesy on WGS84: distance, bearing, densified paths, antimeridian cuts.
pub mod geodesy;
// Planar geometry below the map stages: rectangles, clipping, simplification, the pixel grid.
pub mod geometry;
// Readers: bytes in, a validated `Itinerary` out (JSON, CSV, GeoJSON, GPX, KML).
pub mod io;
// Input limits (bytes, stops).
pub mod limits;
// Shared data types: `LonLat`, `When`, `Stop`, `Itinerary`, `Route`, `Leg`.
pub mod model;
// Writing output files safely: all or nothing, temporary file then rename.
pub mod output;
// One library call per command: itinerary in, route and output files out.
pub mod pipeline;
// Map projections, one file each, with fitting and choice for a trip.
pub mod projection;
// Writers: a `Route` in, bytes out (GeoJSON layers, SVG, PNG, KML, GPX).
pub mod render;
// Ordering stops and computing legs: `Itinerary` in, `Route` out.
pub mod routing;
// The map as a resolved picture in pixels: `Route` in, `Scene` out (projected, labelled, laid out).
pub mod scene;
// JSON Lines stream mode: one trip per line in, one result per line out (render/check --jsonl).
pub mod stream;
// Trigonometry from the libm crate: faster than glibc's, the same bits on every platform.
pub mod trig;
// Street-level basemaps: PMTiles vector tiles (local or HTTP) fitted to a map's pixels.
pub mod tiles;

pub use error::Error;
/// The date and time crate tripmap's model is built on, for what [`model::Instant`] and
/// [`model::Duration`] do not cover.
pub use jiff;
pub use pipeline::plan;
