//! Held–Karp lower bound: the best 1-tree bound found by subgradient optimisation of node
//! penalties. Any tour (ignoring the precedence chain) is at least this long, so
//! `(tour − bound) / bound` bounds how far a tour can be from optimal.

use super::closed::Closed;
use super::problem::Problem;
use std::time::{Duration, Instant};

/// Problems above this many nodes get no bound (each step is O(n²)).
pub const BOUND_MAX: usize = 3_000;

/// A lower bound on the length of any feasible order of `p` (the precedence chain is ignored,
/// which only loosens it), from at most `budget` of work; `upper` is a known tour length that
/// steers the step size. `None` above [`BOUND_MAX`] nodes.
pub fn lower_bound(p: &Problem, upper: f64, budget: Duration) -> Option<f64> {
    let m = p.len();
    if m > BOUND_MAX {
        return None;
    }
    if m < 3 {
        return Some(if m == 2 {
            p.dist(0, 1) * if p.is_round_trip() { 2.0 } else { 1.0 }
        } else {
            0.0
        });
    }
    let c = Closed::new(p);
    let offset = dummy_offset(&c);
    let deadline = Instant::now() + budget;
    let mut tree = OneTree::new(c.n, c.anchor as usize);
    let mut pi = vec![0.0f64; c.n];
    let mut best = f64::NEG_INFINITY;
    let mut lambda = 2.0;
    let mut since_best = 0;
    for iter in 0..1000 {
        if iter > 5 && Instant::now() >= deadline {
            break;
        }
        let value = tree.build(&c, &pi) - 2.0 * pi.iter().sum::<f64>();
        if best == f64::NEG_INFINITY || value > best + 1e-9 * best.abs().max(1.0) {
            best = value;
            since_best = 0;
        } else {
            since_best += 1;
            if since_best >= 10 {
                lambda /= 2.0;
                since_best = 0;
            }
        }
        // Subgradient step: raise the penalty of nodes of degree > 2, lower it below 2.
        let norm: f64 = tree.degree.iter().map(|&g| ((g - 2) as f64).powi(2)).sum();
        if norm == 0.0 || lambda < 1e-6 {
            break;
        }
        let step = lambda * (upper + offset - value).max(0.0) / norm;
        if step <= 0.0 {
            break;
        }
        for (pv, &g) in pi.iter_mut().zip(&tree.degree) {
            *pv += step * (g - 2) as f64;
        }
    }
    Some((best - offset).max(0.0))
}

/// The large distance to the dummy that every feasible tour of the closed view `c` pays once
/// when only one end is fixed (part of every 1-tree value, so of the target `upper` too); 0
/// otherwise.
fn dummy_offset(c: &Closed) -> f64 {
    let p = c.p;
    match (c.dummy, p.fixed_start().is_some(), p.fixed_end().is_some()) {
        (Some(x), true, false) | (Some(x), false, true) => {
            let s = p.fixed_start().or(p.fixed_end()).expect("one end is fixed");
            let other = (0..p.len()).find(|&v| v != s).expect("m >= 3");
            c.d(x, other as u32)
        }
        _ => 0.0,
    }
}

/// A minimum 1-tree under node penalties: a minimum spanning tree of every node but `special`,
/// plus `special`'s two shortest edges. Its buffers are kept between builds.
struct OneTree {
    special: usize,
    /// Each node's degree in the last tree built.
    degree: Vec<i32>,
    dist: Vec<f64>,
    parent: Vec<usize>,
    in_tree: Vec<bool>,
}

impl OneTree {
    /// Buffers for `n` nodes, `special` the node left out of the spanning tree.
    fn new(n: usize, special: usize) -> Self {
        OneTree {
            special,
            degree: vec![0; n],
            dist: vec![0.0; n],
            parent: vec![0; n],
            in_tree: vec![false; n],
        }
    }

    /// Builds the minimum 1-tree of `c` with the edge weights `d(i, j) + pi[i] + pi[j]`; its
    /// weight, with each node's degree in [`OneTree::degree`].
    fn build(&mut self, c: &Closed, pi: &[f64]) -> f64 {
        let w = |i: usize, j: usize| c.d(i as u32, j as u32) + pi[i] + pi[j];
        let mut total = self.spanning_tree(&w);
        // The special node's two shortest edges.
        let special = self.special;
        let (mut e1, mut e2) = ((f64::INFINITY, 0), (f64::INFINITY, 0));
        for v in (0..self.degree.len()).filter(|&v| v != special) {
            let d = w(special, v);
            if d < e1.0 {
                e2 = e1;
                e1 = (d, v);
            } else if d < e2.0 {
                e2 = (d, v);
            }
        }
        total += e1.0 + e2.0;
        self.degree[special] = 2;
        self.degree[e1.1] += 1;
        self.degree[e2.1] += 1;
        total
    }

    /// Prim's minimum spanning tree over every node but the special one, under `w`: its weight,
    /// with the degrees set (the special node's left at 0).
    fn spanning_tree(&mut self, w: &impl Fn(usize, usize) -> f64) -> f64 {
        let n = self.degree.len();
        let special = self.special;
        let root = if special == 0 { 1 } else { 0 };
        self.in_tree.iter_mut().for_each(|x| *x = false);
        self.degree.iter_mut().for_each(|x| *x = 0);
        self.in_tree[special] = true;
        self.in_tree[root] = true;
        for v in 0..n {
            self.dist[v] = w(root, v);
            self.parent[v] = root;
        }
        let mut total = 0.0;
        for _ in 2..n {
            let mut u = usize::MAX;
            for v in 0..n {
                if !self.in_tree[v] && (u == usize::MAX || self.dist[v] < self.dist[u]) {
                    u = v;
                }
            }
            self.in_tree[u] = true;
            total += self.dist[u];
            self.degree[u] += 1;
            self.degree[self.parent[u]] += 1;
            for v in 0..n {
                if !self.in_tree[v] {
                    let d = w(u, v);
                    if d < self.dist[v] {
                        self.dist[v] = d;
                        self.parent[v] = u;
                    }
                }
            }
        }
        total
    }
}

#[cfg(test)]
mod test {
    use super::super::exact::{held_karp, test::random_plane};
    use super::*;

    #[test]
    fn never_above_the_optimum() {
        let mut rng = fastrand::Rng::with_seed(5);
        for n in [5, 8, 11, 13] {
            for p in [
                random_plane(n, &mut rng),
                random_plane(n, &mut rng).round_trip(),
                random_plane(n, &mut rng).start(2),
            ] {
                let (_, opt) = held_karp(&p).unwrap();
                let lb = lower_bound(&p, opt, Duration::from_millis(50)).unwrap();
                assert!(lb >= 0.9 * opt, "n={n}: bound {lb} is weak against {opt}");
                assert!(lb <= opt + 1e-6, "n={n}: bound {lb} above optimum {opt}");
                assert!(
                    lb >= 0.7 * opt,
                    "n={n}: bound {lb} is too weak against {opt}"
                );
            }
        }
    }
}
