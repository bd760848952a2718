//! Street-level basemap views from the Helsinki fixture (real OpenStreetMap data in the
//! Protomaps schema, written by GDAL's MVT driver): which tiles a map reads, what comes out,
//! road classes hidden by scale, any projection, and bad tiles as named errors.

mod tiles_common;

use tiles_common::*;
use tripmap::model::LonLat;
use tripmap::projection::{
    AzimuthalEquidistant, Bounds, LambertConic, Orthographic, Projection, fit_bounds_min_span,
};
use tripmap::tiles::{
    self, Archive, LabelAnchor, LabelKind, LanduseKind, Limits, Protomaps, RoadClass, TileCoord,
};

fn open() -> Archive {
    Archive::open(&helsinki(), &Limits::default()).unwrap()
}

fn ll(lon: f64, lat: f64) -> LonLat {
    LonLat::new(lon, lat).unwrap()
}

#[test]
fn a_city_walk_reads_only_the_tiles_its_frame_covers() {
    // Two stops 560 m apart on a 640 x 420 px map: 0.99 m per pixel, map zoom 15.26, so zoom
    // 15 tiles (610 m across). The frame's corners, 24.94029° E 60.17137° N and 24.95171° E
    // 60.16763° N, fall in tiles x 18654.12 / 18655.16, y 9484.54 / 9485.22 (computed apart,
    // in Python, with the slippy-map formula): 2 x 2 tiles, of the archive's 9 at zoom 15.
    let archive = open();
    let map = map_of(&[ll(24.9410, 60.1690), ll(24.9510, 60.1700)], 640.0, 420.0);
    let view = tiles::view(&archive, &map, &Protomaps).unwrap();
    assert_eq!(view.zoom, 15);
    assert!((15.2..15.3).contains(&view.map_zoom), "{}", view.map_zoom);
    let expected: Vec<TileCoord> = (18654..=18655)
        .flat_map(|x| (9484..=9485).map(move |y| TileCoord { z: 15, x, y }))
        .collect();
    assert_eq!(view.tiles, expected);
    assert_eq!(view.tiles_read, 4);
    assert_eq!(archive.tiles_read(), 4, "no other tile was read");
    let at_15 = (18650..18660)
        .flat_map(|x| (9480..9490).map(move |y| TileCoord { z: 15, x, y }))
        .filter(|&t| archive.tile(t).unwrap().is_some())
        .count();
    assert_eq!(
        at_15, 9,
        "the archive has more tiles at zoom 15 than were read"
    );
}

#[test]
fn the_walk_map_has_streets_water_buildings_and_names() {
    let archive = open();
    let view = tiles::view(&archive, &walk_map(960.0), &Protomaps).unwrap();
    assert_eq!((view.zoom, view.tiles.len(), view.tiles_read), (14, 4, 4));
    assert!(!view.earth.is_empty() && !view.water.is_empty());
    assert!(view.buildings.len() > 200, "{}", view.buildings.len());
    let count = |c: RoadClass| view.roads.iter().filter(|(k, _)| *k == c).count();
    assert!(count(RoadClass::Major) > 10 && count(RoadClass::Minor) > 10);
    assert!(count(RoadClass::Path) > 100 && count(RoadClass::Rail) > 10);
    // Smallest class first, for drawing order.
    assert!(view.roads.windows(2).all(|w| w[0].0 <= w[1].0));
    assert!(view.landuse.iter().any(|(k, _)| *k == LanduseKind::Park));
    // Every path lies within the frame (plus the 2 px margin), rounded to 0.1 px.
    let all = view
        .earth
        .iter()
        .chain(&view.water)
        .chain(&view.buildings)
        .chain(view.roads.iter().map(|(_, p)| p))
        .chain(view.landuse.iter().map(|(_, p)| p));
    for p in all {
        for &(x, y) in &p.points {
            assert!(
                (-2.0..=962.0).contains(&x) && (-2.0..=722.0).contains(&y),
                "{x} {y}"
            );
            assert_eq!((x * 10.0).round() / 10.0, x);
        }
    }
    // Names: districts as points, streets along lines, Töölönlahti bay as water.
    let find = |text: &str| view.labels.iter().find(|l| l.text == text);
    let kaisaniemi = find("Kaisaniemi").expect("a district name");
    assert_eq!(kaisaniemi.kind, LabelKind::Place);
    assert!(matches!(kaisaniemi.anchor, LabelAnchor::Point(_)));
    let street = find("Mannerheimintie").expect("a street name");
    assert_eq!(street.kind, LabelKind::Street);
    let LabelAnchor::Line(path) = &street.anchor else {
        panic!()
    };
    assert!(path.points.len() >= 2);
    assert_eq!(find("Töölönlahti").map(|l| l.kind), Some(LabelKind::Water));
    // Most important first: districts (rank 110) before streets (120 and more).
    assert!(view.labels.windows(2).all(|w| w[0].rank <= w[1].rank));
    assert_eq!(view.labels[0].kind, LabelKind::Place);
    assert_eq!(
        view.attribution.as_deref(),
        Some("© OpenStreetMap contributors")
    );
}

#[test]
fn streets_cut_at_tile_edges_come_back_whole() {
    let map = walk_map(960.0);
    let view = tiles::view(&open(), &map, &Protomaps).unwrap();
    // Lines are cut to each tile's square, so a path that reaches across the edge between
    // rows 4741 and 4742 at zoom 14 (60.174306° N) was joined from pieces of two tiles.
    let (_, edge_y) = map.project_px(ll(24.945, 60.174_306)).unwrap();
    let across = view
        .roads
        .iter()
        .filter(|(_, p)| {
            p.points.iter().any(|q| q.1 < edge_y - 20.0)
                && p.points.iter().any(|q| q.1 > edge_y + 20.0)
        })
        .count();
    assert!(
        across >= 5,
        "{across} roads cross the tile edge in one piece"
    );
    // And no two pieces of a named street of one class still meet end to end (a street may
    // change class along its length: those pieces stay apart).
    let class_of = |p: &tripmap::basemap::PixelPath| {
        view.roads
            .iter()
            .find(|(_, q)| q == p)
            .map(|(c, _)| *c)
            .unwrap()
    };
    type Pieces<'a> = Vec<&'a Vec<(f64, f64)>>;
    let mut streets: std::collections::BTreeMap<(&str, RoadClass), Pieces> = Default::default();
    for l in &view.labels {
        if let LabelAnchor::Line(p) = &l.anchor {
            streets
                .entry((&l.text, class_of(p)))
                .or_default()
                .push(&p.points);
        }
    }
    for (name, pieces) in streets {
        for (i, a) in pieces.iter().enumerate() {
            for b in &pieces[i + 1..] {
                for (p, q) in [(a[0], b[0]), (a[0], b[b.len() - 1]), (a[a.len() - 1], b[0])] {
                    assert!(
                        (p.0 - q.0).hypot(p.1 - q.1) > 0.5,
                        "{name:?}: pieces meet at {p:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn smaller_scales_hide_paths_and_buildings() {
    let archive = open();
    let wide = tiles::view(&archive, &walk_map(960.0), &Protomaps).unwrap();
    let narrow = tiles::view(&archive, &walk_map(320.0), &Protomaps).unwrap();
    assert!(narrow.map_zoom < 14.0 && wide.map_zoom > 14.0);
    let has = |v: &tiles::TileView, c: RoadClass| v.roads.iter().any(|(k, _)| *k == c);
    assert!(has(&wide, RoadClass::Path) && !has(&narrow, RoadClass::Path));
    assert!(has(&narrow, RoadClass::Major) && has(&narrow, RoadClass::Minor));
    assert!(!wide.buildings.is_empty() && narrow.buildings.is_empty());
}

#[test]
fn the_same_map_gives_the_same_view() {
    let a = tiles::view(&open(), &walk_map(960.0), &Protomaps).unwrap();
    let b = tiles::view(&open(), &walk_map(960.0), &Protomaps).unwrap();
    assert_eq!(a, b);
}

fn fitted<P: Projection>(p: P) -> tripmap::projection::Fitted<P> {
    let stops = [
        ll(24.9414, 60.1710),
        ll(24.9522, 60.1703),
        ll(24.9510, 60.1790),
    ];
    let b = Bounds::of_positions(&p, &stops).unwrap();
    fit_bounds_min_span(p, b, 960.0, 720.0, 40.0, 0.0).unwrap()
}

#[test]
fn any_projection_gives_the_same_streets() {
    let archive = open();
    let mercator = tiles::view(&archive, &walk_map(960.0), &Protomaps).unwrap();
    let n = |v: &tiles::TileView| v.roads.len() as f64;
    let lambert = tiles::view(
        &archive,
        &fitted(LambertConic::sphere(25.0, 60.0, 55.0, 65.0).unwrap()),
        &Protomaps,
    )
    .unwrap();
    let globe = tiles::view(
        &archive,
        &fitted(Orthographic::sphere(ll(24.9, 60.2))),
        &Protomaps,
    )
    .unwrap();
    let aeqd = tiles::view(
        &archive,
        &fitted(AzimuthalEquidistant::sphere(ll(0.0, 90.0))),
        &Protomaps,
    )
    .unwrap();
    for v in [&lambert, &globe, &aeqd] {
        assert_eq!(v.zoom, 14);
        assert!(
            (n(v) / n(&mercator) - 1.0).abs() < 0.15,
            "{} vs {}",
            n(v),
            n(&mercator)
        );
        assert!(v.labels.iter().any(|l| l.text == "Mannerheimintie"));
    }
}

fn walk_tile() -> TileCoord {
    TileCoord {
        z: 14,
        x: 9327,
        y: 4742,
    }
}

fn view_error(tile: Vec<u8>, limits: &Limits) -> String {
    let parts = archive_parts(
        &[(walk_tile(), tile)],
        Layout {
            min_zoom: 14,
            max_zoom: 14,
            ..Layout::default()
        },
    );
    let (path, archive) = open_parts(&parts, limits);
    let path = path.to_str().unwrap().to_string();
    let e = tiles::view(&archive, &walk_map(960.0), &Protomaps)
        .unwrap_err()
        .to_string();
    assert!(
        e.starts_with(&format!("{path}: tile 14/9327/4742: ")),
        "{e}"
    );
    e
}

#[test]
fn invalid_vector_tiles_are_errors_naming_file_and_tile() {
    let limits = Limits::default();
    let e = view_error(gzip(b"this is not a protobuf message"), &limits);
    assert!(e.contains("not a valid vector tile: protobuf"), "{e}");
    // Valid protobuf, broken geometry: a LineTo that promises more points than there are.
    let e = view_error(
        gzip(&mvt(
            "roads",
            "major_road",
            vec![(2, vec![9, 0, 0, 82, 2, 2])],
        )),
        &limits,
    );
    assert!(
        e.contains("layer \"roads\" feature 0: command 2 wants 10 points"),
        "{e}"
    );
    let e = view_error(gzip(&vec![0u8; 64 << 20]), &limits);
    assert!(
        e.ends_with("decompressed tile is larger than the limit of 8 MiB"),
        "{e}"
    );
}

#[test]
fn features_and_vertices_per_tile_are_capped() {
    let line = (2, vec![9, 0, 0, 18, 2, 2, 2, 2]);
    let many = gzip(&mvt("roads", "major_road", vec![line.clone(); 50]));
    let e = view_error(
        many.clone(),
        &Limits {
            max_features_per_tile: 20,
            ..Limits::default()
        },
    );
    assert!(
        e.ends_with("not a valid vector tile: more than 20 features"),
        "{e}"
    );
    let e = view_error(
        many,
        &Limits {
            max_vertices_per_tile: 60,
            ..Limits::default()
        },
    );
    assert!(e.ends_with("more vertices than the limit per tile"), "{e}");
}

#[test]
fn a_map_too_small_in_scale_for_the_archive_is_refused_before_reading() {
    // All of southern Finland at 960 px (map zoom 6) from a world archive that starts at zoom
    // 14: thousands of tiles.
    let parts = archive_parts(
        &[(walk_tile(), gzip(&mvt("earth", "earth", vec![])))],
        Layout {
            min_zoom: 14,
            max_zoom: 15,
            ..Layout::default()
        },
    );
    let (_path, archive) = open_parts(&parts, &Limits::default());
    let map = map_of(&[ll(21.0, 60.0), ll(30.0, 62.0)], 960.0, 600.0);
    let e = tiles::view(&archive, &map, &Protomaps)
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("tiles at zoom 14, more than the limit of 64"),
        "{e}"
    );
    assert_eq!(archive.tiles_read(), 0);
    // The Helsinki fixture covers so little that the same map needs its one zoom-12 tile.
    let view = tiles::view(&open(), &map, &Protomaps).unwrap();
    assert_eq!(
        view.tiles,
        vec![TileCoord {
            z: 12,
            x: 2331,
            y: 1185
        }]
    );
}

#[test]
fn archives_of_other_tile_types_are_refused() {
    let archive = Archive::open(&fixture("leaves.pmtiles"), &Limits::default()).unwrap();
    let e = tiles::view(&archive, &walk_map(960.0), &Protomaps)
        .unwrap_err()
        .to_string();
    assert!(
        e.ends_with("tile type 0 is not supported (only Mapbox Vector Tiles, type 1)"),
        "{e}"
    );
}
