//! The kick of iterated local search: a local double bridge. Two adjacent stretches of the tour
//! near a random node swap places (x A B y becomes x B A y), a change 2-opt cannot undo in one
//! step (Or-3opt can). A four-edge bridge (x A B C y to x C B A y), which no 3-opt move undoes,
//! gave shorter tours per kick on the TSPLIB table but none shorter per CPU second: each of its
//! kicks cost about a third more.

use super::tour::Tour;

/// Swaps two random adjacent stretches of 1..=`max_len` nodes each after a random node. Returns
/// the nodes whose edges changed (x, ends of A, ends of B, y) and the edges removed and added as
/// (removed, added) node pairs for the caller to price.
pub(crate) fn double_bridge(
    t: &mut Tour,
    rng: &mut fastrand::Rng,
    max_len: usize,
) -> Option<[u32; 6]> {
    let n = t.len();
    if n < 8 {
        return None;
    }
    let cap = max_len.clamp(1, (n - 2) / 2);
    let (la, lb) = (rng.usize(1..=cap), rng.usize(1..=cap));
    let x = t.order[rng.usize(0..n)];
    let a1 = t.succ(x);
    let mut a2 = a1;
    for _ in 1..la {
        a2 = t.succ(a2);
    }
    let b1 = t.succ(a2);
    let mut b2 = b1;
    for _ in 1..lb {
        b2 = t.succ(b2);
    }
    let y = t.succ(b2);
    if y == x || b1 == x || b2 == x {
        return None;
    }
    // Reverse A, reverse B, reverse both: x A B y -> x B A y.
    t.two_opt(x, a1, a2, b1);
    t.two_opt(a1, b1, b2, y);
    t.two_opt(x, a2, b1, y);
    Some([x, a1, a2, b1, b2, y])
}

/// A double bridge whose three cut points are close in space rather than along the tour: after a
/// random node `x`, after a random candidate neighbour of `x`, and after a random candidate
/// neighbour of that one. The stretches between can be long, but the change is local.
pub(crate) fn double_bridge_near(
    t: &mut Tour,
    rng: &mut fastrand::Rng,
    lists: &[Vec<u32>],
) -> Option<[u32; 6]> {
    let n = t.len();
    if n < 8 {
        return None;
    }
    let x = t.order[rng.usize(0..n)];
    let la = &lists[x as usize];
    let a = *la.get(rng.usize(0..la.len().max(1)))?;
    let lb = &lists[a as usize];
    let b = *lb.get(rng.usize(0..lb.len().max(1)))?;
    let off = |v: u32| (t.pos[v as usize] as usize + n - t.pos[x as usize] as usize) % n;
    let (c1, c2) = (off(a).min(off(b)), off(a).max(off(b)));
    if c1 == 0 || c1 == c2 || c2 + 1 >= n {
        return None;
    }
    let at = |k: usize| t.order[(t.pos[x as usize] as usize + k) % n];
    let (a1, a2, b1, b2, y) = (at(1), at(c1), at(c1 + 1), at(c2), at(c2 + 1));
    t.two_opt(x, a1, a2, b1);
    t.two_opt(a1, b1, b2, y);
    t.two_opt(x, a2, b1, y);
    Some([x, a1, a2, b1, b2, y])
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn swaps_two_stretches() {
        let mut rng = fastrand::Rng::with_seed(1);
        // Candidate lists of a 20-node ring: the two nodes either side.
        let lists: Vec<Vec<u32>> = (0..20u32)
            .map(|v| vec![(v + 1) % 20, (v + 19) % 20, (v + 2) % 20, (v + 18) % 20])
            .collect();
        for k in 0..400 {
            let mut t = Tour::new((0..20).collect());
            let kicked = if k % 2 == 0 {
                double_bridge(&mut t, &mut rng, 5)
            } else {
                double_bridge_near(&mut t, &mut rng, &lists)
            };
            let Some([x, a1, a2, b1, b2, y]) = kicked else {
                continue;
            };
            let adjacent = |u: u32, v: u32| t.succ(u) == v || t.pred(u) == v;
            assert!(adjacent(x, b1) && adjacent(b2, a1) && adjacent(a2, y));
            let mut seen: Vec<u32> = t.order.clone();
            seen.sort();
            assert_eq!(seen, (0..20).collect::<Vec<_>>());
        }
    }
}
