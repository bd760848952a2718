//! [`PlaceIndex`]: the few questions extraction asks of a gazetteer (is this a country, is this a
//! town), and its implementation for the embedded GeoNames [`Gazetteer`].

use crate::geocode::{Gazetteer, Hints, Kind, Level};

/// How much of the world a place stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Scope {
    /// A city, town or village.
    City,
    /// A territory named like a country (`the West Bank`), placed at a town in it.
    Territory,
    /// A whole country, placed at its capital.
    Country,
}

/// A place found in the text, resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// Name to show: the town's gazetteer name, or the country or territory as commonly named.
    pub name: String,
    /// ISO 3166-1 alpha-2 country code.
    pub country: String,
    /// The country's English name.
    pub country_name: String,
    /// First-level region of a town (`West Bank` for Ramallah), when known.
    pub admin1: Option<String>,
    /// Latitude of the town (or capital, or seat), degrees north.
    pub lat: f64,
    /// Longitude, degrees east.
    pub lon: f64,
    /// Population of the town (people; for a country, its capital's).
    pub population: u64,
    /// City, territory or country.
    pub scope: Scope,
    /// The town a country or territory stop is placed at (its capital or seat).
    pub seat: Option<String>,
    /// A query the gazetteer resolves to this very place (`Amman, Jordan`, `Israel`).
    pub query: String,
    /// True when the text used an alternate name (`Bombay`).
    pub alternate: bool,
    /// Identity: `city:<geonameid>`, `site:<id>`, `country:<ISO2>`, `territory:<name>`.
    pub key: String,
    /// For a place that is not a town: what it is (`park`, `landmark`, `mountain`, `airport`).
    pub site: Option<&'static str>,
}

/// The lookups extraction needs. Exact names only: no spelling correction.
pub trait PlaceIndex {
    /// The country called `name` (English name or common alias; not an ISO code).
    fn country(&self, name: &str) -> Option<Place>;
    /// The most likely town called exactly `name` (own or alternate name), anywhere.
    fn city(&self, name: &str) -> Option<Place>;
    /// The most likely town called `name` in country `iso2`.
    fn city_in(&self, name: &str, iso2: &str) -> Option<Place>;
    /// The most likely town called `name` on a trip through `neighbours` (their countries and
    /// positions count in its favour): `San Sebastián` next to Bilbao is in Spain.
    fn city_among(&self, name: &str, neighbours: &[&Place]) -> Option<Place>;
    /// A park, landmark, mountain or airport called exactly `name` (`Zion National Park`,
    /// `Machu Picchu`, `Jomo Kenyatta International Airport`), as a point stop (scope `City`,
    /// with `site` set). None by default.
    fn site(&self, _name: &str) -> Option<Place> {
        None
    }
    /// The airport with IATA or ICAO code `code` (`LHR`, `EGLL`). None by default.
    fn airport_code(&self, _code: &str) -> Option<Place> {
        None
    }
}

impl PlaceIndex for Gazetteer {
    fn country(&self, name: &str) -> Option<Place> {
        if name.chars().all(|c| c.is_uppercase() || c == '.') {
            return None; // codes are for the names table, which knows which ones are written
        }
        let m = self.exact(name, &Hints::none())?;
        if m.level != Level::Country {
            return None;
        }
        let info = self.country_by_name(name)?;
        Some(Place {
            name: info.name.clone(),
            country: m.place.country.clone(),
            country_name: m.place.country_name.clone(),
            admin1: None,
            lat: m.place.lat,
            lon: m.place.lon,
            population: m.place.population,
            scope: Scope::Country,
            seat: info.capital.clone(),
            query: info.name.clone(),
            alternate: false,
            key: format!("country:{}", m.place.country),
            site: None,
        })
    }

    fn city(&self, name: &str) -> Option<Place> {
        let m = self.exact(name, &Hints::none())?;
        (m.level == Level::City).then(|| city_place(&m))
    }

    fn city_in(&self, name: &str, iso2: &str) -> Option<Place> {
        let hints = Hints {
            countries: vec![iso2.to_string()],
            ..Hints::none()
        };
        let m = self.exact(name, &hints)?;
        (m.level == Level::City && m.place.country == iso2).then(|| city_place(&m))
    }

    fn city_among(&self, name: &str, neighbours: &[&Place]) -> Option<Place> {
        let mut hints = Hints::none();
        for p in neighbours {
            if !hints.countries.contains(&p.country) {
                hints.countries.push(p.country.clone());
            }
            if let Ok(at) = crate::model::LonLat::new(p.lon, p.lat) {
                hints.add_point(at);
            }
        }
        let m = self.exact(name, &hints)?;
        if m.level != Level::City {
            return None;
        }
        // Found by another place's alternate name (Puno as Pune's): a place of that very name in
        // the neighbours' countries comes first.
        if m.alternate_name {
            let key = crate::geocode::normalize(name);
            if let Some(own) = m.alternatives.iter().find(|a| {
                crate::geocode::normalize(&a.name) == key && hints.countries.contains(&a.country)
            }) {
                let mut m = m.clone();
                m.place = own.clone();
                m.alternate_name = false;
                return Some(city_place(&m));
            }
        }
        Some(city_place(&m))
    }

    fn site(&self, name: &str) -> Option<Place> {
        let m = self.exact_any(name, &Hints::none())?;
        (m.place.kind != Kind::Town).then(|| city_place(&m))
    }

    fn airport_code(&self, code: &str) -> Option<Place> {
        let m = self.by_code(code)?;
        (m.place.kind == Kind::Airport).then(|| city_place(&m))
    }
}

/// Most answers a [`Memo`] keeps; when full it starts again (so memory stays bounded).
pub const MEMO_ENTRIES: usize = 50_000;

/// A [`PlaceIndex`] that remembers the answers to `country`, `city` and `city_in` (a text asks
/// about the same capitalised words again and again), at most [`MEMO_ENTRIES`] of them.
pub struct Memo<'a> {
    inner: &'a dyn PlaceIndex,
    answers: std::cell::RefCell<std::collections::HashMap<(u8, String), Option<Place>>>,
}

impl<'a> Memo<'a> {
    /// A memo in front of `inner`.
    pub fn new(inner: &'a dyn PlaceIndex) -> Memo<'a> {
        Memo {
            inner,
            answers: Default::default(),
        }
    }

    fn remember(&self, kind: u8, name: &str, ask: impl FnOnce() -> Option<Place>) -> Option<Place> {
        let key = (kind, name.to_string());
        if let Some(found) = self.answers.borrow().get(&key) {
            return found.clone();
        }
        let found = ask();
        let mut answers = self.answers.borrow_mut();
        if answers.len() >= MEMO_ENTRIES {
            answers.clear();
        }
        answers.insert(key, found.clone());
        found
    }
}

impl PlaceIndex for Memo<'_> {
    fn country(&self, name: &str) -> Option<Place> {
        self.remember(0, name, || self.inner.country(name))
    }
    fn city(&self, name: &str) -> Option<Place> {
        self.remember(1, name, || self.inner.city(name))
    }
    fn city_in(&self, name: &str, iso2: &str) -> Option<Place> {
        self.remember(2, &format!("{iso2}\u{1f}{name}"), || {
            self.inner.city_in(name, iso2)
        })
    }
    fn city_among(&self, name: &str, neighbours: &[&Place]) -> Option<Place> {
        self.inner.city_among(name, neighbours)
    }
    fn site(&self, name: &str) -> Option<Place> {
        self.remember(3, name, || self.inner.site(name))
    }
    fn airport_code(&self, code: &str) -> Option<Place> {
        self.remember(4, code, || self.inner.airport_code(code))
    }
}

fn city_place(m: &crate::geocode::Match) -> Place {
    let site = (m.place.kind != Kind::Town).then(|| m.place.kind.as_str());
    Place {
        name: m.place.name.clone(),
        country: m.place.country.clone(),
        country_name: m.place.country_name.clone(),
        admin1: m.place.admin1.clone(),
        lat: m.place.lat,
        lon: m.place.lon,
        population: m.place.population,
        scope: Scope::City,
        seat: None,
        query: format!("{}, {}", m.place.name, m.place.country_name),
        alternate: m.alternate_name,
        key: match site {
            Some(_) => format!("site:{}", m.place.id()),
            None => format!("city:{}", m.place.geonameid),
        },
        site,
    }
}

/// A small in-memory index for tests: (name, ISO2, population, is-country) rows.
#[cfg(test)]
pub struct TestIndex(pub Vec<(&'static str, &'static str, u64, bool)>);

#[cfg(test)]
impl PlaceIndex for TestIndex {
    fn country(&self, name: &str) -> Option<Place> {
        self.find(name, None, true)
    }
    fn city(&self, name: &str) -> Option<Place> {
        self.find(name, None, false)
    }
    fn city_in(&self, name: &str, iso2: &str) -> Option<Place> {
        self.find(name, Some(iso2), false)
    }
    fn city_among(&self, name: &str, _: &[&Place]) -> Option<Place> {
        self.find(name, None, false)
    }
}

#[cfg(test)]
impl TestIndex {
    /// The places the extraction tests name: five countries, then seven cities.
    pub fn sample() -> TestIndex {
        TestIndex(vec![
            ("Israel", "IL", 9_000_000, true),
            ("Jordan", "JO", 10_000_000, true),
            ("Palestine", "PS", 5_000_000, true),
            ("United States", "US", 330_000_000, true),
            ("Iraq", "IQ", 40_000_000, true),
            ("Amman", "JO", 1_000_000, false),
            ("Antony", "FR", 60_000, false),
            ("Tel Aviv", "IL", 400_000, false),
            ("Washington", "US", 700_000, false),
            ("Ramallah", "PS", 40_000, false),
            ("Tokyo", "JP", 9_000_000, false),
            ("Cairo", "EG", 9_000_000, false),
        ])
    }

    fn find(&self, name: &str, iso2: Option<&str>, country: bool) -> Option<Place> {
        let (i, &(n, c, pop, _)) = self
            .0
            .iter()
            .enumerate()
            .find(|(_, r)| r.0 == name && r.3 == country && iso2.is_none_or(|x| x == r.1))?;
        Some(Place {
            name: n.into(),
            country: c.into(),
            country_name: c.into(),
            admin1: None,
            lat: i as f64,
            lon: i as f64,
            population: pop,
            scope: if country { Scope::Country } else { Scope::City },
            seat: None,
            query: n.into(),
            alternate: false,
            key: if country {
                format!("country:{c}")
            } else {
                format!("city:{i}")
            },
            site: None,
        })
    }
}
