//! Choosing a projection for a trip, as a cartographer would.
//!
//! In: the trip's positions as (lon, lat) degrees (longitudes may run on beyond ±180, as along
//! a route crossing the antimeridian), and optionally a projection the user forced. Out: a boxed
//! spherical [`Projection`] centred on the trip.
//!
//! # The rules
//! First the trip's extent ([`TripExtent`]): its **central meridian** is the middle of the
//! smallest arc of longitude that covers every position (found as the complement of the widest
//! empty gap between them, so a trip Tokyo–Honolulu–Auckland centres near 180°, not near 0°),
//! its centre is that meridian at the middle of the latitude range, and its **radius** is the
//! largest great-circle angle from the centre to a position. Then, in order:
//! 1. **Regional** (latitude span < 40° and longitude span < 60°): a Lambert conformal conic
//!    with standard parallels at 1/6 and 5/6 of the latitude span (Kavrayskiy's rule), true
//!    shapes for a compact area; but if the trip reaches or crosses the equator, where a cone
//!    degenerates, an azimuthal equidistant centred on the trip.
//! 2. **Continental, one hemisphere** (latitude span ≤ 60°, longitude span ≤ 120°, all
//!    positions on one side of the equator, mid-latitude at least 15° from it): the same conic,
//!    the usual choice for mid-latitude land masses (Europe, the USA, China).
//! 3. **Up to a hemisphere** (radius ≤ 90°): an azimuthal equidistant centred on the trip, so
//!    distances and directions from the centre are true and the whole route is in one piece.
//! 4. **More than a hemisphere**: Equal Earth, an equal-area world map, rotated to the central
//!    meridian so the route is not cut at the antimeridian.
//!
//! Before these, a **polar trip** (one that comes within 15° of a pole and circles it through
//! more than 90° of longitude, or reaches 88°: an Arctic cruise, a flight over the pole) gets an
//! azimuthal equidistant centred on the pole, the polar map sailors and airlines use; a cone or
//! an oblique view would stretch the ring of stops around the pole.
//!
//! A forced projection is built with the same centre (and, for the conic, the same parallels).
//! Maps use a sphere of the Earth's mean radius: at map scales the ellipsoid makes no visible
//! difference, and spherical formulas have no iterations.

use super::{
    AzimuthalEquidistant, EqualEarth, Equirectangular, LambertConic, Mercator, NaturalEarth,
    Orthographic, Projection, ProjectionKind, TripExtent,
};

/// The projection the rules in this module's documentation pick for `extent`.
pub fn choose_kind(extent: &TripExtent) -> ProjectionKind {
    if extent.polar().is_some() {
        return ProjectionKind::AzimuthalEquidistant;
    }
    let (lat_span, lon_span) = (extent.lat_span(), extent.lon_span);
    if lat_span < 40.0 && lon_span < 60.0 {
        return if extent.crosses_equator() {
            ProjectionKind::AzimuthalEquidistant
        } else {
            ProjectionKind::LambertConic
        };
    }
    let mid = (extent.lat_min + extent.lat_max) / 2.0;
    if lat_span <= 60.0 && lon_span <= 120.0 && !extent.crosses_equator() && mid.abs() >= 15.0 {
        return ProjectionKind::LambertConic;
    }
    if extent.radius <= 90.0 {
        ProjectionKind::AzimuthalEquidistant
    } else {
        ProjectionKind::EqualEarth
    }
}

/// Builds a spherical projection of `kind` centred on `extent`.
pub fn build(kind: ProjectionKind, extent: &TripExtent) -> Box<dyn Projection + Send + Sync> {
    let lon_0 = extent.central_meridian;
    let mid = (extent.lat_min + extent.lat_max) / 2.0;
    match kind {
        ProjectionKind::Mercator => Box::new(Mercator::sphere(lon_0)),
        ProjectionKind::Equirectangular => Box::new(Equirectangular::sphere(lon_0, mid)),
        ProjectionKind::EqualEarth => Box::new(EqualEarth::sphere(lon_0)),
        ProjectionKind::NaturalEarth => Box::new(NaturalEarth::sphere(lon_0)),
        ProjectionKind::LambertConic => Box::new(conic(extent)),
        ProjectionKind::AzimuthalEquidistant => {
            Box::new(AzimuthalEquidistant::sphere(azimuthal_centre(extent)))
        }
        ProjectionKind::Orthographic => Box::new(Orthographic::sphere(extent.globe_centre())),
    }
}

/// Where an azimuthal map of the trip is centred: the pole for a polar trip, else the trip's
/// centre.
fn azimuthal_centre(extent: &TripExtent) -> crate::model::LonLat {
    match extent.polar() {
        Some(sign) => {
            crate::model::LonLat::new(extent.central_meridian, 90.0 * sign).unwrap_or(extent.centre)
        }
        None => extent.centre,
    }
}

/// The conic with parallels at 1/6 and 5/6 of the latitude span (within ±89°). Where those
/// make no cone (symmetric about the equator), a cone tangent at the mid-latitude, or at 1° from
/// the equator on the side of the mid-latitude when that is closer.
fn conic(extent: &TripExtent) -> LambertConic {
    let span = extent.lat_span();
    let lat_1 = (extent.lat_min + span / 6.0).clamp(-89.0, 89.0);
    let lat_2 = (extent.lat_max - span / 6.0).clamp(-89.0, 89.0);
    let lat_0 = (extent.lat_min + extent.lat_max) / 2.0;
    let lon_0 = extent.central_meridian;
    LambertConic::sphere(lon_0, lat_0, lat_1, lat_2).unwrap_or_else(|_| {
        let t = if lat_0.abs() < 1.0 {
            if lat_0 < 0.0 { -1.0 } else { 1.0 }
        } else {
            lat_0.clamp(-89.0, 89.0)
        };
        LambertConic::sphere(lon_0, lat_0, t, t)
            .unwrap_or_else(|_| unreachable!("a cone tangent at 1..89 degrees is valid"))
    })
}

/// Chooses a projection for a trip (see the rules above), or builds `forced` centred on it.
/// `points` are (lon, lat) degrees; with no usable point the map is a world map centred on 0°.
pub fn choose(
    points: &[(f64, f64)],
    forced: Option<ProjectionKind>,
) -> Box<dyn Projection + Send + Sync> {
    let extent = TripExtent::of(points).unwrap_or_else(TripExtent::world);
    let kind = forced.unwrap_or_else(|| choose_kind(&extent));
    build(kind, &extent)
}

#[cfg(test)]
mod test {
    use super::*;
    use crate::model::LonLat;
    use crate::trig;

    const BLINKEN: [(f64, f64); 7] = [
        (-77.04, 38.9),  // Washington
        (35.21, 31.77),  // Jerusalem
        (35.93, 31.95),  // Amman
        (31.24, 30.04),  // Cairo
        (46.68, 24.71),  // Riyadh
        (51.53, 25.29),  // Doha
        (139.65, 35.68), // Tokyo
    ];
    const PACIFIC: [(f64, f64); 5] = [
        (139.65, 35.68),  // Tokyo
        (-157.86, 21.31), // Honolulu
        (-122.42, 37.77), // San Francisco
        (174.76, -36.85), // Auckland
        (178.44, -18.14), // Suva
    ];
    const LEVANT: [(f64, f64); 5] = [
        (35.50, 33.89), // Beirut
        (36.29, 33.51), // Damascus
        (35.21, 31.77), // Jerusalem
        (35.93, 31.95), // Amman
        (34.78, 32.08), // Tel Aviv
    ];

    #[test]
    fn blinken_trip_is_one_piece_centred_near_30_east() {
        let ext = TripExtent::of(&BLINKEN).unwrap();
        assert!((ext.central_meridian - 31.3).abs() < 1.0, "{ext:?}");
        let p = choose(&BLINKEN, None);
        assert!((p.central_meridian() - 31.3).abs() < 1.0);
        assert_eq!(choose_kind(&ext), ProjectionKind::AzimuthalEquidistant);
        // Whole route: every stop projects, and Washington is west (left) of Tokyo.
        let xs: Vec<f64> = BLINKEN
            .iter()
            .map(|&(lon, lat)| p.forward(LonLat::new(lon, lat).unwrap()).unwrap().0)
            .collect();
        assert!(xs[0] < xs[1] && xs[1] < xs[6]);
    }

    #[test]
    fn pacific_trip_centres_in_the_pacific() {
        let p = choose(&PACIFIC, None);
        let cm = p.central_meridian();
        assert!(cm >= 150.0 || cm <= -150.0, "central meridian {cm}");
        // Continuous longitudes (as a route crossing the antimeridian gives) agree.
        let unwrapped: Vec<(f64, f64)> = PACIFIC
            .iter()
            .map(|&(lon, lat)| (if lon < 0.0 { lon + 360.0 } else { lon }, lat))
            .collect();
        assert!((choose(&unwrapped, None).central_meridian() - cm).abs() < 1e-9);
        // Auckland lies west of Honolulu on the map: the Pacific is not cut.
        let x = |lon, lat| p.forward(LonLat::new(lon, lat).unwrap()).unwrap().0;
        assert!(x(174.76, -36.85) < x(-157.86, 21.31));
        assert!(x(-157.86, 21.31) < x(-122.42, 37.77));
    }

    #[test]
    fn levant_gets_a_conic_with_parallels_inside_the_trip() {
        let ext = TripExtent::of(&LEVANT).unwrap();
        assert_eq!(choose_kind(&ext), ProjectionKind::LambertConic);
        let span = ext.lat_span();
        let c = conic(&ext);
        // n of a secant cone lies between the sines of its standard parallels.
        let (s1, s2) = (
            trig::sin((ext.lat_min + span / 6.0).to_radians()),
            trig::sin((ext.lat_max - span / 6.0).to_radians()),
        );
        assert!(c.cone_constant() > s1 && c.cone_constant() < s2);
    }

    #[test]
    fn other_rules_world_and_equator() {
        // Around the world: Equal Earth.
        let world = [(0.0, 51.5), (120.0, 30.0), (-120.0, -30.0), (60.0, -40.0)];
        assert_eq!(
            choose_kind(&TripExtent::of(&world).unwrap()),
            ProjectionKind::EqualEarth
        );
        // A small trip across the equator: azimuthal, not a degenerate cone.
        let equator = [(36.8, -1.3), (32.6, 0.3), (39.7, -4.0), (37.0, 3.0)];
        assert_eq!(
            choose_kind(&TripExtent::of(&equator).unwrap()),
            ProjectionKind::AzimuthalEquidistant
        );
        // Europe: a continental conic.
        let europe = [
            (-9.1, 38.7),
            (2.35, 48.85),
            (13.4, 52.5),
            (37.6, 55.75),
            (23.7, 37.98),
        ];
        assert_eq!(
            choose_kind(&TripExtent::of(&europe).unwrap()),
            ProjectionKind::LambertConic
        );
        // Nothing usable: a world map, and forcing a conic across the equator still works.
        assert_eq!(choose(&[(f64::NAN, 0.0)], None).central_meridian(), 0.0);
        let p = choose(
            &[(10.0, -10.0), (20.0, 10.0)],
            Some(ProjectionKind::LambertConic),
        );
        assert!(p.forward(LonLat::new(15.0, 0.0).unwrap()).is_some());
        let o = choose(&LEVANT, Some(ProjectionKind::Orthographic));
        assert!(o.clip_cap().is_some());
    }

    #[test]
    fn edge_trips_single_stop_same_place_pole_and_every_forced_kind() {
        use crate::projection::fit::fit;
        let cases: [&[(f64, f64)]; 5] = [
            &[(2.35, 48.85)],
            &[(2.35, 48.85), (2.35, 48.85)],
            &[(0.0, 0.0)],
            &[(15.6, 78.2), (0.0, 90.0), (-20.0, 81.0)],
            &BLINKEN,
        ];
        for pts in cases {
            let lls: Vec<LonLat> = pts
                .iter()
                .map(|&(lon, lat)| LonLat::new(lon, lat).unwrap())
                .collect();
            let kinds = std::iter::once(None).chain(ProjectionKind::ALL.into_iter().map(Some));
            for forced in kinds {
                let p = choose(pts, forced);
                let all_shown = lls.iter().all(|&q| p.forward(q).is_some());
                // Mercator cannot show the pole; every other choice shows every stop.
                let pole = pts.iter().any(|&(_, lat)| lat == 90.0);
                assert!(all_shown || (pole && forced == Some(ProjectionKind::Mercator)));
                let f = fit(p, &lls, 800.0, 600.0, 20.0).unwrap();
                let (x, y) = f.project_px(lls[0]).unwrap();
                assert!((0.0..=800.0).contains(&x) && (0.0..=600.0).contains(&y));
            }
        }
    }

    #[test]
    fn polar_trips_are_centred_on_their_pole() {
        // An Arctic round: Tromsø, Longyearbyen, Alert, Resolute, Utqiagvik.
        let arctic = [
            (18.9, 69.6),
            (15.6, 78.2),
            (-62.3, 82.5),
            (-94.8, 74.7),
            (-156.8, 71.3),
        ];
        let e = TripExtent::of(&arctic).unwrap();
        assert_eq!(e.polar(), Some(1.0));
        assert_eq!(choose_kind(&e), ProjectionKind::AzimuthalEquidistant);
        let p = choose(&arctic, None);
        let pole = p.forward(LonLat::new(0.0, 90.0).unwrap()).unwrap();
        assert!(
            pole.0.abs() < 1e-9 && pole.1.abs() < 1e-9,
            "centred on the pole: {pole:?}"
        );
        // A Svalbard cruise stays regional, and so does the Antarctic Peninsula from Ushuaia.
        let svalbard = [(15.6, 78.2), (11.9, 78.9), (16.3, 80.1)];
        assert_eq!(TripExtent::of(&svalbard).unwrap().polar(), None);
        let peninsula = [(-68.3, -54.8), (-62.9, -64.8), (-63.5, -65.1)];
        assert_eq!(TripExtent::of(&peninsula).unwrap().polar(), None);
        // To the South Pole.
        let south = [(166.7, -77.8), (0.0, -90.0)];
        assert_eq!(TripExtent::of(&south).unwrap().polar(), Some(-1.0));
    }
}
