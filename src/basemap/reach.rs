//! How far from its centre a wide map can see, so a view skips the shapes wholly beyond it.
//!
//! A regional map keeps only the shapes near its frame through a longitude/latitude box
//! ([`super::extent`]). A map wider than a box can describe (an ocean, a hemisphere) has none,
//! and used to project every shape of the world only to clip most of them away. But the
//! distance from a point has no maximum inside a region, except at the point's antipode: so
//! when the frame holds the centre and not its antipode, the farthest point it shows lies on
//! its edges, and a shape farther from the centre than every edge point cannot show.

use super::decode::BBox;
use crate::geodesy::central_angle_rad;
use crate::model::LonLat;
use crate::projection::{Fitted, Projection};
use crate::trig;

/// Samples per frame edge.
const SAMPLES: usize = 64;
/// Directions in which points just short of the antipode are tried.
const ANTIPODE_DIRECTIONS: usize = 360;
/// Degrees added to the farthest edge sample.
const MARGIN_DEG: f64 = 1.0;

/// A spherical cap holding everything a map's frame shows.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Reach {
    lon: f64,
    lat: f64,
    radius_deg: f64,
}

impl Reach {
    /// The cap around the frame's centre through its farthest edge point (plus the gap between
    /// samples and a margin), or `None` when it cannot be trusted: an edge point off the
    /// projection's domain, the antipode possibly in the frame, or a cap of nearly the whole
    /// sphere.
    pub(crate) fn of<P: Projection>(fitted: &Fitted<P>) -> Option<Reach> {
        let (w, h) = (fitted.width_px(), fitted.height_px());
        let c = fitted.inverse_px(w / 2.0, h / 2.0)?;
        let from_c = |p: LonLat| central_angle_rad(c.lon(), c.lat(), p.lon(), p.lat()).to_degrees();
        let mut far: f64 = 0.0;
        let mut gap: f64 = 0.0;
        for edge in [
            [(0.0, 0.0), (w, 0.0)],
            [(w, 0.0), (w, h)],
            [(w, h), (0.0, h)],
            [(0.0, h), (0.0, 0.0)],
        ] {
            let [(x0, y0), (x1, y1)] = edge;
            let mut last: Option<LonLat> = None;
            for i in 0..=SAMPLES {
                let t = i as f64 / SAMPLES as f64;
                let p = fitted.inverse_px(x0 + t * (x1 - x0), y0 + t * (y1 - y0))?;
                far = far.max(from_c(p));
                if let Some(q) = last {
                    gap =
                        gap.max(central_angle_rad(q.lon(), q.lat(), p.lon(), p.lat()).to_degrees());
                }
                last = Some(p);
            }
        }
        let radius_deg = far + gap + MARGIN_DEG;
        if !radius_deg.is_finite() || radius_deg >= 170.0 {
            return None;
        }
        // Points one degree short of the antipode, all around it, must fall outside the frame
        // (with a margin of half its size): then the frame does not hold the antipode.
        let (ox, oy) = (w / 2.0, h / 2.0);
        for k in 0..ANTIPODE_DIRECTIONS {
            let bearing = 360.0 * k as f64 / ANTIPODE_DIRECTIONS as f64;
            let Some(q) = destination(c, bearing, 179.0) else {
                continue;
            };
            if let Some((x, y)) = fitted.project_px(q)
                && (x - ox).abs() <= w
                && (y - oy).abs() <= h
            {
                return None;
            }
        }
        Some(Reach {
            lon: c.lon(),
            lat: c.lat(),
            radius_deg,
        })
    }

    /// Whether a shape with bounding box `b` (min lon, min lat, max lon, max lat) may show.
    pub(crate) fn touches(&self, b: &BBox) -> bool {
        // No point of the box is nearer than its latitudes are: a box beyond the reach in
        // latitude alone is ruled out without the trigonometry (most boxes of a regional map).
        let (lat0, lat1) = (b.1, b.3);
        if (lat0 - self.lat).max(self.lat - lat1) > self.radius_deg {
            return false;
        }
        min_distance_deg((self.lon, self.lat), b) <= self.radius_deg
    }
}

/// The point `distance_deg` from `from` along the initial bearing `bearing_deg` (a sphere).
fn destination(from: LonLat, bearing_deg: f64, distance_deg: f64) -> Option<LonLat> {
    let (phi, lam) = (from.lat().to_radians(), from.lon().to_radians());
    let (theta, delta) = (bearing_deg.to_radians(), distance_deg.to_radians());
    let lat = trig::asin(
        trig::sin(phi) * trig::cos(delta) + trig::cos(phi) * trig::sin(delta) * trig::cos(theta),
    );
    let lon = lam
        + trig::atan2(
            trig::sin(theta) * trig::sin(delta) * trig::cos(phi),
            trig::cos(delta) - trig::sin(phi) * trig::sin(lat),
        );
    LonLat::new(crate::geodesy::wrap_lon(lon.to_degrees()), lat.to_degrees()).ok()
}

/// The least great-circle distance, degrees, from `c` (lon, lat) to any point of the box `b`.
///
/// Within the box's longitudes, the nearest point is straight north or south. Outside them it
/// is on one of the two meridian edges (along a parallel, the distance grows away from `c`'s
/// longitude): at the edge's latitude nearest `c` if that lies on the edge, else at an end.
fn min_distance_deg(c: (f64, f64), b: &BBox) -> f64 {
    let (lon, lat) = c;
    let &(lon0, lat0, lon1, lat1) = b;
    if (lon - lon0).rem_euclid(360.0) <= lon1 - lon0 {
        return (lat0 - lat).max(lat - lat1).max(0.0);
    }
    let to_edge = |m: f64| {
        let phi = lat.to_radians();
        let nearest = trig::atan2(
            trig::sin(phi),
            trig::cos(phi) * trig::cos((lon - m).to_radians()),
        )
        .to_degrees();
        [lat0, lat1, nearest.clamp(lat0, lat1)]
            .iter()
            .map(|&la| central_angle_rad(lon, lat, m, la).to_degrees())
            .fold(f64::INFINITY, f64::min)
    };
    to_edge(lon0).min(to_edge(lon1))
}

#[cfg(test)]
mod test {
    use super::*;

    /// The distance to a box found by brute force: a fine grid over the box.
    fn brute(c: (f64, f64), b: &BBox) -> f64 {
        let mut best = f64::INFINITY;
        let n = 200;
        for i in 0..=n {
            for j in 0..=n {
                let lon = b.0 + (b.2 - b.0) * i as f64 / n as f64;
                let lat = b.1 + (b.3 - b.1) * j as f64 / n as f64;
                best = best.min(central_angle_rad(c.0, c.1, lon, lat).to_degrees());
            }
        }
        best
    }

    #[test]
    fn the_distance_to_a_box_is_never_more_than_to_any_of_its_points() {
        let mut rng = fastrand::Rng::with_seed(3);
        for _ in 0..200 {
            let c = (rng.f64() * 360.0 - 180.0, rng.f64() * 180.0 - 90.0);
            let lon0 = rng.f64() * 360.0 - 180.0;
            let lon1 = (lon0 + rng.f64() * 120.0).min(180.0);
            let lat0 = rng.f64() * 180.0 - 90.0;
            let lat1 = (lat0 + rng.f64() * 60.0).min(90.0);
            let b = (lon0, lat0, lon1, lat1);
            let exact = min_distance_deg(c, &b);
            let grid = brute(c, &b);
            // Never more (a shape that shows is never skipped); and close to it (the grid's
            // spacing is under a degree).
            assert!(exact <= grid + 1e-9, "{c:?} {b:?}: {exact} > {grid}");
            assert!(grid - exact < 1.0, "{c:?} {b:?}: {exact} far below {grid}");
        }
        // The latitude test `touches` makes first never changes its answer.
        for _ in 0..2000 {
            let reach = Reach {
                lon: rng.f64() * 360.0 - 180.0,
                lat: rng.f64() * 180.0 - 90.0,
                radius_deg: rng.f64() * 60.0,
            };
            let lon0 = rng.f64() * 360.0 - 180.0;
            let lat0 = rng.f64() * 180.0 - 90.0;
            let b = (
                lon0,
                lat0,
                (lon0 + rng.f64() * 40.0).min(180.0),
                (lat0 + rng.f64() * 20.0).min(90.0),
            );
            let want = min_distance_deg((reach.lon, reach.lat), &b) <= reach.radius_deg;
            assert_eq!(reach.touches(&b), want, "{b:?}");
        }
        // Inside the box: 0; straight south of it: the latitude gap.
        assert_eq!(min_distance_deg((10.0, 5.0), &(0.0, 0.0, 20.0, 10.0)), 0.0);
        assert!((min_distance_deg((10.0, -5.0), &(0.0, 0.0, 20.0, 10.0)) - 5.0).abs() < 1e-12);
        // Across the antimeridian: 179 E is 2 degrees from a box starting at 179 W.
        let d = min_distance_deg((179.0, 0.0), &(-179.0, -1.0, -170.0, 1.0));
        assert!((d - 2.0).abs() < 1e-9, "{d}");
    }

    #[test]
    fn a_destination_is_at_its_distance() {
        let from = LonLat::new(150.0, 20.0).unwrap();
        for bearing in [0.0, 45.0, 170.0, 300.0] {
            let q = destination(from, bearing, 179.0).unwrap();
            let d = central_angle_rad(150.0, 20.0, q.lon(), q.lat()).to_degrees();
            assert!((d - 179.0).abs() < 1e-9, "{bearing}: {d}");
        }
    }
}
