//! Reading a trip file from disk within the limits: the format from `--from` or the extension,
//! the size checked before reading, then the reader of that format.

use super::{Format, read_with};
use crate::error::Error;
use crate::limits::Limits;
use crate::model::Itinerary;
use std::path::Path;

/// Why a trip file could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReadPathError {
    /// No format was given and the extension is not one tripmap reads.
    #[error("cannot tell the format from the extension")]
    UnknownFormat,
    /// The file could not be opened or read, or is larger than `max_input_bytes`
    /// (`ErrorKind::FileTooLarge`, refused from its size before reading).
    #[error("{0}")]
    Io(std::io::Error),
    /// The file was read but is not a usable trip.
    #[error("{0}")]
    Input(Error),
}

/// Reads the trip at `path` in `format` (by default the one its extension names) within
/// `limits`: the file is refused from its size before it is read, and its stops, text and tracks
/// are checked against the limits as they are read.
///
/// ```
/// let limits = tripmap::limits::Limits::default();
/// let trip = tripmap::io::read_path("data/trips/portugal-2024.kml".as_ref(), None, &limits)?;
/// assert_eq!(trip.stops.len(), 3);
/// # Ok::<(), tripmap::io::ReadPathError>(())
/// ```
pub fn read_path(
    path: &Path,
    format: Option<Format>,
    limits: &Limits,
) -> Result<Itinerary, ReadPathError> {
    let format = format
        .or_else(|| Format::from_path(path))
        .ok_or(ReadPathError::UnknownFormat)?;
    let bytes = limits.read_file(path).map_err(ReadPathError::Io)?;
    read_with(&bytes, format, limits).map_err(ReadPathError::Input)
}
