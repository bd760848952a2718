//! When no place has a travel cue: the places named, as low-confidence guesses; and the places
//! only mentioned, listed beside the trip.

use super::*;

/// A place mentioned, once per name: the first mention's reason, and the place (for guesses).
pub(super) struct Record {
    /// The place as mentioned, and why it is no stop.
    pub(super) mentioned: Mentioned,
    /// The place, when it is one (not a metonym).
    pub(super) place: Option<Place>,
}

/// The places a text names without a cue, as low-confidence stops in order of first mention; a
/// country gives way to a town of it.
pub(super) fn guesses(records: &[Record]) -> Vec<Stop> {
    let candidates: Vec<&Record> = records
        .iter()
        .filter(|r| r.mentioned.reason == "no travel cue" && r.place.is_some())
        .collect();
    let towns: HashSet<&str> = candidates
        .iter()
        .filter_map(|r| r.place.as_ref())
        .filter(|p| p.scope == Scope::City)
        .map(|p| p.country.as_str())
        .collect();
    candidates
        .into_iter()
        .filter_map(|r| {
            let p = r.place.as_ref()?;
            if p.scope != Scope::City && towns.contains(p.country.as_str()) {
                return None;
            }
            Some(Stop {
                place: p.clone(),
                written: r.mentioned.name.clone(),
                arrive: None,
                depart: None,
                confidence: 0.2,
                cue: "a guess: named without a travel cue".into(),
                evidence: r.mentioned.evidence.clone(),
                sentence: r.mentioned.sentence,
                pos: 0,
                replaces: Vec::new(),
                is_return: false,
                is_origin: false,
                order: Order::Text,
            })
        })
        .take(MAX_GUESSES)
        .collect()
}

/// Places named but not stops: towns and countries not visited (a country counts as visited when
/// a stop is in it), metonyms. Demonyms and places inside names are left out.
pub(super) fn mentioned(stops: &[Stop], guessed: bool, records: Vec<Record>) -> Vec<Mentioned> {
    let keys: HashSet<&str> = stops.iter().map(|s| s.place.key.as_str()).collect();
    let countries: HashSet<&str> = stops.iter().map(|s| s.place.country.as_str()).collect();
    let regions: HashSet<(&str, Option<&str>)> = stops
        .iter()
        .map(|s| (s.place.country.as_str(), s.place.admin1.as_deref()))
        .collect();
    let mut out = Vec::new();
    for r in records {
        let reason = r.mentioned.reason.as_str();
        if let Some(p) = &r.place {
            let visited = keys.contains(p.key.as_str())
                || (p.scope == Scope::Country && countries.contains(p.country.as_str()))
                || (p.scope == Scope::Territory
                    && regions.contains(&(p.country.as_str(), p.admin1.as_deref())));
            if (visited && !guessed)
                || (guessed && keys.contains(p.key.as_str()))
                || reason.starts_with("part of a name")
                || reason.starts_with("qualifies")
            {
                continue;
            }
            if p.scope == Scope::City && p.population < 15_000 && reason == "no travel cue" {
                continue; // small homonyms of ordinary words: not worth a person's attention
            }
        }
        out.push(r.mentioned);
    }
    out
}
