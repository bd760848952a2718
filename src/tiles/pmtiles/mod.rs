//! Reading PMTiles v3 archives (<https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md>):
//! the 127-byte header, the root directory, leaf directories and tiles, each by byte range.
//!
//! Written here rather than taken from crates.io: the `pmtiles` crate reads only through async
//! backends (tokio) and keeps its directory entries' offsets private, and `pmtiles2` expands
//! every run into a hash map and follows leaf directories by unbounded recursion. This reader
//! is synchronous, follows leaves to a fixed depth, and checks every offset and length against
//! the file and its sections before reading.

/// The archive: header, directories, tiles, metadata.
mod archive;
/// Directories: varint-encoded runs of tile ids, with lookup.
mod directory;
/// The fixed 127-byte header.
mod header;
/// Tile ids: z/x/y along a Hilbert curve per zoom.
pub mod tile_id;

pub use archive::Archive;
pub use header::Header;
