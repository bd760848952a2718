//! GeoJSON layers (RFC 7946): `stops.geojson` (a Point per stop) and `legs.geojson` (a
//! LineString per leg, a MultiLineString cut at ±180° where a leg crosses the antimeridian).
//!
//! Built with the `geojson` crate's types. Coordinates are rounded to 6 decimals (about 0.1 m);
//! every feature of a layer has the same properties in the same order (null where unknown), so
//! the attribute table in QGIS has stable columns.

use super::lon_lat_bbox;
use crate::geodesy::split_at_antimeridian;
use crate::model::{Leg, Route, RouteStop, When};
use geojson::{Feature, FeatureCollection, Geometry, GeometryValue, JsonObject};
use serde_json::{Value, json};

/// The two layers as GeoJSON text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layers {
    /// `stops.geojson`: a Point per stop.
    pub stops: String,
    /// `legs.geojson`: a line per leg.
    pub legs: String,
}

/// Property names tripmap writes for stops; input extras with these names get an `input_` prefix.
const STOP_PROPERTIES: &[&str] = &[
    "order",
    "input_index",
    "name",
    "kind",
    "note",
    "place",
    "arrive",
    "depart",
    "arrive_utc",
    "depart_utc",
    "tz",
];

/// Both layers for a route.
pub fn layers(route: &Route) -> Layers {
    Layers {
        stops: to_text(&stops_collection(route)),
        legs: to_text(&legs_collection(route)),
    }
}

/// The stops layer as a `FeatureCollection`.
pub fn stops_collection(route: &Route) -> FeatureCollection {
    let columns = columns(route);
    let features: Vec<Feature> = route
        .stops
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let p = s.position;
            feature(
                GeometryValue::Point {
                    coordinates: vec![round6(p.lon()), round6(p.lat())].into(),
                },
                stop_properties(i, s, &columns),
            )
        })
        .collect();
    let bbox = lon_lat_bbox(
        route
            .stops
            .iter()
            .map(|s| (round6(s.position.lon()), round6(s.position.lat()))),
    );
    let mut fc = collection("stops", features, bbox);
    // The trip's title lines, so that reading stops.geojson back gives the same itinerary.
    if let Some(members) = fc.foreign_members.as_mut() {
        for (key, value) in [
            ("title", &route.meta.title),
            ("subtitle", &route.meta.subtitle),
            ("source", &route.meta.source),
        ] {
            if let Some(v) = value {
                members.insert(key.into(), json!(v));
            }
        }
    }
    fc
}

/// The legs layer as a `FeatureCollection`.
pub fn legs_collection(route: &Route) -> FeatureCollection {
    let cut = cut_legs(route);
    let bbox = lon_lat_bbox(cut.iter().flatten().flatten().copied());
    // One geometry type per layer: if any leg is cut at ±180°, every leg is a MultiLineString,
    // so GDAL and QGIS see a single-type layer instead of "Unknown (any)".
    let multi = cut.iter().any(|parts| parts.len() > 1);
    let features: Vec<Feature> = route
        .legs
        .iter()
        .zip(cut)
        .enumerate()
        .map(|(i, (leg, parts))| {
            feature(leg_geometry(&parts, multi), leg_properties(i, leg, route))
        })
        .collect();
    collection("legs", features, bbox)
}

/// Each leg's path cut at ±180° into parts, rounded to 6 decimals.
fn cut_legs(route: &Route) -> Vec<Vec<Vec<(f64, f64)>>> {
    route
        .legs
        .iter()
        .map(|leg| {
            split_at_antimeridian(&leg.path)
                .into_iter()
                .map(|part| {
                    part.into_iter()
                        .map(|(x, y)| (round6(x), round6(y)))
                        .collect()
                })
                .collect()
        })
        .collect()
}

/// A leg's line from its `parts`: a LineString, or a MultiLineString when the layer is `multi`.
fn leg_geometry(parts: &[Vec<(f64, f64)>], multi: bool) -> GeometryValue {
    let line = |part: &Vec<(f64, f64)>| {
        part.iter()
            .map(|&(x, y)| vec![x, y].into())
            .collect::<Vec<_>>()
    };
    if !multi {
        GeometryValue::LineString {
            coordinates: line(&parts[0]),
        }
    } else {
        GeometryValue::MultiLineString {
            coordinates: parts.iter().map(line).collect(),
        }
    }
}

/// The properties of leg `i` (0-based): its stops, distance, bearing, duration and path kind.
fn leg_properties(i: usize, leg: &Leg, route: &Route) -> JsonObject {
    let from = &route.stops[leg.from];
    let to = &route.stops[leg.to];
    let mut props = JsonObject::new();
    props.insert("order".into(), json!(i + 1));
    props.insert("from".into(), json!(from.stop.name));
    props.insert("to".into(), json!(to.stop.name));
    props.insert("from_order".into(), json!(leg.from + 1));
    props.insert("to_order".into(), json!(leg.to + 1));
    props.insert(
        "distance_km".into(),
        json!(round_to(leg.distance_m / 1000.0, 3)),
    );
    props.insert("bearing_deg".into(), json!(round_to(leg.bearing_deg, 2)));
    props.insert(
        "duration_h".into(),
        leg.duration.map_or(Value::Null, |d| {
            json!(round_to(d.as_secs_f64() / 3600.0, 2))
        }),
    );
    props.insert(
        "path".into(),
        json!(if leg.is_recorded() {
            "recorded"
        } else {
            "geodesic"
        }),
    );
    props.insert(
        "recorded_km".into(),
        leg.recorded_m
            .map_or(Value::Null, |m| json!(round_to(m / 1000.0, 3))),
    );
    props
}

/// A feature with `geometry` and `properties` and nothing else (no id, no bbox).
fn feature(geometry: GeometryValue, properties: JsonObject) -> Feature {
    Feature {
        bbox: None,
        geometry: Some(Geometry::new(geometry)),
        id: None,
        properties: Some(properties),
        foreign_members: None,
    }
}

/// A layer called `name` (the `name` member GDAL and QGIS read) of `features`.
fn collection(name: &str, features: Vec<Feature>, bbox: Option<[f64; 4]>) -> FeatureCollection {
    let mut members = JsonObject::new();
    // GDAL and QGIS take the layer name from this foreign member.
    members.insert("name".into(), json!(name));
    FeatureCollection {
        bbox: bbox.map(|b| b.to_vec()),
        features,
        foreign_members: Some(members),
    }
}

/// The properties of stop `i` (0-based, in visiting order): tripmap's own, then a column for
/// every gazetteer fact and input extra of any stop (null where this stop has none).
fn stop_properties(i: usize, s: &RouteStop, columns: &Columns) -> JsonObject {
    let st = &s.stop;
    let tz = st.time_zone();
    let text = |v: &Option<String>| v.as_ref().map_or(Value::Null, |t| json!(t));
    let when = |w: &Option<When>| w.as_ref().map_or(Value::Null, |w| json!(w.to_string()));
    let utc = |w: &Option<When>| {
        w.as_ref()
            .and_then(|w| w.instant(tz))
            .map_or(Value::Null, |t| {
                json!(t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string())
            })
    };
    let mut p = JsonObject::new();
    p.insert("order".into(), json!(i + 1));
    p.insert("input_index".into(), json!(s.input_index + 1));
    p.insert("name".into(), json!(st.name));
    p.insert("kind".into(), text(&st.kind));
    p.insert("note".into(), text(&st.note));
    p.insert("place".into(), text(&st.place));
    p.insert("arrive".into(), when(&st.arrive));
    p.insert("depart".into(), when(&st.depart));
    p.insert("arrive_utc".into(), utc(&st.arrive));
    p.insert("depart_utc".into(), utc(&st.depart));
    p.insert(
        "tz".into(),
        st.tz.as_ref().map_or(Value::Null, |z| json!(z.name)),
    );
    for key in &columns.resolved {
        let value = st
            .resolved
            .iter()
            .find(|(k, _)| k == key)
            .map_or(Value::Null, |(_, v)| v.clone());
        p.insert(key.clone(), value);
    }
    for key in &columns.extra {
        let value = st
            .extra
            .iter()
            .find(|(k, _)| &extra_name(k) == key)
            .map_or(Value::Null, |(_, v)| v.clone());
        p.insert(key.clone(), value);
    }
    p
}

/// The property columns beyond tripmap's own, so that every feature has the same keys.
struct Columns {
    /// Keys the gazetteer added to any stop, in first-seen order.
    resolved: Vec<String>,
    /// Input extras of any stop, in first-seen order, renamed off tripmap's own names.
    extra: Vec<String>,
}

/// The extra columns of the stops layer.
fn columns(route: &Route) -> Columns {
    let mut resolved: Vec<String> = Vec::new();
    let mut extra: Vec<String> = Vec::new();
    for s in &route.stops {
        for (k, _) in &s.stop.resolved {
            if !resolved.contains(k) {
                resolved.push(k.clone());
            }
        }
    }
    for s in &route.stops {
        for (k, _) in &s.stop.extra {
            let name = extra_name(k);
            if !extra.contains(&name) && !resolved.contains(&name) {
                extra.push(name);
            }
        }
    }
    Columns { resolved, extra }
}

/// The column an input extra called `key` goes in: `input_<key>` when tripmap writes a property
/// of that name itself.
fn extra_name(key: &str) -> String {
    if STOP_PROPERTIES.contains(&key) {
        format!("input_{key}")
    } else {
        key.to_string()
    }
}

/// `v` rounded to 6 decimals (about 0.1 m in degrees).
fn round6(v: f64) -> f64 {
    round_to(v, 6)
}

/// `v` rounded to `decimals` places; -0 becomes 0.
fn round_to(v: f64, decimals: i32) -> f64 {
    let f = 10f64.powi(decimals);
    let r = (v * f).round() / f;
    if r == 0.0 { 0.0 } else { r }
}

/// Serialises a collection with one feature per line (as GDAL writes GeoJSON): readable, diffable,
/// and a fraction of the size of fully pretty-printed JSON.
fn to_text(fc: &FeatureCollection) -> String {
    let mut s = String::from("{\n\"type\": \"FeatureCollection\",\n");
    if let Some(members) = &fc.foreign_members {
        for (k, v) in members {
            s.push_str(&format!("{}: {},\n", json!(k), v));
        }
    }
    if let Some(b) = &fc.bbox {
        s.push_str(&format!("\"bbox\": {},\n", json!(b)));
    }
    s.push_str("\"features\": [\n");
    for (i, f) in fc.features.iter().enumerate() {
        s.push_str(&serde_json::to_string(f).unwrap_or_default());
        s.push_str(if i + 1 < fc.features.len() {
            ",\n"
        } else {
            "\n"
        });
    }
    s.push_str("]\n}\n");
    s
}
