//! Markers that would overlap, moved apart. In: marker centres and radii in pixels, the area
//! they must stay in and rectangles they must keep out of (insets). Out: a centre for each
//! marker, as close to where it was as the others allow, with at least [`GAP_PX`] between any
//! two discs. A graphics desk does the same by hand: nudge the markers apart and tie each one
//! that left its place to it with a short leader.

use crate::geometry::Rect;
use crate::trig;

/// Least room between two marker discs, pixels.
pub const GAP_PX: f64 = 1.5;

/// Rounds of pushing before giving up (a page too full to hold every marker apart).
const ROUNDS: usize = 400;

/// Rounds without fewer pairs pushed apart than the fewest so far after which pushing stops.
const STALLED_ROUNDS: usize = 40;

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
    spread_counted(centres, radii, area, keep_out).0
}

/// [`spread`], and how many rounds of pushing it took.
fn spread_counted(
    centres: &[(f64, f64)],
    radii: &[f64],
    area: Rect,
    keep_out: &[Rect],
) -> (Vec<(f64, f64)>, usize) {
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
        return (p, 0);
    }
    let reach = 2.0 * radii.iter().cloned().fold(0.0, f64::max) + GAP_PX;
    let index = KeepOut::new(keep_out, reach / 2.0 + GAP_PX, &area);
    // The markers as (x, y, radius, index), kept in x order: the sweep reads neighbours side
    // by side in memory, and each round's sort starts from the last round's order.
    let mut q: Vec<(f64, f64, f64, usize)> = (0..n)
        .filter(|&i| active[i])
        .map(|i| (p[i].0, p[i].1, radii[i], i))
        .collect();
    // The fewest pairs pushed apart in one round so far, and when.
    let mut fewest = (usize::MAX, 0);
    let mut rounds = 0;
    for round in 0..ROUNDS {
        rounds = round + 1;
        let mut moved = false;
        let mut pushed = 0;
        // Sweep in x order: only markers less than two radii apart in x can touch.
        q.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.3.cmp(&b.3)));
        for k in 0..q.len() {
            for m in k + 1..q.len() {
                if q[m].0 - q[k].0 > reach {
                    break;
                }
                // The pair in index order, as pushing depends on it.
                let (ki, kj) = if q[k].3 < q[m].3 { (k, m) } else { (m, k) };
                let (i, j) = (q[ki].3, q[kj].3);
                let need = q[ki].2 + q[kj].2 + GAP_PX;
                let (dx, dy) = (q[kj].0 - q[ki].0, q[kj].1 - q[ki].1);
                // Apart by a whole gap along one axis: apart (and no square root taken).
                if dx.abs() >= need || dy.abs() >= need {
                    continue;
                }
                let d = (dx * dx + dy * dy).sqrt();
                if d >= need - 1e-6 {
                    continue;
                }
                let (ux, uy) = if d > 1e-6 {
                    (dx / d, dy / d)
                } else {
                    // The golden angle: each coincident pair parts in a different direction.
                    let a = (i * 7 + j) as f64 * 2.399_963_229_728_653;
                    (trig::cos(a), trig::sin(a))
                };
                // A little more than the overlap, so rounding cannot leave the pair touching.
                let push = (need - d) / 2.0 + 0.05;
                q[ki] = (q[ki].0 - ux * push, q[ki].1 - uy * push, q[ki].2, i);
                q[kj] = (q[kj].0 + ux * push, q[kj].1 + uy * push, q[kj].2, j);
                moved = true;
                pushed += 1;
            }
        }
        // Each marker on its own: the order does not matter.
        for m in &mut q {
            let c = keep_inside((m.0, m.1), m.2, &area, &index);
            moved |= c != (m.0, m.1);
            (m.0, m.1) = c;
        }
        if !moved {
            break;
        }
        // Stalled: a crowd too dense to part (thousands of stops on one page) pushes its
        // markers round and round; once no round has parted fewer pairs for a while, stop.
        if pushed < fewest.0 {
            fewest = (pushed, round);
        } else if round - fewest.1 >= STALLED_ROUNDS {
            break;
        }
    }
    for &(x, y, _, i) in &q {
        p[i] = (x, y);
    }
    (p, rounds)
}

/// `c` moved the least distance that puts a disc of radius `r` inside `area` and out of every
/// `keep_out` rectangle.
fn keep_inside(c: (f64, f64), r: f64, area: &Rect, keep_out: &KeepOut) -> (f64, f64) {
    let mut c = c;
    // The rectangles that may hold `c`, in index order; looked up again only when `c` moves.
    let (mut list, mut pos) = keep_out.from(0, c);
    while let Some(&at) = list.get(pos) {
        pos += 1;
        let k = &keep_out.rects[at];
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
            (list, pos) = keep_out.from(at + 1, c);
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

/// The rectangles markers keep out of, bucketed on a grid over the area so a marker looks only
/// at those that may hold it (a marker outside the grid looks at every one).
struct KeepOut<'a> {
    rects: &'a [Rect],
    origin: (f64, f64),
    cols: usize,
    rows: usize,
    /// Per cell, the ascending indices of the rectangles that, grown by the reach, touch it.
    cells: Vec<Vec<usize>>,
    /// Every rectangle's index, for a marker outside the grid.
    all: Vec<usize>,
}

/// The grid's cell, pixels.
const CELL_PX: f64 = 32.0;

impl<'a> KeepOut<'a> {
    /// `rects` bucketed by their extent grown by `reach` (the largest radius plus the gap).
    fn new(rects: &'a [Rect], reach: f64, area: &Rect) -> Self {
        let fits = |v: f64| (0.0..1e6).contains(&v);
        let (cols, rows) =
            if fits(area.w) && fits(area.h) && area.x.is_finite() && area.y.is_finite() {
                (
                    (area.w / CELL_PX).ceil().max(1.0) as usize,
                    (area.h / CELL_PX).ceil().max(1.0) as usize,
                )
            } else {
                (0, 0)
            };
        let mut cells = vec![Vec::new(); cols * rows];
        let origin = (area.x, area.y);
        for (k, rect) in rects.iter().enumerate() {
            let g = rect.grow(reach);
            let span = |lo: f64, hi: f64, o: f64, n: usize| {
                let a = ((lo - o) / CELL_PX).floor().max(0.0);
                let b = ((hi - o) / CELL_PX).floor().min(n as f64 - 1.0);
                (a <= b).then_some((a as usize, b as usize))
            };
            let xs = span(g.x, g.right(), origin.0, cols);
            let ys = span(g.y, g.bottom(), origin.1, rows);
            if let (Some((c0, c1)), Some((r0, r1))) = (xs, ys) {
                for row in r0..=r1 {
                    for col in c0..=c1 {
                        cells[row * cols + col].push(k);
                    }
                }
            }
        }
        KeepOut {
            rects,
            origin,
            cols,
            rows,
            cells,
            all: (0..rects.len()).collect(),
        }
    }

    /// The rectangles that may hold `c`, ascending, and where those from index `from` on
    /// start among them.
    fn from(&self, from: usize, c: (f64, f64)) -> (&[usize], usize) {
        let col = ((c.0 - self.origin.0) / CELL_PX).floor();
        let row = ((c.1 - self.origin.1) / CELL_PX).floor();
        let inside = col >= 0.0 && row >= 0.0 && col < self.cols as f64 && row < self.rows as f64;
        if !inside {
            return (&self.all, from);
        }
        let cell = &self.cells[row as usize * self.cols + col as usize];
        (cell, cell.partition_point(|&k| k < from))
    }
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

    #[test]
    fn a_crowd_that_cannot_part_stops_pushing_once_it_stalls() {
        // 60 markers in a 40 px pocket walled in by keep-out rectangles: room for a dozen.
        let area = Rect::new(0.0, 0.0, 1000.0, 1000.0);
        let walls = [
            Rect::new(0.0, 0.0, 1000.0, 480.0),
            Rect::new(0.0, 520.0, 1000.0, 480.0),
            Rect::new(0.0, 480.0, 480.0, 40.0),
            Rect::new(520.0, 480.0, 480.0, 40.0),
        ];
        let c: Vec<(f64, f64)> = (0..60)
            .map(|k| (500.0 + f64::from(k % 8), 500.0 + f64::from(k / 8)))
            .collect();
        let r = vec![4.0; c.len()];
        let (_, rounds) = spread_counted(&c, &r, area, &walls);
        assert!(
            (STALLED_ROUNDS..ROUNDS).contains(&rounds),
            "{rounds} rounds"
        );
        // Markers that can part still part all the way, as before.
        let (p, rounds) = spread_counted(&c, &r, area, &[]);
        assert!(apart(&p, &r) && rounds < ROUNDS, "{rounds} rounds");
    }
}
