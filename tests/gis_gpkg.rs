//! GeoPackage and FlatGeobuf outputs checked by tools nobody here wrote: GDAL opens them without a
//! warning; every bundled trip's `trip.gpkg` passes GDAL's `validate_gpkg.py` and PDOK's
//! `geopackage-validator` (installed pinned by `scripts/test.sh` into `target/pytools/gpkg`,
//! over Debian's GDAL Python bindings), which do fail on a broken file; all bundled trips append
//! into one GeoPackage with every day, time and instant kept; FlatGeobuf files carry their
//! spatial index; legs across the antimeridian are cut as in GeoJSON; the same trip gives the
//! same bytes.

mod common;
use common::*;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The Python of the virtual environment `env` under `target/pytools` (see `scripts/test.sh`).
fn python(env: &str) -> PathBuf {
    let p = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .unwrap()
        .join("pytools")
        .join(env)
        .join("bin/python");
    assert!(
        p.exists(),
        "{} is missing: run scripts/test.sh, which installs the Python test tools",
        p.display()
    );
    p
}

/// Renders every bundled trip with `formats` under `dir`; returns the output folders.
fn rendered(dir: &Path, formats: &str) -> Vec<PathBuf> {
    bundled_trips()
        .iter()
        .map(|trip| {
            let out = dir.join(stem(trip));
            render_ok(trip, &out, &["--format", formats]);
            out
        })
        .collect()
}

/// GDAL's `validate_gpkg.py` on `file`.
fn gdal_validate(file: &Path) -> Output {
    Command::new(python("gpkg"))
        .args(["-m", "osgeo_utils.samples.validate_gpkg"])
        .arg(file)
        .output()
        .unwrap()
}

/// PDOK's `geopackage-validator` on `file`: its JSON report.
fn pdok_validate(file: &Path) -> serde_json::Value {
    let validator = python("gpkg").with_file_name("geopackage-validator");
    let o = Command::new(validator)
        .args(["validate", "--gpkg-path"])
        .arg(file)
        .output()
        .unwrap();
    serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}{}", stdout(&o), stderr(&o)))
}

#[test]
fn every_geopackage_passes_gdal_and_both_validators() {
    let dir = tempfile::tempdir().unwrap();
    for out in rendered(dir.path(), "gpkg,fgb") {
        let gpkg = out.join("trip.gpkg");
        let info = ogrinfo(&["-so"], &gpkg);
        assert!(info.contains("Layer name: stops") && info.contains("Layer name: legs"));
        assert!(info.contains("EPSG\",4326"), "{info}");
        for fgb in ["stops.fgb", "legs.fgb"] {
            ogrinfo(&["-so"], &out.join(fgb));
        }
        let o = gdal_validate(&gpkg);
        assert!(o.status.success(), "{}: {}", gpkg.display(), stderr(&o));
        let report = pdok_validate(&gpkg);
        assert_eq!(report["success"], true, "{}: {report:#}", gpkg.display());
        assert!(report["validations_executed"].as_array().unwrap().len() > 15);
    }
}

#[test]
fn the_validators_do_fail_on_broken_geopackages() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("trip");
    render_ok("data/trips/pacific-2024.json", &out, &["--format", "gpkg"]);
    let good = out.join("trip.gpkg");
    let broken = |name: &str, sql: &str| {
        let path = dir.path().join(name);
        std::fs::copy(&good, &path).unwrap();
        let o = Command::new(python("gpkg"))
            .args(["-c", "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.executescript(sys.argv[2]); c.commit()"])
            .arg(&path)
            .arg(sql)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", stderr(&o));
        path
    };
    let no_trigger = broken("no-trigger.gpkg", "DROP TRIGGER rtree_legs_geom_delete;");
    let o = gdal_validate(&no_trigger);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("trigger missing"), "{}", stderr(&o));
    // PDOK's rtreecheck (RQ10) on an index whose nodes are gone, and its geometry type check
    // (RQ15) on points declared as polygons.
    let no_nodes = broken("no-nodes.gpkg", "DELETE FROM rtree_stops_geom_node;");
    let wrong_type = broken(
        "wrong-type.gpkg",
        "UPDATE gpkg_geometry_columns SET geometry_type_name = 'POLYGON' WHERE table_name = 'stops';",
    );
    for (file, code) in [(no_nodes, "RQ10"), (wrong_type, "RQ15")] {
        let report = pdok_validate(&file);
        assert_eq!(report["success"], false, "{report:#}");
        let codes: Vec<&str> = report["results"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|r| r["validation_code"].as_str())
            .collect();
        assert!(codes.contains(&code), "{code} not in {codes:?}");
    }
}

/// Every bundled trip appended into one GeoPackage, from tripmap's GeoPackages and from its
/// GeoJSON layers: every day, wall-clock time and instant of every trip arrives, and from the
/// GeoPackages every column keeps its type.
#[test]
fn all_trips_append_into_one_geopackage_with_every_time_kept() {
    let dir = tempfile::tempdir().unwrap();
    let outs = rendered(dir.path(), "geojson,gpkg");
    let times = |file: &Path, layer: &str| -> Vec<String> {
        let sql =
            format!("SELECT arr_date, arr_time, arr_utc, dep_date, dep_time, dep_utc FROM {layer}");
        ogrinfo(&["-sql", &sql], file)
            .lines()
            .filter(|l| l.starts_with("  ") && l.contains(" = ") && !l.contains("(null)"))
            .map(|l| l.trim().to_string())
            .collect()
    };
    let mut want: Vec<String> = Vec::new();
    for out in &outs {
        want.extend(times(&out.join("trip.gpkg"), "stops"));
    }
    want.sort();
    assert!(
        want.iter().any(|t| t == "dep_time (String) = 10:30:00"),
        "{want:?}"
    );

    let from_gpkg = dir.path().join("all-from-gpkg.gpkg");
    let from_geojson = dir.path().join("all-from-geojson.gpkg");
    for (i, out) in outs.iter().enumerate() {
        let mut args: Vec<String> = vec!["-f".into(), "GPKG".into()];
        if i > 0 {
            args.extend(["-append".into(), "-addfields".into()]);
        }
        ogr2ogr(&args, &from_gpkg, &out.join("trip.gpkg"), None);
        for layer in ["stops", "legs"] {
            // The first trip's legs go into the file its stops created (without -update,
            // ogr2ogr would start the file again).
            let mut args = args.clone();
            if i == 0 && layer == "legs" {
                args.push("-update".into());
            }
            let src = out.join(format!("{layer}.geojson"));
            ogr2ogr(&args, &from_geojson, &src, Some(layer));
        }
    }
    let mut got = times(&from_gpkg, "stops");
    got.sort();
    assert_eq!(got, want, "appended GeoPackages");
    let info = ogrinfo(&["-so"], &from_gpkg);
    for typed in [
        "arr_date: Date",
        "arr_utc: DateTime",
        "dep_utc: DateTime",
        "dist_km: Real",
    ] {
        assert!(info.contains(typed), "{typed} in {info}");
    }
    // From GeoJSON the values arrive as GDAL read them (a calendar day stays a day; a time keeps
    // its minutes), whatever type the first trip gave a column.
    let got: Vec<String> = times(&from_geojson, "stops")
        .iter()
        .map(|l| {
            l.split(" = ")
                .nth(1)
                .unwrap()
                .replace('/', "-")
                .replace("+00", "")
        })
        .collect();
    for w in &want {
        let value = w
            .split(" = ")
            .nth(1)
            .unwrap()
            .replace('/', "-")
            .replace("+00", "");
        let value = value.trim_end_matches(".000");
        assert!(
            got.iter().any(|g| g.trim_end_matches(".000") == value),
            "{value} was lost appending the GeoJSON layers: {got:?}"
        );
    }
}

/// Runs `ogr2ogr ARGS DST SRC [-nln LAYER]`, failing on an error.
fn ogr2ogr(args: &[String], dst: &Path, src: &Path, layer: Option<&str>) {
    let mut c = Command::new("ogr2ogr");
    c.args(args).arg(dst).arg(src);
    if let Some(l) = layer {
        c.args(["-nln", l]);
    }
    let o = c.output().expect("ogr2ogr is installed (gdal-bin)");
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!stderr(&o).contains("ERROR"), "{}", stderr(&o));
}

#[test]
fn flatgeobuf_has_its_spatial_index_and_antimeridian_legs_are_cut() {
    let dir = tempfile::tempdir().unwrap();
    render_ok(
        "data/trips/pacific-2024.json",
        dir.path(),
        &["--format", "gpkg,fgb,geojson"],
    );
    for layer in ["stops", "legs"] {
        let bytes = std::fs::read(dir.path().join(format!("{layer}.fgb"))).unwrap();
        let reader = flatgeobuf::FgbReader::open(std::io::Cursor::new(&bytes)).unwrap();
        let header = reader.header();
        assert!(header.index_node_size() > 0, "{layer}: no spatial index");
        assert_eq!(header.crs().unwrap().code(), 4326);
    }
    // A box around Honolulu finds its stop through the index (GDAL's spatial filter).
    let hnl = ogrinfo(
        &["-spat", "-158", "21", "-157", "22"],
        &dir.path().join("stops.fgb"),
    );
    assert!(
        hnl.contains("Feature Count: 1") || hnl.contains("Honolulu"),
        "{hnl}"
    );
    // Legs: the same parts meeting at ±180° in every format (legs.fgb keeps an uncut leg a
    // LineString, which GDAL before 3.9.3 needs; read as a one-part MultiLineString here).
    let wkt = |file: &str| -> Vec<String> {
        let mut lines: Vec<String> = ogrinfo(&["-q"], &dir.path().join(file))
            .lines()
            .map(str::trim)
            .filter_map(|l| match l.strip_prefix("LINESTRING (") {
                Some(rest) => Some(format!("MULTILINESTRING (({rest})")),
                None => l.starts_with("MULTILINESTRING").then(|| l.to_string()),
            })
            .collect();
        lines.sort();
        lines
    };
    let from_geojson = wkt("legs.geojson");
    assert_eq!(from_geojson.len(), 4);
    assert_eq!(
        from_geojson.iter().filter(|w| w.contains("180 ")).count(),
        2,
        "two legs cross"
    );
    assert_eq!(wkt("legs.fgb"), from_geojson);
    assert_eq!(wkt("trip.gpkg"), from_geojson);
}

#[test]
fn the_same_trip_gives_the_same_bytes() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    for dir in [&a, &b] {
        render_ok(
            "data/trips/route66-by-name.json",
            dir.path(),
            &["--format", "gpkg,fgb"],
        );
    }
    assert_eq!(snapshot(a.path()), snapshot(b.path()));
}
