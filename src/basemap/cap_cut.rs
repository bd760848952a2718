//! Cutting a polygon at the visible cap of a globe, holes and all, the way d3-geo clips to a
//! circle: each ring is cut into the runs that lie on the cap, and the runs are joined into
//! rings along the horizon, walking round it from where one run leaves to where the next
//! enters, with the polygon's inside on the left.
//!
//! Rings are oriented first (outer rings anticlockwise in longitude and latitude, holes
//! clockwise), so the side a run's inside lies on is known wherever it meets the horizon. That
//! holds for a shape reaching behind the globe all the way round (Afro-Eurasia seen from the
//! mid-Pacific): only what shows is drawn, and nothing is drawn along the horizon but where the
//! shape meets it.
//!
//! In: a polygon in degrees. Out: polygons in degrees (outer ring, holes), each on the cap.

use super::cap::Cap;
use super::decode::{Polygon, bbox_of};
use super::densify::{densify, densify_edge};
use crate::geometry::runs::{Pt, Run, join_runs, signed_area};
use crate::geometry::{inside_ring, inside_rings};
use std::f64::consts::TAU;

/// Steps along the horizon, in radians of azimuth.
const HORIZON_STEP: f64 = 2.0 * std::f64::consts::PI / 180.0;

/// The parts of `poly` (degrees) on `cap`, as outer rings with their holes (degrees). A
/// polygon whose box the cap holds ([`Cap::holds_box`]) has none of its vertices tested.
pub(super) fn cut_polygon(cap: &Cap, poly: &Polygon) -> Vec<(Vec<Pt>, Vec<Vec<Pt>>)> {
    let Some(outer) = poly.first() else {
        return Vec::new();
    };
    let all_inside = cap.holds_box(bbox_of(outer.iter()));
    let mut runs: Vec<Run> = Vec::new();
    let outer_cut = cut_ring(cap, &oriented(outer, 1.0), all_inside, &mut runs);
    let mut whole_holes: Vec<Vec<Pt>> = Vec::new();
    for hole in &poly[1..] {
        match cut_ring(cap, &oriented(hole, -1.0), all_inside, &mut runs) {
            RingCut::Inside(ring) => whole_holes.push(ring),
            RingCut::Outside if runs.is_empty() && inside_ring(cap.centre(), hole) => {
                // The cap lies in a hole that no ring crosses: none of the polygon shows.
                return Vec::new();
            }
            RingCut::Outside | RingCut::Crossing => {}
        }
    }
    if runs.is_empty() {
        return whole_rings(cap, poly, outer_cut, whole_holes);
    }
    let outers = join_at_horizon(cap, &runs);
    // Each hole wholly on the cap goes in the outer ring holding it, tested on the cap's own
    // plane (where no ring wraps round).
    let planar: Vec<Vec<Pt>> = outers
        .iter()
        .map(|r| r.iter().map(|&p| cap.plane(p)).collect())
        .collect();
    let mut holes_of: Vec<Vec<Vec<Pt>>> = vec![Vec::new(); outers.len()];
    for hole in whole_holes {
        let at = cap.plane(hole[0]);
        if let Some(i) = planar.iter().position(|o| inside_ring(at, o)) {
            holes_of[i].push(hole);
        }
    }
    outers.into_iter().zip(holes_of).collect()
}

/// A polygon none of whose rings crosses the horizon: its rings on the cap, each as a polygon
/// of its own, to be filled even-odd. On the cap's plane a ring round the far side of the
/// globe looks like one round the centre, so which side is the polygon's cannot be read off
/// the rings: seen from the antipode (which is off the cap), a place is in the polygon when
/// the antipode is and no ring lies between them, or it is not and one ring does, and so on.
/// So the whole horizon is added when the polygon holds the antipode.
fn whole_rings(
    cap: &Cap,
    poly: &Polygon,
    outer_cut: RingCut,
    holes: Vec<Vec<Pt>>,
) -> Vec<(Vec<Pt>, Vec<Vec<Pt>>)> {
    let mut rings = holes;
    match outer_cut {
        RingCut::Inside(ring) => rings.insert(0, ring),
        // No vertex on the cap: the shape misses it, or holds all of it (a globe zoomed in on
        // the middle of a continent).
        _ if inside_ring(cap.centre(), &poly[0]) => rings.insert(0, whole_horizon(cap)),
        _ => return Vec::new(),
    }
    if inside_rings(cap.antipode(), poly) {
        rings.insert(0, whole_horizon(cap));
    }
    rings.into_iter().map(|r| (r, Vec::new())).collect()
}

/// What cutting one ring at the horizon found.
enum RingCut {
    /// Every vertex on the cap: the ring, densified, is kept whole.
    Inside(Vec<Pt>),
    /// No vertex on the cap.
    Outside,
    /// The ring's runs on the cap were added to the list.
    Crossing,
}

/// Cuts `ring` (not closed, oriented) at the horizon, adding its runs on the cap to `runs`.
fn cut_ring(cap: &Cap, ring: &[Pt], all_inside: bool, runs: &mut Vec<Run>) -> RingCut {
    if all_inside {
        return RingCut::Inside(densify(ring.iter().copied(), true));
    }
    let inside: Vec<bool> = ring.iter().map(|&p| cap.inside(p)).collect();
    if !inside.contains(&true) {
        return RingCut::Outside;
    }
    // Start at a vertex behind the horizon, so every run begins and ends on it.
    let Some(start) = inside.iter().position(|&i| !i) else {
        return RingCut::Inside(densify(ring.iter().copied(), true));
    };
    let n = ring.len();
    let mut run: Option<Run> = None;
    for k in 0..n {
        let (i, j) = ((start + k) % n, (start + k + 1) % n);
        let (a, b) = (ring[i], ring[j]);
        match (inside[i], inside[j]) {
            (false, true) => {
                let az = cap.crossing_azimuth(b, a);
                run = Some(Run {
                    points: vec![cap.horizon(az)],
                    enters_at: -az,
                    leaves_at: -az,
                });
            }
            (true, true) => {
                if let Some(r) = run.as_mut() {
                    r.points.push(a);
                    densify_edge(&mut r.points, a, b);
                }
            }
            (true, false) => {
                if let Some(mut r) = run.take() {
                    let az = cap.crossing_azimuth(a, b);
                    r.points.push(a);
                    r.points.push(cap.horizon(az));
                    r.leaves_at = -az;
                    runs.push(r);
                }
            }
            (false, false) => {}
        }
    }
    RingCut::Crossing
}

/// The runs joined into closed rings: after each run, walk along the horizon (inside on the
/// left, so towards smaller azimuths) to the nearest place where a run enters. Positions along
/// the horizon are azimuths negated, so walking forward is walking that way.
fn join_at_horizon(cap: &Cap, runs: &[Run]) -> Vec<Vec<Pt>> {
    let mut rings = join_runs(runs, TAU, |ring, leaves, gap| {
        let steps = (gap / HORIZON_STEP).ceil() as usize;
        for s in 1..steps {
            ring.push(cap.horizon(-(leaves + gap * s as f64 / steps as f64)));
        }
    });
    rings.retain(|ring| ring.len() >= 3);
    rings
}

/// The whole horizon as an outer ring (anticlockwise: azimuth falling), every 2°.
fn whole_horizon(cap: &Cap) -> Vec<Pt> {
    (0..180)
        .map(|i| cap.horizon(-HORIZON_STEP * f64::from(i)))
        .collect()
}

/// `ring` turned so its signed area (longitude and latitude as x and y) has the sign of `sign`.
fn oriented(ring: &[Pt], sign: f64) -> Vec<Pt> {
    if signed_area(ring) * sign < 0.0 {
        ring.iter().rev().copied().collect()
    } else {
        ring.to_vec()
    }
}

#[cfg(test)]
mod test {
    use super::*;

    /// The angle in degrees from the cap's centre to `p`.
    fn angle(cap: &Cap, p: Pt) -> f64 {
        let (x, y) = cap.plane(p);
        x.hypot(y).to_degrees()
    }

    #[test]
    fn a_shape_running_behind_the_globe_follows_the_horizon_only_where_it_meets_it() {
        let cap = Cap::new(0.0, 0.0, 90.0);
        // From the visible side to 150° E and back: the far part is replaced by the horizon,
        // between 10° S and 10° N.
        let square = vec![(10.0, -10.0), (150.0, -10.0), (150.0, 10.0), (10.0, 10.0)];
        let out = cut_polygon(&cap, &vec![square]);
        assert_eq!(out.len(), 1);
        let ring = &out[0].0;
        assert!(ring.iter().all(|&p| angle(&cap, p) < 90.0), "{ring:?}");
        let on_horizon: Vec<&Pt> = ring.iter().filter(|&&p| angle(&cap, p) > 89.9).collect();
        assert!(on_horizon.len() >= 2, "{ring:?}");
        assert!(
            on_horizon.iter().all(|p| p.1.abs() <= 10.0 + 1e-6),
            "{ring:?}"
        );
        let hidden = vec![(170.0, 0.0), (175.0, 5.0), (179.0, 0.0)];
        assert!(cut_polygon(&cap, &vec![hidden]).is_empty());
    }

    #[test]
    fn a_shape_holding_the_far_side_shows_only_its_near_edge() {
        // A band from 60° S to 60° N round the far side (everything but 30° either side of
        // the meridian the globe faces), split at the antimeridian as Natural Earth splits.
        let cap = Cap::new(0.0, 0.0, 90.0);
        let east = vec![(30.0, -60.0), (180.0, -60.0), (180.0, 60.0), (30.0, 60.0)];
        let west = vec![
            (-180.0, -60.0),
            (-30.0, -60.0),
            (-30.0, 60.0),
            (-180.0, 60.0),
        ];
        for band in [east, west] {
            let out = cut_polygon(&cap, &vec![band]);
            assert_eq!(out.len(), 1);
            let ring: Vec<Pt> = out[0].0.iter().map(|&p| cap.plane(p)).collect();
            // The centre is sea; a point at 60° E on the equator is land (or at 60° W).
            assert!(!inside_ring((0.0, 0.0), &ring));
            let x = if out[0].0[0].0 > 0.0 { 1.0 } else { -1.0 };
            assert!(inside_ring((x * 60f64.to_radians(), 0.0), &ring));
        }
    }

    #[test]
    fn a_shape_around_the_whole_cap_fills_it_and_its_holes_stay() {
        let cap = Cap::new(70.0, 40.0, 15.0);
        let continent = vec![(0.0, 0.0), (140.0, 0.0), (140.0, 75.0), (0.0, 75.0)];
        let lake = vec![(69.0, 39.0), (71.0, 39.0), (71.0, 41.0), (69.0, 41.0)];
        let out = cut_polygon(&cap, &vec![continent.clone(), lake.clone()]);
        // The horizon and the lake, filled even-odd.
        assert_eq!(out.len(), 2);
        assert!(out.iter().all(|(_, holes)| holes.is_empty()));
        assert!(
            out[0]
                .0
                .iter()
                .all(|&p| (angle(&cap, p) - 15.0).abs() < 1e-3)
        );
        assert_eq!(out[1].0.len(), densify(lake.iter().copied(), true).len());
        // A hole holding the whole cap leaves nothing.
        let sea = vec![(50.0, 20.0), (90.0, 20.0), (90.0, 60.0), (50.0, 60.0)];
        assert!(cut_polygon(&cap, &vec![continent, sea]).is_empty());
    }

    /// Filled even-odd on the cap's plane, whether `p` (degrees) is in the pieces `out`.
    fn filled(cap: &Cap, out: &[(Vec<Pt>, Vec<Vec<Pt>>)], p: Pt) -> bool {
        let at = cap.plane(p);
        let rings = out.iter().flat_map(|(o, hs)| std::iter::once(o).chain(hs));
        rings
            .filter(|r| {
                let r: Vec<Pt> = r.iter().map(|&q| cap.plane(q)).collect();
                inside_ring(at, &r)
            })
            .count()
            % 2
            == 1
    }

    #[test]
    fn an_island_round_the_antipode_of_a_whole_sphere_is_land_and_the_rest_sea() {
        // An azimuthal map of the whole sphere centred at 10° E on the equator; the island
        // lies round its antipode, 170° W: every vertex is on the cap.
        let cap = Cap::new(10.0, 0.0, 179.999);
        let island = vec![(-175.0, -5.0), (-165.0, -5.0), (-165.0, 5.0), (-175.0, 5.0)];
        let out = cut_polygon(&cap, &vec![island]);
        assert!(!filled(&cap, &out, (10.0, 0.0)));
        assert!(!filled(&cap, &out, (100.0, 40.0)));
        assert!(filled(&cap, &out, (-170.0, 3.0)));
        assert!(filled(&cap, &out, (-166.0, -4.0)));
    }
}
