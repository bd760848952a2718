//! Departure cues: `left X for Y`, `bound for Y`, `flew from X`, `from X to Y, from Y to Z`.

use super::{Cue, Decision, Order, Role, Sentence, cue};
use crate::extract::cue_words::*;

impl Sentence<'_> {
    /// `for Y`, `p` at `for`: `left X for Y`, `depart X on May 4 for Y`, `bound for`.
    pub(super) fn for_cue(&self, p: usize, out: &[Decision]) -> Option<Cue> {
        let w = |i: usize| self.w(i);
        let prev = p.checked_sub(1).map(w).unwrap_or("");
        // The place left, right before `for` or before a day: `depart X on May 4 for Y`.
        let mut q = p.checked_sub(1);
        if let Some(d) = self.dates.iter().find(|d| Some(d.last) == q) {
            q = d.first.checked_sub(1);
            if q.is_some_and(|q| w(q) == "on") {
                q = q.and_then(|q| q.checked_sub(1));
            }
        }
        // "Departure from Porto Airport for Brussels": past the airport's name.
        if let Some(from) = q.and_then(|q| self.departing_before(q, out)) {
            return Some(cue("left X for Y".into(), 0.9, Role::Visit, Some(from), p));
        }
        matches!(
            prev,
            "bound"
                | "headed"
                | "leaves"
                | "left"
                | "departed"
                | "departs"
                | "depart"
                | "departure"
                | "leave"
                | "leaving"
        )
        .then(|| cue(format!("{prev} for"), 0.8, Role::Visit, None, p - 1))
    }

    /// `from X`, `p` at `from`: `flew from`, `left from`, `a road trip from`, `update from`,
    /// and `from X to Y, from Y to Z`.
    pub(super) fn leaving_cue(&self, p: usize, out: &[Decision]) -> Option<Cue> {
        let w = |i: usize| self.w(i);
        let prev = p.checked_sub(1).map(w).unwrap_or("");
        let got_in = prev == "in"
            && matches!(
                p.checked_sub(2).map(w),
                Some("got" | "get" | "gets" | "getting")
            );
        if TO_VERBS.contains(&prev) || LEAVE_VERBS.contains(&prev) || prev == "home" || got_in {
            let mut c = cue(format!("{prev} from"), 0.8, Role::DepartFrom, None, p - 1);
            if TRIP_FRAME.contains(&prev) {
                c.order = Some(Order::First);
            }
            return Some(c);
        }
        if HERE_WORDS.contains(&prev) {
            return Some(cue(format!("{prev} from"), 0.6, Role::Visit, None, p - 1));
        }
        // "flew to Canberra from Wellington": where the traveller came from.
        if let Some(x) = p.checked_sub(1).and_then(|q| self.mention_ending_at(q))
            && matches!(
                out.get(x),
                Some(Decision::Stop {
                    role: Role::Visit,
                    ..
                })
            )
        {
            return Some(cue("to X from Y".into(), 0.8, Role::DepartFrom, None, p));
        }
        // "flew from A to B on Monday, from B to C on Tuesday".
        if matches!(prev, "," | "and" | "then")
            && (1..p).any(|q| w(q) == "from" && TO_VERBS.contains(&w(q - 1)))
        {
            return Some(cue("from X to Y".into(), 0.8, Role::DepartFrom, None, p));
        }
        None
    }
}
