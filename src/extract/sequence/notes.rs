//! What the reader tells the builder besides occurrences (towns to promote, meetings, a day for
//! the last stop, a headline's stops at the front) and what it asks (visited, covers).

use super::builder::{near, new_stop};
use super::*;

impl Builder {
    /// Remembers a town named `in X` without a cue (its first mention).
    pub fn promotable(&mut self, place: u32, segment: usize, pos: usize, evidence: &str) {
        self.promotable
            .entry(place)
            .or_insert_with(|| (segment, pos, evidence.to_string()));
    }

    /// Remembers a meeting with a day (at most [`MAX_MEETINGS`]).
    pub fn meeting(&mut self, m: Meeting) {
        if self.meetings.len() < MAX_MEETINGS {
            self.meetings.push(m);
        }
    }

    /// Whether `place` is a stop so far.
    pub fn visited(&self, place: u32) -> bool {
        self.latest.contains_key(&place)
    }

    /// Whether the stops cover `place`: one is at it (or within [`SITE_RADIUS_M`]), or, for a
    /// country or territory, in it.
    pub fn covers(&self, place: &Place) -> bool {
        self.stops.iter().any(|s| {
            s.place.key == place.key
                || (place.scope != Scope::City && s.place.country == place.country)
                || (place.scope == Scope::City && near(&s.place, place, SITE_RADIUS_M))
        })
    }

    /// Whether the trip has any stop yet.
    pub fn is_empty(&self) -> bool {
        self.stops.is_empty()
    }

    /// Dates the last stop if it has no day yet (`Baku, Azerbaijan. The delegation arrives on
    /// 11 November.`): true when it did.
    pub fn date_last(&mut self, segment: usize, dated: Dated) -> bool {
        match self.current.map(|c| &mut self.stops[c]) {
            Some(s) if s.arrive.is_none() && s.sentence + 2 >= segment => {
                s.arrive = Some(dated);
                true
            }
            _ => false,
        }
    }

    /// Adds stops made before the rest of the text (a headline's), at the front: each merges into
    /// the first stop of its place, or comes first.
    pub fn prepend(&mut self, occs: &[Occurrence], evidence: &str) {
        let mut front: Vec<Stop> = Vec::new();
        for o in occs {
            let place = self.places.get(o.place);
            if let Some(s) = self.stops.iter_mut().find(|s| s.place.key == place.key) {
                if s.arrive.is_none() {
                    s.arrive = o.arrive.clone();
                }
                continue;
            }
            if front.iter().any(|s| s.place.key == place.key) {
                continue;
            }
            front.push(new_stop(o, place.clone(), evidence, false));
        }
        let k = front.len();
        if k == 0 {
            return;
        }
        let shift = |(a, b): (usize, usize)| (a + k, b + k);
        self.relations.after = self.relations.after.iter().copied().map(shift).collect();
        self.relations.before = self.relations.before.iter().copied().map(shift).collect();
        self.airport_only
            .splice(0..0, std::iter::repeat_n(false, k));
        front.append(&mut self.stops);
        self.stops = front;
    }
}
