//! Rectangles and lines no label may cover, bucketed so a test looks only at its neighbourhood.

use crate::geometry::{Rect, clip_segment};

const BUCKET: f64 = 32.0;

/// Rectangles no label may cover, bucketed in 32-pixel cells so a test looks only at its
/// neighbourhood (a 1,000-stop map has thousands).
#[derive(Debug, Clone)]
pub(super) struct Obstacles {
    origin: (f64, f64),
    cols: usize,
    rows: usize,
    cells: Vec<Vec<u32>>,
    rects: Vec<Rect>,
}

impl Obstacles {
    pub(super) fn new(frame: Rect) -> Self {
        let cols = (frame.w / BUCKET).ceil().max(1.0) as usize;
        let rows = (frame.h / BUCKET).ceil().max(1.0) as usize;
        Obstacles {
            origin: (frame.x, frame.y),
            cols,
            rows,
            cells: vec![Vec::new(); cols * rows],
            rects: Vec::new(),
        }
    }

    /// The cells a box covers, clamped to the grid: (col0, row0, col1, row1).
    fn span(&self, x0: f64, y0: f64, x1: f64, y1: f64) -> (usize, usize, usize, usize) {
        let c =
            |v: f64, o: f64, n: usize| (((v - o) / BUCKET).floor().max(0.0) as usize).min(n - 1);
        (
            c(x0, self.origin.0, self.cols),
            c(y0, self.origin.1, self.rows),
            c(x1, self.origin.0, self.cols),
            c(y1, self.origin.1, self.rows),
        )
    }

    pub(super) fn insert(&mut self, r: Rect) {
        let idx = self.rects.len() as u32;
        self.rects.push(r);
        let (c0, r0, c1, r1) = self.span(r.x, r.y, r.right(), r.bottom());
        for row in r0..=r1 {
            for col in c0..=c1 {
                self.cells[row * self.cols + col].push(idx);
            }
        }
    }

    /// Whether a rectangle in the cells `g` covers passes `test`.
    pub(super) fn any_in(&self, g: &Rect, test: impl Fn(&Rect) -> bool) -> bool {
        let (c0, r0, c1, r1) = self.span(g.x, g.y, g.right(), g.bottom());
        (r0..=r1).any(|row| {
            (c0..=c1).any(|col| {
                self.cells[row * self.cols + col]
                    .iter()
                    .any(|&i| test(&self.rects[i as usize]))
            })
        })
    }

    pub(super) fn any_overlap(&self, g: &Rect) -> bool {
        let (c0, r0, c1, r1) = self.span(g.x, g.y, g.right(), g.bottom());
        (r0..=r1).any(|row| {
            (c0..=c1).any(|col| {
                self.cells[row * self.cols + col]
                    .iter()
                    .any(|&i| self.rects[i as usize].overlaps(g))
            })
        })
    }

    /// Whether segment a→b crosses an obstacle other than those holding `a` (the marker the
    /// segment starts from).
    pub(super) fn crossed(&self, a: (f64, f64), b: (f64, f64)) -> bool {
        let (c0, r0, c1, r1) = self.span(a.0.min(b.0), a.1.min(b.1), a.0.max(b.0), a.1.max(b.1));
        (r0..=r1).any(|row| {
            (c0..=c1).any(|col| {
                self.cells[row * self.cols + col].iter().any(|&i| {
                    let o = &self.rects[i as usize];
                    !o.contains(a) && crosses(a, b, o)
                })
            })
        })
    }
}

/// Whether segment a→b passes through the inside of `r` (not merely touching it).
pub(super) fn crosses(a: (f64, f64), b: (f64, f64), r: &Rect) -> bool {
    match clip_segment(a, b, r.grow(-0.5).bounds()) {
        Some((p, q, _, _)) => (q.0 - p.0).hypot(q.1 - p.1) > 0.5,
        None => false,
    }
}
