//! `in X` and `at X` cues: `arrived in`, `was in`, `three days in`, `back in`, `end her tour in`,
//! a place and a day in an event sentence, `met ... in`.

use super::events::meet_before;
use super::{Cue, Order, Role, Sentence, cue};
use crate::extract::cue_words::*;
use crate::extract::mentions::Mention;

impl Sentence<'_> {
    /// `in X`/`at X`, `p` at the preposition: `arrived in`, `was in`, `three days in`, `back in`,
    /// `end her tour in`, a place and a day in an event sentence, `met ... in`.
    pub(super) fn in_cue(&self, m: &Mention, p: usize) -> Option<Cue> {
        let q = self.verb_before_in(p)?;
        self.wrapped_up_in(q)
            .or_else(|| self.verb_in(p, q))
            .or_else(|| self.stay_in(q))
            .or_else(|| self.trip_ends_in(q))
            .or_else(|| self.event_day_in(m, p))
            .or_else(|| self.met_in(q))
    }

    /// The word before `in`/`at` (at `p`) that may cue it: past a day (`met today in`, `wrapped
    /// up the tour on Sunday in`) and one adverb (`arrived late in`).
    fn verb_before_in(&self, p: usize) -> Option<usize> {
        let w = |i: usize| self.w(i);
        let mut q = p.checked_sub(1)?;
        // "met today in Manila", "wrapped up the tour on Sunday in Suva": past the day.
        if let Some(d) = self.dates.iter().find(|d| d.last == q && d.first > 0) {
            q = d.first - 1;
            if w(q) == "on" && q > 0 {
                q -= 1;
            }
        }
        // "arrived late in", "landed safely in": one adverb between.
        if w(q).ends_with("ly") && w(q).len() > 3 && q > 0 && !self.tokens[q].is_capitalised() {
            q -= 1;
        }
        Some(q)
    }

    /// `wrapped up in Suva`, `ended up in`: the end of the trip (`q` at `up`).
    fn wrapped_up_in(&self, q: usize) -> Option<Cue> {
        let w = |i: usize| self.w(i);
        if !(w(q) == "up" && q > 0 && UP_VERBS.contains(&w(q - 1))) {
            return None;
        }
        let mut c = cue(
            format!("{} up in", w(q - 1)),
            0.85,
            Role::Visit,
            None,
            q - 1,
        );
        c.order = Some(Order::Last);
        Some(c)
    }

    /// A verb right before `in`/`at` (`p`): `called at`, `arrived in`, `was in`, `back in`.
    fn verb_in(&self, p: usize, q: usize) -> Option<Cue> {
        let verb = self.w(q);
        if self.w(p) == "at" && CALL_VERBS.contains(&verb) {
            return Some(cue(format!("{verb} at"), 0.85, Role::Visit, None, q));
        }
        if IN_VERBS.contains(&verb) {
            return Some(cue(format!("{verb} in"), 0.9, Role::Visit, None, q));
        }
        if PRESENCE.contains(&verb) {
            return Some(cue(format!("{verb} in"), 0.6, Role::Visit, None, q));
        }
        if RETURN_WORDS.contains(&verb) {
            return Some(cue(format!("{verb} in"), 0.85, Role::Return, None, q));
        }
        None
    }

    /// A counted stay: `spent three days in`, `a few nights in`, `six hours in` (`q` at the noun).
    fn stay_in(&self, q: usize) -> Option<Cue> {
        let verb = self.w(q);
        if !STAY_NOUNS.contains(&verb) {
            return None;
        }
        let count = q.checked_sub(1).map(|i| self.w(i)).unwrap_or("");
        let counted = count.chars().all(|c| c.is_ascii_digit()) || STAY_COUNTS.contains(&count);
        counted.then(|| cue(format!("{count} {verb} in"), 0.75, Role::Visit, None, q - 1))
    }

    /// `will end her tour in Accra`, `wrapped up a five-nation tour in`: a first or last verb a few
    /// words before the trip noun at `q`.
    fn trip_ends_in(&self, q: usize) -> Option<Cue> {
        let w = |i: usize| self.w(i);
        let verb = w(q);
        if !(TRIP_FRAME.contains(&verb) || TRIP_NOUNS.contains(&verb)) {
            return None;
        }
        let lo = q.saturating_sub(5);
        let k = (lo..q).rev().find(|&k| {
            LAST_WORDS.contains(&w(k))
                || FIRST_VERBS.contains(&w(k))
                || (w(k) == "up" && k > 0 && UP_VERBS.contains(&w(k - 1)))
        })?;
        let mut c = cue(
            format!("{} ... {verb} in", w(k)),
            0.85,
            Role::Visit,
            None,
            k,
        );
        c.order = Some(if FIRST_VERBS.contains(&w(k)) {
            Order::First
        } else {
            Order::Last
        });
        Some(c)
    }

    /// `in X on Saturday` in a sentence about an event: a place and a day.
    fn event_day_in(&self, m: &Mention, p: usize) -> Option<Cue> {
        let d = self
            .dates
            .iter()
            .find(|d| d.first > m.last && d.first <= m.last + 3)?;
        if !self.low.iter().any(|x| EVENTS.contains(&x.as_str())) {
            return None;
        }
        let phrase = format!("in X + a day ({})", d.text);
        Some(cue(phrase, 0.7, Role::Visit, None, p))
    }

    /// `met [with the minister ...] in X` (`q` the word before `in`).
    fn met_in(&self, q: usize) -> Option<Cue> {
        let meet = meet_before(&self.low, self.tokens, q + 1)?;
        Some(cue(
            format!("{} ... in X", self.w(meet)),
            0.7,
            Role::Visit,
            None,
            meet,
        ))
    }
}
