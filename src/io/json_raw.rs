//! JSON read in two steps, so a file with a huge list costs little memory until each item is read.
//!
//! [`document`] checks the whole text's syntax once, without recursion (so no depth can overflow
//! the stack), and keeps it as raw text. [`members`] and [`items`] split an object or a list into
//! raw pieces (16 bytes each). [`value`] parses one piece into a `serde_json::Value`, where
//! serde_json's 128-level nesting limit applies, and places any error at its line and column in
//! the whole text. A 200 MB list of a million stops is refused at the stop limit after the first
//! step, instead of after building 2.5 GB of values.

use crate::error::Error;
use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::Value;
use serde_json::value::RawValue;
use std::collections::HashMap;
use std::fmt;

/// The whole text, syntax-checked; a syntax error carries serde_json's line and column.
pub(crate) fn document(text: &str) -> Result<&RawValue, Error> {
    serde_json::from_str(text).map_err(|raw_error: serde_json::Error| {
        // Skipping over values, serde_json says only "expected value" where its full parser
        // says "trailing comma"; on this error path, ask the full parser (depth-limited, so it
        // cannot overflow) and keep its message when it fails no later in the text.
        let full = serde_json::from_str::<Value>(text).err();
        let at = |e: &serde_json::Error| (e.line(), e.column());
        match full {
            Some(e) if at(&e) <= at(&raw_error) => syntax_error(&e, text, 0),
            _ => syntax_error(&raw_error, text, 0),
        }
    })
}

/// How messages name a JSON value, by its first byte; any other first byte starts a number.
const KIND_BY_FIRST_BYTE: [(u8, &str); 6] = [
    (b'{', "an object"),
    (b'[', "an array"),
    (b'"', "a string"),
    (b't', "a boolean"),
    (b'f', "a boolean"),
    (b'n', "null"),
];

/// "an object", "an array"... for messages, from the piece's first character.
pub(crate) fn kind(raw: &RawValue) -> &'static str {
    let first = raw.get().as_bytes().first();
    KIND_BY_FIRST_BYTE
        .iter()
        .find(|(byte, _)| first == Some(byte))
        .map_or("a number", |&(_, name)| name)
}

/// An object's members in the order they first appear, the last value winning for a repeated
/// key (as `serde_json::Map` does). `raw` must be an object ([`kind`]) cut from `text`.
pub(crate) fn members<'a>(
    raw: &'a RawValue,
    text: &str,
) -> Result<Vec<(String, &'a RawValue)>, Error> {
    serde_json::from_str::<Members>(raw.get())
        .map(|m| m.0)
        .map_err(|e| syntax_error(&e, text, offset_in(raw, text)))
}

/// The value of member `key`, if present.
pub(crate) fn member<'a>(members: &[(String, &'a RawValue)], key: &str) -> Option<&'a RawValue> {
    members.iter().find(|(k, _)| k == key).map(|(_, v)| *v)
}

/// A list's items. `raw` must be an array ([`kind`]) cut from `text`.
pub(crate) fn items<'a>(raw: &'a RawValue, text: &str) -> Result<Vec<&'a RawValue>, Error> {
    serde_json::from_str(raw.get()).map_err(|e| syntax_error(&e, text, offset_in(raw, text)))
}

/// One piece parsed into a value; an error (nesting deeper than 128 levels) is placed in `text`.
pub(crate) fn value(raw: &RawValue, text: &str) -> Result<Value, Error> {
    serde_json::from_str(raw.get()).map_err(|e| syntax_error(&e, text, offset_in(raw, text)))
}

/// Where `raw` starts in `text`, in bytes (0 when it was not cut from `text`).
fn offset_in(raw: &RawValue, text: &str) -> usize {
    (raw.get().as_ptr() as usize)
        .checked_sub(text.as_ptr() as usize)
        .filter(|&o| o <= text.len())
        .unwrap_or(0)
}

/// A serde_json error in the piece starting at byte `start` of `text`, as a syntax error at its
/// line and column in `text`.
fn syntax_error(e: &serde_json::Error, text: &str, start: usize) -> Error {
    let before = &text[..start];
    let line0 = before.matches('\n').count();
    let col0 = before.rsplit('\n').next().map_or(0, |l| l.chars().count());
    let (line, column) = (e.line().max(1), e.column().max(1));
    Error::Syntax {
        line: line0 + line,
        column: if line == 1 { col0 + column } else { column },
        message: e
            .to_string()
            .split(" at line ")
            .next()
            .unwrap_or("")
            .to_string(),
    }
}

/// An object's members as raw pieces; see [`members`].
struct Members<'a>(Vec<(String, &'a RawValue)>);

impl<'de> Deserialize<'de> for Members<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct MembersVisitor;
        impl<'de> Visitor<'de> for MembersVisitor {
            type Value = Members<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Members<'de>, A::Error> {
                let mut out: Vec<(String, &'de RawValue)> = Vec::new();
                let mut index: HashMap<String, usize> = HashMap::new();
                while let Some((key, raw)) = map.next_entry::<String, &'de RawValue>()? {
                    match index.get(&key) {
                        Some(&i) => out[i].1 = raw,
                        None => {
                            index.insert(key.clone(), out.len());
                            out.push((key, raw));
                        }
                    }
                }
                Ok(Members(out))
            }
        }
        d.deserialize_map(MembersVisitor)
    }
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn members_keep_first_position_and_last_value() {
        let text = r#"{"b": 1, "a": [2], "b": {"c": 3}}"#;
        let doc = document(text).unwrap();
        let m = members(doc, text).unwrap();
        let keys: Vec<&str> = m.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["b", "a"]);
        assert_eq!(member(&m, "b").unwrap().get(), r#"{"c": 3}"#);
        assert_eq!(kind(member(&m, "a").unwrap()), "an array");
    }

    #[test]
    fn deep_nesting_in_an_item_is_an_error_placed_in_the_whole_text() {
        let deep = format!("{}1{}", "[".repeat(200), "]".repeat(200));
        let text = format!("{{\"stops\": [\n  {{}},\n  {deep}\n]}}");
        let doc = document(&text).unwrap();
        let stops = items(
            member(&members(doc, &text).unwrap(), "stops").unwrap(),
            &text,
        )
        .unwrap();
        assert_eq!(stops.len(), 2);
        match value(stops[1], &text).unwrap_err() {
            Error::Syntax {
                line,
                column,
                message,
            } => {
                assert_eq!(line, 3);
                assert_eq!(column, 2 + 128, "the 128th `[` after two spaces");
                assert!(message.contains("recursion limit exceeded"), "{message}");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_document_nested_100000_deep_is_checked_without_overflowing() {
        let text = format!("{}1{}", "[".repeat(100_000), "]".repeat(100_000));
        let doc = document(&text).unwrap();
        assert_eq!(kind(doc), "an array");
        assert!(value(doc, &text).is_err());
    }
}
