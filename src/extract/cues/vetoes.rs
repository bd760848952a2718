//! Why a cue is not this trip's: negated, wished, an earlier or later trip, `instead of X`, or
//! undone afterwards (`was cancelled`).

use super::{Cue, Sentence};
use crate::extract::cue_words::*;
use crate::extract::mentions::Mention;

impl Sentence<'_> {
    /// Why the cue `found` for mention `m` is not a trip of the traveller's: negated, a wish, an
    /// earlier trip, or undone afterwards.
    pub(super) fn not_this_trip(&self, m: &Mention, found: &Cue) -> Option<String> {
        let w = |i: usize| self.w(i);
        let cue = &found.phrase;
        let cue_start = found.start;
        if cue_start != usize::MAX {
            let lo = cue_start.saturating_sub(6);
            if let Some(neg) = (lo..cue_start).map(w).find(|x| NEGATIONS.contains(x)) {
                return Some(format!("negated (`{neg}` before `{cue}`)"));
            }
            if let Some(wish) = (lo..cue_start)
                .filter(|&q| !self.tokens[q].is_capitalised()) // "May 16" is a day
                .map(w)
                .find(|x| WISHES.contains(x))
            {
                return Some(format!("a wish, not a visit (`{wish}` before `{cue}`)"));
            }
            if cue_start > 0 && EARLIER.contains(&w(cue_start - 1)) {
                return Some(format!("an earlier trip (`{} {cue}`)", w(cue_start - 1)));
            }
            // "since the OPEC meeting in Vienna": an event before the trip.
            if (cue_start.saturating_sub(4)..cue_start).any(|k| w(k) == "since") {
                return Some(format!("an earlier event (`since ... {cue}`)"));
            }
            // "the band's previous tour in 2023 visited".
            if let Some(k) = (lo..cue_start).find(|&k| {
                EARLIER.contains(&w(k))
                    && (TRIP_NOUNS.contains(&w(k + 1)) || TRIP_FRAME.contains(&w(k + 1)))
            }) {
                return Some(format!("an earlier trip (`{} {}`)", w(k), w(k + 1)));
            }
        }
        if let Some(why) = self.instead_of(m) {
            return Some(why);
        }
        self.undone_after(m, cue)
    }

    /// `instead of X`, `rather than X`: X is what was not done.
    pub(super) fn instead_of(&self, m: &Mention) -> Option<String> {
        let w = |i: usize| self.w(i);
        let mut k = m.first;
        if k > 0 && w(k - 1) == "the" {
            k -= 1;
        }
        let pair = (k >= 2).then(|| (w(k - 2), w(k - 1)));
        matches!(pair, Some(("instead", "of") | ("rather", "than")))
            .then(|| format!("not done (`{} {}` ...)", w(k - 2), w(k - 1)))
    }

    /// Why a place without a cue of its own (a listed line, an answer) is not a stop: a negation
    /// before it on its line, or words after it that undo it or date it to another trip.
    pub fn veto(&self, m: &Mention) -> Option<String> {
        let lo = m.first.saturating_sub(6);
        // Not a day's words ("MAY 02") nor a capitalised word ("May").
        let in_date = |k: usize| self.dates.iter().any(|d| d.first <= k && k <= d.last);
        if let Some(neg) = (lo..m.first)
            .filter(|&k| !in_date(k) && !self.tokens[k].is_capitalised())
            .map(|k| self.w(k))
            .find(|x| NEGATIONS.contains(x) || WISHES.contains(x))
        {
            return Some(format!("negated (`{neg}` before it)"));
        }
        self.undone_after(m, "listed")
    }

    /// Words after mention `m` that undo its cue (`was cancelled`, `but ... not`) or put it in
    /// another trip (`last spring`, `the year before`, `earlier this year`, `two years ago`).
    pub(super) fn undone_after(&self, m: &Mention, cue: &str) -> Option<String> {
        let w = |i: usize| self.w(i);
        let end = (m.last + 10).min(self.low.len());
        let clause_end = (m.last + 1..end)
            .find(|&k| matches!(w(k), "." | ";" | "?"))
            .unwrap_or(end);
        for k in m.last + 1..clause_end {
            let next = w(k + 1);
            let earlier = (w(k) == "last" && EARLIER_AFTER.contains(&next))
                || (w(k) == "the"
                    && matches!(next, "year" | "week" | "month")
                    && w(k + 2) == "before")
                || (w(k) == "earlier" && next == "this" && matches!(w(k + 2), "year" | "month"))
                || (matches!(next, "years" | "months" | "weeks") && w(k + 2) == "ago");
            if earlier {
                return Some(format!("an earlier trip (`{cue}` ... `{} {next}`)", w(k)));
            }
            let later = (w(k) == "next" && LATER_AFTER.contains(&next))
                || (w(k) == "later" && next == "this" && LATER_AFTER.contains(&w(k + 2)));
            if later {
                return Some(format!("a later trip (`{cue}` ... `{} {next}`)", w(k)));
            }
        }
        // Undone afterwards: "a visit to Vilnius was cancelled", "stop in X, but it did not".
        let after: Vec<&str> = (m.last + 1..(m.last + 8).min(self.low.len()))
            .map(w)
            .collect();
        if let Some(u) = after.iter().take(6).find(|x| UNDONE_AFTER.contains(x)) {
            return Some(format!("undone (`{cue}` ... `{u}`)"));
        }
        // "stop in X, but it did not" (not "X, but not Y": the negation is Y's).
        if let Some(b) = after.iter().position(|x| *x == "but")
            && let Some(n) = after[b..]
                .iter()
                .position(|x| matches!(*x, "not" | "n't" | "'t" | "never"))
            && !self
                .mentions
                .iter()
                .any(|o| o.first > m.last + 1 + b + n && o.first <= m.last + 4 + b + n)
        {
            return Some(format!("undone (`{cue}` ... `but ... not`)"));
        }
        None
    }
}
