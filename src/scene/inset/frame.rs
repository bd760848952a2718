//! Where an inset goes on the main map: the free space that covers no leg, no marker, no other
//! inset and not its own locator box, nearest a corner of the map and its locator; `None` when
//! the map has no such space (the caller then makes the page taller). Also the connector that
//! ties an inset to its locator box.

use crate::geometry::Rect;

/// Room kept between an inset and the map's edge, pixels (the gap between insets stacked
/// under a map, too).
const EDGE_PX: f64 = 12.0;
/// Room kept around every marker's disc (its label goes there), pixels.
const MARKER_ROOM_PX: f64 = 10.0;
/// Step of the search grid, pixels.
const STEP_PX: f64 = 8.0;

/// What an inset must keep clear of on the main map.
pub(crate) struct Keep<'a> {
    /// The map's frame.
    pub frame: Rect,
    /// Insets and locator boxes already placed.
    pub taken: &'a [Rect],
    /// Marker centres and radii, pixels (non-finite centres are off the map).
    pub markers: &'a [((f64, f64), f64)],
    /// Whether any leg passes under a rectangle.
    pub covers_route: &'a dyn Fn(&Rect) -> bool,
}

/// The best free place for an inset of `size` tied to `locator` (if it has one): inside the
/// frame, clear of legs, markers (with room for their labels), taken rectangles and the
/// locator; of those, the one nearest a corner of the frame, then nearest the locator.
pub(crate) fn place_frame(size: (f64, f64), locator: Option<Rect>, keep: &Keep) -> Option<Rect> {
    let (w, h) = size;
    let f = keep.frame;
    let (x0, x1) = (f.x + EDGE_PX, f.right() - EDGE_PX - w);
    let (y0, y1) = (f.y + EDGE_PX, f.bottom() - EDGE_PX - h);
    if x1 < x0 || y1 < y0 {
        return None;
    }
    let centre = locator.map(|l| (l.x + l.w / 2.0, l.y + l.h / 2.0));
    let steps = |a: f64, b: f64| ((b - a) / STEP_PX).floor() as usize;
    let mut best: Option<(f64, Rect)> = None;
    for j in 0..=steps(y0, y1) + 1 {
        let y = if j > steps(y0, y1) {
            y1
        } else {
            y0 + j as f64 * STEP_PX
        };
        for i in 0..=steps(x0, x1) + 1 {
            let x = if i > steps(x0, x1) {
                x1
            } else {
                x0 + i as f64 * STEP_PX
            };
            let r = Rect::new(x.round(), y.round(), w, h);
            if !is_free(&r, locator, keep) {
                continue;
            }
            let corner = [
                (f.x, f.y),
                (f.right(), f.y),
                (f.x, f.bottom()),
                (f.right(), f.bottom()),
            ]
            .iter()
            .map(|&(cx, cy)| (r.nearest((cx, cy)).0 - cx).hypot(r.nearest((cx, cy)).1 - cy))
            .fold(f64::INFINITY, f64::min);
            let far = centre.map_or(0.0, |c| (r.x + w / 2.0 - c.0).hypot(r.y + h / 2.0 - c.1));
            let cost = corner + 0.25 * far;
            if best.as_ref().is_none_or(|b| cost < b.0) {
                best = Some((cost, r));
            }
        }
    }
    best.map(|b| b.1)
}

/// Whether an inset at `r` keeps clear of everything it must.
fn is_free(r: &Rect, locator: Option<Rect>, keep: &Keep) -> bool {
    if locator.is_some_and(|l| r.overlaps(&l.grow(12.0)))
        || keep.taken.iter().any(|t| t.overlaps(&r.grow(6.0)))
    {
        return false;
    }
    let room = r.grow(MARKER_ROOM_PX);
    let clear_of_markers = keep
        .markers
        .iter()
        .all(|&((x, y), rad)| !(x.is_finite() && y.is_finite() && room.grow(rad).contains((x, y))));
    clear_of_markers && !(keep.covers_route)(&r.grow(2.0))
}

/// The connector from a locator box to its inset: from the locator's edge point nearest the
/// inset's centre to the inset's edge point nearest the locator's centre.
pub(crate) fn connector(locator: &Rect, inset: &Rect) -> ((f64, f64), (f64, f64)) {
    let lc = (locator.x + locator.w / 2.0, locator.y + locator.h / 2.0);
    let ic = (inset.x + inset.w / 2.0, inset.y + inset.h / 2.0);
    (locator.nearest(ic), inset.nearest(lc))
}

#[cfg(test)]
mod test {
    use super::*;

    fn keep<'a>(
        taken: &'a [Rect],
        markers: &'a [((f64, f64), f64)],
        route: &'a dyn Fn(&Rect) -> bool,
    ) -> Keep<'a> {
        Keep {
            frame: Rect::new(0.0, 0.0, 960.0, 500.0),
            taken,
            markers,
            covers_route: route,
        }
    }

    #[test]
    fn an_inset_avoids_markers_and_the_route_and_prefers_a_corner() {
        let locator = Rect::new(500.0, 200.0, 10.0, 10.0);
        let markers = [((40.0, 460.0), 8.0)];
        // A leg along the top edge.
        let route = |r: &Rect| r.y < 40.0;
        let r = place_frame((288.0, 200.0), Some(locator), &keep(&[], &markers, &route)).unwrap();
        assert!(!r.grow(10.0).contains((40.0, 460.0)));
        assert!(r.y >= 40.0 && Rect::new(0.0, 0.0, 960.0, 500.0).contains_rect(&r));
        assert_eq!(
            (r.right(), r.bottom()),
            (948.0, 488.0),
            "the free corner: {r:?}"
        );
        let (a, b) = connector(&locator, &r);
        assert!(locator.contains(a) && r.contains(b));
    }

    #[test]
    fn no_free_space_is_none() {
        let locator = Rect::new(500.0, 200.0, 10.0, 10.0);
        let everywhere = |_: &Rect| true;
        assert!(place_frame((100.0, 100.0), Some(locator), &keep(&[], &[], &everywhere)).is_none());
        let nowhere = |_: &Rect| false;
        assert!(place_frame((1000.0, 100.0), None, &keep(&[], &[], &nowhere)).is_none());
    }
}
