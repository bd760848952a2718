//! The R*Tree spatial index of a feature table, as the GeoPackage `gpkg_rtree_index`
//! extension: the virtual table, its registration and the six triggers that keep it in step.

use super::Table;
use rusqlite::{Connection, params};

/// The R*Tree of a table's envelopes, registered as the `gpkg_rtree_index` extension, with the
/// triggers of GeoPackage 1.3 that keep it in step when another program edits the table.
pub(super) fn spatial_index(db: &Connection, t: &Table) -> rusqlite::Result<()> {
    let (table, rtree) = (t.name, format!("rtree_{}_geom", t.name));
    db.execute_batch(&format!(
        "CREATE VIRTUAL TABLE {rtree} USING rtree(id, minx, maxx, miny, maxy);"
    ))?;
    let mut insert = db.prepare(&format!("INSERT INTO {rtree} VALUES (?1, ?2, ?3, ?4, ?5)"))?;
    for (i, (_, e, _)) in t.rows.iter().enumerate() {
        insert.execute(params![i as i64 + 1, e[0], e[2], e[1], e[3]])?;
    }
    db.execute(
        "INSERT INTO gpkg_extensions VALUES (?1, 'geom', 'gpkg_rtree_index',
         'http://www.geopackage.org/spec120/#extension_rtree', 'write-only')",
        [table],
    )?;
    db.execute_batch(&rtree_triggers(table, "geom"))
}

/// The six triggers of the GeoPackage 1.3 R*Tree extension for column `c` of table `t`.
fn rtree_triggers(t: &str, c: &str) -> String {
    let r = format!("rtree_{t}_{c}");
    format!(
        "CREATE TRIGGER {r}_insert AFTER INSERT ON {t} WHEN (new.{c} NOT NULL AND NOT ST_IsEmpty(NEW.{c}))
BEGIN INSERT OR REPLACE INTO {r} VALUES (NEW.fid, ST_MinX(NEW.{c}), ST_MaxX(NEW.{c}), ST_MinY(NEW.{c}), ST_MaxY(NEW.{c})); END;
CREATE TRIGGER {r}_update1 AFTER UPDATE OF {c} ON {t} WHEN OLD.fid = NEW.fid AND (NEW.{c} NOTNULL AND NOT ST_IsEmpty(NEW.{c}))
BEGIN INSERT OR REPLACE INTO {r} VALUES (NEW.fid, ST_MinX(NEW.{c}), ST_MaxX(NEW.{c}), ST_MinY(NEW.{c}), ST_MaxY(NEW.{c})); END;
CREATE TRIGGER {r}_update2 AFTER UPDATE OF {c} ON {t} WHEN OLD.fid = NEW.fid AND (NEW.{c} ISNULL OR ST_IsEmpty(NEW.{c}))
BEGIN DELETE FROM {r} WHERE id = OLD.fid; END;
CREATE TRIGGER {r}_update3 AFTER UPDATE ON {t} WHEN OLD.fid != NEW.fid AND (NEW.{c} NOTNULL AND NOT ST_IsEmpty(NEW.{c}))
BEGIN DELETE FROM {r} WHERE id = OLD.fid; INSERT OR REPLACE INTO {r} VALUES (NEW.fid, ST_MinX(NEW.{c}), ST_MaxX(NEW.{c}), ST_MinY(NEW.{c}), ST_MaxY(NEW.{c})); END;
CREATE TRIGGER {r}_update4 AFTER UPDATE ON {t} WHEN OLD.fid != NEW.fid AND (NEW.{c} ISNULL OR ST_IsEmpty(NEW.{c}))
BEGIN DELETE FROM {r} WHERE id IN (OLD.fid, NEW.fid); END;
CREATE TRIGGER {r}_delete AFTER DELETE ON {t} WHEN old.{c} NOT NULL
BEGIN DELETE FROM {r} WHERE id = OLD.fid; END;"
    )
}
