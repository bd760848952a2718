//! [`Gazetteer`]: the embedded GeoNames index and the lookup that ranks its places.
//!
//! A query is a name, optionally followed by qualifiers after commas ("Paris, Texas",
//! "Ramallah, West Bank", "Washington, D.C."); a qualifier is a country (name, ISO code) or a
//! first-level region (name; for the US, Canada and Australia also the postal abbreviation: TX,
//! IL, DC, ON, NSW). Without commas, trailing words that name a region are read as a qualifier
//! when the whole query is no name ("Paris Texas", "Washington DC"). A query that is a country's
//! name resolves to its capital, marked [`Level::Country`] (countries without a capital, such as
//! Antarctica, are no match).
//!
//! Ranking: places whose own name matches come before places known by it as an alternate name,
//! unless 10 times smaller; qualifiers filter; [`Hints`] favour places in the trip's regions
//! (or else countries) and near its neighbouring stops; then population; ties go to the smaller
//! GeoNames id, so the result is deterministic.
//!
//! Names in other scripts than Latin ("東京", "القاهرة", "Москва") are looked up under their
//! [`native`] form first, then under their transliteration ([`normalize`]); they are alternate
//! names, so the same ranking applies.
//!
//! Airports, parks, landmarks and mountains ([`Kind`]) rank by the same rules, with a weight
//! standing for population: a large airport counts as a town of 300,000, a medium one with
//! scheduled flights 30,000 (other airports 3,000); a US national park 50,000 (other NPS units
//! 5,000); a landmark or park of tripmap's table 100,000 (known worldwide) or 20,000; a mountain
//! 20,000 to 2,000 by Natural Earth's scale rank. Their short names are alternate names, so a
//! town's own name still wins unless the town is 10 times lighter: "Banff" is the town, not the
//! park; "Kruger" and "Yellowstone" are the parks; "Heathrow" is the airport, with Heathrow,
//! Florida among the alternatives.
//!
//! Airport codes: a query written as an IATA code (three capital letters, "LHR") is the airport
//! with that code, before any name; one written as an ICAO code (four, "EGLL") too, unless a
//! town has that name ("LIMA" and "OSLO" are the cities; their airports are "SPJC" and "ENGM").
//! A country's name or alias written in capitals ("USA", "UAE") stays the country, and codes
//! equal to an abbreviation the gazetteer knows as a place ("NYC") are not indexed. The same letters in lower case ("lhr") are
//! a name like any other, so words such as "Sea" or "Can" never become airports, and
//! [`Gazetteer::exact`], which scans running text, never reads codes (use
//! [`Gazetteer::by_code`]).

mod countries;
mod exact;
mod lookup;
mod ranking;
mod regions;

use super::index::{BYTES, Index, PlaceRow};
use super::normalize::{native, normalize};
use super::{CountryInfo, GeocodeError, Hints, Kind, Level, Match, Place};
use crate::trig;
use std::sync::OnceLock;

/// The embedded gazetteer. Get it with [`Gazetteer::get`].
#[derive(Debug)]
pub struct Gazetteer {
    pub(crate) index: Index,
    /// First-level regions by their key without its trailing "state", "province"... word,
    /// built on the first query that names a region.
    regions_by_bare_key: OnceLock<std::collections::HashMap<&'static str, Vec<u16>>>,
}

/// Weight of matching a place's own name rather than an alternate name (a population factor).
const OWN_NAME: f64 = 10.0;
/// Weight of a place in a first-level region the trip visits.
const HINT_ADMIN1: f64 = 1000.0;
/// Weight of a place in a country the trip visits.
const HINT_COUNTRY: f64 = 20.0;
/// Runners-up within this population factor of the best make the query ambiguous.
const AMBIGUOUS: f64 = 3.0;
/// Places of one name closer than this (metres) are one city in two records, not a choice.
const SAME_PLACE_M: f64 = 25_000.0;
/// How many alternatives a match lists.
const MAX_ALTERNATIVES: usize = 5;

impl Gazetteer {
    /// The embedded gazetteer, decoded on first use (a few milliseconds) and shared afterwards.
    pub fn get() -> &'static Gazetteer {
        static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
        GAZETTEER.get_or_init(Gazetteer::load)
    }

    /// Decodes the embedded index afresh: what [`Gazetteer::get`] does once. For benchmarks;
    /// everything else should share [`Gazetteer::get`].
    pub fn load() -> Gazetteer {
        Gazetteer {
            index: Index::parse(BYTES),
            regions_by_bare_key: OnceLock::new(),
        }
    }

    /// Number of places in the gazetteer.
    pub fn len(&self) -> usize {
        self.index.place_count()
    }

    /// Always false: the embedded gazetteer has places.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Number of distinct normalised names (own and alternate).
    pub fn name_count(&self) -> usize {
        self.index.key_count()
    }

    /// Resolves `query` to a place. See the module documentation for the rules.
    pub fn lookup(&self, query: &str, hints: &Hints) -> Result<Match, GeocodeError> {
        self.lookup_with(query, hints, true)
    }

    /// Like [`Gazetteer::lookup`], but `None` instead of an error, and without the "did you mean"
    /// search (milliseconds) when nothing matches: for scanning text for place names, where most
    /// candidates are not places.
    pub fn find(&self, query: &str, hints: &Hints) -> Option<Match> {
        self.lookup_with(query, hints, false).ok()
    }

    /// Place `i` of the index as a [`Place`].
    pub(crate) fn place(&self, i: u32) -> Place {
        let row = self.index.place(i);
        let country = &self.index.countries[usize::from(row.country)];
        let admin1 = self
            .index
            .admin1
            .get(usize::from(row.admin1))
            .map(|a| a.name)
            .filter(|n| !n.is_empty());
        let kind = Kind::from_code(row.kind);
        let extra = self.index.extra(i);
        let code = |c: &str| (!c.is_empty()).then(|| c.to_string());
        Place {
            name: row.name.to_string(),
            kind,
            lat: row.lat,
            lon: row.lon,
            country: country.iso2.to_string(),
            country_name: country.name.to_string(),
            admin1: admin1.map(str::to_string),
            population: if kind == Kind::Town {
                u64::from(row.population)
            } else {
                0
            },
            source_id: extra.map(|e| e.id.to_string()),
            iata: extra.and_then(|e| code(e.iata)),
            icao: extra.and_then(|e| code(e.icao)),
            timezone: self
                .index
                .zones
                .get(usize::from(row.zone))
                .filter(|z| !z.is_empty())
                .map(|z| z.to_string()),
            geonameid: row.geonameid,
        }
    }

    /// The town nearest to (`lat`, `lon`), degrees, within `max_m` metres (great-circle distance
    /// on a sphere), with that distance in metres. A linear scan: about a millisecond.
    pub fn nearest(&self, lat: f64, lon: f64, max_m: f64) -> Option<(Place, f64)> {
        let max_deg = max_m / 111_000.0;
        let coslat = trig::cos(lat.to_radians()).abs().max(1e-6);
        let mut best: Option<(u32, f64)> = None;
        for i in 0..self.index.place_count() as u32 {
            let row = self.index.place(i);
            if (row.lat - lat).abs() > max_deg || row.kind != 0 {
                continue;
            }
            let dlon = ((row.lon - lon + 540.0) % 360.0 - 180.0).abs();
            if dlon * coslat > max_deg * 1.5 {
                continue;
            }
            let d = super::hints::haversine_m(lat, lon, row.lat, row.lon);
            if d <= max_m && best.is_none_or(|(_, b)| d < b) {
                best = Some((i, d));
            }
        }
        best.map(|(i, d)| (self.place(i), d))
    }

    /// The country called `name` (English name, common alias, or ISO 3166-1 alpha-2/alpha-3 code;
    /// case, accents and punctuation ignored).
    pub fn country_by_name(&self, name: &str) -> Option<CountryInfo> {
        let c = &self.index.countries[self.country_index(&normalize(name), true)?];
        Some(CountryInfo {
            iso2: c.iso2.to_string(),
            iso3: c.iso3.to_string(),
            name: c.name.to_string(),
            capital: (!c.capital.is_empty()).then(|| c.capital.to_string()),
            capital_lat: c.capital_lat,
            capital_lon: c.capital_lon,
            capital_geonameid: c.capital_geonameid,
            population: c.population,
        })
    }
}
