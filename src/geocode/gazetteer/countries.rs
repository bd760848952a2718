//! Countries: a query that names one resolves to its capital.

use super::*;

impl Gazetteer {
    /// A match standing for a whole country: its capital.
    pub(super) fn country_match(&self, query: &str, key: &str, c: usize) -> Match {
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

    /// The country named `key` (normalised; not an ISO code) if it has a capital to stand for it.
    pub(super) fn placeable_country(&self, key: &str) -> Option<usize> {
        self.country_index(key, false).filter(|&c| {
            let row = &self.index.countries[c];
            row.capital_place.is_some() || (row.capital_lat.is_some() && row.capital_lon.is_some())
        })
    }

    /// The country whose name (or alias; with `codes`, ISO code) is `key` (normalised).
    pub(super) fn country_index(&self, key: &str, codes: bool) -> Option<usize> {
        self.index.countries.iter().position(|c| {
            c.keys.contains(&key)
                || (codes && (c.iso2.eq_ignore_ascii_case(key) || c.iso3.eq_ignore_ascii_case(key)))
        })
    }
}
