//! The end of the fold: towns promoted for countries, meetings dated, the stops put in travel
//! order and country-level stops given way to towns in them.

use super::*;

impl Builder {
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
