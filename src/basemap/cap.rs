//! The visible cap of an azimuthal view (a globe), and clipping lines to it in degrees: a line
//! going behind the globe ends on the horizon. Polygons are cut at it by [`super::cap_cut`].

use super::decode::bbox_of;
use super::densify::densify_edge;
use crate::geodesy::wrap_lon;
use crate::trig;

/// How far inside the horizon (and, for whole-world maps, the cut meridian) points are kept, in
/// degrees.
pub(super) const NUDGE_DEG: f64 = 1e-7;

/// The visible cap of an azimuthal view, in radians.
#[derive(Debug, Clone, Copy)]
pub(super) struct Cap {
    lon: f64,
    lat: f64,
    radius: f64,
    cos_radius: f64,
    /// Sine and cosine of `lat`, which every point's distance and azimuth need.
    sin_lat: f64,
    cos_lat: f64,
}

impl Cap {
    /// The cap of angular `radius` around (`lon`, `lat`), all in degrees.
    pub(super) fn new(lon: f64, lat: f64, radius: f64) -> Self {
        Cap {
            lon: lon.to_radians(),
            lat: lat.to_radians(),
            radius: radius.to_radians(),
            cos_radius: trig::cos(radius.to_radians()),
            sin_lat: trig::sin(lat.to_radians()),
            cos_lat: trig::cos(lat.to_radians()),
        }
    }

    /// Cosine of the angle from the centre to `(lon, lat)` in degrees.
    fn cos_dist(&self, (lon, lat): (f64, f64)) -> f64 {
        let (lon, lat) = (lon.to_radians(), lat.to_radians());
        self.sin_lat * trig::sin(lat) + self.cos_lat * trig::cos(lat) * trig::cos(lon - self.lon)
    }

    /// The angular radius, in degrees.
    pub(super) fn radius_deg(&self) -> f64 {
        self.radius.to_degrees()
    }

    /// The centre, in degrees.
    pub(super) fn centre(&self) -> (f64, f64) {
        (self.lon.to_degrees(), self.lat.to_degrees())
    }

    /// The point opposite the centre, in degrees.
    pub(super) fn antipode(&self) -> (f64, f64) {
        (
            wrap_lon(self.lon.to_degrees() + 180.0),
            -self.lat.to_degrees(),
        )
    }

    /// Whether `p` (degrees) is strictly inside the cap.
    pub(super) fn inside(&self, p: (f64, f64)) -> bool {
        self.cos_dist(p) > self.cos_radius
    }

    /// Whether every point of the longitude/latitude box `b` (degrees: min lon, min lat, max
    /// lon, max lat) is inside the cap, with a margin, so a shape within the box needs no
    /// point tested. Only boxes within 90° of longitude of the centre either way are judged
    /// (others are `false`): there the farthest point of the box from the centre is one of
    /// its corners. (Along a parallel the distance grows with the longitude difference, along
    /// a meridian that close to the centre it has no maximum between the ends, and inside the
    /// box there is none, the antipode being far outside it.)
    pub(super) fn holds_box(&self, b: (f64, f64, f64, f64)) -> bool {
        let (lon0, lat0, lon1, lat1) = b;
        let width = lon1 - lon0;
        if !(0.0..=180.0).contains(&width) {
            return false;
        }
        let west = wrap_lon(lon0 - self.lon.to_degrees());
        if west < -90.0 || west + width > 90.0 {
            return false;
        }
        let margin = 1e-9;
        [(lon0, lat0), (lon0, lat1), (lon1, lat0), (lon1, lat1)]
            .iter()
            .all(|&p| self.cos_dist(p) > self.cos_radius + margin)
    }

    /// `p` (degrees) on the cap's own plane: its azimuthal equidistant position around the
    /// centre, x east and y north, in radians.
    pub(super) fn plane(&self, (lon, lat): (f64, f64)) -> (f64, f64) {
        // The direction's sine and cosine of the azimuth are east / sin ρ and north / sin ρ,
        // so no azimuth (atan2) and no sine and cosine of it are needed: a fifth of a globe's
        // clipping time went there.
        let (sin_lat, cos_lat) = trig::sin_cos(lat.to_radians());
        let (sin_dl, cos_dl) = trig::sin_cos(lon.to_radians() - self.lon);
        let east = cos_lat * sin_dl;
        let north = self.cos_lat * sin_lat - self.sin_lat * cos_lat * cos_dl;
        let cos_rho = self.sin_lat * sin_lat + self.cos_lat * cos_lat * cos_dl;
        // Both terms are at most 1: a square root, not `hypot`.
        let sin_rho = (east * east + north * north).sqrt();
        let rho = trig::atan2(sin_rho, cos_rho);
        if sin_rho < 1e-15 {
            // The centre, or its antipode (whose azimuth is any; north, as before).
            return (0.0, rho);
        }
        let k = rho / sin_rho;
        (k * east, k * north)
    }

    /// Azimuth (radians, clockwise from north) from the centre to `p`.
    fn azimuth(&self, (lon, lat): (f64, f64)) -> f64 {
        let (lon, lat) = (lon.to_radians(), lat.to_radians());
        let dl = lon - self.lon;
        trig::atan2(
            trig::sin(dl) * trig::cos(lat),
            self.cos_lat * trig::sin(lat) - self.sin_lat * trig::cos(lat) * trig::cos(dl),
        )
    }

    /// The point on the horizon (just inside it) at azimuth `az` from the centre, in degrees.
    /// Worked with vectors (the centre, and the east and north directions there, taken along
    /// its meridian at a pole), so a cap centred on a pole has a horizon too: the spherical
    /// destination formula divides nought by nought there.
    pub(super) fn horizon(&self, az: f64) -> (f64, f64) {
        let d = self.radius - NUDGE_DEG.to_radians();
        let (sin_d, cos_d) = trig::sin_cos(d);
        let (sin_az, cos_az) = trig::sin_cos(az);
        let (sin_lat, cos_lat) = (self.sin_lat, self.cos_lat);
        let (sin_lon, cos_lon) = trig::sin_cos(self.lon);
        let centre = [cos_lat * cos_lon, cos_lat * sin_lon, sin_lat];
        let east = [-sin_lon, cos_lon, 0.0];
        let north = [-sin_lat * cos_lon, -sin_lat * sin_lon, cos_lat];
        let v: [f64; 3] = std::array::from_fn(|k| {
            centre[k] * cos_d + (north[k] * cos_az + east[k] * sin_az) * sin_d
        });
        (
            wrap_lon(trig::atan2(v[1], v[0]).to_degrees()),
            trig::asin(v[2].clamp(-1.0, 1.0)).to_degrees(),
        )
    }

    /// Where the edge from inside point `a` to outside point `b` crosses the horizon: its
    /// azimuth, found by bisection along the edge (longitude difference taken the short way).
    pub(super) fn crossing_azimuth(&self, a: (f64, f64), b: (f64, f64)) -> f64 {
        let dl = wrap_lon(b.0 - a.0);
        let at = |t: f64| (wrap_lon(a.0 + dl * t), a.1 + (b.1 - a.1) * t);
        let (mut lo, mut hi) = (0.0, 1.0);
        for _ in 0..40 {
            let mid = 0.5 * (lo + hi);
            if self.inside(at(mid)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        self.azimuth(at(lo))
    }

    /// The visible runs of a line (degrees, densified), each ending on the horizon where the
    /// line goes behind the globe; runs may have fewer than two points.
    /// A line whose box the cap holds ([`Cap::holds_box`]) has none of its points tested.
    pub(super) fn clip_line(&self, line: &[(f64, f64)]) -> Vec<Vec<(f64, f64)>> {
        let all_inside = self.holds_box(bbox_of(line.iter()));
        let mut runs: Vec<Vec<(f64, f64)>> = Vec::new();
        let mut run: Vec<(f64, f64)> = Vec::new();
        let mut was = false;
        for (k, &p) in line.iter().enumerate() {
            let inside = all_inside || self.inside(p);
            if k > 0 {
                let prev = line[k - 1];
                if was && !inside {
                    run.push(self.horizon(self.crossing_azimuth(prev, p)));
                    runs.push(std::mem::take(&mut run));
                } else if !was && inside {
                    run.push(self.horizon(self.crossing_azimuth(p, prev)));
                } else if was {
                    densify_edge(&mut run, prev, p);
                }
            }
            if inside {
                run.push(p);
            }
            was = inside;
        }
        runs.push(run);
        runs
    }
}

#[cfg(test)]
mod test {
    use super::*;

    /// The plane position is the azimuthal equidistant one: distance ρ from the centre along
    /// the azimuth, checked against ρ and the azimuth computed on their own, on a grid of points
    /// round caps at the equator, mid-latitudes and a pole.
    #[test]
    fn plane_is_distance_along_the_azimuth() {
        for (lon0, lat0) in [(0.0, 0.0), (-73.9, 40.7), (139.7, 35.7), (20.0, 90.0)] {
            let cap = Cap::new(lon0, lat0, 90.0);
            assert_eq!(cap.plane((lon0, lat0)), (0.0, 0.0));
            for i in 0..36 {
                for j in 0..17 {
                    let p = (-175.0 + 10.0 * i as f64, -80.0 + 10.0 * j as f64);
                    let rho = trig::acos(cap.cos_dist(p).clamp(-1.0, 1.0));
                    let az = cap.azimuth(p);
                    let (x, y) = cap.plane(p);
                    let (ex, ey) = (rho * trig::sin(az), rho * trig::cos(az));
                    assert!(
                        (x - ex).abs() < 1e-9 && (y - ey).abs() < 1e-9,
                        "{p:?} round {lon0},{lat0}: {x},{y} against {ex},{ey}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_line_going_behind_the_globe_ends_on_the_horizon() {
        let cap = Cap::new(0.0, 0.0, 90.0);
        let runs = cap.clip_line(&[(60.0, 0.0), (120.0, 0.0), (179.0, 0.0)]);
        let runs: Vec<_> = runs.into_iter().filter(|r| !r.is_empty()).collect();
        assert_eq!(runs.len(), 1);
        let run = &runs[0];
        assert_eq!(run[0], (60.0, 0.0));
        let end = run[run.len() - 1];
        assert!((end.0 - 90.0).abs() < 1e-5 && end.1.abs() < 1e-9, "{end:?}");
    }

    /// A box the cap is said to hold has every point inside: checked on a grid of points in
    /// random boxes round random caps, and on a box whose corners are inside while the middle
    /// of its far edge is not (more than 90° of longitude from the centre).
    #[test]
    fn a_box_held_by_the_cap_has_every_point_inside() {
        let bulge = Cap::new(0.0, 0.0, 97.0);
        assert!(bulge.inside((98.0, 40.0)) && bulge.inside((92.0, -40.0)));
        assert!(!bulge.inside((98.0, 0.0)));
        assert!(!bulge.holds_box((92.0, -40.0, 98.0, 40.0)));
        let mut seed: u64 = 12345;
        let mut rand = move || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 11) as f64 / (1u64 << 53) as f64
        };
        let mut held = 0;
        for _ in 0..3000 {
            let cap = Cap::new(
                360.0 * rand() - 180.0,
                180.0 * rand() - 90.0,
                5.0 + 170.0 * rand(),
            );
            let (w, h) = (60.0 * rand(), 40.0 * rand());
            let lon0 = (360.0 - w) * rand() - 180.0;
            let lat0 = (180.0 - h) * rand() - 90.0;
            let b = (lon0, lat0, lon0 + w, lat0 + h);
            if !cap.holds_box(b) {
                continue;
            }
            held += 1;
            for i in 0..=20 {
                for j in 0..=20 {
                    let p = (lon0 + w * i as f64 / 20.0, lat0 + h * j as f64 / 20.0);
                    assert!(cap.inside(p), "{b:?} {p:?} not in {cap:?}");
                }
            }
        }
        assert!(held > 300, "{held}");
    }

    #[test]
    fn a_cap_centred_on_a_pole_has_its_horizon_all_round() {
        for lat in [90.0, -90.0, 89.0, 0.0] {
            let cap = Cap::new(17.3, lat, 115.0);
            for k in 0..36 {
                let az = f64::from(k * 10).to_radians();
                let p = cap.horizon(az);
                let angle = trig::acos(cap.cos_dist(p).clamp(-1.0, 1.0)).to_degrees();
                assert!((angle - 115.0).abs() < 1e-6, "{lat} {k}: {p:?} at {angle}");
                let back = (cap.azimuth(p) - az).rem_euclid(std::f64::consts::TAU);
                assert!(
                    back.min(std::f64::consts::TAU - back) < 1e-6,
                    "{lat} {k}: {p:?}"
                );
            }
        }
    }
}
