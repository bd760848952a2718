//! Candidate place mentions in a sentence: runs of capitalised words matched, longest first,
//! against the names table (demonyms, metonyms, territories, abbreviations), country names and
//! the gazetteer's towns.
//!
//! A place inside a longer proper name (`Antony Smith`, `Palestine Liberation Organization`,
//! `Washington Post`) is marked `in_name`; one followed by `'s` is marked `possessive`. A place
//! that opens the name of an airport or a station (`Rome Fiumicino Airport`, `Innsbruck Hbf`,
//! `Toyota City`) stays a place, marked `facility`; so does the first place of a timetable row
//! (`Verona Porta Nuova  17:02`). On leg and heading lines written in capitals (`ROME –
//! NAIROBI`), capitalised words are looked up as if written `Rome`.

mod classify;
mod words;

use super::layout::Line;
use super::names;
use super::places::{Place, PlaceIndex};
use super::tokens::{Kind, Token};
use classify::{airport_code, classify, is_sentence_start_word, title_case};
pub use words::is_calendar_word;
use words::*;

/// What a mention names.
#[derive(Debug, Clone, PartialEq)]
pub enum What {
    /// A place: a town, territory or country.
    Place(Place),
    /// A demonym (`Israeli`): the ISO 3166-1 alpha-2 country.
    Demonym(String),
    /// A metonym (`the White House`): the country whose government it stands for.
    Metonym(String),
}

/// A mention: which tokens of its sentence, and what they name.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Index of the sentence.
    pub sentence: usize,
    /// First token (index into the sentence's tokens).
    pub first: usize,
    /// Last token, inclusive.
    pub last: usize,
    /// The words as written.
    pub text: String,
    /// What they name.
    pub what: What,
    /// Followed by `'s`.
    pub possessive: bool,
    /// Part of a longer proper name.
    pub in_name: bool,
    /// Opens the name of an airport or a station (`Rome Fiumicino Airport`).
    pub facility: bool,
    /// Opens the name of an airport (`Rome Fiumicino Airport`): the stop is the town it serves.
    pub airport: bool,
}

/// Smallest population of a town found by an alternate name (`Bombay`): below it, alternate
/// names are mostly homographs of ordinary words and names (`Day`, `Joe`, `Hamas` for Hamm).
pub const ALTERNATE_MIN_POPULATION: u64 = 500_000;

/// Finds the mentions among `tokens` (sentence `sentence` of `text`).
pub fn find(
    text: &str,
    sentence: usize,
    tokens: &[Token<'_>],
    index: &dyn PlaceIndex,
    line: Line,
) -> Vec<Mention> {
    let finder = Finder {
        text,
        sentence,
        tokens,
        index,
        line,
    };
    let mut out = Vec::new();
    let n = tokens.len();
    let mut i = 0;
    while i < n {
        if !(starts_run(&tokens[i]) || names::get(tokens[i].text).is_some()) {
            i += 1;
            continue;
        }
        let j = run_end(tokens, i);
        let (mut found, covered) = finder.longest_matches(i, j);
        finder.mark_names(&mut found, &covered, i, j);
        out.extend(found);
        i = j;
    }
    out
}

/// Whether a token may open a run of capitalised words: not a calendar word, nor a word that is
/// never a place unless it starts a name (`North`).
fn starts_run(t: &Token<'_>) -> bool {
    t.is_capitalised() && {
        let l = t.lower();
        let l = l.trim_end_matches('.');
        !is_calendar_word(l) && (!NOT_PLACES.contains(&l) || NAME_STARTS.contains(&l))
    }
}

/// Whether a token continues a run of capitalised words.
fn in_run(t: &Token<'_>) -> bool {
    t.is_capitalised() && !is_calendar_word(&t.lower()) || names::get(t.text).is_some()
}

/// The end (exclusive) of the run that starts at `i`: capitalised words, with connectors between
/// them.
fn run_end(tokens: &[Token<'_>], i: usize) -> usize {
    let n = tokens.len();
    let mut j = i + 1;
    loop {
        if j < n && in_run(&tokens[j]) {
            j += 1;
        } else if j + 1 < n
            && tokens[j].kind == Kind::Word
            && CONNECTORS.contains(&tokens[j].text)
            && in_run(&tokens[j + 1])
        {
            j += 2;
        } else {
            break;
        }
    }
    j
}

/// One sentence's text, tokens and line, and the gazetteer, while its mentions are found.
struct Finder<'a, 't> {
    text: &'a str,
    sentence: usize,
    tokens: &'a [Token<'t>],
    index: &'a dyn PlaceIndex,
    line: Line,
}

impl Finder<'_, '_> {
    /// The mentions in the run `i..j`, longest match first, left to right, and which of its
    /// tokens a match covers.
    fn longest_matches(&self, i: usize, j: usize) -> (Vec<Mention>, Vec<bool>) {
        let tokens = self.tokens;
        let capitals = matches!(self.line, Line::Leg | Line::Caps);
        let mut covered = vec![false; j - i];
        let mut found: Vec<Mention> = Vec::new();
        let mut k = i;
        while k < j {
            let mut matched = false;
            for len in (1..=(j - k).min(5)).rev() {
                let last = k + len - 1;
                if CONNECTORS.contains(&tokens[last].text) || CONNECTORS.contains(&tokens[k].text) {
                    continue;
                }
                let span = &self.text[tokens[k].start..tokens[last].end];
                let layout = self.line.is_layout();
                let index = self.index;
                let what = classify(span, index, layout).or_else(|| {
                    capitals
                        .then(|| {
                            airport_code(span, index)
                                .or_else(|| classify(&title_case(span), index, layout))
                        })
                        .flatten()
                });
                if let Some(what) = what {
                    for c in &mut covered[k - i..=last - i] {
                        *c = true;
                    }
                    if let Some(what) = what {
                        let airport = matches!(&what, What::Place(p) if p.site == Some("airport"));
                        found.push(Mention {
                            sentence: self.sentence,
                            first: k,
                            last,
                            text: span.to_string(),
                            what,
                            possessive: tokens.get(last + 1).is_some_and(Token::is_possessive),
                            in_name: false,
                            facility: false,
                            airport,
                        });
                    }
                    k = last + 1;
                    matched = true;
                    break;
                }
            }
            if !matched {
                k += 1;
            }
        }
        (found, covered)
    }

    /// Marks the mentions `found` in the run `i..j` that are inside a longer name, or open the
    /// name of an airport or a station.
    fn mark_names(&self, found: &mut [Mention], covered: &[bool], i: usize, j: usize) {
        let tokens = self.tokens;
        // Places side by side with nothing between them are one name: `Jordan Henderson`.
        let crowded: Vec<bool> = (0..found.len())
            .map(|a| {
                (a > 0 && found[a - 1].last + 1 == found[a].first)
                    || (a + 1 < found.len() && found[a].last + 1 == found[a + 1].first)
            })
            .collect();
        let ends: Vec<usize> = found.iter().map(|m| m.last).collect();
        for (m, crowded) in found.iter_mut().zip(crowded) {
            // Another place right before it in the run: "Rome Fiumicino Airport" is Rome's.
            let after_place = m.first > 0 && ends.contains(&(m.first - 1));
            let uncovered = |t: usize| {
                t >= i && t < j && !covered[t - i] && !CONNECTORS.contains(&tokens[t].text)
            };
            let before = m
                .first
                .checked_sub(1)
                .is_some_and(|t| uncovered(t) && !is_sentence_start_word(tokens, t));
            let after = uncovered(m.last + 1);
            // "Rome Fiumicino Airport", "Toyota City": the run after the place ends in a facility.
            let facility_end = (m.last + 1..j.min(m.last + 6))
                .take_while(|&t| tokens[t].is_capitalised() || CONNECTORS.contains(&tokens[t].text))
                .last()
                .map(|t| tokens[t].lower());
            let facility_end = facility_end.filter(|w| FACILITY_WORDS.contains(&w.as_str()));
            // A timetable row opens with its station: "Verona Porta Nuova  17:02".
            let row_head =
                self.line == Line::Row && tokens[..m.first].iter().all(|t| t.kind != Kind::Word);
            m.facility = facility_end.is_some() && !after_place;
            m.airport |= m.facility
                && facility_end
                    .as_deref()
                    .is_some_and(|w| AIRPORT_WORDS.contains(&w));
            m.in_name = if after_place && facility_end.is_some() {
                true
            } else {
                (before || after || crowded) && !((m.facility || row_head) && !before)
            };
        }
    }
}

#[cfg(test)]
mod test;
