//! From the stops found in each segment to the trip, as a fold over the text: each occurrence
//! merges into the latest stop of its place (but a return, or a place listed again with a later
//! day after other stops, is a second visit; an airport is the town it serves); at the end, towns
//! named `in X` take the place of their country when only the country had a cue, meetings date
//! the country they name, country-level stops give way to towns in them, and the stops are put in
//! travel order ([`super::order`]).
//!
//! Nothing is kept per occurrence: memory is the stops (at most [`MAX_STOPS`]) and one entry per
//! place, and every step is linear in them (hash maps by place, a linked list for moves).

use super::cues::{Order, Role};
use super::order;
use super::places::{Place, Scope};
use crate::geodesy::distance_m;
use crate::model::LonLat;
use jiff::civil::Date;
use std::collections::{HashMap, HashSet};

/// Most stops an extraction keeps (the trip limit, `Limits::max_stops`); past it, new places are
/// left out and [`Builder::truncated`] says so.
pub const MAX_STOPS: usize = 100_000;

/// Most meetings kept for dating (`after his meeting with Blinken on Friday`).
pub const MAX_MEETINGS: usize = 10_000;

/// Largest distance, in metres, from an airport's town to the town it serves.
pub const AIRPORT_RADIUS_M: f64 = 50_000.0;

/// Largest distance, in metres, between an airport named on one line and a town named on another
/// that is one stop with it (`Geneva Airport 11:30`, `Geneva Cornavin 11:50`).
pub const SAME_TOWN_RADIUS_M: f64 = 15_000.0;

/// Largest distance, in metres, between a park or landmark and a town that is one stop with it.
pub const SITE_RADIUS_M: f64 = 25_000.0;

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
    /// The name as the text first wrote it (`Puno`, `Bombay`).
    pub written: String,
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
    /// The name as written.
    pub written: String,
    /// Arrival, departure or return.
    pub role: Role,
    /// What the cue says about its place in the trip.
    pub order: Order,
    /// The occurrence this one comes right after (`left X for Y`), by index among its segment's
    /// occurrences.
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

/// A meeting with a day in a segment without stops (`after his meeting with Blinken on Friday,
/// the Israeli prime minister ...`): it dates the stop in the one visited country it names.
#[derive(Debug, Clone)]
pub struct Meeting {
    /// Countries the segment names (ISO 3166-1 alpha-2), by place or demonym.
    pub countries: Vec<String>,
    /// The meeting's day.
    pub dated: Dated,
}

/// The trip being built, occurrence by occurrence (see the module documentation).
#[derive(Debug, Default)]
pub struct Builder {
    /// The places seen, each once.
    pub places: Places,
    stops: Vec<Stop>,
    /// Whether each stop is so far known only by an airport.
    airport_only: Vec<bool>,
    /// The latest stop of each place.
    latest: HashMap<u32, usize>,
    /// The stop made last.
    current: Option<usize>,
    /// The last stop that is not an earlier one (what `already visited` is before).
    anchor: Option<usize>,
    relations: order::Relations,
    seen_relations: HashSet<(usize, usize)>,
    /// Towns named `in X` without a cue, the first mention of each.
    promotable: HashMap<u32, (usize, usize, String)>,
    meetings: Vec<Meeting>,
    /// Stops left out past [`MAX_STOPS`].
    pub truncated: usize,
}

impl Builder {
    /// Adds one segment's occurrences (in order; `follows_local` among them), with `evidence`
    /// the segment's text on one line.
    pub fn add_segment(&mut self, occs: &mut [Occurrence], evidence: &str) {
        origins_first(occs);
        let mut stop_of: Vec<Option<usize>> = Vec::with_capacity(occs.len());
        for o in occs.iter() {
            stop_of.push(self.add(o, evidence));
        }
        for (i, o) in occs.iter().enumerate() {
            let Some(y) = stop_of[i] else { continue };
            if let Some(x) = o.follows_local.and_then(|f| stop_of[f]) {
                self.relate(true, y, x);
            }
            if o.order == Order::Earlier {
                // The stop its sentence is about: the nearest other occurrence in the segment,
                // before it, else after it; else the latest stop before it.
                let not_earlier = |j: &usize| occs[*j].order != Order::Earlier;
                let local = (0..i)
                    .rev()
                    .find(not_earlier)
                    .or_else(|| (i + 1..occs.len()).find(not_earlier))
                    .and_then(|j| stop_of[j]);
                if let Some(a) = local.or(self.anchor_before(y)) {
                    self.relate(false, y, a);
                }
            } else {
                self.anchor = Some(y);
            }
        }
    }

    fn anchor_before(&self, y: usize) -> Option<usize> {
        self.anchor.filter(|&a| a != y)
    }

    fn relate(&mut self, after: bool, y: usize, x: usize) {
        if y == x || self.seen_relations.len() >= 4 * MAX_STOPS {
            return;
        }
        if self
            .seen_relations
            .insert(if after { (y, x) } else { (x, y) })
        {
            if after {
                self.relations.after.push((y, x));
            } else {
                self.relations.before.push((y, x));
            }
        }
    }

    /// Merges one occurrence; returns its stop (none when left out past [`MAX_STOPS`]).
    fn add(&mut self, o: &Occurrence, evidence: &str) -> Option<usize> {
        let place = self.places.get(o.place).clone();
        let mut existing = self.latest.get(&o.place).copied();
        // An airport is the town it serves ("Arrival at Ivato International Airport" after
        // "Departure by plane to Antananarivo"; "Arrival at Haneda Airport, Tokyo"), a park the
        // town one stays in ("Zion National Park, where we spent two nights at Springdale"): the
        // stop just made, or the one before it (a farewell at the airport after the next leg).
        let recent = [self.current, self.current.and_then(|c| c.checked_sub(1))];
        let mut served = false;
        if existing.is_none_or(|e| Some(e) != self.current)
            && let Some(c) = recent.into_iter().flatten().find(|&c| {
                let s = &self.stops[c];
                let same_segment = s.sentence == o.segment;
                // An airport known by its own name (Kansai International Airport) serves a town
                // farther off than one named after a town (Geneva Airport is not Annecy's).
                let airport_radius = if place.site == Some("airport") {
                    AIRPORT_RADIUS_M
                } else {
                    SAME_TOWN_RADIUS_M
                };
                let radius = if o.airport {
                    airport_radius
                } else if same_segment && self.airport_only[c] {
                    AIRPORT_RADIUS_M
                } else if self.airport_only[c] {
                    SAME_TOWN_RADIUS_M
                } else if same_segment && (place.site.is_some() || s.place.site.is_some()) {
                    SITE_RADIUS_M
                } else {
                    0.0
                };
                existing != Some(c)
                    && s.place.scope == Scope::City
                    && near(&s.place, &place, radius)
            })
        {
            if self.airport_only[c] && !o.airport {
                if let Some(old) = self.places.find(&self.stops[c].place.key) {
                    self.latest.remove(&old);
                }
                self.stops[c].place = place.clone();
                self.airport_only[c] = false;
            }
            self.latest.insert(o.place, c);
            existing = Some(c);
            served = true;
        }
        let stop_date = |s: &Stop| s.arrive.as_ref().or(s.depart.as_ref()).map(|d| d.date);
        let separate = match (o.role, existing) {
            _ if served => false,
            (_, None) => true,
            (Role::Return, Some(e)) => Some(e) != self.current,
            (Role::Visit | Role::DepartFrom, Some(e)) => {
                // Named again with a later day, another stop's day in between: back there (for a
                // departure too: "Departure from Porto Airport" after a day in Coimbra).
                let (d0, d) = (stop_date(&self.stops[e]), o.date());
                let between = self
                    .current
                    .filter(|&c| c != e)
                    .and_then(|c| stop_date(&self.stops[c]));
                matches!((d0, d, between), (Some(d0), Some(d), Some(b)) if d0 < d && d0 <= b && b <= d)
            }
        };
        if !separate {
            let e = existing.expect("separate when none");
            let s = &mut self.stops[e];
            s.confidence = s.confidence.max(o.confidence);
            // The earliest arrival stands; a day heading's gives way to an arrival line's
            // ("ROME – ULAANBAATAR" on Friday, "Arrival at Chinggis Khaan Airport" on Saturday).
            let heading = |d: &Dated| d.how.starts_with("the day heading");
            let replace = match (&s.arrive, &o.arrive) {
                (None, Some(_)) => true,
                (Some(a), Some(b)) => {
                    b.date < a.date
                        || (heading(a)
                            && o.cue.starts_with("arriv")
                            && b.date > a.date
                            && b.date.since(a.date).is_ok_and(|x| x.get_days() <= 2))
                }
                _ => false,
            };
            if replace {
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
            return Some(e);
        }
        if self.stops.len() >= MAX_STOPS {
            self.truncated += 1;
            return None;
        }
        self.stops
            .push(new_stop(o, place, evidence, existing.is_some()));
        self.airport_only.push(o.airport);
        let i = self.stops.len() - 1;
        self.latest.insert(o.place, i);
        self.current = Some(i);
        Some(i)
    }

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

    /// The stops in travel order.
    pub fn finish(mut self) -> Vec<Stop> {
        self.promote_towns();
        self.meeting_dates();
        let stops = order::arrange(self.stops, &self.relations);
        let stops = absorb_countries(stops);
        let mut stops = order::by_dates(stops);
        // Only the first stop can be where the trip sets out from.
        for s in stops.iter_mut().skip(1) {
            s.is_origin = false;
        }
        stops
    }

    /// The first town named `in X` of each country that is a stop only at country level becomes
    /// a stop (at the end of the list: [`absorb_countries`] puts it in its country's place).
    fn promote_towns(&mut self) {
        let country_stops: HashSet<String> = self
            .stops
            .iter()
            .filter(|s| s.place.scope == Scope::Country)
            .map(|s| s.place.country.clone())
            .collect();
        let mut with_town: HashSet<String> = self
            .stops
            .iter()
            .filter(|s| s.place.scope == Scope::City)
            .map(|s| s.place.country.clone())
            .collect();
        let mut towns: Vec<(usize, usize, u32, String)> = self
            .promotable
            .drain()
            .map(|(p, (seg, pos, ev))| (seg, pos, p, ev))
            .collect();
        towns.sort();
        for (segment, pos, p, evidence) in towns {
            let place = self.places.get(p);
            if !country_stops.contains(&place.country) || with_town.contains(&place.country) {
                continue;
            }
            with_town.insert(place.country.clone());
            self.stops.push(Stop {
                place: place.clone(),
                written: place.name.clone(),
                arrive: None,
                depart: None,
                confidence: 0.5,
                cue: "in X, a town of a visited country".into(),
                evidence,
                sentence: segment,
                pos,
                replaces: Vec::new(),
                is_return: false,
                is_origin: false,
                order: Order::Text,
            });
        }
    }

    /// Dates the one visited country a meeting's segment names, when nothing else dates it.
    fn meeting_dates(&mut self) {
        let mut by_country: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, s) in self.stops.iter().enumerate() {
            by_country
                .entry(s.place.country.clone())
                .or_default()
                .push(i);
        }
        for m in std::mem::take(&mut self.meetings) {
            let visited: HashSet<&str> = m
                .countries
                .iter()
                .map(String::as_str)
                .filter(|c| by_country.contains_key(*c))
                .collect();
            if visited.len() != 1 {
                continue;
            }
            let c = *visited.iter().next().expect("one");
            let idx = &by_country[c];
            if idx
                .iter()
                .any(|&i| self.stops[i].arrive.is_some() || self.stops[i].depart.is_some())
            {
                continue;
            }
            let s = &mut self.stops[idx[0]];
            s.arrive = Some(m.dated);
            s.confidence = s.confidence.min(0.9);
        }
    }
}

/// A stop made by occurrence `o` at `place`; `again` when the trip was there before.
fn new_stop(o: &Occurrence, place: Place, evidence: &str, again: bool) -> Stop {
    Stop {
        place,
        written: o.written.clone(),
        arrive: o.arrive.clone(),
        depart: o.depart.clone(),
        confidence: o.confidence,
        cue: o.cue.clone(),
        evidence: evidence.to_string(),
        sentence: o.segment,
        pos: o.pos,
        replaces: Vec::new(),
        is_return: again,
        is_origin: o.role == Role::DepartFrom && !again,
        order: o.order,
    }
}

/// True when `a` and `b` are at most `radius_m` metres apart.
fn near(a: &Place, b: &Place, radius_m: f64) -> bool {
    let (Ok(x), Ok(y)) = (LonLat::new(a.lon, a.lat), LonLat::new(b.lon, b.lat)) else {
        return false;
    };
    radius_m > 0.0 && distance_m(x, y) <= radius_m
}

/// `arrived in Riyadh, after a flight from Berlin`: a place left from that no stop follows comes
/// before the nearest stop reached earlier in the same segment.
fn origins_first(occs: &mut [Occurrence]) {
    let followed: HashSet<usize> = occs.iter().filter_map(|o| o.follows_local).collect();
    for x in 0..occs.len() {
        if occs[x].role != Role::DepartFrom || followed.contains(&x) {
            continue;
        }
        let y = (0..x)
            .rev()
            .find(|&y| occs[y].role != Role::DepartFrom && occs[y].follows_local.is_none());
        if let Some(y) = y {
            occs[y].follows_local = Some(x);
        }
    }
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
            town.is_origin &= country.is_origin;
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
