//! Legs on a map: each leg's geodesic (or recorded) path projected, cut where the projection
//! and the frame cut it, simplified to the pixel grid, with a direction arrow. Legs that join
//! the same two places (an out-and-back, a route driven twice) are bowed apart, each to its own
//! left, so both lines and both arrowheads stay visible.

use super::modes;
use super::{Item, Tag};
use crate::geometry::{Rect, clip_polyline, length, point_along, round_pt, simplify};
use crate::model::{Leg, LonLat, Mode, Route};
use crate::trig;
use std::collections::HashMap;

/// A projection to pixels: `None` where the map cannot show the position.
pub(crate) type ProjectPx<'a> = &'a dyn Fn(LonLat) -> Option<(f64, f64)>;

/// How far a leg that shares its two places with another is bowed at its middle, pixels; the
/// n-th leg in the same direction is bowed n times as far.
const BOW_PX: f64 = 9.0;

/// Two consecutive legs that leave their shared stop within this angle of each other, degrees,
/// run on one line for the length of the shorter (Copenhagen → Berlin → Prague is not such a
/// pair; Berlin → Copenhagen → Prague, back through Berlin, is): both are bowed, each to its own
/// left, which sets them on opposite sides.
const RETRACE_DEG: f64 = 8.0;

/// Every leg's visible pieces, in leg order, bowed by `bows` (see [`bows`]).
pub(crate) fn project_legs(
    route: &Route,
    project: ProjectPx,
    frame: &Rect,
    bows: &[f64],
) -> Vec<Vec<Vec<(f64, f64)>>> {
    route
        .legs
        .iter()
        .zip(bows)
        .map(|(leg, &bow)| bowed(project_route_leg(route, leg, project, frame), bow))
        .collect()
}

/// One leg of `route` projected: a surface leg straight between its stops in the projection
/// (see [`modes::straight`]) where the projection keeps it whole, else its path as
/// [`project_leg`] draws it.
pub(crate) fn project_route_leg(
    route: &Route,
    leg: &Leg,
    project: ProjectPx,
    frame: &Rect,
) -> Vec<Vec<(f64, f64)>> {
    if modes::straight(leg) {
        let ends = (
            project(route.stops[leg.from].position),
            project(route.stops[leg.to].position),
        );
        let middle = leg
            .path
            .get(leg.path.len() / 2)
            .and_then(|&(lon, lat)| project(LonLat::from_point_wrapped(geo::Point::new(lon, lat))));
        if let (Some(a), Some(b)) = ends
            && !torn(a, b, middle)
        {
            return clip_polyline(&[a, b], frame.bounds())
                .into_iter()
                .filter(|piece| piece.len() >= 2)
                .collect();
        }
    }
    project_leg(&leg.path, project, frame)
}

/// Each leg's bow, pixels to the left of its direction: 0 for a leg that is alone between its
/// two places; for legs that share them, [`BOW_PX`] times one more than the number of earlier
/// legs in the same direction; [`BOW_PX`] for a leg that retraces the one before or after it
/// (see [`RETRACE_DEG`]). `place_of` gives a stop's place.
pub(crate) fn bows(route: &Route, place_of: impl Fn(usize) -> usize) -> Vec<f64> {
    let mut bows = shared_place_bows(route, &place_of);
    for i in 1..route.legs.len() {
        let (before, after) = (&route.legs[i - 1], &route.legs[i]);
        let ends = [before.from, before.to, after.to].map(&place_of);
        let joined = place_of(before.to) == place_of(after.from);
        if joined && ends[0] != ends[1] && ends[2] != ends[1] && ends[0] != ends[2] {
            let at = route.stops[before.to].position;
            let back = crate::geodesy::initial_bearing_deg(at, route.stops[before.from].position);
            let on = crate::geodesy::initial_bearing_deg(at, route.stops[after.to].position);
            let turn = (back - on).rem_euclid(360.0);
            if turn.min(360.0 - turn) < RETRACE_DEG {
                for k in [i - 1, i] {
                    if bows[k] == 0.0 {
                        bows[k] = BOW_PX;
                    }
                }
            }
        }
    }
    bows
}

/// [`bows`] for legs that share their two places only.
fn shared_place_bows(route: &Route, place_of: &impl Fn(usize) -> usize) -> Vec<f64> {
    let ends: Vec<(usize, usize)> = route
        .legs
        .iter()
        .map(|l| (place_of(l.from), place_of(l.to)))
        .collect();
    // Legs per pair of places either way round, and so far per pair in this direction: counted
    // once, not by comparing every leg with every other.
    let mut either_way: HashMap<(usize, usize), usize> = HashMap::new();
    for &(a, b) in &ends {
        *either_way.entry((a.min(b), a.max(b))).or_default() += 1;
    }
    let mut so_far: HashMap<(usize, usize), usize> = HashMap::new();
    ends.iter()
        .map(|&(a, b)| {
            let before = so_far.entry((a, b)).or_default();
            let bow = BOW_PX * (1 + *before) as f64;
            *before += 1;
            let shared = either_way[&(a.min(b), a.max(b))] > 1;
            if !shared || a == b { 0.0 } else { bow }
        })
        .collect()
}

/// A leg drawn as one piece bowed `bow` pixels to the left of its chord at the middle (a sine
/// arch, nothing at the ends); pieces cut by the frame or the projection are left as they are.
pub(crate) fn bowed(parts: Vec<Vec<(f64, f64)>>, bow: f64) -> Vec<Vec<(f64, f64)>> {
    if bow == 0.0 || parts.len() != 1 {
        return parts;
    }
    let line = &parts[0];
    let (a, b) = (line[0], line[line.len() - 1]);
    let chord = (b.0 - a.0).hypot(b.1 - a.1);
    if chord < 24.0 {
        return parts;
    }
    let bow = bow.min(0.2 * chord);
    let normal = ((b.1 - a.1) / chord, -(b.0 - a.0) / chord);
    let dense = densify(line, chord / 32.0);
    let total = length(&dense);
    let mut s = 0.0;
    let mut out = Vec::with_capacity(dense.len());
    for (k, &p) in dense.iter().enumerate() {
        if k > 0 {
            s += (p.0 - dense[k - 1].0).hypot(p.1 - dense[k - 1].1);
        }
        let lift = bow * trig::sin(std::f64::consts::PI * s / total);
        out.push((p.0 + normal.0 * lift, p.1 + normal.1 * lift));
    }
    vec![simplify(&out, 0.3)]
}

/// The polyline with points added so no segment is longer than `step`.
fn densify(line: &[(f64, f64)], step: f64) -> Vec<(f64, f64)> {
    let mut out = vec![line[0]];
    for w in line.windows(2) {
        let len = (w[1].0 - w[0].0).hypot(w[1].1 - w[0].1);
        let n = (len / step).ceil().clamp(1.0, 1000.0) as usize;
        for k in 1..=n {
            let t = k as f64 / n as f64;
            out.push((
                w[0].0 + t * (w[1].0 - w[0].0),
                w[0].1 + t * (w[1].1 - w[0].1),
            ));
        }
    }
    out
}

/// A leg's path projected, cut where the projection cuts it (a point it cannot show, or a jump
/// across its edge meridian), cut at `frame`, simplified to a third of a pixel.
pub(crate) fn project_leg(
    path: &[(f64, f64)],
    project: ProjectPx,
    frame: &Rect,
) -> Vec<Vec<(f64, f64)>> {
    let mut runs: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut run: Vec<(f64, f64)> = Vec::new();
    let jump = frame.w.max(frame.h) / 2.0;
    let at = |lon: f64, lat: f64| project(LonLat::from_point_wrapped(geo::Point::new(lon, lat)));
    for (k, &(lon, lat)) in path.iter().enumerate() {
        match at(lon, lat) {
            Some(p) => {
                if let Some(&last) = run.last() {
                    let (prev_lon, prev_lat) = path[k - 1];
                    // The point between the two on the globe, the short way round.
                    let dlon = (lon - prev_lon + 540.0).rem_euclid(360.0) - 180.0;
                    let mid = at(prev_lon + dlon / 2.0, (lat + prev_lat) / 2.0);
                    let long = (p.0 - last.0).hypot(p.1 - last.1) > jump;
                    if long && torn(last, p, mid) {
                        runs.push(std::mem::take(&mut run));
                    }
                }
                run.push(p);
            }
            None => runs.push(std::mem::take(&mut run)),
        }
    }
    runs.push(run);
    let mut out = Vec::new();
    for r in runs.into_iter().filter(|r| r.len() >= 2) {
        for piece in clip_polyline(&r, frame.bounds()) {
            let s = simplify(&piece, 0.3);
            if s.len() >= 2 {
                out.push(s);
            }
        }
    }
    out
}

/// Whether the projection tears between two projected points `a` and `b` (it wraps at its edge
/// meridian): the point between them on the globe, `mid`, is not near the middle of the
/// segment. A long step on a map zoomed far in is not a tear.
fn torn(a: (f64, f64), b: (f64, f64), mid: Option<(f64, f64)>) -> bool {
    let Some(m) = mid else { return true };
    let centre = ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0);
    (m.0 - centre.0).hypot(m.1 - centre.1) > (b.0 - a.0).hypot(b.1 - a.1) / 4.0
}

/// A leg's path items, styled by its travel `mode`: the line (tagged as leg `number`, 1-based),
/// and an arrow at the middle of its longest visible piece when that piece is long enough to
/// carry one.
pub(crate) fn leg_items(parts: &[Vec<(f64, f64)>], number: usize, mode: Option<Mode>) -> Vec<Item> {
    if parts.is_empty() {
        return Vec::new();
    }
    let (line_class, arrow_class) = modes::classes(mode);
    let mut items = vec![
        Item::Path {
            class: line_class,
            parts: parts.to_vec(),
            closed: false,
        }
        .tagged(Tag::Leg(number)),
    ];
    let longest = parts
        .iter()
        .max_by(|a, b| length(a).total_cmp(&length(b)))
        .expect("not empty");
    let len = length(longest);
    if len >= 36.0
        && let Some(((x, y), dir)) = point_along(longest, len / 2.0)
    {
        let (s, c) = trig::sin_cos(dir);
        let at = |f: f64, side: f64| round_pt((x + c * f - s * side, y + s * f + c * side));
        items.push(Item::Path {
            class: arrow_class,
            parts: vec![vec![
                at(5.0, 0.0),
                at(-4.0, 4.5),
                at(-1.5, 0.0),
                at(-4.0, -4.5),
            ]],
            closed: true,
        });
    }
    items
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn legs_are_cut_at_the_frame_and_where_the_projection_jumps() {
        let frame = Rect::new(0.0, 0.0, 200.0, 100.0);
        // A plate carrée of 1 px per degree whose edge meridian is 180°.
        let project = |p: LonLat| Some((p.lon() + 50.0, 50.0 - p.lat()));
        let parts = project_leg(
            &[(170.0, 0.0), (179.0, 0.0), (-179.0, 0.0)],
            &project,
            &frame,
        );
        assert!(parts.is_empty(), "all outside: {parts:?}");
        let parts = project_leg(&[(-60.0, 0.0), (0.0, 0.0), (40.0, 10.0)], &project, &frame);
        assert_eq!(parts, vec![vec![(0.0, 50.0), (50.0, 50.0), (90.0, 40.0)]]);
        // A long step on a map zoomed in far is not a tear.
        let zoomed = |p: LonLat| Some((p.lon() * 100.0, 50.0 - p.lat()));
        let parts = project_leg(&[(0.0, 0.0), (1.5, 0.0), (1.9, 0.0)], &zoomed, &frame);
        assert_eq!(parts, vec![vec![(0.0, 50.0), (190.0, 50.0)]]);
        let hidden = |_: LonLat| None;
        assert!(project_leg(&[(0.0, 0.0), (1.0, 1.0)], &hidden, &frame).is_empty());
    }

    /// A route through `stops` (name, lat, lon) in the order given.
    fn route_through(stops: &[(&str, f64, f64)]) -> Route {
        let stops: Vec<String> = stops
            .iter()
            .map(|(n, lat, lon)| format!(r#"{{"name": "{n}", "lat": {lat}, "lon": {lon}}}"#))
            .collect();
        let json = format!(r#"{{"stops": [{}]}}"#, stops.join(","));
        let it = crate::io::read(json.as_bytes(), crate::io::Format::Json).unwrap();
        crate::routing::plan(&it, crate::routing::Order::AsGiven).unwrap()
    }

    #[test]
    fn a_leg_that_goes_back_over_the_one_before_is_bowed_with_it() {
        let berlin = ("Berlin", 52.52, 13.405);
        let copenhagen = ("Copenhagen", 55.676, 12.568);
        let prague = ("Prague", 50.075, 14.437);
        // Berlin → Copenhagen → Prague runs back through Berlin: both legs bowed.
        let back = route_through(&[berlin, copenhagen, prague]);
        assert_eq!(bows(&back, |s| s), vec![BOW_PX, BOW_PX]);
        // Copenhagen → Berlin → Prague goes on: neither is.
        let on = route_through(&[copenhagen, berlin, prague]);
        assert_eq!(bows(&on, |s| s), vec![0.0, 0.0]);
        // An out-and-back keeps its own bows (9 px each way), and the third leg is alone.
        let out_and_back = route_through(&[berlin, copenhagen, berlin, prague]);
        assert_eq!(bows(&out_and_back, |s| s), vec![BOW_PX, BOW_PX, 0.0]);
    }

    #[test]
    fn an_out_and_back_is_bowed_apart_and_a_lone_leg_is_not() {
        let there = vec![vec![(0.0, 0.0), (200.0, 0.0)]];
        let back = vec![vec![(200.0, 0.0), (0.0, 0.0)]];
        let a = bowed(there.clone(), 9.0);
        let b = bowed(back, 9.0);
        let mid = |p: &Vec<Vec<(f64, f64)>>| point_along(&p[0], length(&p[0]) / 2.0).unwrap().0;
        let gap = (mid(&a).1 - mid(&b).1).abs();
        assert!(
            (gap - 18.0).abs() < 0.5,
            "the two arches part by twice the bow: {gap}"
        );
        assert_eq!(a[0][0], (0.0, 0.0), "the ends stay at the places");
        assert_eq!(bowed(there.clone(), 0.0), there);
        // Two pieces (cut by the frame) stay as they are.
        let cut = vec![
            vec![(0.0, 0.0), (50.0, 0.0)],
            vec![(60.0, 0.0), (100.0, 0.0)],
        ];
        assert_eq!(bowed(cut.clone(), 9.0), cut);
    }

    #[test]
    fn long_pieces_carry_an_arrow_and_short_ones_do_not() {
        let long = leg_items(&[vec![(0.0, 0.0), (100.0, 0.0)]], 1, None);
        assert_eq!(long.len(), 2);
        let short = leg_items(&[vec![(0.0, 0.0), (20.0, 0.0)]], 1, None);
        assert_eq!(short.len(), 1);
        assert!(leg_items(&[], 1, None).is_empty());
    }
}
