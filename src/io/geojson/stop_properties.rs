//! A stop from the properties of its Point feature: the stop fields by name, tripmap's own
//! derived columns read back into times (or skipped), and every other property kept as an extra.

use super::super::json_value::optional_string;
use crate::error::{Error, StopRef};
use crate::model::{Stop, StopBuilder};
use serde_json::{Map, Value};

/// Properties read into stop fields.
const FIELDS: &[&str] = &[
    "name", "arrive", "depart", "tz", "note", "kind", "place", "mode",
];
/// Properties tripmap derives when writing (now and before the typed schema), read into the
/// stop's times and order or skipped.
const DERIVED: &[&str] = &[
    "seq",
    "input_no",
    "arr_date",
    "arr_time",
    "arr_utc",
    "dep_date",
    "dep_time",
    "dep_utc",
    "order",
    "input_index",
    "arrive_utc",
    "depart_utc",
    "day",
    "trip",
];

/// Stop `number`, at (`lon`, `lat`), from the properties of its Point feature.
pub(super) fn read_stop(
    props: &Map<String, Value>,
    lon: f64,
    lat: f64,
    number: usize,
) -> Result<Stop, Error> {
    let at = StopRef {
        number,
        name: props
            .get("name")
            .and_then(Value::as_str)
            .map(str::to_string),
    };
    let text = |k: &str| optional_string(props, k, &at);
    let extra = props
        .iter()
        .filter(|(k, v)| {
            !v.is_null() && !FIELDS.contains(&k.as_str()) && !DERIVED.contains(&k.as_str())
        })
        .map(|(k, v)| {
            let own = |base: &str| {
                FIELDS
                    .iter()
                    .chain(DERIVED)
                    .any(|f| f.eq_ignore_ascii_case(base))
            };
            let name = match k.strip_prefix("input_") {
                Some(base) if own(base) => base,
                _ => k.as_str(),
            };
            (name.to_string(), v.clone())
        })
        .collect();
    let tz = text("tz")?;
    let zone = tz.as_deref().and_then(|z| crate::model::time_zone(z).ok());
    let arrive = match text("arrive")? {
        Some(a) => Some(a),
        None => when_from_columns(props, "arr", zone.as_ref()),
    };
    let depart = match text("depart")? {
        Some(d) => Some(d),
        None => when_from_columns(props, "dep", zone.as_ref()),
    };
    StopBuilder {
        name: text("name")?,
        place: text("place")?,
        lat: Some(lat),
        lon: Some(lon),
        arrive,
        depart,
        tz,
        note: text("note")?,
        kind: text("kind")?,
        mode: text("mode")?,
        extra,
    }
    .validate(number)
}

/// A time as tripmap's typed columns `<prefix>_date`, `<prefix>_time` and `<prefix>_utc` give
/// it, as text for [`crate::model::When::parse`]: the local time (with the stop's zone `tz`)
/// when it names the same instant as the UTC column, else the instant in the offset the local
/// clock shows, else the local time, else the day.
fn when_from_columns(
    props: &Map<String, Value>,
    prefix: &str,
    tz: Option<&jiff::tz::TimeZone>,
) -> Option<String> {
    let get = |k: &str| props.get(&format!("{prefix}_{k}")).and_then(Value::as_str);
    let date = get("date")?;
    let Some(time) = get("time") else {
        return Some(date.to_string());
    };
    let local = format!("{date}T{time}");
    let Some(utc) = get("utc").and_then(|u| u.parse::<jiff::Timestamp>().ok()) else {
        return Some(local);
    };
    let dt: jiff::civil::DateTime = local.parse().ok()?;
    if let Some(tz) = tz
        && tz.to_ambiguous_timestamp(dt).compatible().ok() == Some(utc)
    {
        return Some(local);
    }
    let offset_s = jiff::tz::Offset::UTC.to_timestamp(dt).ok()?.as_second() - utc.as_second();
    let offset = jiff::tz::Offset::from_seconds(i32::try_from(offset_s).ok()?).ok()?;
    Some(crate::model::When::Instant(offset.to_datetime(utc), offset).to_string())
}
