//! Cues that put the traveller at a place without a travel verb before it: a venue's town
//! (`at Nagai Stadium in Osaka`), `X, where she will ...`, `update from X`.

use super::{Cue, Decision, Role, Sentence, cue};
use crate::extract::cue_words::*;
use crate::extract::mentions::Mention;

impl Sentence<'_> {
    /// `at Nagai Stadium in Osaka`, `Arrival at Haneda Airport, Tokyo`: the cue of the venue
    /// (`p` at `in` or `,` after it) goes to the town.
    pub(super) fn venue_cue(&self, m: &Mention, p: usize, out: &[Decision]) -> Option<Cue> {
        if !matches!(self.w(p), "in" | ",") {
            return None;
        }
        let mut q = p.checked_sub(1)?;
        let mut names = 0;
        while self.tokens.get(q)?.is_capitalised()
            || (names > 0 && matches!(self.w(q), "of" | "de" | "the" | "dos" | "del" | "-"))
        {
            names += 1;
            if names > 6 {
                return None;
            }
            q = q.checked_sub(1)?;
        }
        if names == 0 || !matches!(self.w(q), "at" | "to" | "from" | "in") {
            return None;
        }
        // The venue must not hold a place of its own (`Seoul Air Base, Seongnam`).
        if self.mentions.iter().any(|o| o.first > q && o.last < p) {
            return None;
        }
        let mut c = self.cue_before(m, q, out)?;
        c.phrase = format!("{} (at a venue)", c.phrase);
        Some(c)
    }

    /// `X, where she will meet ...`: something the traveller does there.
    pub(super) fn where_after(&self, m: &Mention) -> Option<Cue> {
        let w = |i: usize| self.w(i);
        if w(m.last + 1) != "," || w(m.last + 2) != "where" {
            return None;
        }
        matches!(
            w(m.last + 3),
            "he" | "she" | "they" | "we" | "i" | "the" | "his" | "her" | "their"
        )
        .then(|| cue("X, where ...".into(), 0.65, Role::Visit, None, m.last + 2))
    }

    /// `update from a very rainy Kraków`: where the writer is, past an article and adjectives.
    pub(super) fn here_cue(&self, m: &Mention) -> Option<Cue> {
        let lo = m.first.saturating_sub(6);
        let from = (lo..m.first).rev().find(|&k| self.w(k) == "from")?;
        let plain = (from + 1..m.first).all(|k| {
            self.tokens[k].kind == crate::extract::tokens::Kind::Word
                && !self.tokens[k].is_capitalised()
        });
        let prev = from.checked_sub(1).map(|k| self.w(k)).unwrap_or("");
        (plain && HERE_WORDS.contains(&prev))
            .then(|| cue(format!("{prev} from"), 0.6, Role::Visit, None, from - 1))
    }
}
