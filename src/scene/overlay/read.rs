//! Reading an overlay from GeoJSON (a FeatureCollection, one Feature or one bare geometry) or
//! FlatGeobuf (read through the `flatgeobuf` crate into the same GeoJSON reading).
//! Syntax errors name the line and column; the rest name the feature (1-based, in file order)
//! and what is wrong. Sizes are bounded before anything is kept.

use std::path::Path;

use geojson::{GeometryValue, Position};
use serde_json::Value;

use super::{Feature, Overlay, Paint, Shape};
use crate::error::Error;
use crate::model::LonLat;

/// The largest overlay file read, bytes.
const MAX_OVERLAY_BYTES: u64 = 64 * 1024 * 1024;
/// The most features an overlay may have.
const MAX_FEATURES: usize = 100_000;
/// The most positions an overlay may have, all features together.
const MAX_POSITIONS: usize = 2_000_000;

impl Overlay {
    /// Reads the GeoJSON or FlatGeobuf (by its magic bytes) file at `path` (at most 64 MiB).
    ///
    /// # Errors
    /// [`Error::Overlay`] naming the file: missing, too large, or any error of
    /// [`Overlay::from_geojson`] or [`Overlay::from_flatgeobuf`].
    pub fn read(path: &Path) -> Result<Overlay, Error> {
        use std::io::Read;
        let name = path.display().to_string();
        let fail = |e: std::io::Error| Error::Overlay(format!("{name}: cannot read: {e}"));
        let file = std::fs::File::open(path).map_err(fail)?;
        let mut bytes = Vec::new();
        file.take(MAX_OVERLAY_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(fail)?;
        if bytes.len() as u64 > MAX_OVERLAY_BYTES {
            return Err(Error::Overlay(format!(
                "{name}: larger than {} MiB",
                MAX_OVERLAY_BYTES >> 20
            )));
        }
        if bytes.starts_with(b"fgb\x03") {
            return Overlay::from_flatgeobuf(&name, &bytes);
        }
        Overlay::from_geojson(&name, &bytes)
    }

    /// The overlay in the FlatGeobuf `bytes`, named `name` in messages: its features as
    /// GeoJSON, then read as [`Overlay::from_geojson`] reads them (properties included, so
    /// simplestyle and `title` work the same way).
    ///
    /// # Errors
    /// [`Error::Overlay`]: `name: not a readable FlatGeobuf file: …`, more features than an
    /// overlay may have, or any error of [`Overlay::from_geojson`].
    pub fn from_flatgeobuf(name: &str, bytes: &[u8]) -> Result<Overlay, Error> {
        let fail = |e: &dyn std::fmt::Display| {
            Error::Overlay(format!("{name}: not a readable FlatGeobuf file: {e}"))
        };
        let reader =
            flatgeobuf::FgbReader::open(std::io::Cursor::new(bytes)).map_err(|e| fail(&e))?;
        let count = reader.header().features_count();
        if count > MAX_FEATURES as u64 {
            return Err(Error::Overlay(format!(
                "{name}: {count} features; an overlay may have {MAX_FEATURES}"
            )));
        }
        let mut features = reader.select_all_seq().map_err(|e| fail(&e))?;
        let mut json = Vec::new();
        features
            .process_features(&mut geozero::geojson::GeoJsonWriter::new(&mut json))
            .map_err(|e| fail(&e))?;
        Overlay::from_geojson(name, &json)
    }

    /// The overlay in the GeoJSON `bytes`, named `name` in messages.
    ///
    /// # Errors
    /// [`Error::Overlay`]: `name:LINE:COLUMN: …` for JSON syntax, `name: feature N: …` for a
    /// feature whose geometry, coordinates or simplestyle properties cannot be used, and
    /// documents that are not GeoJSON or too large.
    pub fn from_geojson(name: &str, bytes: &[u8]) -> Result<Overlay, Error> {
        let doc: Value = serde_json::from_slice(bytes).map_err(|e| {
            let message = e.to_string();
            let message = message.split(" at line ").next().unwrap_or("").to_string();
            Error::Overlay(format!("{name}:{}:{}: {message}", e.line(), e.column()))
        })?;
        let fail = |m: String| Error::Overlay(format!("{name}: {m}"));
        let kind = doc.get("type").and_then(Value::as_str).unwrap_or("");
        let raw: Vec<Value> = match kind {
            "FeatureCollection" => match doc.get("features") {
                Some(Value::Array(features)) => features.clone(),
                _ => return Err(fail("a FeatureCollection needs a `features` array".into())),
            },
            "Feature" => vec![doc],
            "Point" | "MultiPoint" | "LineString" | "MultiLineString" | "Polygon"
            | "MultiPolygon" | "GeometryCollection" => {
                vec![serde_json::json!({"type": "Feature", "properties": {}, "geometry": doc})]
            }
            other => {
                return Err(fail(format!(
                    "not GeoJSON: the top-level `type` is {other:?} (give a FeatureCollection, \
                     a Feature or a geometry)"
                )));
            }
        };
        if raw.len() > MAX_FEATURES {
            return Err(fail(format!(
                "{} features; at most {MAX_FEATURES}",
                raw.len()
            )));
        }
        let mut budget = MAX_POSITIONS;
        let mut features = Vec::new();
        for (i, value) in raw.into_iter().enumerate() {
            let at = |m: String| fail(format!("feature {}: {m}", i + 1));
            if let Some(f) = feature(value, &mut budget).map_err(at)? {
                features.push(f);
            }
        }
        Ok(Overlay {
            name: name.to_string(),
            features,
        })
    }
}

/// One feature; `None` when it has no geometry.
fn feature(value: Value, budget: &mut usize) -> Result<Option<Feature>, String> {
    let f: geojson::Feature = serde_json::from_value(value).map_err(|e| e.to_string())?;
    let Some(geometry) = f.geometry else {
        return Ok(None);
    };
    let empty = serde_json::Map::new();
    let props = f.properties.as_ref().unwrap_or(&empty);
    let title = match props.get("title") {
        Some(Value::String(s)) => Some(crate::scene::clean_text(s)).filter(|s| !s.is_empty()),
        _ => None,
    };
    Ok(Some(Feature {
        shape: shape(&geometry.value, budget)?,
        paint: Paint::from_properties(props)?,
        title,
    }))
}

/// The geometry as points, lines or areas (a collection must hold one kind).
fn shape(g: &GeometryValue, budget: &mut usize) -> Result<Shape, String> {
    let mut pos = |p: &Position| position(p, budget);
    let line = |l: &[Position], pos: &mut dyn FnMut(&Position) -> Result<LonLat, String>| {
        l.iter().map(pos).collect::<Result<Vec<_>, _>>()
    };
    Ok(match g {
        GeometryValue::Point { coordinates } => Shape::Points(vec![pos(coordinates)?]),
        GeometryValue::MultiPoint { coordinates } => Shape::Points(line(coordinates, &mut pos)?),
        GeometryValue::LineString { coordinates } => {
            Shape::Lines(vec![line(coordinates, &mut pos)?])
        }
        GeometryValue::MultiLineString { coordinates } => Shape::Lines(
            coordinates
                .iter()
                .map(|l| line(l, &mut pos))
                .collect::<Result<_, _>>()?,
        ),
        GeometryValue::Polygon { coordinates } => Shape::Areas(vec![
            coordinates
                .iter()
                .map(|r| line(r, &mut pos))
                .collect::<Result<_, _>>()?,
        ]),
        GeometryValue::MultiPolygon { coordinates } => Shape::Areas(
            coordinates
                .iter()
                .map(|p| p.iter().map(|r| line(r, &mut pos)).collect())
                .collect::<Result<_, _>>()?,
        ),
        GeometryValue::GeometryCollection { geometries } => {
            let mut parts = geometries.iter().map(|g| shape(&g.value, budget));
            let first = parts.next().unwrap_or(Ok(Shape::Points(Vec::new())))?;
            parts.try_fold(first, |acc, next| match (acc, next?) {
                (Shape::Points(mut a), Shape::Points(b)) => {
                    a.extend(b);
                    Ok(Shape::Points(a))
                }
                (Shape::Lines(mut a), Shape::Lines(b)) => {
                    a.extend(b);
                    Ok(Shape::Lines(a))
                }
                (Shape::Areas(mut a), Shape::Areas(b)) => {
                    a.extend(b);
                    Ok(Shape::Areas(a))
                }
                _ => Err("a GeometryCollection mixing points, lines and polygons; \
                          give each kind its own feature"
                    .to_string()),
            })?
        }
    })
}

/// A position as longitude and latitude, counted against `budget`.
fn position(p: &Position, budget: &mut usize) -> Result<LonLat, String> {
    if *budget == 0 {
        return Err(format!(
            "more than {MAX_POSITIONS} positions in the overlay"
        ));
    }
    *budget -= 1;
    let c = p.as_slice();
    if c.len() < 2 {
        return Err(format!("position {c:?} needs a longitude and a latitude"));
    }
    LonLat::new(c[0], c[1]).map_err(|e| format!("position [{}, {}]: {e}", c[0], c[1]))
}

#[cfg(test)]
mod test {
    use super::*;

    fn err(json: &str) -> String {
        Overlay::from_geojson("x.geojson", json.as_bytes())
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn collections_features_and_bare_geometries_are_read() {
        let fc = r##"{"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {"title": "Park", "fill": "#2ca02c"},
             "geometry": {"type": "Polygon", "coordinates": [[[24.94,60.17],[24.95,60.17],[24.95,60.18],[24.94,60.17]]]}},
            {"type": "Feature", "properties": null, "geometry": null},
            {"type": "Feature", "properties": {"title": "Park"},
             "geometry": {"type": "MultiPoint", "coordinates": [[24.94,60.17],[24.95,60.17]]}}]}"##;
        let o = Overlay::from_geojson("park.geojson", fc.as_bytes()).unwrap();
        assert_eq!(
            o.features.len(),
            2,
            "the feature without geometry is left out"
        );
        assert_eq!(o.titles(), ["Park"]);
        assert!(matches!(&o.features[1].shape, Shape::Points(p) if p.len() == 2));
        let bare = Overlay::from_geojson(
            "l.geojson",
            br#"{"type": "LineString", "coordinates": [[0,0],[1,1]]}"#,
        )
        .unwrap();
        assert!(matches!(&bare.features[0].shape, Shape::Lines(l) if l[0].len() == 2));
    }

    #[test]
    fn errors_name_the_file_and_the_line_or_feature() {
        assert_eq!(
            err("{\"type\": \"FeatureCollection\",\n  \"features\": [,]}"),
            "overlay x.geojson:2:16: expected value"
        );
        let e = err(r#"{"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [1, 2]}},
            {"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [200, 2]}}]}"#);
        assert!(
            e.starts_with("overlay x.geojson: feature 2: position [200, 2]"),
            "{e}"
        );
        let e = err(
            r#"{"type": "Feature", "properties": {"stroke": "red"}, "geometry": {"type": "Point", "coordinates": [1, 2]}}"#,
        );
        assert!(
            e.starts_with("overlay x.geojson: feature 1: property `stroke`"),
            "{e}"
        );
        let e = err(r#"{"type": "Topology"}"#);
        assert!(e.contains("not GeoJSON"), "{e}");
        let e = err(r#"{"type": "Feature", "geometry": {"type": "Point", "coordinates": "here"}}"#);
        assert!(e.starts_with("overlay x.geojson: feature 1: "), "{e}");
    }
}
