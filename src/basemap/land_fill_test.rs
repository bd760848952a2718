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

/// The land fill of real maps, as the scene draws them: the Beagle's world map (which drew
/// the sea as land) and a journey from New Zealand to the South Pole, at several widths.
#[test]
fn land_is_filled_where_the_land_is_on_trip_maps() {
    use crate::projection::Bounds;
    use crate::scene::{Framing, MapOptions};
    let antarctic = r#"{"title": "From Otago to the Pole and back", "stops": [
        {"name": "Dunedin", "lat": -45.87, "lon": 170.5},
        {"name": "Cape Hallett", "lat": -72.3, "lon": 170.2},
        {"name": "Scott Base", "lat": -77.85, "lon": 166.77},
        {"name": "Amundsen-Scott Station", "lat": -90.0, "lon": 0.0},
        {"name": "Scott Base", "lat": -77.85, "lon": 166.77},
        {"name": "Dunedin", "lat": -45.87, "lon": 170.5}]}"#;
    let trips: [&[u8]; 2] = [
        include_bytes!("../../tests/corpus/darwin-beagle-voyage.json"),
        antarctic.as_bytes(),
    ];
    for bytes in trips {
        let trip = crate::io::read(bytes, crate::io::Format::Json).unwrap();
        let route = crate::routing::plan(&trip, crate::routing::Order::AsGiven).unwrap();
        for width in [320.0, 400.0, 480.0, 640.0, 960.0] {
            let o = MapOptions {
                width_px: width,
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
            let a = agreement_of(&fitted, d.detail);
            assert!(
                a >= 0.95,
                "{} at {width} px: {a}",
                trip.title.unwrap_or_default()
            );
        }
    }
}

/// Globes (orthographic and azimuthal) over random places, from a few degrees across to a
/// hemisphere. Deep inside a continent, no vertex of its ring is on the cap and the land was
/// left out; a shape reaching all round the far side (Afro-Eurasia seen from the South
/// Pacific) was drawn as the horizon less a ring hugging the horizon, and the land of the
/// whole globe swapped with the sea. 11 of these 240 maps failed so.
#[test]
fn land_is_filled_on_globes_anywhere() {
    use crate::projection::Orthographic;
    let mut seed: u64 = 11;
    let mut random = || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 11) as f64 / (1u64 << 53) as f64
    };
    let mut bad = Vec::new();
    for _ in 0..80 {
        let lon = random() * 360.0 - 180.0;
        let lat = random() * 140.0 - 70.0;
        for spread in [5.0, 20.0, 60.0] {
            let places: Vec<(f64, f64)> = (0..4)
                .map(|_| {
                    let x = crate::geodesy::wrap_lon(lon + (random() - 0.5) * 2.0 * spread);
                    let y = (lat + (random() - 0.5) * spread).clamp(-89.0, 89.0);
                    (x, y)
                })
                .collect();
            let c = LonLat::new(lon, lat).unwrap();
            let a = agreement(Orthographic::sphere(c), &places, Detail::Low);
            let b = agreement(AzimuthalEquidistant::sphere(c), &places, Detail::Low);
            if a.min(b) < 0.95 {
                bad.push(format!("{lon:.1} {lat:.1} spread {spread}: {a:.3} {b:.3}"));
            }
        }
    }
    assert!(bad.is_empty(), "{bad:#?}");
}
