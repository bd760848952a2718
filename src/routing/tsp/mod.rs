//! A travelling-salesman solver: a [`Problem`] (nodes, a distance, fixed ends, round trip,
//! precedence chain) in, the shortest order it can find out.
//!
//! Up to [`EXACT_MAX`] nodes the order is proven optimal (Held–Karp dynamic programming). Above
//! that: greedy-edge construction, 2-opt + Or-3opt + Lin–Kernighan-style local search with
//! candidate lists and a queue of nodes to look at, then iterated local search with local
//! double-bridge kicks until the time limit. [`lower_bound`] gives a Held–Karp 1-tree bound to say how close a tour is to optimal.
//!
//! ```
//! use tripmap::routing::tsp::{Options, Problem, solve};
//! // Five points on a line, visited from the left end.
//! let x: [f64; 5] = [0.0, 4.0, 1.0, 3.0, 2.0];
//! let p = Problem::new(5, move |i, j| (x[i] - x[j]).abs()).start(0);
//! let s = solve(&p, &Options::default()).unwrap();
//! assert_eq!(s.order, vec![0, 2, 4, 3, 1]);
//! assert_eq!(s.length, 4.0);
//! assert!(s.optimal);
//! ```

mod bound;
mod closed;
mod construct;
mod error;
mod exact;
mod ils;
mod lk;
mod local;
mod neighbours;
mod or3opt;
mod perturb;
mod problem;
mod tour;
pub mod tsplib;

pub use bound::{BOUND_MAX, lower_bound};
pub use error::TspError;
pub use exact::{EXACT_MAX, held_karp};
pub use neighbours::nearest;
pub use problem::{
    DistFn, EARTH_RADIUS_M, GEODESIC_MAX, MATRIX_MAX, MAX_NODES, Problem, unit_vector,
};

use std::time::{Duration, Instant};

/// Candidate list length (chosen on the TSPLIB table: 12 beat 8, 10, 14 and 16 with Or-3opt).
const NEIGHBOURS: usize = 12;

/// How long and how to search.
#[derive(Debug, Clone)]
pub struct Options {
    /// Seed of the random kicks; the same seed gives the same tour when the iteration limit,
    /// not the time limit, ends the search.
    pub seed: u64,
    /// Wall-clock budget for the whole solve (construction, local search and kicks).
    pub time_limit: Duration,
    /// At most this many kicks (`u64::MAX`: until the time limit).
    pub max_iterations: u64,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            seed: 0,
            time_limit: Duration::from_secs(1),
            max_iterations: u64::MAX,
        }
    }
}

/// An order and what is known about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Solution {
    /// Every node once, in visiting order (a round trip returns from the last to the first).
    pub order: Vec<usize>,
    /// Length of the order under the problem's distance (closing edge included for round trips).
    pub length: f64,
    /// Proven optimal (solved exactly).
    pub optimal: bool,
    /// Neither 2-opt, Or-3opt nor a Lin–Kernighan chain can shorten it (always true unless the
    /// time limit cut the first local search short).
    pub local_optimum: bool,
    /// Kicks tried by iterated local search.
    pub iterations: u64,
}

/// Solves `p` within `opts`. Errors only when the constraints contradict each other or the
/// problem is too large ([`MAX_NODES`]).
pub fn solve(p: &Problem, opts: &Options) -> Result<Solution, TspError> {
    solve_with_progress(p, opts, &mut |_, _| {})
}

/// [`solve`], calling `progress(fraction of the time limit used, current length)` during the
/// search.
pub fn solve_with_progress(
    p: &Problem,
    opts: &Options,
    progress: &mut dyn FnMut(f64, f64),
) -> Result<Solution, TspError> {
    p.validate()?;
    let now = Instant::now();
    // A limit too large to add (centuries) means no limit: a year is as good.
    let deadline = now
        .checked_add(opts.time_limit)
        .unwrap_or_else(|| now + Duration::from_secs(365 * 86_400));
    if let Some((order, length)) = held_karp(p) {
        return Ok(Solution {
            order,
            length,
            optimal: true,
            local_optimum: true,
            iterations: 0,
        });
    }
    Ok(heuristic(p, opts, deadline, progress))
}

/// Construction, local search and iterated local search (for any size with at least one node).
fn heuristic(
    p: &Problem,
    opts: &Options,
    deadline: Instant,
    progress: &mut dyn FnMut(f64, f64),
) -> Solution {
    let lists_real = nearest(p, NEIGHBOURS);
    let cycle = construct::greedy_edge(p, &lists_real);
    let c = closed::Closed::new(p);
    let lists = neighbours::closed_lists(&c, NEIGHBOURS);
    let mut t = tour::Tour::new(construct::closed_tour(&c, &cycle));
    debug_assert!(
        c.direction(&t).is_some(),
        "construction keeps the constraints"
    );
    let mut ls = local::Local::new(&c, &lists);
    let (_, local_optimum) = ls.optimise_all(&mut t, Some(deadline));
    t.clear_journal();
    let mut rng = fastrand::Rng::with_seed(opts.seed);
    let len = c.length(&t);
    let budget = ils::Budget {
        deadline,
        max_iterations: opts.max_iterations,
    };
    let (_, stats) = ils::iterate(&c, &mut ls, &mut t, len, &mut rng, budget, progress);
    let order = c.read(&t);
    Solution {
        length: p.length(&order),
        order,
        optimal: false,
        local_optimum,
        iterations: stats.iterations,
    }
}

#[cfg(test)]
mod test {
    use super::exact::test::random_plane;
    use super::*;

    fn quick() -> Options {
        Options {
            seed: 1,
            time_limit: Duration::from_secs(5),
            max_iterations: 2_000,
        }
    }

    #[test]
    fn tiny_problems_are_trivial() {
        for n in 0..3 {
            let p = Problem::new(n, |i, j| i.abs_diff(j) as f64);
            for q in [
                p.clone(),
                p.clone().round_trip(),
                p.clone().start(n.max(1) - 1),
            ]
            .into_iter()
            .take(2 + usize::from(n > 0))
            {
                let s = solve(&q, &quick()).unwrap();
                assert!(q.is_feasible(&s.order), "{q:?}: {:?}", s.order);
                assert!(s.optimal);
            }
        }
    }

    #[test]
    fn heuristic_keeps_constraints_and_is_deterministic() {
        let mut rng = fastrand::Rng::with_seed(2);
        let base = random_plane(150, &mut rng);
        for p in [
            base.clone(),
            base.clone().start(4),
            base.clone().start(4).end(9),
            base.clone().end(9),
            base.clone().round_trip().start(17),
            base.clone().start(0).precedence(vec![0, 30, 10, 20, 140]),
            base.clone().precedence((0..150).step_by(7).collect()),
            base.clone().round_trip().precedence(vec![5, 6, 7]),
            base.clone().end(9).precedence(vec![1, 2, 3, 9]),
            base.clone()
                .start(1)
                .end(2)
                .precedence(vec![1, 50, 60, 70, 80, 2]),
        ] {
            let a = solve(&p, &quick()).unwrap();
            assert!(p.is_feasible(&a.order), "{p:?}");
            assert!((p.length(&a.order) - a.length).abs() < 1e-9);
            assert!(a.local_optimum);
            let b = solve(&p, &quick()).unwrap();
            assert_eq!(a.order, b.order, "same seed, same order");
        }
    }

    #[test]
    fn heuristic_finds_the_optimum_of_small_instances() {
        let mut rng = fastrand::Rng::with_seed(9);
        for k in 0..12 {
            let mut p = random_plane(EXACT_MAX, &mut rng);
            p = match k % 4 {
                0 => p,
                1 => p.round_trip(),
                2 => p.start(1).end(2),
                _ => p.start(0).precedence(vec![3, 4, 5]),
            };
            let (_, opt) = held_karp(&p).unwrap();
            let s = heuristic(
                &p,
                &quick(),
                Instant::now() + Duration::from_secs(5),
                &mut |_, _| {},
            );
            assert!(p.is_feasible(&s.order));
            assert!(
                (s.length - opt).abs() < 1e-9,
                "{p:?}: {} vs optimum {opt}",
                s.length
            );
        }
    }

    #[test]
    fn duplicate_points_are_fine() {
        let p = Problem::new(60, |i, j| ((i % 3) as f64 - (j % 3) as f64).abs());
        let s = solve(&p, &quick()).unwrap();
        assert!(p.is_feasible(&s.order));
        assert_eq!(s.length, 2.0);
    }
}
