//! Scores an extraction against an expected stop list: precision and recall of the stop sequence
//! (by country and by town, aligned as a longest common subsequence, so order matters) and the
//! share of dates right. Used by `tests/extract_quality.rs` and `examples/extract_quality.rs`.

use super::Extraction;
use crate::geocode::normalize;
use jiff::civil::Date;
use serde::Deserialize;

/// A fixture's expected result (`*.expected.json`).
#[derive(Debug, Clone, Deserialize)]
pub struct Expected {
    /// `--published`, or null when the text's dateline gives the day.
    #[serde(deserialize_with = "date_opt")]
    pub published: Option<Date>,
    /// Stops in travel order.
    pub stops: Vec<ExpectedStop>,
}

/// One expected stop.
#[derive(Debug, Clone, Deserialize)]
pub struct ExpectedStop {
    /// The stop's name as extract names it: the gazetteer's town name, or the country's name
    /// for a country-level stop (compared without case or accents).
    pub name: String,
    /// ISO 3166-1 alpha-2 country code.
    pub country: String,
    /// The stop's day (arrival, or departure when only that is known), or null when the text
    /// gives none.
    #[serde(deserialize_with = "date_opt")]
    pub date: Option<Date>,
}

/// Counts for one text; add them up over texts and take ratios.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Score {
    /// Expected stops.
    pub expected: usize,
    /// Extracted stops.
    pub found: usize,
    /// Stops in both sequences by country (longest common subsequence of country codes).
    pub country_matched: usize,
    /// Stops in both sequences by town name.
    pub city_matched: usize,
    /// Town-matched stops where the expected or extracted stop has a date.
    pub dated: usize,
    /// ... of which the dates agree (both absent counts as neither dated nor right).
    pub dates_right: usize,
}

impl Score {
    /// Adds another text's counts.
    pub fn add(&mut self, o: &Score) {
        self.expected += o.expected;
        self.found += o.found;
        self.country_matched += o.country_matched;
        self.city_matched += o.city_matched;
        self.dated += o.dated;
        self.dates_right += o.dates_right;
    }

    /// Matched / found, 1 when nothing was found and nothing expected.
    pub fn precision(&self, matched: usize) -> f64 {
        ratio(matched, self.found)
    }

    /// Matched / expected.
    pub fn recall(&self, matched: usize) -> f64 {
        ratio(matched, self.expected)
    }

    /// Dates right / dated.
    pub fn date_accuracy(&self) -> f64 {
        ratio(self.dates_right, self.dated)
    }
}

/// `"2023-11-06"` or null.
fn date_opt<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
    let s: Option<String> = Option::deserialize(d)?;
    s.map(|s| s.parse::<Date>().map_err(serde::de::Error::custom))
        .transpose()
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// Scores `got` against `want`.
pub fn score(got: &Extraction, want: &Expected) -> Score {
    let gc: Vec<&str> = got.stops.iter().map(|s| s.place.country.as_str()).collect();
    let wc: Vec<&str> = want.stops.iter().map(|s| s.country.as_str()).collect();
    let gn: Vec<String> = got.stops.iter().map(|s| normalize(&s.place.name)).collect();
    let wn: Vec<String> = want.stops.iter().map(|s| normalize(&s.name)).collect();
    let (country_matched, _) = lcs(&gc, &wc);
    let (city_matched, pairs) = lcs(&gn, &wn);
    let mut dated = 0;
    let mut dates_right = 0;
    for (g, w) in pairs {
        let gs = &got.stops[g];
        let gd = gs.arrive.as_ref().or(gs.depart.as_ref()).map(|d| d.date);
        let wd = want.stops[w].date;
        if gd.is_some() || wd.is_some() {
            dated += 1;
            if gd == wd {
                dates_right += 1;
            }
        }
    }
    Score {
        expected: want.stops.len(),
        found: got.stops.len(),
        country_matched,
        city_matched,
        dated,
        dates_right,
    }
}

/// Longest common subsequence: its length and the matched index pairs (a, b).
fn lcs<T: PartialEq>(a: &[T], b: &[T]) -> (usize, Vec<(usize, usize)>) {
    let (n, m) = (a.len(), b.len());
    let mut t = vec![vec![0usize; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            t[i][j] = if a[i] == b[j] {
                t[i + 1][j + 1] + 1
            } else {
                t[i + 1][j].max(t[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut pairs) = (0, 0, Vec::new());
    while i < n && j < m {
        if a[i] == b[j] {
            pairs.push((i, j));
            i += 1;
            j += 1;
        } else if t[i + 1][j] >= t[i][j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    (t[0][0], pairs)
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn lcs_keeps_order() {
        let (n, pairs) = lcs(&["IL", "JO", "IQ"], &["JO", "IL", "IQ"]);
        assert_eq!(n, 2);
        assert_eq!(pairs.len(), 2);
        assert_eq!(lcs::<&str>(&[], &["A"]).0, 0);
    }

    #[test]
    fn ratios_of_nothing_are_one() {
        let s = Score::default();
        assert_eq!(s.precision(0), 1.0);
        assert_eq!(s.date_accuracy(), 1.0);
    }
}
