//! Cues in the words right before a mention, chosen by the preposition there: `to`, `in`/`at`,
//! `for`, `from`, `of`, `via`, `through`, `Next stop:` and the verbs that take a place directly.

use super::{Cue, Decision, Order, Role, Sentence, cue};
use crate::extract::cue_words::*;
use crate::extract::mentions::Mention;

impl Sentence<'_> {
    /// The cue in the words before mention `m`, `p` being the token right before it (past
    /// "the"): `flew to`, `arrived in`, `left X for`, `visited`.
    pub(super) fn cue_before(&self, m: &Mention, p: usize, out: &[Decision]) -> Option<Cue> {
        let w = |i: usize| self.w(i);
        let prev = p.checked_sub(1).map(w).unwrap_or("");
        match w(p) {
            "to" | "into" | "towards" => self.to_cue(p, out),
            "in" | "at" => self.in_cue(m, p),
            "for" => self.for_cue(p, out),
            "from" => self.leaving_cue(p, out),
            "of" if TRIP_NOUNS.contains(&prev) || TRIP_FRAME.contains(&prev) => {
                // "his tour of Chile, Peru and Ecuador".
                Some(cue(format!("{prev} of"), 0.8, Role::Visit, None, p - 1))
            }
            "of" if prev == "out" => {
                let verb = p.checked_sub(2).map(w).unwrap_or("");
                (TO_VERBS.contains(&verb) || LEAVE_VERBS.contains(&verb))
                    .then(|| cue(format!("{verb} out of"), 0.8, Role::DepartFrom, None, p - 2))
            }
            "via" => Some(cue("via".into(), 0.75, Role::Visit, None, p)),
            // "Next stop: Salzburg", "First stop: Nairobi".
            ":" if matches!(prev, "stop" | "destination" | "leg") => {
                let which = p.checked_sub(2).map(w).unwrap_or("");
                let mut c = cue(format!("{which} {prev}:"), 0.8, Role::Visit, None, p - 1);
                c.order = Some(match which {
                    "first" => Order::First,
                    "last" | "final" => Order::Last,
                    _ => Order::Text,
                });
                Some(c)
            }
            "through" if THROUGH_WORDS.contains(&prev) => Some(cue(
                format!("{prev} through"),
                0.7,
                Role::Visit,
                None,
                p - 1,
            )),
            v if DIRECT_VERBS.contains(&v) => Some(cue(v.to_string(), 0.85, Role::Visit, None, p)),
            v if INCLUDE_VERBS.contains(&v) => {
                // "a tour that includes Oslo": a trip is what includes it.
                let lo = p.saturating_sub(6);
                (lo..p)
                    .any(|q| TRIP_NOUNS.contains(&w(q)) || TRIP_FRAME.contains(&w(q)))
                    .then(|| cue(v.to_string(), 0.75, Role::Visit, None, p))
            }
            v if LEAVE_VERBS.contains(&v) => {
                Some(cue(v.to_string(), 0.85, Role::DepartFrom, None, p))
            }
            _ => None,
        }
    }

    /// `to Y`, `p` at `to`: the verb before it (past adverbs and `by plane`), or `from X to Y`.
    pub(super) fn to_cue(&self, p: usize, out: &[Decision]) -> Option<Cue> {
        let w = |i: usize| self.w(i);
        let v = self.verb_before_to(p);
        let verb = v.map(w).unwrap_or("");
        // "from X to Y", also "from X International Airport to Y".
        if let Some(from) = v.and_then(|v| self.departing_before(v, out)) {
            let frame = match out.get(from) {
                Some(Decision::Stop { cue, .. }) => cue
                    .split(' ')
                    .next()
                    .is_some_and(|first| TRIP_FRAME.contains(&first)),
                _ => false,
            };
            let mut c = cue("from X to Y".into(), 0.85, Role::Visit, Some(from), p);
            if frame {
                // "our road trip from Leeds to Inverness": the end of the whole trip.
                c.phrase = "trip from X to Y".into();
                c.order = Some(Order::Last);
            }
            return Some(c);
        }
        let start = v.unwrap_or(p);
        if RETURN_WORDS.contains(&verb) {
            return Some(cue(format!("{verb} to"), 0.85, Role::Return, None, start));
        }
        if TO_VERBS.contains(&verb) {
            return Some(cue(format!("{verb} to"), 0.8, Role::Visit, None, start));
        }
        if matches!(verb, "and" | "," | "also")
            && let Some((earlier, confidence, at)) = out.iter().rev().find_map(|d| match d {
                Decision::Stop {
                    cue,
                    confidence,
                    role: Role::Visit,
                    at,
                    ..
                } => Some((cue, *confidence, *at)),
                _ => None,
            })
        {
            // "travel to Tashkent on May 7, and to Bishkek on May 8".
            let root = earlier.strip_prefix("list after ").unwrap_or(earlier);
            let mut c = cue(
                format!("list after {root}"),
                confidence,
                Role::Visit,
                None,
                usize::MAX,
            );
            c.order = Some(Order::Text);
            c.subject_at = Some(at);
            return Some(c);
        }
        if OBJECTS.contains(&verb)
            && let Some(t) = v.and_then(|v| v.checked_sub(1))
            && TAKE_VERBS.contains(&w(t))
        {
            let phrase = format!("{} {verb} to", w(t));
            return Some(cue(phrase, 0.8, Role::Visit, None, t));
        }
        None
    }

    /// The verb of `to` at `p`: the word before it past adverbs (`flew back to`), `by plane`, and a
    /// route between the verb and `to` (`took us east along the south coast to Vik`).
    fn verb_before_to(&self, p: usize) -> Option<usize> {
        let w = |i: usize| self.w(i);
        let mut v = p.checked_sub(1);
        while let Some(k) = v {
            if SKIPPED_BEFORE_TO.contains(&w(k)) {
                v = k.checked_sub(1);
            } else if VEHICLES.contains(&w(k)) && k > 0 && w(k - 1) == "by" {
                v = k.checked_sub(2);
            } else {
                break;
            }
        }
        // "took us east along the south coast to Vik": a route between the verb and "to".
        if v.is_some_and(|k| !TO_VERBS.contains(&w(k)) && !RETURN_WORDS.contains(&w(k)))
            && let Some(k) = v
        {
            let lo = k.saturating_sub(ROUTE_SPAN);
            let route = (lo..=k)
                .rev()
                .find(|&j| TO_VERBS.contains(&w(j)) || RETURN_WORDS.contains(&w(j)));
            if let Some(j) = route
                && (j + 1..=k).all(|r| {
                    ROUTE_WORDS.contains(&w(r))
                        || (self.tokens[r].is_capitalised()
                            && self.mention_ending_at(r).is_none()
                            && !self.mentions.iter().any(|m| m.first <= r && r <= m.last))
                })
                && j < k
            {
                v = Some(j);
            }
        }
        v
    }

    /// The departing mention `X` of `from X to`, `v` being the token before `to`: X itself, or X
    /// followed by the rest of an airport's or station's name (`from Rome Fiumicino Airport`).
    pub(super) fn departing_before(&self, v: usize, out: &[Decision]) -> Option<usize> {
        if let Some(from) = self.mention_ending_at(v)
            && Self::departs(out, from)
        {
            return Some(from);
        }
        let mut k = v;
        for _ in 0..5 {
            if !self.tokens.get(k)?.is_capitalised() {
                return None;
            }
            k = k.checked_sub(1)?;
            if let Some(from) = self.mention_ending_at(k)
                && Self::departs(out, from)
            {
                return Some(from);
            }
        }
        None
    }
}
