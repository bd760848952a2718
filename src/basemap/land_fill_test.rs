//! The land of a view is filled where the land is: on maps of every kind (world maps at many
//! central meridians, azimuthal maps over the poles and the oceans), pixels sampled across the
//! frame are land in the view's fill (even-odd over its rings, as the SVG fills them) exactly
//! when their place is inside Natural Earth's land polygons. It catches the world drawn as
//! land and the land as sea (the Beagle's world map, before Antarctica's ring was started
//! where it leaves the pole).

use super::decode::BBox;
use super::{Detail, PixelPath, data, view};
use crate::geometry::{inside_ring, inside_rings};
use crate::model::LonLat;
use crate::projection::{AzimuthalEquidistant, EqualEarth, Mercator, Projection, fit};

/// Samples per side of the frame.
const GRID: usize = 36;

/// Whether a pixel is filled by `rings` under the even-odd rule.
fn filled(rings: &[PixelPath], p: (f64, f64)) -> bool {
    rings.iter().filter(|r| inside_ring(p, &r.points)).count() % 2 == 1
}

/// Whether a place is on land at `detail` (Natural Earth's polygons, in degrees).
fn on_land(detail: Detail, p: LonLat) -> bool {
    let (x, y) = (p.lon(), p.lat());
    let inside = |b: &BBox| b.0 <= x && x <= b.2 && b.1 <= y && y <= b.3;
    data::layers(detail)
        .land
        .iter()
        .any(|f| inside(&f.bbox) && inside_rings((x, y), &f.geometry.get().polygon))
}

/// The share of sampled pixels whose fill agrees with the land under them, on a map of
/// `places` in `projection`, 480 by 360 px.
fn agreement<P: Projection>(projection: P, places: &[(f64, f64)], detail: Detail) -> f64 {
    let points: Vec<LonLat> = places
        .iter()
        .map(|&(x, y)| LonLat::new(x, y).unwrap())
        .collect();
    agreement_of(
        &fit(projection, &points, 480.0, 360.0, 20.0).unwrap(),
        detail,
    )
}

/// The share of sampled pixels of `fitted` whose fill agrees with the land under them.
fn agreement_of<P: Projection>(fitted: &crate::projection::Fitted<P>, detail: Detail) -> f64 {
    let (w, h) = (fitted.width_px(), fitted.height_px());
    let v = view(fitted, detail, None);
    let (mut agree, mut seen) = (0, 0);
    for i in 0..GRID {
        for j in 0..GRID {
            let px = (i as f64 + 0.5) * w / GRID as f64;
            let py = (j as f64 + 0.5) * h / GRID as f64;
            let Some(place) = fitted.inverse_px(px, py) else {
                continue;
            };
            // Beyond the projection's domain the inverse clamps (to a pole): no place there.
            let back = fitted.project_px(place);
            if back.is_none_or(|(x, y)| (x - px).hypot(y - py) > 0.5) {
                continue;
            }
            // Off the globe (outside a world map's outline, when it has one) nothing is drawn.
            if !v.outline.is_empty() && !filled(&v.outline, (px, py)) {
                continue;
            }
            seen += 1;
            if filled(&v.land, (px, py)) == on_land(detail, place) {
                agree += 1;
            }
        }
    }
    agree as f64 / seen.max(1) as f64
}

#[test]
fn land_is_filled_where_the_land_is() {
    let world = [(-170.0, -50.0), (170.0, 60.0), (0.0, 0.0)];
    let mut cases: Vec<(String, f64)> = Vec::new();
    for cm in (-180..180).step_by(15) {
        let cm = f64::from(cm);
        cases.push((
            format!("Equal Earth at {cm}"),
            agreement(EqualEarth::sphere(cm), &world, Detail::Low),
        ));
    }
    for cm in [-60.0, 110.0] {
        cases.push((
            format!("Mercator at {cm}"),
            agreement(Mercator::sphere(cm), &world, Detail::Low),
        ));
    }
    // Azimuthal maps: over each pole, over the Ross Sea and over the Atlantic.
    for (centre, places, detail) in [
        (
            (0.0, -90.0),
            vec![(0.0, -60.0), (180.0, -60.0)],
            Detail::Low,
        ),
        ((0.0, 90.0), vec![(0.0, 60.0), (180.0, 60.0)], Detail::Low),
        (
            (172.0, -62.0),
            vec![(172.6, -43.5), (166.7, -77.8), (0.0, -90.0)],
            Detail::Low,
        ),
        (
            (172.0, -62.0),
            vec![(172.6, -43.5), (166.7, -77.8), (0.0, -90.0)],
            Detail::Medium,
        ),
        (
            (-30.0, 0.0),
            vec![(-50.0, 40.0), (10.0, -30.0)],
            Detail::Medium,
        ),
    ] {
        let c = LonLat::new(centre.0, centre.1).unwrap();
        cases.push((
            format!("azimuthal at {centre:?}, {detail:?}"),
            agreement(AzimuthalEquidistant::sphere(c), &places, detail),
        ));
    }
    let bad: Vec<&(String, f64)> = cases.iter().filter(|(_, a)| *a < 0.95).collect();
    assert!(bad.is_empty(), "fill and land disagree: {bad:?}");
}

/// On a globe cut to a cap (an azimuthal map over the mid-Pacific), Afro-Eurasia holds the
/// point opposite the centre; its ring, clipped to the cap, came back round the horizon and
/// enclosed everything it leaves out, and sea and land swapped.
#[test]
fn land_is_filled_on_a_globe_cut_to_a_cap() {
    let c = LonLat::new(-160.0, 10.0).unwrap();
    let places = [(140.0, 35.0), (-120.0, 35.0), (150.0, -30.0)];
    let a = agreement(AzimuthalEquidistant::sphere(c), &places, Detail::Low);
    assert!(a >= 0.95, "{a}");
}

/// The share of sampled pixels whose fill agrees with the land under them on the main map of
/// `trip` (tripmap JSON) as the scene draws it, `width` px wide, in `projection` or the one
/// chosen for the trip.
fn trip_map_agreement(
    trip: &[u8],
    projection: Option<crate::projection::ProjectionKind>,
    width: f64,
) -> f64 {
    use crate::projection::Bounds;
    use crate::scene::{Framing, MapOptions};
    let trip = crate::io::read(trip, crate::io::Format::Json).unwrap();
    let route = crate::routing::plan(&trip, crate::routing::Order::AsGiven).unwrap();
    let o = MapOptions {
        width_px: width,
        projection,
        ..MapOptions::default()
    };
    let scene = crate::scene::build(&route, &o).unwrap();
    let d = scene.natural_earth.as_ref().unwrap();
    // The main map's fit, as the scene made it: its area in projection units.
    let ((tx, ty), (w, h), s) = (d.translation, d.size, d.scale);
    let area = Bounds {
        min_x: -tx / s,
        min_y: (ty - h) / s,
        max_x: (w - tx) / s,
        max_y: ty / s,
    };
    let projection = Framing::new(&route, o.projection).projection();
    let fitted = crate::projection::fit_bounds(projection, area, w, h, 0.0).unwrap();
    agreement_of(&fitted, d.detail)
}

/// The land fill of real maps, as the scene draws them: the Beagle's world map (which drew
/// the sea as land) and a journey from New Zealand to the South Pole, at several widths.
#[test]
fn land_is_filled_where_the_land_is_on_trip_maps() {
    let antarctic = r#"{"title": "From Otago to the Pole and back", "stops": [
        {"name": "Dunedin", "lat": -45.87, "lon": 170.5},
        {"name": "Cape Hallett", "lat": -72.3, "lon": 170.2},
        {"name": "Scott Base", "lat": -77.85, "lon": 166.77},
        {"name": "Amundsen-Scott Station", "lat": -90.0, "lon": 0.0},
        {"name": "Scott Base", "lat": -77.85, "lon": 166.77},
        {"name": "Dunedin", "lat": -45.87, "lon": 170.5}]}"#;
    let trips: [(&str, &[u8]); 2] = [
        (
            "Beagle",
            include_bytes!("../../tests/corpus/darwin-beagle-voyage.json"),
        ),
        ("Otago", antarctic.as_bytes()),
    ];
    for (name, bytes) in trips {
        for width in [320.0, 400.0, 480.0, 640.0, 960.0] {
            let a = trip_map_agreement(bytes, None, width);
            assert!(a >= 0.95, "{name} at {width} px: {a}");
        }
    }
}

/// Globes of trips spread over a hemisphere, from a sweep of random trips. On the first two
/// (orthographic) a sliver of Asia seen edge-on at the rim, its coast and the horizon a
/// fraction of a pixel apart, crossed itself, and the cut at the frame walked round the whole
/// frame; on the third (azimuthal, centred on the North Pole) the horizon, computed as nought
/// over nought for a cap centred on a pole, ran anywhere and crossed itself too. All three
/// drew the sea as land.
#[test]
fn land_is_filled_on_globes_of_trips_across_a_hemisphere() {
    use crate::projection::ProjectionKind::{AzimuthalEquidistant, Orthographic};
    let stops = |s: [(f64, f64); 4]| {
        let stops: Vec<String> = s
            .iter()
            .enumerate()
            .map(|(i, (lat, lon))| format!(r#"{{"name": "S{i}", "lat": {lat}, "lon": {lon}}}"#))
            .collect();
        format!(r#"{{"stops": [{}]}}"#, stops.join(","))
    };
    let cases = [
        (
            stops([
                (-23.04, 140.76),
                (-4.59, 171.54),
                (-57.9, -117.57),
                (3.17, -163.49),
            ]),
            Some(Orthographic),
            320.0,
        ),
        (
            stops([
                (20.41, -6.78),
                (19.49, -144.52),
                (13.6, -142.95),
                (26.99, -7.36),
            ]),
            Some(Orthographic),
            960.0,
        ),
        (
            stops([
                (89.0, 154.45),
                (10.71, 147.2),
                (26.57, -24.97),
                (89.0, -119.89),
            ]),
            Some(AzimuthalEquidistant),
            320.0,
        ),
    ];
    for (trip, projection, width) in cases {
        let a = trip_map_agreement(trip.as_bytes(), projection, width);
        assert!(a >= 0.95, "{trip} {projection:?} at {width} px: {a}");
    }
}

/// A sweep of random trips (2–7 stops within half a degree, 5°, 30° and 120° of 30 random
/// places) drawn in the projection chosen for them and in each of the seven, at 400 and
/// 1,280 px: 1,920 maps, a minute or two in release. Not part of the suite; run it with a
/// new seed after changing how the basemap is cut or clipped:
/// `TRIPMAP_SWEEP_SEED=7 cargo test --release --lib land_fill_sweep -- --ignored --nocapture`.
/// Seed 23 (4 stops, 320 and 960 px) found the globes above; seeds 99 and 2027 pass.
#[test]
#[ignore]
fn land_fill_sweep_of_random_trips() {
    use crate::projection::ProjectionKind::*;
    let mut seed: u64 = std::env::var("TRIPMAP_SWEEP_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(99);
    let mut random = || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 11) as f64 / (1u64 << 53) as f64
    };
    let kinds = [
        None,
        Some(Mercator),
        Some(Equirectangular),
        Some(EqualEarth),
        Some(NaturalEarth),
        Some(LambertConic),
        Some(AzimuthalEquidistant),
        Some(Orthographic),
    ];
    let mut bad = Vec::new();
    for _ in 0..30 {
        let lon = random() * 360.0 - 180.0;
        let lat = random() * 150.0 - 75.0;
        for spread in [0.5, 5.0, 30.0, 120.0] {
            let n = 2 + (random() * 6.0) as usize;
            let stops: Vec<String> = (0..n)
                .map(|i| {
                    let x = crate::geodesy::wrap_lon(lon + (random() - 0.5) * 2.0 * spread);
                    let y = (lat + (random() - 0.5) * spread).clamp(-89.0, 89.0);
                    format!(r#"{{"name": "S{i}", "lat": {y}, "lon": {x}}}"#)
                })
                .collect();
            let trip = format!(r#"{{"stops": [{}]}}"#, stops.join(","));
            for kind in kinds {
                for width in [400.0, 1280.0] {
                    let a = trip_map_agreement(trip.as_bytes(), kind, width);
                    if a < 0.95 {
                        bad.push(format!("{a:.3} {kind:?} at {width} px: {trip}"));
                    }
                }
            }
        }
    }
    assert!(bad.is_empty(), "{bad:#?}");
}
