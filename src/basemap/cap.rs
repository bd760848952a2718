//! The visible cap of an azimuthal view (a globe), and clipping to it in degrees: points beyond
//! the horizon are moved onto it along their azimuth, so a shape that runs behind the globe
//! follows the horizon circle.

use super::densify::{densify, densify_edge};
use crate::geodesy::wrap_lon;

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
}

impl Cap {
    /// The cap of angular `radius` around (`lon`, `lat`), all in degrees.
    pub(super) fn new(lon: f64, lat: f64, radius: f64) -> Self {
        Cap {
            lon: lon.to_radians(),
            lat: lat.to_radians(),
            radius: radius.to_radians(),
            cos_radius: radius.to_radians().cos(),
        }
    }

    /// Cosine of the angle from the centre to `(lon, lat)` in degrees.
    fn cos_dist(&self, (lon, lat): (f64, f64)) -> f64 {
        let (lon, lat) = (lon.to_radians(), lat.to_radians());
        self.lat.sin() * lat.sin() + self.lat.cos() * lat.cos() * (lon - self.lon).cos()
    }

    /// The point opposite the centre, in degrees.
    pub(super) fn antipode(&self) -> (f64, f64) {
        (
            wrap_lon(self.lon.to_degrees() + 180.0),
            -self.lat.to_degrees(),
        )
    }

    /// The horizon as a ring, every 2°, in degrees.
    pub(super) fn horizon_ring(&self) -> Vec<(f64, f64)> {
        (0..180)
            .map(|i| self.horizon((2.0 * f64::from(i)).to_radians()))
            .collect()
    }

    /// Whether `p` (degrees) is strictly inside the cap.
    pub(super) fn inside(&self, p: (f64, f64)) -> bool {
        self.cos_dist(p) > self.cos_radius
    }

    /// Azimuth (radians, clockwise from north) from the centre to `p`.
    fn azimuth(&self, (lon, lat): (f64, f64)) -> f64 {
        let (lon, lat) = (lon.to_radians(), lat.to_radians());
        let dl = lon - self.lon;
        (dl.sin() * lat.cos())
            .atan2(self.lat.cos() * lat.sin() - self.lat.sin() * lat.cos() * dl.cos())
    }

    /// The point on the horizon (just inside it) at azimuth `az` from the centre, in degrees.
    pub(super) fn horizon(&self, az: f64) -> (f64, f64) {
        let d = self.radius - NUDGE_DEG.to_radians();
        let lat = (self.lat.sin() * d.cos() + self.lat.cos() * d.sin() * az.cos()).asin();
        let lon = self.lon
            + (az.sin() * d.sin() * self.lat.cos()).atan2(d.cos() - self.lat.sin() * lat.sin());
        (wrap_lon(lon.to_degrees()), lat.to_degrees())
    }

    /// Where the edge from inside point `a` to outside point `b` crosses the horizon: its
    /// azimuth, found by bisection along the edge (longitude difference taken the short way).
    fn crossing_azimuth(&self, a: (f64, f64), b: (f64, f64)) -> f64 {
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

    /// A ring clipped to the cap and densified (degrees), or `None` if no vertex is visible.
    /// Stretches beyond the horizon follow it.
    pub(super) fn clip_ring(&self, ring: &[(f64, f64)]) -> Option<Vec<(f64, f64)>> {
        let inside: Vec<bool> = ring.iter().map(|&p| self.inside(p)).collect();
        let start = inside.iter().position(|&i| i)?;
        if inside.iter().all(|&i| i) {
            return Some(densify(ring.iter().copied(), true));
        }
        let n = ring.len();
        let mut out = Vec::with_capacity(n + 16);
        let mut last_az: Option<f64> = None;
        for k in 0..n {
            let (i, j) = ((start + k) % n, (start + k + 1) % n);
            let (a, b) = (ring[i], ring[j]);
            if inside[i] {
                out.push(a);
                last_az = None;
            } else {
                self.follow_horizon(&mut out, self.azimuth(a), &mut last_az);
            }
            if inside[i] && !inside[j] {
                self.follow_horizon(&mut out, self.crossing_azimuth(a, b), &mut last_az);
            } else if !inside[i] && inside[j] {
                self.follow_horizon(&mut out, self.crossing_azimuth(b, a), &mut last_az);
            } else if inside[i] {
                densify_edge(&mut out, a, b);
            }
        }
        Some(out)
    }

    /// Pushes the horizon point at azimuth `az`, after the points along the horizon (every 2°)
    /// from the last one pushed at `last_az`, if the ring is already on the horizon.
    fn follow_horizon(&self, out: &mut Vec<(f64, f64)>, az: f64, last_az: &mut Option<f64>) {
        if let Some(prev) = *last_az {
            let d = (az - prev + std::f64::consts::PI).rem_euclid(std::f64::consts::TAU)
                - std::f64::consts::PI;
            let steps = (d.abs().to_degrees() / 2.0).ceil() as usize;
            for s in 1..steps {
                out.push(self.horizon(prev + d * s as f64 / steps as f64));
            }
        }
        out.push(self.horizon(az));
        *last_az = Some(az);
    }

    /// The visible runs of a line (degrees, densified), each ending on the horizon where the
    /// line goes behind the globe; runs may have fewer than two points.
    pub(super) fn clip_line(&self, line: &[(f64, f64)]) -> Vec<Vec<(f64, f64)>> {
        let mut runs: Vec<Vec<(f64, f64)>> = Vec::new();
        let mut run: Vec<(f64, f64)> = Vec::new();
        for (k, &p) in line.iter().enumerate() {
            let inside = self.inside(p);
            if k > 0 {
                let prev = line[k - 1];
                let was = self.inside(prev);
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
        }
        runs.push(run);
        runs
    }
}

#[cfg(test)]
mod test {
    use super::*;

    /// The angle in degrees from the cap's centre to `p`.
    fn angle(cap: &Cap, p: (f64, f64)) -> f64 {
        cap.cos_dist(p).clamp(-1.0, 1.0).acos().to_degrees()
    }

    #[test]
    fn a_ring_running_behind_the_globe_follows_the_horizon() {
        let cap = Cap::new(0.0, 0.0, 90.0);
        // From the visible side to 150° E and back: the far part is replaced by the horizon.
        let ring = [(10.0, -10.0), (150.0, -10.0), (150.0, 10.0), (10.0, 10.0)];
        let out = cap.clip_ring(&ring).unwrap();
        assert!(out.iter().all(|&p| angle(&cap, p) < 90.0), "{out:?}");
        let on_horizon = out.iter().filter(|&&p| angle(&cap, p) > 89.9).count();
        assert!(on_horizon >= 2, "{out:?}");
        assert_eq!(
            cap.clip_ring(&[(170.0, 0.0), (175.0, 5.0), (-175.0, 0.0)]),
            None
        );
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
}
