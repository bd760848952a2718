//! A street-level basemap for [`MapOptions`](super::MapOptions): an opened PMTiles archive (a
//! file or an `http(s)://` URL) of vector tiles in the Protomaps schema. Opening reads the
//! header, root directory and metadata; the map's tiles are read when the scene is built.

use std::sync::Arc;

use crate::error::Error;
use crate::projection::{Fitted, Projection};
use crate::tiles::{self, Archive, Limits, Protomaps, TileView};

/// An opened street-level basemap, cheap to clone (the archive and its caches are shared), so
/// one archive serves every trip of a batch.
///
/// ```
/// use tripmap::scene::{MapOptions, StreetBasemap};
/// let basemap = StreetBasemap::open("tests/fixtures/tiles/helsinki.pmtiles")?;
/// let options = MapOptions::default().with_basemap(basemap);
/// assert!(options.basemap.is_some());
/// # Ok::<(), tripmap::Error>(())
/// ```
#[derive(Clone)]
pub struct StreetBasemap {
    archive: Arc<Archive>,
}

impl StreetBasemap {
    /// Opens the archive at `location` (a file path or an `http(s)://` URL) with the default
    /// [`Limits`].
    ///
    /// # Errors
    /// [`Error::Tiles`] naming the file or URL: missing, unreachable, not PMTiles v3, not
    /// vector tiles, or a header, directory or metadata that cannot be read.
    pub fn open(location: &str) -> Result<Self, Error> {
        Self::open_with(location, &Limits::default())
    }

    /// [`StreetBasemap::open`] with other limits.
    pub fn open_with(location: &str, limits: &Limits) -> Result<Self, Error> {
        let archive = Archive::open(location, limits)?;
        archive
            .header()
            .require_vector_tiles()
            .map_err(|p| tiles::TilesError::new(archive.name(), p))?;
        Ok(Self::from_archive(archive))
    }

    /// A basemap from an archive opened by the caller (another byte source, other limits).
    pub fn from_archive(archive: Archive) -> Self {
        StreetBasemap {
            archive: Arc::new(archive),
        }
    }

    /// The file path or URL, as given.
    pub fn name(&self) -> &str {
        self.archive.name()
    }

    /// The archive.
    pub fn archive(&self) -> &Archive {
        &self.archive
    }

    /// The basemap of `map`: the tiles it covers, in pixels.
    pub(crate) fn view<P: Projection + Sync>(&self, map: &Fitted<P>) -> Result<TileView, Error> {
        Ok(tiles::view(&self.archive, map, &Protomaps)?)
    }
}

impl PartialEq for StreetBasemap {
    /// The same archive, or one opened from the same place.
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.archive, &other.archive) || self.name() == other.name()
    }
}

impl std::fmt::Debug for StreetBasemap {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("StreetBasemap").field(&self.name()).finish()
    }
}
