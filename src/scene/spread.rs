//! Markers that would overlap, moved apart. In: marker centres and radii in pixels, the area
//! they must stay in and rectangles they must keep out of (insets). Out: a centre for each
//! marker, as close to where it was as the others allow, with at least [`GAP_PX`] between any
//! two discs. A graphics desk does the same by hand: nudge the markers apart and tie each one
//! that left its place to it with a short leader.

use crate::geometry::Rect;

/// Least room between two marker discs, pixels.
pub const GAP_PX: f64 = 1.5;

/// Rounds of pushing before giving up (a page too full to hold every marker apart).
const ROUNDS: usize = 400;

/// Centres for markers at `centres` with `radii` such that no two discs come closer than
/// [`GAP_PX`], each disc stays inside `area` and out of every `keep_out` rectangle where it can.
/// Discs that together cover more than a third of `area` are left where they are.
/// Markers that do not touch anything keep their place. Deterministic: pairs are pushed in index
/// order; two markers at one point part along a direction fixed by their indices.
pub fn spread(
    centres: &[(f64, f64)],
    radii: &[f64],
    area: Rect,
    keep_out: &[Rect],
) -> Vec<(f64, f64)> {
    let n = centres.len();
    let mut p: Vec<(f64, f64)> = centres.to_vec();
    let active: Vec<bool> = p
        .iter()
        .map(|c| c.0.is_finite() && c.1.is_finite())
        .collect();
    // Discs covering more than a third of the area cannot be set apart near their places (a
    // thousand stops on one page): they stay where they are.
    let discs: f64 = (0..n)
        .filter(|&i| active[i])
        .map(|i| std::f64::consts::PI * radii[i] * radii[i])
        .sum();
    if discs > area.w * area.h / 3.0 {
        return p;
    }
    let reach = 2.0 * radii.iter().cloned().fold(0.0, f64::max) + GAP_PX;
    for _ in 0..ROUNDS {
        let mut moved = false;
        // Sweep in x order: only markers less than two radii apart in x can touch.
        let mut order: Vec<usize> = (0..n).filter(|&i| active[i]).collect();
        order.sort_by(|&a, &b| p[a].0.total_cmp(&p[b].0).then(a.cmp(&b)));
        for (k, &a) in order.iter().enumerate() {
            for &b in &order[k + 1..] {
                if p[b].0 - p[a].0 > reach {
                    break;
                }
                let (i, j) = (a.min(b), a.max(b));
                let need = radii[i] + radii[j] + GAP_PX;
                let (dx, dy) = (p[j].0 - p[i].0, p[j].1 - p[i].1);
                let d = dx.hypot(dy);
                if d >= need - 1e-6 {
                    continue;
                }
                let (ux, uy) = if d > 1e-6 {
                    (dx / d, dy / d)
                } else {
                    // The golden angle: each coincident pair parts in a different direction.
                    let a = (i * 7 + j) as f64 * 2.399_963_229_728_653;
                    (a.cos(), a.sin())
                };
                // A little more than the overlap, so rounding cannot leave the pair touching.
                let push = (need - d) / 2.0 + 0.05;
                p[i] = (p[i].0 - ux * push, p[i].1 - uy * push);
                p[j] = (p[j].0 + ux * push, p[j].1 + uy * push);
                moved = true;
            }
        }
        for i in (0..n).filter(|&i| active[i]) {
            let before = p[i];
            p[i] = keep_inside(p[i], radii[i], &area, keep_out);
            moved |= p[i] != before;
        }
        if !moved {
            break;
        }
    }
    p
}

/// `c` moved the least distance that puts a disc of radius `r` inside `area` and out of every
/// `keep_out` rectangle.
fn keep_inside(c: (f64, f64), r: f64, area: &Rect, keep_out: &[Rect]) -> (f64, f64) {
    let mut c = c;
    for k in keep_out {
        let g = k.grow(r + GAP_PX);
        if !g.contains(c) || k.contains_rect(area) {
            continue;
        }
        // Out through the nearest side that stays inside the area.
        let exits = [
            (g.x - c.0, 0.0),
            (g.right() - c.0, 0.0),
            (0.0, g.y - c.1),
            (0.0, g.bottom() - c.1),
        ];
        let best = exits
            .iter()
            .filter(|(dx, dy)| {
                let q = (c.0 + dx, c.1 + dy);
                q.0 - r >= area.x
                    && q.0 + r <= area.right()
                    && q.1 - r >= area.y
                    && q.1 + r <= area.bottom()
            })
            .min_by(|a, b| a.0.hypot(a.1).total_cmp(&b.0.hypot(b.1)));
        if let Some((dx, dy)) = best {
            c = (c.0 + dx, c.1 + dy);
        }
    }
    let clamp = |v: f64, lo: f64, hi: f64| {
        if lo <= hi {
            v.clamp(lo, hi)
        } else {
            (lo + hi) / 2.0
        }
    };
    (
        clamp(c.0, area.x + r, area.right() - r),
        clamp(c.1, area.y + r, area.bottom() - r),
    )
}

#[cfg(test)]
mod test {
    use super::*;

    fn apart(p: &[(f64, f64)], r: &[f64]) -> bool {
        (0..p.len()).all(|i| {
            (i + 1..p.len())
                .all(|j| (p[i].0 - p[j].0).hypot(p[i].1 - p[j].1) >= r[i] + r[j] + GAP_PX - 1e-6)
        })
    }

    #[test]
    fn overlapping_markers_part_and_lonely_ones_stay() {
        let area = Rect::new(0.0, 0.0, 320.0, 260.0);
        // Larnaca, Ankara and Baghdad at 320 px: 9 and 16 px apart with 8 px discs.
        let c = [(150.0, 170.0), (148.0, 161.0), (166.0, 172.0), (20.0, 20.0)];
        let r = [8.0; 4];
        let p = spread(&c, &r, area, &[]);
        assert!(apart(&p, &r), "{p:?}");
        assert_eq!(p[3], c[3]);
        for (a, b) in p.iter().zip(&c) {
            assert!((a.0 - b.0).hypot(a.1 - b.1) < 12.0, "{a:?} from {b:?}");
        }
        assert_eq!(p, spread(&c, &r, area, &[]), "deterministic");
    }

    #[test]
    fn coincident_markers_part_and_stay_in_the_area_and_out_of_insets() {
        let area = Rect::new(0.0, 0.0, 100.0, 100.0);
        let c = vec![(2.0, 2.0); 5];
        let r = vec![7.0; 5];
        let inset = Rect::new(30.0, 0.0, 70.0, 40.0);
        let p = spread(&c, &r, area, &[inset]);
        assert!(apart(&p, &r), "{p:?}");
        for (q, r) in p.iter().zip(&r) {
            assert!(Rect::new(q.0 - r, q.1 - r, 2.0 * r, 2.0 * r).x >= 0.0 - 1e-9);
            assert!(q.1 - r >= -1e-9 && q.0 + r <= 100.0 + 1e-9);
            assert!(!inset.grow(*r).contains(*q), "{q:?}");
        }
    }

    #[test]
    fn a_page_too_full_to_part_is_left_as_it_is() {
        let area = Rect::new(0.0, 0.0, 100.0, 100.0);
        let c: Vec<(f64, f64)> = (0..40).map(|i| (50.0 + i as f64 * 0.1, 50.0)).collect();
        let r = vec![8.0; 40];
        assert_eq!(spread(&c, &r, area, &[]), c);
    }
}
