//! What a cue's words say about its stop's place in the trip: first (`began in`), last
//! (`ends in`, `on the way back`), earlier (`already visited`, `after talks in`).

use super::{Cue, Order, Sentence};
use crate::extract::cue_words::*;

impl Sentence<'_> {
    /// What the words of a cue say about its stop's place in the trip.
    pub(super) fn order_of(&self, found: &Cue) -> Order {
        let w = |i: usize| self.w(i);
        let start = found.start;
        if start == usize::MAX {
            return Order::Text;
        }
        let lo = start.saturating_sub(4);
        // "who has already visited", "has already taken him to" (not "was already in").
        let already = (lo..start).any(|k| {
            ALREADY.contains(&w(k))
                && (k.saturating_sub(2)..k).any(|h| matches!(w(h), "has" | "have" | "had" | "'s"))
        });
        if already || (start.saturating_sub(2)..start).any(|k| w(k) == "after") {
            return Order::Earlier;
        }
        let way = (start.saturating_sub(8)..start)
            .find(|&k| w(k) == "way" && w(k.saturating_sub(1)) == "the")
            .map(|k| w(k + 1));
        if matches!(way, Some("back" | "home")) {
            return Order::Last;
        }
        if matches!(way, Some("out" | "there")) {
            return Order::First;
        }
        let verb = w(start);
        if FIRST_VERBS.contains(&verb) || (lo..start).any(|k| w(k) == "first") {
            return Order::First;
        }
        let up = |k: usize| w(k) == "up" && k > 0 && UP_VERBS.contains(&w(k - 1));
        // "began in Singapore last Thursday and continued in": a day's "last" says nothing.
        let in_date = |k: usize| self.dates.iter().any(|d| d.first <= k && k <= d.last);
        let last_word = |k: usize| !in_date(k) && (LAST_WORDS.contains(&w(k)) || up(k));
        if LAST_WORDS.contains(&verb) || (lo..start).any(last_word) {
            return Order::Last;
        }
        Order::Text
    }
}
