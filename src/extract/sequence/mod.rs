//! From the stops found in each segment to the trip, as a fold over the text: each occurrence
//! merges into the latest stop of its place (but a return, or a place listed again with a later
//! day after other stops, is a second visit; an airport is the town it serves); at the end, towns
//! named `in X` take the place of their country when only the country had a cue, meetings date
//! the country they name, country-level stops give way to towns in them, and the stops are put in
//! travel order ([`super::order`]).
//!
//! Nothing is kept per occurrence: memory is the stops (at most [`MAX_STOPS`]) and one entry per
//! place, and every step is linear in them (hash maps by place, a linked list for moves).

mod builder;
mod finish;
mod notes;

use super::cues::{Order, Role};
use super::order;
use super::places::{Place, Scope};
use crate::geodesy::distance_m;
use crate::model::LonLat;
use jiff::civil::Date;
use std::collections::{HashMap, HashSet};

/// Most stops an extraction keeps (the trip limit, `Limits::max_stops`); past it, new places are
/// left out and [`Builder::truncated`] says so.
pub const MAX_STOPS: usize = 100_000;

/// Most meetings kept for dating (`after his meeting with Blinken on Friday`).
pub const MAX_MEETINGS: usize = 10_000;

/// Largest distance, in metres, from an airport's town to the town it serves.
pub const AIRPORT_RADIUS_M: f64 = 50_000.0;

/// Largest distance, in metres, between an airport named on one line and a town named on another
/// that is one stop with it (`Geneva Airport 11:30`, `Geneva Cornavin 11:50`).
pub const SAME_TOWN_RADIUS_M: f64 = 15_000.0;

/// Largest distance, in metres, between a park or landmark and a town that is one stop with it.
pub const SITE_RADIUS_M: f64 = 25_000.0;

/// A day attached to a stop and how it was worked out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dated {
    /// The day.
    pub date: Date,
    /// The words it came from (`on Saturday`).
    pub text: String,
    /// How it was resolved and attached.
    pub how: String,
}

/// A stop of the extracted trip.
#[derive(Debug, Clone, PartialEq)]
pub struct Stop {
    /// Where.
    pub place: Place,
    /// The name as the text first wrote it (`Puno`, `Bombay`).
    pub written: String,
    /// Arrival day, when the text gives one.
    pub arrive: Option<Dated>,
    /// Departure day, when the text gives one.
    pub depart: Option<Dated>,
    /// 0-1: how sure the text is that this was a stop.
    pub confidence: f64,
    /// The cue that made it a stop (`visit to`, `left X for Y`).
    pub cue: String,
    /// The segment (sentence or line) the cue is in, trimmed to one line.
    pub evidence: String,
    /// Index of that segment.
    pub sentence: usize,
    /// Byte offset of the first mention that made it a stop.
    pub pos: usize,
    /// Names of country or territory stops this town replaced (`Jordan` for Amman).
    pub replaces: Vec<String>,
    /// A second visit (`returned to`, a leg reaching it again).
    pub is_return: bool,
    /// Where the trip sets out from: left (`left X`, `a trip from X`), never reached.
    pub is_origin: bool,
    /// What the text says about its place in the trip (first, last, earlier, or nothing).
    pub order: Order,
}

/// One place decided to be a stop, where the text says so.
#[derive(Debug, Clone)]
pub struct Occurrence {
    /// The place (an index into [`Places`]).
    pub place: u32,
    /// The name as written.
    pub written: String,
    /// Arrival, departure or return.
    pub role: Role,
    /// What the cue says about its place in the trip.
    pub order: Order,
    /// The occurrence this one comes right after (`left X for Y`), by index among its segment's
    /// occurrences.
    pub follows_local: Option<usize>,
    /// The cue as a pattern.
    pub cue: String,
    /// 0-1.
    pub confidence: f64,
    /// Segment index.
    pub segment: usize,
    /// Byte offset of the mention.
    pub pos: usize,
    /// First and last token of the mention in its segment.
    pub first: usize,
    /// See `first`.
    pub last: usize,
    /// Arrival day.
    pub arrive: Option<Dated>,
    /// Departure day.
    pub depart: Option<Dated>,
    /// Named by its airport (`Arrival at Ivato International Airport`): the town it serves may
    /// be a stop nearby.
    pub airport: bool,
}

impl Occurrence {
    fn date(&self) -> Option<Date> {
        self.arrive
            .as_ref()
            .or(self.depart.as_ref())
            .map(|d| d.date)
    }
}

/// The places of a trip, each stored once.
#[derive(Debug, Default)]
pub struct Places {
    list: Vec<Place>,
    by_key: HashMap<String, u32>,
}

impl Places {
    /// The index of `place`, adding it the first time.
    pub fn intern(&mut self, place: &Place) -> u32 {
        if let Some(&i) = self.by_key.get(&place.key) {
            return i;
        }
        let i = u32::try_from(self.list.len()).expect("fewer than 4 billion places");
        self.list.push(place.clone());
        self.by_key.insert(place.key.clone(), i);
        i
    }

    /// The place at `i`.
    pub fn get(&self, i: u32) -> &Place {
        &self.list[i as usize]
    }

    /// The index of the place with `key`, if any.
    pub fn find(&self, key: &str) -> Option<u32> {
        self.by_key.get(key).copied()
    }
}

/// A meeting with a day in a segment without stops (`after his meeting with Blinken on Friday,
/// the Israeli prime minister ...`): it dates the stop in the one visited country it names.
#[derive(Debug, Clone)]
pub struct Meeting {
    /// Countries the segment names (ISO 3166-1 alpha-2), by place or demonym.
    pub countries: Vec<String>,
    /// The meeting's day.
    pub dated: Dated,
}

/// The trip being built, occurrence by occurrence (see the module documentation).
#[derive(Debug, Default)]
pub struct Builder {
    /// The places seen, each once.
    pub places: Places,
    stops: Vec<Stop>,
    /// Whether each stop is so far known only by an airport.
    airport_only: Vec<bool>,
    /// The latest stop of each place.
    latest: HashMap<u32, usize>,
    /// The stop made last.
    current: Option<usize>,
    /// The last stop that is not an earlier one (what `already visited` is before).
    anchor: Option<usize>,
    relations: order::Relations,
    seen_relations: HashSet<(usize, usize)>,
    /// Towns named `in X` without a cue, the first mention of each.
    promotable: HashMap<u32, (usize, usize, String)>,
    meetings: Vec<Meeting>,
    /// Stops left out past [`MAX_STOPS`].
    pub truncated: usize,
}

#[cfg(test)]
mod test;
