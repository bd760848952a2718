//! Iterated local search: kick the tour (a local double bridge), re-optimise around the kick,
//! keep the result if it is no longer than before, else undo it. Runs until the time limit or
//! the iteration limit; deterministic for a seed (apart from where the time limit cuts it off).

use super::closed::Closed;
use super::local::Local;
use super::perturb::double_bridge;
use super::tour::Tour;
use std::time::Instant;

/// Longest stretch a kick moves.
const KICK_LEN: usize = 30;

/// What a run of iterated local search did.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct IlsStats {
    /// Kicks tried.
    pub iterations: u64,
    /// Kicks kept.
    pub accepted: u64,
}

/// Improves `t` (a local optimum of length `len`) by iterated local search; returns the new
/// length. `progress(fraction_of_time, length)` is called now and then.
#[allow(clippy::too_many_arguments)]
pub(crate) fn iterate(
    c: &Closed,
    ls: &mut Local,
    t: &mut Tour,
    mut len: f64,
    rng: &mut fastrand::Rng,
    deadline: Instant,
    max_iterations: u64,
    progress: &mut dyn FnMut(f64, f64),
) -> (f64, IlsStats) {
    let started = Instant::now();
    let total = deadline
        .saturating_duration_since(started)
        .as_secs_f64()
        .max(1e-9);
    let mut stats = IlsStats::default();
    let check = c.constrained();
    while stats.iterations < max_iterations {
        if stats.iterations.is_multiple_of(64) {
            let now = Instant::now();
            if now >= deadline {
                break;
            }
            if stats.iterations.is_multiple_of(4096) {
                progress(now.duration_since(started).as_secs_f64() / total, len);
            }
        }
        stats.iterations += 1;
        t.clear_journal();
        let Some(touched) = kick(c, t, rng) else {
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
        if new <= len + 1e-9 * len.abs().max(1.0) {
            if new < len {
                stats.accepted += 1;
            }
            len = new;
        } else {
            t.undo_to(0);
        }
    }
    t.clear_journal();
    progress(1.0, len);
    (len, stats)
}

/// A double bridge and its change in length.
fn kick(c: &Closed, t: &mut Tour, rng: &mut fastrand::Rng) -> Option<([u32; 6], f64)> {
    let max_len = KICK_LEN.min(t.len() / 4).max(1);
    let touched = double_bridge(t, rng, max_len)?;
    let [x, a1, a2, b1, b2, y] = touched;
    let removed = c.d(x, a1) + c.d(a2, b1) + c.d(b2, y);
    let added = c.d(x, b1) + c.d(b2, a1) + c.d(a2, y);
    Some((touched, added - removed))
}
