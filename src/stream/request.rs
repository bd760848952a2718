//! One JSON Lines input line read as a request: the trip (native JSON), its `"id"` and its
//! `"options"`. Only the line's syntax, the id and the options are checked here; the trip itself
//! is read by [`crate::io`] on a worker.

use super::error_report::ErrorReport;
use super::trip_options::TripOptions;
use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;
use std::fmt;

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
    let text = crate::io::utf8_text(line).map_err(|e| {
        let mut r = ErrorReport::from_error(&e);
        r.line = None;
        bad(r)
    })?;
    let members: Members = serde_json::from_str(text).map_err(|e| {
        // serde_json's text ends with its own position; the report has the column.
        let full = e.to_string();
        let what = full.rfind(" at line ").map_or(&full[..], |i| &full[..i]);
        let message = match e.classify() {
            serde_json::error::Category::Data if !text.trim_start().starts_with('{') => {
                "expected a JSON object (one trip with an \"id\") on the line".to_string()
            }
            serde_json::error::Category::Data => what.to_string(),
            _ => format!("not valid JSON: {what}"),
        };
        let mut r = ErrorReport::message(format!("column {}: {message}", e.column()));
        r.column = Some(e.column() as u64);
        bad(r)
    })?;
    let get = |key: &str| members.0.iter().find(|(k, _)| k == key).map(|(_, v)| *v);
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
    for (key, raw) in members
        .0
        .iter()
        .filter(|(k, _)| k != "id" && k != "options")
    {
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

/// A JSON object's members in order, values kept as raw text; a key given twice is an error.
struct Members<'a>(Vec<(String, &'a RawValue)>);

impl<'de: 'a, 'a> Deserialize<'de> for Members<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> Visitor<'de> for V<'a> {
            type Value = Members<'a>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Members<'a>, M::Error> {
                let mut members: Vec<(String, &'a RawValue)> = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    if members.iter().any(|(k, _)| *k == key) {
                        return Err(serde::de::Error::custom(format!("`{key}` is given twice")));
                    }
                    let value: &'a RawValue = map.next_value()?;
                    members.push((key, value));
                }
                Ok(Members(members))
            }
        }
        d.deserialize_map(V(std::marker::PhantomData))
    }
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
        assert!(
            e.error.message.contains("not valid JSON"),
            "{}",
            e.error.message
        );
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
        let e = parse(br#"{"id": "x", "id": "y"}"#).unwrap_err();
        assert!(
            e.error.message.contains("given twice"),
            "{}",
            e.error.message
        );
        let e = parse(b"{\"id\": \"K\xf6ln\"}").unwrap_err();
        assert!(e.error.message.contains("not UTF-8"), "{}", e.error.message);
    }
}
