//! From a news story, a programme, a tour page or a travel blog to a draft itinerary: text in, the
//! places the traveller went to (in order, with dates, evidence and a confidence) and the places
//! only mentioned out.
//!
//! Stages, one module each (the larger ones a folder of files, one concept each): [`sentences`]
//! (segments: sentences, and the lines of programmes, lists and timetables, as [`layout`]
//! classifies them) -> [`tokens`] -> [`mentions`] (capitalised spans against the gazetteer,
//! country names and the [`names`] table) -> [`cues`] (stop or mentioned, and why; words in
//! [`cue_words`]) and [`layout_cues`] (places given by a listed line, a leg or an answer to
//! "Where ...?") -> [`traveller`] (whose trip) -> [`dates`] (absolute and relative days, against
//! the publication date) and [`attach`] (days to stops) -> [`sequence`] (merge, replace countries
//! by towns) and [`order`] (travel order) -> [`trip`] (tripmap JSON) and
//! [`explain`] (a table). A private reader drives them segment by segment; places named without
//! any cue become low-confidence guesses, and towns are looked up again near their neighbours.
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

mod guesses;
mod neighbours;
mod reader;

use cues::{Decision, Order};
use jiff::civil::Date;
use layout::Line;
use mentions::{Mention, What};
pub use places::PlaceIndex;
use places::{Place, Scope};
use reader::Reader;
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

/// A segment on one line: runs of white space become one space.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod test;
