//! The context layer on real Natural Earth data: admin-1 lines by scale and country, context
//! cities and named water by label zoom, bounded, deterministic, nothing on a city walk.

use tripmap::basemap::{self, ContextKind, ContextLabel, Detail, PixelPath, WaterKind};
use tripmap::model::LonLat;
use tripmap::projection::{
    Bounds, EqualEarth, Fitted, LambertConic, Mercator, Orthographic, fit, fit_bounds,
};

fn ll(lon: f64, lat: f64) -> LonLat {
    LonLat::new(lon, lat).unwrap()
}

/// A Lambert conformal conic map of Japan, 960 × 960 px (about 2 km per pixel).
fn japan() -> Fitted<LambertConic> {
    let conic = LambertConic::sphere(137.0, 38.0, 33.0, 43.0).unwrap();
    let corners = [
        ll(129.5, 31.0),
        ll(145.5, 45.5),
        ll(141.0, 31.0),
        ll(130.0, 41.0),
    ];
    fit(conic, &corners, 960.0, 960.0, 20.0).unwrap()
}

fn city<'a>(labels: &'a [ContextLabel], name: &str) -> Option<&'a ContextLabel> {
    labels
        .iter()
        .find(|l| l.kind == ContextKind::City && l.text == name)
}

#[test]
fn a_map_of_japan_draws_its_prefectures_and_offers_its_cities() {
    let map = japan();
    let km = map.scale_at_centre_km_per_px().unwrap();
    assert!((1.5..3.0).contains(&km), "{km} km/px");
    let v = basemap::view(&map, Detail::for_scale(km), None);
    let jpn = v
        .admin1
        .iter()
        .find(|a| a.adm0_a3 == "JPN")
        .expect("JPN lines");
    assert!(
        jpn.paths.len() > 20,
        "{} JPN admin-1 paths",
        jpn.paths.len()
    );
    let codes: Vec<&str> = v.admin1.iter().map(|a| a.adm0_a3.as_str()).collect();
    assert!(codes.windows(2).all(|w| w[0] < w[1]), "{codes:?}");
    assert!(in_frame_paths(
        v.admin1.iter().flat_map(|a| &a.paths),
        960.0,
        960.0
    ));

    let labels = basemap::context_labels(&map, km);
    let osaka = city(&labels, "Ōsaka").expect("Ōsaka offered");
    let nagoya = city(&labels, "Nagoya").expect("Nagoya offered");
    let tokyo = city(&labels, "Tokyo").expect("Tokyo offered");
    assert_eq!((tokyo.rank, osaka.rank, nagoya.rank), (17, 30, 51));
    assert!(tokyo.capital && tokyo.population > 30_000_000);
    assert_eq!(tokyo.geonameid, Some(1_850_147));
    // The label sits on the city.
    let (x, y) = map.project_px(ll(135.5, 34.7)).unwrap();
    assert!(
        (osaka.at.0 - x).hypot(osaka.at.1 - y) < 10.0,
        "{osaka:?} vs {x},{y}"
    );
    // Most important first; nothing outside the frame; the Sea of Japan is offered.
    assert!(labels.windows(2).all(|w| w[0].rank <= w[1].rank));
    assert!(
        labels
            .iter()
            .all(|l| l.at.0 > 0.0 && l.at.0 < 960.0 && l.at.1 > 0.0 && l.at.1 < 960.0)
    );
    let sea = labels
        .iter()
        .find(|l| l.text == "Sea of Japan")
        .expect("Sea of Japan");
    assert_eq!(sea.kind, ContextKind::Water(WaterKind::Sea));
    assert!(sea.room_px >= basemap::MIN_WATER_ROOM_PX);
    assert_eq!(labels, basemap::context_labels(&map, km), "deterministic");
}

fn in_frame_paths<'a>(paths: impl Iterator<Item = &'a PixelPath>, w: f64, h: f64) -> bool {
    paths
        .flat_map(|p| &p.points)
        .all(|&(x, y)| (0.0..=w).contains(&x) && (0.0..=h).contains(&y))
}

#[test]
fn the_aegean_is_named_on_a_map_of_the_greek_islands() {
    let conic = LambertConic::sphere(25.5, 38.0, 36.0, 40.0).unwrap();
    let map = fit(conic, &[ll(22.5, 35.2), ll(28.5, 40.8)], 800.0, 800.0, 10.0).unwrap();
    let km = map.scale_at_centre_km_per_px().unwrap();
    let labels = basemap::context_labels(&map, km);
    let aegean = labels
        .iter()
        .find(|l| l.text == "Aegean Sea")
        .expect("Aegean Sea");
    assert_eq!(aegean.kind, ContextKind::Water(WaterKind::Sea));
    assert_eq!(aegean.rank, 57);
    let (lon, lat) = aegean.lon_lat;
    assert!(
        (23.0..28.0).contains(&lon) && (35.5..40.5).contains(&lat),
        "{aegean:?}"
    );
    // Its point is in open water: not on land of the 10m basemap.
    let v = basemap::view(&map, Detail::High, None);
    let on_land = v.land.iter().any(|r| ring_contains(&r.points, aegean.at));
    assert!(!on_land, "{aegean:?} on land");
    assert!(city(&labels, "Athens").is_some());
    // The Dardanelles, under 6 px wide at this scale, has no room for its name.
    assert!(labels.iter().all(|l| l.text != "Dardanelles"));
    assert!(
        labels
            .iter()
            .all(|l| l.kind == ContextKind::City || l.room_px >= basemap::MIN_WATER_ROOM_PX)
    );
    // The Mediterranean, too general past zoom 7.5, is not offered at this scale.
    if basemap::label_zoom(km) > 7.5 {
        assert!(labels.iter().all(|l| l.text != "Mediterranean Sea"));
    }
}

/// Even–odd point in ring.
fn ring_contains(ring: &[(f64, f64)], (x, y): (f64, f64)) -> bool {
    let mut inside = false;
    for i in 0..ring.len() {
        let (a, b) = (ring[(i + ring.len() - 1) % ring.len()], ring[i]);
        if (a.1 > y) != (b.1 > y) && x < (b.0 - a.0) * (y - a.1) / (b.1 - a.1) + a.0 {
            inside = !inside;
        }
    }
    inside
}

#[test]
fn a_world_map_has_no_admin1_lines_and_only_world_cities() {
    let b = Bounds {
        min_x: -2.71,
        min_y: -1.32,
        max_x: 2.71,
        max_y: 1.32,
    };
    let map = fit_bounds(EqualEarth::sphere(0.0), b, 960.0, 480.0, 10.0).unwrap();
    let km = map.scale_at_centre_km_per_px().unwrap();
    let v = basemap::view(&map, Detail::for_scale(km), None);
    assert!(
        v.admin1.is_empty(),
        "{:?}",
        v.admin1.iter().map(|a| &a.adm0_a3).collect::<Vec<_>>()
    );
    // Even asked for High detail, a world map draws none.
    assert!(basemap::view(&map, Detail::High, None).admin1.is_empty());
    let labels = basemap::context_labels(&map, km);
    let cities: Vec<&ContextLabel> = labels
        .iter()
        .filter(|l| l.kind == ContextKind::City)
        .collect();
    assert!((3..=30).contains(&cities.len()), "{} cities", cities.len());
    assert!(
        cities
            .iter()
            .all(|c| c.rank <= 21 && c.population > 1_000_000)
    );
    assert!(city(&labels, "Tokyo").is_some());
    assert!(
        labels
            .iter()
            .any(|l| l.kind == ContextKind::Water(WaterKind::Ocean))
    );
}

#[test]
fn each_scale_offers_the_ranks_natural_earth_labels_there() {
    let map = japan();
    let ranks = |km: f64| -> Vec<(String, u8)> {
        basemap::context_labels(&map, km)
            .into_iter()
            .filter(|l| l.kind == ContextKind::City)
            .map(|l| (l.text, l.rank))
            .collect()
    };
    // 40 km/px (zoom 1.97): Tokyo only. 10 km/px (zoom 3.97): Tokyo, Ōsaka, and Seoul (in
    // the frame's north-west corner).
    let names = |v: &[(String, u8)]| v.iter().map(|c| c.0.clone()).collect::<Vec<_>>();
    assert_eq!(names(&ranks(40.0)), ["Tokyo"]);
    assert_eq!(names(&ranks(10.0)), ["Tokyo", "Ōsaka", "Seoul"]);
    // 2.5 km/px (zoom 5.97): ranks up to 59, Nagoya among them, Kōbe (60) not yet.
    let r = ranks(2.5);
    assert!(
        r.iter().all(|c| c.1 <= 59) && r.iter().any(|c| c.0 == "Nagoya"),
        "{r:?}"
    );
    assert!(r.iter().all(|c| c.0 != "Kōbe"));
    // 1 km/px (zoom 7.29): ranks up to 72, but only the most important, up to the bound.
    let r1 = ranks(1.0);
    assert!(r1.iter().all(|c| c.1 <= 72), "{r1:?}");
    assert_eq!(r1.len(), basemap::MAX_CONTEXT_CITIES);
    assert!(r1.windows(2).all(|w| w[0].1 <= w[1].1));
    // Nested: a finer scale offers everything a coarser one does (more important first).
    assert!(r.iter().all(|c| r1.contains(c)));
    assert!(basemap::context_labels(&map, f64::NAN).is_empty());
    assert!(basemap::context_labels(&map, 0.0).is_empty());
}

#[test]
fn admin1_lines_follow_the_unit_size_rule() {
    // The United States at about 6 km/px: its states, not Mexico's or Canada's smaller units
    // drawn where they are too small.
    let conic = LambertConic::sphere(-96.0, 39.0, 33.0, 45.0).unwrap();
    let map = fit(
        conic,
        &[ll(-124.0, 25.0), ll(-67.0, 49.0)],
        960.0,
        600.0,
        10.0,
    )
    .unwrap();
    let km = map.scale_at_centre_km_per_px().unwrap();
    assert!((3.0..12.0).contains(&km), "{km}");
    let v = basemap::view(&map, Detail::for_scale(km), None);
    let codes: Vec<&str> = v.admin1.iter().map(|a| a.adm0_a3.as_str()).collect();
    assert!(
        codes.contains(&"USA") && codes.contains(&"CAN"),
        "{codes:?}"
    );
    let context = basemap::data::context();
    for a in &v.admin1 {
        let unit = context
            .admin1
            .iter()
            .find(|c| c.adm0_a3 == a.adm0_a3)
            .unwrap()
            .unit_km;
        assert!(basemap::admin1_drawn(km, unit));
    }
    // A globe shows only the near side's lines, none behind the horizon.
    let o = Orthographic::sphere(ll(-96.0, 39.0));
    let globe = fit(o, &[ll(-100.0, 35.0), ll(-92.0, 43.0)], 600.0, 600.0, 10.0).unwrap();
    let gkm = globe.scale_at_centre_km_per_px().unwrap();
    let labels = basemap::context_labels(&globe, gkm);
    assert!(
        labels
            .iter()
            .all(|l| l.text != "Beijing" && l.text != "Tokyo")
    );
}

/// The smallest distance from `p` to any point of `paths` (pixels).
fn nearest(paths: &[PixelPath], p: (f64, f64)) -> f64 {
    paths
        .iter()
        .flat_map(|path| path.points.windows(2))
        .map(|w| segment_distance(w[0], w[1], p))
        .fold(f64::INFINITY, f64::min)
}

fn segment_distance(a: (f64, f64), b: (f64, f64), p: (f64, f64)) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len2 = dx * dx + dy * dy;
    let t = if len2 > 0.0 {
        (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    (p.0 - a.0 - t * dx).hypot(p.1 - a.1 - t * dy)
}

/// A 960 × 800 conic map of Bavaria (about 0.45 km per pixel).
fn bavaria() -> Fitted<LambertConic> {
    let conic = LambertConic::sphere(11.4, 49.0, 47.5, 50.5).unwrap();
    fit(conic, &[ll(9.0, 47.3), ll(13.9, 50.6)], 960.0, 800.0, 10.0).unwrap()
}

#[test]
fn a_map_of_bavaria_has_its_state_line_and_its_cities() {
    let map = bavaria();
    let km = map.scale_at_centre_km_per_px().unwrap();
    let v = basemap::view(&map, Detail::for_scale(km), None);
    let deu = &v
        .admin1
        .iter()
        .find(|a| a.adm0_a3 == "DEU")
        .expect("DEU lines")
        .paths;
    // The Bavaria / Baden-Württemberg line follows the Danube between Ulm and Neu-Ulm…
    let danube = map.project_px(ll(9.995, 48.394)).unwrap();
    assert!(nearest(deu, danube) < 3.0, "{} px", nearest(deu, danube));
    // …and the Bavaria / Thuringia line runs north of Coburg; no state line near Munich.
    let coburg = map.project_px(ll(10.96, 50.26)).unwrap();
    assert!(nearest(deu, coburg) < 30.0, "{} px", nearest(deu, coburg));
    let munich = map.project_px(ll(11.575, 48.137)).unwrap();
    assert!(nearest(deu, munich) > 100.0, "{} px", nearest(deu, munich));
    // Austria's and the Czech Republic's regions are in the frame too, by the same rule.
    assert!(v.admin1.iter().any(|a| a.adm0_a3 == "AUT"));

    let labels = basemap::context_labels(&map, km);
    let names: Vec<&str> = labels.iter().map(|l| l.text.as_str()).collect();
    for name in ["Munich", "Nürnberg", "Stuttgart", "Ulm"] {
        assert!(names.contains(&name), "{name} not in {names:?}");
    }
    let m = city(&labels, "Munich").unwrap();
    assert!((m.lon_lat.0 - 11.57).abs() < 0.1 && (m.lon_lat.1 - 48.14).abs() < 0.1);
    assert!((m.at.0 - munich.0).hypot(m.at.1 - munich.1) < 5.0, "{m:?}");
    // Munich before Nuremberg; a few names, not all of them.
    let pos = |n: &str| names.iter().position(|x| *x == n).unwrap();
    assert!(pos("Munich") < pos("Nürnberg"));
    let cities = labels
        .iter()
        .filter(|l| l.kind == ContextKind::City)
        .count();
    assert!(
        (5..=basemap::MAX_CONTEXT_CITIES).contains(&cities),
        "{names:?}"
    );
}

/// A walk from Ulm Minster over the Danube to Neu-Ulm: across the Baden-Württemberg /
/// Bavaria line, inside the frame of a 960 × 800 map (a few metres per pixel).
#[test]
fn a_city_walk_gets_no_context() {
    let tm = Mercator::sphere(10.0);
    let walk = [
        ll(9.9925, 48.3985),
        ll(10.0050, 48.3920),
        ll(9.9870, 48.4010),
    ];
    let map = fit(tm, &walk, 960.0, 800.0, 40.0).unwrap();
    let km = map.scale_at_centre_km_per_px().unwrap();
    assert!(km < basemap::ADMIN1_MIN_KM_PER_PX, "{km} km/px");
    let v = basemap::view(&map, Detail::for_scale(km), None);
    assert!(v.admin1.is_empty(), "{:?}", v.admin1);
    assert!(basemap::context_labels(&map, km).is_empty());
    // The same ground on a regional map has the line and the city.
    let region = bavaria();
    let rkm = region.scale_at_centre_km_per_px().unwrap();
    assert!(
        basemap::context_labels(&region, rkm)
            .iter()
            .any(|l| l.text == "Ulm")
    );
}

/// The Visayas at about 0.5 km per pixel: eight named seas, gulfs, bays and straits, more
/// than a map can use.
#[test]
fn water_names_are_bounded_and_ranked() {
    let conic = LambertConic::sphere(124.0, 11.0, 9.0, 13.0).unwrap();
    let map = fit(
        conic,
        &[ll(121.5, 8.5), ll(126.5, 13.0)],
        1600.0,
        1600.0,
        10.0,
    )
    .unwrap();
    let km = map.scale_at_centre_km_per_px().unwrap();
    let labels = basemap::context_labels(&map, km);
    let water: Vec<&str> = labels
        .iter()
        .filter(|l| matches!(l.kind, ContextKind::Water(_)))
        .map(|l| l.text.as_str())
        .collect();
    // The most important six (ranks 76–78, then by name): Ragay Gulf and Surigao Strait are cut.
    assert_eq!(
        water,
        [
            "Bohol Sea",
            "Sibuyan Sea",
            "Samar Sea",
            "Tayabas Bay",
            "Visayan Sea",
            "Leyte Gulf"
        ]
    );
    assert_eq!(water.len(), basemap::MAX_CONTEXT_WATERS);
    assert!(
        labels
            .iter()
            .all(|l| l.kind == ContextKind::City || l.room_px >= basemap::MIN_WATER_ROOM_PX)
    );
}

/// A stop named in its own script is its town: the map does not also write the context city
/// of the same name in Latin letters beside it, though it still names the towns around.
#[test]
fn a_stop_named_in_devanagari_is_not_named_again_in_latin() {
    let json = r#"{"stops": [
        {"name": "काठमाडौं", "lat": 27.7172, "lon": 85.324},
        {"name": "भक्तपुर", "lat": 27.671, "lon": 85.4298},
        {"name": "पोखरा", "lat": 28.2096, "lon": 83.9856},
        {"name": "चितवन", "lat": 27.5783, "lon": 84.4958},
        {"name": "लुम्बिनी", "lat": 27.4833, "lon": 83.2767}
    ]}"#;
    let it = tripmap::io::read(json.as_bytes(), tripmap::io::Format::Json).unwrap();
    let route = tripmap::routing::plan(&it, tripmap::routing::Order::AsGiven).unwrap();
    let mut options = tripmap::scene::MapOptions::default();
    options.width_px = 960.0;
    let scene = tripmap::scene::build(&route, &options).unwrap();
    let svg = String::from_utf8(tripmap::render::svg::write(&scene)).unwrap();
    assert!(svg.contains(">पोखरा<"), "the stop is named");
    for town in ["Pokhara", "Kathmandu"] {
        assert!(!svg.contains(&format!(">{town}<")), "{town} named twice");
    }
    assert!(
        svg.matches("-context-city\"").count() >= 2,
        "the towns around are still named: {}",
        svg.matches("-context-city\"").count()
    );
}
