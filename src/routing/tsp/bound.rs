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
    let n = c.n;
    // The large distance to the dummy that every feasible tour pays once when only one end is
    // fixed (part of every 1-tree value, so of the target `upper` too).
    let offset = match (c.dummy, p.fixed_start().is_some(), p.fixed_end().is_some()) {
        (Some(x), true, false) | (Some(x), false, true) => {
            let s = p.fixed_start().or(p.fixed_end()).expect("one end is fixed");
            let other = (0..m).find(|&v| v != s).expect("m >= 3");
            c.d(x, other as u32)
        }
        _ => 0.0,
    };
    let special = c.anchor as usize;
    let deadline = Instant::now() + budget;
    let mut pi = vec![0.0f64; n];
    let mut best = f64::NEG_INFINITY;
    let mut lambda = 2.0;
    let mut since_best = 0;
    let mut dist = vec![0.0f64; n];
    let mut parent = vec![0usize; n];
    let mut in_tree = vec![false; n];
    let mut degree = vec![0i32; n];
    for iter in 0..1000 {
        if iter > 5 && Instant::now() >= deadline {
            break;
        }
        let w = |i: usize, j: usize| c.d(i as u32, j as u32) + pi[i] + pi[j];
        // Prim's minimum spanning tree over every node but `special`.
        let root = if special == 0 { 1 } else { 0 };
        in_tree.iter_mut().for_each(|x| *x = false);
        degree.iter_mut().for_each(|x| *x = 0);
        in_tree[special] = true;
        in_tree[root] = true;
        for v in 0..n {
            dist[v] = w(root, v);
            parent[v] = root;
        }
        let mut total = 0.0;
        for _ in 2..n {
            let mut u = usize::MAX;
            for v in 0..n {
                if !in_tree[v] && (u == usize::MAX || dist[v] < dist[u]) {
                    u = v;
                }
            }
            in_tree[u] = true;
            total += dist[u];
            degree[u] += 1;
            degree[parent[u]] += 1;
            for v in 0..n {
                if !in_tree[v] {
                    let d = w(u, v);
                    if d < dist[v] {
                        dist[v] = d;
                        parent[v] = u;
                    }
                }
            }
        }
        // The special node's two shortest edges.
        let (mut e1, mut e2) = ((f64::INFINITY, 0), (f64::INFINITY, 0));
        for v in (0..n).filter(|&v| v != special) {
            let d = w(special, v);
            if d < e1.0 {
                e2 = e1;
                e1 = (d, v);
            } else if d < e2.0 {
                e2 = (d, v);
            }
        }
        total += e1.0 + e2.0;
        degree[special] = 2;
        degree[e1.1] += 1;
        degree[e2.1] += 1;
        let value = total - 2.0 * pi.iter().sum::<f64>();
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
        let norm: f64 = degree.iter().map(|&g| ((g - 2) as f64).powi(2)).sum();
        if norm == 0.0 || lambda < 1e-6 {
            break;
        }
        let step = lambda * (upper + offset - value).max(0.0) / norm;
        if step <= 0.0 {
            break;
        }
        for v in 0..n {
            pi[v] += step * (degree[v] - 2) as f64;
        }
    }
    Some((best - offset).max(0.0))
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
