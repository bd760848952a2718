//! `Error`: everything that can be wrong with a user's input, naming the culprit.
//!
//! Syntax errors carry a line and column; data errors carry the stop (1-based number and name)
//! and the field. The binary adds the file name in front.

use std::fmt;

/// Where in a stop a data error is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StopRef {
    /// 1-based position of the stop in the input.
    pub number: usize,
    /// The stop's name, when it has one.
    pub name: Option<String>,
}

impl fmt::Display for StopRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.name {
            Some(n) => write!(f, "stop {} {:?}", self.number, n),
            None => write!(f, "stop {}", self.number),
        }
    }
}

/// An input that tripmap cannot use.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// The bytes do not parse: JSON or CSV syntax, encoding.
    #[error("line {line}, column {column}: {message}")]
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column (in characters for text, in fields for CSV).
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// A stop's field has a value tripmap cannot use.
    #[error("{}{stop}, field `{field}`: {message}", line.map(|l| format!("line {l}, ")).unwrap_or_default())]
    Field {
        /// The stop.
        stop: StopRef,
        /// The field's name as in the input (`lat`, `arrive`).
        field: String,
        /// What is wrong.
        message: String,
        /// 1-based input line, when the format has lines worth naming (CSV).
        line: Option<usize>,
    },
    /// The document's shape is wrong (no stops, a top-level array, an unknown top-level field).
    #[error("{0}")]
    Shape(String),
    /// The trip cannot be routed as asked (constraints that cannot be met).
    #[error("{0}")]
    Route(String),
    /// A map option that cannot be used (a width of 0, a malformed id prefix).
    #[error("{0}")]
    Options(String),
    /// An output could not be made (a PNG too large to draw).
    #[error(transparent)]
    Render(#[from] crate::render::RenderError),
    /// A street-level basemap (`--basemap`) could not be read; the error names the file or
    /// URL and, where one is to blame, the tile.
    #[error("basemap {0}")]
    Tiles(#[from] crate::tiles::TilesError),
    /// An overlay (`--overlay`) could not be read; the message names the file and the line and
    /// column or the feature.
    #[error("overlay {0}")]
    Overlay(String),
}

impl Error {
    /// A data error on a stop's field.
    pub fn field(stop: StopRef, field: &str, message: impl Into<String>) -> Self {
        Error::Field {
            stop,
            field: field.to_string(),
            message: message.into(),
            line: None,
        }
    }

    /// The same error with the input line it came from.
    pub fn at_line(self, at: usize) -> Self {
        match self {
            Error::Field {
                stop,
                field,
                message,
                ..
            } => Error::Field {
                stop,
                field,
                message,
                line: Some(at),
            },
            other => other,
        }
    }
}

/// The closest of `known` to `word`, if close enough to be the likely intent ("arive" -> "arrive").
pub fn did_you_mean<'a>(word: &str, known: &[&'a str]) -> Option<&'a str> {
    let lower = word.to_lowercase();
    known
        .iter()
        .map(|k| (strsim::damerau_levenshtein(&lower, k), *k))
        .filter(|(d, k)| *d <= 2.max(k.len() / 3))
        .min()
        .map(|(_, k)| k)
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        let known = ["name", "lat", "lon", "arrive", "depart", "tz", "note"];
        assert_eq!(did_you_mean("arive", &known), Some("arrive"));
        assert_eq!(did_you_mean("nmae", &known), Some("name"));
        assert_eq!(did_you_mean("population", &known), None);
    }

    #[test]
    fn field_errors_name_stop_and_field() {
        let e = Error::field(
            StopRef {
                number: 4,
                name: Some("Baghdad".into()),
            },
            "arrive",
            "is after depart",
        );
        assert_eq!(
            e.to_string(),
            "stop 4 \"Baghdad\", field `arrive`: is after depart"
        );
        assert_eq!(
            e.at_line(5).to_string(),
            "line 5, stop 4 \"Baghdad\", field `arrive`: is after depart"
        );
    }
}
