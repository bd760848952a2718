//! Held–Karp dynamic programming: the provably shortest order for small problems, with every
//! constraint (fixed ends, round trip, precedence chain). Time O(2ⁿ·n²), memory O(2ⁿ·n).

use super::problem::Problem;

/// Problems up to this many nodes are solved exactly (2¹³·13 states).
pub const EXACT_MAX: usize = 13;

/// The shortest feasible order of all nodes and its length, or `None` when `p` has more than
/// [`EXACT_MAX`] nodes. Assumes `p.validate()` passed (constraints are consistent).
pub fn held_karp(p: &Problem) -> Option<(Vec<usize>, f64)> {
    let n = p.len();
    if n > EXACT_MAX {
        return None;
    }
    if n == 0 {
        return Some((Vec::new(), 0.0));
    }
    // Nodes that must be visited before each node (its predecessor in the chain).
    let mut before = vec![0usize; n];
    for w in p.chain().windows(2) {
        before[w[1]] = 1 << w[0];
    }
    let start = p.fixed_start().or(p.is_round_trip().then_some(0));
    let full = (1usize << n) - 1;
    let idx = |mask: usize, last: usize| mask * n + last;
    let mut cost = vec![f64::INFINITY; (1 << n) * n];
    let mut from = vec![u8::MAX; (1 << n) * n];
    for v in 0..n {
        if start.is_none_or(|s| s == v) && before[v] == 0 && (p.fixed_end() != Some(v) || n == 1) {
            cost[idx(1 << v, v)] = 0.0;
        }
    }
    for mask in 1..=full {
        for last in 0..n {
            let c = cost[idx(mask, last)];
            if !c.is_finite() {
                continue;
            }
            for v in 0..n {
                let bit = 1 << v;
                if mask & bit != 0 || before[v] & !mask != 0 {
                    continue;
                }
                let next = mask | bit;
                // The fixed end may only be added last.
                if p.fixed_end() == Some(v) && next != full {
                    continue;
                }
                let nc = c + p.dist(last, v);
                if nc < cost[idx(next, v)] {
                    cost[idx(next, v)] = nc;
                    from[idx(next, v)] = last as u8;
                }
            }
        }
    }
    let closing = |last: usize| match (p.is_round_trip(), start) {
        (true, Some(s)) => p.dist(last, s),
        _ => 0.0,
    };
    let (mut last, best) = (0..n)
        .map(|v| (v, cost[idx(full, v)] + closing(v)))
        .filter(|(_, c)| c.is_finite())
        .min_by(|a, b| a.1.total_cmp(&b.1))?;
    let mut order = Vec::with_capacity(n);
    let mut mask = full;
    loop {
        order.push(last);
        let prev = from[idx(mask, last)];
        mask &= !(1 << last);
        if prev == u8::MAX {
            break;
        }
        last = prev as usize;
    }
    order.reverse();
    Some((order, best))
}

#[cfg(test)]
pub(crate) mod test {
    use super::*;

    /// Shortest feasible order by trying every permutation.
    pub(crate) fn brute_force(p: &Problem) -> Option<f64> {
        fn rec(p: &Problem, order: &mut Vec<usize>, used: &mut Vec<bool>, best: &mut Option<f64>) {
            if order.len() == p.len() {
                if p.is_feasible(order) {
                    let l = p.length(order);
                    if best.is_none_or(|b| l < b) {
                        *best = Some(l);
                    }
                }
                return;
            }
            for v in 0..p.len() {
                if !used[v] {
                    used[v] = true;
                    order.push(v);
                    rec(p, order, used, best);
                    order.pop();
                    used[v] = false;
                }
            }
        }
        let mut best = None;
        rec(p, &mut Vec::new(), &mut vec![false; p.len()], &mut best);
        best
    }

    /// A random instance of `n` points in the unit square (Euclidean distances).
    pub(crate) fn random_plane(n: usize, rng: &mut fastrand::Rng) -> Problem {
        let pts: Vec<(f64, f64)> = (0..n).map(|_| (rng.f64(), rng.f64())).collect();
        let q = pts.clone();
        Problem::new(n, move |i, j| {
            ((q[i].0 - q[j].0).powi(2) + (q[i].1 - q[j].1).powi(2)).sqrt()
        })
        .with_points(pts.iter().map(|&(x, y)| [x, y, 0.0]).collect())
    }

    /// Round `round` of a move test: a random instance of `n` points with one of five constraint
    /// sets (round trip, both ends, start and date order, end, none), and a starting tour through
    /// it (in input order, or shuffled for the unconstrained rounds) that keeps them.
    pub(crate) fn random_case(
        round: usize,
        n: usize,
        rng: &mut fastrand::Rng,
    ) -> (Problem, Vec<usize>) {
        let p = random_plane(n, rng);
        let p = match round % 5 {
            0 => p.round_trip(),
            1 => p.start(0).end(1),
            2 => p.start(2).precedence(vec![2, 5, 7]),
            3 => p.end(3),
            _ => p,
        };
        let mut cycle: Vec<usize> = (0..n).collect();
        if matches!(round % 5, 0 | 4) {
            rng.shuffle(&mut cycle);
        }
        (p, cycle)
    }

    #[test]
    fn matches_brute_force_on_random_instances() {
        let mut rng = fastrand::Rng::with_seed(7);
        for trial in 0..60 {
            let n = 1 + trial % 8;
            let base = random_plane(n, &mut rng);
            let mut variants = vec![
                base.clone(),
                base.clone().round_trip(),
                base.clone().start(0),
            ];
            if n >= 2 {
                variants.push(base.clone().start(0).end(n - 1));
                variants.push(base.clone().end(1));
            }
            if n >= 4 {
                variants.push(base.clone().precedence(vec![3, 1, 2]));
                variants.push(base.clone().start(0).precedence(vec![2, 3, 1]).round_trip());
                variants.push(base.clone().start(0).end(1).precedence(vec![3, 2, 1]));
            }
            for p in variants {
                assert!(p.validate().is_ok(), "{p:?}");
                let (order, len) = held_karp(&p).unwrap();
                assert!(p.is_feasible(&order), "{p:?}: {order:?}");
                assert!((p.length(&order) - len).abs() < 1e-9);
                let bf = brute_force(&p).unwrap();
                assert!(
                    (len - bf).abs() < 1e-9,
                    "{p:?}: DP {len} vs brute force {bf}"
                );
            }
        }
    }

    #[test]
    fn too_large_is_none() {
        let p = Problem::new(EXACT_MAX + 1, |_, _| 1.0);
        assert!(held_karp(&p).is_none());
    }
}
