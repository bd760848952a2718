//! Legs on a map: each leg's geodesic (or recorded) path projected, cut where the projection
//! and the frame cut it, simplified to the pixel grid, with a direction arrow.

use super::Item;
use crate::geometry::{Rect, clip_polyline, length, point_along, round_pt, simplify};
use crate::model::{LonLat, Route};

/// A projection to pixels: `None` where the map cannot show the position.
pub(crate) type ProjectPx<'a> = &'a dyn Fn(LonLat) -> Option<(f64, f64)>;

/// Every leg's visible pieces, in leg order.
pub(crate) fn project_legs(
    route: &Route,
    project: ProjectPx,
    frame: &Rect,
) -> Vec<Vec<Vec<(f64, f64)>>> {
    route
        .legs
        .iter()
        .map(|leg| project_leg(&leg.path, project, frame))
        .collect()
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
    for &(lon, lat) in path {
        match project(LonLat::from_point_wrapped(geo::Point::new(lon, lat))) {
            Some(p) => {
                if let Some(&last) = run.last() {
                    let (l, q): ((f64, f64), (f64, f64)) = (last, p);
                    if (q.0 - l.0).hypot(q.1 - l.1) > jump && path.len() > 2 {
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

/// A leg's path items: the line, and an arrow at the middle of its longest visible piece when
/// that piece is long enough to carry one.
pub(crate) fn leg_items(parts: &[Vec<(f64, f64)>]) -> Vec<Item> {
    if parts.is_empty() {
        return Vec::new();
    }
    let mut items = vec![Item::Path {
        class: "leg",
        parts: parts.to_vec(),
        closed: false,
    }];
    let longest = parts
        .iter()
        .max_by(|a, b| length(a).total_cmp(&length(b)))
        .expect("not empty");
    let len = length(longest);
    if len >= 36.0
        && let Some(((x, y), dir)) = point_along(longest, len / 2.0)
    {
        let (s, c) = dir.sin_cos();
        let at = |f: f64, side: f64| round_pt((x + c * f - s * side, y + s * f + c * side));
        items.push(Item::Path {
            class: "arrow",
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
        let hidden = |_: LonLat| None;
        assert!(project_leg(&[(0.0, 0.0), (1.0, 1.0)], &hidden, &frame).is_empty());
    }

    #[test]
    fn long_pieces_carry_an_arrow_and_short_ones_do_not() {
        let long = leg_items(&[vec![(0.0, 0.0), (100.0, 0.0)]]);
        assert_eq!(long.len(), 2);
        let short = leg_items(&[vec![(0.0, 0.0), (20.0, 0.0)]]);
        assert_eq!(short.len(), 1);
        assert!(leg_items(&[]).is_empty());
    }
}
