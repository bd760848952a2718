//! `tripmap render --basemap`: the Helsinki walk drawn on the street basemap fixture (real
//! OpenStreetMap data), from the file and from a loopback HTTP server with the same bytes;
//! the trip's labels on top, the basemap's names in what they leave; bad archives and servers
//! are errors naming them, with nothing written.

mod common;
mod tiles_common;

use common::*;
use tiles_common::{Behaviour, Server, helsinki};

const WALK: &str = "data/trips/helsinki-walk-2024.json";

fn render_walk(basemap: &str, out: &std::path::Path) -> String {
    render_ok(WALK, out, &["--basemap", basemap, "--format", "svg"]);
    std::fs::read_to_string(out.join("map.svg")).unwrap()
}

#[test]
fn the_walk_renders_the_same_from_the_file_and_over_http() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let local = render_walk(&helsinki(), a.path());
    let server = Server::start(std::fs::read(helsinki()).unwrap(), Behaviour::Ranges);
    let remote = render_walk(&server.url, b.path());
    assert!(server.requests() >= 2, "header, then tiles by range");
    assert_eq!(local, remote, "same bytes from the file and over HTTP");
    // Streets, water and street names are drawn, and credited.
    for class in [
        "-streets\"",
        "-st-water\"",
        "-st-minor\"",
        "-st-building\"",
        "-street-name\"",
    ] {
        assert!(local.contains(class), "{class}");
    }
    assert!(local.contains("Basemap: © OpenStreetMap contributors."));
    assert!(
        !local.contains("Natural Earth. Map"),
        "no Natural Earth land on the main map"
    );
    for name in ["Mannerheimintie", "Kaivokatu"] {
        assert!(local.contains(name), "{name}");
    }
    // Every stop has its marker and its label.
    for stop in 1..=6 {
        let tag = format!("data-stop=\"{stop}\"");
        assert!(
            local.matches(&tag).count() >= 2,
            "stop {stop}: marker and label"
        );
    }
}

#[test]
fn without_a_basemap_the_walk_is_drawn_on_natural_earth() {
    let dir = tempfile::tempdir().unwrap();
    render_ok(WALK, dir.path(), &["--format", "svg"]);
    let svg = std::fs::read_to_string(dir.path().join("map.svg")).unwrap();
    assert!(!svg.contains("-streets"));
    assert!(svg.contains("Basemap: Natural Earth."));
}

/// `render --basemap BASEMAP` into a folder holding an earlier map: fails with exit 1 and a
/// message containing `names`, and leaves the folder as it was.
fn fails_untouched(basemap: &str, names: &[&str]) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("map.svg"), "earlier").unwrap();
    let before = snapshot(dir.path());
    let o = tripmap(&[
        "render",
        WALK,
        "-o",
        dir.path().to_str().unwrap(),
        "--basemap",
        basemap,
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.starts_with("error: basemap "), "{err}");
    for name in names {
        assert!(err.contains(name), "{name} in {err}");
    }
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(snapshot(dir.path()), before, "nothing written");
}

#[test]
fn bad_basemaps_and_servers_are_errors_naming_them_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let not_pmtiles = dir.path().join("walk.pmtiles");
    std::fs::write(&not_pmtiles, vec![b'x'; 200]).unwrap();
    let path = not_pmtiles.to_str().unwrap();
    fails_untouched(path, &[path, "not a PMTiles archive"]);
    fails_untouched("no/such/file.pmtiles", &["no/such/file.pmtiles"]);
    let bytes = std::fs::read(helsinki()).unwrap();
    let missing = Server::start(bytes.clone(), Behaviour::NotFound);
    fails_untouched(&missing.url, &[&missing.url, "404"]);
    // The header reads whole; a server that cuts tile bodies short fails at a tile.
    let truncated = Server::start(bytes, Behaviour::Truncated);
    fails_untouched(&truncated.url, &[&truncated.url]);
}

#[test]
fn overlays_draw_under_the_route_with_their_style_and_titles_in_the_legend() {
    let dir = tempfile::tempdir().unwrap();
    let plan = "tests/fixtures/overlays/helsinki-plan.geojson";
    render_ok(
        WALK,
        dir.path(),
        &[
            "--basemap",
            &helsinki(),
            "--overlay",
            plan,
            "--format",
            "svg",
        ],
    );
    let svg = std::fs::read_to_string(dir.path().join("map.svg")).unwrap();
    let area = svg
        .find("fill:#e377c2;fill-opacity:0.2;stroke:#b0407f")
        .unwrap();
    let route = svg.find("-route\"").unwrap();
    assert!(area < route, "the overlay is drawn under the route");
    assert!(
        svg.contains("stroke:#2f6db3;stroke-width:3"),
        "default line style"
    );
    assert!(svg.contains("fill:#2ca02c"), "marker-color");
    for title in ["Market area", "Closed to traffic", "First aid"] {
        assert!(
            svg.contains(&format!(">{title}</text>")),
            "{title} in the legend"
        );
    }
}

/// The same overlay as FlatGeobuf (written by GDAL's `ogr2ogr` from the GeoJSON fixture, without
/// a spatial index so the features keep their order) draws the same map, byte for byte; a file
/// with FlatGeobuf's magic but a broken header is an error naming the file.
#[test]
fn a_flatgeobuf_overlay_draws_as_its_geojson_does() {
    let render = |overlay: &str| {
        let dir = tempfile::tempdir().unwrap();
        let args = [
            "--basemap",
            &helsinki(),
            "--overlay",
            overlay,
            "--format",
            "svg",
        ];
        render_ok(WALK, dir.path(), &args);
        std::fs::read(dir.path().join("map.svg")).unwrap()
    };
    let geojson = render("tests/fixtures/overlays/helsinki-plan.geojson");
    let fgb = render("tests/fixtures/overlays/helsinki-plan.fgb");
    assert!(geojson == fgb, "the FlatGeobuf overlay draws differently");
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.fgb");
    let mut bytes = std::fs::read("tests/fixtures/overlays/helsinki-plan.fgb").unwrap();
    bytes.truncate(40);
    std::fs::write(&broken, bytes).unwrap();
    let o = tripmap(&[
        "render",
        WALK,
        "--overlay",
        broken.to_str().unwrap(),
        "-o",
        dir.path().join("out").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert_stderr_has(&o, "broken.fgb: not a readable FlatGeobuf file");
}

#[test]
fn bad_overlays_name_the_file_and_the_line_or_feature() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (
            "syntax.geojson",
            "{\"type\": \"FeatureCollection\",\n \"features\": [}",
            ":2:15: ",
        ),
        (
            "coords.geojson",
            r#"{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {},
            "geometry": {"type": "Point", "coordinates": [24.9, 95]}}]}"#,
            ": feature 1: position [24.9, 95]",
        ),
        (
            "style.geojson",
            r#"{"type": "Feature", "properties": {"fill": "url(#x)"},
            "geometry": {"type": "Point", "coordinates": [24.9, 60.1]}}"#,
            ": feature 1: property `fill`",
        ),
    ];
    for (name, text, expected) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        let out = dir.path().join("out");
        let o = tripmap(&[
            "render",
            WALK,
            "-o",
            out.to_str().unwrap(),
            "--overlay",
            path.to_str().unwrap(),
        ]);
        assert_eq!(o.status.code(), Some(1));
        let err = stderr(&o);
        let want = format!("error: overlay {}{expected}", path.display());
        assert!(err.starts_with(&want), "{err} should start with {want}");
        assert!(!out.exists(), "nothing written");
    }
}
