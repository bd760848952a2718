//! Regions a query's qualifiers name (countries and first-level regions, with postal
//! abbreviations), their intersection, and close names for misspelt ones.

use super::*;
use crate::geocode::index::Index;
use std::collections::HashMap;

/// A set of countries and first-level regions a qualifier names.
#[derive(Debug, Clone, Default)]
pub(super) struct Region {
    pub(super) countries: Vec<u8>,
    pub(super) admin1: Vec<u16>,
}

/// What the qualifiers after a query's name say: see [`Gazetteer::qualifiers`].
#[derive(Default)]
pub(super) struct Qualifiers {
    /// The intersection of the regions named; empty when none was.
    pub(super) region: Region,
    /// The qualifiers that named a region, as written.
    pub(super) named: Vec<String>,
    /// Two named regions do not overlap ("Paris, Texas, France").
    pub(super) conflict: bool,
    /// One per qualifier that is no known region (ignored).
    pub(super) warnings: Vec<String>,
}

impl Region {
    pub(super) fn contains(&self, p: &PlaceRow) -> bool {
        self.countries.contains(&p.country) || self.admin1.contains(&p.admin1)
    }
    pub(super) fn is_empty(&self) -> bool {
        self.countries.is_empty() && self.admin1.is_empty()
    }
}

impl Gazetteer {
    /// The regions named after a query's first part (`name_raw`): their intersection, the parts
    /// that named one, whether two named regions do not overlap, and a warning per unknown
    /// part. A part that is a misspelt region ("Paris, Texsa") is an error suggesting the place
    /// in the regions it is close to.
    pub(super) fn qualifiers<'q>(
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

    /// The countries and regions a qualifier (normalised) names, if any.
    pub(super) fn region(&self, key: &str) -> Option<Region> {
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
        // A key equal to a region's has the same bare key, so one map finds both.
        r.admin1 = self
            .regions_by_bare_key()
            .get(bare)
            .cloned()
            .unwrap_or_default();
        // Postal codes are two or three letters: only such a key needs the scan.
        if key.len() <= 3 {
            for (i, a) in self.index.admin1.iter().enumerate() {
                let us_code = a.country == "US" && a.code.eq_ignore_ascii_case(key);
                if us_code || abbreviated.contains(&(a.country, a.name)) {
                    r.admin1.push(i as u16);
                }
            }
            r.admin1.sort_unstable();
            r.admin1.dedup();
        }
        (!r.is_empty()).then_some(r)
    }

    /// First-level regions (index order) by their bare key: see [`strip_region_word`].
    fn regions_by_bare_key(&self) -> &HashMap<&'static str, Vec<u16>> {
        self.regions_by_bare_key.get_or_init(|| {
            let mut map: HashMap<&'static str, Vec<u16>> = HashMap::new();
            for (i, a) in self.index.admin1.iter().enumerate() {
                if !a.key.is_empty() {
                    map.entry(strip_region_word(a.key))
                        .or_default()
                        .push(i as u16);
                }
            }
            map
        })
    }

    /// Names of countries and regions a few edits from `key` (normalised; at most 1 edit for
    /// names of up to 5 letters, 2 beyond), closest first, at most 3, as they are written.
    pub(super) fn close_regions(&self, key: &str) -> Vec<&'static str> {
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
}

/// Postal abbreviations of Canadian provinces and Australian states (GeoNames codes them with
/// numbers; US states' GeoNames codes are their postal abbreviations already).
pub(super) const REGION_ABBREVIATIONS: &[(&str, &str, &str)] = &[
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
pub(super) fn intersect(a: &Region, b: &Region, index: &Index) -> Region {
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
pub(super) fn strip_region_word(key: &str) -> &str {
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
