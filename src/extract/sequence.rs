//! From decided mentions to the trip: dates attached to stops, repeated mentions of one place
//! merged, country-level stops replaced by towns named in them, and the stops put in travel
//! order.
//!
//! Order: the text's order of first mention, then `left X for Y` / `from X to Y` (Y right after
//! X), then dates (a dated stop and the undated ones after it move together, stably by date).

use super::cues::{Decision, Role};
use super::dates::{DateMention, Resolved};
use super::mentions::{Mention, What};
use super::places::{Place, Scope};
use super::tokens::Token;
use jiff::civil::Date;

/// A day attached to a stop and how it was worked out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dated {
    /// The day.
    pub date: Date,
    /// The words it came from (`on Saturday`).
    pub text: String,
    /// How it was resolved and attached.
    pub how: String,
}

/// A stop of the extracted trip.
#[derive(Debug, Clone, PartialEq)]
pub struct Stop {
    /// Where.
    pub place: Place,
    /// Arrival day, when the text gives one.
    pub arrive: Option<Dated>,
    /// Departure day, when the text gives one.
    pub depart: Option<Dated>,
    /// 0-1: how sure the text is that this was a stop.
    pub confidence: f64,
    /// The cue that made it a stop (`visit to`, `left X for Y`).
    pub cue: String,
    /// The sentence the cue is in (index).
    pub sentence: usize,
    /// Byte offset of the first mention that made it a stop.
    pub pos: usize,
    /// Names of country or territory stops this town replaced (`Jordan` for Amman).
    pub replaces: Vec<String>,
    /// A second visit (`returned to`).
    pub is_return: bool,
}

/// One place decided to be a stop, before merging.
struct Occurrence {
    stop: Stop,
    mention: usize,
    follows: Option<usize>,
    role: Role,
}

/// Everything the sequence needs from the earlier stages, per sentence.
pub struct Input<'a> {
    /// Tokens of each sentence.
    pub tokens: &'a [Vec<Token<'a>>],
    /// All mentions, in text order.
    pub mentions: &'a [Mention],
    /// Decision per mention (same order).
    pub decisions: &'a [Decision],
    /// Date expressions of each sentence with their resolution.
    pub dates: &'a [Vec<(DateMention, Option<Resolved>)>],
}

/// Builds the ordered stops.
pub fn build(input: &Input<'_>) -> Vec<Stop> {
    let mut occs: Vec<Occurrence> = Vec::new();
    for (i, (m, d)) in input.mentions.iter().zip(input.decisions).enumerate() {
        let (
            Decision::Stop {
                cue,
                confidence,
                role,
                follows,
            },
            What::Place(place),
        ) = (d, &m.what)
        else {
            continue;
        };
        // `follows` is an index among the sentence's mentions: make it global.
        let first_in_sentence = input
            .mentions
            .iter()
            .position(|x| x.sentence == m.sentence)
            .unwrap_or(0);
        occs.push(Occurrence {
            stop: Stop {
                place: place.clone(),
                arrive: None,
                depart: None,
                confidence: *confidence,
                cue: cue.clone(),
                sentence: m.sentence,
                pos: input.tokens[m.sentence][m.first].start,
                replaces: Vec::new(),
                is_return: *role == Role::Return,
            },
            mention: i,
            follows: follows.map(|f| first_in_sentence + f),
            role: *role,
        });
    }
    origins_first(&mut occs);
    promote_towns(input, &mut occs);
    attach_dates(input, &mut occs);
    meeting_dates(input, &mut occs);
    let mut stops = merge(occs);
    absorb_countries(&mut stops);
    order_by_dates(&mut stops);
    stops
}

/// `arrived in Riyadh, after a flight from Berlin`: a place left from that no stop follows
/// comes before the nearest stop reached earlier in the same sentence.
fn origins_first(occs: &mut [Occurrence]) {
    for x in 0..occs.len() {
        if occs[x].role != Role::DepartFrom
            || occs.iter().any(|o| o.follows == Some(occs[x].mention))
        {
            continue;
        }
        let s = occs[x].stop.sentence;
        if let Some(y) = (0..x).rev().find(|&y| {
            occs[y].stop.sentence == s
                && occs[y].role != Role::DepartFrom
                && occs[y].follows.is_none()
        }) {
            occs[y].follows = Some(occs[x].mention);
        }
    }
}

/// Dates in a sentence go to its stops: a range over a list (first arrival, last departure); a
/// day to the stop just before it (or the first after it); `left X for Y on D` to X's departure.
fn attach_dates(input: &Input<'_>, occs: &mut [Occurrence]) {
    let sentences = occs
        .iter()
        .map(|o| o.stop.sentence)
        .collect::<std::collections::BTreeSet<_>>();
    for s in sentences {
        let idx: Vec<usize> = (0..occs.len())
            .filter(|&i| occs[i].stop.sentence == s)
            .collect();
        let dates: Vec<&(DateMention, Option<Resolved>)> =
            input.dates[s].iter().filter(|(_, r)| r.is_some()).collect();
        if dates.is_empty() {
            continue;
        }
        let toks: Vec<usize> = idx
            .iter()
            .map(|&i| input.mentions[occs[i].mention].first)
            .collect();
        if dates.len() == 1 && idx.len() >= 2 {
            let (dm, r) = dates[0];
            let r = r.as_ref().expect("filtered");
            if r.from != r.to {
                let a = idx[0];
                let b = *idx.last().expect("two or more");
                occs[a].stop.arrive = Some(dated(
                    r.from,
                    dm,
                    r,
                    "start of a range spread over the listed stops",
                ));
                occs[b].stop.depart = Some(dated(
                    r.to,
                    dm,
                    r,
                    "end of a range spread over the listed stops",
                ));
                continue;
            }
        }
        // Each stop first claims a day written right after it ("in Amman on Saturday"); other
        // days go to the stop just before them, or to the first stop when they open the sentence.
        let lasts: Vec<usize> = idx
            .iter()
            .map(|&i| input.mentions[occs[i].mention].last)
            .collect();
        let mut has = vec![false; idx.len()];
        let mut plan: Vec<(usize, usize)> = Vec::new(); // (date, stop among idx)
        let mut claimed = vec![false; dates.len()];
        for (k, (dm, _)) in dates.iter().enumerate() {
            if let Some(j) =
                (0..idx.len()).find(|&j| !has[j] && dm.first > lasts[j] && dm.first <= lasts[j] + 3)
            {
                has[j] = true;
                claimed[k] = true;
                plan.push((k, j));
            }
        }
        // Then a day written right before `in X` ("on Sunday in Suva").
        let firsts: Vec<usize> = idx
            .iter()
            .map(|&i| input.mentions[occs[i].mention].first)
            .collect();
        for (k, (dm, _)) in dates.iter().enumerate() {
            if claimed[k] {
                continue;
            }
            if let Some(j) = (0..idx.len()).find(|&j| {
                !has[j]
                    && dm.last + 2 == firsts[j]
                    && matches!(input.tokens[s][firsts[j] - 1].lower().as_str(), "in" | "at")
            }) {
                has[j] = true;
                claimed[k] = true;
                plan.push((k, j));
            }
        }
        for (k, (dm, _)) in dates.iter().enumerate() {
            if claimed[k] {
                continue;
            }
            let before = (0..idx.len()).rev().find(|&j| toks[j] < dm.first);
            match before {
                Some(j) => plan.push((k, j)),
                None if !has[0] => {
                    has[0] = true;
                    plan.push((k, 0));
                }
                None => {}
            }
        }
        for (k, j) in plan {
            let (dm, r) = dates[k];
            let r = r.as_ref().expect("filtered");
            let mut t = idx[j];
            // "left X for Y on Monday": the day is X's departure.
            if let Some(f) = occs[t].follows
                && let Some(x) = idx.iter().copied().find(|&i| occs[i].mention == f)
                && occs[t].stop.cue == "left X for Y"
            {
                t = x;
            }
            let o = &mut occs[t];
            if o.role == Role::DepartFrom {
                if o.stop.depart.is_none() {
                    o.stop.depart = Some(dated(r.from, dm, r, "departure"));
                }
            } else if o.stop.arrive.is_none() {
                o.stop.arrive = Some(dated(r.from, dm, r, "arrival"));
                if r.to != r.from {
                    o.stop.depart = Some(dated(r.to, dm, r, "end of the range"));
                }
            } else if o.stop.depart.is_none()
                && o.stop.arrive.as_ref().is_some_and(|a| a.date < r.to)
            {
                // "arrived on May 30 and stayed until May 31".
                o.stop.depart = Some(dated(r.to, dm, r, "departure (a later day, same stop)"));
            }
        }
    }
}

fn dated(date: Date, dm: &DateMention, r: &Resolved, role: &str) -> Dated {
    Dated {
        date,
        text: dm.text.clone(),
        how: format!("{role}: `{}` ({})", dm.text, r.how),
    }
}

/// A town named `in X` whose country is a stop only at country level becomes the stop
/// (`visits to Israel ... speaking in Tel Aviv`), at lower confidence.
fn promote_towns(input: &Input<'_>, occs: &mut Vec<Occurrence>) {
    let country_stops: Vec<String> = occs
        .iter()
        .filter(|o| o.stop.place.scope == Scope::Country)
        .map(|o| o.stop.place.country.clone())
        .collect();
    let has_town = |c: &str, occs: &[Occurrence]| {
        occs.iter()
            .any(|o| o.stop.place.scope == Scope::City && o.stop.place.country == c)
    };
    for (i, (m, d)) in input.mentions.iter().zip(input.decisions).enumerate() {
        let (Decision::Mentioned(why), What::Place(p)) = (d, &m.what) else {
            continue;
        };
        if why != "no travel cue"
            || p.scope != Scope::City
            || !country_stops.contains(&p.country)
            || has_town(&p.country, occs)
        {
            continue;
        }
        let toks = &input.tokens[m.sentence];
        let prev = m.first.checked_sub(1).map(|k| toks[k].lower());
        if prev.as_deref() != Some("in") {
            continue;
        }
        occs.push(Occurrence {
            stop: Stop {
                place: p.clone(),
                arrive: None,
                depart: None,
                confidence: 0.5,
                cue: "in X, a town of a visited country".into(),
                sentence: m.sentence,
                pos: toks[m.first].start,
                replaces: Vec::new(),
                is_return: false,
            },
            mention: i,
            follows: None,
            role: Role::Visit,
        });
    }
    occs.sort_by_key(|o| o.stop.pos);
}

/// `after their talks on Friday, the Kenyan president said ...`: a sentence with a meeting,
/// a day after it and exactly one visited country named (by name or demonym) dates that country's
/// stop when nothing else does.
fn meeting_dates(input: &Input<'_>, occs: &mut [Occurrence]) {
    for (s, toks) in input.tokens.iter().enumerate() {
        if occs.iter().any(|o| o.stop.sentence == s) {
            continue;
        }
        let low: Vec<String> = toks.iter().map(Token::lower).collect();
        let Some(meet) = low
            .iter()
            .position(|w| matches!(w.as_str(), "meeting" | "met" | "talks" | "meetings"))
        else {
            continue;
        };
        let Some((dm, Some(r))) = input.dates[s]
            .iter()
            .find(|(d, _)| d.first > meet && d.first <= meet + 6)
        else {
            continue;
        };
        let mut countries: Vec<&str> = input
            .mentions
            .iter()
            .filter(|m| m.sentence == s)
            .filter_map(|m| match &m.what {
                What::Demonym(c) => Some(c.as_str()),
                What::Place(p) => Some(p.country.as_str()),
                What::Metonym(_) => None,
            })
            .collect();
        countries.dedup();
        let visited: Vec<usize> = (0..occs.len())
            .filter(|&i| countries.contains(&occs[i].stop.place.country.as_str()))
            .collect();
        let distinct: std::collections::BTreeSet<&str> = visited
            .iter()
            .map(|&i| occs[i].stop.place.country.as_str())
            .collect();
        if distinct.len() != 1
            || visited
                .iter()
                .any(|&i| occs[i].stop.arrive.is_some() || occs[i].stop.depart.is_some())
        {
            continue;
        }
        let o = &mut occs[visited[0]];
        o.stop.arrive = Some(Dated {
            date: r.from,
            text: dm.text.clone(),
            how: format!(
                "a meeting `{} ... {}` in a sentence naming only this visited country ({})",
                low[meet], dm.text, r.how
            ),
        });
        o.stop.confidence = o.stop.confidence.min(0.9);
    }
}

/// Merges repeated mentions of one place into one stop (the first, with the best confidence and
/// the first dates), except a return (`returned to`, `again`) to a place already visited.
fn merge(occs: Vec<Occurrence>) -> Vec<Stop> {
    let mut out: Vec<Stop> = Vec::new();
    let mut follows: Vec<(usize, usize)> = Vec::new(); // (mention of Y, mention of X)
    let mut mention_to_stop: Vec<(usize, usize)> = Vec::new();
    for o in occs {
        let existing = out.iter().rposition(|s| s.place.key == o.stop.place.key);
        let twice = o.role == Role::Return && existing.is_some();
        match existing {
            Some(e) if !twice => {
                let s = &mut out[e];
                s.confidence = s.confidence.max(o.stop.confidence);
                if s.arrive.is_none() {
                    s.arrive = o.stop.arrive;
                }
                if s.depart.is_none() {
                    s.depart = o.stop.depart;
                }
                mention_to_stop.push((o.mention, e));
            }
            _ => {
                mention_to_stop.push((o.mention, out.len()));
                out.push(o.stop);
            }
        }
        if let Some(f) = o.follows {
            follows.push((o.mention, f));
        }
    }
    // Y right after X.
    for (y, x) in follows {
        let find = |m: usize| {
            mention_to_stop
                .iter()
                .find(|(k, _)| *k == m)
                .map(|(_, s)| *s)
        };
        let (Some(ys), Some(xs)) = (find(y), find(x)) else {
            continue;
        };
        if ys < xs {
            let stop = out.remove(ys);
            let xs = xs - 1;
            out.insert(xs + 1, stop);
            for (_, s) in mention_to_stop.iter_mut() {
                if *s == ys {
                    *s = xs + 1;
                } else if *s > ys && *s <= xs + 1 {
                    *s -= 1;
                }
            }
        }
    }
    out
}

/// A country (or territory) stop with towns of its own among the stops gives way to them: the
/// first town takes its place in the order and the country's dates where it has none.
fn absorb_countries(stops: &mut Vec<Stop>) {
    let mut i = 0;
    while i < stops.len() {
        let c = &stops[i];
        if c.place.scope == Scope::City {
            i += 1;
            continue;
        }
        let inside = |s: &Stop| {
            s.place.scope == Scope::City
                && s.place.country == c.place.country
                && (c.place.scope == Scope::Country || s.place.admin1 == c.place.admin1)
        };
        // Another country-level stop over the same country (a territory inside it) also counts.
        let Some(t) = stops.iter().position(inside) else {
            i += 1;
            continue;
        };
        let country = stops.remove(i);
        let t = if t > i { t - 1 } else { t };
        let mut town = stops.remove(t);
        town.replaces.push(country.place.name.clone());
        if town.arrive.is_none() {
            town.arrive = country.arrive;
        }
        if town.depart.is_none() {
            town.depart = country.depart;
        }
        town.confidence = town.confidence.max(country.confidence);
        let at = if t < i { t } else { i };
        town.pos = town.pos.min(country.pos);
        stops.insert(at, town);
        i = at + 1;
    }
}

/// Stable order by date: each dated stop carries the undated ones after it.
fn order_by_dates(stops: &mut Vec<Stop>) {
    let mut groups: Vec<(Option<Date>, Vec<Stop>)> = Vec::new();
    for s in stops.drain(..) {
        let d = s.arrive.as_ref().or(s.depart.as_ref()).map(|d| d.date);
        match (d, groups.last_mut()) {
            (None, Some(g)) => g.1.push(s),
            _ => groups.push((d, vec![s])),
        }
    }
    // Undated leading group keeps its place (key None sorts first).
    groups.sort_by_key(|g| g.0);
    stops.extend(groups.into_iter().flat_map(|g| g.1));
}

#[cfg(test)]
mod test {
    use super::super::places::TestIndex;
    use super::super::{Options, extract};
    use jiff::civil::date;

    /// (name, arrive or depart day) of each stop.
    fn trip(text: &str) -> Vec<(String, Option<String>)> {
        let o = Options {
            published: Some(date(2023, 11, 6)),
        };
        extract(text, &o, &TestIndex::sample())
            .unwrap()
            .stops
            .into_iter()
            .map(|s| {
                let d = s.arrive.or(s.depart).map(|d| d.date.to_string());
                (s.place.name, d)
            })
            .collect()
    }

    fn s(n: &str, d: Option<&str>) -> (String, Option<String>) {
        (n.to_string(), d.map(str::to_string))
    }

    #[test]
    fn towns_replace_their_country_and_keep_its_place() {
        let t = trip(
            "Her trips to Israel, Jordan and Iraq were short. A forum held in Amman on Saturday ended well.",
        );
        assert_eq!(
            t,
            [
                s("Israel", None),
                s("Amman", Some("2023-11-04")),
                s("Iraq", None)
            ]
        );
    }

    #[test]
    fn left_for_orders_and_dates_the_departure() {
        let t =
            trip("He arrived in Tokyo on Sunday. Earlier he left Amman for Tel Aviv on Friday.");
        assert_eq!(
            t,
            [
                s("Amman", Some("2023-11-03")),
                s("Tel Aviv", None),
                s("Tokyo", Some("2023-11-05"))
            ]
        );
    }

    #[test]
    fn a_return_is_a_second_stop() {
        let t = trip(
            "She arrived in Cairo on Wednesday. She flew to Amman on Thursday. She returned to Cairo on Friday.",
        );
        assert_eq!(
            t,
            [
                s("Cairo", Some("2023-11-01")),
                s("Amman", Some("2023-11-02")),
                s("Cairo", Some("2023-11-03"))
            ]
        );
    }
}
