//! Reading and writing the formats people already have: GeoJSON, GPX and KML in and out, recorded
//! tracks, round trips through tripmap's own output.

mod common;
use common::*;
use serde_json::Value;
use std::process::Command;
use tripmap::trig;

#[test]
fn stops_geojson_reads_back_to_the_same_stops() {
    for trip in bundled_trips() {
        let dir = tempfile::tempdir().unwrap();
        let first = dir.path().join("first");
        let second = dir.path().join("second");
        render_ok(&trip, &first, &[]);
        let stops = first.join("stops.geojson");
        render_ok(stops.to_str().unwrap(), &second, &[]);
        assert_eq!(
            read_text(&stops),
            read_text(&second.join("stops.geojson")),
            "{trip}: stops.geojson does not read back to the same stops"
        );
        // stops.geojson has no recorded tracks, so legs match only where there were none.
        let legs = read_text(&first.join("legs.geojson"));
        if !legs.contains("\"path\":\"recorded\"") {
            assert_eq!(legs, read_text(&second.join("legs.geojson")), "{trip}");
        }
    }
}

/// The stop fields every format carries: name, position, times as given, zone, kind, note.
fn stop_fields(stops: &Value) -> Vec<Value> {
    stops["features"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let p = &f["properties"];
            serde_json::json!([
                f["geometry"]["coordinates"],
                p["name"],
                p["arr_date"],
                p["arr_time"],
                p["arr_utc"],
                p["dep_date"],
                p["dep_time"],
                p["dep_utc"],
                p["tz"],
                p["kind"],
                p["note"]
            ])
        })
        .collect()
}

#[test]
fn trip_kml_and_trip_gpx_read_back_to_the_same_trip() {
    for trip in bundled_trips() {
        let dir = tempfile::tempdir().unwrap();
        let first = dir.path().join("first");
        render_ok(&trip, &first, &["--format", "geojson,kml,gpx"]);
        for file in ["trip.kml", "trip.gpx"] {
            let again = dir.path().join(file);
            let input = first.join(file);
            render_ok(input.to_str().unwrap(), &again, &["--format", "geojson"]);
            assert_eq!(
                stop_fields(&read_json(&first.join("stops.geojson"))),
                stop_fields(&read_json(&again.join("stops.geojson"))),
                "{trip} via {file}"
            );
            for key in ["title", "subtitle"] {
                assert_eq!(
                    read_json(&first.join("stops.geojson"))[key],
                    read_json(&again.join("stops.geojson"))[key],
                    "{trip} via {file}: {key}"
                );
            }
            // Recorded legs come back as tracks and are followed again: the same legs.
            assert_eq!(
                read_text(&first.join("legs.geojson")),
                read_text(&again.join("legs.geojson")),
                "{trip} via {file}"
            );
        }
    }
}

/// `Feature Count` of the layer called `layer` in `ogrinfo -al` output.
fn feature_count(info: &str, layer: &str) -> usize {
    let at = info
        .find(&format!("Layer name: {layer}\n"))
        .unwrap_or_else(|| panic!("no layer {layer} in {info}"));
    let rest = &info[at..];
    let line = rest
        .lines()
        .find(|l| l.starts_with("Feature Count: "))
        .unwrap();
    line["Feature Count: ".len()..].trim().parse().unwrap()
}

#[test]
fn ogrinfo_opens_trip_kml_and_trip_gpx_and_sees_every_stop() {
    for trip in bundled_trips() {
        let dir = tempfile::tempdir().unwrap();
        render_ok(&trip, dir.path(), &["--format", "geojson,kml,gpx"]);
        let stops = read_json(&dir.path().join("stops.geojson"));
        let names: Vec<String> = stops["features"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["properties"]["name"].as_str().unwrap().to_string())
            .collect();
        let legs = read_json(&dir.path().join("legs.geojson"))["features"]
            .as_array()
            .unwrap()
            .len();
        // The KML's folders are days (or Stops and Legs when nothing is dated), each a layer:
        // count the points and lines over them all.
        let kml = ogrinfo(&["-geom=SUMMARY"], &dir.path().join("trip.kml"));
        // One geometry a feature, written two spaces in ("  MULTILINESTRING : 2 geometries:"
        // lists its parts unindented).
        let geometries = |kind: &str| {
            kml.lines()
                .filter(|l| l.starts_with(&format!("  {kind} : ")))
                .count()
        };
        assert_eq!(geometries("POINT"), names.len(), "{trip}");
        assert_eq!(
            geometries("LINESTRING") + geometries("MULTILINESTRING"),
            legs,
            "{trip}"
        );
        let gpx = ogrinfo(&[], &dir.path().join("trip.gpx"));
        assert_eq!(feature_count(&gpx, "waypoints"), names.len(), "{trip}");
        assert_eq!(feature_count(&gpx, "route_points"), names.len(), "{trip}");
        for name in &names {
            assert!(
                kml.contains(&format!("Name (String) = {name}\n")),
                "{trip}: {name} not in KML"
            );
            assert!(
                gpx.contains(&format!("name (String) = {name}\n")),
                "{trip}: {name} not in GPX"
            );
        }
    }
}

/// The GPX 1.1 schema's sequence for a waypoint (wptType), in order.
const WPT_SEQUENCE: &[&str] = &[
    "ele",
    "time",
    "magvar",
    "geoidheight",
    "name",
    "cmt",
    "desc",
    "src",
    "link",
    "sym",
    "type",
    "fix",
    "sat",
    "hdop",
    "vdop",
    "pdop",
    "ageofdgpsdata",
    "dgpsid",
    "extensions",
];
const GPX_NS: &str = "http://www.topografix.com/GPX/1/1";

/// An error unless every child element of `parent` is named in `sequence` and they come in its
/// order; `in_what` ends the message (" in a point").
fn in_sequence(parent: roxmltree::Node, sequence: &[&str], in_what: &str) -> Result<(), String> {
    let mut last = 0;
    for c in parent.children().filter(|c| c.is_element()) {
        let name = c.tag_name().name();
        let rank = sequence
            .iter()
            .position(|o| *o == name)
            .ok_or(format!("unexpected <{name}>{in_what}"))?;
        if rank < last {
            return Err(format!("<{name}> out of order{in_what}"));
        }
        last = rank;
    }
    Ok(())
}

/// Checks what the GPX 1.1 XSD checks for the elements tripmap writes (no XSD is installed and
/// nothing may be fetched, so the rules are written out here): element order and namespaces,
/// lat in [-90, 90], lon in [-180, 180), times as UTC xsd:dateTime, extensions in another namespace.
fn check_gpx_structure(text: &str) -> Result<(), String> {
    let doc = roxmltree::Document::parse(text).map_err(|e| e.to_string())?;
    let root = doc.root_element();
    if root.tag_name().namespace() != Some(GPX_NS) || root.tag_name().name() != "gpx" {
        return Err("root is not {GPX 1.1}gpx".into());
    }
    if root.attribute("version") != Some("1.1") || root.attribute("creator").is_none() {
        return Err("gpx needs version=\"1.1\" and a creator".into());
    }
    for child in root.children().filter(|c| c.is_element()) {
        if child.tag_name().namespace() != Some(GPX_NS) {
            return Err(format!(
                "{:?} is outside the GPX namespace",
                child.tag_name()
            ));
        }
    }
    in_sequence(root, &["metadata", "wpt", "rte", "trk", "extensions"], "")?;
    for pt in root
        .descendants()
        .filter(|n| n.is_element() && matches!(n.tag_name().name(), "wpt" | "rtept" | "trkpt"))
    {
        let coord = |name: &str| -> Result<f64, String> {
            let raw = pt.attribute(name).ok_or(format!("no {name}"))?;
            raw.parse().map_err(|_| name.to_string())
        };
        let (lat, lon) = (coord("lat")?, coord("lon")?);
        if !(-90.0..=90.0).contains(&lat) || !(-180.0..180.0).contains(&lon) {
            return Err(format!("point {lon},{lat} out of the schema's range"));
        }
        in_sequence(pt, WPT_SEQUENCE, " in a point")?;
        for c in pt.children().filter(|c| c.is_element()) {
            let name = c.tag_name().name();
            if name == "time" {
                let t = c.text().unwrap_or("");
                if t.len() != 20 || !t.ends_with('Z') || t.parse::<jiff::Timestamp>().is_err() {
                    return Err(format!("time `{t}` is not a UTC xsd:dateTime"));
                }
            }
            if name == "extensions" {
                for e in c.children().filter(|e| e.is_element()) {
                    if e.tag_name().namespace() == Some(GPX_NS)
                        || e.tag_name().namespace().is_none()
                    {
                        return Err("extension elements must be in another namespace".into());
                    }
                }
            }
        }
    }
    Ok(())
}

#[test]
fn trip_gpx_follows_the_gpx_1_1_schema() {
    for trip in bundled_trips() {
        let dir = tempfile::tempdir().unwrap();
        render_ok(&trip, dir.path(), &["--format", "gpx"]);
        let text = read_text(&dir.path().join("trip.gpx"));
        if let Err(e) = check_gpx_structure(&text) {
            panic!("{trip}: {e}");
        }
    }
    // The check can fail.
    assert!(check_gpx_structure(r#"<gpx xmlns="http://www.topografix.com/GPX/1/1" version="1.1" creator="x"><wpt lat="1" lon="180"/></gpx>"#).is_err());
    assert!(check_gpx_structure(r#"<gpx xmlns="http://www.topografix.com/GPX/1/1" version="1.1" creator="x"><wpt lat="1" lon="2"><name>a</name><time>2024-01-01T00:00:00Z</time></wpt></gpx>"#).is_err());
    assert!(check_gpx_structure(r#"<gpx xmlns="http://www.topografix.com/GPX/1/1" version="1.1" creator="x"><rte/><wpt lat="1" lon="2"/></gpx>"#).is_err());
}

#[test]
fn a_gpx_track_becomes_the_recorded_leg_and_simplify_thins_it() {
    let dir = tempfile::tempdir().unwrap();
    let full = dir.path().join("full");
    let thin = dir.path().join("thin");
    let trip = "data/trips/helsinki-tallinn-2024.gpx";
    render_ok(trip, &full, &[]);
    render_ok(trip, &thin, &["--simplify", "500"]);
    let legs = read_json(&full.join("legs.geojson"));
    let ferry = &legs["features"][0];
    assert_eq!(ferry["properties"]["path"], "recorded");
    assert_eq!(legs["features"][1]["properties"]["path"], "geodesic");
    let points = |v: &Value| v["geometry"]["coordinates"].as_array().unwrap().len();
    // 121 recorded fixes plus the two stops at the ends.
    assert_eq!(points(ferry), 123);
    let thin_ferry = &read_json(&thin.join("legs.geojson"))["features"][0];
    assert!(points(thin_ferry) < 30, "{}", points(thin_ferry));
    assert_eq!(
        ferry["geometry"]["coordinates"][0],
        thin_ferry["geometry"]["coordinates"][0]
    );
}

#[test]
fn stdout_writes_one_output_and_no_files() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("never");
    let o = tripmap(&[
        "render",
        "data/trips/blinken-2023-11.json",
        "--stdout",
        "kml",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(text.starts_with("<?xml") && text.contains("<name>Tokyo</name>"));
    assert!(!out.exists());
    // Standard input in, standard output out.
    let o = tripmap_with_stdin(
        &["render", "-", "--from", "gpx", "--stdout", "stops"],
        read_text(&root().join("data/trips/helsinki-tallinn-2024.gpx")),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let stops: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(stops["features"][2]["properties"]["name"], "Tartu");
    let o = tripmap(&[
        "render",
        "data/trips/blinken-2023-11.json",
        "--stdout",
        "gpx",
        "--format",
        "kml",
    ]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn batch_renders_the_good_files_and_reports_the_bad_one() {
    let dir = tempfile::tempdir().unwrap();
    let weird = dir.path().join("..we ird;name.json");
    std::fs::copy(root().join("data/trips/pacific-2024.json"), &weird).unwrap();
    let out = dir.path().join("maps");
    let o = tripmap(&[
        "render",
        "data/trips/blinken-2023-11.json",
        "tests/fixtures/bad/malformed.gpx",
        "data/trips/portugal-2024.kml",
        weird.to_str().unwrap(),
        "--format",
        "geojson,kml",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("malformed.gpx:4:31: malformed XML"), "{err}");
    assert!(
        err.contains("rendered 3 of 4 trips; 1 failed: tests/fixtures/bad/malformed.gpx"),
        "{err}"
    );
    let mut folders: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    folders.sort();
    assert_eq!(folders, ["blinken-2023-11", "portugal-2024", "we_ird_name"]);
    for f in &folders {
        assert!(out.join(f).join("trip.kml").exists(), "{f}");
        assert!(out.join(f).join("stops.geojson").exists(), "{f}");
    }
    // Stdin cannot join a batch.
    let o = tripmap(&["render", "data/trips/blinken-2023-11.json", "-"]);
    assert_eq!(o.status.code(), Some(2));
}

/// Pixels of the route's red (#c8372d, as drawn by the light theme) in RGBA bytes: strongly red,
/// little green or blue.
fn route_pixels(rgba: &[u8]) -> usize {
    rgba.chunks_exact(4)
        .filter(|p| p[3] > 200 && p[0] > 150 && p[1] < 110 && p[2] < 100)
        .count()
}

#[test]
fn map_png_has_the_svg_size_times_scale_and_draws_the_route_as_rsvg_does() {
    let dir = tempfile::tempdir().unwrap();
    render_ok(
        "data/trips/helsinki-tallinn-2024.gpx",
        dir.path(),
        &["--format", "svg,png", "--scale", "1.5"],
    );
    let svg = read_text(&dir.path().join("map.svg"));
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let size = |a: &str| -> f64 { doc.root_element().attribute(a).unwrap().parse().unwrap() };
    let (w, h) = (
        (size("width") * 1.5).ceil() as u32,
        (size("height") * 1.5).ceil() as u32,
    );
    let png = std::fs::read(dir.path().join("map.png")).unwrap();
    let ours = resvg::tiny_skia::Pixmap::decode_png(&png).unwrap();
    assert_eq!((ours.width(), ours.height()), (w, h));
    let ours_red = route_pixels(ours.data());
    // A 1.8 px line over a few hundred px of route, at 1.5x, plus three markers.
    assert!(ours_red > 2000, "{ours_red} route pixels");
    // An independent renderer (librsvg) draws about as much route from the same SVG.
    let reference = dir.path().join("rsvg.png");
    let o = Command::new("rsvg-convert")
        .args(["--zoom", "1.5", "-o"])
        .arg(&reference)
        .arg(dir.path().join("map.svg"))
        .output()
        .expect("rsvg-convert is installed (Debian librsvg2-bin; scripts/test.sh installs it)");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let theirs = resvg::tiny_skia::Pixmap::decode_png(&std::fs::read(&reference).unwrap()).unwrap();
    assert_eq!((theirs.width(), theirs.height()), (w, h));
    let theirs_red = route_pixels(theirs.data());
    let ratio = ours_red as f64 / theirs_red as f64;
    assert!(
        (0.8..1.25).contains(&ratio),
        "resvg {ours_red} vs librsvg {theirs_red}"
    );
    // And the same pixels mostly: the route's pixels from one are route pixels in the other.
    let red = |p: &[u8]| p[3] > 200 && p[0] > 150 && p[1] < 110 && p[2] < 100;
    let both = ours
        .data()
        .chunks_exact(4)
        .zip(theirs.data().chunks_exact(4))
        .filter(|(a, b)| red(a) && red(b))
        .count();
    assert!(
        both as f64 > 0.7 * ours_red as f64,
        "{both} of {ours_red} shared"
    );
    // Same input, same PNG bytes.
    let o = tripmap(&[
        "render",
        "data/trips/helsinki-tallinn-2024.gpx",
        "--stdout",
        "png",
        "--scale",
        "1.5",
    ]);
    assert_eq!(o.stdout, png);
}

#[test]
fn a_100000_point_track_stays_whole_in_geojson_and_small_in_the_svg() {
    use tripmap::model::{LonLat, Stop, Track};
    // A wiggly drive from Lyon to Marseille, one point every ~3 m.
    let n = 100_000;
    let points: Vec<(f64, f64)> = (0..n)
        .map(|i| {
            let f = i as f64 / (n - 1) as f64;
            // Zero at both ends, so the track starts and ends at the stops.
            let wiggle = trig::sin(f * 2000.0 * std::f64::consts::PI) * 0.01;
            (
                4.8357 + (5.3698 - 4.8357) * f + wiggle,
                45.764 + (43.2965 - 45.764) * f,
            )
        })
        .collect();
    let stop = |name: &str, lon: f64, lat: f64| {
        let mut s = Stop::named(name);
        s.position = Some(LonLat::new(lon, lat).unwrap());
        s
    };
    let mut itinerary = tripmap::model::Itinerary::new(vec![
        stop("Lyon", 4.8357, 45.764),
        stop("Marseille", 5.3698, 43.2965),
    ]);
    itinerary.title = Some("Drive".into());
    itinerary.tracks = vec![Track::new(None, points)];
    let rendered =
        tripmap::pipeline::render(&itinerary, &tripmap::pipeline::RenderOptions::default())
            .unwrap();
    let file = |name: &str| {
        &rendered
            .files
            .iter()
            .find(|f| f.name == name)
            .unwrap()
            .bytes
    };
    let legs: Value = serde_json::from_slice(file("legs.geojson")).unwrap();
    let coords = legs["features"][0]["geometry"]["coordinates"]
        .as_array()
        .unwrap();
    // Every recorded point, plus the stops at the ends where they differ from the first and last.
    assert!((n..=n + 2).contains(&coords.len()), "{}", coords.len());
    assert!(
        file("map.svg").len() < 300 * 1024,
        "{}",
        file("map.svg").len()
    );
}

#[test]
fn bad_output_options_are_usage_errors() {
    for (args, says) in [
        (
            &["--format", "svg,pdf"][..],
            "invalid value 'pdf' for '--format",
        ),
        (&["--simplify=-5"][..], "not a positive number of metres"),
        (
            &["--simplify", "lots"][..],
            "not a positive number of metres",
        ),
        (&["--scale", "0"][..], "not a scale between 0 and 8"),
        (&["--stdout", "pdf"][..], "invalid value 'pdf'"),
    ] {
        let mut all = vec!["render", "data/trips/blinken-2023-11.json"];
        all.extend_from_slice(args);
        let o = tripmap(&all);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert_stderr_has(&o, says);
    }
}

#[test]
fn a_recorded_track_across_the_antimeridian_is_cut_in_geojson_and_kml_and_wrapped_in_gpx() {
    let (dir, trip) = temp_file(
        "pacific.gpx",
        r#"<gpx version="1.1" creator="t" xmlns="http://www.topografix.com/GPX/1/1">
<wpt lat="-18.1416" lon="178.4419"><name>Suva</name></wpt>
<wpt lat="-13.8333" lon="-171.7667"><name>Apia</name></wpt>
<trk><trkseg><trkpt lat="-18.14" lon="178.44"/><trkpt lat="-17" lon="179.5"/><trkpt lat="-16" lon="-179.5"/>
<trkpt lat="-14.5" lon="-175"/><trkpt lat="-13.84" lon="-171.77"/></trkseg></trk></gpx>"#,
    );
    let out = dir.path().join("out");
    render_ok(
        trip.to_str().unwrap(),
        &out,
        &["--format", "geojson,kml,gpx,svg"],
    );
    let legs = read_json(&out.join("legs.geojson"));
    let leg = &legs["features"][0];
    assert_eq!(leg["properties"]["path"], "recorded");
    assert_eq!(leg["geometry"]["type"], "MultiLineString");
    let parts = leg["geometry"]["coordinates"].as_array().unwrap();
    assert_eq!(parts.len(), 2);
    assert_eq!(parts[0].as_array().unwrap().last().unwrap()[0], 180.0);
    assert_eq!(parts[1][0][0], -180.0);
    let kml = read_text(&out.join("trip.kml"));
    assert!(kml.contains("<MultiGeometry><LineString><tessellate>1</tessellate>"));
    let gpx = read_text(&out.join("trip.gpx"));
    assert!(gpx.contains(r#"<trkpt lat="-16" lon="-179.5"/>"#), "{gpx}");
    check_gpx_structure(&gpx).unwrap();
    // The map's legend says how its one leg was drawn.
    assert!(read_text(&out.join("map.svg")).contains(">Leg, as recorded<"));
    // And the GPX reads back to the same legs.
    let again = dir.path().join("again");
    render_ok(
        out.join("trip.gpx").to_str().unwrap(),
        &again,
        &["--format", "geojson"],
    );
    assert_eq!(
        read_text(&out.join("legs.geojson")),
        read_text(&again.join("legs.geojson"))
    );
}

#[test]
fn batch_folders_with_the_same_name_get_a_number() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("blinken-2023-11.csv");
    std::fs::write(&copy, "name,lat,lon\nA,1,2\nB,3,4\n").unwrap();
    let o = tripmap(&[
        "render",
        "data/trips/blinken-2023-11.json",
        copy.to_str().unwrap(),
        "--format",
        "geojson",
        "-o",
        dir.path().join("out").to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let second = read_json(&dir.path().join("out/blinken-2023-11-2/stops.geojson"));
    assert_eq!(second["features"][1]["properties"]["name"], "B");
    let first = read_json(&dir.path().join("out/blinken-2023-11/stops.geojson"));
    assert_eq!(first["features"].as_array().unwrap().len(), 8);
}
