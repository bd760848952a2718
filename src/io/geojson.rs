//! Reads GeoJSON: a FeatureCollection (or a single Feature) whose Point features are the stops and
//! whose LineString / MultiLineString features are recorded paths.
//!
//! A stop's properties `name`, `arrive`, `depart`, `tz`, `note`, `kind`, `place`, `mode` are its
//! fields; other non-null properties are kept (and written back out). A line's third coordinate
//! is its elevation. What tripmap writes reads back: the stops' times from the `arr_*` and
//! `dep_*` columns, `input_no` restores the input order, `seq` is skipped, `input_<field>`
//! extras get their names back, a recorded leg's `recording` member gives back its times and
//! elevations, and the legs tripmap writes along geodesics (property `path: "geodesic"`) are not
//! taken for recorded paths. Foreign members `title`, `subtitle` and `source` at the top level
//! give the map's title lines. Files written by tripmap before the typed schema (`order`,
//! `input_index`, `arrive`, `depart`) read as well.

use super::json_raw;
use super::json_value::{kind_of, optional_string};
use crate::error::{Error, StopRef};
use crate::format::brief_number;
use crate::limits::Limits;
use crate::model::StopBuilder;
use crate::model::{Itinerary, Samples, Stop, Track};
use serde_json::value::RawValue;
use serde_json::{Map, Value};

/// A JSON object: a feature's properties or its geometry.
type Object = Map<String, Value>;

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
];

/// Parses GeoJSON text into an itinerary. Features are read one at a time (see
/// [`super::json_raw`]); more than `limits.max_stops` Point features or `limits.max_track_points`
/// positions is an error as soon as the count passes the limit.
pub fn read(text: &str, limits: &Limits) -> Result<Itinerary, Error> {
    let doc = json_raw::document(text)?;
    if json_raw::kind(doc) != "an object" {
        return Err(Error::Shape(format!(
            "expected a GeoJSON object, found {}",
            json_raw::kind(doc)
        )));
    }
    let top = json_raw::members(doc, text)?;
    let member = |key: &str| -> Result<Value, Error> {
        json_raw::member(&top, key).map_or(Ok(Value::Null), |raw| json_raw::value(raw, text))
    };
    let features = feature_list(doc, &top, text, &member("type")?)?;
    let (stops, tracks) = read_features(&features, text, limits)?;
    let text_member = |k: &str| member(k).ok().and_then(|v| v.as_str().map(str::to_string));
    Ok(Itinerary {
        title: text_member("title"),
        subtitle: text_member("subtitle"),
        source: text_member("source"),
        stops,
        tracks,
    })
}

/// The raw features of the document `doc` (whose members are `top` and whose `type` member is
/// `doc_type`): a FeatureCollection's list, or the document itself when it is one Feature.
fn feature_list<'a>(
    doc: &'a RawValue,
    top: &[(String, &'a RawValue)],
    text: &str,
    doc_type: &Value,
) -> Result<Vec<&'a RawValue>, Error> {
    match doc_type.as_str() {
        Some("FeatureCollection") => match json_raw::member(top, "features") {
            Some(raw) if json_raw::kind(raw) == "an array" => json_raw::items(raw, text),
            _ => Err(Error::Shape(
                "a FeatureCollection needs a `features` list".into(),
            )),
        },
        Some("Feature") => Ok(vec![doc]),
        Some(other) => Err(Error::Shape(format!(
            "expected a GeoJSON FeatureCollection or Feature, found type `{other}`"
        ))),
        None => Err(Error::Shape(
            "not GeoJSON: the top-level object has no `type`".into(),
        )),
    }
}

/// The stops (Points) and recorded paths (LineStrings) of `features`, within `limits`. Stops are
/// in input order: by `input_index` when every stop has one (tripmap's own `stops.geojson` is in
/// visiting order), else as listed.
fn read_features(
    features: &[&RawValue],
    text: &str,
    limits: &Limits,
) -> Result<(Vec<Stop>, Vec<Track>), Error> {
    let mut stops = Vec::new();
    let mut tracks = Vec::new();
    let mut track_points = 0;
    for (i, raw) in features.iter().enumerate() {
        let fno = i + 1;
        let feature = json_raw::value(raw, text)?;
        let (props, geometry) = properties_and_geometry(fno, &feature)?;
        let gtype = geometry.get("type").and_then(Value::as_str).unwrap_or("");
        let coords = geometry.get("coordinates").unwrap_or(&Value::Null);
        match gtype {
            "Point" => {
                let number = stops.len() + 1;
                let (lon, lat) = position(coords).ok_or_else(|| {
                    Error::Shape(format!(
                        "feature {fno}: a Point's coordinates must be [longitude, latitude]"
                    ))
                })?;
                let index = props
                    .get("input_no")
                    .or_else(|| props.get("input_index"))
                    .and_then(Value::as_u64);
                limits.check_stop_number(number)?;
                stops.push((index, read_stop(&props, lon, lat, number)?));
            }
            "LineString" | "MultiLineString" => {
                if props.get("path").and_then(Value::as_str) == Some("geodesic") {
                    continue;
                }
                let recording = feature_member(&feature, "recording");
                let multi = gtype == "MultiLineString";
                if let Some(t) = track(fno, multi, coords, &props, recording)? {
                    track_points += t.points.len();
                    limits.check_track_points(track_points)?;
                    tracks.push(t);
                }
            }
            other => return Err(neither_stop_nor_path(fno, other)),
        }
    }
    if stops.is_empty() {
        return Err(Error::Shape(
            "the GeoJSON has no Point features: a trip needs at least one stop".into(),
        ));
    }
    if stops.iter().all(|(i, _)| i.is_some()) {
        stops.sort_by_key(|(i, _)| *i);
    }
    Ok((stops.into_iter().map(|(_, s)| s).collect(), tracks))
}

/// The member `key` of a feature, when it is an object.
fn feature_member<'a>(feature: &'a Value, key: &str) -> Option<&'a Object> {
    feature.get(key).and_then(Value::as_object)
}

/// Feature `fno`'s properties (empty when absent or null) and geometry, or an error naming it.
fn properties_and_geometry(fno: usize, feature: &Value) -> Result<(Object, &Object), Error> {
    let Value::Object(f) = feature else {
        return Err(Error::Shape(format!(
            "feature {fno}: expected an object, found {}",
            kind_of(feature)
        )));
    };
    let props = match f.get("properties") {
        Some(Value::Object(p)) => p.clone(),
        None | Some(Value::Null) => Map::new(),
        Some(other) => {
            return Err(Error::Shape(format!(
                "feature {fno}: `properties` must be an object, found {}",
                kind_of(other)
            )));
        }
    };
    let Some(Value::Object(geometry)) = f.get("geometry") else {
        return Err(Error::Shape(format!(
            "feature {fno}: no geometry; a stop needs a Point"
        )));
    };
    Ok((props, geometry))
}

/// The error for feature `fno` whose geometry type `gtype` is neither a Point nor a line.
fn neither_stop_nor_path(fno: usize, gtype: &str) -> Error {
    let gtype = if gtype.is_empty() {
        "a geometry with no type"
    } else {
        gtype
    };
    Error::Shape(format!(
        "feature {fno}: {gtype} is neither a stop (Point) nor a path (LineString)"
    ))
}

/// The recorded track of feature `fno`, a LineString (or a MultiLineString when `multi`) with
/// `coords`, named by its `name` property; `None` when it has no positions. Elevations are the
/// positions' third values, else the `ele_m` of the feature's `recording` member, whose `times`
/// give the points' times (both shaped like `coords`).
fn track(
    fno: usize,
    multi: bool,
    coords: &Value,
    props: &Map<String, Value>,
    recording: Option<&Object>,
) -> Result<Option<Track>, Error> {
    let parts = |v: Option<&Value>| -> Vec<Value> {
        match v {
            Some(Value::Array(a)) if multi => a.clone(),
            Some(v) => vec![v.clone()],
            None => Vec::new(),
        }
    };
    let lines = parts(Some(coords));
    let flat = |v: Option<&Value>| -> Vec<Value> {
        parts(v)
            .into_iter()
            .flat_map(|p| p.as_array().cloned().unwrap_or_default())
            .collect()
    };
    let times = flat(recording.and_then(|r| r.get("times")));
    let ele = flat(recording.and_then(|r| r.get("ele_m")));
    let mut points = Vec::new();
    let mut elevations = Vec::new();
    for line in &lines {
        for (k, p) in line.as_array().into_iter().flatten().enumerate() {
            let (lon, lat) = position(p).ok_or_else(|| {
                Error::Shape(format!(
                    "feature {fno}: position {} is not [longitude, latitude]",
                    k + 1
                ))
            })?;
            if lon.abs() > 180.0 || lat.abs() > 90.0 {
                return Err(Error::Shape(format!(
                    "feature {fno}: position {} [{}, {}] is out of range (longitude within ±180, latitude within ±90)",
                    k + 1,
                    brief_number(lon),
                    brief_number(lat)
                )));
            }
            let altitude = p.get(2).and_then(Value::as_f64);
            elevations.push(altitude.or_else(|| ele.get(points.len()).and_then(Value::as_f64)));
            points.push((lon, lat));
        }
    }
    if points.is_empty() {
        return Ok(None);
    }
    let times: Vec<Option<jiff::Timestamp>> = (0..points.len())
        .map(|i| {
            times
                .get(i)
                .and_then(Value::as_str)
                .and_then(|t| t.parse().ok())
        })
        .collect();
    let name = props
        .get("name")
        .and_then(Value::as_str)
        .map(str::to_string);
    Ok(Some(
        Track::new(name, points).with_samples(Samples::new(times, elevations)),
    ))
}

/// `[lon, lat, ...]` as numbers.
fn position(v: &Value) -> Option<(f64, f64)> {
    let a = v.as_array()?;
    Some((a.first()?.as_f64()?, a.get(1)?.as_f64()?))
}

/// Stop `number`, at (`lon`, `lat`), from the properties of its Point feature.
fn read_stop(props: &Map<String, Value>, lon: f64, lat: f64, number: usize) -> Result<Stop, Error> {
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
    let zone = tz.as_deref().and_then(|z| jiff::tz::TimeZone::get(z).ok());
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

#[cfg(test)]
mod test {
    use super::*;

    fn read(text: &str) -> Result<Itinerary, Error> {
        super::read(text, &Limits::default())
    }

    #[test]
    fn reads_points_and_lines() {
        let it = read(r#"{"type": "FeatureCollection", "title": "T", "features": [
            {"type": "Feature", "geometry": {"type": "Point", "coordinates": [2.35, 48.86]},
             "properties": {"name": "Paris", "arrive": "2024-06-10", "input_note": "x", "order": 1, "gone": null}},
            {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[2.35, 48.86], [4.8, 45.7]]},
             "properties": {"name": "TGV"}}
        ]}"#)
        .unwrap();
        assert_eq!(it.title.as_deref(), Some("T"));
        assert_eq!(it.stops[0].name, "Paris");
        assert_eq!(
            it.stops[0].extra,
            vec![("note".to_string(), Value::from("x"))]
        );
        assert_eq!(it.tracks[0].points, vec![(2.35, 48.86), (4.8, 45.7)]);
    }

    #[test]
    fn typed_time_columns_read_back_as_given() {
        let stop = |props: &str| {
            let text = format!(
                r#"{{"type": "Feature", "geometry": {{"type": "Point", "coordinates": [1, 2]}}, "properties": {{"name": "A", {props}}}}}"#
            );
            let it = read(&text).unwrap();
            it.stops[0].arrive.as_ref().map(|w| w.to_string())
        };
        assert_eq!(stop(r#""arr_date": "2023-11-05""#).unwrap(), "2023-11-05");
        assert_eq!(
            stop(r#""arr_date": "2023-11-05", "arr_time": "14:00:00""#).unwrap(),
            "2023-11-05T14:00:00"
        );
        assert_eq!(
            stop(r#""arr_date": "2023-11-05", "arr_time": "14:00:00", "arr_utc": "2023-11-05T12:00:00Z", "tz": "Asia/Nicosia""#).unwrap(),
            "2023-11-05T14:00:00"
        );
        assert_eq!(
            stop(r#""arr_date": "2023-11-05", "arr_time": "23:30:00", "arr_utc": "2023-11-06T04:30:00Z""#).unwrap(),
            "2023-11-05T23:30:00-05:00"
        );
        assert_eq!(
            stop(r#""arrive": "2023-11-05", "arr_date": "2024-01-01""#).unwrap(),
            "2023-11-05"
        );
    }

    #[test]
    fn bad_features_are_named() {
        let e = read(r#"{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": []}}]}"#).unwrap_err();
        assert_eq!(
            e.to_string(),
            "feature 1: Polygon is neither a stop (Point) nor a path (LineString)"
        );
        let e = read(r#"{"type": "Feature", "properties": {"name": "N"}, "geometry": {"type": "Point", "coordinates": [10, 95]}}"#).unwrap_err();
        assert!(
            e.to_string().starts_with("stop 1 \"N\", field `lat`"),
            "{e}"
        );
        let e = read(r#"{"type": "FeatureCollection", "features": []}"#).unwrap_err();
        assert!(e.to_string().contains("no Point features"), "{e}");
        let e = read("{\"type\": \n}").unwrap_err();
        assert!(matches!(e, Error::Syntax { line: 2, .. }), "{e:?}");
    }
}
