//! The PMTiles v3 header: 127 bytes, little-endian, at the start of the file.

use crate::tiles::decompress::Compression;
use crate::tiles::error::Problem;

/// Header length in bytes.
pub const HEADER_BYTES: usize = 127;

/// What the header says: where the sections are, how they are compressed, the zooms and the
/// bounds.
#[derive(Debug, Clone, PartialEq)]
pub struct Header {
    /// Root directory: offset and length in bytes.
    pub root: (u64, u64),
    /// JSON metadata: offset and length.
    pub metadata: (u64, u64),
    /// Leaf directory section: offset and length.
    pub leaves: (u64, u64),
    /// Tile data section: offset and length.
    pub data: (u64, u64),
    /// Compression of directories and metadata.
    pub internal_compression: Compression,
    /// Compression of tiles.
    pub tile_compression: Compression,
    /// Tile type code (1: Mapbox Vector Tile).
    pub tile_type: u8,
    /// Smallest zoom with tiles.
    pub min_zoom: u8,
    /// Largest zoom with tiles.
    pub max_zoom: u8,
    /// Bounds: west, south, east, north, degrees.
    pub bounds: (f64, f64, f64, f64),
    /// Suggested centre: zoom, longitude, latitude.
    pub center: (u8, f64, f64),
}

impl Header {
    /// Parses the first bytes of an archive (at least the 127 of the header).
    pub fn parse(b: &[u8]) -> Result<Header, Problem> {
        if !b.starts_with(b"PMTiles") {
            // Version 1 and 2 archives start with "PM" and a version byte.
            if b.len() >= 3 && b.starts_with(b"PM") && matches!(b[2], 1 | 2) {
                return Err(Problem::UnsupportedVersion(b[2]));
            }
            return Err(Problem::NotPmtiles);
        }
        if b.len() < HEADER_BYTES {
            return Err(Problem::OutOfBounds {
                what: "header".into(),
                offset: 0,
                end: HEADER_BYTES as u64,
                within: format!("the file of {} bytes", b.len()),
            });
        }
        if b[7] != 3 {
            return Err(Problem::UnsupportedVersion(b[7]));
        }
        let u64_at = |i: usize| u64::from_le_bytes(b[i..i + 8].try_into().unwrap_or([0; 8]));
        let deg_at = |i: usize| {
            f64::from(i32::from_le_bytes(b[i..i + 4].try_into().unwrap_or([0; 4]))) / 1e7
        };
        let compression = |i: usize| {
            Compression::from_code(b[i]).ok_or_else(|| Problem::UnsupportedCompression {
                what: if i == 97 { "directory" } else { "tile" },
                name: format!("code {}", b[i]),
            })
        };
        let header = Header {
            root: (u64_at(8), u64_at(16)),
            metadata: (u64_at(24), u64_at(32)),
            leaves: (u64_at(40), u64_at(48)),
            data: (u64_at(56), u64_at(64)),
            internal_compression: compression(97)?,
            tile_compression: compression(98)?,
            tile_type: b[99],
            min_zoom: b[100],
            max_zoom: b[101],
            bounds: (deg_at(102), deg_at(106), deg_at(110), deg_at(114)),
            center: (b[118], deg_at(119), deg_at(123)),
        };
        header.internal_compression.check("directory")?;
        header.tile_compression.check("tile")?;
        if header.min_zoom > header.max_zoom || header.max_zoom > super::tile_id::MAX_ZOOM {
            return Err(Problem::BadDirectory(format!(
                "header zooms {}..{} are not a valid range",
                header.min_zoom, header.max_zoom
            )));
        }
        for (what, (offset, length)) in [
            ("root directory", header.root),
            ("metadata", header.metadata),
            ("leaf directory section", header.leaves),
            ("tile data section", header.data),
        ] {
            if offset.checked_add(length).is_none() {
                return Err(Problem::OutOfBounds {
                    what: what.into(),
                    offset,
                    end: u64::MAX,
                    within: "any file".into(),
                });
            }
        }
        Ok(header)
    }

    /// Checks that the tiles are Mapbox Vector Tiles (type 1).
    pub fn require_vector_tiles(&self) -> Result<(), Problem> {
        if self.tile_type == 1 {
            Ok(())
        } else {
            Err(Problem::UnsupportedTileType(self.tile_type))
        }
    }
}
