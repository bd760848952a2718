//! GeoJSON layers (RFC 7946): `stops.geojson` (a Point per stop) and `legs.geojson` (a
//! LineString per leg, a MultiLineString cut at ±180° where a leg crosses the antimeridian).
//!
//! Built with the `geojson` crate's types. Coordinates are rounded to 6 decimals (about 0.1 m);
//! every feature of a layer has the properties of [`super::schema`] in the same order (null
//! where unknown), then the extra columns, so the attribute table in QGIS has stable columns and
//! every column is typed the same in every trip. A recorded leg's per-point times and elevations
//! go in a `recording` member of its feature (beside `properties`, shaped like the geometry's
//! coordinates), so they never become an attribute column.

use super::cut::{CutLeg, cut_leg};
use super::lon_lat_bbox;
use super::schema::{self, ExtraColumns, round6};
use crate::model::Route;
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

/// Both layers for a route.
pub fn layers(route: &Route) -> Layers {
    Layers {
        stops: to_text(&stops_collection(route)),
        legs: to_text(&legs_collection(route)),
    }
}

/// The stops layer as a `FeatureCollection`.
pub fn stops_collection(route: &Route) -> FeatureCollection {
    let columns = ExtraColumns::of(route, &[]);
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
                stop_properties(i, route, &columns),
                None,
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
    let cut: Vec<CutLeg> = route.legs.iter().map(cut_leg).collect();
    let bbox = lon_lat_bbox(
        cut.iter()
            .flat_map(|c| c.parts.iter().flatten())
            .map(|&(x, y)| (round6(x), round6(y))),
    );
    // One geometry type per layer: if any leg is cut at ±180°, every leg is a MultiLineString,
    // so GDAL and QGIS see a single-type layer instead of "Unknown (any)".
    let multi = cut.iter().any(|c| c.parts.len() > 1);
    let features: Vec<Feature> = route
        .legs
        .iter()
        .zip(&cut)
        .enumerate()
        .map(|(i, (leg, c))| {
            let props = row_object(schema::LEG_FIELDS, schema::leg_row(i, leg, route));
            feature(leg_geometry(&c.parts, multi), props, recording(c, multi))
        })
        .collect();
    collection("legs", features, bbox)
}

/// A leg's line from its `parts`: a LineString, or a MultiLineString when the layer is `multi`.
fn leg_geometry(parts: &[Vec<(f64, f64)>], multi: bool) -> GeometryValue {
    let line = |part: &Vec<(f64, f64)>| {
        part.iter()
            .map(|&(x, y)| vec![round6(x), round6(y)].into())
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

/// The `recording` member of a recorded leg's feature: `times` (ISO 8601 UTC) and `ele_m`
/// (metres), one value or null per position, nested per part like the coordinates of a
/// MultiLineString when the layer is `multi`; `None` when nothing was recorded.
fn recording(cut: &CutLeg, multi: bool) -> Option<JsonObject> {
    let shape = |per_part: Vec<Vec<Value>>| -> Value {
        if multi {
            json!(per_part)
        } else {
            json!(per_part.into_iter().next().unwrap_or_default())
        }
    };
    let mut members = JsonObject::new();
    if !cut.times.is_empty() {
        let times = cut
            .times
            .iter()
            .map(|p| {
                p.iter()
                    .map(|t| t.map_or(Value::Null, |t| json!(t.to_string())))
                    .collect()
            })
            .collect();
        members.insert("times".into(), shape(times));
    }
    if !cut.elevations_m.is_empty() {
        let ele = cut
            .elevations_m
            .iter()
            .map(|p| {
                p.iter()
                    .map(|e| e.map_or(Value::Null, |e| json!(schema::round_to(e, 2))))
                    .collect()
            })
            .collect();
        members.insert("ele_m".into(), shape(ele));
    }
    if members.is_empty() {
        return None;
    }
    let mut outer = JsonObject::new();
    outer.insert("recording".into(), Value::Object(members));
    Some(outer)
}

/// `cells` as properties named by `fields`.
fn row_object(fields: &[schema::Field], cells: Vec<schema::Cell>) -> JsonObject {
    fields
        .iter()
        .zip(cells)
        .map(|(f, c)| (f.name.to_string(), c.to_json()))
        .collect()
}

/// A feature with `geometry`, `properties` and any `foreign` members (no id, no bbox).
fn feature(
    geometry: GeometryValue,
    properties: JsonObject,
    foreign: Option<JsonObject>,
) -> Feature {
    Feature {
        bbox: None,
        geometry: Some(Geometry::new(geometry)),
        id: None,
        properties: Some(properties),
        foreign_members: foreign,
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

/// The properties of stop `i` (0-based, in visiting order): the schema's fields, then a column
/// for every gazetteer fact and input extra of any stop (null where this stop has none).
fn stop_properties(i: usize, route: &Route, columns: &ExtraColumns) -> JsonObject {
    let s = &route.stops[i];
    let mut p = row_object(schema::STOP_FIELDS, schema::stop_row(i, route));
    for (name, value) in columns.names().zip(columns.values(s)) {
        p.insert(name.to_string(), value);
    }
    p
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
    // Each feature is written straight into one buffer sized for the layer (a 100,000-leg layer
    // is half a gigabyte: growing it by doubling copied it over and over).
    let mut out = s.into_bytes();
    out.reserve(estimated_bytes(fc));
    for (i, f) in fc.features.iter().enumerate() {
        let start = out.len();
        if serde_json::to_writer(&mut out, f).is_err() {
            out.truncate(start);
        }
        out.extend_from_slice(if i + 1 < fc.features.len() {
            b",\n"
        } else {
            b"\n"
        });
    }
    out.extend_from_slice(b"]\n}\n");
    // serde_json writes UTF-8 only.
    String::from_utf8(out).unwrap_or_default()
}

/// About how many bytes `fc`'s features take as text: a few hundred for the properties, and
/// about 40 for each position.
fn estimated_bytes(fc: &FeatureCollection) -> usize {
    fc.features
        .iter()
        .map(|f| {
            let positions = match f.geometry.as_ref().map(|g| &g.value) {
                Some(geojson::GeometryValue::LineString { coordinates }) => coordinates.len(),
                Some(geojson::GeometryValue::MultiLineString { coordinates }) => {
                    coordinates.iter().map(Vec::len).sum()
                }
                _ => 1,
            };
            400 + 40 * positions
        })
        .sum()
}
