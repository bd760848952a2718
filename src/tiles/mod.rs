//! Street-level basemaps from vector tiles: a PMTiles v3 archive of Mapbox Vector Tiles, local
//! or over HTTP(S), read only where a map needs it and turned into pixel paths for that map.
//!
//! In: an [`Archive`] ([`Archive::open`] with a file path or URL), a
//! [`Fitted`](crate::projection::Fitted) projection
//! (any of tripmap's) and a [`Schema`] (the Protomaps basemap, [`Protomaps`]). Out: a
//! [`TileView`] — land, land use, water, waterways, buildings, roads by class, boundaries and
//! labels, in pixels, clipped to the frame and simplified to the pixel grid — and the
//! archive's attribution for the source line.
//!
//! How: the map's scale picks the tile zoom (the Web Mercator zoom with 512 px tiles whose
//! scale matches the map's at its centre, rounded down, within the archive's zooms); only the
//! tiles whose projected outline meets the frame are read, each by one byte range (after its
//! leaf directory, read once). Tiles are decoded, classified, projected and clipped in
//! parallel, then joined in tile order, so the result does not depend on thread timing.
//!
//! Everything read is bounded by [`Limits`]: bad archives and servers are [`TilesError`]s that
//! name the file or URL and the tile, never a panic.
//!
//! ```
//! use tripmap::model::LonLat;
//! use tripmap::projection::{Bounds, Mercator, fit_bounds_min_span};
//! use tripmap::tiles::{self, Archive, Limits, Protomaps};
//!
//! let archive = Archive::open("tests/fixtures/tiles/helsinki.pmtiles", &Limits::default())?;
//! // A walk from the railway station to the market square, on a 960 x 640 px map.
//! let stops = [LonLat::new(24.9414, 60.1710).unwrap(), LonLat::new(24.9526, 60.1675).unwrap()];
//! let projection = Mercator::sphere(24.95);
//! let bounds = Bounds::of_positions(&projection, &stops).unwrap();
//! let map = fit_bounds_min_span(projection, bounds, 960.0, 640.0, 40.0, 0.0).unwrap();
//! let view = tiles::view(&archive, &map, &Protomaps)?;
//! assert_eq!(view.zoom, 15);
//! assert!(view.roads.len() > 50 && !view.buildings.is_empty() && !view.water.is_empty());
//! assert!(view.labels.iter().any(|l| l.text == "Mannerheimintie"));
//! assert_eq!(view.attribution.as_deref(), Some("© OpenStreetMap contributors"));
//! # Ok::<(), tripmap::tiles::TilesError>(())
//! ```

/// The tiles' pieces joined, clipped and simplified into a view.
mod assemble;
/// Which tiles a map needs, and its zoom.
pub mod cover;
/// Bounded decompression (gzip).
mod decompress;
/// `TilesError` and `TileCoord`.
mod error;
/// Size and time limits.
mod limits;
/// Joining line pieces across tiles.
mod merge;
/// The archive's metadata and attribution.
mod metadata;
/// Mapbox Vector Tile decoding.
pub mod mvt;
/// PMTiles v3: header, directories, tile ids, the archive.
pub mod pmtiles;
/// Tile coordinates to map pixels.
mod project;
/// One tile read, decoded, classified and projected.
mod read_tile;
/// Schemas: what layers and properties mean.
pub mod schema;
/// Byte sources: files and HTTP(S).
pub mod source;
/// Building the view.
mod view;

pub use decompress::Compression;
pub use error::{Problem, TileCoord, TilesError};
pub use limits::Limits;
pub use pmtiles::Archive;
pub use schema::{
    BoundaryKind, Class, Classified, LanduseKind, PlaceKind, Protomaps, RoadClass, Schema,
};
pub use view::{BUILDINGS_FROM_ZOOM, LabelAnchor, LabelKind, TileLabel, TileView, view};
