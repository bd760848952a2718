//! The closed-tour view of a [`Problem`] that the heuristics work on: an open path becomes a
//! cycle through one extra "dummy" node whose distance is 0 to the nodes allowed at the ends and
//! large to the others. Checks which direction of travel a tour is read in and whether it keeps
//! the fixed ends and the precedence chain.

use super::problem::Problem;
use super::tour::Tour;

/// A problem as a cyclic tour over `n` nodes (the problem's nodes, plus the dummy for a path).
pub(crate) struct Closed<'a> {
    pub p: &'a Problem,
    /// Node count including the dummy.
    pub n: usize,
    /// The dummy node (`p.len()`), for open paths.
    pub dummy: Option<u32>,
    /// Where travel is read from: the dummy, or the start of a round trip.
    pub anchor: u32,
    /// Distance between the dummy and a node not allowed at an end.
    big: f64,
}

impl<'a> Closed<'a> {
    /// The closed view of `p` (which must have at least one node and pass validation).
    pub fn new(p: &'a Problem) -> Self {
        let m = p.len();
        let dummy = (!p.is_round_trip()).then_some(m as u32);
        let far = (1..m).map(|j| p.dist(0, j)).fold(0.0, f64::max);
        Self {
            p,
            n: m + dummy.is_some() as usize,
            dummy,
            anchor: dummy.unwrap_or(p.fixed_start().unwrap_or(0) as u32),
            big: 4.0 * far + 1.0,
        }
    }

    /// Whether node `v` may be an end of the open path.
    #[inline]
    pub fn end_allowed(&self, v: usize) -> bool {
        match (self.p.fixed_start(), self.p.fixed_end()) {
            (None, None) => true,
            (s, e) => s == Some(v) || e == Some(v),
        }
    }

    /// Distance between nodes of the closed view.
    #[inline]
    pub fn d(&self, i: u32, j: u32) -> f64 {
        if let Some(x) = self.dummy
            && (i == x || j == x)
        {
            let other = if i == x { j } else { i };
            return if other == x || self.end_allowed(other as usize) {
                0.0
            } else {
                self.big
            };
        }
        self.p.dist(i as usize, j as usize)
    }

    /// Whether any move could break a constraint (so moves must be checked).
    pub fn constrained(&self) -> bool {
        !self.p.chain().is_empty()
            || (self.dummy.is_some()
                && (self.p.fixed_start().is_some() || self.p.fixed_end().is_some()))
    }

    /// Total length of the closed tour.
    pub fn length(&self, t: &Tour) -> f64 {
        (0..t.len())
            .map(|i| self.d(t.order[i], t.order[(i + 1) % t.len()]))
            .sum()
    }

    /// The direction the tour is read in from the anchor (`true` = forward), if the tour keeps
    /// every constraint; `None` if it breaks one.
    pub fn direction(&self, t: &Tour) -> Option<bool> {
        let a = self.anchor;
        let (mut fwd_ok, mut bwd_ok) = (true, true);
        if self.dummy.is_some() {
            if let Some(s) = self.p.fixed_start() {
                fwd_ok &= t.succ(a) == s as u32;
                bwd_ok &= t.pred(a) == s as u32;
            }
            if let Some(e) = self.p.fixed_end() {
                fwd_ok &= t.pred(a) == e as u32;
                bwd_ok &= t.succ(a) == e as u32;
            }
        }
        let chain = self.p.chain();
        if chain.len() > 1 && (fwd_ok || bwd_ok) {
            let n = t.len();
            let base = t.pos[a as usize] as usize;
            let rel = |v: usize| (t.pos[v] as usize + n - base) % n;
            let (mut inc, mut dec) = (fwd_ok, bwd_ok);
            for w in chain.windows(2) {
                let (x, y) = (rel(w[0]), rel(w[1]));
                // Going backward from the anchor, relative position 0 is still first.
                let (bx, by) = ((n - x) % n, (n - y) % n);
                inc &= x < y;
                dec &= bx < by;
                if !inc && !dec {
                    return None;
                }
            }
            fwd_ok = inc;
            bwd_ok = dec;
        }
        if fwd_ok {
            Some(true)
        } else if bwd_ok {
            Some(false)
        } else {
            None
        }
    }

    /// The problem's nodes in visiting order read from the tour (which must keep the constraints).
    pub fn read(&self, t: &Tour) -> Vec<usize> {
        let fwd = self.direction(t).unwrap_or(true);
        let mut out = Vec::with_capacity(self.p.len());
        let mut v = self.anchor;
        for _ in 0..t.len() {
            if Some(v) != self.dummy {
                out.push(v as usize);
            }
            v = t.next(v, fwd);
        }
        out
    }
}
