//! Travel cues: decides, for each mention in a sentence, whether the text says the traveller
//! went there (a stop) or only mentions it, and why; and, for a stop, its role (arrival,
//! departure, return) and what the cue says about its place in the trip (first, last, earlier).
//!
//! Stops: `visit(s) to A, B and C`, `trip to`, `traveled to`, `flew to`, `will travel to`,
//! `Departure by plane to`, `will take in A, B and C`, `arrived in`, `landed in`, `stop in`,
//! `three days in`, `Arrival at Haneda Airport, Tokyo`, `visited A`, `via A`, `the route through
//! A`, `left X for Y` (X before Y), `flew from X to Y`, `returned to` / `back to` / `X again` (a
//! second visit), `in X on Saturday` (a place and a day, in a sentence about an event), `met ...
//! in X`, `X, where she will ...`, `update from X`. Lists keep the cue of their first item, past
//! qualifiers (`Tokyo, Japan; Manila, the Philippines; and Hanoi`).
//!
//! Order: `began in`, `opens in` make a first stop; `ends in`, `finishing at`, `conclude his trip
//! in`, `on the way back` and the end of `a road trip from X to Y` a last one; `already visited`,
//! `after visiting`, `after talks in` an earlier one (before the stop the sentence is about).
//!
//! Not stops: demonyms (`Israeli forces`), metonyms (`the White House`), possessives
//! (`Washington's stance`), places inside names (`Palestine Liberation Organization`), cues that
//! are negated (`did not travel to`, `cancelled a visit to`), wished (`could travel to`) or about
//! another trip (`his last trip to`, `where we were last spring`), and everything without a cue.
//! Whose trip it is, is decided later ([`super::traveller`]).

mod arrival_in;
mod events;
mod leaving;
mod lists;
mod order_words;
mod prepositions;
mod presence;
mod vetoes;

use super::cue_words::*;
use super::dates::DateMention;
use super::mentions::{Mention, What};
use super::tokens::Token;
use events::attended_event;
use lists::ListCue;

/// What a stop's cue says about the visit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Went there.
    Visit,
    /// Left from there (`left X`, `flew from X`).
    DepartFrom,
    /// Went there again (`returned to`, `back to`, `again`).
    Return,
}

/// Where a cue puts its stop in the trip, besides dates and the order of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// Nothing said: the order of the text.
    Text,
    /// The trip begins there (`began in`, `opens in`, `set off from`).
    First,
    /// The trip ends there (`ends in`, `finishing at`, the end of `a trip from X to Y`).
    Last,
    /// Before the stop the text is about at that point (`already visited`, `after visiting`).
    Earlier,
}

/// The decision for one mention.
#[derive(Debug, Clone, PartialEq)]
pub enum Decision {
    /// A stop.
    Stop {
        /// The cue as a pattern (`visit to`, `left X for Y`).
        cue: String,
        /// 0 (a guess) to 1 (stated).
        confidence: f64,
        /// Arrival, departure or return.
        role: Role,
        /// For `left X for Y`, `from X to Y`: the index (among the sentence's mentions) of the
        /// stop this one comes right after.
        follows: Option<usize>,
        /// What the cue says about its place in the trip.
        order: Order,
        /// The token where the cue starts (where its subject is looked for).
        at: usize,
    },
    /// Only mentioned, and why.
    Mentioned(String),
}

impl Decision {
    /// True for a stop.
    pub fn is_stop(&self) -> bool {
        matches!(self, Decision::Stop { .. })
    }
}

/// Decides every mention of one sentence. `mentions` are that sentence's, in order; `dates` its
/// date expressions.
pub fn decide(tokens: &[Token<'_>], mentions: &[Mention], dates: &[DateMention]) -> Vec<Decision> {
    Sentence::new(tokens, mentions, dates).decide()
}

/// One sentence being decided: its tokens (and their lower case), mentions and dates.
pub struct Sentence<'a> {
    tokens: &'a [Token<'a>],
    low: Vec<String>,
    mentions: &'a [Mention],
    dates: &'a [DateMention],
}

/// A travel cue found for a mention.
struct Cue {
    /// The cue as a pattern (`visit to`, `left X for Y`).
    phrase: String,
    /// 0 (a guess) to 1 (stated).
    confidence: f64,
    role: Role,
    /// For `left X for Y`, `from X to Y`: the mention it follows.
    follows: Option<usize>,
    /// The cue's first token, where negations and wishes before it are looked for; `usize::MAX`
    /// for a cue inherited by a list.
    start: usize,
    /// Set by the cue itself (`from X to Y` of a trip: last), else worked out from its words.
    order: Option<Order>,
    /// For a cue inherited by a list: the token where the list's own cue starts.
    subject_at: Option<usize>,
}

/// A cue found as [`Cue`] fields, in order.
fn cue(phrase: String, confidence: f64, role: Role, follows: Option<usize>, start: usize) -> Cue {
    Cue {
        phrase,
        confidence,
        role,
        follows,
        start,
        order: None,
        subject_at: None,
    }
}

impl<'a> Sentence<'a> {
    /// A sentence to decide.
    pub fn new(tokens: &'a [Token<'a>], mentions: &'a [Mention], dates: &'a [DateMention]) -> Self {
        Sentence {
            tokens,
            low: tokens.iter().map(Token::lower).collect(),
            mentions,
            dates,
        }
    }

    /// The decision for every mention, in order.
    pub fn decide(&self) -> Vec<Decision> {
        let mut out: Vec<Decision> = Vec::with_capacity(self.mentions.len());
        for m in self.mentions {
            let d = self.decide_one(m, &out);
            out.push(d);
        }
        out
    }

    /// The lower-case word at `i`, or "" past the end.
    pub fn w(&self, i: usize) -> &str {
        self.low.get(i).map(String::as_str).unwrap_or("")
    }

    /// The mention whose last token is `t`.
    fn mention_ending_at(&self, t: usize) -> Option<usize> {
        self.mentions.iter().position(|m| m.last == t)
    }

    /// Whether the decision for mention `i` (among `out`, the decisions so far) is a departure.
    fn departs(out: &[Decision], i: usize) -> bool {
        matches!(
            out.get(i),
            Some(Decision::Stop {
                role: Role::DepartFrom,
                ..
            })
        )
    }

    /// The decision for mention `m`, given the decisions `out` for the mentions before it.
    fn decide_one(&self, m: &Mention, out: &[Decision]) -> Decision {
        let place = match &m.what {
            What::Demonym(_) => return Decision::Mentioned(format!("demonym ({} ...)", m.text)),
            What::Metonym(_) => {
                return Decision::Mentioned(format!("metonym for a government ({})", m.text));
            }
            What::Place(p) => p,
        };
        if m.in_name
            && let Some(event) = attended_event(self.tokens, &self.low, m)
        {
            // "addressing the Munich Security Conference": an event named after its town;
            // "after addressing ..." puts it before the sentence's other stop, like a departure.
            let verb = (0..m.first)
                .rev()
                .find(|&k| AT_EVENT.contains(&self.low[k].as_str()));
            let after = verb.is_some_and(|k| k > 0 && self.low[k - 1] == "after");
            return Decision::Stop {
                cue: format!("at an event named after the town ({event})"),
                confidence: 0.6,
                role: if after { Role::DepartFrom } else { Role::Visit },
                follows: None,
                order: Order::Text,
                at: verb.unwrap_or(m.first),
            };
        }
        if m.in_name {
            return Decision::Mentioned(format!(
                "part of a name ({})",
                span(self.tokens, m.first.saturating_sub(1), m.last + 1)
            ));
        }
        if m.possessive {
            return Decision::Mentioned(format!("possessive ({}'s ...)", m.text));
        }
        // p: the token before the mention, skipping "the".
        let mut p = m.first.checked_sub(1);
        if p.is_some_and(|p| self.w(p) == "the") {
            p = p.and_then(|p| p.checked_sub(1));
        }
        let found = p.and_then(|p| {
            self.cue_before(m, p, out)
                .or_else(|| self.venue_cue(m, p, out))
                .map(ListCue::Cue)
                .or_else(|| self.list_cue(p, place, out))
        });
        let found = match found {
            Some(ListCue::Cue(c)) => c,
            Some(ListCue::Decided(d)) => return d,
            None => match self.where_after(m).or_else(|| self.here_cue(m)) {
                Some(c) => c,
                None => return Decision::Mentioned("no travel cue".into()),
            },
        };
        let at = found.subject_at.unwrap_or(if found.start == usize::MAX {
            m.first
        } else {
            found.start
        });
        if let Some(why) = self.not_this_trip(m, &found) {
            return Decision::Mentioned(why);
        }
        let again = self.w(m.last + 1) == "again";
        let order = found.order.unwrap_or_else(|| self.order_of(&found));
        Decision::Stop {
            confidence: found.confidence,
            role: if again { Role::Return } else { found.role },
            follows: found.follows,
            order,
            at,
            cue: found.phrase,
        }
    }
}

/// The words of tokens `a..=b` joined by spaces.
pub fn span(tokens: &[Token<'_>], a: usize, b: usize) -> String {
    let b = b.min(tokens.len().saturating_sub(1));
    tokens[a..=b]
        .iter()
        .map(|t| t.text)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod test;
