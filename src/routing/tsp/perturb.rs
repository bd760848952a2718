//! The kick of iterated local search: a local double bridge. Two adjacent stretches of the tour
//! near a random node swap places (x A B y becomes x B A y), a change 2-opt and Or-opt cannot
//! undo in one step.

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

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn swaps_two_stretches() {
        let mut rng = fastrand::Rng::with_seed(1);
        for _ in 0..200 {
            let mut t = Tour::new((0..20).collect());
            let Some([x, a1, a2, b1, b2, y]) = double_bridge(&mut t, &mut rng, 5) else {
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
