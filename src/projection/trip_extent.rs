//! `TripExtent`: where a trip lies, as the projection choice sees it — the central meridian of
//! the smallest longitude arc covering every position, the latitude range, and the largest
//! angle from the trip's centre.

use crate::geodesy::{central_angle_rad, unit_vector, wrap_lon};
use crate::model::LonLat;
use crate::trig;

/// How far from a globe's centre a stop may lie and still be drawn clear of the horizon,
/// degrees.
const GLOBE_MAX_DEG: f64 = 85.0;

/// Rounds of [`enclosing_cap`]'s search.
const CAP_ROUNDS: usize = 400;

/// A cap holding every point (lon, lat degrees), its centre and angular radius: found by
/// stepping a centre toward the farthest point by ever smaller steps (Bădoiu and Clarkson's
/// approximation of the smallest enclosing ball, on the points as unit vectors), which comes
/// within a fraction of a degree of the smallest. `None` when the points surround the centre
/// so that it vanishes (points all round the globe).
fn enclosing_cap(pts: &[(f64, f64)]) -> Option<(LonLat, f64)> {
    let vs: Vec<[f64; 3]> = pts
        .iter()
        .filter_map(|&(lon, lat)| LonLat::new(wrap_lon(lon), lat).ok())
        .map(unit_vector)
        .collect();
    let norm = |v: [f64; 3]| -> Option<[f64; 3]> {
        let n = (v[0] * v[0] + v[1] * v[1] + v[2] * v[2]).sqrt();
        (n > 1e-9).then(|| [v[0] / n, v[1] / n, v[2] / n])
    };
    let dot = |a: [f64; 3], b: [f64; 3]| a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    let sum = vs
        .iter()
        .fold([0.0; 3], |s, v| [s[0] + v[0], s[1] + v[1], s[2] + v[2]]);
    let mut c = norm(sum)?;
    for k in 1..=CAP_ROUNDS {
        let far = vs
            .iter()
            .copied()
            .min_by(|a, b| dot(*a, c).total_cmp(&dot(*b, c)))?;
        let t = 1.0 / (k as f64 + 1.0);
        c = norm([
            c[0] + (far[0] - c[0]) * t,
            c[1] + (far[1] - c[1]) * t,
            c[2] + (far[2] - c[2]) * t,
        ])?;
    }
    let lon = trig::atan2(c[1], c[0]).to_degrees();
    let lat = trig::asin(c[2].clamp(-1.0, 1.0)).to_degrees();
    let centre = LonLat::new(wrap_lon(lon), lat).ok()?;
    let radius = pts
        .iter()
        .map(|&(lon, lat)| angle_deg(centre.lon(), centre.lat(), lon, lat))
        .fold(0.0, f64::max);
    Some((centre, radius))
}

/// Where a trip lies, as the choice rules see it.
///
/// # Units
/// Degrees. `central_meridian` in [-180, 180]; spans in [0, 360] and [0, 180].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TripExtent {
    /// Middle of the smallest longitude arc covering every position.
    pub central_meridian: f64,
    /// Width of that arc.
    pub lon_span: f64,
    /// Southmost latitude.
    pub lat_min: f64,
    /// Northmost latitude.
    pub lat_max: f64,
    /// The central meridian at the middle of the latitude range.
    pub centre: LonLat,
    /// Largest great-circle angle from `centre` to a position.
    pub radius: f64,
    /// The centre of a small cap holding every position (close to the smallest), and its
    /// radius: where a globe must look to show them all, when `centre` leaves one behind it
    /// (a Southern Ocean voyage from Cape Town to Buenos Aires by way of the ice: the middle
    /// of its latitudes is far north of the middle of its stops). When every position is
    /// within 85° of `centre`, not searched for: `centre` and `radius` themselves.
    pub cap: (LonLat, f64),
}

impl TripExtent {
    /// The extent of `points` (lon, lat degrees). Longitudes are taken modulo 360 and
    /// latitudes clamped to ±90; non-finite pairs are ignored. `None` if nothing is left.
    pub fn of(points: &[(f64, f64)]) -> Option<Self> {
        let pts: Vec<(f64, f64)> = points
            .iter()
            .filter(|(lon, lat)| lon.is_finite() && lat.is_finite())
            .map(|&(lon, lat)| (lon.rem_euclid(360.0), lat.clamp(-90.0, 90.0)))
            .collect();
        if pts.is_empty() {
            return None;
        }
        let mut lons: Vec<f64> = pts.iter().map(|p| p.0).collect();
        lons.sort_by(f64::total_cmp);
        // The widest empty gap, going east from lons[i] to the next (wrapping at 360).
        let (mut gap, mut after_gap) = (-1.0, 0);
        for i in 0..lons.len() {
            let next = if i + 1 < lons.len() {
                lons[i + 1]
            } else {
                lons[0] + 360.0
            };
            let g = next - lons[i];
            if g > gap {
                gap = g;
                after_gap = (i + 1) % lons.len();
            }
        }
        let lon_span = (360.0 - gap).max(0.0);
        let start = lons.get(after_gap).copied().unwrap_or(0.0);
        let central_meridian = wrap_lon(start + lon_span / 2.0);
        let lat_min = pts.iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
        let lat_max = pts.iter().map(|p| p.1).fold(f64::NEG_INFINITY, f64::max);
        let centre = LonLat::new(central_meridian, (lat_min + lat_max) / 2.0).ok()?;
        let radius = pts
            .iter()
            .map(|&(lon, lat)| angle_deg(centre.lon(), centre.lat(), lon, lat))
            .fold(0.0, f64::max);
        // Searched for only when a globe would need it: most trips lie well within 85° of
        // their centre, and the search reads every point 400 times.
        let cap = match radius > GLOBE_MAX_DEG {
            true => enclosing_cap(&pts).unwrap_or((centre, radius)),
            false => (centre, radius),
        };
        Some(Self {
            central_meridian,
            lon_span,
            lat_min,
            lat_max,
            centre,
            radius,
            cap,
        })
    }

    /// The whole world, for a trip with no usable position.
    pub fn world() -> Self {
        let centre = LonLat::new(0.0, 0.0).unwrap_or_else(|_| unreachable!("0,0 is valid"));
        Self {
            central_meridian: 0.0,
            lon_span: 360.0,
            lat_min: -60.0,
            lat_max: 75.0,
            centre,
            radius: 180.0,
            cap: (centre, 180.0),
        }
    }

    /// Where a globe (orthographic) of the trip looks: `centre`, unless that leaves a position
    /// behind the horizon and [`TripExtent::cap`] does not.
    pub fn globe_centre(&self) -> LonLat {
        if self.radius > GLOBE_MAX_DEG && self.cap.1 <= GLOBE_MAX_DEG {
            self.cap.0
        } else {
            self.centre
        }
    }

    /// Latitude span, degrees.
    pub fn lat_span(&self) -> f64 {
        self.lat_max - self.lat_min
    }

    /// The pole a trip circles or reaches, when it is a polar trip: it comes within 15° of the
    /// pole and either spans more than 90° of longitude around it or reaches 88°. `Some(1.0)`
    /// for the north, `Some(-1.0)` for the south.
    pub fn polar(&self) -> Option<f64> {
        let around = |lat: f64| lat >= 75.0 && (self.lon_span > 90.0 || lat >= 88.0);
        if around(self.lat_max) && self.lat_min > 0.0 {
            Some(1.0)
        } else if around(-self.lat_min) && self.lat_max < 0.0 {
            Some(-1.0)
        } else {
            None
        }
    }

    /// Whether the trip reaches or crosses the equator (where a cone degenerates).
    pub(crate) fn crosses_equator(&self) -> bool {
        self.lat_min <= 0.0 && self.lat_max >= 0.0
    }
}

/// Great-circle angle in degrees between two positions.
fn angle_deg(lon1: f64, lat1: f64, lon2: f64, lat2: f64) -> f64 {
    central_angle_rad(lon1, lat1, lon2, lat2).to_degrees()
}

#[cfg(test)]
mod test {
    use super::*;

    /// Cape Town, Kerguelen, Hobart, Auckland, Ushuaia, Buenos Aires, with two points of the
    /// great-circle legs far south: round the Southern Ocean.
    const SOUTHERN: [(f64, f64); 8] = [
        (18.42, -33.92),
        (70.22, -49.35),
        (147.33, -42.88),
        (174.76, -36.85),
        (-68.30, -54.80),
        (-58.38, -34.60),
        (-120.0, -60.0),
        (110.0, -55.0),
    ];
    /// London, Dubai, Singapore, Sydney, Auckland, Honolulu, San Francisco, New York.
    const WORLD_TOUR: [(f64, f64); 8] = [
        (-0.13, 51.51),
        (55.27, 25.20),
        (103.82, 1.35),
        (151.21, -33.87),
        (174.76, -36.85),
        (-157.86, 21.31),
        (-122.42, 37.77),
        (-74.01, 40.71),
    ];

    /// The smallest cap's radius by trying every centre on a grid of `step` degrees.
    fn smallest_cap_by_grid(pts: &[(f64, f64)], step: f64) -> f64 {
        let mut best = f64::INFINITY;
        let n_lat = (180.0 / step) as i32;
        let n_lon = (360.0 / step) as i32;
        for i in 0..=n_lat {
            for j in 0..n_lon {
                let (lat, lon) = (-90.0 + step * i as f64, -180.0 + step * j as f64);
                let r = pts
                    .iter()
                    .map(|&(x, y)| angle_deg(lon, lat, x, y))
                    .fold(0.0, f64::max);
                best = best.min(r);
            }
        }
        best
    }

    /// The cap holds every stop and is within half a degree of the smallest a 1° grid of
    /// centres finds, on trips round the Southern Ocean, round the world, and across Europe.
    #[test]
    fn the_enclosing_cap_is_nearly_the_smallest() {
        let europe = [
            (-9.14, 38.72),
            (2.35, 48.86),
            (13.40, 52.52),
            (23.73, 37.98),
        ];
        for pts in [&SOUTHERN[..], &WORLD_TOUR[..], &europe[..]] {
            let (c, r) = enclosing_cap(pts).unwrap();
            for &(lon, lat) in pts {
                assert!(angle_deg(c.lon(), c.lat(), lon, lat) <= r + 1e-9);
            }
            let grid = smallest_cap_by_grid(pts, 1.0);
            assert!(r <= grid + 0.5, "{r} against {grid} on {pts:?}");
        }
    }

    /// A globe of a trip whose middle of latitudes and longitudes leaves a stop behind the
    /// horizon looks from the enclosing cap's centre instead; a globe of a trip it does not
    /// keeps its centre.
    #[test]
    fn a_globe_looks_where_it_can_show_every_stop() {
        let e = TripExtent::of(&SOUTHERN).unwrap();
        assert!(e.radius > 90.0, "{}", e.radius);
        let g = e.globe_centre();
        for &(lon, lat) in &SOUTHERN {
            let a = angle_deg(g.lon(), g.lat(), lon, lat);
            assert!(a <= GLOBE_MAX_DEG, "{a} from {g:?}");
        }
        let europe = TripExtent::of(&[(-9.14, 38.72), (23.73, 37.98), (13.40, 52.52)]).unwrap();
        assert_eq!(europe.globe_centre(), europe.centre);
    }

    #[test]
    fn the_widest_gap_between_longitudes_sets_the_central_meridian() {
        // Tokyo, Honolulu, Auckland: the empty gap is over Africa, so the trip centres near 180.
        let e = TripExtent::of(&[(139.65, 35.68), (-157.86, 21.31), (174.76, -36.85)]).unwrap();
        assert!(e.central_meridian.abs() > 170.0, "{e:?}");
        assert!((e.lon_span - 62.49).abs() < 1e-9, "{e:?}");
        assert_eq!((e.lat_min, e.lat_max), (-36.85, 35.68));
        assert!((e.lat_span() - 72.53).abs() < 1e-9);
        assert!(e.radius > 36.0 && e.radius < 60.0, "{e:?}");
    }

    #[test]
    fn one_place_has_no_span_and_nothing_usable_is_none() {
        let e = TripExtent::of(&[(2.35, 48.85), (362.35, 48.85)]).unwrap();
        assert_eq!((e.lon_span, e.lat_span()), (0.0, 0.0));
        assert!(e.radius < 1e-9, "{e:?}");
        assert!((e.central_meridian - 2.35).abs() < 1e-9);
        assert_eq!(
            TripExtent::of(&[(f64::NAN, 1.0), (1.0, f64::INFINITY)]),
            None
        );
        assert_eq!(TripExtent::world().lon_span, 360.0);
    }

    #[test]
    fn crossing_the_equator_includes_touching_it() {
        let touching = TripExtent::of(&[(10.0, 0.0), (12.0, 5.0)]).unwrap();
        let north = TripExtent::of(&[(10.0, 1.0), (12.0, 5.0)]).unwrap();
        assert!(touching.crosses_equator());
        assert!(!north.crosses_equator());
    }
}
