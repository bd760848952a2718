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

use super::Extraction;
use crate::geodesy::distance_m;
use crate::model::LonLat;
use jiff::civil::Date;
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

/// A text of the corpus with its hand-made itinerary.
#[derive(Debug, Clone)]
pub struct CorpusText {
    /// File stem (`37-news-seed-shape`).
    pub name: String,
    /// The text.
    pub text: String,
    /// Its itinerary.
    pub expected: Expected,
    /// Kept out of tuning: the name contains `heldout`.
    pub held_out: bool,
}

/// Reads every `NAME.txt` of `dir` with its `NAME.expected.json`, sorted by name.
pub fn read_corpus(dir: &std::path::Path) -> Result<Vec<CorpusText>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut paths: Vec<std::path::PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let read = |p: &std::path::Path| {
                std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()))
            };
            let side = p.with_extension("expected.json");
            let expected: Expected = serde_json::from_str(&read(&side)?)
                .map_err(|e| format!("{}: {e}", side.display()))?;
            expected
                .check()
                .map_err(|e| format!("{}: {e}", side.display()))?;
            let name = p
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            Ok(CorpusText {
                held_out: name.contains("heldout"),
                text: read(&p)?,
                name,
                expected,
            })
        })
        .collect()
}

/// One text's score, with what the tables group it by.
#[derive(Debug, Clone)]
pub struct Scored {
    /// File stem.
    pub name: String,
    /// Genre.
    pub genre: String,
    /// Kept out of tuning.
    pub held_out: bool,
    /// Its counts.
    pub score: Score,
}

/// Extracts and scores each text (`published` from its itinerary).
pub fn score_corpus(texts: &[CorpusText], index: &dyn super::PlaceIndex) -> Vec<Scored> {
    texts
        .iter()
        .map(|t| {
            let options = super::Options {
                published: t.expected.published,
            };
            let score = match super::extract(&t.text, &options, index) {
                Ok(got) => score(&got, &t.expected),
                Err(_) => score_stops(&[], &t.expected),
            };
            Scored {
                name: t.name.clone(),
                genre: t.expected.genre.clone(),
                held_out: t.held_out,
                score,
            }
        })
        .collect()
}

/// A plain-text table: one row per text (when `per_text`), then one per genre and a total, for
/// the tuning texts and, separately, the held-out ones (when any are given).
pub fn table(scored: &[Scored], per_text: bool) -> String {
    let mut out = format!(
        "{:<40} {:>5} {:>4} {:>4}  {:>5} {:>5} {:>5} {:>5}  {:>7} {:>5}\n",
        "text", "texts", "exp", "got", "P", "R", "F1", "order", "dates", "guess"
    );
    let row = |out: &mut String, name: &str, s: &Score| {
        out.push_str(&format!(
            "{:<40} {:>5} {:>4} {:>4}  {:>5.2} {:>5.2} {:>5.2} {:>5.2}  {:>3}/{:<3} {:>5}\n",
            name,
            s.texts,
            s.expected,
            s.found,
            s.precision(),
            s.recall(),
            s.mean_f1(),
            s.mean_order(),
            s.dates_right,
            s.dates_given,
            s.guessed
        ));
    };
    for (held_out, label) in [(false, "tuning"), (true, "held-out")] {
        let part: Vec<&Scored> = scored.iter().filter(|s| s.held_out == held_out).collect();
        if part.is_empty() {
            continue;
        }
        if per_text {
            for s in &part {
                row(&mut out, &s.name, &s.score);
            }
        }
        let mut genres: Vec<&str> = part.iter().map(|s| s.genre.as_str()).collect();
        genres.sort_unstable();
        genres.dedup();
        let mut total = Score::default();
        for g in genres {
            let mut sum = Score::default();
            for s in part.iter().filter(|s| s.genre == g) {
                sum.add(&s.score);
            }
            total.add(&sum);
            row(&mut out, &format!("{label}: {g}"), &sum);
        }
        row(&mut out, &format!("{label}: all"), &total);
    }
    out
}

/// Longest common subsequence of `a` and `b` under `same`: the matched index pairs, in order.
fn lcs<A, B>(a: &[A], b: &[B], same: impl Fn(&A, &B) -> bool) -> Vec<(usize, usize)> {
    let (n, m) = (a.len(), b.len());
    let mut t = vec![vec![0usize; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            t[i][j] = if same(&a[i], &b[j]) {
                t[i + 1][j + 1] + 1
            } else {
                t[i + 1][j].max(t[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut pairs) = (0, 0, Vec::new());
    while i < n && j < m {
        if same(&a[i], &b[j]) && t[i][j] == t[i + 1][j + 1] + 1 {
            pairs.push((i, j));
            i += 1;
            j += 1;
        } else if t[i + 1][j] >= t[i][j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    pairs
}

/// Size of a maximum matching between `a` and `b` where `same` allows a pair (augmenting paths).
fn max_matching<A, B>(a: &[A], b: &[B], same: impl Fn(&A, &B) -> bool) -> usize {
    fn augment<A, B>(
        i: usize,
        a: &[A],
        b: &[B],
        same: &dyn Fn(&A, &B) -> bool,
        seen: &mut [bool],
        owner: &mut [Option<usize>],
    ) -> bool {
        for j in 0..b.len() {
            if seen[j] || !same(&a[i], &b[j]) {
                continue;
            }
            seen[j] = true;
            if owner[j].is_none_or(|k| augment(k, a, b, same, seen, owner)) {
                owner[j] = Some(i);
                return true;
            }
        }
        false
    }
    let mut owner = vec![None; b.len()];
    (0..a.len())
        .filter(|&i| augment(i, a, b, &same, &mut vec![false; b.len()], &mut owner))
        .count()
}

#[cfg(test)]
mod test {
    use super::*;

    fn at(lat: f64, lon: f64, country: &str, date: Option<Date>) -> FoundStop {
        FoundStop {
            at: LonLat::new(lon, lat).unwrap(),
            country: country.into(),
            date,
        }
    }

    fn town(name: &str, lat: f64, lon: f64, date: Option<Date>) -> ExpectedStop {
        ExpectedStop {
            name: name.into(),
            country: "XX".into(),
            level: Level::Town,
            lat: Some(lat),
            lon: Some(lon),
            date,
        }
    }

    fn want(stops: Vec<ExpectedStop>) -> Expected {
        Expected {
            published: None,
            genre: "test".into(),
            stops,
        }
    }

    #[test]
    fn in_order_any_order_and_dates() {
        let d = |day| Some(jiff::civil::date(2024, 1, day));
        let w = want(vec![
            town("A", 0.0, 0.0, d(1)),
            town("B", 0.0, 10.0, d(2)),
            town("C", 0.0, 20.0, None),
        ]);
        // B and A swapped, C 30 km off (a match), one extra stop far away.
        let got = [
            at(0.0, 10.0, "XX", d(2)),
            at(0.0, 0.0, "XX", d(1)),
            at(0.27, 20.0, "XX", None),
            at(40.0, 40.0, "YY", None),
        ];
        let s = score_stops(&got, &w);
        assert_eq!((s.in_order, s.any_order, s.found, s.expected), (2, 3, 4, 3));
        assert_eq!((s.dates_given, s.dates_right), (2, 1));
        assert!((s.mean_order() - 2.0 / 3.0).abs() < 1e-9);
        let (p, r) = (0.5, 2.0 / 3.0);
        assert!((s.mean_f1() - 2.0 * p * r / (p + r)).abs() < 1e-9);
        // 60 km off is no match.
        let s = score_stops(
            &[at(0.54, 0.0, "XX", d(1))],
            &want(vec![town("A", 0.0, 0.0, d(1))]),
        );
        assert_eq!((s.in_order, s.dates_right), (0, 0));
    }

    #[test]
    fn a_country_matches_any_stop_in_it() {
        let w = want(vec![ExpectedStop {
            name: "Iraq".into(),
            country: "IQ".into(),
            level: Level::Country,
            lat: None,
            lon: None,
            date: None,
        }]);
        assert_eq!(score_stops(&[at(36.0, 44.0, "IQ", None)], &w).in_order, 1);
        assert_eq!(score_stops(&[at(36.0, 44.0, "SY", None)], &w).in_order, 0);
    }

    #[test]
    fn empty_lists() {
        let s = score_stops(&[], &want(vec![]));
        assert_eq!((s.mean_f1(), s.mean_order()), (1.0, 1.0));
        let s = score_stops(&[at(0.0, 0.0, "XX", None)], &want(vec![]));
        assert_eq!(s.mean_f1(), 0.0);
        assert!(
            want(vec![ExpectedStop {
                lat: None,
                ..town("A", 0.0, 0.0, None)
            }])
            .check()
            .is_err()
        );
    }
}
