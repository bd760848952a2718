//! `Limits`: how much a street-level basemap may read, decompress and decode. Every size comes
//! from a file or server nobody here controls, so each is checked before it is allocated.

use std::time::Duration;

/// Caps on what one archive and one map may cost. The defaults fit Protomaps' planet builds
/// (tiles under 500 KB, leaf directories of a few hundred KB) with a wide margin.
#[derive(Debug, Clone, PartialEq)]
pub struct Limits {
    /// Tiles one map may read (a 960 px city map needs 4-12).
    pub max_tiles: usize,
    /// Bytes of one tile as stored (compressed).
    pub max_tile_bytes: u64,
    /// Bytes of one tile after decompression.
    pub max_decompressed_tile_bytes: u64,
    /// Bytes of one directory (root or leaf) as stored.
    pub max_directory_bytes: u64,
    /// Bytes of one directory after decompression.
    pub max_decompressed_directory_bytes: u64,
    /// Bytes of the JSON metadata, as stored and after decompression.
    pub max_metadata_bytes: u64,
    /// Levels of leaf directories below the root (the PMTiles writers use one).
    pub max_directory_depth: usize,
    /// Features in one tile, all layers together.
    pub max_features_per_tile: usize,
    /// Vertices in one tile, all layers together.
    pub max_vertices_per_tile: usize,
    /// Timeout of one HTTP request (connect, send, receive the whole body).
    pub http_timeout: Duration,
    /// When a server ignores Range requests and sends the whole file (HTTP 200), the largest
    /// file kept in memory and read from there; larger ones are an error.
    pub max_whole_file_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_tiles: 64,
            max_tile_bytes: 4 << 20,
            max_decompressed_tile_bytes: 8 << 20,
            max_directory_bytes: 4 << 20,
            max_decompressed_directory_bytes: 16 << 20,
            max_metadata_bytes: 1 << 20,
            max_directory_depth: 3,
            max_features_per_tile: 200_000,
            max_vertices_per_tile: 2_000_000,
            http_timeout: Duration::from_secs(20),
            max_whole_file_bytes: 32 << 20,
        }
    }
}

/// A byte count for messages: `8 MiB`, `512 KiB`, `100 bytes`.
pub(crate) fn bytes(n: u64) -> String {
    if n >= 1 << 20 && n.is_multiple_of(1 << 20) {
        format!("{} MiB", n >> 20)
    } else if n >= 1 << 10 && n.is_multiple_of(1 << 10) {
        format!("{} KiB", n >> 10)
    } else {
        format!("{n} bytes")
    }
}
