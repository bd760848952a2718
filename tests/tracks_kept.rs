//! Nothing dropped on the way: a recorded track's times and elevations survive into `trip.gpx`,
//! `trip.kml` (`gx:Track`) and `legs.geojson` (the `recording` member), and each reads back to
//! the same track; a KML with only a path, and a GPX with only a track, render with the path's
//! ends as stops; a KMZ reads through its KML, within the limits.

mod common;
use common::*;
use std::io::Write;

/// The fixture: a GPX ferry crossing recorded every 30 s, with elevations, and no waypoint.
const RECORDED_GPX: &str = "tests/fixtures/gis/recorded-ferry.gpx";

/// The fixture's text.
fn recorded_gpx() -> String {
    read_text(&root().join(RECORDED_GPX))
}

/// The `<time>` values of a GPX or KML text (`<time>` or `<when>` elements).
fn times(text: &str, tag: &str) -> Vec<String> {
    let open = format!("<{tag}>");
    let close = format!("</{tag}>");
    text.split(&open)
        .skip(1)
        .filter_map(|p| p.split(&close).next())
        .map(str::to_string)
        .collect()
}

#[test]
fn a_gpx_tracks_times_and_elevations_survive_every_output_and_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    render_ok(RECORDED_GPX, &out, &["--format", "geojson,kml,gpx"]);
    let want = times(&recorded_gpx(), "time");
    assert_eq!(want.len(), 41);

    // The stops are the track's ends, named after it and timed; the title is the GPX's name.
    let stops = read_json(&out.join("stops.geojson"));
    assert_eq!(stops["title"], "Morning ferry");
    assert_eq!(stops["subtitle"], "Helsinki to Tallinn");
    assert_eq!(
        stops["features"][0]["properties"]["name"],
        "Crossing (start)"
    );
    assert_eq!(
        stops["features"][1]["properties"]["arr_utc"],
        "2024-05-11T07:50:00Z"
    );

    let gpx = read_text(&out.join("trip.gpx"));
    // The track's own points (the waypoints before it carry the stops' times).
    let track = gpx.split_once("<trk>").expect("trip.gpx has a track").1;
    assert_eq!(
        times(track, "time"),
        want,
        "trip.gpx keeps every track time"
    );
    assert_eq!(times(track, "ele").len(), 41);
    // GDAL's GPX driver reads the same times, point by point.
    let sql = ["-sql", "SELECT time FROM track_points"];
    let gdal_times: Vec<String> = ogrinfo(&sql, &out.join("trip.gpx"))
        .lines()
        .filter_map(|l| l.trim().strip_prefix("time (DateTime) = "))
        .map(|t| {
            t.replace('/', "-")
                .replacen(' ', "T", 1)
                .replace("+00", "Z")
        })
        .collect();
    assert_eq!(gdal_times, want, "GDAL reads trip.gpx's track times");
    let kml = read_text(&out.join("trip.kml"));
    assert!(
        kml.contains("<gx:Track><when>2024-05-11T07:30:00Z</when>"),
        "{kml}"
    );
    // The track alone: in its day's folder the stop it reaches, with a `<when>`, follows it.
    let track = kml
        .split_once("<gx:Track>")
        .and_then(|(_, rest)| rest.split_once("</gx:Track>"))
        .expect("trip.kml has a gx:Track")
        .0;
    assert_eq!(
        times(track, "when"),
        want,
        "trip.kml keeps every track time"
    );
    assert!(
        kml.contains("<gx:coord>24.95 60.16 0.5</gx:coord>"),
        "{kml}"
    );
    let legs = read_json(&out.join("legs.geojson"));
    let recording = &legs["features"][0]["recording"];
    let geo_times: Vec<String> = recording["times"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|t| t.as_str().map(str::to_string))
        .collect();
    assert_eq!(geo_times, want, "legs.geojson keeps every track time");
    let want_ele: Vec<f64> = times(&recorded_gpx(), "ele")
        .iter()
        .map(|e| e.parse().unwrap())
        .collect();
    let geo_ele: Vec<f64> = recording["ele_m"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(serde_json::Value::as_f64)
        .collect();
    assert_eq!(geo_ele, want_ele, "legs.geojson keeps every elevation");
    assert_eq!(
        recording["times"].as_array().unwrap().len(),
        legs["features"][0]["geometry"]["coordinates"]
            .as_array()
            .unwrap()
            .len(),
        "one time (or null) per position"
    );

    // Each output reads back to the same recorded leg, times and elevations included.
    for file in ["trip.gpx", "trip.kml", "legs.geojson"] {
        let again = dir.path().join(format!("again-{file}"));
        let input = out.join(file);
        // legs.geojson has no stops: read it beside the stops, as one FeatureCollection.
        let input = if file == "legs.geojson" {
            let both = dir.path().join("both.geojson");
            let mut fc = read_json(&out.join("stops.geojson"));
            let legs = read_json(&input);
            fc["features"]
                .as_array_mut()
                .unwrap()
                .extend(legs["features"].as_array().unwrap().iter().cloned());
            std::fs::write(&both, fc.to_string()).unwrap();
            both
        } else {
            input
        };
        render_ok(input.to_str().unwrap(), &again, &["--format", "geojson"]);
        assert_eq!(
            read_json(&again.join("legs.geojson"))["features"][0]["recording"],
            *recording,
            "via {file}"
        );
    }
}

#[test]
fn a_kml_with_only_a_path_renders_with_its_ends_as_stops() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    render_ok(
        "tests/fixtures/gis/harbour-walk.kml",
        &out,
        &["--format", "geojson,svg"],
    );
    let stops = read_json(&out.join("stops.geojson"));
    let names: Vec<&str> = stops["features"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["properties"]["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Along the quay (start)", "Along the quay (end)"]);
    assert_eq!(stops["title"], "Harbour walk");
    let legs = read_json(&out.join("legs.geojson"));
    assert_eq!(legs["features"][0]["properties"]["path"], "recorded");
    assert_eq!(legs["features"][0]["recording"]["ele_m"][1], 4.0);
    assert!(read_text(&out.join("map.svg")).contains("Harbour walk"));
}

/// A zip archive of `entries` (name, bytes).
fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in entries {
        w.start_file(*name, options).unwrap();
        w.write_all(bytes).unwrap();
    }
    w.finish().unwrap().into_inner()
}

#[test]
fn a_kmz_renders_and_a_zip_bomb_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let kml = read_text(&root().join("data/trips/portugal-2024.kml"));
    let kmz = dir.path().join("portugal.kmz");
    std::fs::write(
        &kmz,
        zip_of(&[("files/icon.png", b"\x89PNG"), ("doc.kml", kml.as_bytes())]),
    )
    .unwrap();
    let out = dir.path().join("out");
    render_ok(kmz.to_str().unwrap(), &out, &[]);
    let direct = dir.path().join("direct");
    render_ok("data/trips/portugal-2024.kml", &direct, &[]);
    assert_eq!(
        read_text(&out.join("stops.geojson")),
        read_text(&direct.join("stops.geojson"))
    );
    // A KMZ saved as .kml is read as what it is.
    let misnamed = dir.path().join("misnamed.kml");
    std::fs::copy(&kmz, &misnamed).unwrap();
    render_ok(
        misnamed.to_str().unwrap(),
        &dir.path().join("misnamed"),
        &[],
    );

    // 64 MiB of zeros deflate to 64 KiB; the document is refused while inflating.
    let bomb = dir.path().join("bomb.kmz");
    std::fs::write(&bomb, zip_of(&[("doc.kml", &vec![b' '; 64 << 20])])).unwrap();
    assert!(std::fs::metadata(&bomb).unwrap().len() < 1 << 20);
    let o = tripmap(&["check", bomb.to_str().unwrap(), "--max-input-bytes", "1M"]);
    assert_eq!(o.status.code(), Some(1));
    assert_stderr_has(
        &o,
        "bomb.kmz: the KMZ's `doc.kml` inflates to more than the limit",
    );
    let empty = dir.path().join("icons.kmz");
    std::fs::write(&empty, zip_of(&[("../doc.kml", b"<kml/>")])).unwrap();
    let o = tripmap(&["check", empty.to_str().unwrap()]);
    assert_stderr_has(&o, "the KMZ holds no KML document");
}
