//! One output line of the stream: what became of one input line.

use super::error_report::ErrorReport;
use super::route_summary::RouteSummary;
use crate::output::OutputFile;
use base64::Engine;
use serde::Serialize;
use serde_json::value::RawValue;
use std::path::Path;

/// The result of one input line, written as one JSON object on one line.
#[derive(Debug, Serialize)]
pub struct ResultLine {
    /// The trip's id (`null` when the line has none that can be read).
    pub id: Option<String>,
    /// 1-based number of the input line.
    pub line: u64,
    /// Whether the trip was rendered (or checked) and every output written.
    pub ok: bool,
    /// Why not, when `ok` is false.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<ErrorReport>,
    /// The outputs, when rendered: each file's name, and its path (`-o`) or contents
    /// (`--inline`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outputs: Option<Vec<OutputEntry>>,
    /// The route in figures (`tripmap check --jsonl`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<RouteSummary>,
    /// Warnings about the trip (geocoding doubts, missing glyphs...).
    pub warnings: Vec<String>,
    /// Where the time went, in milliseconds.
    pub timings: Timings,
}

impl ResultLine {
    /// A failed line.
    pub fn failed(id: Option<String>, line: u64, error: ErrorReport, timings: Timings) -> Self {
        ResultLine {
            id,
            line,
            ok: false,
            error: Some(error),
            outputs: None,
            summary: None,
            warnings: Vec::new(),
            timings,
        }
    }
}

/// Milliseconds spent on each step of one line (to the microsecond).
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Timings {
    /// Reading the trip from its JSON.
    pub read_ms: f64,
    /// Planning the route and writing the outputs in memory.
    pub render_ms: f64,
    /// Writing the trip's folder.
    pub write_ms: f64,
    /// All of it, from the worker's start on the line.
    pub total_ms: f64,
}

/// Milliseconds, rounded to the microsecond.
pub fn millis(d: std::time::Duration) -> f64 {
    (d.as_secs_f64() * 1e6).round() / 1e3
}

/// One output file of a trip.
#[derive(Debug, Serialize)]
pub struct OutputEntry {
    /// The file name (`stops.geojson`, `map.svg`).
    pub name: String,
    /// Where it was written (`-o`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// A GeoJSON layer's contents, as JSON (`--inline`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub json: Option<Box<RawValue>>,
    /// A text output's contents: SVG, KML, GPX (`--inline`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// A binary output's contents in standard base64: PNG, GeoPackage, FlatGeobuf (`--inline`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base64: Option<String>,
}

impl OutputEntry {
    /// The entry of `file`, with its path when written into `dir`, with its contents when
    /// `inline`.
    pub fn new(file: &OutputFile, dir: Option<&Path>, inline: bool) -> Self {
        let mut entry = OutputEntry {
            name: file.name.clone(),
            path: dir.map(|d| d.join(&file.name).display().to_string()),
            json: None,
            text: None,
            base64: None,
        };
        if !inline {
            return entry;
        }
        let text = std::str::from_utf8(&file.bytes).ok();
        match text {
            Some(t) if file.name.ends_with(".geojson") => entry.json = one_line_json(t),
            Some(t)
                if [".svg", ".kml", ".gpx"]
                    .iter()
                    .any(|e| file.name.ends_with(e)) =>
            {
                entry.text = Some(t.to_string())
            }
            _ => {}
        }
        if entry.json.is_none() && entry.text.is_none() {
            entry.base64 = Some(base64::engine::general_purpose::STANDARD.encode(&file.bytes));
        }
        entry
    }
}

/// A JSON document on one line: raw newlines can only be whitespace in JSON (inside strings
/// they are escaped), so dropping them keeps the document the same.
fn one_line_json(text: &str) -> Option<Box<RawValue>> {
    // Split at each line end (found by `memchr`) rather than copy char by char: this was a
    // sixteenth of the GeoJSON-only stream's time.
    let mut flat = String::with_capacity(text.len());
    for piece in text.split('\n') {
        match piece.contains('\r') {
            true => flat.extend(piece.split('\r')),
            false => flat.push_str(piece),
        }
    }
    RawValue::from_string(flat).ok()
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn inline_outputs_by_kind() {
        let file = |name: &str, bytes: &[u8]| OutputFile {
            name: name.into(),
            bytes: bytes.to_vec(),
        };
        let g = OutputEntry::new(
            &file("stops.geojson", b"{\n \"a\": \"x\\ny\"\n}\n"),
            None,
            true,
        );
        assert_eq!(g.json.unwrap().get(), r#"{ "a": "x\ny"}"#);
        let crlf = OutputEntry::new(
            &file("legs.geojson", b"{\r\n \"b\": 1\r\n}\r\n"),
            None,
            true,
        );
        assert_eq!(crlf.json.unwrap().get(), r#"{ "b": 1}"#);
        let s = OutputEntry::new(&file("map.svg", b"<svg/>"), None, true);
        assert_eq!(s.text.as_deref(), Some("<svg/>"));
        let p = OutputEntry::new(&file("map.png", &[0x89, b'P']), Some(Path::new("o")), true);
        assert_eq!(p.base64.as_deref(), Some("iVA="));
        assert_eq!(p.path.as_deref(), Some("o/map.png"));
        let n = OutputEntry::new(&file("map.svg", b"<svg/>"), None, false);
        assert!(n.text.is_none() && n.base64.is_none());
    }
}
