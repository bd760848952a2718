//! What a segment's other mentions leave for later stages: one record per place mentioned, towns
//! named `in X`, a day for the stop just named, a meeting with a day.

use super::{Read, Reader};
use crate::extract::guesses::Record;
use crate::extract::*;

impl Reader<'_> {
    /// Keeps what later stages need from the segment's other mentions: one record per place
    /// mentioned, towns named `in X`, a day for the stop just named, and a meeting with a day.
    pub(super) fn remember(&mut self, r: &Read<'_, '_>, ds: &[Decision]) {
        let any_stop = self.record_mentions(r, ds);
        if any_stop || self.date_last_stop(r) {
            return;
        }
        self.remember_meeting(r);
    }

    /// One record per place mentioned (the first mention's reason), and towns named `in X`
    /// without a cue; true when the segment has a stop.
    fn record_mentions(&mut self, r: &Read<'_, '_>, ds: &[Decision]) -> bool {
        let (s, toks, ms) = (r.s, r.toks, r.ms);
        let mut any_stop = false;
        for (m, d) in ms.iter().zip(ds) {
            let Decision::Mentioned(reason) = d else {
                any_stop |= matches!(m.what, What::Place(_));
                continue;
            };
            if let What::Place(p) = &m.what
                && reason == "no travel cue"
                && p.scope == Scope::City
                && m.first > 0
                && toks[m.first - 1].lower() == "in"
            {
                let place = self.trip.places.intern(p);
                self.trip
                    .promotable(place, s, toks[m.first].start, r.evidence);
            }
            let (name, place) = match &m.what {
                What::Place(p) => (p.name.clone(), Some(p.clone())),
                What::Metonym(_) => (m.text.clone(), None),
                What::Demonym(_) => continue,
            };
            if self.record_of.contains_key(&name) {
                continue;
            }
            self.record_of.insert(name.clone(), self.records.len());
            self.records.push(Record {
                mentioned: Mentioned {
                    name,
                    reason: reason.clone(),
                    sentence: s,
                    evidence: r.evidence.to_string(),
                },
                place,
            });
        }
        any_stop
    }

    /// "Baku, Azerbaijan. The delegation arrives on 11 November.": an arrival day for the stop
    /// just named; true when it took it.
    fn date_last_stop(&mut self, r: &Read<'_, '_>) -> bool {
        let toks = r.toks;
        let Some((dm, d)) = r.resolved.iter().find(|(d, _)| {
            (d.first.saturating_sub(4)..d.first).any(|k| {
                matches!(
                    toks[k].lower().as_str(),
                    "arrives" | "arrive" | "arrived" | "arriving" | "lands" | "landed" | "land"
                )
            })
        }) else {
            return false;
        };
        self.trip.date_last(
            r.s,
            attach::dated(d.from, dm, d, "arrival, in the next sentence"),
        )
    }

    /// "after his meeting with Blinken on Friday, the Israeli prime minister ...": a meeting with
    /// a day, which dates the one visited country the segment names.
    fn remember_meeting(&mut self, r: &Read<'_, '_>) {
        let (toks, ms) = (r.toks, r.ms);
        let Some(meet) = toks.iter().position(|t| {
            matches!(
                t.lower().as_str(),
                "meeting" | "met" | "talks" | "meetings" | "meet"
            )
        }) else {
            return;
        };
        let Some((dm, d)) = r
            .resolved
            .iter()
            .find(|(x, _)| x.first > meet && x.first <= meet + 6)
        else {
            return;
        };
        let mut countries: Vec<String> = ms
            .iter()
            .filter_map(|m| match &m.what {
                What::Demonym(c) => Some(c.clone()),
                What::Place(p) => Some(p.country.clone()),
                What::Metonym(_) => None,
            })
            .collect();
        countries.dedup();
        self.trip.meeting(sequence::Meeting {
            countries,
            dated: Dated {
                date: d.from,
                text: dm.text.clone(),
                how: format!(
                    "a meeting `{} ... {}` in a sentence naming only this visited country ({})",
                    toks[meet].lower(),
                    dm.text,
                    d.how
                ),
            },
        });
    }
}
