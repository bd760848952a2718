//! Where an inset goes on the main map, and the connector that ties it to its locator box.

use crate::geometry::Rect;

/// Where an inset of `size` goes on the main map (`frame`): a corner or an edge's middle, away
/// from the `locator` box, covering no `taken` rectangle, and with the fewest `markers` and the
/// least route (`route_cost`) under it. `None` if every place covers something taken.
pub(crate) fn place_frame(
    size: (f64, f64),
    locator: Rect,
    frame: Rect,
    taken: &[Rect],
    markers: &[(f64, f64)],
    route_cost: impl Fn(&Rect) -> f64,
) -> Option<Rect> {
    let (w, h) = size;
    let m = 10.0;
    let (x0, x1, xm) = (
        frame.x + m,
        frame.right() - m - w,
        frame.x + (frame.w - w) / 2.0,
    );
    let (y0, y1, ym) = (
        frame.y + m,
        frame.bottom() - m - h,
        frame.y + (frame.h - h) / 2.0,
    );
    let spots = [
        (x0, y1),
        (x1, y1),
        (x0, y0),
        (x1, y0),
        (xm, y1),
        (xm, y0),
        (x0, ym),
        (x1, ym),
    ];
    let centre = (locator.x + locator.w / 2.0, locator.y + locator.h / 2.0);
    let mut best: Option<(f64, Rect)> = None;
    for (i, &(x, y)) in spots.iter().enumerate() {
        let r = Rect::new(x.round(), y.round(), w, h);
        if !frame.contains_rect(&r) || r.overlaps(&locator.grow(12.0)) {
            continue;
        }
        if taken.iter().any(|t| t.overlaps(&r.grow(4.0))) {
            continue;
        }
        let covered = markers
            .iter()
            .filter(|&&p| r.grow(12.0).contains(p))
            .count() as f64;
        let far = (r.x + w / 2.0 - centre.0).hypot(r.y + h / 2.0 - centre.1);
        let cost = covered * 1000.0 + route_cost(&r) + far * 0.05 + i as f64 * 0.01;
        if best.as_ref().is_none_or(|b| cost < b.0) {
            best = Some((cost, r));
        }
    }
    best.map(|b| b.1)
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

    #[test]
    fn an_inset_avoids_markers_and_connects_to_its_locator() {
        let frame = Rect::new(0.0, 0.0, 960.0, 500.0);
        let locator = Rect::new(500.0, 200.0, 10.0, 10.0);
        // A marker in the bottom-left corner pushes the inset elsewhere.
        let r = place_frame(
            (288.0, 200.0),
            locator,
            frame,
            &[],
            &[(40.0, 460.0)],
            |_| 0.0,
        )
        .unwrap();
        assert!(!r.contains((40.0, 460.0)) && frame.contains_rect(&r));
        let (a, b) = connector(&locator, &r);
        assert!(locator.contains(a) && r.contains(b));
    }
}
