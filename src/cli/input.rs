//! Reading the user's input: a trip file or standard input (`-`), within the limits.

use super::report::{Failure, read_error_text};
use std::path::Path;
use tripmap::io::{self, Format, ReadPathError};
use tripmap::limits::Limits;
use tripmap::model::Itinerary;
use tripmap::stream::ErrorReport;

/// The trip at `path` (`-`: standard input, its format sniffed unless `from` says), or the message
/// to print.
pub fn load(path: &Path, from: Option<Format>, limits: &Limits) -> Result<Itinerary, Failure> {
    read(path, from, limits).map_err(|e| Failure::invalid(read_error_text(path, &e)))
}

/// [`load`] with the error as a report for JSON output (`tripmap check --json`).
pub fn load_input(
    path: &Path,
    from: Option<Format>,
    limits: &Limits,
) -> Result<Itinerary, ErrorReport> {
    read(path, from, limits).map_err(|e| match e {
        ReadPathError::Input(e) => ErrorReport::from_error(&e),
        other => {
            let text = read_error_text(path, &other);
            ErrorReport::message(text.strip_prefix("error: ").unwrap_or(&text))
        }
    })
}

/// The trip at `path` (`-`: standard input).
fn read(path: &Path, from: Option<Format>, limits: &Limits) -> Result<Itinerary, ReadPathError> {
    if path == Path::new("-") {
        limits
            .read_bounded(std::io::stdin().lock())
            .map_err(ReadPathError::Io)
            .and_then(|bytes| {
                // Without --from, the format is told from the bytes (JSON, GeoJSON, CSV, GPX,
                // KML, KMZ).
                let format = match from {
                    Some(f) => f,
                    None => io::sniff(&bytes).map_err(|what| {
                        ReadPathError::Input(tripmap::Error::Shape(format!(
                            "cannot tell the format: {what}; use --from {}",
                            Format::NAMES.join("|")
                        )))
                    })?,
                };
                io::read_with(&bytes, format, limits).map_err(ReadPathError::Input)
            })
    } else {
        io::read_path(path, from, limits)
    }
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
