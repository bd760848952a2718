//! The basemap on real Natural Earth data: clipping at the cut meridian, the poles and the
//! globe's horizon; countries by position; detail by scale; determinism.

use tripmap::basemap::{self, BasemapView, Detail, PixelPath};
use tripmap::model::LonLat;
use tripmap::projection::{
    AzimuthalEquidistant, Bounds, EqualEarth, Fitted, LambertConic, Mercator, Orthographic,
    Projection, fit, fit_bounds,
};
use tripmap::trig;

fn ll(lon: f64, lat: f64) -> LonLat {
    LonLat::new(lon, lat).unwrap()
}

/// The paths of the geographic layers: land, lakes, countries, borders, coastline.
fn geographic_paths(v: &BasemapView) -> impl Iterator<Item = &PixelPath> {
    v.land
        .iter()
        .chain(&v.lakes)
        .chain(v.countries.iter().flat_map(|c| &c.paths))
        .chain(&v.borders)
        .chain(&v.coastline)
}

/// Every path of the view: the geographic layers, the graticule and the outline.
fn all_paths(v: &BasemapView) -> impl Iterator<Item = &PixelPath> {
    geographic_paths(v).chain(&v.graticule).chain(&v.outline)
}

/// Every segment of every path, closing segments of rings included.
fn segments(p: &PixelPath) -> Vec<((f64, f64), (f64, f64))> {
    let n = p.points.len();
    let mut s: Vec<_> = p.points.windows(2).map(|w| (w[0], w[1])).collect();
    if p.closed && n > 2 {
        s.push((p.points[n - 1], p.points[0]));
    }
    s
}

/// The longest segment of the geographic layers (not the graticule, whose straight parallels
/// simplify to one segment), leaving out horizontal segments along the frame's top or bottom
/// or along a pole line (`pole_ys`): those are Antarctica's honest edges.
fn longest_segment<P: Projection>(v: &BasemapView, map: &Fitted<P>) -> f64 {
    let mut pole_ys: Vec<f64> = vec![0.0, map.height_px()];
    for lat in [-90.0, 90.0] {
        pole_ys.extend(map.project_px(ll(0.0, lat)).map(|p| p.1));
    }
    let along = |y: f64| pole_ys.iter().any(|&py| (py - y).abs() < 0.2);
    geographic_paths(v)
        .flat_map(segments)
        .filter(|(a, b)| !((a.1 - b.1).abs() < 0.2 && along(a.1)))
        .map(|(a, b)| (b.0 - a.0).hypot(b.1 - a.1))
        .fold(0.0, f64::max)
}

fn world<P: Projection>(p: P, cm: f64) -> Fitted<P> {
    let pts = [
        ll(0.0, -89.0),
        ll(0.0, 89.0),
        ll(wrap(cm + 179.9), 0.0),
        ll(wrap(cm - 179.9), 0.0),
    ];
    fit(p, &pts, 960.0, 480.0, 5.0).unwrap()
}

fn wrap(x: f64) -> f64 {
    (x + 180.0).rem_euclid(360.0) - 180.0
}

fn in_frame(v: &BasemapView, w: f64, h: f64) -> bool {
    all_paths(v)
        .flat_map(|p| &p.points)
        .all(|&(x, y)| (0.0..=w).contains(&x) && (0.0..=h).contains(&y))
}

#[test]
fn pacific_centred_world_has_no_streak() {
    for cm in [180.0, 150.0, -160.0, 0.0] {
        let map = world(EqualEarth::sphere(cm), cm);
        for detail in [Detail::Low, Detail::Medium] {
            let v = basemap::view(&map, detail, Some(30.0));
            let longest = longest_segment(&v, &map);
            assert!(
                longest < 0.5 * map.width_px(),
                "cm {cm} {detail:?}: segment of {longest} px"
            );
            assert!(in_frame(&v, map.width_px(), map.height_px()));
            assert!(v.land.len() > 50 && v.coastline.len() > 50 && v.borders.len() > 100);
            assert_eq!(v.outline.len(), 1, "the world's oval");
        }
    }
}

#[test]
fn pacific_view_keeps_both_halves_of_russia_and_fiji() {
    let map = world(EqualEarth::sphere(180.0), 180.0);
    let v = basemap::view(&map, Detail::Low, None);
    let rus = v.countries.iter().find(|c| c.adm0_a3 == "RUS").unwrap();
    // Chukotka (east of 180°) is drawn right of the centre, the rest of Russia left of it.
    let xs: Vec<f64> = rus
        .paths
        .iter()
        .flat_map(|p| &p.points)
        .map(|p| p.0)
        .collect();
    let centre = map.width_px() / 2.0;
    assert!(xs.iter().any(|&x| x > centre + 1.0) && xs.iter().any(|&x| x < centre - 1.0));
    assert!(xs.iter().all(|&x| x > centre - 0.45 * map.width_px()));
}

#[test]
fn antarctica_fills_the_bottom_of_a_world_map_without_smear() {
    let map = world(EqualEarth::sphere(0.0), 0.0);
    let v = basemap::view(&map, Detail::Low, None);
    let ata = v.countries.iter().find(|c| c.adm0_a3 == "ATA").unwrap();
    let (lo, hi) = ata
        .paths
        .iter()
        .flat_map(|p| &p.points)
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), p| {
            (lo.min(p.1), hi.max(p.1))
        });
    // Its ring reaches the pole line and stays south.
    let pole = map.project_px(ll(0.0, -90.0)).unwrap().1;
    assert!(
        (hi - pole).abs() < 0.2,
        "lowest point {hi}, pole line {pole}"
    );
    assert!(lo > map.height_px() * 0.75, "highest point {lo}");
}

#[test]
fn mercator_stops_at_85_degrees() {
    let m = Mercator::sphere(0.0);
    let map = fit(m, &[ll(-179.0, -84.9), ll(179.0, 84.9)], 800.0, 800.0, 0.0).unwrap();
    let v = basemap::view(&map, Detail::Low, Some(20.0));
    assert!(in_frame(&v, 800.0, 800.0));
    assert!(longest_segment(&v, &map) < 400.0);
    let top = map.project_px(ll(0.0, 85.0)).unwrap().1;
    let ata = v.countries.iter().find(|c| c.adm0_a3 == "ATA").unwrap();
    assert!(ata.paths.iter().flat_map(|p| &p.points).all(|p| p.1 > top));
}

#[test]
fn globe_stays_inside_the_visible_disc() {
    for centre in [
        ll(-30.0, 35.0),
        ll(0.0, -90.0),
        ll(180.0, 60.0),
        ll(140.0, -10.0),
    ] {
        let o = Orthographic::sphere(centre);
        let pts = [0.0, 90.0, 180.0, 270.0].map(|az: f64| destination(centre, az, 89.0));
        let map = fit(o, &pts, 600.0, 600.0, 10.0).unwrap();
        let (cx, cy) = map.project_px(centre).unwrap();
        let radius = map.scale(); // the unit sphere's horizon, in pixels
        let v = basemap::view(&map, Detail::Low, Some(15.0));
        assert!(v.land.len() > 5, "{centre}");
        assert_eq!(v.outline.len(), 1, "the globe's disc");
        for p in all_paths(&v).flat_map(|p| &p.points) {
            let r = (p.0 - cx).hypot(p.1 - cy);
            assert!(
                r <= radius + 0.15,
                "{centre}: point {p:?} at {r} px, horizon at {radius}"
            );
        }
        assert!(longest_segment(&v, &map) < radius);
    }
}

/// The point `dist_deg` of arc from `c` at azimuth `az_deg` on the sphere.
fn destination(c: LonLat, az_deg: f64, dist_deg: f64) -> LonLat {
    let (lat1, lon1, az, d) = (
        c.lat().to_radians(),
        c.lon().to_radians(),
        az_deg.to_radians(),
        dist_deg.to_radians(),
    );
    let lat2 =
        trig::asin(trig::sin(lat1) * trig::cos(d) + trig::cos(lat1) * trig::sin(d) * trig::cos(az));
    let lon2 = lon1
        + trig::atan2(
            trig::sin(az) * trig::sin(d) * trig::cos(lat1),
            trig::cos(d) - trig::sin(lat1) * trig::sin(lat2),
        );
    ll(wrap(lon2.to_degrees()), lat2.to_degrees())
}

#[test]
fn middle_east_conic_at_high_detail() {
    let l = LambertConic::sphere(38.0, 32.0, 28.0, 36.0).unwrap();
    let map = fit(
        l,
        &[
            ll(34.8, 32.1),
            ll(35.9, 31.95),
            ll(44.4, 33.3),
            ll(35.2, 31.9),
        ],
        960.0,
        600.0,
        40.0,
    )
    .unwrap();
    let km = map.scale_at_centre_km_per_px().unwrap();
    let detail = Detail::for_scale(km);
    let v = basemap::view(&map, detail, None);
    let codes: Vec<&str> = v.countries.iter().map(|c| c.adm0_a3.as_str()).collect();
    for code in ["ISR", "JOR", "PSX", "IRQ", "SYR", "SAU"] {
        assert!(
            codes.contains(&code),
            "{code} missing at {km} km/px: {codes:?}"
        );
    }
    assert!(!v.coastline.is_empty() && !v.borders.is_empty() && !v.lakes.is_empty());
    assert!(in_frame(&v, 960.0, 600.0));
}

#[test]
fn country_of_known_places() {
    let at = |lon, lat| basemap::country_of(ll(lon, lat)).map(|c| c.adm0_a3);
    assert_eq!(at(35.9106, 31.9539).as_deref(), Some("JOR")); // Amman
    assert_eq!(at(35.2042, 31.9038).as_deref(), Some("PSX")); // Ramallah, West Bank
    assert_eq!(at(139.6917, 35.6895).as_deref(), Some("JPN")); // Tokyo
    assert_eq!(at(2.3522, 48.8566).as_deref(), Some("FRA")); // Paris (ISO_A3 is -99)
    assert_eq!(at(10.7522, 59.9139).as_deref(), Some("NOR")); // Oslo (ISO_A3 is -99)
    assert_eq!(at(-30.0, 30.0), None); // mid-Atlantic
    assert_eq!(at(-150.0, -20.0), None); // mid-Pacific
    let jordan = basemap::country_of(ll(35.9106, 31.9539)).unwrap();
    assert_eq!(jordan.name, "Jordan");
    // Its label point is in Jordan too.
    assert_eq!(basemap::country_of(jordan.label).unwrap().adm0_a3, "JOR");
}

#[test]
fn detail_follows_the_scale() {
    assert_eq!(Detail::for_scale(40.0), Detail::Low);
    assert_eq!(Detail::for_scale(12.0), Detail::Low);
    assert_eq!(Detail::for_scale(11.9), Detail::Medium);
    assert_eq!(Detail::for_scale(2.5), Detail::Medium);
    assert_eq!(Detail::for_scale(2.4), Detail::High);
    assert_eq!(Detail::for_scale(0.1), Detail::High);
    assert_eq!(Detail::for_scale(f64::NAN), Detail::Low);
}

#[test]
fn views_are_deterministic_and_rounded() {
    let map = world(EqualEarth::sphere(180.0), 180.0);
    let a = basemap::view(&map, Detail::Low, Some(30.0));
    let b = basemap::view(&map, Detail::Low, Some(30.0));
    assert_eq!(a, b);
    assert_eq!(
        basemap::svg_path_data(&a.land),
        basemap::svg_path_data(&b.land)
    );
    for p in all_paths(&a).flat_map(|p| &p.points) {
        for v in [p.0, p.1] {
            assert!(
                ((v * 10.0).round() - v * 10.0).abs() < 1e-6,
                "{v} not rounded to 0.1"
            );
        }
    }
}

#[test]
fn svg_path_data_is_compact_and_relative() {
    let paths = [
        PixelPath {
            points: vec![(10.0, 20.5), (12.0, 20.0), (11.5, 25.0)],
            closed: true,
        },
        PixelPath {
            points: vec![(0.0, 0.0), (3.0, 4.0)],
            closed: false,
        },
    ];
    assert_eq!(
        basemap::svg_path_data(&paths),
        "M10 20.5l2-.5-.5 5zM0 0l3 4"
    );
}

#[test]
fn azimuthal_equidistant_world_is_a_disc_torn_only_at_the_antipode() {
    let pi = std::f64::consts::PI;
    let b = Bounds::centred(0.0, 0.0, pi, pi);
    let map = fit_bounds(
        AzimuthalEquidistant::sphere(ll(35.9, 31.9)),
        b,
        700.0,
        700.0,
        10.0,
    )
    .unwrap();
    let v = basemap::view(&map, Detail::Low, Some(30.0));
    assert_eq!(
        v.outline.len(),
        1,
        "one disc, not a sliver along the cut meridian"
    );
    let area: f64 = {
        let r = &v.outline[0].points;
        let n = r.len();
        0.5 * (0..n)
            .map(|i| r[i].0 * r[(i + 1) % n].1 - r[(i + 1) % n].0 * r[i].1)
            .sum::<f64>()
    };
    let disc = pi * (pi * map.scale()).powi(2);
    assert!(
        (area.abs() / disc - 1.0).abs() < 0.01,
        "outline area {area}, disc {disc}"
    );
    let (cx, cy) = (350.0, 350.0);
    for p in all_paths(&v).flat_map(|p| &p.points) {
        assert!((p.0 - cx).hypot(p.1 - cy) <= pi * map.scale() + 0.15);
    }
    assert!(v.land.len() > 50);
}

#[test]
fn every_country_label_point_is_inside_its_country() {
    let all = basemap::data::countries(Detail::Medium);
    assert!(all.len() > 200, "{}", all.len());
    assert!(basemap::country_label("XXX").is_none());
    let mut wrong = Vec::new();
    for c in all {
        let label = basemap::country_label(&c.adm0_a3).unwrap();
        if basemap::country_of(label).map(|k| k.adm0_a3) != Some(c.adm0_a3.clone()) {
            wrong.push(c.adm0_a3.clone());
        }
    }
    assert!(wrong.is_empty(), "labels outside their country: {wrong:?}");
}

#[test]
fn zoomed_globe_and_empty_sea_views() {
    // An orthographic close-up of the Levant: the globe's cap and the regional filter together.
    let o = Orthographic::sphere(ll(35.5, 32.0));
    let map = fit(o, &[ll(34.0, 30.5), ll(37.0, 33.5)], 640.0, 640.0, 20.0).unwrap();
    let v = basemap::view(&map, Detail::High, None);
    assert!(in_frame(&v, 640.0, 640.0));
    let codes: Vec<&str> = v.countries.iter().map(|c| c.adm0_a3.as_str()).collect();
    assert!(
        codes.contains(&"PSX") && codes.contains(&"JOR") && codes.contains(&"ISR"),
        "{codes:?}"
    );
    // A map of open ocean has sea and nothing else.
    let m = fit(
        Mercator::sphere(-125.0),
        &[ll(-130.0, -42.0), ll(-120.0, -35.0)],
        400.0,
        400.0,
        10.0,
    )
    .unwrap();
    let v = basemap::view(&m, Detail::Medium, None);
    assert!(
        v.land.is_empty() && v.countries.is_empty() && v.borders.is_empty(),
        "{v:?}"
    );
    assert_eq!(v.outline.len(), 1);
}
