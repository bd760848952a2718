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

use super::cue_words::*;
use super::dates::DateMention;
use super::mentions::{Mention, What};
use super::places::Place;
use super::tokens::Token;

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

/// What a list before a mention says about it.
enum ListCue {
    /// It takes the list's cue.
    Cue(Cue),
    /// Decided by the list: a qualifier (`Paris, France`), or part of a negated or earlier trip.
    Decided(Decision),
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

    /// The cue in the words before mention `m`, `p` being the token right before it (past
    /// "the"): `flew to`, `arrived in`, `left X for`, `visited`.
    fn cue_before(&self, m: &Mention, p: usize, out: &[Decision]) -> Option<Cue> {
        let w = |i: usize| self.w(i);
        let prev = p.checked_sub(1).map(w).unwrap_or("");
        match w(p) {
            "to" | "into" | "towards" => self.to_cue(p, out),
            "in" | "at" => self.in_cue(m, p),
            "for" => self.for_cue(p, out),
            "from" => self.leaving_cue(p, out),
            "of" if TRIP_NOUNS.contains(&prev) || TRIP_FRAME.contains(&prev) => {
                // "his tour of Chile, Peru and Ecuador".
                Some(cue(format!("{prev} of"), 0.8, Role::Visit, None, p - 1))
            }
            "of" if prev == "out" => {
                let verb = p.checked_sub(2).map(w).unwrap_or("");
                (TO_VERBS.contains(&verb) || LEAVE_VERBS.contains(&verb))
                    .then(|| cue(format!("{verb} out of"), 0.8, Role::DepartFrom, None, p - 2))
            }
            "via" => Some(cue("via".into(), 0.75, Role::Visit, None, p)),
            // "Next stop: Salzburg", "First stop: Nairobi".
            ":" if matches!(prev, "stop" | "destination" | "leg") => {
                let which = p.checked_sub(2).map(w).unwrap_or("");
                let mut c = cue(format!("{which} {prev}:"), 0.8, Role::Visit, None, p - 1);
                c.order = Some(match which {
                    "first" => Order::First,
                    "last" | "final" => Order::Last,
                    _ => Order::Text,
                });
                Some(c)
            }
            "through" if THROUGH_WORDS.contains(&prev) => Some(cue(
                format!("{prev} through"),
                0.7,
                Role::Visit,
                None,
                p - 1,
            )),
            v if DIRECT_VERBS.contains(&v) => Some(cue(v.to_string(), 0.85, Role::Visit, None, p)),
            v if INCLUDE_VERBS.contains(&v) => {
                // "a tour that includes Oslo": a trip is what includes it.
                let lo = p.saturating_sub(6);
                (lo..p)
                    .any(|q| TRIP_NOUNS.contains(&w(q)) || TRIP_FRAME.contains(&w(q)))
                    .then(|| cue(v.to_string(), 0.75, Role::Visit, None, p))
            }
            v if LEAVE_VERBS.contains(&v) => {
                Some(cue(v.to_string(), 0.85, Role::DepartFrom, None, p))
            }
            _ => None,
        }
    }

    /// `to Y`, `p` at `to`: the verb before it (past adverbs and `by plane`), or `from X to Y`.
    fn to_cue(&self, p: usize, out: &[Decision]) -> Option<Cue> {
        let w = |i: usize| self.w(i);
        let mut v = p.checked_sub(1);
        while let Some(k) = v {
            if SKIPPED_BEFORE_TO.contains(&w(k)) {
                v = k.checked_sub(1);
            } else if VEHICLES.contains(&w(k)) && k > 0 && w(k - 1) == "by" {
                v = k.checked_sub(2);
            } else {
                break;
            }
        }
        // "took us east along the south coast to Vik": a route between the verb and "to".
        if v.is_some_and(|k| !TO_VERBS.contains(&w(k)) && !RETURN_WORDS.contains(&w(k)))
            && let Some(k) = v
        {
            let lo = k.saturating_sub(ROUTE_SPAN);
            let route = (lo..=k)
                .rev()
                .find(|&j| TO_VERBS.contains(&w(j)) || RETURN_WORDS.contains(&w(j)));
            if let Some(j) = route
                && (j + 1..=k).all(|r| {
                    ROUTE_WORDS.contains(&w(r))
                        || (self.tokens[r].is_capitalised()
                            && self.mention_ending_at(r).is_none()
                            && !self.mentions.iter().any(|m| m.first <= r && r <= m.last))
                })
                && j < k
            {
                v = Some(j);
            }
        }
        let verb = v.map(w).unwrap_or("");
        // "from X to Y", also "from X International Airport to Y".
        if let Some(from) = v.and_then(|v| self.departing_before(v, out)) {
            let frame = match out.get(from) {
                Some(Decision::Stop { cue, .. }) => cue
                    .split(' ')
                    .next()
                    .is_some_and(|first| TRIP_FRAME.contains(&first)),
                _ => false,
            };
            let mut c = cue("from X to Y".into(), 0.85, Role::Visit, Some(from), p);
            if frame {
                // "our road trip from Leeds to Inverness": the end of the whole trip.
                c.phrase = "trip from X to Y".into();
                c.order = Some(Order::Last);
            }
            return Some(c);
        }
        let start = v.unwrap_or(p);
        if RETURN_WORDS.contains(&verb) {
            return Some(cue(format!("{verb} to"), 0.85, Role::Return, None, start));
        }
        if TO_VERBS.contains(&verb) {
            return Some(cue(format!("{verb} to"), 0.8, Role::Visit, None, start));
        }
        if matches!(verb, "and" | "," | "also")
            && let Some((earlier, confidence, at)) = out.iter().rev().find_map(|d| match d {
                Decision::Stop {
                    cue,
                    confidence,
                    role: Role::Visit,
                    at,
                    ..
                } => Some((cue, *confidence, *at)),
                _ => None,
            })
        {
            // "travel to Tashkent on May 7, and to Bishkek on May 8".
            let root = earlier.strip_prefix("list after ").unwrap_or(earlier);
            let mut c = cue(
                format!("list after {root}"),
                confidence,
                Role::Visit,
                None,
                usize::MAX,
            );
            c.order = Some(Order::Text);
            c.subject_at = Some(at);
            return Some(c);
        }
        if OBJECTS.contains(&verb)
            && let Some(t) = v.and_then(|v| v.checked_sub(1))
            && TAKE_VERBS.contains(&w(t))
        {
            let phrase = format!("{} {verb} to", w(t));
            return Some(cue(phrase, 0.8, Role::Visit, None, t));
        }
        None
    }

    /// The departing mention `X` of `from X to`, `v` being the token before `to`: X itself, or X
    /// followed by the rest of an airport's or station's name (`from Rome Fiumicino Airport`).
    fn departing_before(&self, v: usize, out: &[Decision]) -> Option<usize> {
        if let Some(from) = self.mention_ending_at(v)
            && Self::departs(out, from)
        {
            return Some(from);
        }
        let mut k = v;
        for _ in 0..5 {
            if !self.tokens.get(k)?.is_capitalised() {
                return None;
            }
            k = k.checked_sub(1)?;
            if let Some(from) = self.mention_ending_at(k)
                && Self::departs(out, from)
            {
                return Some(from);
            }
        }
        None
    }

    /// `in X`/`at X`, `p` at the preposition: `arrived in`, `was in`, `three days in`, `back in`,
    /// `end her tour in`, a place and a day in an event sentence, `met ... in`.
    fn in_cue(&self, m: &Mention, p: usize) -> Option<Cue> {
        let w = |i: usize| self.w(i);
        let mut q = p.checked_sub(1)?;
        // "met today in Manila", "wrapped up the tour on Sunday in Suva": past the day.
        if let Some(d) = self.dates.iter().find(|d| d.last == q && d.first > 0) {
            q = d.first - 1;
            if w(q) == "on" && q > 0 {
                q -= 1;
            }
        }
        // "arrived late in", "landed safely in": one adverb between.
        if w(q).ends_with("ly") && w(q).len() > 3 && q > 0 && !self.tokens[q].is_capitalised() {
            q -= 1;
        }
        let verb = w(q);
        // "wrapped up in Suva", "ended up in": the end of the trip.
        if verb == "up" && q > 0 && UP_VERBS.contains(&w(q - 1)) {
            let mut c = cue(
                format!("{} up in", w(q - 1)),
                0.85,
                Role::Visit,
                None,
                q - 1,
            );
            c.order = Some(Order::Last);
            return Some(c);
        }
        if w(p) == "at" && CALL_VERBS.contains(&verb) {
            return Some(cue(format!("{verb} at"), 0.85, Role::Visit, None, q));
        }
        if IN_VERBS.contains(&verb) {
            return Some(cue(format!("{verb} in"), 0.9, Role::Visit, None, q));
        }
        if PRESENCE.contains(&verb) {
            return Some(cue(format!("{verb} in"), 0.6, Role::Visit, None, q));
        }
        if RETURN_WORDS.contains(&verb) {
            return Some(cue(format!("{verb} in"), 0.85, Role::Return, None, q));
        }
        if STAY_NOUNS.contains(&verb) {
            // "spent three days in", "a few nights in", "six hours in".
            let count = q.checked_sub(1).map(w).unwrap_or("");
            let counted = count.chars().all(|c| c.is_ascii_digit())
                || matches!(
                    count,
                    "first"
                        | "second"
                        | "third"
                        | "fourth"
                        | "fifth"
                        | "sixth"
                        | "last"
                        | "final"
                        | "our"
                        | "my"
                )
                || matches!(
                    count,
                    "a" | "few"
                        | "two"
                        | "three"
                        | "four"
                        | "five"
                        | "six"
                        | "several"
                        | "some"
                        | "many"
                        | "couple"
                        | "full"
                        | "whole"
                        | "one"
                        | "seven"
                        | "eight"
                        | "nine"
                        | "ten"
                );
            if counted {
                return Some(cue(
                    format!("{count} {verb} in"),
                    0.75,
                    Role::Visit,
                    None,
                    q - 1,
                ));
            }
        }
        if TRIP_FRAME.contains(&verb) || TRIP_NOUNS.contains(&verb) {
            // "will end her tour in Accra", "wrapped up a five-nation tour in": the verb a few
            // words back.
            let lo = q.saturating_sub(5);
            if let Some(k) = (lo..q).rev().find(|&k| {
                LAST_WORDS.contains(&w(k))
                    || FIRST_VERBS.contains(&w(k))
                    || (w(k) == "up" && k > 0 && UP_VERBS.contains(&w(k - 1)))
            }) {
                let mut c = cue(
                    format!("{} ... {verb} in", w(k)),
                    0.85,
                    Role::Visit,
                    None,
                    k,
                );
                c.order = Some(if FIRST_VERBS.contains(&w(k)) {
                    Order::First
                } else {
                    Order::Last
                });
                return Some(c);
            }
        }
        if let Some(d) = self
            .dates
            .iter()
            .find(|d| d.first > m.last && d.first <= m.last + 3)
            && self.low.iter().any(|x| EVENTS.contains(&x.as_str()))
        {
            let phrase = format!("in X + a day ({})", d.text);
            return Some(cue(phrase, 0.7, Role::Visit, None, p));
        }
        let meet = meet_before(&self.low, self.tokens, q + 1)?;
        Some(cue(
            format!("{} ... in X", w(meet)),
            0.7,
            Role::Visit,
            None,
            meet,
        ))
    }

    /// `for Y`, `p` at `for`: `left X for Y`, `depart X on May 4 for Y`, `bound for`.
    fn for_cue(&self, p: usize, out: &[Decision]) -> Option<Cue> {
        let w = |i: usize| self.w(i);
        let prev = p.checked_sub(1).map(w).unwrap_or("");
        // The place left, right before `for` or before a day: `depart X on May 4 for Y`.
        let mut q = p.checked_sub(1);
        if let Some(d) = self.dates.iter().find(|d| Some(d.last) == q) {
            q = d.first.checked_sub(1);
            if q.is_some_and(|q| w(q) == "on") {
                q = q.and_then(|q| q.checked_sub(1));
            }
        }
        // "Departure from Porto Airport for Brussels": past the airport's name.
        if let Some(from) = q.and_then(|q| self.departing_before(q, out)) {
            return Some(cue("left X for Y".into(), 0.9, Role::Visit, Some(from), p));
        }
        matches!(
            prev,
            "bound"
                | "headed"
                | "leaves"
                | "left"
                | "departed"
                | "departs"
                | "depart"
                | "departure"
                | "leave"
                | "leaving"
        )
        .then(|| cue(format!("{prev} for"), 0.8, Role::Visit, None, p - 1))
    }

    /// `from X`, `p` at `from`: `flew from`, `left from`, `a road trip from`, `update from`,
    /// and `from X to Y, from Y to Z`.
    fn leaving_cue(&self, p: usize, out: &[Decision]) -> Option<Cue> {
        let w = |i: usize| self.w(i);
        let prev = p.checked_sub(1).map(w).unwrap_or("");
        let got_in = prev == "in"
            && matches!(
                p.checked_sub(2).map(w),
                Some("got" | "get" | "gets" | "getting")
            );
        if TO_VERBS.contains(&prev) || LEAVE_VERBS.contains(&prev) || prev == "home" || got_in {
            let mut c = cue(format!("{prev} from"), 0.8, Role::DepartFrom, None, p - 1);
            if TRIP_FRAME.contains(&prev) {
                c.order = Some(Order::First);
            }
            return Some(c);
        }
        if HERE_WORDS.contains(&prev) {
            return Some(cue(format!("{prev} from"), 0.6, Role::Visit, None, p - 1));
        }
        // "flew to Canberra from Wellington": where the traveller came from.
        if let Some(x) = p.checked_sub(1).and_then(|q| self.mention_ending_at(q))
            && matches!(
                out.get(x),
                Some(Decision::Stop {
                    role: Role::Visit,
                    ..
                })
            )
        {
            return Some(cue("to X from Y".into(), 0.8, Role::DepartFrom, None, p));
        }
        // "flew from A to B on Monday, from B to C on Tuesday".
        if matches!(prev, "," | "and" | "then")
            && (1..p).any(|q| w(q) == "from" && TO_VERBS.contains(&w(q - 1)))
        {
            return Some(cue("from X to Y".into(), 0.8, Role::DepartFrom, None, p));
        }
        None
    }

    /// `at Nagai Stadium in Osaka`, `Arrival at Haneda Airport, Tokyo`: the cue of the venue
    /// (`p` at `in` or `,` after it) goes to the town.
    fn venue_cue(&self, m: &Mention, p: usize, out: &[Decision]) -> Option<Cue> {
        if !matches!(self.w(p), "in" | ",") {
            return None;
        }
        let mut q = p.checked_sub(1)?;
        let mut names = 0;
        while self.tokens.get(q)?.is_capitalised()
            || (names > 0 && matches!(self.w(q), "of" | "de" | "the" | "dos" | "del" | "-"))
        {
            names += 1;
            if names > 6 {
                return None;
            }
            q = q.checked_sub(1)?;
        }
        if names == 0 || !matches!(self.w(q), "at" | "to" | "from" | "in") {
            return None;
        }
        // The venue must not hold a place of its own (`Seoul Air Base, Seongnam`).
        if self.mentions.iter().any(|o| o.first > q && o.last < p) {
            return None;
        }
        let mut c = self.cue_before(m, q, out)?;
        c.phrase = format!("{} (at a venue)", c.phrase);
        Some(c)
    }

    /// `X, where she will meet ...`: something the traveller does there.
    fn where_after(&self, m: &Mention) -> Option<Cue> {
        let w = |i: usize| self.w(i);
        if w(m.last + 1) != "," || w(m.last + 2) != "where" {
            return None;
        }
        matches!(
            w(m.last + 3),
            "he" | "she" | "they" | "we" | "i" | "the" | "his" | "her" | "their"
        )
        .then(|| cue("X, where ...".into(), 0.65, Role::Visit, None, m.last + 2))
    }

    /// `update from a very rainy Kraków`: where the writer is, past an article and adjectives.
    fn here_cue(&self, m: &Mention) -> Option<Cue> {
        let lo = m.first.saturating_sub(6);
        let from = (lo..m.first).rev().find(|&k| self.w(k) == "from")?;
        let plain = (from + 1..m.first).all(|k| {
            self.tokens[k].kind == super::tokens::Kind::Word && !self.tokens[k].is_capitalised()
        });
        let prev = from.checked_sub(1).map(|k| self.w(k)).unwrap_or("");
        (plain && HERE_WORDS.contains(&prev))
            .then(|| cue(format!("{prev} from"), 0.6, Role::Visit, None, from - 1))
    }

    /// A list before the mention, `p` being the token right before it: "visits to A, B, and C",
    /// "Paris, France, and Berlin". `place` is the mention's place.
    fn list_cue(&self, p: usize, place: &Place, out: &[Decision]) -> Option<ListCue> {
        let mut q = p as isize;
        while q >= 0 && SEPARATORS.contains(&self.w(q as usize)) {
            q -= 1;
        }
        // "Guatemala City on Monday and San Salvador on Wednesday": past the day of the item
        // before.
        if q >= 0
            && let Some(d) = self.dates.iter().find(|d| d.last == q as usize)
        {
            q = d.first as isize - 1;
            if q >= 0 && self.w(q as usize) == "on" {
                q -= 1;
            }
        }
        // "Jordan, the West Bank, Iraq": a "the" before a country or territory.
        if q >= 0
            && (q as usize) < p
            && self.w(q as usize) == "the"
            && place.scope != super::places::Scope::City
        {
            q -= 1;
        }
        if q < 0 || (q as usize) >= p {
            return None;
        }
        let prevm = self.mention_ending_at(q as usize)?;
        let qualifier = matches!(&self.mentions[prevm].what, What::Place(c) if c.country == place.country && c.scope < place.scope)
            && self.w(p) == ",";
        if qualifier {
            let why = format!("qualifies {}", self.mentions[prevm].text);
            return Some(ListCue::Decided(Decision::Mentioned(why)));
        }
        // Walk back over qualifiers to the list's stop.
        let mut r = prevm;
        while let Some(Decision::Mentioned(why)) = out.get(r) {
            if why.starts_with("qualifies") && r > 0 {
                r -= 1;
            } else {
                break;
            }
        }
        match out.get(r) {
            Some(Decision::Stop {
                cue: listed,
                confidence,
                role,
                order,
                at,
                ..
            }) if *role != Role::DepartFrom && !listed.contains("X") => {
                let root = listed.strip_prefix("list after ").unwrap_or(listed);
                let phrase = format!("list after {root}");
                let mut c = cue(phrase, *confidence, *role, None, usize::MAX);
                // A list after "ends in" is not all last; after "already visited", all earlier.
                c.order = Some(if *order == Order::Earlier {
                    Order::Earlier
                } else {
                    Order::Text
                });
                c.subject_at = Some(*at);
                Some(ListCue::Cue(c))
            }
            Some(Decision::Mentioned(why))
                if why.starts_with("negated")
                    || why.starts_with("an earlier")
                    || why.starts_with("a wish") =>
            {
                Some(ListCue::Decided(Decision::Mentioned(why.clone())))
            }
            _ => None,
        }
    }

    /// What the words of a cue say about its stop's place in the trip.
    fn order_of(&self, found: &Cue) -> Order {
        let w = |i: usize| self.w(i);
        let start = found.start;
        if start == usize::MAX {
            return Order::Text;
        }
        let lo = start.saturating_sub(4);
        // "who has already visited", "has already taken him to" (not "was already in").
        let already = (lo..start).any(|k| {
            ALREADY.contains(&w(k))
                && (k.saturating_sub(2)..k).any(|h| matches!(w(h), "has" | "have" | "had" | "'s"))
        });
        if already || (start.saturating_sub(2)..start).any(|k| w(k) == "after") {
            return Order::Earlier;
        }
        let way = (start.saturating_sub(8)..start)
            .find(|&k| w(k) == "way" && w(k.saturating_sub(1)) == "the")
            .map(|k| w(k + 1));
        if matches!(way, Some("back" | "home")) {
            return Order::Last;
        }
        if matches!(way, Some("out" | "there")) {
            return Order::First;
        }
        let verb = w(start);
        if FIRST_VERBS.contains(&verb) || (lo..start).any(|k| w(k) == "first") {
            return Order::First;
        }
        let up = |k: usize| w(k) == "up" && k > 0 && UP_VERBS.contains(&w(k - 1));
        // "began in Singapore last Thursday and continued in": a day's "last" says nothing.
        let in_date = |k: usize| self.dates.iter().any(|d| d.first <= k && k <= d.last);
        let last_word = |k: usize| !in_date(k) && (LAST_WORDS.contains(&w(k)) || up(k));
        if LAST_WORDS.contains(&verb) || (lo..start).any(last_word) {
            return Order::Last;
        }
        Order::Text
    }

    /// Why the cue `found` for mention `m` is not a trip of the traveller's: negated, a wish, an
    /// earlier trip, or undone afterwards.
    fn not_this_trip(&self, m: &Mention, found: &Cue) -> Option<String> {
        let w = |i: usize| self.w(i);
        let cue = &found.phrase;
        let cue_start = found.start;
        if cue_start != usize::MAX {
            let lo = cue_start.saturating_sub(6);
            if let Some(neg) = (lo..cue_start).map(w).find(|x| NEGATIONS.contains(x)) {
                return Some(format!("negated (`{neg}` before `{cue}`)"));
            }
            if let Some(wish) = (lo..cue_start)
                .filter(|&q| !self.tokens[q].is_capitalised()) // "May 16" is a day
                .map(w)
                .find(|x| WISHES.contains(x))
            {
                return Some(format!("a wish, not a visit (`{wish}` before `{cue}`)"));
            }
            if cue_start > 0 && EARLIER.contains(&w(cue_start - 1)) {
                return Some(format!("an earlier trip (`{} {cue}`)", w(cue_start - 1)));
            }
            // "since the OPEC meeting in Vienna": an event before the trip.
            if (cue_start.saturating_sub(4)..cue_start).any(|k| w(k) == "since") {
                return Some(format!("an earlier event (`since ... {cue}`)"));
            }
            // "the band's previous tour in 2023 visited".
            if let Some(k) = (lo..cue_start).find(|&k| {
                EARLIER.contains(&w(k))
                    && (TRIP_NOUNS.contains(&w(k + 1)) || TRIP_FRAME.contains(&w(k + 1)))
            }) {
                return Some(format!("an earlier trip (`{} {}`)", w(k), w(k + 1)));
            }
        }
        if let Some(why) = self.instead_of(m) {
            return Some(why);
        }
        self.undone_after(m, cue)
    }

    /// `instead of X`, `rather than X`: X is what was not done.
    fn instead_of(&self, m: &Mention) -> Option<String> {
        let w = |i: usize| self.w(i);
        let mut k = m.first;
        if k > 0 && w(k - 1) == "the" {
            k -= 1;
        }
        let pair = (k >= 2).then(|| (w(k - 2), w(k - 1)));
        matches!(pair, Some(("instead", "of") | ("rather", "than")))
            .then(|| format!("not done (`{} {}` ...)", w(k - 2), w(k - 1)))
    }

    /// Why a place without a cue of its own (a listed line, an answer) is not a stop: a negation
    /// before it on its line, or words after it that undo it or date it to another trip.
    pub fn veto(&self, m: &Mention) -> Option<String> {
        let lo = m.first.saturating_sub(6);
        // Not a day's words ("MAY 02") nor a capitalised word ("May").
        let in_date = |k: usize| self.dates.iter().any(|d| d.first <= k && k <= d.last);
        if let Some(neg) = (lo..m.first)
            .filter(|&k| !in_date(k) && !self.tokens[k].is_capitalised())
            .map(|k| self.w(k))
            .find(|x| NEGATIONS.contains(x) || WISHES.contains(x))
        {
            return Some(format!("negated (`{neg}` before it)"));
        }
        self.undone_after(m, "listed")
    }

    /// Words after mention `m` that undo its cue (`was cancelled`, `but ... not`) or put it in
    /// another trip (`last spring`, `the year before`, `earlier this year`, `two years ago`).
    fn undone_after(&self, m: &Mention, cue: &str) -> Option<String> {
        let w = |i: usize| self.w(i);
        let end = (m.last + 10).min(self.low.len());
        let clause_end = (m.last + 1..end)
            .find(|&k| matches!(w(k), "." | ";" | "?"))
            .unwrap_or(end);
        for k in m.last + 1..clause_end {
            let next = w(k + 1);
            let earlier = (w(k) == "last" && EARLIER_AFTER.contains(&next))
                || (w(k) == "the"
                    && matches!(next, "year" | "week" | "month")
                    && w(k + 2) == "before")
                || (w(k) == "earlier" && next == "this" && matches!(w(k + 2), "year" | "month"))
                || (matches!(next, "years" | "months" | "weeks") && w(k + 2) == "ago");
            if earlier {
                return Some(format!("an earlier trip (`{cue}` ... `{} {next}`)", w(k)));
            }
            let later = (w(k) == "next" && LATER_AFTER.contains(&next))
                || (w(k) == "later" && next == "this" && LATER_AFTER.contains(&w(k + 2)));
            if later {
                return Some(format!("a later trip (`{cue}` ... `{} {next}`)", w(k)));
            }
        }
        // Undone afterwards: "a visit to Vilnius was cancelled", "stop in X, but it did not".
        let after: Vec<&str> = (m.last + 1..(m.last + 8).min(self.low.len()))
            .map(w)
            .collect();
        if let Some(u) = after.iter().take(6).find(|x| UNDONE_AFTER.contains(x)) {
            return Some(format!("undone (`{cue}` ... `{u}`)"));
        }
        // "stop in X, but it did not" (not "X, but not Y": the negation is Y's).
        if let Some(b) = after.iter().position(|x| *x == "but")
            && let Some(n) = after[b..]
                .iter()
                .position(|x| matches!(*x, "not" | "n't" | "'t" | "never"))
            && !self
                .mentions
                .iter()
                .any(|o| o.first > m.last + 1 + b + n && o.first <= m.last + 4 + b + n)
        {
            return Some(format!("undone (`{cue}` ... `but ... not`)"));
        }
        None
    }
}

/// The event's name when `m` begins one (`Munich Security Conference`) that the traveller
/// attended or addressed (`addressing the ...`, `at the ...`).
fn attended_event(tokens: &[Token<'_>], low: &[String], m: &Mention) -> Option<String> {
    let mut before = m.first.checked_sub(1)?;
    if low[before] == "the" {
        before = before.checked_sub(1)?;
    }
    if !AT_EVENT.contains(&low[before].as_str()) {
        return None;
    }
    let end = (m.last + 1..(m.last + 4).min(tokens.len()))
        .take_while(|&k| tokens[k].is_capitalised())
        .find(|&k| EVENT_NAMES.contains(&low[k].as_str()))?;
    Some(span(tokens, m.first, end))
}

/// The meeting word of `met [with the minister ...] in`, if the words between it and `in` (at
/// `p`) are only names, titles and small words.
fn meet_before(low: &[String], tokens: &[Token<'_>], p: usize) -> Option<usize> {
    let lo = p.saturating_sub(10);
    for q in (lo..p).rev() {
        if MEET_WORDS.contains(&low[q].as_str()) {
            return Some(q);
        }
        if !(tokens[q].is_capitalised() || MEET_FILLER.contains(&low[q].as_str())) {
            return None;
        }
    }
    None
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
mod test {
    use super::super::layout::Line;
    use super::super::places::TestIndex;
    use super::super::tokens::tokenize;
    use super::super::{dates, mentions};
    use super::*;

    /// (mention, "stop Role Order: cue" or "mentioned: reason") for each mention of `s`.
    fn decisions(s: &str) -> Vec<(String, String)> {
        let toks = tokenize(s, 0, s.len());
        let ms = mentions::find(s, 0, &toks, &TestIndex::sample(), Line::Prose);
        let ds = dates::find(&toks);
        ms.iter()
            .zip(decide(&toks, &ms, &ds))
            .map(|(m, d)| {
                let what = match d {
                    Decision::Stop {
                        cue, role, order, ..
                    } => format!("stop {role:?} {order:?}: {cue}"),
                    Decision::Mentioned(why) => format!("mentioned: {why}"),
                };
                (m.text.clone(), what)
            })
            .collect()
    }

    fn has(got: &[(String, String)], place: &str, starts: &str) -> bool {
        got.iter().any(|(p, d)| p == place && d.starts_with(starts))
    }

    #[test]
    fn lists_after_a_cue_are_stops() {
        let d = decisions("Her visits to Israel, Jordan and Washington were brief.");
        assert!(has(&d, "Israel", "stop Visit Text: visits to"), "{d:?}");
        assert!(
            has(&d, "Jordan", "stop Visit Text: list after visits to"),
            "{d:?}"
        );
        assert!(
            has(&d, "Washington", "stop Visit Text: list after"),
            "{d:?}"
        );
        // "take in", and qualifiers and semicolons inside the list.
        let d = decisions("The nine-day visit will take in Amman, Cairo and Tokyo.");
        assert!(has(&d, "Amman", "stop Visit Text: take in"), "{d:?}");
        assert!(
            has(&d, "Cairo", "stop Visit Text: list after take in"),
            "{d:?}"
        );
        assert!(
            has(&d, "Tokyo", "stop Visit Text: list after take in"),
            "{d:?}"
        );
        let d = decisions("She will travel to Amman, Jordan; Tel Aviv, Israel; and Cairo.");
        assert!(has(&d, "Jordan", "mentioned: qualifies Amman"), "{d:?}");
        assert!(has(&d, "Tel Aviv", "stop Visit Text: list after"), "{d:?}");
        assert!(has(&d, "Cairo", "stop Visit Text: list after"), "{d:?}");
    }

    #[test]
    fn left_x_for_y() {
        let d = decisions("He left Amman for Tel Aviv on Monday.");
        assert!(has(&d, "Amman", "stop DepartFrom Text: left"), "{d:?}");
        assert!(
            has(&d, "Tel Aviv", "stop Visit Text: left X for Y"),
            "{d:?}"
        );
    }

    #[test]
    fn programme_lines_and_venues() {
        let d = decisions("Departure by plane from Amman Queen Alia Airport to Cairo");
        assert!(
            has(&d, "Amman", "stop DepartFrom Text: plane from"),
            "{d:?}"
        );
        assert!(has(&d, "Cairo", "stop Visit Text: from X to Y"), "{d:?}");
        let d = decisions("Return by plane to Cairo");
        assert!(has(&d, "Cairo", "stop Return"), "{d:?}");
        let d = decisions("14.30 Arrival at the Marka Airport, Amman");
        assert!(
            has(&d, "Amman", "stop Visit Text: arrival in (at a venue)"),
            "{d:?}"
        );
        let d = decisions("The first match is at the Nile Stadium in Cairo on Sunday.");
        assert!(has(&d, "Cairo", "stop Visit"), "{d:?}");
    }

    #[test]
    fn origin_destination_and_order_words() {
        let d = decisions("Our road trip from Amman to Tokyo went well.");
        assert!(
            has(&d, "Amman", "stop DepartFrom First: trip from"),
            "{d:?}"
        );
        assert!(
            has(&d, "Tokyo", "stop Visit Last: trip from X to Y"),
            "{d:?}"
        );
        let d = decisions("The tour opens in Cairo and ends in Tokyo.");
        assert!(has(&d, "Cairo", "stop Visit First"), "{d:?}");
        assert!(has(&d, "Tokyo", "stop Visit Last"), "{d:?}");
        let d = decisions("The minister, who has already visited Amman and Cairo, smiled.");
        assert!(has(&d, "Amman", "stop Visit Earlier"), "{d:?}");
        assert!(has(&d, "Cairo", "stop Visit Earlier"), "{d:?}");
        let d = decisions("She flew to Tokyo after talks in Cairo.");
        assert!(has(&d, "Cairo", "stop Visit Earlier"), "{d:?}");
        let d = decisions("He will end his tour in Tokyo.");
        assert!(has(&d, "Tokyo", "stop Visit Last"), "{d:?}");
        let d = decisions("We spent three days in Cairo, where we ate well.");
        assert!(has(&d, "Cairo", "stop Visit Text: three days in"), "{d:?}");
        let d = decisions("A quick update from a very rainy Amman!");
        assert!(has(&d, "Amman", "stop Visit Text: update from"), "{d:?}");
        let d = decisions("She was already in Cairo. He has already visited Amman.");
        assert!(has(&d, "Cairo", "stop Visit Text: already in"), "{d:?}");
        assert!(has(&d, "Amman", "stop Visit Earlier"), "{d:?}");
        let d = decisions(
            "The band's previous tour visited Cairo. She will meet the king in Amman next month.",
        );
        assert!(has(&d, "Cairo", "mentioned: an earlier trip"), "{d:?}");
        assert!(has(&d, "Amman", "mentioned: a later trip"), "{d:?}");
    }

    #[test]
    fn demonyms_possessives_and_bare_mentions_are_not_stops() {
        let d = decisions("Israeli forces and Washington's stance worried Jordan.");
        assert!(has(&d, "Israeli", "mentioned: demonym"), "{d:?}");
        assert!(has(&d, "Washington", "mentioned: possessive"), "{d:?}");
        assert!(has(&d, "Jordan", "mentioned: no travel cue"), "{d:?}");
    }

    #[test]
    fn negated_earlier_wished_and_undone_cues() {
        let d = decisions("He did not travel to Amman.");
        assert!(has(&d, "Amman", "mentioned: negated"), "{d:?}");
        let d = decisions("His last trip to Amman was in June.");
        assert!(has(&d, "Amman", "mentioned: an earlier trip"), "{d:?}");
        let d = decisions("He could travel to Amman.");
        assert!(has(&d, "Amman", "mentioned: a wish"), "{d:?}");
        let d = decisions("A visit to Amman was cancelled.");
        assert!(has(&d, "Amman", "mentioned: undone"), "{d:?}");
        let d = decisions("He recalled his visits to Amman and Cairo earlier this year.");
        assert!(has(&d, "Amman", "mentioned: an earlier trip"), "{d:?}");
        assert!(has(&d, "Cairo", "mentioned: an earlier trip"), "{d:?}");
        let d = decisions("I think of Cairo, where we were last spring.");
        assert!(has(&d, "Cairo", "mentioned: an earlier trip"), "{d:?}");
    }

    #[test]
    fn an_attended_event_named_after_a_town() {
        let d = decisions("She spoke at the Amman Security Conference.");
        assert!(has(&d, "Amman", "stop Visit Text: at an event"), "{d:?}");
        // "after addressing": before the sentence's other stops, ordered like a departure.
        let d = decisions("She flew to Tokyo after addressing the Amman Security Conference.");
        assert!(
            has(&d, "Amman", "stop DepartFrom Text: at an event"),
            "{d:?}"
        );
        let d = decisions("The Amman Security Conference was praised.");
        assert!(has(&d, "Amman", "mentioned: part of a name"), "{d:?}");
    }

    #[test]
    fn place_and_day_in_an_event_sentence() {
        let d = decisions("A forum held in Amman on Saturday ended early.");
        assert!(has(&d, "Amman", "stop Visit Text: in X + a day"), "{d:?}");
        let d = decisions("Prices rose in Amman on Saturday.");
        assert!(has(&d, "Amman", "mentioned: no travel cue"), "{d:?}");
        let d = decisions("She returned to Amman.");
        assert!(has(&d, "Amman", "stop Return"), "{d:?}");
    }
}
