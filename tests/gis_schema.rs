//! The layers' attribute schema as GIS users meet it: every bundled trip rendered as GeoJSON,
//! GeoPackage and FlatGeobuf, each layer read by GDAL's `ogrinfo` and by pyogrio and fiona
//! (Python, each with its own GDAL; `scripts/test.sh` installs them pinned into
//! `target/pytools/gis`), and every column's type compared with the one schema
//! (`tripmap::render::schema`), so the types are the same in every trip and every tool. Also:
//! the README's tables are the schema's, the names need no quoting in SQL and survive a Shapefile
//! export.

mod common;
use common::*;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use tripmap::render::schema::{Field, FieldType, LEG_FIELDS, STOP_FIELDS};

/// The target folder, where `scripts/test.sh` puts the Python tools.
fn target() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// The Python of the virtual environment `env` under `target/pytools`.
pub fn python(env: &str) -> PathBuf {
    let p = target().join("pytools").join(env).join("bin/python");
    assert!(
        p.exists(),
        "{} is missing: run scripts/test.sh, which installs the Python test tools",
        p.display()
    );
    p
}

/// The three formats' layer files of a trip rendered into `dir`.
const LAYER_FILES: &[&str] = &[
    "stops.geojson",
    "legs.geojson",
    "trip.gpkg",
    "stops.fgb",
    "legs.fgb",
];

/// Renders every bundled trip as GeoJSON, GeoPackage and FlatGeobuf under `dir`; returns the
/// layer files.
fn rendered(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for trip in bundled_trips() {
        let out = dir.join(stem(&trip));
        render_ok(&trip, &out, &["--format", "geojson,gpkg,fgb"]);
        files.extend(LAYER_FILES.iter().map(|f| out.join(f)));
    }
    files
}

/// `ogrinfo -so` of `path`: per layer, its fields' GDAL types in order (from lines such as
/// `seq: Integer (0.0) NOT NULL`, not `Geometry: Unknown (any)`).
fn gdal_types(path: &Path) -> BTreeMap<String, Vec<(String, String)>> {
    let text = ogrinfo(&["-so"], path);
    let mut out: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    let mut layer = String::new();
    for line in text.lines() {
        if let Some(name) = line.strip_prefix("Layer name: ") {
            layer = name.to_string();
            out.entry(layer.clone()).or_default();
        } else if let Some((name, rest)) = line.split_once(": ")
            && !line.starts_with(' ')
            && let Some((ty, width)) = rest.split_once(" (")
            && !ty.is_empty()
            && !ty.contains(' ')
            && width.starts_with(|c: char| c.is_ascii_digit())
            && width.contains(')')
        {
            out.entry(layer.clone())
                .or_default()
                .push((name.to_string(), ty.to_string()));
        }
    }
    out
}

/// pyogrio's and fiona's view of `files` (`tests/py/layer_types.py`).
fn python_types(files: &[PathBuf]) -> Value {
    let o = Command::new(python("gis"))
        .arg(root().join("tests/py/layer_types.py"))
        .args(files)
        .output()
        .expect("python runs");
    assert!(o.status.success(), "{}", stderr(&o));
    serde_json::from_slice(&o.stdout).unwrap()
}

/// How a format stores a schema type: (GDAL type, pyogrio dtype, fiona type).
fn expected(format: &str, kind: FieldType) -> (&'static str, &'static str, &'static str) {
    use FieldType::*;
    match (format, kind) {
        (_, Integer) => ("Integer", "int32", "int32"),
        (_, Real) => ("Real", "float64", "float"),
        (_, Text) => ("String", "object", "str"),
        ("fgb", Date | Time) => ("String", "object", "str"),
        (_, Date) => ("Date", "datetime64[D]", "date"),
        ("gpkg", Time) => ("String", "object", "str"),
        (_, Time) => ("Time", "object", "time"),
        (_, DateTime) => ("DateTime", "datetime64[ms]", "datetime"),
        (_, other) => panic!("no expectation for {other:?} yet"),
    }
}

/// The schema fields of a layer.
fn fields_of(layer: &str) -> &'static [Field] {
    match layer {
        "stops" => STOP_FIELDS,
        "legs" => LEG_FIELDS,
        other => panic!("unexpected layer {other}"),
    }
}

/// Every schema column of every layer of every bundled trip has the schema's type in GDAL,
/// pyogrio and fiona; in GeoJSON, a column with no value at all in a trip is String (a reader
/// has nothing to infer a type from), and nothing else differs.
#[test]
fn every_column_has_the_schema_type_in_every_trip_and_tool() {
    let dir = tempfile::tempdir().unwrap();
    let files = rendered(dir.path());
    let py = python_types(&files);
    let mut problems = Vec::new();
    let mut all_null_seen = 0;
    for file in &files {
        let ext = file.extension().unwrap().to_str().unwrap();
        let trip = file
            .parent()
            .unwrap()
            .file_name()
            .unwrap()
            .to_string_lossy();
        for (layer, gdal) in gdal_types(file) {
            let fields = fields_of(&layer);
            let names: Vec<&str> = gdal.iter().map(|(n, _)| n.as_str()).collect();
            let schema_names: Vec<&str> = fields.iter().map(|f| f.name).collect();
            if names.get(..fields.len()) != Some(&schema_names[..]) {
                problems.push(format!("{trip} {ext} {layer}: columns {names:?}"));
                continue;
            }
            for (f, (_, gdal_type)) in fields.iter().zip(&gdal) {
                let p = &py[file.to_str().unwrap()][&layer]["fields"][f.name];
                let seen = (
                    gdal_type.as_str(),
                    p["pyogrio"].as_str().unwrap_or("?"),
                    p["fiona"].as_str().unwrap_or("?"),
                );
                let want = expected(ext, f.kind);
                let untyped_null = ext == "geojson"
                    && p["all_null"] == true
                    && seen == ("String", "object", "str");
                if untyped_null {
                    all_null_seen += 1;
                } else if seen != want {
                    problems.push(format!(
                        "{trip} {ext} {layer}.{}: GDAL, pyogrio, fiona read {seen:?}, the schema says {want:?}",
                        f.name
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // The exception is real (Blinken's departures are days only) and the only one.
    assert!(all_null_seen > 0);
}

/// The README's column tables are the schema's.
#[test]
fn readme_tables_are_the_schema() {
    let path = root().join("README.md");
    let mut readme = read_text(&path);
    let bless = std::env::var_os("TRIPMAP_BLESS").is_some();
    for (name, fields) in [("stops", STOP_FIELDS), ("legs", LEG_FIELDS)] {
        let open = format!("<!-- schema:{name} ");
        let close = format!("<!-- /schema:{name} -->");
        let start = readme.find(&open).expect("README has the marker");
        let start = start + readme[start..].find("-->\n").unwrap() + 4;
        let end = readme.find(&close).expect("README has the closing marker");
        let table = table(fields);
        if bless {
            readme.replace_range(start..end, &table);
        } else {
            assert_eq!(
                readme[start..end],
                table,
                "README's {name} table differs from the schema (TRIPMAP_BLESS=1 cargo test --test gis_schema rewrites it)"
            );
        }
    }
    if bless {
        std::fs::write(&path, readme).unwrap();
    }
}

/// A markdown table of `fields`.
fn table(fields: &[Field]) -> String {
    let mut t =
        String::from("| column | type | unit | null when | what |\n|---|---|---|---|---|\n");
    for f in fields {
        let null = if f.null_when.is_empty() {
            "never"
        } else {
            f.null_when
        };
        t.push_str(&format!(
            "| `{}` | {} | {} | {null} | {} |\n",
            f.name,
            f.kind.name(),
            f.unit,
            f.about
        ));
    }
    t
}

/// The columns need no quoting in SQL: GDAL's own SQL and SQLite's select them by bare name.
#[test]
fn columns_need_no_quoting_in_sql() {
    let dir = tempfile::tempdir().unwrap();
    render_ok(
        "data/trips/europe-rail-2024.csv",
        dir.path(),
        &["--format", "geojson,gpkg"],
    );
    let legs: Vec<&str> = LEG_FIELDS.iter().map(|f| f.name).collect();
    let stops: Vec<&str> = STOP_FIELDS.iter().map(|f| f.name).collect();
    for (file, layer, columns) in [
        ("legs.geojson", "legs", &legs),
        ("stops.geojson", "stops", &stops),
        ("trip.gpkg", "legs", &legs),
        ("trip.gpkg", "stops", &stops),
    ] {
        for dialect in ["OGRSQL", "SQLite"] {
            // `order` is the one name kept though SQL reserves it (every reader of the
            // layers since the first version reads it): it is quoted, every other name is not.
            let quoted: Vec<String> = columns
                .iter()
                .map(|c| {
                    if *c == "order" {
                        "\"order\"".to_string()
                    } else {
                        c.to_string()
                    }
                })
                .collect();
            let sql = format!(
                "SELECT {} FROM {layer} WHERE \"order\" >= 1 ORDER BY \"order\"",
                quoted.join(", ")
            );
            let out = ogrinfo(&["-sql", &sql, "-dialect", dialect], &dir.path().join(file));
            assert!(out.contains("Feature Count"), "{file} {dialect}: {out}");
            assert!(out.contains("order (Integer"), "{file} {dialect}: {out}");
        }
    }
}

/// A Shapefile export keeps every column name whole (GDAL launders names over 10 characters,
/// saying so).
#[test]
fn a_shapefile_export_keeps_every_name() {
    let dir = tempfile::tempdir().unwrap();
    render_ok("data/trips/route66-by-name.json", dir.path(), &[]);
    for layer in ["stops", "legs"] {
        let shp = dir.path().join(format!("{layer}.shp"));
        // Shapefile has no time-of-day or date-time type: as strings, every time is kept.
        let o = Command::new("ogr2ogr")
            .args([
                "-f",
                "ESRI Shapefile",
                "-mapFieldType",
                "Time=String,DateTime=String",
            ])
            .arg(&shp)
            .arg(dir.path().join(format!("{layer}.geojson")))
            .output()
            .expect("ogr2ogr is installed (gdal-bin)");
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(!stderr(&o).contains("aundered"), "{layer}: {}", stderr(&o));
        let shp_names: Vec<String> = gdal_types(&shp)
            .into_values()
            .flatten()
            .map(|(n, _)| n)
            .collect();
        let names: Vec<String> = fields_of(layer)
            .iter()
            .map(|f| f.name.to_string())
            .collect();
        assert_eq!(shp_names[..names.len()], names[..], "{layer}");
    }
}
