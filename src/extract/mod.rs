//! From a news story to a draft itinerary: text in, the places the subject travelled to (in
//! order, with dates, evidence and a confidence) and the places only mentioned out.
//!
//! Stages, one file each: [`sentences`] -> [`tokens`] -> [`mentions`] (capitalised spans against
//! the gazetteer, country names and the [`names`] table) -> [`cues`] (stop or mentioned, and
//! why) -> [`dates`] (absolute and relative days, against the publication date) -> [`sequence`]
//! (merge, replace countries by towns, order) -> [`trip`] (tripmap JSON) and [`explain`] (a table).
//!
//! ```
//! use tripmap::extract::{extract, Options};
//! let text = "The minister arrived in Amman on Saturday. He left Amman for Baghdad on Sunday.";
//! let options = Options { published: Some(jiff::civil::date(2023, 11, 6)) };
//! let trip = extract(text, &options, tripmap::geocode::Gazetteer::get()).unwrap();
//! let names: Vec<&str> = trip.stops.iter().map(|s| s.place.name.as_str()).collect();
//! assert_eq!(names, ["Amman", "Baghdad"]);
//! assert_eq!(trip.stops[0].arrive.as_ref().unwrap().date, jiff::civil::date(2023, 11, 4));
//! ```
//!
//! Deterministic and offline: the same text and options give the same bytes.

pub mod cues;
pub mod dates;
pub mod explain;
pub mod mentions;
pub mod names;
pub mod places;
pub mod quality;
pub mod sentences;
pub mod sequence;
pub mod tokens;
pub mod trip;

use cues::Decision;
use jiff::civil::Date;
use mentions::{Mention, What};
pub use places::PlaceIndex;
pub use sequence::Stop;

/// What `extract` needs besides the text.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Publication day: the reference for `on Monday`. Without it, a dateline with a year is used.
    pub published: Option<Date>,
}

/// A place the text names that is not a stop, with the reason and the sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Mentioned {
    /// The place's name as shown (`Gaza`, `Qatar`, `White House`).
    pub name: String,
    /// Why it is not a stop (`no travel cue`, `demonym`...), for its first mention.
    pub reason: String,
    /// Index of the sentence of the first mention.
    pub sentence: usize,
}

/// The result: stops in travel order, places only mentioned, and the sentences as evidence.
#[derive(Debug, Clone)]
pub struct Extraction {
    /// Stops, in travel order.
    pub stops: Vec<Stop>,
    /// Places named but not visited, in order of first mention (one entry per place).
    pub mentioned: Vec<Mentioned>,
    /// The text's sentences (trimmed).
    pub sentences: Vec<String>,
    /// The reference day and where it came from (`--published` or the dateline).
    pub reference: (Date, &'static str),
    /// The first line when it reads as a headline.
    pub headline: Option<String>,
}

/// Why extraction cannot run.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExtractError {
    /// No publication date and no dateline with a year.
    #[error(
        "no reference date: give --published YYYY-MM-DD (the text has no dateline with a year)"
    )]
    NoReference,
    /// Nothing to read.
    #[error("the text is empty")]
    Empty,
}

/// Extracts the trip from `text`. See the module documentation.
pub fn extract(
    text: &str,
    options: &Options,
    index: &dyn PlaceIndex,
) -> Result<Extraction, ExtractError> {
    let ranges = sentences::split(text);
    if ranges.is_empty() {
        return Err(ExtractError::Empty);
    }
    let tokens: Vec<Vec<tokens::Token<'_>>> = ranges
        .iter()
        .map(|r| tokens::tokenize(text, r.start, r.end))
        .collect();
    let reference = match options.published {
        Some(d) => (d, "--published"),
        None => (
            tokens
                .iter()
                .take(3)
                .find_map(|t| dates::dateline(t, None))
                .ok_or(ExtractError::NoReference)?,
            "dateline",
        ),
    };
    let mut all_mentions: Vec<Mention> = Vec::new();
    let mut all_decisions: Vec<Decision> = Vec::new();
    let mut all_dates = Vec::with_capacity(tokens.len());
    let mut previous: Option<dates::Resolved> = None;
    // A dateline's date is when the story was filed, not a day of the trip.
    let dateline: Option<(usize, usize)> = tokens.iter().take(3).enumerate().find_map(|(s, t)| {
        dates::dateline_at(t, Some(reference.0.year())).map(|(_, last)| (s, last))
    });
    for (s, toks) in tokens.iter().enumerate() {
        let future = dates::is_future(toks);
        let mut found = dates::find(toks);
        if let Some((ds, last)) = dateline
            && ds == s
        {
            found.retain(|d| d.first > last);
        }
        let mut resolved = Vec::with_capacity(found.len());
        for d in found {
            let r = dates::resolve(&d.expr, reference.0, future, previous.as_ref());
            if let Some(r) = &r {
                previous = Some(r.clone());
            }
            resolved.push((d, r));
        }
        let ms = mentions::find(text, s, toks, index);
        let ds: Vec<dates::DateMention> = resolved.iter().map(|(d, _)| d.clone()).collect();
        all_decisions.extend(cues::decide(toks, &ms, &ds));
        all_mentions.extend(ms);
        all_dates.push(resolved);
    }
    // Trips owned by people of another nationality than the traveller's are not stops.
    let subject = cues::subject(&all_mentions, &all_decisions);
    let mut at = 0;
    while at < all_mentions.len() {
        let s = all_mentions[at].sentence;
        let end = all_mentions[at..]
            .iter()
            .position(|m| m.sentence != s)
            .map_or(all_mentions.len(), |k| at + k);
        cues::someone_elses(
            &tokens[s],
            &all_mentions[at..end],
            &mut all_decisions[at..end],
            subject.as_deref(),
        );
        at = end;
    }
    let stops = sequence::build(&sequence::Input {
        tokens: &tokens,
        mentions: &all_mentions,
        decisions: &all_decisions,
        dates: &all_dates,
    });
    let stops = with_neighbours(stops, index);
    let mentioned = mentioned(&stops, &all_mentions, &all_decisions);
    let sentences: Vec<String> = ranges.iter().map(|r| collapse(&text[r.clone()])).collect();
    let headline = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .filter(|l| l.chars().count() <= 120 && !l.ends_with(['.', '!', '?', '"']))
        .map(str::to_string);
    Ok(Extraction {
        stops,
        mentioned,
        sentences,
        reference,
        headline,
    })
}

/// Places named but not stops: towns and countries not visited (a country counts as visited when
/// a stop is in it), metonyms. Demonyms and places inside names are left out.
fn mentioned(stops: &[Stop], mentions: &[Mention], decisions: &[Decision]) -> Vec<Mentioned> {
    let mut out: Vec<Mentioned> = Vec::new();
    for (m, d) in mentions.iter().zip(decisions) {
        let Decision::Mentioned(reason) = d else {
            continue;
        };
        let name = match &m.what {
            What::Place(p) => {
                let visited = stops.iter().any(|s| {
                    s.place.key == p.key
                        || (p.scope == Scope::Country && s.place.country == p.country)
                        || (p.scope == Scope::Territory
                            && s.place.admin1 == p.admin1
                            && s.place.country == p.country)
                });
                if visited
                    || reason.starts_with("part of a name")
                    || reason.starts_with("qualifies")
                {
                    continue;
                }
                if p.scope == Scope::City && p.population < 15_000 && reason == "no travel cue" {
                    continue; // small homonyms of ordinary words: not worth a person's attention
                }
                p.name.clone()
            }
            What::Metonym(_) => m.text.clone(),
            What::Demonym(_) => continue,
        };
        if !out.iter().any(|x| x.name == name) {
            out.push(Mentioned {
                name,
                reason: reason.clone(),
                sentence: m.sentence,
            });
        }
    }
    out
}

use places::Scope;

/// Looks each town up again with the trip around it as hints, so a homonym resolves near the
/// other stops (`San Sebastián` after Bilbao: Spain, not Guatemala). The previous and next stops
/// count, by country and nearness.
fn with_neighbours(mut stops: Vec<Stop>, index: &dyn PlaceIndex) -> Vec<Stop> {
    let first: Vec<Place> = stops.iter().map(|s| s.place.clone()).collect();
    for (i, stop) in stops.iter_mut().enumerate() {
        if stop.place.scope != Scope::City {
            continue;
        }
        let neighbours: Vec<&Place> = [i.checked_sub(1), Some(i + 1)]
            .into_iter()
            .flatten()
            .filter_map(|j| first.get(j))
            .filter(|p| p.key != stop.place.key)
            .collect();
        if neighbours.is_empty() {
            continue;
        }
        // A smaller namesake wins only when not much smaller: Lima stays in Peru next to
        // Buenos Aires, though Lima, Argentina is nearer.
        if let Some(p) = index.city_among(&stop.place.name, &neighbours)
            && p.key != stop.place.key
            && p.population.saturating_mul(10) >= stop.place.population
        {
            stop.place = Place {
                alternate: stop.place.alternate,
                ..p
            };
        }
    }
    stops
}

use places::Place;

/// A sentence on one line: runs of white space become one space.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
