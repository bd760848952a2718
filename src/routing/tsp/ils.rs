//! Iterated local search: kick the tour (a double bridge: three adjacent stretches come back in
//! the opposite order; half the time they are short and random, half the time the four cut points
//! are near each other in space), re-optimise around the kick, keep the result if it is no longer
//! than before (or only a little longer, early in the search), else undo it. Runs until the time
//! limit or the iteration limit; deterministic for a seed (apart from where the time limit cuts it
//! off).

use super::closed::Closed;
use super::local::Local;
use super::perturb::{double_bridge, double_bridge_near};
use super::tour::Tour;
use std::time::Instant;

/// Longest stretch a random-stretch kick moves.
const KICK_LEN: usize = 50;

/// A kicked tour is kept if it is longer by at most this many mean edge lengths times a uniform
/// random number, shrinking linearly to 0 over the search (the best tour seen is returned).
/// Chosen on the TSPLIB table: 0 (accept only no worse) gets stuck; 2 to 5 do best on the
/// 500-1,000 node instances (1 is as good on the small ones).
const ACCEPT_WORSE: f64 = 3.0;

/// What a run of iterated local search did.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct IlsStats {
    /// Kicks tried.
    pub iterations: u64,
    /// Kicks kept.
    pub accepted: u64,
}

/// When iterated local search stops: at the deadline or after `max_iterations` kicks, whichever
/// comes first.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Budget {
    /// Wall-clock end of the search.
    pub deadline: Instant,
    /// Most kicks (`u64::MAX`: until the deadline).
    pub max_iterations: u64,
}

/// Improves `t` (a local optimum of length `len`) by iterated local search within `budget`;
/// returns the new length. `progress(fraction_of_time, length)` is called now and then.
pub(crate) fn iterate(
    c: &Closed,
    ls: &mut Local,
    t: &mut Tour,
    mut len: f64,
    rng: &mut fastrand::Rng,
    budget: Budget,
    progress: &mut dyn FnMut(f64, f64),
) -> (f64, IlsStats) {
    let Budget {
        deadline,
        max_iterations,
    } = budget;
    let started = Instant::now();
    let total = deadline
        .saturating_duration_since(started)
        .as_secs_f64()
        .max(1e-9);
    let mut stats = IlsStats::default();
    let check = c.constrained();
    let mean_edge = mean_edge(c, t);
    let mut best = BestTour::new(len);
    let mut fraction = 0.0;
    while stats.iterations < max_iterations {
        if stats.iterations.is_multiple_of(64) {
            let now = Instant::now();
            if now >= deadline {
                break;
            }
            fraction = if max_iterations == u64::MAX {
                now.duration_since(started).as_secs_f64() / total
            } else {
                stats.iterations as f64 / max_iterations as f64
            };
            if stats.iterations.is_multiple_of(4096) {
                progress(now.duration_since(started).as_secs_f64() / total, len);
            }
        }
        stats.iterations += 1;
        t.clear_journal();
        let Some(touched) = kick(c, ls.lists(), t, rng) else {
            continue;
        };
        if check && c.direction(t).is_none() {
            t.undo_to(0);
            continue;
        }
        let kicked = len + touched.1;
        for v in touched.0 {
            ls.push(v);
        }
        let (delta, _) = ls.run(t, Some(deadline));
        let new = kicked + delta;
        let threshold = ACCEPT_WORSE * mean_edge * (1.0 - fraction) * rng.f64();
        if new <= len + threshold + 1e-9 * len.abs().max(1.0) {
            if new < len {
                stats.accepted += 1;
            }
            best.accept(t, new);
            len = new;
        } else {
            t.undo_to(0);
        }
    }
    t.clear_journal();
    len = best.restore(t, len);
    progress(1.0, len);
    (len, stats)
}

/// Mean length of the edges of `t` between the problem's own nodes (the dummy's edges left
/// out).
fn mean_edge(c: &Closed, t: &Tour) -> f64 {
    let real: Vec<f64> = (0..t.len())
        .map(|i| (t.order[i], t.order[(i + 1) % t.len()]))
        .filter(|&(a, b)| Some(a) != c.dummy && Some(b) != c.dummy)
        .map(|(a, b)| c.d(a, b))
        .collect();
    real.iter().sum::<f64>() / real.len().max(1) as f64
}

/// The shortest tour seen: its length, and its order while the search is on a longer tour.
struct BestTour {
    len: f64,
    /// Set when the search accepted a longer tour than the best; `None` while it is on the best.
    order: Option<Vec<u32>>,
}

impl BestTour {
    /// The start of the search: a tour of length `len`.
    fn new(len: f64) -> Self {
        BestTour { len, order: None }
    }

    /// Notes that the kicked tour `t` (its journal leads back from the tour before the kick),
    /// of length `new`, was accepted.
    fn accept(&mut self, t: &Tour, new: f64) {
        if new > self.len && self.order.is_none() {
            // Leaving the best tour: remember it.
            let mut before = t.clone();
            before.undo_to(0);
            self.order = Some(before.order);
        }
        let best = self.len;
        if new < best - 1e-9 * best.abs().max(1.0) || (new <= best && self.order.is_some()) {
            self.len = new;
            self.order = None;
        }
    }

    /// At the end of the search, on a tour `t` of length `len`: puts the best tour back in `t`
    /// if it is shorter; the length of `t`.
    fn restore(self, t: &mut Tour, len: f64) -> f64 {
        match self.order {
            Some(order) if self.len < len => {
                *t = Tour::new(order);
                self.len
            }
            _ => len,
        }
    }
}

/// A double bridge and its change in length.
fn kick(
    c: &Closed,
    lists: &[Vec<u32>],
    t: &mut Tour,
    rng: &mut fastrand::Rng,
) -> Option<([u32; 8], f64)> {
    let max_len = KICK_LEN.min(t.len() / 4).max(1);
    let touched = if rng.bool() {
        double_bridge_near(t, rng, lists)?
    } else {
        double_bridge(t, rng, max_len)?
    };
    let [x, a1, a2, b1, b2, c1, c2, y] = touched;
    let removed = c.d(x, a1) + c.d(a2, b1) + c.d(b2, c1) + c.d(c2, y);
    let added = c.d(x, c1) + c.d(c2, b1) + c.d(b2, a1) + c.d(a2, y);
    Some((touched, added - removed))
}
