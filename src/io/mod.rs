//! Readers: bytes of a trip file in, a validated [`Itinerary`] out. One file per format.

mod csv;
mod fields;
mod json;

use crate::error::Error;
use crate::model::Itinerary;
use std::path::Path;

/// The input formats tripmap reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// tripmap's native JSON.
    Json,
    /// CSV with a header row.
    Csv,
}

impl Format {
    /// The format a file name implies (`.json`, `.csv`); `None` for other extensions.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "json" => Some(Format::Json),
            "csv" => Some(Format::Csv),
            _ => None,
        }
    }

    /// All names accepted by [`Format::from_name`].
    pub const NAMES: &'static [&'static str] = &["json", "csv"];

    /// The format called `name` (`json`, `csv`).
    pub fn from_name(name: &str) -> Option<Format> {
        match name.to_ascii_lowercase().as_str() {
            "json" => Some(Format::Json),
            "csv" => Some(Format::Csv),
            _ => None,
        }
    }
}

/// Reads an itinerary from raw bytes: checks UTF-8 (naming the line and column of the first bad
/// byte), drops a leading byte-order mark, then parses `format`.
pub fn read(bytes: &[u8], format: Format) -> Result<Itinerary, Error> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let good = &bytes[..e.valid_up_to()];
        let line = good.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = good.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
        let column = String::from_utf8_lossy(&good[line_start..]).chars().count() + 1;
        Error::Syntax {
            line,
            column,
            message: "the file is not UTF-8 text (save it as UTF-8)".into(),
        }
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(Error::Syntax {
            line: 1,
            column: 1,
            message: "the file is empty".into(),
        });
    }
    match format {
        Format::Json => json::read(text),
        Format::Csv => csv::read(text),
    }
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn not_utf8_names_line_and_column() {
        let e = read(b"name,lat,lon\nK\xf6ln,1,2\n", Format::Csv).unwrap_err();
        assert_eq!(
            e,
            Error::Syntax {
                line: 2,
                column: 2,
                message: "the file is not UTF-8 text (save it as UTF-8)".into()
            }
        );
    }

    #[test]
    fn empty_file_is_an_error() {
        assert!(matches!(read(b"", Format::Json), Err(Error::Syntax { .. })));
        assert!(matches!(
            read(b"  \n", Format::Csv),
            Err(Error::Syntax { .. })
        ));
    }
}
