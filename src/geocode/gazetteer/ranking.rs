//! Ranking the places a name matches: own name over alternate, hints, population, GeoNames id;
//! ambiguity and hint warnings.

use super::regions::Region;
use super::*;

/// A candidate place with its score (natural log of a weighted population).
#[derive(Debug, Clone, Copy)]
pub(super) struct Scored {
    pub(super) index: u32,
    pub(super) row: PlaceRow,
    pub(super) alternate: bool,
    pub(super) score: f64,
    pub(super) plain: f64,
}

impl Gazetteer {
    /// Ranks the places behind `postings` within `region` (empty: anywhere) and builds the match.
    pub(super) fn best(
        &self,
        query: &str,
        key: &str,
        postings: Vec<(u32, bool)>,
        region: &Region,
        hints: &Hints,
        mut warnings: Vec<String>,
    ) -> Match {
        let scored = self.ranked(postings, region, hints);
        warnings.extend(self.choice_warning(query, &scored, hints));
        let best = scored[0];
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

    /// The places behind `postings` within `region`, best first: score (own name, population,
    /// hints), then population, then the smaller GeoNames id.
    fn ranked(&self, postings: Vec<(u32, bool)>, region: &Region, hints: &Hints) -> Vec<Scored> {
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
        scored
    }

    /// A warning about the choice of `scored[0]`: the query is ambiguous (rivals of nearly the
    /// same weight), or the hints chose another place than the name alone would.
    fn choice_warning(&self, query: &str, scored: &[Scored], hints: &Hints) -> Option<String> {
        let best = scored[0];
        // Rivals: other places of nearly the same weight, not the same city again (within
        // SAME_PLACE_M) and not a place merely once known by the name the best one owns.
        let rivals: Vec<String> = scored[1..]
            .iter()
            .take_while(|s| s.score >= best.score - AMBIGUOUS.ln())
            .filter(|s| !s.alternate || best.alternate)
            .filter(|s| {
                crate::geocode::hints::haversine_m(best.row.lat, best.row.lon, s.row.lat, s.row.lon)
                    > SAME_PLACE_M
            })
            .take(MAX_ALTERNATIVES)
            .map(|s| self.place(s.index).label())
            .collect();
        if !rivals.is_empty() {
            return Some(format!(
                "`{}` is ambiguous: chose {} ({}); also {}. Add a country or region (\"{}, ...\") to choose",
                query.trim(),
                self.place(best.index).label(),
                size_note(&best.row),
                rivals.join("; "),
                query.trim()
            ));
        }
        if hints.is_empty() {
            return None;
        }
        let plain_best = scored
            .iter()
            .max_by(|a, b| {
                a.plain
                    .total_cmp(&b.plain)
                    .then(a.row.population.cmp(&b.row.population))
                    .then(b.row.geonameid.cmp(&a.row.geonameid))
            })
            .map(|s| s.index)?;
        (plain_best != best.index).then(|| {
            format!(
                "`{}`: chose {} because the trip's other stops are near it; on its own the name means {}",
                query.trim(),
                self.place(best.index).label(),
                self.place(plain_best).label()
            )
        })
    }

    /// The population factor by which hints favour `row`: the trip's region or country, times
    /// nearness to the hinted positions.
    pub(super) fn hint_weight(&self, row: &PlaceRow, hints: &Hints) -> f64 {
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
}

/// How an ambiguity warning sizes a place: "population 1,234" for a town, its kind otherwise.
pub(super) fn size_note(row: &PlaceRow) -> String {
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
