//! Reading and writing the formats people already have: GeoJSON, GPX and KML in and out, recorded
//! tracks, round trips through tripmap's own output.

mod common;
use common::*;
use std::path::Path;

fn render(args: &[&str]) {
    let o = tripmap(args);
    assert!(o.status.success(), "{args:?}: {}", stderr(&o));
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

#[test]
fn stops_geojson_reads_back_to_the_same_stops() {
    for trip in bundled_trips() {
        let dir = tempfile::tempdir().unwrap();
        let first = dir.path().join("first");
        let second = dir.path().join("second");
        render(&["render", &trip, "-o", first.to_str().unwrap()]);
        let stops = first.join("stops.geojson");
        render(&[
            "render",
            stops.to_str().unwrap(),
            "-o",
            second.to_str().unwrap(),
        ]);
        assert_eq!(
            read(&stops),
            read(&second.join("stops.geojson")),
            "{trip}: stops.geojson does not read back to the same stops"
        );
        assert_eq!(
            read(&first.join("legs.geojson")),
            read(&second.join("legs.geojson")),
            "{trip}"
        );
    }
}
