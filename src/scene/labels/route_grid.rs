//! How much route passes under each part of the map, so labels and insets can avoid covering it.

use crate::geometry::Rect;
use std::cell::OnceCell;

const CELL: f64 = 8.0;

/// How much route passes through each 8-pixel cell of the frame.
#[derive(Debug, Clone)]
pub(super) struct RouteGrid {
    origin: (f64, f64),
    cols: usize,
    rows: usize,
    counts: Vec<u16>,
    /// Summed-area table of `counts` ((rows + 1) × (cols + 1), a zero row and column first),
    /// built on the first query after the route changes: a label placement asks for the cost
    /// of thousands of candidate boxes, each now four lookups.
    sums: OnceCell<Vec<u64>>,
}

impl RouteGrid {
    pub(super) fn new(frame: Rect) -> Self {
        let cols = (frame.w / CELL).ceil().max(1.0) as usize;
        let rows = (frame.h / CELL).ceil().max(1.0) as usize;
        RouteGrid {
            origin: (frame.x, frame.y),
            cols,
            rows,
            counts: vec![0; cols * rows],
            sums: OnceCell::new(),
        }
    }

    fn cell(&self, p: (f64, f64)) -> Option<usize> {
        let c = ((p.0 - self.origin.0) / CELL).floor();
        let r = ((p.1 - self.origin.1) / CELL).floor();
        if c < 0.0 || r < 0.0 || c >= self.cols as f64 || r >= self.rows as f64 {
            return None;
        }
        Some(r as usize * self.cols + c as usize)
    }

    pub(super) fn add_polyline(&mut self, pts: &[(f64, f64)]) {
        self.sums = OnceCell::new();
        for w in pts.windows(2) {
            let len = (w[1].0 - w[0].0).hypot(w[1].1 - w[0].1);
            let n = (len / 4.0).ceil().clamp(1.0, 10_000.0) as usize;
            for i in 0..n {
                let t = i as f64 / n as f64;
                let p = (
                    w[0].0 + t * (w[1].0 - w[0].0),
                    w[0].1 + t * (w[1].1 - w[0].1),
                );
                if let Some(k) = self.cell(p) {
                    self.counts[k] = self.counts[k].saturating_add(1);
                }
            }
        }
    }

    /// Route samples in the cells `r` covers.
    pub(super) fn cost(&self, r: &Rect) -> f64 {
        let c0 = (((r.x - self.origin.0) / CELL).floor().max(0.0)) as usize;
        let r0 = (((r.y - self.origin.1) / CELL).floor().max(0.0)) as usize;
        let c1 =
            (((r.right() - self.origin.0) / CELL).floor().max(0.0) as usize).min(self.cols - 1);
        let r1 =
            (((r.bottom() - self.origin.1) / CELL).floor().max(0.0) as usize).min(self.rows - 1);
        if c0 > c1 || r0 > r1 {
            return 0.0;
        }
        let s = self.sums.get_or_init(|| self.summed_area());
        let w = self.cols + 1;
        let inside = (s[(r1 + 1) * w + c1 + 1] + s[r0 * w + c0])
            - (s[r0 * w + c1 + 1] + s[(r1 + 1) * w + c0]);
        inside as f64
    }

    /// The summed-area table: entry (r, c) is the sum of the counts above and left of it.
    fn summed_area(&self) -> Vec<u64> {
        let w = self.cols + 1;
        let mut s = vec![0u64; (self.rows + 1) * w];
        for row in 0..self.rows {
            let mut across = 0u64;
            for col in 0..self.cols {
                across += u64::from(self.counts[row * self.cols + col]);
                s[(row + 1) * w + col + 1] = s[row * w + col + 1] + across;
            }
        }
        s
    }
}
