//! `stops.fgb` and `legs.fgb`: FlatGeobuf layers (one layer per file, as the format has it), with
//! the packed Hilbert R-tree spatial index, in WGS 84 (EPSG:4326), written by the `flatgeobuf`
//! crate. Legs are LineStrings; a leg that crosses ±180° is a MultiLineString cut there (as in
//! GeoJSON), and then the layer's geometry type is "Unknown" (mixed), each feature typed on its
//! own. Not MultiLineString throughout: FlatGeobuf stores a one-part MultiLineString without its
//! part ends, which GDAL before 3.9.3 cannot read (GDAL issue 10774).
//!
//! Columns follow [`super::schema`]. FlatGeobuf has no date or time-of-day type (a date-time
//! column would turn a calendar day into an invented midnight), so a day and a wall-clock time
//! are ISO 8601 strings (`2023-11-05`, `14:00:00`); instants are its `DateTime` type. Features
//! are stored in the index's spatial order; `seq` gives the visiting order.

use super::RenderError;
use super::cut::cut_leg;
use super::gpkg::rounded;
use super::schema::{self, Cell, ExtraColumns, ExtraType, Field, FieldType, round6};
use crate::model::Route;
use flatgeobuf::{ColumnType, FgbCrs, FgbWriter, FgbWriterOptions, GeometryType};
use geozero::error::Result as GeozeroResult;
use geozero::{ColumnValue, GeomProcessor, GeozeroGeometry, PropertyProcessor};
use serde_json::Value;

/// A geometry as the FlatGeobuf writer takes it: a point, or lines in parts.
enum Shape<'a> {
    Point(f64, f64),
    Lines(&'a [Vec<(f64, f64)>], bool),
}

impl GeozeroGeometry for Shape<'_> {
    fn process_geom<P: GeomProcessor>(&self, p: &mut P) -> GeozeroResult<()> {
        match self {
            Shape::Point(x, y) => {
                p.point_begin(0)?;
                p.xy(*x, *y, 0)?;
                p.point_end(0)
            }
            Shape::Lines(parts, multi) => {
                let line = |p: &mut P, part: &[(f64, f64)], tagged: bool, idx: usize| {
                    p.linestring_begin(tagged, part.len(), idx)?;
                    for (k, &(x, y)) in part.iter().enumerate() {
                        p.xy(x, y, k)?;
                    }
                    p.linestring_end(tagged, idx)
                };
                if *multi {
                    p.multilinestring_begin(parts.len(), 0)?;
                    for (i, part) in parts.iter().enumerate() {
                        line(p, part, false, i)?;
                    }
                    p.multilinestring_end(0)
                } else {
                    line(p, &parts[0], true, 0)
                }
            }
        }
    }
}

/// `stops.fgb`.
pub fn stops(route: &Route) -> Result<Vec<u8>, RenderError> {
    write_stops(route).map_err(|message| RenderError::Layer {
        file: "stops.fgb",
        message,
    })
}

/// `legs.fgb`.
pub fn legs(route: &Route) -> Result<Vec<u8>, RenderError> {
    write_legs(route).map_err(|message| RenderError::Layer {
        file: "legs.fgb",
        message,
    })
}

/// The message of any error.
fn err(e: impl std::fmt::Display) -> String {
    e.to_string()
}

fn write_stops(route: &Route) -> Result<Vec<u8>, String> {
    let extra = ExtraColumns::of(route, &[]);
    let mut fgb = writer("stops", GeometryType::Point).map_err(err)?;
    declare(&mut fgb, schema::STOP_FIELDS);
    let types: Vec<ColumnType> = extra.types(route).into_iter().map(column_type).collect();
    for (name, t) in extra.names().zip(&types) {
        fgb.add_column(name, *t, |_, col| col.nullable = true);
    }
    let names: Vec<&str> = schema::STOP_FIELDS
        .iter()
        .map(|f| f.name)
        .chain(extra.names())
        .collect();
    for (i, s) in route.stops.iter().enumerate() {
        let cells = schema::stop_row(i, route);
        let extra_values = extra.values(s);
        let shape = Shape::Point(round6(s.position.lon()), round6(s.position.lat()));
        let mut failed = None;
        fgb.add_feature_geom(shape, |feat| {
            for (c, cell) in cells.iter().enumerate() {
                if let Err(e) = write_cell(feat, c, names[c], cell) {
                    failed = Some(e);
                }
            }
            for (k, (v, t)) in extra_values.iter().zip(&types).enumerate() {
                let c = cells.len() + k;
                if let Err(e) = write_json(feat, c, names[c], v, *t) {
                    failed = Some(e);
                }
            }
        })
        .map_err(err)?;
        if let Some(e) = failed {
            return Err(err(e));
        }
    }
    finish(fgb).map_err(err)
}

fn write_legs(route: &Route) -> Result<Vec<u8>, String> {
    let cut: Vec<_> = route.legs.iter().map(cut_leg).collect();
    let geometry_type = if cut.iter().any(|c| c.parts.len() > 1) {
        GeometryType::Unknown
    } else {
        GeometryType::LineString
    };
    let mut fgb = writer("legs", geometry_type).map_err(err)?;
    declare(&mut fgb, schema::LEG_FIELDS);
    for (i, (leg, c)) in route.legs.iter().zip(&cut).enumerate() {
        let cells = schema::leg_row(i, leg, route);
        let mut failed = None;
        let parts = rounded(&c.parts);
        let multi = parts.len() > 1;
        fgb.add_feature_geom(Shape::Lines(&parts, multi), |feat| {
            for (k, cell) in cells.iter().enumerate() {
                if let Err(e) = write_cell(feat, k, schema::LEG_FIELDS[k].name, cell) {
                    failed = Some(e);
                }
            }
        })
        .map_err(err)?;
        if let Some(e) = failed {
            return Err(err(e));
        }
    }
    finish(fgb).map_err(err)
}

/// A writer of layer `name` in WGS 84 with the spatial index.
fn writer(name: &str, geometry_type: GeometryType) -> flatgeobuf::Result<FgbWriter<'static>> {
    FgbWriter::create_with_options(
        name,
        geometry_type,
        FgbWriterOptions {
            write_index: true,
            detect_type: false,
            promote_to_multi: false,
            crs: FgbCrs {
                code: 4326,
                ..Default::default()
            },
            title: Some(name),
            ..Default::default()
        },
    )
}

/// Declares the schema's `fields`, nullable where the schema says they may be null.
fn declare(fgb: &mut FgbWriter, fields: &[Field]) {
    for f in fields {
        let t = match f.kind {
            FieldType::Integer => ColumnType::Int,
            FieldType::Real => ColumnType::Double,
            FieldType::Text | FieldType::Date | FieldType::Time => ColumnType::String,
            FieldType::DateTime => ColumnType::DateTime,
        };
        fgb.add_column(f.name, t, |_, col| col.nullable = !f.null_when.is_empty());
    }
}

/// The FlatGeobuf type of an extra column.
fn column_type(t: ExtraType) -> ColumnType {
    match t {
        ExtraType::Integer => ColumnType::Long,
        ExtraType::Real => ColumnType::Double,
        ExtraType::Boolean => ColumnType::Bool,
        ExtraType::Text => ColumnType::String,
    }
}

/// Writes column `i` (`name`) of the current feature; a null is left out, as FlatGeobuf has it.
fn write_cell(
    feat: &mut impl PropertyProcessor,
    i: usize,
    name: &str,
    cell: &Cell,
) -> GeozeroResult<()> {
    let text = cell.iso_text();
    let value = match cell {
        Cell::Null => return Ok(()),
        // The schema's whole numbers (counts and positions) fit 32 bits.
        Cell::Integer(v) => ColumnValue::Int(i32::try_from(*v).unwrap_or(i32::MAX)),
        Cell::Real(v) => ColumnValue::Double(*v),
        Cell::DateTime(_) => ColumnValue::DateTime(text.as_deref().unwrap_or_default()),
        _ => ColumnValue::String(text.as_deref().unwrap_or_default()),
    };
    feat.property(i, name, &value).map(|_| ())
}

/// Writes an extra's JSON value `v` as column `i` of type `t`.
fn write_json(
    feat: &mut impl PropertyProcessor,
    i: usize,
    name: &str,
    v: &Value,
    t: ColumnType,
) -> GeozeroResult<()> {
    let text;
    let value = match (v, t) {
        (Value::Null, _) => return Ok(()),
        (Value::Number(n), ColumnType::Long) => ColumnValue::Long(n.as_i64().unwrap_or_default()),
        (Value::Number(n), ColumnType::Double) => {
            ColumnValue::Double(n.as_f64().unwrap_or_default())
        }
        (Value::Bool(b), ColumnType::Bool) => ColumnValue::Bool(*b),
        (Value::String(s), _) => ColumnValue::String(s),
        (other, _) => {
            text = other.to_string();
            ColumnValue::String(&text)
        }
    };
    feat.property(i, name, &value).map(|_| ())
}

/// The finished file's bytes.
fn finish(fgb: FgbWriter) -> flatgeobuf::Result<Vec<u8>> {
    let mut out = Vec::new();
    fgb.write(&mut out)?;
    Ok(out)
}
