//! Readers: bytes of a trip file in, a validated [`Itinerary`] out (stops, and recorded tracks
//! from GeoJSON, GPX and KML or KMZ). One file per format.

mod csv;
mod geojson;
mod gpx;
mod json;
pub(crate) mod json_raw;
mod json_value;
mod kml;
mod kmz;
mod path;
mod sniff;
mod track_ends;
mod xml;

pub(crate) use json_value::kind_of as json_kind;
pub use path::{ReadPathError, read_path};
pub use sniff::sniff;

use crate::error::Error;
use crate::limits::Limits;
use crate::model::Itinerary;
use std::path::Path;

/// The input formats tripmap reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// tripmap's native JSON.
    Json,
    /// CSV with a header row.
    Csv,
    /// GeoJSON: Point features are stops, LineStrings recorded paths.
    #[value(name = "geojson")]
    GeoJson,
    /// GPX 1.1: waypoints (or route points) are stops, tracks recorded paths.
    Gpx,
    /// KML 2.2: Placemarks with Points are stops, LineStrings recorded paths.
    Kml,
    /// KMZ: a zip archive holding a KML document.
    Kmz,
}

impl Format {
    /// The format a file name implies (`.json`, `.csv`, `.geojson`, `.gpx`, `.kml`, `.kmz`);
    /// `None` for other extensions.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Format::from_name(&ext)
    }

    /// All names accepted by [`Format::from_name`].
    pub const NAMES: &'static [&'static str] = &["json", "csv", "geojson", "gpx", "kml", "kmz"];

    /// The format called `name` (`json`, `csv`, `geojson`, `gpx`, `kml`, `kmz`).
    pub fn from_name(name: &str) -> Option<Format> {
        match name.to_ascii_lowercase().as_str() {
            "json" => Some(Format::Json),
            "csv" => Some(Format::Csv),
            "geojson" => Some(Format::GeoJson),
            "gpx" => Some(Format::Gpx),
            "kml" => Some(Format::Kml),
            "kmz" => Some(Format::Kmz),
            _ => None,
        }
    }
}

/// The bytes as text, without a leading byte-order mark; an error naming the line and column of
/// the first byte that is not UTF-8.
pub fn utf8_text(bytes: &[u8]) -> Result<&str, Error> {
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
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text))
}

/// Reads an itinerary from raw bytes: checks UTF-8 (naming the line and column of the first bad
/// byte), drops a leading byte-order mark, then parses `format`. Inputs over
/// [`crate::limits::MAX_INPUT_BYTES`] are refused, and so are trips over the other [`Limits`] defaults (stops,
/// text length, track points).
pub fn read(bytes: &[u8], format: Format) -> Result<Itinerary, Error> {
    read_with(bytes, format, &Limits::default())
}

/// [`read`] with other [`Limits`]. A KMZ (or a file read as KML that is a zip archive) is
/// read through its KML document, within the same limits.
pub fn read_with(bytes: &[u8], format: Format, limits: &Limits) -> Result<Itinerary, Error> {
    if bytes.len() as u64 > limits.max_input_bytes {
        return Err(limits.too_large(Some(bytes.len() as u64)));
    }
    if format == Format::Kmz || (format == Format::Kml && bytes.starts_with(kmz::ZIP_MAGIC)) {
        let document = kmz::kml_bytes(bytes, limits)?;
        return read_with(&document, Format::Kml, limits);
    }
    let text = utf8_text(bytes)?;
    if text.trim().is_empty() {
        return Err(Error::Syntax {
            line: 1,
            column: 1,
            message: "the file is empty".into(),
        });
    }
    let itinerary = match format {
        Format::Json => json::read(text, limits),
        Format::Csv => csv::read(text, limits),
        Format::GeoJson => geojson::read(text, limits),
        Format::Gpx => gpx::read(text),
        Format::Kml | Format::Kmz => kml::read(text),
    }?;
    limits.check(&itinerary)?;
    Ok(itinerary)
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
