//! Cutting whole-world maps along the meridian opposite their central meridian, in degrees:
//! rings are unwrapped into longitudes relative to the central meridian, closed around the pole
//! when they circle it (Antarctica), and intersected with the window [-180, 180] (and its copies
//! one turn either side) and the latitude band the projection can show.

use super::decode::{Polygon, Ring, bbox_of};
use super::far_runs::{RunFilter, drop_far_runs};
use crate::geodesy::wrap_lon;
use crate::geometry::{Bounds, clip_polygon_to_box, clip_polyline, clip_ring};
use geo::{Coord, LineString};

/// A ring's longitudes relative to the central meridian `cm`, without jumps (each point within
/// half a turn of the one before), moved `shift` degrees west, with the points a regional
/// map's box `near` rules out dropped as they are made ([`super::far_runs`]), so a continent's
/// ring is never stored whole.
pub(super) fn unwrap_near(
    ring: &[(f64, f64)],
    cm: f64,
    shift: f64,
    near: Option<Bounds>,
) -> Unwrapped {
    let mut points: Vec<(f64, f64)> = Vec::with_capacity(match near {
        None => ring.len() + 3,
        Some(_) => ring.len().min(256),
    });
    let mut filter = RunFilter::new(near);
    // A point's relative longitude is its own less `cm`, plus whole turns that change only
    // where the ring steps more than half a turn (across the seam): no sum is carried from
    // point to point, so nothing piles up along a ring of 80,000 points, and each point costs
    // a subtraction rather than a chain of them.
    let mut turns = 0.0;
    let mut prev: Option<f64> = None;
    let (mut min_x, mut lat_sum) = (f64::INFINITY, 0.0);
    for &(lon, lat) in ring {
        match prev {
            None => turns = 360.0 * ((wrap_lon(lon - cm) - (lon - cm)) / 360.0).round(),
            // As `wrap_lon`: a step of exactly half a turn goes west.
            Some(before) if lon - before >= 180.0 => turns -= 360.0,
            Some(before) if lon - before < -180.0 => turns += 360.0,
            Some(_) => {}
        }
        prev = Some(lon);
        let x = lon - cm + turns;
        min_x = min_x.min(x);
        lat_sum += lat;
        filter.push((x - shift, lat), &mut points);
    }
    filter.finish(&mut points);
    Unwrapped {
        points,
        min_x: min_x - shift,
        mean_lat: lat_sum / ring.len() as f64,
        len: ring.len(),
    }
}

/// A ring as [`unwrap_near`] made it.
pub(super) struct Unwrapped {
    /// The points kept.
    pub(super) points: Vec<(f64, f64)>,
    /// The least relative longitude of all the points, kept or not.
    min_x: f64,
    /// The mean latitude of all the points.
    mean_lat: f64,
    /// How many points the ring had.
    len: usize,
}

/// A polygon unwrapped relative to `cm`: the outer ring (closed around a pole if it circles
/// one) and the holes, each brought into the outer ring's turn of longitude, without the
/// points a regional map's box `near` rules out. `None` when the outer ring has fewer than
/// three points.
pub(super) fn unwrap_polygon(
    poly: &Polygon,
    cm: f64,
    near: Option<Bounds>,
) -> Option<(Ring, Vec<Ring>)> {
    let outer = unwrap_near(&from_the_pole(&poly[0]), cm, 0.0, near);
    if outer.len < 3 {
        return None;
    }
    let mut min_x = outer.min_x;
    let mut ring = outer.points;
    if close_around_pole(&mut ring, outer.mean_lat) {
        let n = ring.len();
        min_x = ring[n - 3..].iter().map(|p| p.0).fold(min_x, f64::min);
        if let Some(b) = near {
            // The points along the pole may extend the last run: drop them as one.
            ring = drop_far_runs(&ring, b);
        }
    }
    let holes = poly[1..]
        .iter()
        .map(|r| {
            let shift = match r.first() {
                Some(&(lon, _)) => 360.0 * ((wrap_lon(lon - cm) - min_x) / 360.0).floor(),
                None => 0.0,
            };
            unwrap_near(r, cm, shift, near).points
        })
        .collect();
    Some((ring, holes))
}

/// `ring` as it is, or, when it runs along a pole, without its points on the pole and starting
/// where it leaves the pole.
///
/// Natural Earth closes a ring round a pole (Antarctica) with an edge along the pole from
/// 180° to -180°. Unwrapped, that edge has no length, and the ring started anywhere else
/// could double back across its own closing edge (it starts on the Antarctic Peninsula, which
/// runs west and back): a ring crossing itself, whose inside the box cut could take for its
/// outside — the world drawn as land and the land as sea, at some central meridians. Started
/// where it leaves the pole, the unwrapped ring runs once round and is closed along the pole
/// by [`close_around_pole`], as Natural Earth drew it.
fn from_the_pole(ring: &[(f64, f64)]) -> std::borrow::Cow<'_, [(f64, f64)]> {
    let on_pole = |p: &(f64, f64)| p.1.abs() >= 90.0;
    let Some(first) = ring.iter().position(on_pole) else {
        return std::borrow::Cow::Borrowed(ring);
    };
    // A ring on both poles (the whole globe's outline) or with too little off the pole is not
    // a coast closed along a pole: it stays as it is.
    let both = ring.iter().any(|p| p.1 >= 90.0) && ring.iter().any(|p| p.1 <= -90.0);
    if both || ring.iter().filter(|p| !on_pole(p)).count() < 3 {
        return std::borrow::Cow::Borrowed(ring);
    }
    let after = first + ring[first..].iter().take_while(|p| on_pole(p)).count();
    std::borrow::Cow::Owned(
        ring[after..]
            .iter()
            .chain(&ring[..first])
            .copied()
            .filter(|p| !on_pole(p))
            .collect(),
    )
}

/// If an unwrapped ring does not come back to its starting longitude it circles a pole:
/// close it along that pole (the one on the side of its mean latitude).
/// `mean_lat` is the ring's mean latitude. Whether it was closed.
fn close_around_pole(ring: &mut Vec<(f64, f64)>, mean_lat: f64) -> bool {
    let (first, last) = (ring[0], ring[ring.len() - 1]);
    let end_x = last.0 + wrap_lon(first.0 - last.0);
    let drift = end_x - first.0;
    if drift.abs() < 180.0 {
        return false;
    }
    let pole = if mean_lat < 0.0 { -90.0 } else { 90.0 };
    ring.push((end_x, first.1));
    ring.push((end_x, pole));
    ring.push((first.0, pole));
    true
}

/// The turns of longitude `k` (window [360k - 180, 360k + 180]) that points spanning
/// `x0..x1` (relative longitudes) reach.
fn turns(x0: f64, x1: f64) -> std::ops::RangeInclusive<i64> {
    ((x0 + 180.0) / 360.0).floor() as i64..=((x1 - 180.0) / 360.0).ceil() as i64
}

/// An unwrapped polygon (`outer` and `holes`) cut to the latitudes `lat_min..lat_max` and at the
/// seam: the pieces in each turn of longitude, shifted back into [-180, 180].
pub(super) fn cut_polygon(
    outer: &[(f64, f64)],
    holes: &[Vec<(f64, f64)>],
    lat_min: f64,
    lat_max: f64,
) -> Vec<geo::Polygon<f64>> {
    let (x0, y0, x1, y1) = bbox_of(outer.iter());
    let shape = geo::Polygon::new(ring_ls(outer), holes.iter().map(|h| ring_ls(h)).collect());
    if x0 >= -180.0 && x1 <= 180.0 && y0 >= lat_min && y1 <= lat_max {
        return vec![shape];
    }
    let mut out = Vec::new();
    for k in turns(x0, x1) {
        let off = 360.0 * k as f64;
        let window = Bounds::new(off - 180.0, lat_min, off + 180.0, lat_max);
        for p in clip_polygon_to_box(&shape, window) {
            out.push(translate(&p, -off));
        }
    }
    out
}

/// An unwrapped line cut to the latitudes `lat_min..lat_max` and at the seam: the runs in each
/// turn of longitude, shifted back into [-180, 180].
pub(super) fn cut_line(
    unwrapped: &[(f64, f64)],
    lat_min: f64,
    lat_max: f64,
) -> Vec<Vec<(f64, f64)>> {
    let (x0, _, x1, _) = bbox_of(unwrapped.iter());
    let mut out = Vec::new();
    for k in turns(x0, x1) {
        let off = 360.0 * k as f64;
        let window = Bounds::new(off - 180.0, lat_min, off + 180.0, lat_max);
        for run in clip_polyline(unwrapped, window) {
            out.push(run.into_iter().map(|(x, y)| (x - off, y)).collect());
        }
    }
    out
}

/// The parts of `pieces` (relative longitudes) inside `near`, a box around a regional map's
/// frame; pieces with nothing inside are dropped.
pub(super) fn keep_near(pieces: Vec<geo::Polygon<f64>>, near: Bounds) -> Vec<geo::Polygon<f64>> {
    pieces
        .iter()
        .filter_map(|p| {
            let cut = |ls: &LineString<f64>| {
                let pts: Vec<(f64, f64)> = ls.0.iter().map(|c| (c.x, c.y)).collect();
                let r = clip_ring(&pts, near);
                (r.len() >= 3).then(|| ring_ls(&r))
            };
            let outer = cut(p.exterior())?;
            Some(geo::Polygon::new(
                outer,
                p.interiors().iter().filter_map(cut).collect(),
            ))
        })
        .collect()
}

/// The runs of `run` (relative longitudes) that may show in `near`, a box around a regional
/// map's frame: each segment whose box touches `near` is kept with both its ends, the others
/// are dropped (splitting the run there). Kept segments keep their points exactly, so they
/// densify and project as before; a dropped one lies wholly outside the frame, so no pixel
/// of the map changes.
pub(super) fn keep_near_line(run: Vec<(f64, f64)>, near: Bounds) -> Vec<Vec<(f64, f64)>> {
    let touches = |a: (f64, f64), b: (f64, f64)| {
        a.0.max(b.0) >= near.x0
            && a.0.min(b.0) <= near.x1
            && a.1.max(b.1) >= near.y0
            && a.1.min(b.1) <= near.y1
    };
    // Every segment touches when the whole run does: most runs of a regional map.
    if run.windows(2).all(|w| touches(w[0], w[1])) {
        return vec![run];
    }
    let mut out: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut current: Vec<(f64, f64)> = Vec::new();
    for w in run.windows(2) {
        if touches(w[0], w[1]) {
            if current.is_empty() {
                current.push(w[0]);
            }
            current.push(w[1]);
        } else if !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// A ring as a `geo` line string.
fn ring_ls(r: &[(f64, f64)]) -> LineString<f64> {
    LineString::from(r.iter().map(|&(x, y)| Coord { x, y }).collect::<Vec<_>>())
}

/// `p` moved `dx` east.
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

#[cfg(test)]
mod test {
    use super::*;

    /// At every central meridian, no piece of land or country is the world: Antarctica, cut
    /// where its ring doubled back across its closing edge, once came out of the box cut as
    /// everything but itself (the Beagle's world map drew the sea as land).
    #[test]
    fn no_piece_of_land_is_the_whole_world() {
        use crate::basemap::{Detail, data};
        for detail in [Detail::Low, Detail::Medium] {
            let layers = data::layers(detail);
            let land = layers.land.iter().map(|f| &f.geometry.get().polygon);
            let countries = data::countries(detail)
                .iter()
                .flat_map(|c| c.polygons.get().iter());
            for poly in land.chain(countries) {
                for cm in (-180..180).step_by(5) {
                    let Some((outer, holes)) = unwrap_polygon(poly, f64::from(cm), None) else {
                        continue;
                    };
                    for p in cut_polygon(&outer, &holes, -85.0, 85.0) {
                        let pts: Vec<(f64, f64)> =
                            p.exterior().0.iter().map(|c| (c.x, c.y)).collect();
                        let (x0, y0, x1, y1) = bbox_of(pts.iter());
                        assert!(
                            x1 - x0 < 300.0 || y0 > 0.0 || y1 < 0.0,
                            "{detail:?} at {cm}: a piece spans {x0}..{x1}, {y0}..{y1}"
                        );
                    }
                }
            }
        }
    }

    /// Antarctica, cut at the seam of any central meridian, keeps its inside: land all round
    /// the pole, sea beyond its coast (at 110°, started on its peninsula, it came out inverted).
    /// Dropping far points while unwrapping keeps exactly what dropping them from the whole
    /// unwrapped ring keeps, also when the ring is closed along the pole afterwards (which may
    /// extend its last run): every land polygon with holes or round a pole, at 1:110m and
    /// 1:50m, at several central meridians and boxes.
    #[test]
    fn dropping_while_unwrapping_keeps_what_dropping_afterwards_keeps() {
        use crate::basemap::{Detail, data};
        let boxes = [
            Bounds::new(-20.0, -80.0, 30.0, -60.0),
            Bounds::new(-10.0, 30.0, 10.0, 50.0),
            Bounds::new(100.0, -50.0, 150.0, 10.0),
            Bounds::new(-185.0, 60.0, -150.0, 80.0),
        ];
        let mut checked = 0;
        for detail in [Detail::Low, Detail::Medium] {
            for f in &data::layers(detail).land {
                let poly = &f.geometry.get().polygon;
                let polar = poly[0].iter().any(|q| q.1.abs() >= 90.0);
                if poly.len() < 2 && !polar && poly[0].len() < 2000 {
                    continue;
                }
                for cm in [-170.0, -60.0, 0.0, 25.0, 140.0] {
                    let (outer, holes) = unwrap_polygon(poly, cm, None).unwrap();
                    for near in boxes {
                        let (o, h) = unwrap_polygon(poly, cm, Some(near)).unwrap();
                        assert_eq!(o, drop_far_runs(&outer, near), "cm {cm} {near:?}");
                        let want: Vec<Ring> =
                            holes.iter().map(|r| drop_far_runs(r, near)).collect();
                        assert_eq!(h, want);
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked >= 100, "{checked}");
    }

    #[test]
    fn antarctica_keeps_its_inside_at_every_central_meridian() {
        use crate::basemap::{Detail, data};
        let antarctica = data::layers(Detail::Low)
            .land
            .iter()
            .map(|f| &f.geometry.get().polygon)
            .find(|p| p[0].iter().any(|q| q.1 <= -90.0))
            .unwrap();
        for cm in (-180..180).step_by(10) {
            let (outer, holes) = unwrap_polygon(antarctica, f64::from(cm), None).unwrap();
            let pieces = cut_polygon(&outer, &holes, -90.0, 90.0);
            let inside = |x: f64, y: f64| {
                pieces
                    .iter()
                    .any(|p| geo::Contains::contains(p, &geo::Point::new(x, y)))
            };
            // Near the pole, all round: land; far north of the coast: not.
            for x in [-143.0, -37.0, 37.0, 143.0] {
                assert!(inside(x, -88.0), "at {cm}, {x}");
                assert!(!inside(x, -50.0), "at {cm}, {x}");
            }
        }
    }

    #[test]
    fn a_ring_round_the_pole_starts_where_it_leaves_it() {
        let ring = vec![
            (10.0, -70.0),
            (180.0, -80.0),
            (180.0, -90.0),
            (-180.0, -90.0),
            (-180.0, -80.0),
            (-10.0, -70.0),
        ];
        assert_eq!(
            from_the_pole(&ring).to_vec(),
            vec![
                (-180.0, -80.0),
                (-10.0, -70.0),
                (10.0, -70.0),
                (180.0, -80.0)
            ]
        );
        let plain = vec![(0.0, 0.0), (1.0, 0.0), (1.0, 1.0)];
        assert_eq!(from_the_pole(&plain).to_vec(), plain);
        // The globe's outline runs along both poles: it stays whole.
        let globe = vec![
            (-180.0, -90.0),
            (180.0, -90.0),
            (180.0, 90.0),
            (-180.0, 90.0),
        ];
        assert_eq!(from_the_pole(&globe).to_vec(), globe);
    }

    #[test]
    fn a_line_keeps_the_segments_near_the_frame_with_their_points() {
        let near = Bounds::new(0.0, 0.0, 10.0, 10.0);
        // In, out far away, back in; and a segment that only crosses the box.
        let run = vec![
            (1.0, 1.0),
            (5.0, 5.0),
            (12.0, 5.0),
            (40.0, 40.0),
            (60.0, 40.0),
            (15.0, 5.0),
            (9.0, 9.0),
            (-5.0, 5.0),
            (-20.0, 5.0),
        ];
        let kept = keep_near_line(run.clone(), near);
        assert_eq!(
            kept,
            vec![
                vec![(1.0, 1.0), (5.0, 5.0), (12.0, 5.0)],
                vec![(15.0, 5.0), (9.0, 9.0), (-5.0, 5.0)],
            ]
        );
        // A run near the frame all along is kept whole; one far away is dropped.
        assert_eq!(
            keep_near_line(run[..3].to_vec(), near),
            vec![run[..3].to_vec()]
        );
        assert!(keep_near_line(vec![(40.0, 40.0), (60.0, 40.0)], near).is_empty());
        // A segment passing over the box with both ends outside is kept.
        let over = vec![(-5.0, 5.0), (15.0, 5.0)];
        assert_eq!(keep_near_line(over.clone(), near), vec![over]);
    }

    #[test]
    fn unwrapping_keeps_longitudes_continuous_across_the_seam() {
        let ring = [(170.0, 0.0), (-170.0, 0.0), (-160.0, 10.0)];
        assert_eq!(
            unwrap_near(&ring, 0.0, 0.0, None).points,
            vec![(170.0, 0.0), (190.0, 0.0), (200.0, 10.0)]
        );
        assert_eq!(unwrap_near(&ring, 180.0, 0.0, None).points[0], (-10.0, 0.0));
    }

    /// On random rings with steps of every size (exactly half a turn among them) and random
    /// central meridians: the first point lies in [-180, 180), each point within half a turn of
    /// the one before (a step of exactly half a turn going west, as `wrap_lon` does), and each
    /// a whole number of turns from its own longitude less the central meridian.
    #[test]
    fn unwrapped_points_follow_each_other_by_less_than_half_a_turn() {
        let mut rng = fastrand::Rng::with_seed(7);
        for _ in 0..200 {
            // Half degrees: every sum and difference is exact, so a step is exactly what it is.
            let half = |rng: &mut fastrand::Rng, range: i32| rng.i32(-range..range) as f64 / 2.0;
            let cm = [0.0, 180.0, -180.0, 37.5, half(&mut rng, 360)][rng.usize(..5)];
            let mut lon = half(&mut rng, 360);
            let ring: Vec<(f64, f64)> = (0..50)
                .map(|_| {
                    let step =
                        [180.0, -180.0, half(&mut rng, 40), half(&mut rng, 700)][rng.usize(..4)];
                    lon = wrap_lon(lon + step);
                    (lon, rng.f64() * 170.0 - 85.0)
                })
                .collect();
            let x: Vec<f64> = unwrap_near(&ring, cm, 0.0, None)
                .points
                .iter()
                .map(|p| p.0)
                .collect();
            assert!((-180.0..180.0).contains(&x[0]), "{cm} {:?}", ring[0]);
            for i in 0..ring.len() {
                let turns = (x[i] - (ring[i].0 - cm)) / 360.0;
                assert_eq!(turns, turns.round(), "{i}");
                if i > 0 {
                    let step = x[i] - x[i - 1];
                    assert!((-180.0..180.0).contains(&step), "{i}: {step}");
                }
            }
        }
    }

    #[test]
    fn a_ring_around_the_south_pole_is_closed_along_it() {
        let ring: Vec<(f64, f64)> = (0..36).map(|i| (i as f64 * 10.0 - 180.0, -70.0)).collect();
        let (outer, holes) = unwrap_polygon(&vec![ring], 0.0, None).unwrap();
        assert!(holes.is_empty());
        assert_eq!(outer[outer.len() - 2].1, -90.0);
        assert_eq!(outer[outer.len() - 1], (-180.0, -90.0));
    }

    #[test]
    fn a_shape_across_the_seam_is_cut_into_two_pieces_inside_the_window() {
        let (outer, holes) = unwrap_polygon(
            &vec![vec![
                (170.0, -5.0),
                (-170.0, -5.0),
                (-170.0, 5.0),
                (170.0, 5.0),
            ]],
            0.0,
            None,
        )
        .unwrap();
        let pieces = cut_polygon(&outer, &holes, -85.0, 85.0);
        assert_eq!(pieces.len(), 2);
        for p in &pieces {
            assert!(p.exterior().0.iter().all(|c| c.x.abs() <= 180.0 + 1e-9));
        }
        let unwrapped = unwrap_near(&[(170.0, 0.0), (-170.0, 0.0)], 0.0, 0.0, None).points;
        let runs = cut_line(&unwrapped, -85.0, 85.0);
        assert_eq!(runs.len(), 2);
        assert_eq!(runs[0].last().map(|p| p.0), Some(180.0));
        assert_eq!(runs[1].first().map(|p| p.0), Some(-180.0));
    }
}
