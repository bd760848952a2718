//! From a segment's stop decisions to occurrences in the trip: whose trip, dates, then added.

use super::{Read, Reader};
use crate::extract::*;

impl Reader<'_> {
    /// Turns the segment's stop decisions into occurrences: whose trip, dates, then added to the
    /// trip.
    pub(super) fn stops_of(&mut self, r: &Read<'_, '_>, ds: &mut [Decision]) {
        let (ms, toks) = (r.ms, r.toks);
        let stops: Vec<usize> = (0..ms.len())
            .filter(|&i| ds[i].is_stop() && matches!(ms[i].what, What::Place(_)))
            .collect();
        if stops.is_empty() {
            return;
        }
        let ats: Vec<usize> = stops
            .iter()
            .map(|&i| match &ds[i] {
                Decision::Stop { at, .. } => *at,
                Decision::Mentioned(_) => ms[i].first,
            })
            .collect();
        let subjects = self.travellers.subjects(toks, ms, &ats);
        // A headline is about the traveller, in its own short words: it neither names them nor
        // is someone else's.
        let headline = r.s == 0 && self.is_headline(r.seg);
        if self.main.is_none() && !headline {
            self.main = subjects.iter().find_map(|x| x.person.clone());
        }
        let mut kept: Vec<usize> = Vec::new();
        for (&i, subject) in stops.iter().zip(subjects) {
            if let Some(main) = self.main.as_ref().filter(|_| !headline)
                && let Some(why) = subject.someone_else(main)
            {
                ds[i] = Decision::Mentioned(why);
                continue;
            }
            kept.push(i);
        }
        let local_of = |mention: usize| kept.iter().position(|&k| k == mention);
        let mut occs: Vec<Occurrence> = Vec::with_capacity(kept.len());
        for &i in &kept {
            let (
                Decision::Stop {
                    cue,
                    confidence,
                    role,
                    follows,
                    order,
                    ..
                },
                What::Place(place),
            ) = (&ds[i], &ms[i].what)
            else {
                continue;
            };
            occs.push(Occurrence {
                place: self.trip.places.intern(place),
                written: ms[i].text.clone(),
                role: *role,
                order: *order,
                follows_local: follows.and_then(local_of),
                cue: cue.clone(),
                confidence: *confidence,
                segment: r.s,
                pos: toks[ms[i].first].start,
                first: ms[i].first,
                last: ms[i].last,
                arrive: None,
                depart: None,
                airport: ms[i].airport,
            });
        }
        attach::attach(toks, &mut occs, r.resolved, self.heading.as_ref());
        if r.s == 0 && self.is_headline(r.seg) {
            self.headline = occs;
            self.headline_evidence = r.evidence.to_string();
        } else {
            self.trip.add_segment(&mut occs, r.evidence);
        }
    }
}
