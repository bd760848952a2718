//! Discs set on the page (marker centres and radii, pixels), bucketed by position so a new mark
//! is compared only with those that can reach it instead of with every one before it. Gives
//! exactly what a scan of every disc in order gives: the discs it skips are provably out of
//! reach, and those it returns come in the order they were added.

use std::collections::HashMap;

/// Discs by grid cell, in the order they were added.
#[derive(Debug)]
pub(crate) struct DiscGrid {
    cell_px: f64,
    cells: HashMap<(i64, i64), Vec<usize>>,
    /// Discs at no finite place: every query returns them, as a scan would meet them.
    nowhere: Vec<usize>,
    discs: Vec<((f64, f64), f64)>,
}

impl DiscGrid {
    /// An empty grid with cells `cell_px` wide (queries of any reach work; cells about as wide
    /// as a typical reach are fastest).
    pub fn new(cell_px: f64) -> Self {
        DiscGrid {
            cell_px: if cell_px.is_finite() && cell_px >= 1.0 {
                cell_px
            } else {
                1.0
            },
            cells: HashMap::new(),
            nowhere: Vec::new(),
            discs: Vec::new(),
        }
    }

    /// Adds a disc at `centre` with radius `r`.
    pub fn push(&mut self, centre: (f64, f64), r: f64) {
        let index = self.discs.len();
        self.discs.push((centre, r));
        match self.cell(centre) {
            Some(key) => self.cells.entry(key).or_default().push(index),
            None => self.nowhere.push(index),
        }
    }

    /// The discs whose centres may lie within `reach` of `p` (a superset: every disc within
    /// reach, and perhaps some a little farther), in the order they were added. A point `p` at
    /// no finite place gets every disc.
    pub fn near(&self, p: (f64, f64), reach: f64) -> Vec<((f64, f64), f64)> {
        let Some(lists) = self.lists_near(p, reach) else {
            return self.discs.clone();
        };
        let mut found: Vec<usize> = lists.concat();
        self.in_order(&mut found)
    }

    /// Whether `test` holds for every disc whose centre may lie within `reach` of `p` (in no
    /// particular order; stops at the first that fails).
    pub fn all_near(
        &self,
        p: (f64, f64),
        reach: f64,
        mut test: impl FnMut(((f64, f64), f64)) -> bool,
    ) -> bool {
        let Some(lists) = self.lists_near(p, reach) else {
            return self.discs.iter().all(|&d| test(d));
        };
        self.nowhere
            .iter()
            .chain(lists.into_iter().flatten())
            .all(|&i| test(self.discs[i]))
    }

    /// The occupied cells' lists of discs within `reach` of `p` in x and y (not the discs at no
    /// finite place); `None` when `p` is at none itself.
    fn lists_near(&self, p: (f64, f64), reach: f64) -> Option<Vec<&[usize]>> {
        let lo = self.cell((p.0 - reach, p.1 - reach))?;
        let hi = self.cell((p.0 + reach, p.1 + reach))?;
        let inside = |k: &(i64, i64)| k.0 >= lo.0 && k.0 <= hi.0 && k.1 >= lo.1 && k.1 <= hi.1;
        if (hi.0 - lo.0 + 1).saturating_mul(hi.1 - lo.1 + 1) > self.cells.len() as i64 {
            // Fewer occupied cells than cells to look in: walk the occupied ones.
            return Some(
                self.cells
                    .iter()
                    .filter(|(k, _)| inside(k))
                    .map(|(_, v)| v.as_slice())
                    .collect(),
            );
        }
        Some(
            (lo.1..=hi.1)
                .flat_map(|y| (lo.0..=hi.0).map(move |x| (x, y)))
                .filter_map(|k| self.cells.get(&k).map(Vec::as_slice))
                .collect(),
        )
    }

    /// The discs of `found`, with those at no finite place, in the order they were added.
    fn in_order(&self, found: &mut Vec<usize>) -> Vec<((f64, f64), f64)> {
        found.extend_from_slice(&self.nowhere);
        found.sort_unstable();
        found.iter().map(|&i| self.discs[i]).collect()
    }

    /// The cell holding `p`, or `None` for a point at no finite place (or too far to index).
    fn cell(&self, p: (f64, f64)) -> Option<(i64, i64)> {
        let (x, y) = (p.0 / self.cell_px, p.1 / self.cell_px);
        let ok = |v: f64| v.is_finite() && v.abs() < 1e15;
        (ok(x) && ok(y)).then(|| (x.floor() as i64, y.floor() as i64))
    }
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn near_returns_what_a_scan_finds_in_the_same_order() {
        let mut grid = DiscGrid::new(7.0);
        let mut centres = Vec::new();
        let mut seed = 99_u64;
        let mut next = || {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
            (seed >> 11) as f64 / (1u64 << 53) as f64
        };
        for k in 0..2000 {
            let c = if k % 500 == 7 {
                (f64::NAN, 3.0)
            } else {
                (next() * 400.0 - 50.0, next() * 300.0)
            };
            // The radius carries the disc's number, to check the order.
            grid.push(c, k as f64);
            centres.push(c);
        }
        for _ in 0..200 {
            let p = (next() * 400.0 - 50.0, next() * 300.0);
            let reach = next() * 40.0;
            let within = |c: (f64, f64)| c.0.is_nan() || (c.0 - p.0).hypot(c.1 - p.1) <= reach;
            let got: Vec<usize> = grid.near(p, reach).iter().map(|d| d.1 as usize).collect();
            // In the order the discs were added ...
            assert!(got.windows(2).all(|w| w[0] < w[1]), "{got:?}");
            // ... and every disc within reach (or at no place) among them.
            let want: Vec<usize> = (0..centres.len()).filter(|&k| within(centres[k])).collect();
            let got_within: Vec<usize> = got.into_iter().filter(|&k| within(centres[k])).collect();
            assert_eq!(want, got_within);
        }
        assert_eq!(grid.near((f64::INFINITY, 0.0), 1.0).len(), 2000);
        // `all_near` sees every disc within reach too.
        for _ in 0..200 {
            let p = (next() * 400.0 - 50.0, next() * 300.0);
            let reach = next() * 40.0;
            let within = |c: (f64, f64)| c.0.is_nan() || (c.0 - p.0).hypot(c.1 - p.1) <= reach;
            let mut seen = Vec::new();
            assert!(grid.all_near(p, reach, |d| {
                seen.push(d.1 as usize);
                true
            }));
            seen.sort_unstable();
            let want: Vec<usize> = (0..centres.len()).filter(|&k| within(centres[k])).collect();
            seen.retain(|&k| within(centres[k]));
            assert_eq!(want, seen);
        }
    }
}
