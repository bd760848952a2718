//! One JSON Lines input line read as a request: the trip (native JSON), its `"id"` and its
//! `"options"`. Only the line's syntax, the id and the options are checked here; the trip itself
//! is read by [`crate::io`] on a worker.

use super::error_report::ErrorReport;
use super::trip_options::TripOptions;
use crate::io::json_raw;

/// A line that reads as a request.
#[derive(Debug)]
pub struct Request {
    /// The trip's id.
    pub id: String,
    /// The trip as a native JSON document (the line without `id` and `options`).
    pub trip_json: String,
    /// The trip's own options.
    pub options: TripOptions,
}

/// A line that does not: the id when it could be read, and the error.
#[derive(Debug)]
pub struct BadLine {
    /// The id, when the line is a JSON object with a string id.
    pub id: Option<String>,
    /// What is wrong (without the line number: the caller adds it).
    pub error: ErrorReport,
}

/// Reads one line (without its newline).
pub fn parse(line: &[u8]) -> Result<Request, Box<BadLine>> {
    let bad = |error| Box::new(BadLine { id: None, error });
    let text = crate::io::utf8_text(line).map_err(|e| bad(line_error(&e)))?;
    let doc = json_raw::document(text).map_err(|e| bad(line_error(&e)))?;
    if json_raw::kind(doc) != "an object" {
        return Err(bad(ErrorReport::message(format!(
            "expected a JSON object (one trip with an \"id\") on the line, found {}",
            json_raw::kind(doc)
        ))));
    }
    let members = json_raw::members(doc, text).map_err(|e| bad(line_error(&e)))?;
    let get = |key: &str| json_raw::member(&members, key);
    let id = match get("id").map(|raw| serde_json::from_str::<serde_json::Value>(raw.get())) {
        None => {
            return Err(bad(ErrorReport::field(
                "id",
                "no `id`: each line needs a string id",
            )));
        }
        Some(Ok(serde_json::Value::String(id))) => id,
        Some(Ok(other)) => {
            return Err(bad(ErrorReport::field(
                "id",
                format!(
                    "`id` must be a string, found {}",
                    crate::io::json_kind(&other)
                ),
            )));
        }
        Some(Err(e)) => return Err(bad(ErrorReport::field("id", e.to_string()))),
    };
    let options = match get("options") {
        None => TripOptions::default(),
        Some(raw) => serde_json::from_str(raw.get())
            .map_err(|e| ErrorReport::field("options", e.to_string()))
            .and_then(TripOptions::parse)
            .map_err(|error| {
                Box::new(BadLine {
                    id: Some(id.clone()),
                    error,
                })
            })?,
    };
    let mut trip_json = String::with_capacity(text.len());
    trip_json.push('{');
    for (key, raw) in members.iter().filter(|(k, _)| k != "id" && k != "options") {
        if trip_json.len() > 1 {
            trip_json.push(',');
        }
        // A key written back as JSON: serde_json escapes what needs escaping.
        trip_json.push_str(&serde_json::to_string(key).unwrap_or_default());
        trip_json.push(':');
        trip_json.push_str(raw.get());
    }
    trip_json.push('}');
    Ok(Request {
        id,
        trip_json,
        options,
    })
}

/// A syntax error in the line: its column, the line number left to the caller (the text of a
/// line has one line).
fn line_error(e: &crate::Error) -> ErrorReport {
    let mut r = ErrorReport::from_error(e);
    r.line = None;
    if let crate::Error::Syntax {
        column, message, ..
    } = e
    {
        r.message = format!("column {column}: {message}");
    }
    r
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn splits_id_options_and_trip() {
        let r = parse(br#"{"id":"a-1","title":"T","options":{"width":640},"stops":[{"name":"X","lat":1,"lon":2}]}"#)
            .unwrap();
        assert_eq!(r.id, "a-1");
        assert_eq!(
            r.trip_json,
            r#"{"title":"T","stops":[{"name":"X","lat":1,"lon":2}]}"#
        );
        assert!(!r.options.is_empty());
    }

    #[test]
    fn bad_lines_say_why() {
        let e = parse(b"{\"id\": \"a\", \"stops\": [").unwrap_err();
        assert!(e.error.column.is_some(), "{:?}", e.error);
        assert_eq!(e.error.message, "column 22: EOF while parsing a list");
        let e = parse(br#"[1, 2]"#).unwrap_err();
        assert!(
            e.error.message.contains("expected a JSON object"),
            "{}",
            e.error.message
        );
        let e = parse(br#"{"stops": []}"#).unwrap_err();
        assert_eq!(e.error.field.as_deref(), Some("id"));
        let e = parse(br#"{"id": 7, "stops": []}"#).unwrap_err();
        assert!(e.error.message.contains("must be a string, found a number"));
        let e = parse(br#"{"id": "x", "options": {"colour": 1}, "stops": []}"#).unwrap_err();
        assert_eq!(e.id.as_deref(), Some("x"));
        assert_eq!(e.error.field.as_deref(), Some("options.colour"));
        // A repeated key: the last value wins, as in a trip file (serde_json's rule).
        assert_eq!(parse(br#"{"id": "x", "id": "y"}"#).unwrap().id, "y");
        let e = parse(b"{\"id\": \"K\xf6ln\"}").unwrap_err();
        assert!(e.error.message.contains("not UTF-8"), "{}", e.error.message);
    }
}
