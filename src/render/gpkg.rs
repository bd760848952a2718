//! `trip.gpkg`: an OGC GeoPackage 1.3 (SQLite) with two feature tables, `stops` (Points) and
//! `legs` (LineStrings, or MultiLineStrings cut at ±180° when a leg crosses it, as in GeoJSON),
//! in WGS 84 (EPSG:4326), each with an R*Tree spatial index (the `gpkg_rtree_index` extension
//! and its triggers).
//!
//! Columns follow [`super::schema`] with declared types: `INTEGER`, `REAL`, `TEXT`, `DATE`
//! (`2023-11-05`), `DATETIME` (`2023-11-05T12:00:00.000Z`); a wall-clock time is `TEXT`
//! (`14:00:00`), GeoPackage having no time-of-day type. Extra columns take the type of their
//! values (`INTEGER`, `REAL`, `BOOLEAN`, else `TEXT`). The database is built in memory and
//! serialised, so nothing touches the disk and the same route gives the same bytes
//! (`last_change` is fixed at 1970-01-01 for that reason).

mod geometry_blob;
mod spatial_index;

use super::RenderError;
use super::cut::{CutLeg, cut_leg};
use super::schema::{self, Cell, ExtraColumns, ExtraType, Field, FieldType, round6};
use crate::model::Route;
use geometry_blob::{lines_blob, point_blob};
use rusqlite::{Connection, params, params_from_iter};
use serde_json::Value;
use spatial_index::spatial_index;

/// The file name used in errors.
const FILE: &str = "trip.gpkg";

/// WGS 84 as the GeoPackage spec's own example defines it (OGC WKT 1).
const WGS84_WKT: &str = r#"GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]"#;

/// The tables every GeoPackage has, with the three spatial reference systems it must define.
const CORE: &str = r#"
PRAGMA application_id = 1196444487;
PRAGMA user_version = 10300;
CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY,
  organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL,
  description TEXT);
CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL,
  identifier TEXT UNIQUE, description TEXT DEFAULT '',
  last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
  CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL,
  geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
  CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
  CONSTRAINT uk_gc_table_name UNIQUE (table_name),
  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
  CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
CREATE TABLE gpkg_extensions (table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL,
  definition TEXT NOT NULL, scope TEXT NOT NULL,
  CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name));
INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined',
  'undefined cartesian coordinate reference system');
INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined',
  'undefined geographic coordinate reference system');
"#;

/// The GeoPackage for a route.
pub fn gpkg(route: &Route) -> Result<Vec<u8>, RenderError> {
    build(route).map_err(|e| RenderError::Layer {
        file: FILE,
        message: e.to_string(),
    })
}

/// One feature table: its name, geometry type, columns (name, SQL type) and rows of (geometry
/// as GeoPackage binary, envelope, values).
struct Table {
    name: &'static str,
    geometry_type: &'static str,
    columns: Vec<(String, &'static str)>,
    rows: Vec<(Vec<u8>, [f64; 4], Vec<rusqlite::types::Value>)>,
}

fn build(route: &Route) -> rusqlite::Result<Vec<u8>> {
    let mut db = Connection::open_in_memory()?;
    db.execute_batch(CORE)?;
    db.execute(
        "INSERT INTO gpkg_spatial_ref_sys VALUES ('WGS 84 geodetic', 4326, 'EPSG', 4326, ?1,
         'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid')",
        [WGS84_WKT],
    )?;
    for table in [stops_table(route), legs_table(route)] {
        write_table(&db, &table)?;
    }
    let data = db.serialize(rusqlite::MAIN_DB)?;
    Ok(data.to_vec())
}

/// The `stops` table: a Point per stop, the schema's columns, then the extra columns.
fn stops_table(route: &Route) -> Table {
    let extra = ExtraColumns::of(route, &["fid", "geom"]);
    let types = extra.types(route);
    let mut columns = typed(schema::STOP_FIELDS);
    for (name, t) in extra.names().zip(&types) {
        columns.push((name.to_string(), sql_type(*t)));
    }
    let rows = route
        .stops
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let (x, y) = (round6(s.position.lon()), round6(s.position.lat()));
            let mut values: Vec<_> = schema::stop_row(i, route)
                .into_iter()
                .map(sql_value)
                .collect();
            for (v, t) in extra.values(s).iter().zip(&types) {
                values.push(json_sql_value(v, *t));
            }
            (point_blob(x, y), [x, y, x, y], values)
        })
        .collect();
    Table {
        name: "stops",
        geometry_type: "POINT",
        columns,
        rows,
    }
}

/// The `legs` table: a line per leg, cut at ±180°.
fn legs_table(route: &Route) -> Table {
    let cut: Vec<CutLeg> = route.legs.iter().map(cut_leg).collect();
    let multi = cut.iter().any(|c| c.parts.len() > 1);
    let rows = route
        .legs
        .iter()
        .zip(&cut)
        .enumerate()
        .map(|(i, (leg, c))| {
            let values = schema::leg_row(i, leg, route)
                .into_iter()
                .map(sql_value)
                .collect();
            let (blob, envelope) = lines_blob(&rounded(&c.parts), multi);
            (blob, envelope, values)
        })
        .collect();
    Table {
        name: "legs",
        geometry_type: if multi {
            "MULTILINESTRING"
        } else {
            "LINESTRING"
        },
        columns: typed(schema::LEG_FIELDS),
        rows,
    }
}

/// `parts` with every coordinate rounded to 6 decimals, as in the GeoJSON layers.
pub(crate) fn rounded(parts: &[Vec<(f64, f64)>]) -> Vec<Vec<(f64, f64)>> {
    parts
        .iter()
        .map(|p| p.iter().map(|&(x, y)| (round6(x), round6(y))).collect())
        .collect()
}

/// The schema's fields with their GeoPackage types.
fn typed(fields: &[Field]) -> Vec<(String, &'static str)> {
    fields
        .iter()
        .map(|f| {
            let t = match f.kind {
                FieldType::Integer => "MEDIUMINT",
                FieldType::Real => "REAL",
                FieldType::Text | FieldType::Time => "TEXT",
                FieldType::Date => "DATE",
                FieldType::DateTime => "DATETIME",
            };
            (f.name.to_string(), t)
        })
        .collect()
}

/// The GeoPackage type of an extra column.
fn sql_type(t: ExtraType) -> &'static str {
    match t {
        ExtraType::Integer => "INTEGER",
        ExtraType::Real => "REAL",
        ExtraType::Boolean => "BOOLEAN",
        ExtraType::Text => "TEXT",
    }
}

/// A schema cell as an SQLite value (times as ISO 8601 text).
fn sql_value(cell: Cell) -> rusqlite::types::Value {
    use rusqlite::types::Value as V;
    match cell {
        Cell::Null => V::Null,
        Cell::Integer(i) => V::Integer(i),
        Cell::Real(r) => V::Real(r),
        Cell::DateTime(t) => V::Text(t.strftime("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()),
        other => other.iso_text().map_or(V::Null, V::Text),
    }
}

/// An extra's JSON value in a column of type `t`.
fn json_sql_value(v: &Value, t: ExtraType) -> rusqlite::types::Value {
    use rusqlite::types::Value as V;
    match (v, t) {
        (Value::Null, _) => V::Null,
        (Value::Number(n), ExtraType::Integer) => n.as_i64().map_or(V::Null, V::Integer),
        (Value::Number(n), ExtraType::Real) => n.as_f64().map_or(V::Null, V::Real),
        (Value::Bool(b), ExtraType::Boolean) => V::Integer(i64::from(*b)),
        (Value::String(s), _) => V::Text(s.clone()),
        (other, _) => V::Text(other.to_string()),
    }
}

/// Creates, fills, registers and indexes one feature table.
fn write_table(db: &Connection, t: &Table) -> rusqlite::Result<()> {
    let columns: Vec<String> = t
        .columns
        .iter()
        .map(|(n, ty)| format!("{} {ty}", quote(n)))
        .collect();
    db.execute_batch(&format!(
        "CREATE TABLE {name} (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom {gt}{sep}{cols});",
        name = t.name,
        gt = t.geometry_type,
        sep = if columns.is_empty() { "" } else { ", " },
        cols = columns.join(", ")
    ))?;
    let placeholders = vec!["?"; t.columns.len() + 2].join(", ");
    let names: Vec<String> = t.columns.iter().map(|(n, _)| quote(n)).collect();
    let mut insert = db.prepare(&format!(
        "INSERT INTO {} (fid, geom, {}) VALUES ({placeholders})",
        t.name,
        names.join(", ")
    ))?;
    for (i, (blob, _, values)) in t.rows.iter().enumerate() {
        let fid = rusqlite::types::Value::Integer(i as i64 + 1);
        let blob = rusqlite::types::Value::Blob(blob.clone());
        let all = [fid, blob].into_iter().chain(values.iter().cloned());
        insert.execute(params_from_iter(all))?;
    }
    let (min_x, min_y, max_x, max_y) = extent(&t.rows);
    db.execute(
        "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change,
           min_x, min_y, max_x, max_y, srs_id)
         VALUES (?1, 'features', ?1, ?2, '1970-01-01T00:00:00.000Z', ?3, ?4, ?5, ?6, 4326)",
        params![
            t.name,
            format!("tripmap {}", t.name),
            min_x,
            min_y,
            max_x,
            max_y
        ],
    )?;
    db.execute(
        "INSERT INTO gpkg_geometry_columns VALUES (?1, 'geom', ?2, 4326, 0, 0)",
        params![t.name, t.geometry_type],
    )?;
    spatial_index(db, t)
}

/// The smallest box around every row's envelope (nulls for an empty table).
fn extent(
    rows: &[(Vec<u8>, [f64; 4], Vec<rusqlite::types::Value>)],
) -> (Option<f64>, Option<f64>, Option<f64>, Option<f64>) {
    let mut it = rows.iter().map(|(_, e, _)| *e);
    let Some(first) = it.next() else {
        return (None, None, None, None);
    };
    let b = it.fold(first, |a, e| {
        [
            a[0].min(e[0]),
            a[1].min(e[1]),
            a[2].max(e[2]),
            a[3].max(e[3]),
        ]
    });
    (Some(b[0]), Some(b[1]), Some(b[2]), Some(b[3]))
}
/// A column name in double quotes, any quote inside doubled.
fn quote(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn geometry_blobs_follow_the_standard_layout() {
        let p = point_blob(1.5, -2.0);
        assert_eq!(&p[..8], &[b'G', b'P', 0, 1, 0xE6, 0x10, 0, 0]);
        assert_eq!(p.len(), 8 + 1 + 4 + 16);
        let (l, e) = lines_blob(&[vec![(0.0, 0.0), (2.0, 1.0)]], false);
        assert_eq!(l[3], 3, "little-endian with an xy envelope");
        assert_eq!(e, [0.0, 0.0, 2.0, 1.0]);
        assert_eq!(l.len(), 8 + 32 + 1 + 4 + 4 + 32);
        let (m, _) = lines_blob(
            &[
                vec![(179.0, 0.0), (180.0, 1.0)],
                vec![(-180.0, 1.0), (-179.0, 2.0)],
            ],
            true,
        );
        assert_eq!(u32::from_le_bytes(m[41..45].try_into().unwrap()), 5);
    }

    #[test]
    fn extra_columns_are_typed_by_their_values() {
        let (a, b, n) = (Value::from(1), Value::from(2.5), Value::Null);
        assert_eq!(sql_type(ExtraType::of(&[&a, &n])), "INTEGER");
        assert_eq!(sql_type(ExtraType::of(&[&a, &b])), "REAL");
        assert_eq!(sql_type(ExtraType::of(&[&a, &Value::from("x")])), "TEXT");
        assert_eq!(sql_type(ExtraType::of(&[&n])), "TEXT");
        assert_eq!(
            json_sql_value(&Value::from(true), ExtraType::Boolean),
            rusqlite::types::Value::Integer(1)
        );
        assert_eq!(quote("a\"b"), "\"a\"\"b\"");
    }
}
