//! Scores an extraction against a hand-made itinerary (`*.expected.json` beside each text in
//! `tests/fixtures/extract/`): precision, recall and F1 of the stops matched in order, an order
//! score, and the share of the dates the text gives that came out right. Used by
//! `tests/extract_quality.rs` and `examples/extract_quality.rs`.
//!
//! - A found stop matches an expected one when it is within [`MATCH_RADIUS_M`] of it, or, where
//!   the text names only a country (`"level": "country"`), when it is in that country.
//! - Matched in order: the longest common subsequence of the two stop lists under that rule, so a
//!   stop found in the wrong place of the trip counts once at most. Precision = LCS / found,
//!   recall = LCS / expected, F1 their harmonic mean (1 when both lists are empty).
//! - Order score = LCS / the stops matched in any order (a maximum matching): 1 when every stop
//!   found is in its place, lower when right stops come in the wrong order.
//! - Guesses (written when no place has a travel cue, each marked `low_confidence`) are not
//!   claims: they count as no stop found, and the table counts the texts that got them.
//! - Dates: of the expected stops with a date (the day the text gives for arriving, or for leaving
//!   when it gives only that), those matched (in order) to a found stop whose day — arrival, else
//!   departure — is the same.

mod corpus;
mod matching;

use super::Extraction;
use crate::geodesy::distance_m;
use crate::model::LonLat;
pub use corpus::{CorpusText, Scored, read_corpus, score_corpus, table};
use jiff::civil::Date;
use matching::{lcs, max_matching};
use serde::Deserialize;

/// Largest distance, in metres, between a found stop and the expected one it may match.
pub const MATCH_RADIUS_M: f64 = 50_000.0;

/// A text's hand-made itinerary (`NAME.expected.json`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expected {
    /// `--published`, or null when the text's dateline gives the day.
    #[serde(deserialize_with = "date_opt")]
    pub published: Option<Date>,
    /// What kind of text it is (`announcement`, `programme`, `blog`...), for the per-genre table.
    pub genre: String,
    /// Stops in travel order.
    pub stops: Vec<ExpectedStop>,
}

/// How much of the world an expected stop stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// A town or a site: matched within [`MATCH_RADIUS_M`].
    #[default]
    Town,
    /// The text names only a country (or a territory): matched by any stop in it.
    Country,
}

/// One expected stop.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpectedStop {
    /// The stop's name, for people reading the fixture and the report.
    pub name: String,
    /// ISO 3166-1 alpha-2 country code.
    pub country: String,
    /// Town (the default) or country.
    #[serde(default)]
    pub level: Level,
    /// Latitude, degrees north (required for a town).
    #[serde(default)]
    pub lat: Option<f64>,
    /// Longitude, degrees east (required for a town).
    #[serde(default)]
    pub lon: Option<f64>,
    /// The day the text gives for the stop (arrival, or departure when only that is given), or
    /// null when it gives none.
    #[serde(deserialize_with = "date_opt")]
    pub date: Option<Date>,
}

/// Why an expected itinerary cannot be scored.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExpectedError {
    /// A town-level stop without coordinates.
    #[error("expected stop {index} ({name}): a town needs `lat` and `lon`")]
    NoPosition {
        /// 1-based stop number.
        index: usize,
        /// The stop's name.
        name: String,
    },
}

impl Expected {
    /// Checks that every town-level stop has a position.
    pub fn check(&self) -> Result<(), ExpectedError> {
        for (i, s) in self.stops.iter().enumerate() {
            if s.level == Level::Town && s.position().is_none() {
                return Err(ExpectedError::NoPosition {
                    index: i + 1,
                    name: s.name.clone(),
                });
            }
        }
        Ok(())
    }
}

impl ExpectedStop {
    fn position(&self) -> Option<LonLat> {
        LonLat::new(self.lon?, self.lat?).ok()
    }

    /// Whether a found stop at `at`, in `country`, is this one.
    fn matches(&self, at: LonLat, country: &str) -> bool {
        match self.level {
            Level::Country => self.country == country,
            Level::Town => self
                .position()
                .is_some_and(|p| distance_m(p, at) <= MATCH_RADIUS_M),
        }
    }
}

/// Counts for one text (or, added up, for many).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Score {
    /// Texts counted.
    pub texts: usize,
    /// Expected stops.
    pub expected: usize,
    /// Stops found (written to the trip).
    pub found: usize,
    /// Stops matched in order (longest common subsequence).
    pub in_order: usize,
    /// Stops matched in any order (maximum matching).
    pub any_order: usize,
    /// Expected stops with a date.
    pub dates_given: usize,
    /// ... of which the matched stop has that day.
    pub dates_right: usize,
    /// Sum over texts of each text's F1 (divide by `texts` for the mean).
    pub f1_sum: f64,
    /// Sum over texts of each text's order score.
    pub order_sum: f64,
    /// Texts answered with guesses.
    pub guessed: usize,
}

impl Score {
    /// Adds another text's (or group's) counts.
    pub fn add(&mut self, o: &Score) {
        self.texts += o.texts;
        self.expected += o.expected;
        self.found += o.found;
        self.in_order += o.in_order;
        self.any_order += o.any_order;
        self.dates_given += o.dates_given;
        self.dates_right += o.dates_right;
        self.f1_sum += o.f1_sum;
        self.order_sum += o.order_sum;
        self.guessed += o.guessed;
    }

    /// Stops matched in order / stops found (1 when nothing was found).
    pub fn precision(&self) -> f64 {
        ratio(self.in_order, self.found)
    }

    /// Stops matched in order / stops expected (1 when nothing was expected).
    pub fn recall(&self) -> f64 {
        ratio(self.in_order, self.expected)
    }

    /// Mean over texts of each text's F1.
    pub fn mean_f1(&self) -> f64 {
        mean(self.f1_sum, self.texts)
    }

    /// Mean over texts of each text's order score.
    pub fn mean_order(&self) -> f64 {
        mean(self.order_sum, self.texts)
    }

    /// Dates right / dates given (1 when no date was given).
    pub fn date_accuracy(&self) -> f64 {
        ratio(self.dates_right, self.dates_given)
    }
}

fn mean(sum: f64, n: usize) -> f64 {
    if n == 0 { 1.0 } else { sum / n as f64 }
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

/// A found stop as the scorer sees it.
#[derive(Debug, Clone)]
pub struct FoundStop {
    /// Where the trip places it.
    pub at: LonLat,
    /// ISO 3166-1 alpha-2 country code.
    pub country: String,
    /// Arrival day, else departure day.
    pub date: Option<Date>,
}

/// The stops an extraction claims, as the scorer sees them (none when they are guesses).
pub fn found_stops(got: &Extraction) -> Vec<FoundStop> {
    if got.guessed {
        return Vec::new();
    }
    got.stops
        .iter()
        .filter_map(|s| {
            Some(FoundStop {
                at: LonLat::new(s.place.lon, s.place.lat).ok()?,
                country: s.place.country.clone(),
                date: s.arrive.as_ref().or(s.depart.as_ref()).map(|d| d.date),
            })
        })
        .collect()
}

/// Scores `got` against `want`.
pub fn score(got: &Extraction, want: &Expected) -> Score {
    Score {
        guessed: usize::from(got.guessed),
        ..score_stops(&found_stops(got), want)
    }
}

/// Scores found stops against `want` (see the module documentation).
pub fn score_stops(found: &[FoundStop], want: &Expected) -> Score {
    let same = |g: &FoundStop, w: &ExpectedStop| w.matches(g.at, &g.country);
    let pairs = lcs(found, &want.stops, same);
    let any_order = max_matching(found, &want.stops, same);
    let dates_given = want.stops.iter().filter(|w| w.date.is_some()).count();
    let dates_right = pairs
        .iter()
        .filter(|&&(g, w)| want.stops[w].date.is_some() && found[g].date == want.stops[w].date)
        .count();
    let (p, r) = (
        ratio(pairs.len(), found.len()),
        ratio(pairs.len(), want.stops.len()),
    );
    let f1 = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    Score {
        texts: 1,
        expected: want.stops.len(),
        found: found.len(),
        in_order: pairs.len(),
        any_order,
        dates_given,
        dates_right,
        f1_sum: f1,
        order_sum: ratio(pairs.len(), any_order),
        guessed: 0,
    }
}
#[cfg(test)]
mod test;
