//! Geographic clipping before projection: rings and lines in degrees in, pieces in pixels out.
//!
//! Whole-world projections are cut along the meridian opposite their central meridian: rings
//! are unwrapped into longitudes relative to the central meridian, closed around the pole when
//! they circle it (Antarctica), intersected with the window [-180, 180] (and its copies one turn
//! either side) and the latitude band the projection can show (±85° for Mercator), then
//! densified and projected. Cap projections (orthographic) are instead clipped to the visible
//! cap: points beyond the horizon are moved onto it along their azimuth, so a shape that runs
//! behind the globe follows the horizon circle.

use super::decode::{Polygon, Ring};
use crate::geometry::{Bounds, clip_polyline, clip_ring};
use crate::model::LonLat;
use crate::projection::{Fitted, Projection};
use geo::{BooleanOps, Coord, LineString, Rect};

/// Longest step between projected points along a densified edge, in degrees.
const STEP_DEG: f64 = 1.0;
/// How far inside the cut meridian and the horizon points are kept, in degrees.
const NUDGE_DEG: f64 = 1e-7;

/// Wraps degrees into [-180, 180).
fn wrap180(x: f64) -> f64 {
    (x + 180.0).rem_euclid(360.0) - 180.0
}

/// The visible cap of an azimuthal view, in radians.
#[derive(Debug, Clone, Copy)]
struct Cap {
    lon: f64,
    lat: f64,
    radius: f64,
    cos_radius: f64,
}

impl Cap {
    fn cos_dist(&self, (lon, lat): (f64, f64)) -> f64 {
        let (lon, lat) = (lon.to_radians(), lat.to_radians());
        self.lat.sin() * lat.sin() + self.lat.cos() * lat.cos() * (lon - self.lon).cos()
    }

    fn inside(&self, p: (f64, f64)) -> bool {
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
    fn horizon(&self, az: f64) -> (f64, f64) {
        let d = self.radius - NUDGE_DEG.to_radians();
        let lat = (self.lat.sin() * d.cos() + self.lat.cos() * d.sin() * az.cos()).asin();
        let lon = self.lon
            + (az.sin() * d.sin() * self.lat.cos()).atan2(d.cos() - self.lat.sin() * lat.sin());
        (wrap180(lon.to_degrees()), lat.to_degrees())
    }

    /// Where the edge from inside point `a` to outside point `b` crosses the horizon: its
    /// azimuth, found by bisection along the edge (longitude difference taken the short way).
    fn crossing_azimuth(&self, a: (f64, f64), b: (f64, f64)) -> f64 {
        let dl = wrap180(b.0 - a.0);
        let at = |t: f64| (wrap180(a.0 + dl * t), a.1 + (b.1 - a.1) * t);
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
}

/// Clips and projects geometry for one fitted map.
pub(crate) struct GeoClip<'a, P> {
    fitted: &'a Fitted<P>,
    cm: f64,
    lat_min: f64,
    lat_max: f64,
    cap: Option<Cap>,
    /// For regional maps: a box (longitudes relative to `cm`) around the frame; shapes are cut
    /// to it before projecting, so big continents cost only their part near the map.
    near: Option<Bounds>,
}

impl<'a, P: Projection> GeoClip<'a, P> {
    /// Reads the cut meridian, the latitudes the projection can reach (85° where a pole is
    /// at infinity, as in Mercator) and the visible cap.
    pub(crate) fn new(fitted: &'a Fitted<P>) -> Self {
        let projection = fitted.projection();
        let cm = wrap180(projection.central_meridian());
        let cm = if cm.is_finite() { cm } else { 0.0 };
        let reaches = |lat: f64| {
            LonLat::new(cm, lat)
                .ok()
                .and_then(|p| fitted.project_px(p))
                .is_some_and(|(x, y)| {
                    x.is_finite() && y.is_finite() && x.abs() < 1e7 && y.abs() < 1e7
                })
        };
        let cap = projection
            .clip_cap()
            .or_else(|| whole_sphere_azimuthal(fitted, cm))
            .and_then(|(c, r)| {
                (r > 0.0 && r < 180.0).then(|| Cap {
                    lon: c.lon().to_radians(),
                    lat: c.lat().to_radians(),
                    radius: r.to_radians(),
                    cos_radius: r.to_radians().cos(),
                })
            });
        GeoClip {
            fitted,
            cm,
            lat_min: if reaches(-90.0) { -90.0 } else { -85.0 },
            lat_max: if reaches(90.0) { 90.0 } else { 85.0 },
            cap,
            near: None,
        }
    }

    /// Cuts shapes to `extent` before projecting (world projections only).
    pub(crate) fn with_extent(mut self, extent: Option<super::extent::Extent>) -> Self {
        self.near = extent.map(|e| e.relative_box());
        self
    }

    /// Latitude band (degrees) the map is clipped to.
    pub(crate) fn lat_range(&self) -> (f64, f64) {
        (self.lat_min, self.lat_max)
    }

    /// The central meridian the cut is opposite to, degrees in [-180, 180).
    pub(crate) fn central_meridian(&self) -> f64 {
        self.cm
    }

    /// A polygon in degrees → polygons in pixels (not yet clipped to the frame).
    pub(crate) fn polygon(&self, poly: &Polygon) -> Vec<geo::Polygon<f64>> {
        if poly.is_empty() {
            return Vec::new();
        }
        match self.cap {
            Some(cap) => {
                let Some(outer) = self.cap_ring(&cap, &poly[0]) else {
                    return Vec::new();
                };
                let holes = poly[1..].iter().filter_map(|r| self.cap_ring(&cap, r));
                let to_ls = |r: Vec<(f64, f64)>| self.project_ring(r.into_iter(), false);
                vec![geo::Polygon::new(to_ls(outer), holes.map(to_ls).collect())]
            }
            None => self.world_polygon(poly),
        }
    }

    /// The whole globe as the map draws it (the globe's disc, the world's oval or rectangle)
    /// in pixels, not yet clipped to the frame.
    pub(crate) fn sphere(&self) -> Vec<geo::Polygon<f64>> {
        match self.cap {
            Some(cap) => {
                let ring = (0..180).map(|i| cap.horizon((2.0 * i as f64).to_radians()));
                vec![geo::Polygon::new(self.project_ring(ring, false), vec![])]
            }
            None => {
                let lon = |x: f64| wrap180(self.cm + x);
                let bottom = (-180..=180).map(|x| (lon(x as f64), self.lat_min));
                let top = (-180..=180).rev().map(|x| (lon(x as f64), self.lat_max));
                self.world_polygon(&vec![bottom.chain(top).collect()])
            }
        }
    }

    /// A line in degrees → lines in pixels (not yet clipped to the frame).
    pub(crate) fn line(&self, line: &Ring) -> Vec<Vec<(f64, f64)>> {
        match self.cap {
            Some(cap) => self.cap_line(&cap, line),
            None => self.world_line(line),
        }
    }

    /// Unwraps a ring into longitudes relative to the central meridian without jumps.
    fn unwrap(&self, ring: &[(f64, f64)]) -> Vec<(f64, f64)> {
        let mut out: Vec<(f64, f64)> = Vec::with_capacity(ring.len() + 3);
        for &(lon, lat) in ring {
            let x = match out.last() {
                None => wrap180(lon - self.cm),
                Some(&(px, _)) => px + wrap180(lon - self.cm - px),
            };
            out.push((x, lat));
        }
        out
    }

    fn world_polygon(&self, poly: &Polygon) -> Vec<geo::Polygon<f64>> {
        let mut outer = self.unwrap(&poly[0]);
        if outer.len() < 3 {
            return Vec::new();
        }
        close_around_pole(&mut outer);
        let min_x = outer.iter().map(|p| p.0).fold(f64::INFINITY, f64::min);
        let holes: Vec<Vec<(f64, f64)>> = poly[1..]
            .iter()
            .map(|r| {
                let mut h = self.unwrap(r);
                // Bring the hole into the outer ring's turn of longitude.
                if let Some(&(x0, _)) = h.first() {
                    let shift = 360.0 * ((x0 - min_x) / 360.0).floor();
                    h.iter_mut().for_each(|p| p.0 -= shift);
                }
                h
            })
            .collect();
        let (x0, y0, x1, y1) = super::decode::bbox_of(outer.iter());
        let shape = geo::Polygon::new(ring_ls(&outer), holes.iter().map(|h| ring_ls(h)).collect());
        let pieces: Vec<geo::Polygon<f64>> =
            if x0 >= -180.0 && x1 <= 180.0 && y0 >= self.lat_min && y1 <= self.lat_max {
                vec![shape]
            } else {
                let mut out = Vec::new();
                let (k0, k1) = (
                    ((x0 + 180.0) / 360.0).floor() as i64,
                    ((x1 - 180.0) / 360.0).ceil() as i64,
                );
                for k in k0..=k1 {
                    let off = 360.0 * k as f64;
                    let window = Rect::new(
                        Coord {
                            x: off - 180.0,
                            y: self.lat_min,
                        },
                        Coord {
                            x: off + 180.0,
                            y: self.lat_max,
                        },
                    )
                    .to_polygon();
                    for p in shape.intersection(&window) {
                        out.push(translate(&p, -off));
                    }
                }
                out
            };
        let pieces: Vec<geo::Polygon<f64>> = match self.near {
            None => pieces,
            Some(b) => pieces
                .iter()
                .filter_map(|p| {
                    let cut = |ls: &LineString<f64>| {
                        let pts: Vec<(f64, f64)> = ls.0.iter().map(|c| (c.x, c.y)).collect();
                        let r = clip_ring(&pts, b);
                        (r.len() >= 3).then(|| ring_ls(&r))
                    };
                    let outer = cut(p.exterior())?;
                    Some(geo::Polygon::new(
                        outer,
                        p.interiors().iter().filter_map(cut).collect(),
                    ))
                })
                .collect(),
        };
        pieces
            .iter()
            .map(|p| {
                let proj = |ls: &LineString<f64>| {
                    let pts = densify(ls.0.iter().map(|c| (c.x, c.y)), true);
                    self.project_ring(pts.into_iter(), true)
                };
                geo::Polygon::new(proj(p.exterior()), p.interiors().iter().map(proj).collect())
            })
            .collect()
    }

    fn world_line(&self, line: &Ring) -> Vec<Vec<(f64, f64)>> {
        let un = self.unwrap(line);
        if un.len() < 2 {
            return Vec::new();
        }
        let (x0, _, x1, _) = super::decode::bbox_of(un.iter());
        let (k0, k1) = (
            ((x0 + 180.0) / 360.0).floor() as i64,
            ((x1 - 180.0) / 360.0).ceil() as i64,
        );
        let mut out = Vec::new();
        for k in k0..=k1 {
            let off = 360.0 * k as f64;
            for run in clip_polyline(
                &un,
                Bounds::new(off - 180.0, self.lat_min, off + 180.0, self.lat_max),
            ) {
                let pts = densify(run.into_iter().map(|(x, y)| (x - off, y)), false);
                let ls = self.project_ring(pts.into_iter(), true);
                if ls.0.len() >= 2 {
                    out.push(ls.0.iter().map(|c| (c.x, c.y)).collect());
                }
            }
        }
        out
    }

    /// Projects points; `relative`: longitudes are relative to the central meridian.
    fn project_ring(
        &self,
        pts: impl Iterator<Item = (f64, f64)>,
        relative: bool,
    ) -> LineString<f64> {
        let lim = 180.0 - NUDGE_DEG;
        LineString::from(
            pts.filter_map(|(x, y)| {
                let lon = if relative {
                    wrap180(x.clamp(-lim, lim) + self.cm)
                } else {
                    x
                };
                let p = LonLat::new(lon, y.clamp(-90.0, 90.0)).ok()?;
                self.fitted
                    .project_px(p)
                    .filter(|(px, py)| px.is_finite() && py.is_finite())
            })
            .map(|(x, y)| Coord { x, y })
            .collect::<Vec<_>>(),
        )
    }

    /// A ring clipped to the cap (degrees), or `None` if no vertex is visible.
    fn cap_ring(&self, cap: &Cap, ring: &[(f64, f64)]) -> Option<Vec<(f64, f64)>> {
        let inside: Vec<bool> = ring.iter().map(|&p| cap.inside(p)).collect();
        let start = inside.iter().position(|&i| i)?;
        if inside.iter().all(|&i| i) {
            return Some(densify(ring.iter().copied(), true));
        }
        let n = ring.len();
        let mut out = Vec::with_capacity(n + 16);
        let mut last_az: Option<f64> = None;
        let horizon = |out: &mut Vec<(f64, f64)>, az: f64, last_az: &mut Option<f64>| {
            if let Some(prev) = *last_az {
                let d = (az - prev + std::f64::consts::PI).rem_euclid(std::f64::consts::TAU)
                    - std::f64::consts::PI;
                let steps = (d.abs().to_degrees() / 2.0).ceil() as usize;
                for s in 1..steps {
                    out.push(cap.horizon(prev + d * s as f64 / steps as f64));
                }
            }
            out.push(cap.horizon(az));
            *last_az = Some(az);
        };
        for k in 0..n {
            let (i, j) = ((start + k) % n, (start + k + 1) % n);
            let (a, b) = (ring[i], ring[j]);
            if inside[i] {
                out.push(a);
                last_az = None;
            } else {
                horizon(&mut out, cap.azimuth(a), &mut last_az);
            }
            if inside[i] && !inside[j] {
                horizon(&mut out, cap.crossing_azimuth(a, b), &mut last_az);
            } else if !inside[i] && inside[j] {
                horizon(&mut out, cap.crossing_azimuth(b, a), &mut last_az);
            } else if inside[i] {
                densify_edge(&mut out, a, b);
            }
        }
        Some(out)
    }

    fn cap_line(&self, cap: &Cap, line: &Ring) -> Vec<Vec<(f64, f64)>> {
        let mut runs: Vec<Vec<(f64, f64)>> = Vec::new();
        let mut run: Vec<(f64, f64)> = Vec::new();
        for (k, &p) in line.iter().enumerate() {
            let inside = cap.inside(p);
            if k > 0 {
                let prev = line[k - 1];
                let was = cap.inside(prev);
                if was && !inside {
                    run.push(cap.horizon(cap.crossing_azimuth(prev, p)));
                    runs.push(std::mem::take(&mut run));
                } else if !was && inside {
                    run.push(cap.horizon(cap.crossing_azimuth(p, prev)));
                } else if was {
                    densify_edge(&mut run, prev, p);
                }
            }
            if inside {
                run.push(p);
            }
        }
        runs.push(run);
        runs.into_iter()
            .filter(|r| r.len() >= 2)
            .map(|r| {
                self.project_ring(r.into_iter(), false)
                    .0
                    .iter()
                    .map(|c| (c.x, c.y))
                    .collect::<Vec<_>>()
            })
            .filter(|r: &Vec<(f64, f64)>| r.len() >= 2)
            .collect()
    }
}

/// A projection that shows the whole sphere without a seam along the cut meridian (azimuthal
/// equidistant: both sides of that meridian meet, only the antipode is torn) is clipped as a
/// cap of 179.999° around its centre, as d3 does, rather than cut along the meridian.
fn whole_sphere_azimuthal<P: Projection>(fitted: &Fitted<P>, cm: f64) -> Option<(LonLat, f64)> {
    let side = |lon: f64, lat: f64| {
        LonLat::new(wrap180(lon), lat)
            .ok()
            .and_then(|p| fitted.project_px(p))
    };
    let joined = [-30.0, 0.0, 30.0].iter().all(|&lat| {
        match (side(cm + 179.99, lat), side(cm - 179.99, lat)) {
            (Some(a), Some(b)) => {
                (a.0 - b.0).hypot(a.1 - b.1) < 0.01 * fitted.width_px().max(fitted.height_px())
            }
            _ => false,
        }
    });
    let centre = fitted.projection().inverse(0.0, 0.0)?;
    joined.then_some((centre, 179.999))
}

/// If an unwrapped ring does not come back to its starting longitude it circles a pole:
/// close it along that pole (the one on the side of its mean latitude).
fn close_around_pole(ring: &mut Vec<(f64, f64)>) {
    let (first, last) = (ring[0], ring[ring.len() - 1]);
    let end_x = last.0 + wrap180(first.0 - last.0);
    let drift = end_x - first.0;
    if drift.abs() < 180.0 {
        return;
    }
    let mean_lat = ring.iter().map(|p| p.1).sum::<f64>() / ring.len() as f64;
    let pole = if mean_lat < 0.0 { -90.0 } else { 90.0 };
    ring.push((end_x, first.1));
    ring.push((end_x, pole));
    ring.push((first.0, pole));
}

fn ring_ls(r: &[(f64, f64)]) -> LineString<f64> {
    LineString::from(r.iter().map(|&(x, y)| Coord { x, y }).collect::<Vec<_>>())
}

fn translate(p: &geo::Polygon<f64>, dx: f64) -> geo::Polygon<f64> {
    let t = |ls: &LineString<f64>| {
        LineString::from(
            ls.0.iter()
                .map(|c| Coord {
                    x: c.x + dx,
                    y: c.y,
                })
                .collect::<Vec<_>>(),
        )
    };
    geo::Polygon::new(t(p.exterior()), p.interiors().iter().map(t).collect())
}

/// Pushes the points strictly between `a` and `b` (degrees; longitude difference taken as is)
/// so no step is longer than [`STEP_DEG`], then nothing else: the caller pushes `b`.
fn densify_edge(out: &mut Vec<(f64, f64)>, a: (f64, f64), b: (f64, f64)) {
    let dl = wrap180(b.0 - a.0);
    let steps = (dl.abs().max((b.1 - a.1).abs()) / STEP_DEG).ceil() as usize;
    for s in 1..steps {
        let t = s as f64 / steps as f64;
        out.push((wrap180(a.0 + dl * t), a.1 + (b.1 - a.1) * t));
    }
}

/// Densifies a run of points with unwrapped (continuous) longitudes; `closed`: also the edge
/// from the last point back to the first.
fn densify(pts: impl Iterator<Item = (f64, f64)>, closed: bool) -> Vec<(f64, f64)> {
    let pts: Vec<(f64, f64)> = pts.collect();
    let mut out = Vec::with_capacity(pts.len());
    let n = pts.len();
    for i in 0..n {
        let a = pts[i];
        out.push(a);
        if i + 1 < n || closed {
            let b = pts[(i + 1) % n];
            let steps = ((b.0 - a.0).abs().max((b.1 - a.1).abs()) / STEP_DEG).ceil() as usize;
            for s in 1..steps {
                let t = s as f64 / steps as f64;
                out.push((a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t));
            }
        }
    }
    out
}
