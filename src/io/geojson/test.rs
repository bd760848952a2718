//! Unit tests of the GeoJSON reader.

use super::*;

fn read(text: &str) -> Result<Itinerary, Error> {
    super::read(text, &Limits::default())
}

#[test]
fn reads_points_and_lines() {
    let it = read(r#"{"type": "FeatureCollection", "title": "T", "features": [
            {"type": "Feature", "geometry": {"type": "Point", "coordinates": [2.35, 48.86]},
             "properties": {"name": "Paris", "arrive": "2024-06-10", "input_note": "x", "order": 1, "gone": null}},
            {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[2.35, 48.86], [4.8, 45.7]]},
             "properties": {"name": "TGV"}}
        ]}"#)
        .unwrap();
    assert_eq!(it.title.as_deref(), Some("T"));
    assert_eq!(it.stops[0].name, "Paris");
    assert_eq!(
        it.stops[0].extra,
        vec![("note".to_string(), Value::from("x"))]
    );
    assert_eq!(it.tracks[0].points, vec![(2.35, 48.86), (4.8, 45.7)]);
}

#[test]
fn typed_time_columns_read_back_as_given() {
    let stop = |props: &str| {
        let text = format!(
            r#"{{"type": "Feature", "geometry": {{"type": "Point", "coordinates": [1, 2]}}, "properties": {{"name": "A", {props}}}}}"#
        );
        let it = read(&text).unwrap();
        it.stops[0].arrive.as_ref().map(|w| w.to_string())
    };
    assert_eq!(stop(r#""arr_date": "2023-11-05""#).unwrap(), "2023-11-05");
    assert_eq!(
        stop(r#""arr_date": "2023-11-05", "arr_time": "14:00:00""#).unwrap(),
        "2023-11-05T14:00:00"
    );
    assert_eq!(
            stop(r#""arr_date": "2023-11-05", "arr_time": "14:00:00", "arr_utc": "2023-11-05T12:00:00Z", "tz": "Asia/Nicosia""#).unwrap(),
            "2023-11-05T14:00:00"
        );
    assert_eq!(
        stop(
            r#""arr_date": "2023-11-05", "arr_time": "23:30:00", "arr_utc": "2023-11-06T04:30:00Z""#
        )
        .unwrap(),
        "2023-11-05T23:30:00-05:00"
    );
    assert_eq!(
        stop(r#""arrive": "2023-11-05", "arr_date": "2024-01-01""#).unwrap(),
        "2023-11-05"
    );
}

#[test]
fn bad_features_are_named() {
    let e = read(r#"{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": []}}]}"#).unwrap_err();
    assert_eq!(
        e.to_string(),
        "feature 1: Polygon is neither a stop (Point) nor a path (LineString)"
    );
    let e = read(r#"{"type": "Feature", "properties": {"name": "N"}, "geometry": {"type": "Point", "coordinates": [10, 95]}}"#).unwrap_err();
    assert!(
        e.to_string().starts_with("stop 1 \"N\", field `lat`"),
        "{e}"
    );
    let e = read(r#"{"type": "FeatureCollection", "features": []}"#).unwrap_err();
    assert!(e.to_string().contains("no Point features"), "{e}");
    let e = read("{\"type\": \n}").unwrap_err();
    assert!(matches!(e, Error::Syntax { line: 2, .. }), "{e:?}");
}
