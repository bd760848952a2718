//! Reads tripmap's native JSON itinerary:
//! `{"title", "subtitle", "source", "stops": [{"name", "lat", "lon", "place", "arrive", "depart",
//! "tz", "note", "kind", "mode", "properties": {...}}]}`.
//!
//! Unknown fields are errors with a suggestion, so a typo never silently loses data.

use super::json_raw;
use super::json_value::{kind_of, optional_degrees, optional_string, wrong_type};
use crate::error::{Error, StopRef, did_you_mean};
use crate::limits::Limits;
use crate::model::Itinerary;
use crate::model::StopBuilder;
use serde_json::{Map, Value};

/// Fields allowed at the top level.
pub const TOP_FIELDS: &[&str] = &["title", "subtitle", "source", "notes", "stops"];
/// Fields allowed in a stop.
pub const STOP_FIELDS: &[&str] = &[
    "name",
    "lat",
    "lon",
    "place",
    "arrive",
    "depart",
    "tz",
    "note",
    "kind",
    "mode",
    "properties",
];

/// Parses a JSON itinerary. Syntax errors carry line and column; data errors the stop and field.
/// More than `limits.max_stops` stops is an error before any stop is read (see [`super::json_raw`]).
pub fn read(text: &str, limits: &Limits) -> Result<Itinerary, Error> {
    let doc = json_raw::document(text)?;
    if json_raw::kind(doc) != "an object" {
        return Err(Error::Shape(format!(
            "expected a JSON object {{\"title\": ..., \"stops\": [...]}} at the top level, found {}",
            json_raw::kind(doc)
        )));
    }
    let top = json_raw::members(doc, text)?;
    for (key, _) in &top {
        if !TOP_FIELDS.contains(&key.as_str()) {
            return Err(Error::Shape(unknown_field_message(
                key,
                "at the top level",
                TOP_FIELDS,
            )));
        }
    }
    let member = |key: &str| -> Result<Value, Error> {
        json_raw::member(&top, key).map_or(Ok(Value::Null), |raw| json_raw::value(raw, text))
    };
    let text_field = |key: &str| -> Result<Option<String>, Error> {
        match member(key)? {
            Value::Null => Ok(None),
            Value::String(s) => Ok(Some(s)),
            other => Err(Error::Shape(format!(
                "`{key}` must be a string, found {}",
                kind_of(&other)
            ))),
        }
    };
    // `notes`: free text for people (a string or a list of strings), checked but not drawn.
    match member("notes")? {
        Value::Null | Value::String(_) => {}
        Value::Array(a) if a.iter().all(Value::is_string) => {}
        other => {
            return Err(Error::Shape(format!(
                "`notes` must be a string or a list of strings, found {}",
                kind_of(&other)
            )));
        }
    }
    let stops = match json_raw::member(&top, "stops") {
        Some(raw) if json_raw::kind(raw) == "an array" => json_raw::items(raw, text)?,
        Some(raw) => {
            return Err(Error::Shape(format!(
                "`stops` must be a list of stops, found {}",
                json_raw::kind(raw)
            )));
        }
        None => {
            return Err(Error::Shape(
                "no `stops` list: a trip needs at least one stop".into(),
            ));
        }
    };
    if stops.is_empty() {
        return Err(Error::Shape(
            "the `stops` list is empty: a trip needs at least one stop".into(),
        ));
    }
    limits.check_stops(stops.len())?;
    let stops = stops
        .iter()
        .enumerate()
        .map(|(i, raw)| read_stop(&json_raw::value(raw, text)?, i + 1))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Itinerary {
        title: text_field("title")?,
        subtitle: text_field("subtitle")?,
        source: text_field("source")?,
        stops,
        tracks: Vec::new(),
    })
}

fn read_stop(value: &Value, number: usize) -> Result<crate::model::Stop, Error> {
    let Value::Object(obj) = value else {
        return Err(Error::Shape(format!(
            "stop {number}: expected an object with `name`, `lat`, `lon`..., found {}",
            kind_of(value)
        )));
    };
    let at = StopRef {
        number,
        name: obj.get("name").and_then(Value::as_str).map(str::to_string),
    };
    for key in obj.keys() {
        if !STOP_FIELDS.contains(&key.as_str()) {
            let where_ = format!("in {at}");
            return Err(Error::Shape(unknown_field_message(
                key,
                &where_,
                STOP_FIELDS,
            )));
        }
    }
    let string = |key: &str| optional_string(obj, key, &at);
    let number_field = |key: &str| optional_degrees(obj, key, &at);
    let extra = match obj.get("properties") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Object(m)) => flatten_properties(m),
        Some(other) => {
            return Err(wrong_type(&at, "properties", "an object", other));
        }
    };
    StopBuilder {
        name: string("name")?,
        place: string("place")?,
        lat: number_field("lat")?,
        lon: number_field("lon")?,
        arrive: string("arrive")?,
        depart: string("depart")?,
        tz: string("tz")?,
        note: string("note")?,
        kind: string("kind")?,
        mode: string("mode")?,
        extra,
    }
    .validate(number)
}

fn flatten_properties(m: &Map<String, Value>) -> Vec<(String, Value)> {
    m.iter().map(|(k, v)| (k.clone(), v.clone())).collect()
}

fn unknown_field_message(key: &str, where_: &str, known: &[&str]) -> String {
    match did_you_mean(key, known) {
        Some(s) => format!("unknown field `{key}` {where_}; did you mean `{s}`?"),
        None => format!(
            "unknown field `{key}` {where_}; known fields: {}",
            known.join(", ")
        ),
    }
}

#[cfg(test)]
mod test {
    use super::*;

    fn read(text: &str) -> Result<Itinerary, Error> {
        super::read(text, &Limits::default())
    }

    #[test]
    fn reads_a_minimal_trip() {
        let t = read(r#"{"stops": [{"name": "Amman", "lat": 31.95, "lon": 35.91, "arrive": "2023-11-04", "tz": "Asia/Amman"}]}"#).unwrap();
        assert_eq!(t.stops.len(), 1);
        assert_eq!(t.stops[0].tz.as_ref().unwrap().name, "Asia/Amman");
    }

    #[test]
    fn unknown_field_suggests() {
        let e = read(r#"{"stops": [{"name": "A", "lat": 1, "lon": 2}, {"name": "B", "lat": 1, "lon": 2, "arive": "2023-11-05"}]}"#)
            .unwrap_err()
            .to_string();
        assert_eq!(
            e,
            "unknown field `arive` in stop 2 \"B\"; did you mean `arrive`?"
        );
    }

    #[test]
    fn notes_are_text_for_people() {
        let stops = r#""stops": [{"name": "A", "lat": 1, "lon": 2}]"#;
        assert!(
            read(&format!(
                r#"{{"notes": ["Mentioned, not visited: Gaza"], {stops}}}"#
            ))
            .is_ok()
        );
        assert!(read(&format!(r#"{{"notes": "one line", {stops}}}"#)).is_ok());
        let e = read(&format!(r#"{{"notes": [1], {stops}}}"#)).unwrap_err();
        assert!(
            e.to_string()
                .contains("`notes` must be a string or a list of strings"),
            "{e}"
        );
    }

    #[test]
    fn syntax_error_has_line_and_column() {
        let e = read("{\n  \"stops\": [,]\n}").unwrap_err();
        assert!(matches!(e, Error::Syntax { line: 2, .. }), "{e:?}");
    }

    #[test]
    fn wrong_type_names_field() {
        let e = read(r#"{"stops": [{"name": "A", "lat": "north", "lon": 2}]}"#).unwrap_err();
        assert_eq!(
            e.to_string(),
            "stop 1 \"A\", field `lat`: expected a number of degrees, found a string"
        );
    }
}
