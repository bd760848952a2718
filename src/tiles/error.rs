//! `TilesError`: why a street-level basemap could not be read, naming the archive (file path or
//! URL) and, where one is involved, the tile as z/x/y.

use std::fmt;

/// A tile address: zoom, column (x, from the west) and row (y, from the north), as in
/// `https://…/{z}/{x}/{y}.mvt` URLs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TileCoord {
    /// Zoom level (0: one tile for the world).
    pub z: u8,
    /// Column, 0 at 180° W.
    pub x: u32,
    /// Row, 0 at the north edge (85.05° N).
    pub y: u32,
}

impl fmt::Display for TileCoord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}/{}", self.z, self.x, self.y)
    }
}

/// What went wrong; [`TilesError`] adds the archive and the tile.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Problem {
    /// The file does not start with the PMTiles magic number.
    #[error("not a PMTiles archive (the file does not start with \"PMTiles\")")]
    NotPmtiles,
    /// A PMTiles version other than 3.
    #[error("PMTiles version {0} is not supported (only version 3)")]
    UnsupportedVersion(u8),
    /// The archive holds tiles other than vector tiles.
    #[error("tile type {0} is not supported (only Mapbox Vector Tiles, type 1)")]
    UnsupportedTileType(u8),
    /// A compression tripmap does not decode.
    #[error("{what} compression {name} is not supported (gzip or none)")]
    UnsupportedCompression {
        /// `tile` or `directory`.
        what: &'static str,
        /// The compression's name (`brotli`, `zstd`, or the code).
        name: String,
    },
    /// A section (directory, metadata, tile) lies outside the file or its part of it.
    #[error("{what} at bytes {offset}..{end} lies outside {within}")]
    OutOfBounds {
        /// What was being read.
        what: String,
        /// First byte.
        offset: u64,
        /// One past the last byte.
        end: u64,
        /// What it should lie within (`the file of 1000 bytes`, `the leaf directory section`).
        within: String,
    },
    /// A directory that cannot be decoded.
    #[error("bad directory: {0}")]
    BadDirectory(String),
    /// Leaf directories nested deeper than the limit, or pointing back at one another.
    #[error("leaf directories nest deeper than {0} levels (or refer back to each other)")]
    DirectoryTooDeep(usize),
    /// Something is larger than the limit for it.
    #[error("{what} is larger than the limit of {limit}")]
    TooLarge {
        /// What (`decompressed tile`, `features in a tile`).
        what: String,
        /// The limit, with its unit.
        limit: String,
    },
    /// gzip data that does not decompress.
    #[error("{what} does not decompress: {message}")]
    Decompress {
        /// `tile`, `directory`, `metadata`.
        what: &'static str,
        /// The decoder's message.
        message: String,
    },
    /// A tile that is not a valid Mapbox Vector Tile.
    #[error("not a valid vector tile: {0}")]
    InvalidMvt(String),
    /// The metadata is not a JSON object.
    #[error("metadata is not a JSON object: {0}")]
    BadMetadata(String),
    /// The map needs more tiles than the limit allows.
    #[error(
        "the map needs {needed} tiles at zoom {zoom}, more than the limit of {limit}; \
         the archive's smallest zoom ({min_zoom}) is too detailed for a map of this scale"
    )]
    TooManyTiles {
        /// Tiles the frame covers.
        needed: usize,
        /// The zoom chosen.
        zoom: u8,
        /// The limit.
        limit: usize,
        /// The archive's smallest zoom.
        min_zoom: u8,
    },
    /// Reading a local file failed.
    #[error("{0}")]
    Io(String),
    /// The server answered with a status other than 206 (or 200).
    #[error("HTTP status {status}{}", if reason.is_empty() { String::new() } else { format!(" {reason}") })]
    HttpStatus {
        /// The status code.
        status: u16,
        /// Its reason phrase (`Not Found`).
        reason: String,
    },
    /// No answer within the timeout.
    #[error("no answer within {} s ({attempts} attempts)", *millis as f64 / 1000.0)]
    Timeout {
        /// The timeout per attempt, milliseconds.
        millis: u64,
        /// Attempts made.
        attempts: u32,
    },
    /// The connection failed or broke, or the body is not what the headers promised.
    #[error("{0}")]
    Http(String),
}

/// An archive that could not be read: the archive (a path or URL), the tile if one is
/// involved, and the problem. Displays as `helsinki.pmtiles: tile 14/9326/4739: not a valid
/// vector tile: …`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TilesError {
    /// The file path or URL, as given.
    pub archive: String,
    /// The tile being read, if any.
    pub tile: Option<TileCoord>,
    /// What went wrong.
    pub problem: Problem,
}

impl TilesError {
    /// An error in `archive`, not tied to a tile.
    pub fn new(archive: &str, problem: Problem) -> Self {
        TilesError {
            archive: archive.to_string(),
            tile: None,
            problem,
        }
    }

    /// The same error, about `tile`.
    pub fn at(mut self, tile: TileCoord) -> Self {
        self.tile = Some(tile);
        self
    }
}

impl fmt::Display for TilesError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.archive)?;
        if let Some(t) = self.tile {
            write!(f, "tile {t}: ")?;
        }
        write!(f, "{}", self.problem)
    }
}

impl std::error::Error for TilesError {}
