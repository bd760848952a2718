//! An error as a JSON object for machines: the message, and the line, column, stop and field
//! where they are known.

use crate::error::Error;
use serde::Serialize;

/// What went wrong with one trip, for a result line or `tripmap check --json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ErrorReport {
    /// The whole message, as the command line prints it (without `error:`).
    pub message: String,
    /// 1-based line: of the JSON Lines input in stream mode, of the file otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    /// 1-based column in that line, for syntax errors.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<u64>,
    /// 1-based number of the stop at fault.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stop: Option<usize>,
    /// That stop's name, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stop_name: Option<String>,
    /// The field at fault: a stop's (`lat`), the line's (`id`), or a trip option (`options.width`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

impl ErrorReport {
    /// A report with a message only.
    pub fn message(message: impl Into<String>) -> Self {
        ErrorReport {
            message: message.into(),
            line: None,
            column: None,
            stop: None,
            stop_name: None,
            field: None,
        }
    }

    /// A report about one field of the line (`id`, `options.width`).
    pub fn field(field: &str, message: impl Into<String>) -> Self {
        ErrorReport {
            field: Some(field.to_string()),
            ..ErrorReport::message(message)
        }
    }

    /// The library error's message and, where it has them, its line, column, stop and field.
    pub fn from_error(e: &Error) -> Self {
        let mut report = ErrorReport::message(e.to_string());
        match e {
            Error::Syntax { line, column, .. } => {
                report.line = Some(*line as u64);
                report.column = Some(*column as u64);
            }
            Error::Field {
                stop, field, line, ..
            } => {
                report.stop = Some(stop.number);
                report.stop_name = stop.name.clone();
                report.field = Some(field.clone());
                report.line = line.map(|l| l as u64);
            }
            _ => {}
        }
        report
    }

    /// The same report at this line of a JSON Lines input (replacing any line of its own: a
    /// trip's errors have none, being read from one line).
    pub fn at_line(mut self, line: u64) -> Self {
        self.line = Some(line);
        self
    }
}

#[cfg(test)]
mod test {
    use super::*;
    use crate::error::StopRef;

    #[test]
    fn field_errors_keep_stop_and_field() {
        let e = Error::field(
            StopRef {
                number: 2,
                name: Some("Oslo".into()),
            },
            "lat",
            "must be a number",
        );
        let r = ErrorReport::from_error(&e).at_line(7);
        assert_eq!(r.stop, Some(2));
        assert_eq!(r.stop_name.as_deref(), Some("Oslo"));
        assert_eq!(r.field.as_deref(), Some("lat"));
        assert_eq!(r.line, Some(7));
        assert_eq!(
            serde_json::to_string(&r).unwrap(),
            r#"{"message":"stop 2 \"Oslo\", field `lat`: must be a number","line":7,"stop":2,"stop_name":"Oslo","field":"lat"}"#
        );
    }
}
