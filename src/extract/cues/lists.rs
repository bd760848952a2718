//! Lists: a place after another in a list takes the list's cue (`visits to A, B, and C`), or is
//! only its qualifier (`Paris, France`).

use super::{Cue, Decision, Order, Role, Sentence, cue};
use crate::extract::cue_words::*;
use crate::extract::mentions::What;
use crate::extract::places::Place;

/// What a list before a mention says about it.
pub(super) enum ListCue {
    /// It takes the list's cue.
    Cue(Cue),
    /// Decided by the list: a qualifier (`Paris, France`), or part of a negated or earlier trip.
    Decided(Decision),
}

impl Sentence<'_> {
    /// A list before the mention, `p` being the token right before it: "visits to A, B, and C",
    /// "Paris, France, and Berlin". `place` is the mention's place.
    pub(super) fn list_cue(&self, p: usize, place: &Place, out: &[Decision]) -> Option<ListCue> {
        let mut q = p as isize;
        while q >= 0 && SEPARATORS.contains(&self.w(q as usize)) {
            q -= 1;
        }
        // "Guatemala City on Monday and San Salvador on Wednesday": past the day of the item
        // before.
        if q >= 0
            && let Some(d) = self.dates.iter().find(|d| d.last == q as usize)
        {
            q = d.first as isize - 1;
            if q >= 0 && self.w(q as usize) == "on" {
                q -= 1;
            }
        }
        // "Jordan, the West Bank, Iraq": a "the" before a country or territory.
        if q >= 0
            && (q as usize) < p
            && self.w(q as usize) == "the"
            && place.scope != crate::extract::places::Scope::City
        {
            q -= 1;
        }
        if q < 0 || (q as usize) >= p {
            return None;
        }
        let prevm = self.mention_ending_at(q as usize)?;
        let qualifier = matches!(&self.mentions[prevm].what, What::Place(c) if c.country == place.country && c.scope < place.scope)
            && self.w(p) == ",";
        if qualifier {
            let why = format!("qualifies {}", self.mentions[prevm].text);
            return Some(ListCue::Decided(Decision::Mentioned(why)));
        }
        // Walk back over qualifiers to the list's stop.
        let mut r = prevm;
        while let Some(Decision::Mentioned(why)) = out.get(r) {
            if why.starts_with("qualifies") && r > 0 {
                r -= 1;
            } else {
                break;
            }
        }
        match out.get(r) {
            Some(Decision::Stop {
                cue: listed,
                confidence,
                role,
                order,
                at,
                ..
            }) if *role != Role::DepartFrom && !listed.contains("X") => {
                let root = listed.strip_prefix("list after ").unwrap_or(listed);
                let phrase = format!("list after {root}");
                let mut c = cue(phrase, *confidence, *role, None, usize::MAX);
                // A list after "ends in" is not all last; after "already visited", all earlier.
                c.order = Some(if *order == Order::Earlier {
                    Order::Earlier
                } else {
                    Order::Text
                });
                c.subject_at = Some(*at);
                Some(ListCue::Cue(c))
            }
            Some(Decision::Mentioned(why))
                if why.starts_with("negated")
                    || why.starts_with("an earlier")
                    || why.starts_with("a wish") =>
            {
                Some(ListCue::Decided(Decision::Mentioned(why.clone())))
            }
            _ => None,
        }
    }
}
