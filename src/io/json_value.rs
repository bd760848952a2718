//! Typed fields out of parsed JSON values, for the JSON and GeoJSON readers: an absent or null
//! field is `None`, a field of the wrong type an error naming the stop and the field.

use crate::error::{Error, StopRef};
use serde_json::{Map, Value};

/// "a string", "an array"... for messages.
pub(crate) fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// The text of field `key` of stop `at` (an `object`'s member); `None` when absent or null.
pub(crate) fn optional_string(
    object: &Map<String, Value>,
    key: &str,
    at: &StopRef,
) -> Result<Option<String>, Error> {
    match object.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(other) => Err(wrong_type(at, key, "a string", other)),
    }
}

/// The number of degrees in field `key` of stop `at` (an `object`'s member); `None` when absent
/// or null.
pub(crate) fn optional_degrees(
    object: &Map<String, Value>,
    key: &str,
    at: &StopRef,
) -> Result<Option<f64>, Error> {
    match object.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(n)) => n
            .as_f64()
            .map(Some)
            .ok_or_else(|| Error::field(at.clone(), key, format!("{n} is not a usable number"))),
        Some(other) => Err(wrong_type(at, key, "a number of degrees", other)),
    }
}

/// The error for field `key` of stop `at` holding `found` where `expected` (`a string`) belongs.
pub(crate) fn wrong_type(at: &StopRef, key: &str, expected: &str, found: &Value) -> Error {
    Error::field(
        at.clone(),
        key,
        format!("expected {expected}, found {}", kind_of(found)),
    )
}

#[cfg(test)]
mod test {
    use super::*;
    use serde_json::json;

    #[test]
    fn absent_and_null_are_none_and_other_types_name_stop_and_field() {
        let Value::Object(object) = json!({"a": "x", "b": null, "c": 3}) else {
            unreachable!()
        };
        let at = StopRef {
            number: 2,
            name: Some("B".into()),
        };
        assert_eq!(optional_string(&object, "a", &at), Ok(Some("x".into())));
        assert_eq!(optional_string(&object, "b", &at), Ok(None));
        assert_eq!(optional_string(&object, "z", &at), Ok(None));
        assert_eq!(
            optional_string(&object, "c", &at).unwrap_err().to_string(),
            "stop 2 \"B\", field `c`: expected a string, found a number"
        );
        assert_eq!(optional_degrees(&object, "c", &at), Ok(Some(3.0)));
        assert_eq!(optional_degrees(&object, "b", &at), Ok(None));
        assert_eq!(
            optional_degrees(&object, "a", &at).unwrap_err().to_string(),
            "stop 2 \"B\", field `a`: expected a number of degrees, found a string"
        );
    }
}
