//! Geographic clipping before projection: rings and lines in degrees in, pieces in pixels out.
//!
//! Whole-world projections are cut along the meridian opposite their central meridian
//! ([`super::seam`]), to the latitude band the projection can show (±85° for Mercator), then
//! densified ([`super::densify`]) and projected. Cap projections (orthographic) are instead
//! clipped to the visible cap ([`super::cap`]).

use super::cap::{Cap, NUDGE_DEG};
use super::cap_cut;
use super::decode::{Polygon, Ring};
use super::densify::densify;
use super::seam;
use crate::geodesy::central_angle_rad;
use crate::geodesy::wrap_lon;
use crate::geometry::Bounds;
use crate::model::LonLat;
use crate::projection::{Fitted, Projection};
use geo::{Coord, LineString};

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
    /// On a globe: pixels per degree of arc, at most, within [`STRETCH_MAX_DEG`] of its cap
    /// ([`Projection::cap_scale_bound`]), to leave unprojected the runs of points that lie far
    /// outside the frame ([`GeoClip::project_on_cap`]).
    cap_px_per_deg: Option<f64>,
}

impl<'a, P: Projection> GeoClip<'a, P> {
    /// Reads the cut meridian, the latitudes the projection can reach (85° where a pole is
    /// at infinity, as in Mercator) and the visible cap.
    pub(crate) fn new(fitted: &'a Fitted<P>) -> Self {
        let projection = fitted.projection();
        let cm = wrap_lon(projection.central_meridian());
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
            .map(|(c, r)| (c, r.min(frame_radius_deg(fitted, c).unwrap_or(r))));
        // A map centred on a pole draws what lies within the frame's reach of it: a band of
        // latitude, cut in degrees before projecting (exact, unlike following a horizon).
        let polar = cap.filter(|(c, r)| c.lat().abs() > 89.9 && *r < 90.0);
        let near = polar.map(|(c, r)| {
            if c.lat() > 0.0 {
                Bounds::new(-540.0, 90.0 - r, 540.0, 90.0)
            } else {
                Bounds::new(-540.0, -90.0, 540.0, -90.0 + r)
            }
        });
        let cap = cap
            .filter(|_| polar.is_none())
            .and_then(|(c, r)| (r > 0.0 && r < 180.0).then(|| Cap::new(c.lon(), c.lat(), r)));
        let cap_px_per_deg = cap
            .and_then(|c| projection.cap_scale_bound(c.radius_deg() + STRETCH_MAX_DEG))
            .map(|k| k * fitted.scale() * std::f64::consts::PI / 180.0)
            .filter(|k| k.is_finite() && *k > 0.0);
        GeoClip {
            fitted,
            cm,
            lat_min: if reaches(-90.0) { -90.0 } else { -85.0 },
            lat_max: if reaches(90.0) { 90.0 } else { 85.0 },
            cap,
            near,
            cap_px_per_deg,
        }
    }

    /// Cuts shapes to `extent` before projecting (world projections only).
    pub(crate) fn with_extent(mut self, extent: Option<super::extent::Extent>) -> Self {
        if let Some(e) = extent {
            self.near = Some(e.relative_box());
        }
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
                let to_ls = |r: Vec<(f64, f64)>| self.project_on_cap(&r);
                cap_cut::cut_polygon(&cap, poly)
                    .into_iter()
                    .map(|(outer, holes)| {
                        geo::Polygon::new(to_ls(outer), holes.into_iter().map(to_ls).collect())
                    })
                    .collect()
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
                let lon = |x: f64| wrap_lon(self.cm + x);
                let bottom = (-180..=180).map(|x| (lon(x as f64), self.lat_min));
                let top = (-180..=180).rev().map(|x| (lon(x as f64), self.lat_max));
                self.world_polygon(&vec![bottom.chain(top).collect()])
            }
        }
    }

    /// A point in degrees → pixels, if the map shows it: on the near side of a globe, within
    /// the latitudes the projection can show (not yet checked against the frame).
    pub(crate) fn point(&self, (lon, lat): (f64, f64)) -> Option<(f64, f64)> {
        let shown = match self.cap {
            Some(cap) => cap.inside((lon, lat)),
            None => (self.lat_min..=self.lat_max).contains(&lat),
        };
        if !shown {
            return None;
        }
        self.project((lon, lat))
    }

    /// A line in degrees → lines in pixels (not yet clipped to the frame).
    pub(crate) fn line(&self, line: &Ring) -> Vec<Vec<(f64, f64)>> {
        match self.cap {
            Some(cap) => cap
                .clip_line(line)
                .into_iter()
                .filter(|r| r.len() >= 2)
                .map(|r| points(&self.project_on_cap(&r)))
                .filter(|r| r.len() >= 2)
                .collect(),
            None => self.world_line(line),
        }
    }

    /// A polygon of a whole-world map: cut at the seam and the latitude band, kept near the
    /// frame of a regional map, densified and projected.
    fn world_polygon(&self, poly: &Polygon) -> Vec<geo::Polygon<f64>> {
        // A regional map drops the points it cannot show as it unwraps.
        let Some((outer, holes)) = seam::unwrap_polygon(poly, self.cm, self.near) else {
            return Vec::new();
        };
        // What is left of a ring wholly in one region is its two ends: nothing to draw.
        let (outer, holes) = match self.near {
            None => (outer, holes),
            Some(_) if outer.len() < 4 => return Vec::new(),
            Some(_) => (outer, holes.into_iter().filter(|h| h.len() >= 4).collect()),
        };
        let pieces = seam::cut_polygon(&outer, &holes, self.lat_min, self.lat_max);
        let pieces = match self.near {
            None => pieces,
            Some(b) => seam::keep_near(pieces, b),
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

    /// A line of a whole-world map: cut at the seam and the latitude band, kept near the frame
    /// of a regional map, densified and projected; runs of fewer than two points are dropped.
    fn world_line(&self, line: &Ring) -> Vec<Vec<(f64, f64)>> {
        let un = seam::unwrap_near(line, self.cm, 0.0, self.near).points;
        if un.len() < 2 {
            return Vec::new();
        }
        seam::cut_line(&un, self.lat_min, self.lat_max)
            .into_iter()
            .flat_map(|run| match self.near {
                Some(b) => seam::keep_near_line(run, b),
                None => vec![run],
            })
            .filter_map(|run| {
                let pts = densify(run.into_iter(), false);
                let ls = self.project_ring(pts.into_iter(), true);
                (ls.0.len() >= 2).then(|| points(&ls))
            })
            .collect()
    }

    /// Projects a run of points on a globe's cap (degrees), leaving out the points inside each
    /// stretch of [`CAP_STRETCH`] that lies wholly far outside the frame: only the stretch's
    /// ends are projected. How far a stretch's points can be from its first point is bounded
    /// without projecting them: the arc to each is at most its latitude and longitude
    /// differences added, and when that is at most [`STRETCH_MAX_DEG`], the arc stays within
    /// that of the cap, where a degree takes at most `cap_px_per_deg` pixels. When the first
    /// point's distance from the frame exceeds that, the stretch lies in a disc clear of the
    /// frame, and so does the
    /// straight edge between its ends that replaces it. A line's pieces in the disc were cut
    /// away by the frame anyway; a polygon changes only inside the disc, so inside the frame
    /// it is the same shape, cut where the same edges cross the frame.
    fn project_on_cap(&self, pts: &[(f64, f64)]) -> LineString<f64> {
        let Some(px_per_deg) = self.cap_px_per_deg else {
            return self.project_ring(pts.iter().copied(), false);
        };
        let (w, h) = (self.fitted.width_px(), self.fitted.height_px());
        let clear_of_frame = |(x, y): (f64, f64)| -> f64 {
            let dx = (-x).max(x - w).max(0.0);
            let dy = (-y).max(y - h).max(0.0);
            (dx * dx + dy * dy).sqrt()
        };
        let project = |(lon, lat): (f64, f64)| self.project((lon, lat.clamp(-90.0, 90.0)));
        let n = pts.len();
        let mut out: Vec<Coord<f64>> = Vec::with_capacity(n);
        let mut push = |q: Option<(f64, f64)>| {
            if let Some((x, y)) = q {
                out.push(Coord { x, y });
            }
        };
        let mut i = 0;
        let mut first = if n > 0 { project(pts[0]) } else { None };
        push(first);
        while i + 1 < n {
            let j = (i + CAP_STRETCH).min(n - 1);
            let far = first.is_some_and(|p| {
                let (lon0, lat0) = pts[i];
                let reach = pts[i + 1..=j]
                    .iter()
                    .map(|&(lon, lat)| (lat - lat0).abs() + wrap_lon(lon - lon0).abs())
                    .fold(0.0, f64::max);
                reach <= STRETCH_MAX_DEG && reach * px_per_deg + 1.0 < clear_of_frame(p)
            });
            if !far {
                for &p in &pts[i + 1..j] {
                    push(project(p));
                }
            }
            first = project(pts[j]);
            push(first);
            i = j;
        }
        LineString::from(out)
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
                    wrap_lon(x.clamp(-lim, lim) + self.cm)
                } else {
                    x
                };
                self.project((lon, y.clamp(-90.0, 90.0)))
            })
            .map(|(x, y)| Coord { x, y })
            .collect::<Vec<_>>(),
        )
    }

    /// A point (lon, lat degrees) in pixels, if it is a valid position the projection maps to
    /// a finite place.
    fn project(&self, (lon, lat): (f64, f64)) -> Option<(f64, f64)> {
        let p = LonLat::new(lon, lat).ok()?;
        self.fitted
            .project_px(p)
            .filter(|(x, y)| x.is_finite() && y.is_finite())
    }
}

/// Points per stretch of a run on a globe's cap that [`GeoClip::project_on_cap`] may leave
/// unprojected.
const CAP_STRETCH: usize = 16;

/// The widest stretch, in degrees of latitude and longitude added, that
/// [`GeoClip::project_on_cap`] may leave unprojected: its arcs stay this close to the cap.
const STRETCH_MAX_DEG: f64 = 10.0;

/// A line string's points as pairs.
fn points(ls: &LineString<f64>) -> Vec<(f64, f64)> {
    ls.0.iter().map(|c| (c.x, c.y)).collect()
}

/// How far from the cap's centre `c` the frame reaches, degrees, with a margin: every corner and
/// edge midpoint of the frame is within it. `None` when a frame point is off the projection
/// (a world map's corner beyond the globe): then the projection's own cap stands. A map zoomed
/// in on a pole draws only the shapes near it, so a shape around the far pole (Antarctica on an
/// Arctic map) cannot wrap around the horizon and flood the map.
fn frame_radius_deg<P: Projection>(fitted: &Fitted<P>, c: LonLat) -> Option<f64> {
    let (w, h) = (fitted.width_px(), fitted.height_px());
    let mut far: f64 = 0.0;
    for (x, y) in [
        (0.0, 0.0),
        (w / 2.0, 0.0),
        (w, 0.0),
        (w, h / 2.0),
        (w, h),
        (w / 2.0, h),
        (0.0, h),
        (0.0, h / 2.0),
    ] {
        let p = fitted.inverse_px(x, y)?;
        far = far.max(central_angle_rad(c.lon(), c.lat(), p.lon(), p.lat()).to_degrees());
    }
    Some(far + 10.0)
}

#[cfg(test)]
mod test {
    use super::*;
    use crate::basemap::{Detail, data};
    use crate::geometry::clip_polygons;
    use crate::projection::{AzimuthalEquidistant, Orthographic, fit};

    /// On globes of the Pacific, the Atlantic and Europe, every 1:50m land polygon cut at the
    /// horizon comes out of the frame the same whether the stretches far outside it are left
    /// unprojected or not, and most of the points outside it are left unprojected.
    #[test]
    fn runs_far_outside_a_globe_s_frame_change_nothing_inside_it() {
        // Each view: the globe's centre, and two places the map must show.
        type View = (f64, f64, [(f64, f64); 2]);
        let views: [View; 3] = [
            (-170.0, 0.0, [(140.0, 35.0), (-122.0, 37.0)]),
            (-30.0, 20.0, [(-70.0, 40.0), (-5.0, 40.0)]),
            (15.0, 50.0, [(0.0, 45.0), (30.0, 55.0)]),
        ];
        let mut culled = 0;
        for (lon, lat, span) in views {
            let c = LonLat::new(lon, lat).unwrap();
            let places: Vec<LonLat> = span
                .iter()
                .map(|&(x, y)| LonLat::new(x, y).unwrap())
                .collect();
            let ortho = Orthographic::sphere(c);
            let azeq = AzimuthalEquidistant::sphere(c);
            culled += usize::from(check(&fit(ortho, &places, 640.0, 480.0, 20.0).unwrap()));
            culled += usize::from(check(&fit(azeq, &places, 640.0, 480.0, 20.0).unwrap()));
        }
        assert!(culled >= 4, "{culled}");
    }

    /// Whether the map may leave points unprojected (its projection bounds its scale there).
    fn check<P: Projection>(fitted: &Fitted<P>) -> bool {
        let geo = GeoClip::new(fitted);
        let cap = geo.cap.expect("a globe has a cap");
        if geo.cap_px_per_deg.is_none() {
            return false;
        }
        let frame = Bounds::new(0.0, 0.0, fitted.width_px(), fitted.height_px());
        let (mut all, mut kept) = (0, 0);
        for land in &data::layers(Detail::Medium).land {
            for (outer, holes) in cap_cut::cut_polygon(&cap, &land.geometry.get().polygon) {
                let full = |r: &Vec<(f64, f64)>| geo.project_ring(r.iter().copied(), false);
                let culled = |r: &Vec<(f64, f64)>| geo.project_on_cap(r);
                let a = geo::Polygon::new(full(&outer), holes.iter().map(full).collect());
                let b = geo::Polygon::new(culled(&outer), holes.iter().map(culled).collect());
                all += a.exterior().0.len();
                kept += b.exterior().0.len();
                assert_eq!(clip_polygons(vec![a], frame), clip_polygons(vec![b], frame));
            }
        }
        assert!(
            all > 1000 && kept * 10 < all * 8,
            "{kept} of {all} points projected"
        );
        true
    }
}
