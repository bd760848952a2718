//! Reading the user's input: a trip file or standard input (`-`), within the limits.

use super::report::{Failure, read_error_text};
use std::path::Path;
use tripmap::io::{self, Format, ReadPathError};
use tripmap::limits::Limits;
use tripmap::model::Itinerary;

/// The trip at `path` (`-`: standard input, JSON unless `from` says otherwise), or the message
/// to print.
pub fn load(path: &Path, from: Option<Format>, limits: &Limits) -> Result<Itinerary, Failure> {
    let read = if path == Path::new("-") {
        limits
            .read_bounded(std::io::stdin().lock())
            .map_err(ReadPathError::Io)
            .and_then(|bytes| {
                io::read_with(&bytes, from.unwrap_or(Format::Json), limits)
                    .map_err(ReadPathError::Input)
            })
    } else {
        io::read_path(path, from, limits)
    };
    read.map_err(|e| Failure::invalid(read_error_text(path, &e)))
}

/// The bytes of a file, or of standard input for `-`, refused past `limits.max_input_bytes`
/// (a file from its size, before reading).
pub fn read_bytes(path: &Path, limits: &Limits) -> Result<Vec<u8>, Failure> {
    let read = if path == Path::new("-") {
        limits.read_bounded(std::io::stdin().lock())
    } else {
        limits.read_file(path)
    };
    read.map_err(|e| Failure::invalid(read_error_text(path, &ReadPathError::Io(e))))
}
