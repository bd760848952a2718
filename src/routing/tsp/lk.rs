//! A Lin–Kernighan-style chain of 2-opt moves from one node, deeper than [`super::or3opt`].
//!
//! Break edge (t1, t2); join t2 to a near neighbour t3 and break the edge (t3, t4) that leaves a
//! tour once t4 is joined back to t1; apply that 2-opt move even if it does not pay, and carry on
//! from the new edge (t1, t4) as if it were (t1, t2). At each step the neighbour taken is the one
//! with the largest gain so far plus the edge it breaks. An edge joined in the chain is never
//! broken again. The best point of the chain is kept if it is shorter than the start; every
//! step after it is undone.

use super::closed::Closed;
use super::tour::Tour;

/// A move must shorten the tour by more than this to count (guards against float noise).
const EPS: f64 = 1e-7;

/// A step whose reversal would move more nodes than this is not tried: steps are applied before
/// it is known whether the chain pays, so on a tour of 100,000 nodes an unbounded step could cost
/// 50,000 swaps for nothing. (No limit below 2,000 nodes.)
const MAX_REVERSAL: usize = 1_000;

/// The best chain of at most `depth` 2-opt moves starting by breaking an edge of `t1`, applied
/// if it shortens the tour: its change in length (< 0) and the nodes whose edges changed
/// (appended to `touched`). With `check`, only points of the chain that keep the constraints
/// count.
pub(crate) fn lk_chain(
    c: &Closed,
    cands: &[Vec<(u32, f64)>],
    t: &mut Tour,
    t1: u32,
    depth: usize,
    check: bool,
    touched: &mut Vec<u32>,
) -> Option<f64> {
    let n = t.len();
    if n < 8 {
        return None;
    }
    let mut joined: Vec<(u32, u32)> = Vec::with_capacity(depth);
    let edge = |a: u32, b: u32| (a.min(b), a.max(b));
    for first in [t.succ(t1), t.pred(t1)] {
        let start = t.mark();
        let start_touched = touched.len();
        joined.clear();
        let mut t2 = first;
        let mut g = c.d(t1, t2);
        let mut best = (EPS, start, start_touched);
        for _ in 0..depth {
            let fwd = t.succ(t1) == t2;
            // The neighbour t3 of t2 with the largest g - d(t2, t3) + d(t3, t4).
            let mut pick: Option<(f64, u32, u32, f64)> = None;
            for &(t3, d23) in &cands[t2 as usize] {
                let g1 = g - d23;
                if g1 <= EPS {
                    break;
                }
                if t3 == t1 || t3 == t.next(t2, fwd) || t3 == t.next(t2, !fwd) {
                    continue;
                }
                let t4 = t.next(t3, !fwd);
                if t4 == t2 || joined.contains(&edge(t3, t4)) {
                    continue;
                }
                // The 2-opt move reverses t2..t4 or the rest of the tour, whichever is shorter.
                let (p2, p4) = (t.pos[t2 as usize] as usize, t.pos[t4 as usize] as usize);
                let inner = (if fwd { p4 + n - p2 } else { p2 + n - p4 }) % n + 1;
                if inner.min(n - inner) > MAX_REVERSAL {
                    continue;
                }
                let g2 = g1 + c.d(t3, t4);
                if pick.is_none_or(|p| g2 > p.0) {
                    pick = Some((g2, t3, t4, g1));
                }
            }
            let Some((g2, t3, t4, _)) = pick else {
                break;
            };
            t.two_opt(t1, t2, t4, t3);
            joined.push(edge(t2, t3));
            touched.extend([t2, t3, t4]);
            g = g2;
            t2 = t4;
            let gain = g - c.d(t4, t1);
            if gain > best.0 && (!check || c.direction(t).is_some()) {
                best = (gain, t.mark(), touched.len());
            }
        }
        let (gain, mark, len) = best;
        t.undo_to(mark);
        touched.truncate(len);
        if mark > start {
            touched.push(t1);
            return Some(-gain);
        }
    }
    None
}

#[cfg(test)]
mod test {
    use super::*;
    use crate::routing::tsp::exact::test::random_case;
    use crate::routing::tsp::local::with_distances;
    use crate::routing::tsp::neighbours::closed_lists;
    use crate::routing::tsp::tour::test::assert_consistent;

    /// From random tours (with and without fixed ends and date order): every chain kept shortens
    /// the tour by what it says, leaves a permutation and keeps the constraints; a chain not
    /// kept leaves the tour as it was.
    #[test]
    fn chains_shorten_by_what_they_say_and_keep_a_tour() {
        let mut rng = fastrand::Rng::with_seed(8);
        let mut found = 0;
        for round in 0..40 {
            let n = [10, 30, 80, 150][round % 4];
            let (p, cycle) = random_case(round, n, &mut rng);
            let c = Closed::new(&p);
            let cands = with_distances(&c, &closed_lists(&c, 10));
            let mut t = Tour::new(crate::routing::tsp::construct::closed_tour(&c, &cycle));
            for _ in 0..100 {
                let v = rng.u32(0..c.n as u32);
                let before = c.length(&t);
                let order = t.order.clone();
                let mut touched = Vec::new();
                let kept = lk_chain(&c, &cands, &mut t, v, 8, c.constrained(), &mut touched);
                let after = c.length(&t);
                let Some(delta) = kept else {
                    assert_eq!(t.order, order, "nothing kept, nothing changed");
                    continue;
                };
                found += 1;
                assert!(delta < 0.0);
                assert!(
                    (before + delta - after).abs() < 1e-6,
                    "{before} {delta} {after}"
                );
                assert!(touched.contains(&v));
                assert_consistent(&t);
                assert!(c.direction(&t).is_some(), "constraints kept");
                assert!(p.is_feasible(&c.read(&t)));
                t.clear_journal();
            }
        }
        assert!(found > 100, "only {found} chains kept");
    }
}
