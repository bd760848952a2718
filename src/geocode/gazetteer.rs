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

use super::index::{BYTES, Index, PlaceRow};
use super::normalize::{native, normalize};
use super::suggest::suggestions;
use super::{CountryInfo, GeocodeError, Hints, Kind, Level, Match, Place};
use std::sync::OnceLock;

/// The embedded gazetteer. Get it with [`Gazetteer::get`].
#[derive(Debug)]
pub struct Gazetteer {
    pub(crate) index: Index,
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

/// A set of countries and first-level regions a qualifier names.
#[derive(Debug, Clone, Default)]
struct Region {
    countries: Vec<u8>,
    admin1: Vec<u16>,
}

/// What the qualifiers after a query's name say: see [`Gazetteer::qualifiers`].
#[derive(Default)]
struct Qualifiers {
    /// The intersection of the regions named; empty when none was.
    region: Region,
    /// The qualifiers that named a region, as written.
    named: Vec<String>,
    /// Two named regions do not overlap ("Paris, Texas, France").
    conflict: bool,
    /// One per qualifier that is no known region (ignored).
    warnings: Vec<String>,
}

impl Region {
    fn contains(&self, p: &PlaceRow) -> bool {
        self.countries.contains(&p.country) || self.admin1.contains(&p.admin1)
    }
    fn is_empty(&self) -> bool {
        self.countries.is_empty() && self.admin1.is_empty()
    }
}

/// A candidate place with its score (natural log of a weighted population).
#[derive(Debug, Clone, Copy)]
struct Scored {
    index: u32,
    row: PlaceRow,
    alternate: bool,
    score: f64,
    plain: f64,
}

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

    /// [`Gazetteer::lookup`]; `suggest` says whether to search for close names on failure.
    fn lookup_with(
        &self,
        query: &str,
        hints: &Hints,
        suggest: bool,
    ) -> Result<Match, GeocodeError> {
        let whole = normalize(query);
        if whole.is_empty() && native(query).is_none() {
            return Err(GeocodeError::Empty);
        }
        // The whole query as one name: a country, an airport code, or a place ("Washington,
        // D.C." is a name too).
        if let Some(c) = self.placeable_country(&whole) {
            return Ok(self.country_match(query, &whole, c));
        }
        // Four capitals are an ICAO code unless a town has that name ("LIMA", "OSLO").
        let town_named = || {
            self.index
                .postings(&whole)
                .iter()
                .any(|&(i, alternate)| !alternate && self.index.place(i).kind == 0)
        };
        if let Some(m) = self.by_code(query)
            && (query.trim().len() == 3 || !town_named())
        {
            return Ok(m);
        }
        if let Some((key, postings)) = self.postings_of_text(query) {
            return Ok(self.best(query, &key, postings, &Region::default(), hints, Vec::new()));
        }
        // Name, then qualifiers after commas or in brackets.
        let mut parts = query
            .split(SEPARATORS)
            .map(str::trim)
            .filter(|p| !normalize(p).is_empty() || native(p).is_some());
        let name_raw = parts.next().unwrap_or(query);
        let native_name = native(name_raw);
        let name = normalize(name_raw);
        let Qualifiers {
            mut region,
            named: mut named_regions,
            conflict,
            warnings,
        } = self.qualifiers(query, name_raw, parts, hints)?;
        let (mut name, mut postings) = match self.postings_of_text(name_raw) {
            Some(found) => found,
            None => (native_name.clone().unwrap_or(name), Vec::new()),
        };
        if postings.is_empty() && named_regions.is_empty() {
            // "Paris Texas", "Washington DC": trailing words as a region.
            let words: Vec<&str> = name.split(' ').collect();
            for k in (1..words.len()).rev() {
                let head = words[..k].join(" ");
                let tail = words[k..].join(" ");
                if let Some(r) = self.region(&tail) {
                    let p = self.index.postings(&head);
                    if p.iter().any(|&(i, _)| r.contains(&self.index.place(i))) {
                        postings = p;
                        name = head;
                        region = r;
                        named_regions.push(tail);
                        break;
                    }
                }
            }
        }
        if postings.is_empty() {
            let latin = normalize(name_raw);
            let forms = native_name.iter().flat_map(|n| native_variants(n));
            for variant in forms.chain(variants(&latin)) {
                postings = self.index.postings(&variant);
                if !postings.is_empty() {
                    name = variant;
                    break;
                }
            }
        }
        if postings.is_empty() {
            if named_regions.is_empty()
                && let Some(c) = self.placeable_country(&normalize(name_raw))
            {
                return Ok(self.country_match(query, &normalize(name_raw), c));
            }
            return Err(GeocodeError::NotFound {
                query: query.trim().to_string(),
                suggestions: if suggest {
                    self.did_you_mean(&name, &region)
                } else {
                    Vec::new()
                },
            });
        }
        if conflict
            || (!region.is_empty()
                && !postings
                    .iter()
                    .any(|&(i, _)| region.contains(&self.index.place(i))))
        {
            let all = self.best(
                query,
                &name,
                postings,
                &Region::default(),
                &Hints::none(),
                Vec::new(),
            );
            let mut elsewhere = vec![all.place.label()];
            elsewhere.extend(all.alternatives.iter().map(Place::label));
            return Err(GeocodeError::NotInRegion {
                query: query.trim().to_string(),
                name: name_raw.to_string(),
                region: named_regions.join(", "),
                elsewhere,
            });
        }
        Ok(self.best(query, &name, postings, &region, hints, warnings))
    }

    /// The regions named after a query's first part (`name_raw`): their intersection, the parts
    /// that named one, whether two named regions do not overlap, and a warning per unknown
    /// part. A part that is a misspelt region ("Paris, Texsa") is an error suggesting the place
    /// in the regions it is close to.
    fn qualifiers<'q>(
        &self,
        query: &str,
        name_raw: &str,
        parts: impl Iterator<Item = &'q str>,
        hints: &Hints,
    ) -> Result<Qualifiers, GeocodeError> {
        let mut found = Qualifiers::default();
        for q in parts {
            let Some(r) = self.region(&normalize(q)) else {
                let near_misses: Vec<String> = self
                    .close_regions(&normalize(q))
                    .into_iter()
                    .filter_map(|r| {
                        self.lookup_with(&format!("{name_raw}, {r}"), hints, false)
                            .ok()
                    })
                    .map(|m| m.place.label())
                    .collect();
                if !near_misses.is_empty() {
                    return Err(GeocodeError::NotFound {
                        query: query.trim().to_string(),
                        suggestions: near_misses,
                    });
                }
                found.warnings.push(format!(
                    "`{q}` in `{query}` is not a country or region the gazetteer knows; ignored it"
                ));
                continue;
            };
            found.named.push(q.to_string());
            if found.region.is_empty() {
                found.region = r;
            } else {
                found.region = intersect(&found.region, &r, &self.index);
                // "Paris, Texas, France": regions that do not overlap hold nothing.
                found.conflict |= found.region.is_empty();
            }
        }
        Ok(found)
    }

    /// Suggestions for a `name` (normalised) that matched nothing within `region` (empty:
    /// anywhere): for a state or province, its three biggest places; else up to five close
    /// names, saying which alternate name was close (`(known as "...")`).
    fn did_you_mean(&self, name: &str, region: &Region) -> Vec<String> {
        if let Some(r) = self.region(name) {
            let places: Vec<String> = (0..self.index.place_count() as u32)
                .filter(|&i| self.index.place(i).kind == 0 && r.contains(&self.index.place(i)))
                .take(3)
                .map(|i| self.place(i).label())
                .collect();
            if !places.is_empty() {
                return places;
            }
        }
        suggestions(&self.index, name, 5, &|i| {
            region.is_empty() || region.contains(&self.index.place(i))
        })
        .into_iter()
        .map(|(i, key)| {
            let place = self.place(i);
            let own = normalize(&place.name);
            if strsim::osa_distance(name, &own) <= strsim::osa_distance(name, key) {
                place.label()
            } else {
                format!("{} (known as \"{key}\")", place.label())
            }
        })
        .collect()
    }

    /// The place called exactly `name` (a country, or a place's own or alternate name), with no
    /// spelling variants, qualifiers or suggestions; `None` when nothing has that name. For
    /// scanning text (`crate::extract`), where most capitalised words are not places: a miss costs
    /// one binary search instead of a did-you-mean.
    ///
    /// Towns and countries only, as text scanning has always had them; [`Gazetteer::exact_any`]
    /// also finds airports, parks, landmarks and mountains.
    pub fn exact(&self, name: &str, hints: &Hints) -> Option<Match> {
        self.exact_of_kinds(name, hints, &[Kind::Town])
    }

    /// Like [`Gazetteer::exact`], but any kind of place: "Jomo Kenyatta International Airport",
    /// "Yellowstone National Park", "Eiffel Tower" (still no airport codes: see
    /// [`Gazetteer::by_code`]).
    pub fn exact_any(&self, name: &str, hints: &Hints) -> Option<Match> {
        self.exact_of_kinds(
            name,
            hints,
            &[
                Kind::Town,
                Kind::Airport,
                Kind::Park,
                Kind::Landmark,
                Kind::Mountain,
            ],
        )
    }

    /// [`Gazetteer::exact`] among places of `kinds`.
    fn exact_of_kinds(&self, name: &str, hints: &Hints, kinds: &[Kind]) -> Option<Match> {
        let key = normalize(name);
        if let Some(c) = self.country_index(&key, false).filter(|_| !key.is_empty()) {
            return Some(self.country_match(name, &key, c));
        }
        let (key, mut postings) = self.postings_of_text(name)?;
        postings.retain(|&(i, _)| kinds.contains(&Kind::from_code(self.index.place(i).kind)));
        if postings.is_empty() {
            return None;
        }
        Some(self.best(name, &key, postings, &Region::default(), hints, Vec::new()))
    }

    /// The airport whose IATA code ("LHR") or ICAO code ("EGLL") `code` is, written in capitals
    /// (surrounding spaces ignored); `None` for anything else, lower-case letters included.
    pub fn by_code(&self, code: &str) -> Option<Match> {
        let code = code.trim();
        let shaped = match code.len() {
            3 | 4 => code.bytes().all(|b| b.is_ascii_uppercase()),
            _ => false,
        };
        if !shaped {
            return None;
        }
        let places = self.index.by_code(code);
        let (&best, others) = places.split_first()?;
        let mut warnings = Vec::new();
        if !others.is_empty() {
            let also: Vec<String> = others.iter().map(|&i| self.place(i).label()).collect();
            warnings.push(format!(
                "`{code}` is the code of several airports: chose {}; also {}",
                self.place(best).label(),
                also.join("; ")
            ));
        }
        Some(Match {
            query: code.to_string(),
            place: self.place(best),
            level: Level::City,
            matched: code.to_string(),
            alternate_name: false,
            alternatives: others.iter().map(|&i| self.place(i)).collect(),
            warnings,
        })
    }

    /// The first of `text`'s forms (native-script, then Latin) that names a place, with the
    /// places it names.
    fn postings_of_text(&self, text: &str) -> Option<(String, Vec<(u32, bool)>)> {
        native(text)
            .into_iter()
            .chain(Some(normalize(text)))
            .filter(|k| !k.is_empty())
            .map(|k| {
                let p = self.index.postings(&k);
                (k, p)
            })
            .find(|(_, p)| !p.is_empty())
    }

    /// Ranks the places behind `postings` within `region` (empty: anywhere) and builds the match.
    fn best(
        &self,
        query: &str,
        key: &str,
        postings: Vec<(u32, bool)>,
        region: &Region,
        hints: &Hints,
        mut warnings: Vec<String>,
    ) -> Match {
        let mut scored: Vec<Scored> = postings
            .into_iter()
            .map(|(index, alternate)| {
                let row = self.index.place(index);
                let plain = (f64::from(row.population) + 10.0).ln()
                    + if alternate { 0.0 } else { OWN_NAME.ln() };
                let score = plain + self.hint_weight(&row, hints).ln();
                Scored {
                    index,
                    row,
                    alternate,
                    score,
                    plain,
                }
            })
            .filter(|s| region.is_empty() || region.contains(&s.row))
            .collect();
        let order = |a: &Scored, b: &Scored| {
            b.score
                .total_cmp(&a.score)
                .then(b.row.population.cmp(&a.row.population))
                .then(a.row.geonameid.cmp(&b.row.geonameid))
        };
        scored.sort_by(order);
        let best = scored[0];
        // Rivals: other places of nearly the same weight, not the same city again (within
        // SAME_PLACE_M) and not a place merely once known by the name the best one owns.
        let rivals: Vec<String> = scored[1..]
            .iter()
            .take_while(|s| s.score >= best.score - AMBIGUOUS.ln())
            .filter(|s| !s.alternate || best.alternate)
            .filter(|s| {
                super::hints::haversine_m(best.row.lat, best.row.lon, s.row.lat, s.row.lon)
                    > SAME_PLACE_M
            })
            .take(MAX_ALTERNATIVES)
            .map(|s| self.place(s.index).label())
            .collect();
        if !rivals.is_empty() {
            warnings.push(format!(
                "`{}` is ambiguous: chose {} ({}); also {}. Add a country or region (\"{}, ...\") to choose",
                query.trim(),
                self.place(best.index).label(),
                size_note(&best.row),
                rivals.join("; "),
                query.trim()
            ));
        } else if !hints.is_empty() {
            let plain_best = scored
                .iter()
                .max_by(|a, b| {
                    a.plain
                        .total_cmp(&b.plain)
                        .then(a.row.population.cmp(&b.row.population))
                        .then(b.row.geonameid.cmp(&a.row.geonameid))
                })
                .map(|s| s.index);
            if let Some(p) = plain_best
                && p != best.index
            {
                warnings.push(format!(
                    "`{}`: chose {} because the trip's other stops are near it; on its own the name means {}",
                    query.trim(),
                    self.place(best.index).label(),
                    self.place(p).label()
                ));
            }
        }
        Match {
            query: query.to_string(),
            place: self.place(best.index),
            level: Level::City,
            matched: key.to_string(),
            alternate_name: best.alternate,
            alternatives: scored[1..]
                .iter()
                .take(MAX_ALTERNATIVES)
                .map(|s| self.place(s.index))
                .collect(),
            warnings,
        }
    }

    /// The population factor by which hints favour `row`: the trip's region or country, times
    /// nearness to the hinted positions.
    fn hint_weight(&self, row: &PlaceRow, hints: &Hints) -> f64 {
        if hints.is_empty() {
            return 1.0;
        }
        let country = self.index.countries[usize::from(row.country)].iso2;
        let admin1 = self.index.admin1.get(usize::from(row.admin1));
        let region = if let Some(a) = admin1
            && !a.name.is_empty()
            && hints
                .admin1
                .iter()
                .any(|(c, n)| c == country && n == a.name)
        {
            HINT_ADMIN1
        } else if hints.countries.iter().any(|c| c == country) {
            HINT_COUNTRY
        } else {
            1.0
        };
        region * hints.near_factor(row.lat, row.lon)
    }

    /// A match standing for a whole country: its capital.
    fn country_match(&self, query: &str, key: &str, c: usize) -> Match {
        let row = &self.index.countries[c];
        // The capital as indexed, or as the country table gives it; with the country's own
        // code and name either way.
        let place = match row.capital_place {
            Some(i) => Place {
                country: row.iso2.to_string(),
                country_name: row.name.to_string(),
                ..self.place(i)
            },
            None => Place {
                name: row.capital.to_string(),
                lat: row.capital_lat.unwrap_or(0.0),
                lon: row.capital_lon.unwrap_or(0.0),
                country: row.iso2.to_string(),
                country_name: row.name.to_string(),
                admin1: None,
                population: 0,
                timezone: None,
                geonameid: row.capital_geonameid.unwrap_or(0),
                kind: Kind::Town,
                source_id: None,
                iata: None,
                icao: None,
            },
        };
        Match {
            query: query.to_string(),
            place,
            level: Level::Country,
            matched: key.to_string(),
            alternate_name: false,
            // Towns that bear the country's name ("Jordan, Minnesota"), biggest first.
            alternatives: self
                .index
                .postings(key)
                .into_iter()
                .filter(|&(i, alternate)| !alternate && self.index.place(i).kind == 0)
                .take(MAX_ALTERNATIVES)
                .map(|(i, _)| self.place(i))
                .filter(|p| Some(p.geonameid) != row.capital_geonameid)
                .collect(),
            warnings: Vec::new(),
        }
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

    /// The country named `key` (normalised; not an ISO code) if it has a capital to stand for it.
    fn placeable_country(&self, key: &str) -> Option<usize> {
        self.country_index(key, false).filter(|&c| {
            let row = &self.index.countries[c];
            row.capital_place.is_some() || (row.capital_lat.is_some() && row.capital_lon.is_some())
        })
    }

    /// The country whose name (or alias; with `codes`, ISO code) is `key` (normalised).
    fn country_index(&self, key: &str, codes: bool) -> Option<usize> {
        self.index.countries.iter().position(|c| {
            c.keys.contains(&key)
                || (codes && (c.iso2.eq_ignore_ascii_case(key) || c.iso3.eq_ignore_ascii_case(key)))
        })
    }

    /// The countries and regions a qualifier (normalised) names, if any.
    fn region(&self, key: &str) -> Option<Region> {
        if key.is_empty() {
            return None;
        }
        let mut r = Region::default();
        if let Some(c) = self.country_index(key, true) {
            r.countries.push(c as u8);
        }
        let bare = strip_region_word(key);
        let abbreviated: Vec<(&str, &str)> = REGION_ABBREVIATIONS
            .iter()
            .filter(|(_, abbr, _)| abbr.eq_ignore_ascii_case(key))
            .map(|(country, _, name)| (*country, *name))
            .collect();
        for (i, a) in self.index.admin1.iter().enumerate() {
            let us_code = a.country == "US" && a.code.eq_ignore_ascii_case(key);
            let abbreviation = abbreviated.contains(&(a.country, a.name));
            if us_code
                || abbreviation
                || (!a.key.is_empty() && (a.key == key || strip_region_word(a.key) == bare))
            {
                r.admin1.push(i as u16);
            }
        }
        (!r.is_empty()).then_some(r)
    }

    /// The town nearest to (`lat`, `lon`), degrees, within `max_m` metres (great-circle distance
    /// on a sphere), with that distance in metres. A linear scan: about a millisecond.
    pub fn nearest(&self, lat: f64, lon: f64, max_m: f64) -> Option<(Place, f64)> {
        let max_deg = max_m / 111_000.0;
        let coslat = lat.to_radians().cos().abs().max(1e-6);
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

    /// Names of countries and regions a few edits from `key` (normalised; at most 1 edit for
    /// names of up to 5 letters, 2 beyond), closest first, at most 3, as they are written.
    fn close_regions(&self, key: &str) -> Vec<&'static str> {
        let max = if key.len() <= 5 { 1 } else { 2 };
        let countries = self
            .index
            .countries
            .iter()
            .flat_map(|c| c.keys.iter().map(move |k| (*k, c.name)));
        let regions = self.index.admin1.iter().map(|a| (a.key, a.name));
        let mut close: Vec<(usize, &'static str)> = countries
            .chain(regions)
            .filter(|(k, _)| k.len().abs_diff(key.len()) <= max && key.len() >= 3)
            .map(|(k, name)| (strsim::osa_distance(key, k), name))
            .filter(|(d, _)| *d <= max)
            .collect();
        close.sort_unstable();
        close.dedup_by_key(|c| c.1);
        close.into_iter().take(3).map(|(_, name)| name).collect()
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

/// What separates a name from its qualifiers: commas, brackets and semicolons, Latin, Arabic
/// and CJK.
const SEPARATORS: &[char] = &[
    ',', '(', ')', ';', '\u{060C}', '\u{061B}', '\u{3001}', '\u{FF0C}', '\u{FF08}', '\u{FF09}',
    '\u{FF1B}',
];

/// How an ambiguity warning sizes a place: "population 1,234" for a town, its kind otherwise.
fn size_note(row: &PlaceRow) -> String {
    match Kind::from_code(row.kind) {
        Kind::Town => format!(
            "population {}",
            crate::format::format_count(u64::from(row.population))
        ),
        Kind::Airport => "an airport".to_string(),
        Kind::Park => "a park".to_string(),
        Kind::Landmark => "a landmark".to_string(),
        Kind::Mountain => "a mountain".to_string(),
    }
}

/// Native-script forms to try when a name is not found: without the administrative suffix that
/// Japanese, Chinese and Korean names often carry ("京都市" -> "京都", "서울시" -> "서울").
fn native_variants(name: &str) -> Vec<String> {
    const SUFFIXES: &[&str] = &["市", "都", "府", "県", "区", "町", "村", "省", "시", "군"];
    SUFFIXES
        .iter()
        .filter_map(|s| name.strip_suffix(s))
        .filter(|rest| rest.chars().count() >= 2)
        .map(str::to_string)
        .collect()
}

/// Postal abbreviations of Canadian provinces and Australian states (GeoNames codes them with
/// numbers; US states' GeoNames codes are their postal abbreviations already).
const REGION_ABBREVIATIONS: &[(&str, &str, &str)] = &[
    ("CA", "AB", "Alberta"),
    ("CA", "BC", "British Columbia"),
    ("CA", "MB", "Manitoba"),
    ("CA", "NB", "New Brunswick"),
    ("CA", "NL", "Newfoundland and Labrador"),
    ("CA", "NS", "Nova Scotia"),
    ("CA", "ON", "Ontario"),
    ("CA", "PE", "Prince Edward Island"),
    ("CA", "QC", "Quebec"),
    ("CA", "SK", "Saskatchewan"),
    ("CA", "YT", "Yukon"),
    ("CA", "NT", "Northwest Territories"),
    ("CA", "NU", "Nunavut"),
    ("AU", "ACT", "Australian Capital Territory"),
    ("AU", "NSW", "New South Wales"),
    ("AU", "NT", "Northern Territory"),
    ("AU", "QLD", "Queensland"),
    ("AU", "SA", "South Australia"),
    ("AU", "TAS", "Tasmania"),
    ("AU", "VIC", "Victoria"),
    ("AU", "WA", "Western Australia"),
];

/// Places in both regions: countries in both, regions in both or inside a country of the other.
fn intersect(a: &Region, b: &Region, index: &Index) -> Region {
    let in_country = |r: &Region, admin: u16| {
        let country = index.admin1[usize::from(admin)].country;
        r.countries
            .iter()
            .any(|&c| index.countries[usize::from(c)].iso2 == country)
    };
    Region {
        countries: a
            .countries
            .iter()
            .copied()
            .filter(|c| b.countries.contains(c))
            .collect(),
        admin1: a
            .admin1
            .iter()
            .copied()
            .filter(|&x| b.admin1.contains(&x) || in_country(b, x))
            .chain(
                b.admin1
                    .iter()
                    .copied()
                    .filter(|&x| !a.admin1.contains(&x) && in_country(a, x)),
            )
            .collect(),
    }
}

/// A region name without a trailing "state", "province"... ("amman governorate" -> "amman").
fn strip_region_word(key: &str) -> &str {
    const WORDS: &[&str] = &[
        " state",
        " province",
        " region",
        " governorate",
        " oblast",
        " county",
        " prefecture",
        " district",
    ];
    WORDS
        .iter()
        .find_map(|w| key.strip_suffix(w))
        .unwrap_or(key)
}

/// Common spellings to try when a name is not found: "st" <-> "saint" / "sankt", "mt" ->
/// "mount", "ft" -> "fort", no leading "the", German "ue"/"oe"/"ae" for "ü"/"ö"/"ä".
fn variants(name: &str) -> Vec<String> {
    const SWAPS: &[(&str, &str)] = &[
        ("st ", "saint "),
        ("saint ", "st "),
        ("sankt ", "st "),
        ("st ", "sankt "),
        ("ste ", "sainte "),
        ("mt ", "mount "),
        ("ft ", "fort "),
        ("the ", ""),
    ];
    let mut out: Vec<String> = SWAPS
        .iter()
        .filter_map(|(from, to)| name.strip_prefix(from).map(|rest| format!("{to}{rest}")))
        .collect();
    if ["ue", "oe", "ae"].iter().any(|d| name.contains(d)) {
        out.push(
            name.replace("ue", "u")
                .replace("oe", "o")
                .replace("ae", "a"),
        );
    }
    out
}
