//! Writes an [`Extraction`] as tripmap's native JSON itinerary: stops with a `place` the
//! gazetteer resolves (so `tripmap render` places them, and a person corrects a stop by editing
//! one field), `arrive`/`depart` days, `kind` (`visit`, `origin`, `return`, or
//! `country`/`territory` for a stop placed at a capital or seat), a `note`, and `properties` with
//! the confidence, cue, evidence sentence and how each date was derived (and `low_confidence:
//! true` on guesses, when no place had a travel cue). Places only mentioned go in `notes`.

use super::Extraction;
use super::places::Scope;
use serde_json::{Map, Value, json};

/// The itinerary as pretty JSON text (two-space indent, fields in a fixed order, a final newline).
pub fn to_json(x: &Extraction, source_name: &str) -> String {
    let mut top = Map::new();
    top.insert(
        "title".into(),
        Value::String(
            x.headline
                .clone()
                .unwrap_or_else(|| format!("Trip extracted from {source_name}")),
        ),
    );
    top.insert(
        "source".into(),
        Value::String(format!(
            "Draft itinerary extracted by tripmap from {source_name} (reference day {} from {}); check every stop",
            x.reference.0, x.reference.1
        )),
    );
    let mut notes = vec![Value::String(
        "Draft: stops, order and dates were read from the text; see each stop's properties for the evidence.".into(),
    )];
    if x.guessed {
        notes.push(Value::String(
            "No place follows a travel cue: the stops are the places the text names, as low-confidence guesses.".into(),
        ));
    }
    if !x.mentioned.is_empty() {
        let list: Vec<String> = x
            .mentioned
            .iter()
            .map(|m| format!("{} ({})", m.name, m.reason))
            .collect();
        notes.push(Value::String(format!(
            "Mentioned, not visited: {}",
            list.join("; ")
        )));
    }
    top.insert("notes".into(), Value::Array(notes));
    // The stops are written one at a time into the text (a long trip never becomes one tree).
    top.insert("stops".into(), Value::Array(Vec::new()));
    let mut out =
        serde_json::to_string_pretty(&Value::Object(top)).expect("JSON values always serialise");
    if !x.stops.is_empty() {
        let mut stops = String::from("[");
        for (i, s) in x.stops.iter().enumerate() {
            let one =
                serde_json::to_string_pretty(&stop(x, s)).expect("JSON values always serialise");
            stops.push_str(if i == 0 { "\n    " } else { ",\n    " });
            stops.push_str(&one.replace('\n', "\n    "));
        }
        stops.push_str("\n  ]");
        let at = out
            .find("\n  \"stops\": []")
            .expect("the stops key is written");
        let key = "\n  \"stops\": ".len();
        out.replace_range(at + key..at + key + 2, &stops);
    }
    out.push('\n');
    out
}

/// One stop as a JSON object.
fn stop(x: &Extraction, s: &super::Stop) -> Value {
    {
        {
            let mut o = Map::new();
            o.insert("name".into(), Value::String(s.place.name.clone()));
            let query = match s.place.scope {
                Scope::Territory => format!(
                    "{}, {}",
                    s.place.seat.clone().unwrap_or_default(),
                    s.place.country_name
                ),
                _ => s.place.query.clone(),
            };
            o.insert("place".into(), Value::String(query));
            if let Some(a) = &s.arrive {
                o.insert("arrive".into(), Value::String(a.date.to_string()));
            }
            if let Some(d) = &s.depart
                && s.arrive.as_ref().is_none_or(|a| a.date <= d.date)
            {
                o.insert("depart".into(), Value::String(d.date.to_string()));
            }
            let kind = match (s.place.scope, s.is_return, s.is_origin) {
                (Scope::Country, _, _) => "country",
                (Scope::Territory, _, _) => "territory",
                (Scope::City, true, _) => "return",
                (Scope::City, false, true) => "origin",
                (Scope::City, false, false) => "visit",
            };
            o.insert("kind".into(), Value::String(kind.into()));
            let seat = s.place.seat.clone().unwrap_or_default();
            let note = match s.place.scope {
                Scope::Country => format!(
                    "The text names the country, not a town: placed at its capital, {seat}. Correct `place` if the visit was elsewhere."
                ),
                Scope::Territory => format!(
                    "The text names the territory, not a town: placed at {seat}. Correct `place` if the visit was elsewhere."
                ),
                Scope::City if !s.replaces.is_empty() => format!(
                    "Named in the text as part of the visit to {}.",
                    s.replaces.join(", ")
                ),
                Scope::City => String::new(),
            };
            if !note.is_empty() {
                o.insert("note".into(), Value::String(note));
            }
            let mut p = Map::new();
            p.insert(
                "confidence".into(),
                json!((s.confidence * 100.0).round() / 100.0),
            );
            p.insert("cue".into(), Value::String(s.cue.clone()));
            p.insert("evidence".into(), Value::String(s.evidence.clone()));
            if x.guessed {
                p.insert("low_confidence".into(), Value::Bool(true));
            }
            p.insert(
                "country_iso2".into(),
                Value::String(s.place.country.clone()),
            );
            if let Some(a) = &s.arrive {
                p.insert("arrive_from".into(), Value::String(a.how.clone()));
            }
            if let Some(d) = &s.depart {
                p.insert("depart_from".into(), Value::String(d.how.clone()));
            }
            o.insert("properties".into(), Value::Object(p));
            Value::Object(o)
        }
    }
}

#[cfg(test)]
mod test {
    use super::super::places::TestIndex;
    use super::super::{Options, extract};
    use super::*;

    #[test]
    fn stops_written_one_at_a_time_read_as_one_pretty_document() {
        let o = Options {
            published: Some(jiff::civil::date(2024, 1, 1)),
        };
        for text in [
            "She flew to Cairo on Monday. She left Cairo for Amman on Tuesday.",
            "Prices rose in Tokyo.",
            "A \"stops\": [] title\n\nShe flew to Cairo.",
        ] {
            let x = extract(text, &o, &TestIndex::sample()).unwrap();
            let out = to_json(&x, "story.txt");
            let v: Value = serde_json::from_str(&out).unwrap();
            let again = serde_json::to_string_pretty(&v).unwrap() + "\n";
            assert_eq!(out, again);
            assert_eq!(v["stops"].as_array().unwrap().len(), x.stops.len());
        }
    }
}
