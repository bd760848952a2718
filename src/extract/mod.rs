//! From a news story, a programme, a tour page or a travel blog to a draft itinerary: text in, the
//! places the traveller went to (in order, with dates, evidence and a confidence) and the places
//! only mentioned out.
//!
//! Stages, one file each: [`sentences`] (segments: sentences, and the lines of programmes, lists
//! and timetables, as [`layout`] classifies them) -> [`tokens`] -> [`mentions`] (capitalised spans
//! against the gazetteer, country names and the [`names`] table) -> [`cues`] (stop or mentioned,
//! and why; words in [`cue_words`]) and [`layout_cues`] (places given by a listed line, a leg or
//! an answer to "Where ...?") -> [`traveller`] (whose trip) -> [`dates`] (absolute and relative
//! days, against the publication date) and [`attach`] (days to stops) -> [`sequence`] (merge,
//! replace countries by towns) and [`order`] (travel order) -> [`trip`] (tripmap JSON) and
//! [`explain`] (a table).
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
//! The text is read one segment at a time and only what the trip needs is kept (the stops found,
//! one record per place mentioned), so time and memory grow in proportion to the text: see
//! [`MAX_INPUT_BYTES`]. Deterministic and offline: the same text and options give the same bytes.

pub mod attach;
pub mod cue_words;
pub mod cues;
pub mod dates;
pub mod explain;
pub mod layout;
pub mod layout_cues;
pub mod mentions;
pub mod names;
pub mod order;
pub mod places;
pub mod quality;
pub mod sentences;
pub mod sequence;
pub mod tokens;
pub mod traveller;
pub mod trip;

use cues::{Decision, Order};
use jiff::civil::Date;
use layout::Line;
use mentions::{Mention, What};
pub use places::PlaceIndex;
use places::{Place, Scope};
use sentences::Segment;
pub use sequence::Stop;
use sequence::{Dated, Occurrence};
use std::collections::{HashMap, HashSet};
use traveller::{Person, Travellers};

/// The default largest text `tripmap extract` reads, in bytes (64 MiB): about a minute of work and
/// well under 1 GB of memory on a laptop (README: "From a news story to a trip", speed).
pub const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

/// Most guesses written when no place has a travel cue.
pub const MAX_GUESSES: usize = 12;

/// What `extract` needs besides the text.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Publication day: the reference for `on Monday`. Without it, a dateline with a year is used.
    pub published: Option<Date>,
}

/// A place the text names that is not a stop, with the reason and the evidence.
#[derive(Debug, Clone, PartialEq)]
pub struct Mentioned {
    /// The place's name as shown (`Gaza`, `Qatar`, `White House`).
    pub name: String,
    /// Why it is not a stop (`no travel cue`, `demonym`...), for its first mention.
    pub reason: String,
    /// Index of the segment of the first mention.
    pub sentence: usize,
    /// That segment, on one line.
    pub evidence: String,
}

/// The result: stops in travel order and places only mentioned.
#[derive(Debug, Clone)]
pub struct Extraction {
    /// Stops, in travel order. When no place has a travel cue, the places the text names, as
    /// low-confidence guesses (see `guessed`).
    pub stops: Vec<Stop>,
    /// True when `stops` are guesses: the text names places but says of none that the traveller
    /// went there.
    pub guessed: bool,
    /// Places named but not visited, in order of first mention (one entry per place).
    pub mentioned: Vec<Mentioned>,
    /// The reference day and where it came from (`--published` or the dateline).
    pub reference: (Date, &'static str),
    /// The first line when it reads as a headline.
    pub headline: Option<String>,
    /// Stops left out past the trip limit ([`sequence::MAX_STOPS`]).
    pub left_out: usize,
}

impl Extraction {
    /// Why no trip can be written, when none can: the text names no place at all. (A text that
    /// names places always gives a trip: when none has a travel cue, guesses.)
    pub fn nothing_to_write(&self) -> Option<String> {
        self.stops.is_empty().then(|| {
            "the text names no place the gazetteer knows: no trip to write (--explain lists what was read)".into()
        })
    }

    /// What a person should be told about the trip written (on standard error): that its stops
    /// are guesses, or that stops were left out.
    pub fn warnings(&self) -> Vec<String> {
        if self.left_out > 0 {
            return vec![format!(
                "the text names more than {} stops: {} more were left out (a trip holds at most that many)",
                sequence::MAX_STOPS,
                self.left_out
            )];
        }
        if self.guessed {
            let n = self.stops.len();
            return vec![format!(
                "no place follows a travel cue such as \"visit to\", \"arrived in\" or \"left X for Y\": wrote the {n} place{} the text names as low-confidence guesses (property `low_confidence`); --explain says why",
                if n == 1 { "" } else { "s" }
            )];
        }
        Vec::new()
    }
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
    let mut segments = sentences::segments(text).peekable();
    if segments.peek().is_none() {
        return Err(ExtractError::Empty);
    }
    let opening: Vec<Segment> = sentences::segments(text).take(3).collect();
    let opening_tokens: Vec<Vec<tokens::Token<'_>>> = opening
        .iter()
        .map(|g| tokens::tokenize(text, g.range.start, g.range.end))
        .collect();
    let reference = match options.published {
        Some(d) => (d, "--published"),
        None => (
            opening_tokens
                .iter()
                .find_map(|t| dates::dateline(t, None))
                .ok_or(ExtractError::NoReference)?,
            "dateline",
        ),
    };
    // A dateline's date is when the story was filed, not a day of the trip.
    let dateline = opening_tokens.iter().enumerate().find_map(|(s, t)| {
        dates::dateline_at(t, Some(reference.0.year())).map(|(_, last)| (s, last))
    });
    drop(opening_tokens);
    let memo = places::Memo::new(index);
    let census = sentences::census(text);
    let mut reader = Reader::new(text, reference.0, &memo, dateline, census);
    for (s, seg) in segments.enumerate() {
        reader.read(s, &seg);
    }
    let headline = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .filter(|l| l.chars().count() <= 120 && !l.ends_with(['.', '!', '?', '"']))
        .map(str::to_string);
    let (stops, guessed, mentioned, left_out) = reader.finish();
    Ok(Extraction {
        stops,
        guessed,
        mentioned,
        reference,
        headline,
        left_out,
    })
}

/// A place mentioned, once per name: the first mention's reason, and the place (for guesses).
struct Record {
    mentioned: Mentioned,
    place: Option<Place>,
}

/// Reads a text segment by segment, keeping what the trip needs.
struct Reader<'t> {
    text: &'t str,
    reference: Date,
    index: &'t dyn PlaceIndex,
    /// The dateline's segment and last token.
    dateline: Option<(usize, usize)>,
    /// The date last resolved (for `the same day`).
    previous: Option<dates::Resolved>,
    /// The earliest day resolved so far: the trip's first day, for `Day 3`.
    earliest: Option<Date>,
    /// The day heading the lines being read (`Saturday, 2 March 2024`).
    heading: Option<Dated>,
    /// The where-question being answered (`Where do they play?`).
    question: Option<String>,
    /// The text lists stops on lines: two or more dated lines, days, rows or legs.
    listing: bool,
    /// Two or more lines start with a clock time.
    timed: bool,
    /// The text is a programme: day headings or legs.
    programme: bool,
    travellers: Travellers,
    /// The traveller, once a stop's subject names them.
    main: Option<Person>,
    /// The stops found in a headline, kept aside: they go if the body names the same places.
    headline: Vec<Occurrence>,
    headline_evidence: String,
    trip: sequence::Builder,
    records: Vec<Record>,
    record_of: HashMap<String, usize>,
}

impl<'t> Reader<'t> {
    fn new(
        text: &'t str,
        reference: Date,
        index: &'t dyn PlaceIndex,
        dateline: Option<(usize, usize)>,
        census: sentences::Census,
    ) -> Reader<'t> {
        Reader {
            text,
            reference,
            index,
            dateline,
            previous: None,
            earliest: None,
            heading: None,
            question: None,
            listing: census.listing >= 2,
            timed: census.timed >= 2,
            programme: census.programme >= 1,
            travellers: Travellers::default(),
            main: None,
            headline: Vec::new(),
            headline_evidence: String::new(),
            trip: sequence::Builder::default(),
            records: Vec::new(),
            record_of: HashMap::new(),
        }
    }

    /// Reads segment `s`.
    fn read(&mut self, s: usize, seg: &Segment) {
        let text = self.text;
        let toks = tokens::tokenize(text, seg.range.start, seg.range.end);
        let mut found = dates::find(&toks);
        if let Some((ds, last)) = self.dateline
            && ds == s
        {
            found.retain(|d| d.first > last);
        }
        let mut resolved: Vec<(dates::DateMention, dates::Resolved)> = Vec::new();
        for d in &found {
            let anchors = dates::Anchors {
                reference: self.reference,
                future: dates::future_at(&toks, d.first),
                previous: self.previous.as_ref(),
                trip_start: self.earliest,
            };
            if let Some(r) = dates::resolve(&d.expr, &anchors) {
                self.previous = Some(r.clone());
                self.earliest = Some(self.earliest.map_or(r.from, |e| e.min(r.from)));
                resolved.push((d.clone(), r));
            }
        }
        // Day headings date the lines under them, until the next heading or a prose paragraph.
        match seg.line {
            Line::DateHeading => {
                self.heading = resolved
                    .first()
                    .map(|(d, r)| attach::dated(r.from, d, r, "day heading"));
            }
            Line::DayHeading => {
                self.heading = resolved
                    .iter()
                    .find(|(d, _)| d.first <= 2)
                    .map(|(d, r)| attach::dated(r.from, d, r, "day heading"));
            }
            Line::Prose if seg.opens_paragraph => self.heading = None,
            _ => {}
        }
        let question = seg.line == Line::Question || text[seg.range.clone()].ends_with('?');
        if question {
            let q = collapse(&text[seg.range.clone()]);
            // "And in Fiji?": a follow-up without a question word keeps asking where.
            if layout_cues::asks_where(&q) {
                self.question = Some(q);
            } else if layout_cues::asks_something_else(&q) {
                self.question = None;
            }
        }
        let ms = mentions::find(text, s, &toks, self.index, seg.line);
        let sentence = cues::Sentence::new(&toks, &ms, &found);
        let mut ds = sentence.decide();
        let listed = match seg.line {
            Line::Dated | Line::DayHeading | Line::Row | Line::Leg => self.listing,
            Line::Timed => self.timed,
            Line::Caps => self.programme,
            _ => false,
        };
        if listed {
            let trip = &self.trip;
            let seen = |key: &str| trip.places.find(key).is_some_and(|i| trip.visited(i));
            layout_cues::listed(seg.line, &sentence, &toks, &ms, &mut ds, &seen);
        }
        if !question && let Some(q) = &self.question {
            layout_cues::answered(q, &sentence, &ms, &mut ds);
        }
        let evidence = collapse(&text[seg.range.clone()]);
        let read = Read {
            s,
            seg,
            toks: &toks,
            ms: &ms,
            resolved: &resolved,
            evidence: &evidence,
        };
        self.stops_of(&read, &mut ds);
        self.remember(&read, &ds);
    }

    /// Turns the segment's stop decisions into occurrences: whose trip, dates, then added to the
    /// trip.
    fn stops_of(&mut self, r: &Read<'_, '_>, ds: &mut [Decision]) {
        let (ms, toks) = (r.ms, r.toks);
        let stops: Vec<usize> = (0..ms.len())
            .filter(|&i| ds[i].is_stop() && matches!(ms[i].what, What::Place(_)))
            .collect();
        if stops.is_empty() {
            return;
        }
        let ats: Vec<usize> = stops
            .iter()
            .map(|&i| match &ds[i] {
                Decision::Stop { at, .. } => *at,
                Decision::Mentioned(_) => ms[i].first,
            })
            .collect();
        let subjects = self.travellers.subjects(toks, ms, &ats);
        // A headline is about the traveller, in its own short words: it neither names them nor
        // is someone else's.
        let headline = r.s == 0 && self.is_headline(r.seg);
        if self.main.is_none() && !headline {
            self.main = subjects.iter().find_map(|x| x.person.clone());
        }
        let mut kept: Vec<usize> = Vec::new();
        for (&i, subject) in stops.iter().zip(subjects) {
            if let Some(main) = self.main.as_ref().filter(|_| !headline)
                && let Some(why) = subject.someone_else(main)
            {
                ds[i] = Decision::Mentioned(why);
                continue;
            }
            kept.push(i);
        }
        let local_of = |mention: usize| kept.iter().position(|&k| k == mention);
        let mut occs: Vec<Occurrence> = Vec::with_capacity(kept.len());
        for &i in &kept {
            let (
                Decision::Stop {
                    cue,
                    confidence,
                    role,
                    follows,
                    order,
                    ..
                },
                What::Place(place),
            ) = (&ds[i], &ms[i].what)
            else {
                continue;
            };
            occs.push(Occurrence {
                place: self.trip.places.intern(place),
                written: ms[i].text.clone(),
                role: *role,
                order: *order,
                follows_local: follows.and_then(local_of),
                cue: cue.clone(),
                confidence: *confidence,
                segment: r.s,
                pos: toks[ms[i].first].start,
                first: ms[i].first,
                last: ms[i].last,
                arrive: None,
                depart: None,
                airport: ms[i].airport,
            });
        }
        attach::attach(toks, &mut occs, r.resolved, self.heading.as_ref());
        if r.s == 0 && self.is_headline(r.seg) {
            self.headline = occs;
            self.headline_evidence = r.evidence.to_string();
        } else {
            self.trip.add_segment(&mut occs, r.evidence);
        }
    }

    /// True when segment `seg` (the first) is a headline: a line of its own, not a sentence.
    fn is_headline(&self, seg: &Segment) -> bool {
        let line = self.text[seg.range.clone()].trim();
        !self.text[..seg.range.start].contains('\n')
            && self.text[seg.range.end..].starts_with(['\n', '\r'])
            && !line.ends_with(['.', '!', '?', '"'])
            && line.chars().count() <= 120
    }

    /// Keeps what later stages need from the segment's other mentions: one record per place
    /// mentioned, towns named `in X`, a day for the stop just named, and a meeting with a day.
    fn remember(&mut self, r: &Read<'_, '_>, ds: &[Decision]) {
        let (s, toks, ms, resolved) = (r.s, r.toks, r.ms, r.resolved);
        let mut any_stop = false;
        for (m, d) in ms.iter().zip(ds) {
            let Decision::Mentioned(reason) = d else {
                any_stop |= matches!(m.what, What::Place(_));
                continue;
            };
            if let What::Place(p) = &m.what
                && reason == "no travel cue"
                && p.scope == Scope::City
                && m.first > 0
                && toks[m.first - 1].lower() == "in"
            {
                let place = self.trip.places.intern(p);
                self.trip
                    .promotable(place, s, toks[m.first].start, r.evidence);
            }
            let (name, place) = match &m.what {
                What::Place(p) => (p.name.clone(), Some(p.clone())),
                What::Metonym(_) => (m.text.clone(), None),
                What::Demonym(_) => continue,
            };
            if self.record_of.contains_key(&name) {
                continue;
            }
            self.record_of.insert(name.clone(), self.records.len());
            self.records.push(Record {
                mentioned: Mentioned {
                    name,
                    reason: reason.clone(),
                    sentence: s,
                    evidence: r.evidence.to_string(),
                },
                place,
            });
        }
        if any_stop {
            return;
        }
        // "Baku, Azerbaijan. The delegation arrives on 11 November.": the stop just named.
        if let Some((dm, d)) = resolved.iter().find(|(d, _)| {
            (d.first.saturating_sub(4)..d.first).any(|k| {
                matches!(
                    toks[k].lower().as_str(),
                    "arrives" | "arrive" | "arrived" | "arriving" | "lands" | "landed" | "land"
                )
            })
        }) && self.trip.date_last(
            s,
            attach::dated(d.from, dm, d, "arrival, in the next sentence"),
        ) {
            return;
        }
        // "after his meeting with Blinken on Friday, the Israeli prime minister ...".
        let Some(meet) = toks.iter().position(|t| {
            matches!(
                t.lower().as_str(),
                "meeting" | "met" | "talks" | "meetings" | "meet"
            )
        }) else {
            return;
        };
        let Some((dm, d)) = resolved
            .iter()
            .find(|(x, _)| x.first > meet && x.first <= meet + 6)
        else {
            return;
        };
        let mut countries: Vec<String> = ms
            .iter()
            .filter_map(|m| match &m.what {
                What::Demonym(c) => Some(c.clone()),
                What::Place(p) => Some(p.country.clone()),
                What::Metonym(_) => None,
            })
            .collect();
        countries.dedup();
        self.trip.meeting(sequence::Meeting {
            countries,
            dated: Dated {
                date: d.from,
                text: dm.text.clone(),
                how: format!(
                    "a meeting `{} ... {}` in a sentence naming only this visited country ({})",
                    toks[meet].lower(),
                    dm.text,
                    d.how
                ),
            },
        });
    }

    /// The stops (or guesses), whether they are guesses, the places only mentioned, and how many
    /// stops were left out past the limit.
    fn finish(mut self) -> (Vec<Stop>, bool, Vec<Mentioned>, usize) {
        // A headline's stops go when the body names the same places (or towns of a country the
        // headline names): the body's order stands.
        let headline = std::mem::take(&mut self.headline);
        let trip = &self.trip;
        let kept: Vec<Occurrence> = headline
            .into_iter()
            .filter(|o| !trip.covers(trip.places.get(o.place)))
            .collect();
        self.trip.prepend(&kept, &self.headline_evidence);
        let left_out = self.trip.truncated;
        let stops = self.trip.finish();
        let mut stops = with_neighbours(stops, self.index);
        let mut guessed = false;
        if stops.is_empty() {
            stops = guesses(&self.records);
            guessed = !stops.is_empty();
        }
        let mentioned = mentioned(&stops, guessed, self.records);
        (stops, guessed, mentioned, left_out)
    }
}

/// One segment being read: what `stops_of` and `remember` share.
struct Read<'a, 't> {
    s: usize,
    seg: &'a Segment,
    toks: &'a [tokens::Token<'t>],
    ms: &'a [Mention],
    resolved: &'a [(dates::DateMention, dates::Resolved)],
    evidence: &'a str,
}

/// The places a text names without a cue, as low-confidence stops in order of first mention; a
/// country gives way to a town of it.
fn guesses(records: &[Record]) -> Vec<Stop> {
    let candidates: Vec<&Record> = records
        .iter()
        .filter(|r| r.mentioned.reason == "no travel cue" && r.place.is_some())
        .collect();
    let towns: HashSet<&str> = candidates
        .iter()
        .filter_map(|r| r.place.as_ref())
        .filter(|p| p.scope == Scope::City)
        .map(|p| p.country.as_str())
        .collect();
    candidates
        .into_iter()
        .filter_map(|r| {
            let p = r.place.as_ref()?;
            if p.scope != Scope::City && towns.contains(p.country.as_str()) {
                return None;
            }
            Some(Stop {
                place: p.clone(),
                written: r.mentioned.name.clone(),
                arrive: None,
                depart: None,
                confidence: 0.2,
                cue: "a guess: named without a travel cue".into(),
                evidence: r.mentioned.evidence.clone(),
                sentence: r.mentioned.sentence,
                pos: 0,
                replaces: Vec::new(),
                is_return: false,
                is_origin: false,
                order: Order::Text,
            })
        })
        .take(MAX_GUESSES)
        .collect()
}

/// Places named but not stops: towns and countries not visited (a country counts as visited when
/// a stop is in it), metonyms. Demonyms and places inside names are left out.
fn mentioned(stops: &[Stop], guessed: bool, records: Vec<Record>) -> Vec<Mentioned> {
    let keys: HashSet<&str> = stops.iter().map(|s| s.place.key.as_str()).collect();
    let countries: HashSet<&str> = stops.iter().map(|s| s.place.country.as_str()).collect();
    let regions: HashSet<(&str, Option<&str>)> = stops
        .iter()
        .map(|s| (s.place.country.as_str(), s.place.admin1.as_deref()))
        .collect();
    let mut out = Vec::new();
    for r in records {
        let reason = r.mentioned.reason.as_str();
        if let Some(p) = &r.place {
            let visited = keys.contains(p.key.as_str())
                || (p.scope == Scope::Country && countries.contains(p.country.as_str()))
                || (p.scope == Scope::Territory
                    && regions.contains(&(p.country.as_str(), p.admin1.as_deref())));
            if (visited && !guessed)
                || (guessed && keys.contains(p.key.as_str()))
                || reason.starts_with("part of a name")
                || reason.starts_with("qualifies")
            {
                continue;
            }
            if p.scope == Scope::City && p.population < 15_000 && reason == "no travel cue" {
                continue; // small homonyms of ordinary words: not worth a person's attention
            }
        }
        out.push(r.mentioned);
    }
    out
}

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
        // A town found by another town's alternate name (Puno as Pune's) gives way to a town of
        // that very name next to the others, however small.
        let own_name = |p: &Place| {
            stop.place.alternate
                && !p.alternate
                && neighbours.iter().any(|n| n.country == p.country)
        };
        let name = if stop.place.alternate {
            &stop.written
        } else {
            &stop.place.name
        };
        if let Some(p) = index.city_among(name, &neighbours)
            && p.key != stop.place.key
            && (p.population.saturating_mul(10) >= stop.place.population || own_name(&p))
        {
            stop.place = Place {
                alternate: stop.place.alternate,
                ..p
            };
        }
    }
    stops
}

/// A segment on one line: runs of white space become one space.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod test {
    use super::places::TestIndex;
    use super::*;

    #[test]
    fn no_cue_gives_guesses_and_no_place_gives_nothing() {
        let o = Options {
            published: Some(jiff::civil::date(2024, 1, 1)),
        };
        let x = extract("Prices in Cairo and Tokyo rose.", &o, &TestIndex::sample()).unwrap();
        assert!(x.guessed);
        let names: Vec<&str> = x.stops.iter().map(|s| s.place.name.as_str()).collect();
        assert_eq!(names, ["Cairo", "Tokyo"]);
        assert!(x.stops.iter().all(|s| s.confidence < 0.5));
        assert!(x.warnings()[0].contains("low-confidence guesses"));
        let x = extract("Nothing to see here.", &o, &TestIndex::sample()).unwrap();
        assert!(x.stops.is_empty() && !x.guessed);
        assert!(x.nothing_to_write().unwrap().contains("names no place"));
        let x = extract("She flew to Cairo.", &o, &TestIndex::sample()).unwrap();
        assert!(!x.guessed && x.warnings().is_empty() && x.nothing_to_write().is_none());
    }
}
