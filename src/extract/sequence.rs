//! From the stops found in each segment to the trip: repeated mentions of one place merged into
//! one stop (but a return, or a place listed again with a later day after other stops, is a second
//! visit), towns named `in X` taking the place of their country when only the country had a cue,
//! country-level stops giving way to towns in them, and the stops put in travel order
//! ([`super::order`]).
//!
//! Everything here is linear in the number of stops found (hash maps by place, a linked list for
//! moves), so a long text costs time in proportion to its length.

use super::cues::{Order, Role};
use super::order;
use super::places::{Place, Scope};
use crate::geodesy::distance_m;
use crate::model::LonLat;
use jiff::civil::Date;
use std::collections::{HashMap, HashSet};

/// Largest distance, in metres, from an airport's town to the town it serves.
pub const AIRPORT_RADIUS_M: f64 = 50_000.0;

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
    /// The segment (sentence or line) the cue is in, trimmed to one line.
    pub evidence: String,
    /// Index of that segment.
    pub sentence: usize,
    /// Byte offset of the first mention that made it a stop.
    pub pos: usize,
    /// Names of country or territory stops this town replaced (`Jordan` for Amman).
    pub replaces: Vec<String>,
    /// A second visit (`returned to`, a leg reaching it again).
    pub is_return: bool,
    /// Where the trip sets out from: left (`left X`, `a trip from X`), never reached.
    pub is_origin: bool,
    /// What the text says about its place in the trip (first, last, earlier, or nothing).
    pub order: Order,
}

/// One place decided to be a stop, where the text says so.
#[derive(Debug, Clone)]
pub struct Occurrence {
    /// The place (an index into [`Places`]).
    pub place: u32,
    /// Arrival, departure or return.
    pub role: Role,
    /// What the cue says about its place in the trip.
    pub order: Order,
    /// The occurrence this one comes right after (`left X for Y`), by index in the trip.
    pub follows: Option<usize>,
    /// The same, by index among its segment's occurrences (for dates).
    pub follows_local: Option<usize>,
    /// The cue as a pattern.
    pub cue: String,
    /// 0-1.
    pub confidence: f64,
    /// Segment index.
    pub segment: usize,
    /// Byte offset of the mention.
    pub pos: usize,
    /// First and last token of the mention in its segment.
    pub first: usize,
    /// See `first`.
    pub last: usize,
    /// Arrival day.
    pub arrive: Option<Dated>,
    /// Departure day.
    pub depart: Option<Dated>,
    /// Named by its airport (`Arrival at Ivato International Airport`): the town it serves may
    /// be a stop nearby.
    pub airport: bool,
}

impl Occurrence {
    fn date(&self) -> Option<Date> {
        self.arrive
            .as_ref()
            .or(self.depart.as_ref())
            .map(|d| d.date)
    }
}

/// The places of a trip, each stored once.
#[derive(Debug, Default)]
pub struct Places {
    list: Vec<Place>,
    by_key: HashMap<String, u32>,
}

impl Places {
    /// The index of `place`, adding it the first time.
    pub fn intern(&mut self, place: &Place) -> u32 {
        if let Some(&i) = self.by_key.get(&place.key) {
            return i;
        }
        let i = u32::try_from(self.list.len()).expect("fewer than 4 billion places");
        self.list.push(place.clone());
        self.by_key.insert(place.key.clone(), i);
        i
    }

    /// The place at `i`.
    pub fn get(&self, i: u32) -> &Place {
        &self.list[i as usize]
    }

    /// The index of the place with `key`, if any.
    pub fn find(&self, key: &str) -> Option<u32> {
        self.by_key.get(key).copied()
    }
}

/// A town named `in X` without a cue: a stop if only its country had one (`visits to Israel ...
/// speaking in Tel Aviv`).
#[derive(Debug, Clone)]
pub struct Promotable {
    /// The town.
    pub place: u32,
    /// Segment index.
    pub segment: usize,
    /// Byte offset.
    pub pos: usize,
}

/// A meeting with a day in a segment without stops (`after his meeting with Blinken on Friday,
/// the Israeli prime minister ...`): it dates the stop in the one visited country it names.
#[derive(Debug, Clone)]
pub struct Meeting {
    /// Countries the segment names (ISO 3166-1 alpha-2), by place or demonym.
    pub countries: Vec<String>,
    /// The meeting's day.
    pub dated: Dated,
}

/// What the reading of a text found, for [`build`].
#[derive(Debug, Default)]
pub struct Found {
    /// Stops where the text names them, in text order.
    pub occurrences: Vec<Occurrence>,
    /// Their places.
    pub places: Places,
    /// Towns named `in X` without a cue.
    pub promotable: Vec<Promotable>,
    /// Meetings with a day, in segments without stops.
    pub meetings: Vec<Meeting>,
}

/// Builds the ordered stops; `evidence` gives a segment's text.
pub fn build(found: Found, evidence: &dyn Fn(usize) -> String) -> Vec<Stop> {
    let Found {
        mut occurrences,
        places,
        promotable,
        meetings,
    } = found;
    promote_towns(&mut occurrences, &places, promotable);
    origins_first(&mut occurrences);
    meeting_dates(&mut occurrences, &places, &meetings);
    let (stops, occ_stop) = merge(&occurrences, &places, evidence);
    let relations = relations(&occurrences, &occ_stop);
    let stops = order::arrange(stops, &relations);
    let stops = absorb_countries(stops);
    order::by_dates(stops)
}

/// Adds the towns named `in X` whose country is a stop only at country level (one per country,
/// the first), in text order.
fn promote_towns(occs: &mut Vec<Occurrence>, places: &Places, promotable: Vec<Promotable>) {
    let scope_of = |o: &Occurrence| places.get(o.place).scope;
    let country_of = |i: u32| places.get(i).country.clone();
    let country_stops: HashSet<String> = occs
        .iter()
        .filter(|o| scope_of(o) == Scope::Country)
        .map(|o| country_of(o.place))
        .collect();
    let mut with_town: HashSet<String> = occs
        .iter()
        .filter(|o| scope_of(o) == Scope::City)
        .map(|o| country_of(o.place))
        .collect();
    let mut added = Vec::new();
    for p in promotable {
        let c = country_of(p.place);
        if !country_stops.contains(&c) || with_town.contains(&c) {
            continue;
        }
        with_town.insert(c);
        added.push(Occurrence {
            place: p.place,
            role: Role::Visit,
            order: Order::Text,
            follows: None,
            follows_local: None,
            cue: "in X, a town of a visited country".into(),
            confidence: 0.5,
            segment: p.segment,
            pos: p.pos,
            first: 0,
            last: 0,
            arrive: None,
            depart: None,
            airport: false,
        });
    }
    if added.is_empty() {
        return;
    }
    // Merge the two lists by position, keeping `follows` pointing at the same occurrences.
    let old = std::mem::take(occs);
    let mut new_index = vec![0usize; old.len()];
    let mut a = old.into_iter().enumerate().peekable();
    let mut b = added.into_iter().peekable();
    loop {
        let take_old = match (a.peek(), b.peek()) {
            (Some((_, x)), Some(y)) => (x.segment, x.pos) <= (y.segment, y.pos),
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => break,
        };
        if take_old {
            let (i, o) = a.next().expect("peeked");
            new_index[i] = occs.len();
            occs.push(o);
        } else {
            occs.push(b.next().expect("peeked"));
        }
    }
    for o in occs.iter_mut() {
        o.follows = o.follows.map(|f| new_index[f]);
    }
}

/// `arrived in Riyadh, after a flight from Berlin`: a place left from that no stop follows comes
/// before the nearest stop reached earlier in the same segment.
fn origins_first(occs: &mut [Occurrence]) {
    let followed: HashSet<usize> = occs.iter().filter_map(|o| o.follows).collect();
    for x in 0..occs.len() {
        if occs[x].role != Role::DepartFrom || followed.contains(&x) {
            continue;
        }
        let s = occs[x].segment;
        let y = (0..x)
            .rev()
            .take_while(|&y| occs[y].segment == s)
            .find(|&y| occs[y].role != Role::DepartFrom && occs[y].follows.is_none());
        if let Some(y) = y {
            occs[y].follows = Some(x);
        }
    }
}

/// Dates the one visited country a meeting's segment names, when nothing else dates it.
fn meeting_dates(occs: &mut [Occurrence], places: &Places, meetings: &[Meeting]) {
    let mut by_country: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, o) in occs.iter().enumerate() {
        by_country
            .entry(places.get(o.place).country.as_str())
            .or_default()
            .push(i);
    }
    let mut dated: Vec<(usize, Dated)> = Vec::new();
    for m in meetings {
        let visited: HashSet<&str> = m
            .countries
            .iter()
            .map(String::as_str)
            .filter(|c| by_country.contains_key(c))
            .collect();
        if visited.len() != 1 {
            continue;
        }
        let c = *visited.iter().next().expect("one");
        let idx = &by_country[c];
        if idx
            .iter()
            .any(|&i| occs[i].arrive.is_some() || occs[i].depart.is_some())
            || dated.iter().any(|(i, _)| idx.contains(i))
        {
            continue;
        }
        dated.push((idx[0], m.dated.clone()));
    }
    for (i, d) in dated {
        occs[i].arrive = Some(d);
        occs[i].confidence = occs[i].confidence.min(0.9);
    }
}

/// Merges occurrences into stops, in text order: a place seen before merges into its latest stop,
/// except a return to it from elsewhere, or a later day for it after another stop's day in
/// between (a tour coming back to a city). Returns the stops and each occurrence's stop.
fn merge(
    occs: &[Occurrence],
    places: &Places,
    evidence: &dyn Fn(usize) -> String,
) -> (Vec<Stop>, Vec<usize>) {
    let mut stops: Vec<Stop> = Vec::new();
    let mut latest: HashMap<u32, usize> = HashMap::new();
    let mut current: Option<usize> = None;
    let mut occ_stop = Vec::with_capacity(occs.len());
    let stop_date = |s: &Stop| s.arrive.as_ref().or(s.depart.as_ref()).map(|d| d.date);
    let mut airport_only: Vec<bool> = Vec::new();
    let near = |a: &Place, b: &Place| {
        let (Ok(x), Ok(y)) = (LonLat::new(a.lon, a.lat), LonLat::new(b.lon, b.lat)) else {
            return false;
        };
        distance_m(x, y) <= AIRPORT_RADIUS_M
    };
    for o in occs {
        let place = places.get(o.place);
        let mut existing = latest.get(&o.place).copied();
        // An airport is the town it serves: "Arrival at Ivato International Airport" after
        // "Departure by plane to Antananarivo"; "Arrival at Haneda Airport, Tokyo".
        if let Some(c) = current
            && existing != Some(c)
            && (o.airport || airport_only[c])
            && stops[c].place.scope == Scope::City
            && near(&stops[c].place, place)
        {
            if airport_only[c] && !o.airport {
                latest.remove(&places.find(&stops[c].place.key).unwrap_or(u32::MAX));
                stops[c].place = place.clone();
                airport_only[c] = false;
            }
            latest.insert(o.place, c);
            existing = Some(c);
        }
        let separate = match (o.role, existing) {
            (_, None) => true,
            (Role::Return, Some(e)) => Some(e) != current,
            (Role::DepartFrom, Some(_)) => false,
            (Role::Visit, Some(e)) => {
                // Listed again with a later day, another stop's day in between.
                let (d0, d) = (stop_date(&stops[e]), o.date());
                let between = current
                    .filter(|&c| c != e)
                    .and_then(|c| stop_date(&stops[c]));
                matches!((d0, d, between), (Some(d0), Some(d), Some(b)) if d0 < d && d0 <= b && b <= d)
            }
        };
        if separate {
            let again = existing.is_some();
            stops.push(Stop {
                place: place.clone(),
                arrive: o.arrive.clone(),
                depart: o.depart.clone(),
                confidence: o.confidence,
                cue: o.cue.clone(),
                evidence: evidence(o.segment),
                sentence: o.segment,
                pos: o.pos,
                replaces: Vec::new(),
                is_return: again,
                is_origin: o.role == Role::DepartFrom,
                order: o.order,
            });
            airport_only.push(o.airport);
            let i = stops.len() - 1;
            latest.insert(o.place, i);
            current = Some(i);
            occ_stop.push(i);
        } else {
            let e = existing.expect("separate when none");
            let s = &mut stops[e];
            s.confidence = s.confidence.max(o.confidence);
            if s.arrive.is_none() {
                s.arrive = o.arrive.clone();
            }
            if s.depart.is_none() {
                s.depart = o.depart.clone();
            }
            if o.role != Role::DepartFrom {
                s.is_origin = false;
            }
            if s.order == Order::Text {
                s.order = o.order;
            }
            occ_stop.push(e);
        }
    }
    (stops, occ_stop)
}

/// The order the cues give between stops: `(Y, X)` for Y right after X, and `(Y, A)` for Y right
/// before A (an earlier stop before the stop its sentence is about).
fn relations(occs: &[Occurrence], occ_stop: &[usize]) -> order::Relations {
    let mut r = order::Relations::default();
    let mut seen: HashSet<(usize, usize)> = HashSet::new();
    for (i, o) in occs.iter().enumerate() {
        if let Some(f) = o.follows {
            let pair = (occ_stop[i], occ_stop[f]);
            if pair.0 != pair.1 && seen.insert(pair) {
                r.after.push(pair);
            }
        }
        if o.order == Order::Earlier {
            // The stop its sentence is about: the nearest other occurrence in the segment, before
            // it, else after it; else the latest before it.
            let s = o.segment;
            let not_earlier = |j: &usize| occs[*j].order != Order::Earlier;
            let anchor = (0..i)
                .rev()
                .take_while(|&j| occs[j].segment == s)
                .find(not_earlier)
                .or_else(|| {
                    (i + 1..occs.len())
                        .take_while(|&j| occs[j].segment == s)
                        .find(not_earlier)
                })
                .or_else(|| (0..i).rev().find(not_earlier));
            if let Some(a) = anchor {
                let pair = (occ_stop[i], occ_stop[a]);
                if pair.0 != pair.1 {
                    r.before.push(pair);
                }
            }
        }
    }
    r
}

/// A country (or territory) stop with towns of its own among the stops gives way to the first of
/// them: the town takes the country's place in the order (if earlier) and its dates where it has
/// none.
fn absorb_countries(stops: Vec<Stop>) -> Vec<Stop> {
    // The first town of each country, and of each (country, region).
    let mut first_in_country: HashMap<&str, usize> = HashMap::new();
    let mut first_in_region: HashMap<(&str, Option<&str>), usize> = HashMap::new();
    for (i, s) in stops.iter().enumerate() {
        if s.place.scope == Scope::City {
            first_in_country
                .entry(s.place.country.as_str())
                .or_insert(i);
            first_in_region
                .entry((s.place.country.as_str(), s.place.admin1.as_deref()))
                .or_insert(i);
        }
    }
    let town_of: Vec<Option<usize>> = stops
        .iter()
        .map(|c| match c.place.scope {
            Scope::City => None,
            Scope::Country => first_in_country.get(c.place.country.as_str()).copied(),
            Scope::Territory => first_in_region
                .get(&(c.place.country.as_str(), c.place.admin1.as_deref()))
                .copied(),
        })
        .collect();
    // Each town absorbs the countries pointing at it; it stands at the earliest of their places.
    let mut absorbed: Vec<Vec<usize>> = vec![Vec::new(); stops.len()];
    let mut stands_at: Vec<usize> = (0..stops.len()).collect();
    for (c, t) in town_of.iter().enumerate() {
        if let Some(t) = *t {
            absorbed[t].push(c);
            stands_at[t] = stands_at[t].min(c);
        }
    }
    let mut slots: Vec<Option<Stop>> = stops.into_iter().map(Some).collect();
    let mut placed: Vec<(usize, Stop)> = Vec::new();
    for t in 0..slots.len() {
        if town_of[t].is_some() {
            continue; // a country given way
        }
        let Some(mut town) = slots[t].take() else {
            continue;
        };
        for &c in &absorbed[t] {
            let Some(country) = slots[c].take() else {
                continue;
            };
            town.replaces.push(country.place.name.clone());
            if town.arrive.is_none() {
                town.arrive = country.arrive;
            }
            if town.depart.is_none() {
                town.depart = country.depart;
            }
            town.confidence = town.confidence.max(country.confidence);
            town.pos = town.pos.min(country.pos);
            if town.order == Order::Text {
                town.order = country.order;
            }
        }
        placed.push((stands_at[t], town));
    }
    placed.sort_by_key(|(at, _)| *at);
    placed.into_iter().map(|(_, s)| s).collect()
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
