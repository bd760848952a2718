//! An open PMTiles archive: the header, root directory and metadata read once (one request of
//! 16 KiB covers all three in a clustered archive), leaf directories read when a tile needs
//! them and kept, tiles read one range each.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use super::directory::{Directory, Found};
use super::header::Header;
use super::tile_id::tile_id;
use crate::tiles::Limits;
use crate::tiles::decompress::decompress;
use crate::tiles::error::{Problem, TileCoord, TilesError};
use crate::tiles::limits::bytes;
use crate::tiles::metadata;
use crate::tiles::source::{self, RangeSource};

/// The first read: the header and, in archives written by the usual tools, the root directory
/// and often the metadata.
const FIRST_READ_BYTES: u64 = 16_384;

/// A PMTiles v3 archive, local or remote. Reading is `&self` and thread-safe, so tiles can be
/// read in parallel.
pub struct Archive {
    source: Box<dyn RangeSource>,
    header: Header,
    root: Directory,
    metadata: serde_json::Map<String, serde_json::Value>,
    limits: Limits,
    /// Leaf directories read so far, by (offset, length) in the leaf section.
    leaves: Mutex<HashMap<(u64, u64), Arc<Directory>>>,
    tiles_read: AtomicUsize,
}

impl std::fmt::Debug for Archive {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Archive")
            .field("name", &self.source.name())
            .field("header", &self.header)
            .finish()
    }
}

impl Archive {
    /// Opens the archive at `location`, a file path or an `http(s)://` URL, and reads its
    /// header, root directory and metadata.
    ///
    /// # Errors
    /// A [`TilesError`] naming `location`: not PMTiles, a version other than 3, a section
    /// outside the file, a directory or metadata that does not decode, or I/O and HTTP errors.
    pub fn open(location: &str, limits: &Limits) -> Result<Archive, TilesError> {
        Archive::from_source(source::open(location, limits)?, limits)
    }

    /// Opens an archive read through `source`.
    pub fn from_source(
        source: Box<dyn RangeSource>,
        limits: &Limits,
    ) -> Result<Archive, TilesError> {
        let name = source.name().to_string();
        let err = |p: Problem| TilesError::new(&name, p);
        let first = source.read(0, FIRST_READ_BYTES).map_err(err)?;
        let header = Header::parse(&first).map_err(err)?;
        let mut archive = Archive {
            source,
            header,
            root: Directory::default(),
            metadata: serde_json::Map::new(),
            limits: limits.clone(),
            leaves: Mutex::new(HashMap::new()),
            tiles_read: AtomicUsize::new(0),
        };
        let (offset, length) = archive.header.root;
        let root = archive
            .read_section(
                "root directory",
                offset,
                length,
                limits.max_directory_bytes,
                Some(&first),
            )
            .map_err(err)?;
        archive.root = archive.parse_directory(root).map_err(err)?;
        let (offset, length) = archive.header.metadata;
        if length > 0 {
            let raw = archive
                .read_section(
                    "metadata",
                    offset,
                    length,
                    limits.max_metadata_bytes,
                    Some(&first),
                )
                .map_err(err)?;
            let json = decompress(
                raw,
                archive.header.internal_compression,
                limits.max_metadata_bytes,
                "metadata",
            )
            .map_err(err)?;
            archive.metadata = metadata::parse(&json).map_err(err)?;
        }
        Ok(archive)
    }

    /// The file path or URL.
    pub fn name(&self) -> &str {
        self.source.name()
    }

    /// The header: zooms, bounds, compression, section offsets.
    pub fn header(&self) -> &Header {
        &self.header
    }

    /// The archive's JSON metadata (an empty object when it has none).
    pub fn metadata(&self) -> &serde_json::Map<String, serde_json::Value> {
        &self.metadata
    }

    /// The metadata's `attribution` as plain text (HTML tags removed, entities decoded), e.g.
    /// `© OpenStreetMap contributors`, for the map's source line.
    pub fn attribution(&self) -> Option<String> {
        metadata::attribution(&self.metadata)
    }

    /// The limits the archive was opened with.
    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// How many tiles [`Archive::tile`] has read so far (tiles not in the archive not counted).
    pub fn tiles_read(&self) -> usize {
        self.tiles_read.load(Ordering::Relaxed)
    }

    /// The tile at `t`, decompressed; `None` if the archive does not have it.
    ///
    /// # Errors
    /// A [`TilesError`] naming the archive and `t`: a directory or tile outside its section,
    /// leaf directories nested deeper than [`Limits::max_directory_depth`] (or in a cycle),
    /// a tile or directory over its size limit, or one that does not decompress.
    pub fn tile(&self, t: TileCoord) -> Result<Option<Vec<u8>>, TilesError> {
        let err = |p: Problem| TilesError::new(self.name(), p).at(t);
        let Some(id) = tile_id(t) else {
            return Ok(None);
        };
        let mut found = self.root.find(id);
        let mut depth = 0;
        loop {
            match found {
                None => return Ok(None),
                Some(Found::Tile(offset, length)) => {
                    let raw = self
                        .read_in(
                            "tile",
                            self.header.data,
                            offset,
                            length,
                            self.limits.max_tile_bytes,
                        )
                        .map_err(err)?;
                    let tile = decompress(
                        raw,
                        self.header.tile_compression,
                        self.limits.max_decompressed_tile_bytes,
                        "tile",
                    )
                    .map_err(err)?;
                    self.tiles_read.fetch_add(1, Ordering::Relaxed);
                    return Ok(Some(tile));
                }
                Some(Found::Leaf(offset, length)) => {
                    depth += 1;
                    if depth > self.limits.max_directory_depth {
                        return Err(err(Problem::DirectoryTooDeep(
                            self.limits.max_directory_depth,
                        )));
                    }
                    found = self.leaf(offset, length).map_err(err)?.find(id);
                }
            }
        }
    }

    /// The leaf directory at `offset` in the leaf section, read once and then kept.
    fn leaf(&self, offset: u64, length: u64) -> Result<Arc<Directory>, Problem> {
        let cached = self
            .leaves
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(&(offset, length))
            .cloned();
        if let Some(d) = cached {
            return Ok(d);
        }
        let raw = self.read_in(
            "leaf directory",
            self.header.leaves,
            offset,
            length,
            self.limits.max_directory_bytes,
        )?;
        let dir = Arc::new(self.parse_directory(raw)?);
        self.leaves
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert((offset, length), dir.clone());
        Ok(dir)
    }

    fn parse_directory(&self, raw: Vec<u8>) -> Result<Directory, Problem> {
        let bytes = decompress(
            raw,
            self.header.internal_compression,
            self.limits.max_decompressed_directory_bytes,
            "directory",
        )?;
        Directory::parse(&bytes)
    }

    /// `length` bytes at `offset` within `section` (offset, length of the section).
    fn read_in(
        &self,
        what: &str,
        section: (u64, u64),
        offset: u64,
        length: u64,
        limit: u64,
    ) -> Result<Vec<u8>, Problem> {
        if offset.checked_add(length).is_none_or(|end| end > section.1) {
            return Err(Problem::OutOfBounds {
                what: what.into(),
                offset: section.0.saturating_add(offset),
                end: section.0.saturating_add(offset).saturating_add(length),
                within: format!(
                    "its section (bytes {}..{})",
                    section.0,
                    section.0.saturating_add(section.1)
                ),
            });
        }
        self.read_section(what, section.0 + offset, length, limit, None)
    }

    /// Exactly `length` bytes at `offset`, at most `limit`; taken from `first` (the opening
    /// read) when they lie in it.
    fn read_section(
        &self,
        what: &str,
        offset: u64,
        length: u64,
        limit: u64,
        first: Option<&[u8]>,
    ) -> Result<Vec<u8>, Problem> {
        if length > limit {
            return Err(Problem::TooLarge {
                what: format!("{what} ({length} bytes)"),
                limit: bytes(limit),
            });
        }
        let end = offset
            .checked_add(length)
            .ok_or_else(|| Problem::OutOfBounds {
                what: what.into(),
                offset,
                end: u64::MAX,
                within: "any file".into(),
            })?;
        if let Some(first) = first
            && end <= first.len() as u64
        {
            return Ok(first[offset as usize..end as usize].to_vec());
        }
        // The opening read stopped short of 16 KiB: the file ends there.
        if let Some(first) = first
            && (first.len() as u64) < FIRST_READ_BYTES
        {
            return Err(out_of_file(what, offset, end, first.len() as u64));
        }
        let got = self.source.read(offset, length)?;
        if (got.len() as u64) < length {
            return Err(out_of_file(what, offset, end, offset + got.len() as u64));
        }
        Ok(got)
    }
}

fn out_of_file(what: &str, offset: u64, end: u64, file_len: u64) -> Problem {
    Problem::OutOfBounds {
        what: what.into(),
        offset,
        end,
        within: format!("the file of {file_len} bytes"),
    }
}
