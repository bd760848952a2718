//! Or-3opt: the sequential 3-opt move (Lin–Kernighan to depth 3), found from candidate lists.
//!
//! Break edge (t1, t2), join t2 to a near neighbour t3, break an edge (t3, t4) of t3, join t4 to
//! a near neighbour t5, break an edge (t5, t6) of t5 and close with (t6, t1). Every way of doing
//! this that leaves one tour is tried: moving a stretch of any length elsewhere, reversed or not,
//! and swapping two adjacent stretches (x A B y becomes x B A y, x B A' y or x A' B' y, where '
//! means reversed). Or-opt (moving 1–3 nodes) is the special case of a short stretch; 2-opt is
//! tried first by [`super::local`] because it is cheaper.

use super::closed::Closed;
use super::tour::Tour;

/// A move must shorten the tour by more than this to count (guards against float noise).
const EPS: f64 = 1e-7;

/// The first improving Or-3opt move that breaks an edge of `t1`, applied to `t`, with its change
/// in length (< 0) and the six end nodes. `cands`: each node's candidate neighbours with their
/// distances, nearest first. When `check` is set, moves that break a constraint of
/// `c` are undone and skipped.
pub(crate) fn or3opt(
    c: &Closed,
    cands: &[Vec<(u32, f64)>],
    t: &mut Tour,
    t1: u32,
    check: bool,
) -> Option<(f64, [u32; 6])> {
    if t.len() < 8 {
        return None;
    }
    for fwd in [true, false] {
        let t2 = t.next(t1, fwd);
        let d12 = c.d(t1, t2);
        for &(t3, d23) in &cands[t2 as usize] {
            let g1 = d12 - d23;
            if g1 <= EPS {
                break;
            }
            if t3 == t1 || t3 == t.next(t2, fwd) {
                continue;
            }
            // `joined`: t4 before t3 (going from t2), so (t2, t3) + (t4, t1) would already be a
            // 2-opt move; else t4 after t3, and t2..t3 is closed into a ring to be opened at t5.
            for joined in [true, false] {
                let t4 = if joined {
                    t.next(t3, !fwd)
                } else {
                    t.next(t3, fwd)
                };
                let partial = Partial {
                    ends: [t1, t2, t3, t4],
                    fwd,
                    joined,
                    gain: g1 + c.d(t3, t4),
                };
                if let Some(found) = partial.complete(c, cands, t, check) {
                    return Some(found);
                }
            }
        }
    }
    None
}

/// The first two exchanges of a move: (t1, t2) and (t3, t4) broken, (t2, t3) joined, for a
/// `gain` so far; the tour read from t1 in direction `fwd`.
struct Partial {
    ends: [u32; 4],
    fwd: bool,
    /// t4 comes before t3 going from t2 (else after it).
    joined: bool,
    gain: f64,
}

impl Partial {
    /// The first third exchange (t5 a candidate of t4, t6 beside t5) that closes a shorter tour
    /// keeping the constraints (when `check`): applied to `t`, with its change in length and the
    /// six end nodes.
    fn complete(
        &self,
        c: &Closed,
        cands: &[Vec<(u32, f64)>],
        t: &mut Tour,
        check: bool,
    ) -> Option<(f64, [u32; 6])> {
        let [t1, t2, t3, t4] = self.ends;
        for &(t5, d45) in &cands[t4 as usize] {
            if self.gain - d45 <= EPS {
                break;
            }
            if t5 == t3 || t5 == t1 {
                continue;
            }
            for (t6, kind) in self.closings(t, t5).into_iter().flatten() {
                let delta = d45 + c.d(t6, t1) - self.gain - c.d(t5, t6);
                if delta >= -EPS {
                    continue;
                }
                let ends = [t1, t2, t3, t4, t5, t6];
                let mark = t.mark();
                kind.apply(t, ends);
                if !check || c.direction(t).is_some() {
                    return Some((delta, ends));
                }
                t.undo_to(mark);
            }
        }
        None
    }

    /// Which neighbours t6 of `t5` leave one tour, and the reversals that make it.
    fn closings(&self, t: &Tour, t5: u32) -> [Option<(u32, Kind)>; 2] {
        let [_, t2, t3, t4] = self.ends;
        let fwd = self.fwd;
        let o5 = self.steps_from_t2(t, t5);
        if self.joined {
            if o5 <= self.steps_from_t2(t, t4) {
                // t5 in t2..t4: t6 after t5, unless that is t4.
                let t6 = t.next(t5, fwd);
                [(t6 != t4).then_some((t6, Kind::TwoStep)), None]
            } else {
                // t5 in t3..t1: t6 before t5.
                [Some((t.next(t5, !fwd), Kind::TwoStep)), None]
            }
        } else if o5 < self.steps_from_t2(t, t3) {
            // t5 in t2..t3 (not t3): either neighbour, within the ring.
            [
                Some((t.next(t5, fwd), Kind::Swap)),
                (t5 != t2).then(|| (t.next(t5, !fwd), Kind::BothReversed)),
            ]
        } else {
            [None, None]
        }
    }

    /// Steps from t2 to `v` going in direction `fwd`.
    fn steps_from_t2(&self, t: &Tour, v: u32) -> usize {
        let n = t.len();
        let base = t.pos[self.ends[1] as usize] as usize;
        let p = t.pos[v as usize] as usize;
        if self.fwd {
            (p + n - base) % n
        } else {
            (base + n - p) % n
        }
    }
}

/// How the chosen edges are reconnected.
#[derive(Clone, Copy)]
enum Kind {
    /// A 2-opt move (t1, t2, t3, t4) followed by a second one (t1, t4, t5, t6).
    TwoStep,
    /// Two adjacent stretches swap places.
    Swap,
    /// Two adjacent stretches are each reversed in place.
    BothReversed,
}

impl Kind {
    /// Reconnects `t` by breaking (t1, t2), (t3, t4), (t5, t6) and joining (t2, t3), (t4, t5),
    /// (t6, t1), as reversals.
    fn apply(self, t: &mut Tour, [t1, t2, t3, t4, t5, t6]: [u32; 6]) {
        match self {
            Kind::TwoStep => {
                t.two_opt(t1, t2, t4, t3);
                t.two_opt(t1, t4, t6, t5);
            }
            Kind::Swap => {
                // t1 [t2..t5] [t6..t3] t4 -> t1 [t6..t3] [t2..t5] t4.
                t.two_opt(t1, t2, t5, t6);
                t.two_opt(t2, t6, t3, t4);
                t.two_opt(t1, t5, t6, t4);
            }
            Kind::BothReversed => {
                // t1 [t2..t6] [t5..t3] t4 -> t1 [t6..t2] [t3..t5] t4.
                t.two_opt(t1, t2, t6, t5);
                t.two_opt(t2, t5, t3, t4);
            }
        }
    }
}

#[cfg(test)]
mod test {
    use super::*;
    use crate::routing::tsp::exact::test::random_case;
    use crate::routing::tsp::local::with_distances;
    use crate::routing::tsp::neighbours::closed_lists;
    use crate::routing::tsp::tour::test::{assert_consistent, edges};

    /// Every move found from random tours: a permutation, exactly the promised change in
    /// length, the promised edges gone and added, and the constraints kept.
    #[test]
    fn moves_shorten_by_what_they_say_and_keep_a_tour() {
        let mut rng = fastrand::Rng::with_seed(5);
        let mut found = 0;
        for round in 0..60 {
            let n = [9, 12, 30, 80][round % 4];
            let (p, cycle) = random_case(round, n, &mut rng);
            let c = Closed::new(&p);
            let lists = with_distances(&c, &closed_lists(&c, 8));
            let mut t = Tour::new(crate::routing::tsp::construct::closed_tour(&c, &cycle));
            assert!(c.direction(&t).is_some());
            for _ in 0..200 {
                let v = rng.u32(0..c.n as u32);
                let before = c.length(&t);
                let old = edges(&t);
                let Some((delta, [t1, t2, t3, t4, t5, t6])) =
                    or3opt(&c, &lists, &mut t, v, c.constrained())
                else {
                    continue;
                };
                found += 1;
                let after = c.length(&t);
                assert!(delta < 0.0);
                assert!(
                    (before + delta - after).abs() < 1e-6,
                    "{before} {delta} {after}"
                );
                assert_consistent(&t);
                // The new edges are the old ones less (t1, t2), (t3, t4), (t5, t6), plus (t2, t3),
                // (t4, t5), (t6, t1) (an edge may be both: then the move is a 2-opt move).
                let e = |a: u32, b: u32| (a.min(b), a.max(b));
                let mut expect = old.clone();
                for (a, b) in [(t1, t2), (t3, t4), (t5, t6)] {
                    let i = expect
                        .iter()
                        .position(|&x| x == e(a, b))
                        .expect("removed edge");
                    expect.remove(i);
                }
                expect.extend([e(t2, t3), e(t4, t5), e(t6, t1)]);
                expect.sort();
                assert_eq!(edges(&t), expect);
                assert!(c.direction(&t).is_some(), "constraints kept");
                assert!(p.is_feasible(&c.read(&t)));
                t.clear_journal();
            }
        }
        assert!(found > 200, "only {found} moves found");
    }

    /// Two swapped stretches of four nodes on a line (x A B y with B's ends next to x and y) are
    /// put back in order by Or-3opt moves alone, each keeping the fixed ends.
    #[test]
    fn puts_swapped_stretches_back() {
        // Points on a line: 0 1 2 3 [8 9 10 11] 4 5 6 7 12 13 ... visited as listed.
        let n = 20;
        let mut order: Vec<u32> = (0..4).collect();
        order.extend(8..12);
        order.extend(4..8);
        order.extend(12..n as u32);
        let p = crate::routing::tsp::Problem::new(n, |i, j| (i as f64 - j as f64).abs());
        let p = p.start(0).end(n - 1);
        let c = Closed::new(&p);
        let lists = with_distances(&c, &closed_lists(&c, 6));
        let mut closed = order.clone();
        closed.push(n as u32);
        let mut t = Tour::new(closed);
        let mut moves = 0;
        while (0..=n as u32).any(|v| or3opt(&c, &lists, &mut t, v, true).is_some()) {
            moves += 1;
            t.clear_journal();
            assert!(p.is_feasible(&c.read(&t)));
        }
        assert_eq!(c.length(&t), (n - 1) as f64, "sorted");
        assert!(moves <= 3, "{moves} moves");
    }
}
