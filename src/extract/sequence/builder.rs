//! Folding occurrences into stops: a segment at a time, each occurrence merges into the latest
//! stop of its place (or of the town an airport or park serves) or makes a new one.

use super::*;

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

    /// The stop an earlier stop `y` comes before: the last one that is not earlier, if not `y`.
    fn anchor_before(&self, y: usize) -> Option<usize> {
        self.anchor.filter(|&a| a != y)
    }

    /// Records once that stop `y` comes after (`after`) or before stop `x`, up to a bound.
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
        let served = self.served_town(o, &place, existing);
        if let Some(c) = served {
            existing = Some(c);
        }
        if served.is_none() && self.is_separate(o, existing) {
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
            return Some(i);
        }
        let e = existing.expect("separate when none");
        self.merge(e, o);
        Some(e)
    }

    /// The stop of the town an airport or a park `place` serves, which `o` merges into: the stop
    /// just made, or the one before it ("Arrival at Ivato International Airport" after
    /// "Departure by plane to Antananarivo"; "Zion National Park, where we spent two nights at
    /// Springdale"; a farewell at the airport after the next leg). A stop known only by its
    /// airport takes the town's place.
    fn served_town(
        &mut self,
        o: &Occurrence,
        place: &Place,
        existing: Option<usize>,
    ) -> Option<usize> {
        if existing.is_some_and(|e| Some(e) == self.current) {
            return None;
        }
        let recent = [self.current, self.current.and_then(|c| c.checked_sub(1))];
        let c = recent.into_iter().flatten().find(|&c| {
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
            existing != Some(c) && s.place.scope == Scope::City && near(&s.place, place, radius)
        })?;
        if self.airport_only[c] && !o.airport {
            if let Some(old) = self.places.find(&self.stops[c].place.key) {
                self.latest.remove(&old);
            }
            self.stops[c].place = place.clone();
            self.airport_only[c] = false;
        }
        self.latest.insert(o.place, c);
        Some(c)
    }

    /// Whether `o` makes a stop of its own rather than merging into `existing`, the latest stop
    /// of its place: a return somewhere else than the stop just made, or a place named again with
    /// a later day and another stop's day in between.
    fn is_separate(&self, o: &Occurrence, existing: Option<usize>) -> bool {
        let stop_date = |s: &Stop| s.arrive.as_ref().or(s.depart.as_ref()).map(|d| d.date);
        match (o.role, existing) {
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
        }
    }

    /// Merges occurrence `o` into stop `e`: the higher confidence, the earliest arrival (a day
    /// heading's gives way to an arrival line's), the first departure, the first order word.
    fn merge(&mut self, e: usize, o: &Occurrence) {
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
    }
}

/// A stop made by occurrence `o` at `place`; `again` when the trip was there before.
pub(super) fn new_stop(o: &Occurrence, place: Place, evidence: &str, again: bool) -> Stop {
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
pub(super) fn near(a: &Place, b: &Place, radius_m: f64) -> bool {
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
