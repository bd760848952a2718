//! Local search: 2-opt, Or-3opt (sequential 3-opt: moving a stretch of any length elsewhere,
//! either way round, or swapping two adjacent stretches; see [`super::or3opt`]) and, where those
//! find nothing, a Lin–Kernighan chain of 2-opt moves ([`super::lk`]), driven by candidate lists
//! and a queue of nodes whose neighbourhood may still improve ("don't-look bits"). Moves that
//! would break a constraint are undone and skipped.

use super::closed::Closed;
use super::lk::lk_chain;
use super::or3opt::or3opt;
use super::tour::Tour;
use std::collections::VecDeque;
use std::time::Instant;

/// Longest Lin–Kernighan chain of 2-opt moves tried from a node where 2-opt and Or-3opt find
/// nothing. Chosen on the TSPLIB table at 1 s (10 seeds, with the earlier two-stretch kick): 0
/// (none) 4.9 % summed gap over the five hardest instances, 10: 3.9, 15: 3.5-3.9, 25: 3.1, 40: 3.2.
const LK_DEPTH: usize = 25;

/// A move must shorten the tour by more than this to count (guards against float noise).
const EPS: f64 = 1e-7;

/// The local search state: which nodes are queued.
pub(crate) struct Local<'a> {
    c: &'a Closed<'a>,
    lists: &'a [Vec<u32>],
    /// `lists` with each candidate's distance, read far more often than the lists change.
    cands: Vec<Vec<(u32, f64)>>,
    /// Scratch list of the nodes a Lin–Kernighan chain changed.
    touched: Vec<u32>,
    queue: VecDeque<u32>,
    queued: Vec<bool>,
    check: bool,
}

impl<'a> Local<'a> {
    /// A search over `c` with candidate lists `lists`.
    pub fn new(c: &'a Closed<'a>, lists: &'a [Vec<u32>]) -> Self {
        Self {
            c,
            lists,
            cands: with_distances(c, lists),
            touched: Vec::new(),
            queue: VecDeque::new(),
            queued: vec![false; c.n],
            check: c.constrained(),
        }
    }

    /// The candidate lists.
    pub fn lists(&self) -> &'a [Vec<u32>] {
        self.lists
    }

    /// Queues node `v` for another look.
    pub fn push(&mut self, v: u32) {
        if !std::mem::replace(&mut self.queued[v as usize], true) {
            self.queue.push_back(v);
        }
    }

    /// Improves `t` until no queued node has an improving move, or until `deadline`. Returns the
    /// change in length (≤ 0) and whether the search ran to the end (a local optimum).
    pub fn run(&mut self, t: &mut Tour, deadline: Option<Instant>) -> (f64, bool) {
        let mut total = 0.0;
        let mut steps = 0u32;
        while let Some(v) = self.queue.pop_front() {
            self.queued[v as usize] = false;
            steps = steps.wrapping_add(1);
            if steps.is_multiple_of(256) && deadline.is_some_and(|d| Instant::now() >= d) {
                self.queue.clear();
                self.queued.iter_mut().for_each(|q| *q = false);
                return (total, false);
            }
            if let Some((delta, touched)) = self
                .two_opt(t, v)
                .or_else(|| or3opt(self.c, &self.cands, t, v, self.check))
            {
                total += delta;
                for &x in touched.iter().filter(|&&x| x != u32::MAX) {
                    self.push(x);
                }
            } else {
                let mut touched = std::mem::take(&mut self.touched);
                touched.clear();
                if let Some(delta) = lk_chain(
                    self.c,
                    &self.cands,
                    t,
                    v,
                    LK_DEPTH,
                    self.check,
                    &mut touched,
                ) {
                    total += delta;
                    for &x in &touched {
                        self.push(x);
                    }
                }
                self.touched = touched;
            }
        }
        (total, true)
    }

    /// Looks at every node until a whole pass finds nothing (a local optimum for 2-opt, Or-3opt
    /// and the Lin–Kernighan chains over the candidate lists) or until `deadline`. Returns the change in length and
    /// whether the optimum was reached.
    pub fn optimise_all(&mut self, t: &mut Tour, deadline: Option<Instant>) -> (f64, bool) {
        let mut total = 0.0;
        loop {
            for v in 0..self.c.n as u32 {
                self.push(v);
            }
            let (delta, done) = self.run(t, deadline);
            total += delta;
            if !done || delta == 0.0 {
                return (total, done);
            }
        }
    }

    /// Keeps the moves since `mark` if the tour still meets the constraints; else undoes them.
    fn keep(&self, t: &mut Tour, mark: usize) -> bool {
        if !self.check || self.c.direction(t).is_some() {
            return true;
        }
        t.undo_to(mark);
        false
    }

    /// The first improving 2-opt move around `t1`, applied.
    fn two_opt(&self, t: &mut Tour, t1: u32) -> Option<(f64, [u32; 6])> {
        let c = self.c;
        for fwd in [true, false] {
            let t2 = t.next(t1, fwd);
            let d12 = c.d(t1, t2);
            for &(t3, d13) in &self.cands[t1 as usize] {
                if d12 - d13 <= EPS {
                    break;
                }
                let t4 = t.next(t3, fwd);
                if t3 == t2 || t4 == t1 {
                    continue;
                }
                let delta = d13 + c.d(t2, t4) - d12 - c.d(t3, t4);
                if delta < -EPS {
                    let mark = t.mark();
                    t.two_opt(t1, t2, t3, t4);
                    if self.keep(t, mark) {
                        return Some((delta, [t1, t2, t3, t4, u32::MAX, u32::MAX]));
                    }
                }
            }
        }
        None
    }
}

/// Each candidate list with the distance to each candidate.
pub(crate) fn with_distances(c: &Closed, lists: &[Vec<u32>]) -> Vec<Vec<(u32, f64)>> {
    lists
        .iter()
        .enumerate()
        .map(|(v, l)| l.iter().map(|&w| (w, c.d(v as u32, w))).collect())
        .collect()
}

#[cfg(test)]
mod test {
    use super::super::closed::Closed;
    use super::super::exact::test::random_plane;
    use super::super::neighbours::closed_lists;
    use super::*;

    #[test]
    fn never_worsens_and_reaches_a_local_optimum() {
        let mut rng = fastrand::Rng::with_seed(11);
        for (n, variant) in [(9, 0), (40, 0), (40, 1), (120, 2), (200, 3), (60, 4)] {
            let mut p = random_plane(n, &mut rng);
            p = match variant {
                1 => p.round_trip(),
                2 => p.start(3).end(7),
                3 => p.start(0).precedence(vec![5, 9, 2, 40]),
                4 => p.precedence(vec![1, 2, 3, 4, 5, 6, 7, 8]),
                _ => p,
            };
            let c = Closed::new(&p);
            let lists = closed_lists(&c, 8);
            let mut order: Vec<u32> = (0..c.n as u32).collect();
            // A random start that keeps the constraints.
            loop {
                rng.shuffle(&mut order);
                if c.direction(&Tour::new(order.clone())).is_some() {
                    break;
                }
                if variant >= 2 {
                    let cyc: Vec<usize> = (0..n).collect();
                    order = super::super::construct::closed_tour(&c, &cyc);
                    break;
                }
            }
            let mut t = Tour::new(order);
            let before = c.length(&t);
            let mut ls = Local::new(&c, &lists);
            let (delta, done) = ls.optimise_all(&mut t, None);
            assert!(done);
            let after = c.length(&t);
            assert!(after <= before + 1e-9, "{before} -> {after}");
            assert!(
                (before + delta - after).abs() < 1e-6,
                "tracked {delta}, real {}",
                after - before
            );
            assert!(c.direction(&t).is_some(), "constraints kept");
            assert!(
                p.is_feasible(&c.read(&t)),
                "variant {variant}: {:?}",
                c.read(&t)
            );
            // No improving move remains.
            for v in 0..c.n as u32 {
                ls.push(v);
            }
            let (again, _) = ls.run(&mut t, None);
            assert_eq!(again, 0.0);
        }
    }
}
