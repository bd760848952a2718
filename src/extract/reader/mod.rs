//! Reading a text segment by segment: dates resolved in order, day headings and where-questions
//! carried over, mentions decided, and only what the trip needs kept.

mod remember;
mod stops;

use super::guesses::{Record, guesses, mentioned};
use super::neighbours::with_neighbours;
use super::*;

/// Reads a text segment by segment, keeping what the trip needs.
pub(super) struct Reader<'t> {
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
    pub(super) fn new(
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
    pub(super) fn read(&mut self, s: usize, seg: &Segment) {
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

    /// True when segment `seg` (the first) is a headline: a line of its own, not a sentence.
    fn is_headline(&self, seg: &Segment) -> bool {
        let line = self.text[seg.range.clone()].trim();
        !self.text[..seg.range.start].contains('\n')
            && self.text[seg.range.end..].starts_with(['\n', '\r'])
            && !line.ends_with(['.', '!', '?', '"'])
            && line.chars().count() <= 120
    }

    /// The stops (or guesses), whether they are guesses, the places only mentioned, and how many
    /// stops were left out past the limit.
    pub(super) fn finish(mut self) -> (Vec<Stop>, bool, Vec<Mentioned>, usize) {
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
