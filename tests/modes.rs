//! Travel modes: a stop's `mode` (how the traveller arrived) is read from every input format,
//! kept on the stop and on the leg that arrives there, written to the layers, KML and GPX, and
//! read back; an unknown mode is an error naming the stop and the field.

mod common;
use common::*;
use serde_json::Value;

/// The same three-stop trip in every input format, with modes `flight` (by its alias `plane`)
/// at the second stop and `ferry` (as `boat`) at the third.
const TRIPS: &[(&str, &str)] = &[
    (
        "trip.json",
        r#"{"stops": [{"name": "Athens", "lat": 37.98, "lon": 23.73},
 {"name": "Chania", "lat": 35.51, "lon": 24.02, "mode": "plane"},
 {"name": "Santorini", "lat": 36.39, "lon": 25.46, "mode": "boat"}]}"#,
    ),
    (
        "trip.csv",
        "name,lat,lon,Mode\nAthens,37.98,23.73,\nChania,35.51,24.02,plane\nSantorini,36.39,25.46,boat\n",
    ),
    (
        "trip.geojson",
        r#"{"type": "FeatureCollection", "features": [
 {"type": "Feature", "geometry": {"type": "Point", "coordinates": [23.73, 37.98]}, "properties": {"name": "Athens"}},
 {"type": "Feature", "geometry": {"type": "Point", "coordinates": [24.02, 35.51]}, "properties": {"name": "Chania", "mode": "plane"}},
 {"type": "Feature", "geometry": {"type": "Point", "coordinates": [25.46, 36.39]}, "properties": {"name": "Santorini", "mode": "boat"}}]}"#,
    ),
    (
        "trip.gpx",
        r#"<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1" xmlns:tripmap="https://tripmap.invalid/gpx/1">
<wpt lat="37.98" lon="23.73"><name>Athens</name></wpt>
<wpt lat="35.51" lon="24.02"><name>Chania</name><extensions><tripmap:mode>plane</tripmap:mode></extensions></wpt>
<wpt lat="36.39" lon="25.46"><name>Santorini</name><extensions><tripmap:mode>boat</tripmap:mode></extensions></wpt></gpx>"#,
    ),
    (
        "trip.kml",
        r#"<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
<Placemark><name>Athens</name><Point><coordinates>23.73,37.98</coordinates></Point></Placemark>
<Placemark><name>Chania</name><ExtendedData><Data name="mode"><value>plane</value></Data></ExtendedData><Point><coordinates>24.02,35.51</coordinates></Point></Placemark>
<Placemark><name>Santorini</name><ExtendedData><Data name="mode"><value>boat</value></Data></ExtendedData><Point><coordinates>25.46,36.39</coordinates></Point></Placemark>
</Document></kml>"#,
    ),
];

/// A layer's column `key`, feature by feature.
fn column(layer: &Value, key: &str) -> Vec<Value> {
    layer["features"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["properties"][key].clone())
        .collect()
}

#[test]
fn every_input_format_gives_the_modes_to_stops_and_legs() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in TRIPS {
        let trip = dir.path().join(name);
        std::fs::write(&trip, text).unwrap();
        let out = dir.path().join(format!("out-{name}"));
        render_ok(
            trip.to_str().unwrap(),
            &out,
            &["--order", "as-given", "--format", "geojson,kml,gpx"],
        );
        let stops = read_json(&out.join("stops.geojson"));
        assert_eq!(
            column(&stops, "mode"),
            [Value::Null, "flight".into(), "ferry".into()],
            "{name}"
        );
        let legs = read_json(&out.join("legs.geojson"));
        assert_eq!(
            column(&legs, "mode"),
            [Value::from("flight"), "ferry".into()],
            "{name}"
        );
        let kml = read_text(&out.join("trip.kml"));
        assert_eq!(
            kml.matches(r#"<Data name="mode"><value>ferry</value></Data>"#)
                .count(),
            2,
            "{name}: stop and leg"
        );
        let gpx = read_text(&out.join("trip.gpx"));
        assert!(
            gpx.contains("<tripmap:mode>flight</tripmap:mode>"),
            "{name}"
        );
        // Each written file reads back to the same modes.
        for written in ["stops.geojson", "trip.kml", "trip.gpx"] {
            let again = dir.path().join(format!("again-{name}-{written}"));
            render_ok(
                out.join(written).to_str().unwrap(),
                &again,
                &["--order", "as-given"],
            );
            let legs = read_json(&again.join("legs.geojson"));
            assert_eq!(
                column(&legs, "mode"),
                [Value::from("flight"), "ferry".into()],
                "{name} via {written}"
            );
        }
    }
}

#[test]
fn an_unknown_mode_names_the_stop_and_field() {
    let (_dir, trip) = temp_file(
        "t.csv",
        "name,lat,lon,mode\nA,1,2,\nB,3,4,hovercraft\nC,5,6,trian\n",
    );
    let o = tripmap(&["check", trip.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert_stderr_has(
        &o,
        "line 3, stop 2 \"B\", field `mode`: `hovercraft` is not a travel mode; use one of flight, train, bus, car, ferry, walk, bike",
    );
    let (_dir, trip) = temp_file(
        "t.json",
        r#"{"stops": [{"name": "A", "lat": 1, "lon": 2, "mode": "trian"}]}"#,
    );
    let o = tripmap(&["check", trip.to_str().unwrap()]);
    assert_stderr_has(
        &o,
        "stop 1 \"A\", field `mode`: `trian` is not a travel mode",
    );
    assert_stderr_has(&o, "did you mean `train`?");
}

#[test]
fn a_recorded_legs_gpx_track_is_typed_with_its_mode() {
    let (dir, trip) = temp_file(
        "ferry.gpx",
        r#"<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1">
<wpt lat="60.1699" lon="24.9384"><name>Helsinki</name></wpt>
<wpt lat="59.4370" lon="24.7536"><name>Tallinn</name><extensions><mode>ferry</mode></extensions></wpt>
<trk><trkseg><trkpt lat="60.16" lon="24.95"/><trkpt lat="59.8" lon="24.85"/><trkpt lat="59.45" lon="24.76"/></trkseg></trk></gpx>"#,
    );
    let out = dir.path().join("out");
    render_ok(trip.to_str().unwrap(), &out, &["--format", "gpx"]);
    let gpx = read_text(&out.join("trip.gpx"));
    assert!(
        gpx.contains("<trk><name>Helsinki → Tallinn</name><type>ferry</type><trkseg>"),
        "{gpx}"
    );
}
