//! Travel cues: decides, for each mention in a sentence, whether the text says the traveller
//! went there (a stop) or only mentions it, and why.
//!
//! Stops: `visit(s) to A, B and C`, `trip to`, `traveled to`, `flew to`, `will travel to`,
//! `arrived in`, `landed in`, `stop in`, `visited A`, `left X for Y` (X before Y), `flew from X
//! to Y`, `returned to` / `back to` / `X again` (a second visit), `in X on Saturday` (a place and
//! a day, in a sentence about an event), `met ... in X`.
//!
//! Not stops: demonyms (`Israeli forces`), metonyms (`the White House`), possessives
//! (`Washington's stance`), places inside names (`Palestine Liberation Organization`), cues that
//! are negated (`did not travel to`, `cancelled a visit to`) or about another trip (`his last trip
//! to`), and everything without a cue.

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

/// The decision for one mention.
#[derive(Debug, Clone, PartialEq)]
pub enum Decision {
    /// A stop: the cue phrase, a confidence 0-1, the role, and (for `left X for Y`, `from X to
    /// Y`) the index of the mention it follows.
    Stop {
        /// The cue as a pattern (`visit to`, `left X for Y`).
        cue: String,
        /// 0 (a guess) to 1 (stated).
        confidence: f64,
        /// Arrival, departure or return.
        role: Role,
        /// Index (among the sentence's mentions) of the stop this one comes right after.
        follows: Option<usize>,
    },
    /// Only mentioned, and why.
    Mentioned(String),
}

const TO_VERBS: &[&str] = &[
    "visit",
    "visits",
    "visiting",
    "trip",
    "trips",
    "travel",
    "travels",
    "traveled",
    "travelled",
    "traveling",
    "travelling",
    "flew",
    "fly",
    "flies",
    "flying",
    "flight",
    "head",
    "heads",
    "headed",
    "heading",
    "went",
    "go",
    "goes",
    "going",
    "journey",
    "journeyed",
    "continue",
    "continues",
    "continued",
    "continuing",
    "moved",
    "proceeded",
    "proceeds",
    "drove",
    "drive",
    "sailed",
    "crossed",
    "bus",
    "train",
    "ferry",
    "plane",
    "boat",
    "car",
    "then",
    "way",
    "tour",
    "came",
    "arrived",
    "took",
    "onward",
    "onwards",
    "stops",
];
const RETURN_WORDS: &[&str] = &["return", "returns", "returned", "returning", "back"];
/// `took him to`, `will take her to`: a verb of carrying and its object.
const TAKE_VERBS: &[&str] = &[
    "took", "take", "takes", "taking", "brought", "bring", "brings",
];
const OBJECTS: &[&str] = &["him", "her", "them", "me", "us"];
/// Words after a place that undo the visit: `a visit to Vilnius was cancelled`.
const UNDONE_AFTER: &[&str] = &[
    "possible",
    "unlikely",
    "uncertain",
    "cancelled",
    "canceled",
    "postponed",
    "scrapped",
    "dropped",
    "called",
    "shelved",
];
/// Words before a cue that make it a wish, not a fact: `had hoped he would stop in`.
const WISHES: &[&str] = &[
    "telling",
    "told",
    "urging",
    "advised",
    "recommended",
    "suggested",
    "could",
    "might",
    "may",
    "considering",
    "consider",
    "hoping",
    "hoped",
    "hopes",
    "wanted",
    "wants",
    "wished",
    "urged",
    "invited",
    "asked",
    "considered",
];
/// `was in`, `already in`: being there, a weaker cue than arriving.
const PRESENCE: &[&str] = &["was", "were", "already", "remained", "still", "briefly"];
/// Words after a place that put the trip in the past: `flew to Paris last week`.
const EARLIER_AFTER: &[&str] = &["week", "month", "year"];
const IN_VERBS: &[&str] = &[
    "arrived",
    "arrives",
    "arrive",
    "arriving",
    "arrival",
    "landed",
    "lands",
    "land",
    "landing",
    "stop",
    "stops",
    "stopped",
    "stopping",
    "stopover",
    "stayed",
    "stays",
    "stay",
    "staying",
    "down",
    "overnight",
    "overnighted",
    "spent",
    "began",
    "begins",
    "ended",
    "ends",
];
const DIRECT_VERBS: &[&str] = &[
    "visited", "visit", "visits", "visiting", "toured", "tours", "tour", "reached", "reaches",
];
const LEAVE_VERBS: &[&str] = &[
    "left",
    "leaves",
    "leave",
    "leaving",
    "departed",
    "departs",
    "depart",
    "departing",
];
const NEGATIONS: &[&str] = &[
    "not",
    "n't",
    "'t",
    "never",
    "no",
    "cancelled",
    "canceled",
    "cancels",
    "cancel",
    "postponed",
    "postpones",
    "scrapped",
    "skipped",
    "skip",
    "skipping",
    "instead",
    "rather",
    "without",
    "called",
    "declined",
    "refused",
    "ruled",
];
const EARLIER: &[&str] = &[
    "last", "previous", "earlier", "prior", "past", "former", "recent",
];
const EVENTS: &[&str] = &[
    "held",
    "summit",
    "meeting",
    "met",
    "meets",
    "talks",
    "visit",
    "visited",
    "spoke",
    "speaking",
    "told",
    "conference",
    "joined",
    "attended",
    "attends",
    "arrived",
    "stopped",
    "landed",
    "toured",
    "reporters",
    "was",
    "were",
    "is",
    "will",
    "hosted",
    "hosts",
    "signed",
    "addressed",
];
const MEET_WORDS: &[&str] = &[
    "met",
    "meets",
    "meet",
    "meeting",
    "meetings",
    "talks",
    "summit",
    "conference",
    "spoke",
    "dined",
];
const MEET_FILLER: &[&str] = &[
    "with",
    "the",
    "his",
    "her",
    "their",
    "and",
    ",",
    "'s",
    "of",
    "counterpart",
    "counterparts",
    "officials",
    "leaders",
    "leader",
    "minister",
    "ministers",
    "president",
    "prime",
    "foreign",
    "king",
    "crown",
    "prince",
    "top",
    "senior",
    "held",
];
const SEPARATORS: &[&str] = &[
    ",", "and", "then", "finally", "before", "later", "as", "well", "also", "&", "or",
];

/// Decides every mention of one sentence. `mentions` are that sentence's, in order; `dates` its
/// date expressions.
pub fn decide(tokens: &[Token<'_>], mentions: &[Mention], dates: &[DateMention]) -> Vec<Decision> {
    let s = Sentence {
        tokens,
        low: tokens.iter().map(Token::lower).collect(),
        mentions,
        dates,
    };
    let mut out: Vec<Decision> = Vec::with_capacity(mentions.len());
    for m in mentions {
        let d = s.decide_one(m, &out);
        out.push(d);
    }
    out
}

/// One sentence being decided: its tokens (and their lower case), mentions and dates.
struct Sentence<'a> {
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
}

/// A cue found as [`Cue`] fields, in order.
fn cue(phrase: String, confidence: f64, role: Role, follows: Option<usize>, start: usize) -> Cue {
    Cue {
        phrase,
        confidence,
        role,
        follows,
        start,
    }
}

/// What a list before a mention says about it.
enum ListCue {
    /// It takes the list's cue.
    Cue(Cue),
    /// Decided by the list: a qualifier (`Paris, France`), or part of a negated or earlier trip.
    Decided(Decision),
}

impl Sentence<'_> {
    /// The lower-case word at `i`, or "" past the end.
    fn w(&self, i: usize) -> &str {
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
        let Some(p) = p else {
            return Decision::Mentioned("no travel cue".into());
        };
        let found = match self.cue_before(m, p, out) {
            Some(c) => c,
            None => match self.list_cue(p, place, out) {
                Some(ListCue::Cue(c)) => c,
                Some(ListCue::Decided(d)) => return d,
                None => return Decision::Mentioned("no travel cue".into()),
            },
        };
        if let Some(why) = self.not_this_trip(m, &found) {
            return Decision::Mentioned(why);
        }
        let again = self.w(m.last + 1) == "again";
        Decision::Stop {
            cue: found.phrase,
            confidence: found.confidence,
            role: if again { Role::Return } else { found.role },
            follows: found.follows,
        }
    }

    /// The cue in the words before mention `m`, `p` being the token right before it (past
    /// "the"): `flew to`, `arrived in`, `left X for`, `visited`.
    fn cue_before(&self, m: &Mention, p: usize, out: &[Decision]) -> Option<Cue> {
        let w = |i: usize| self.w(i);
        let prev = p.checked_sub(1).map(w).unwrap_or("");
        match w(p) {
            "to" | "into" => {
                let mut v = p.checked_sub(1);
                while v.is_some_and(|v| {
                    matches!(
                        w(v),
                        "on" | "onward"
                            | "onwards"
                            | "straight"
                            | "directly"
                            | "south"
                            | "north"
                            | "east"
                            | "west"
                            | "overland"
                    )
                }) {
                    v = v.and_then(|v| v.checked_sub(1));
                }
                let verb = v.map(w).unwrap_or("");
                if let Some(from) = v.and_then(|v| self.mention_ending_at(v))
                    && Self::departs(out, from)
                {
                    return Some(cue("from X to Y".into(), 0.85, Role::Visit, Some(from), p));
                }
                if RETURN_WORDS.contains(&verb) {
                    let start = v.unwrap_or(p);
                    return Some(cue(format!("{verb} to"), 0.85, Role::Return, None, start));
                }
                if TO_VERBS.contains(&verb) {
                    let start = v.unwrap_or(p);
                    return Some(cue(format!("{verb} to"), 0.8, Role::Visit, None, start));
                }
                if matches!(verb, "and" | "," | "also")
                    && let Some(Decision::Stop {
                        cue: earlier,
                        confidence,
                        ..
                    }) = out.iter().rev().find(|d| {
                        matches!(
                            d,
                            Decision::Stop {
                                role: Role::Visit,
                                ..
                            }
                        )
                    })
                {
                    // "travel to Tashkent on May 7, and to Bishkek on May 8".
                    let root = earlier.strip_prefix("list after ").unwrap_or(earlier);
                    let phrase = format!("list after {root}");
                    return Some(cue(phrase, *confidence, Role::Visit, None, usize::MAX));
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
            "in" | "at" => {
                let verb = prev;
                if IN_VERBS.contains(&verb) {
                    return Some(cue(format!("{verb} in"), 0.9, Role::Visit, None, p - 1));
                }
                if PRESENCE.contains(&verb) {
                    return Some(cue(format!("{verb} in"), 0.6, Role::Visit, None, p - 1));
                }
                if RETURN_WORDS.contains(&verb) {
                    return Some(cue(format!("{verb} in"), 0.85, Role::Return, None, p - 1));
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
                let meet = meet_before(&self.low, self.tokens, p)?;
                Some(cue(
                    format!("{} ... in X", w(meet)),
                    0.7,
                    Role::Visit,
                    None,
                    meet,
                ))
            }
            "for" => {
                // The place left, right before `for` or before a day: `depart X on May 4 for Y`.
                let mut q = p.checked_sub(1);
                if let Some(d) = self.dates.iter().find(|d| Some(d.last) == q) {
                    q = d.first.checked_sub(1);
                    if q.is_some_and(|q| w(q) == "on") {
                        q = q.and_then(|q| q.checked_sub(1));
                    }
                }
                if let Some(from) = q.and_then(|q| self.mention_ending_at(q))
                    && Self::departs(out, from)
                {
                    return Some(cue("left X for Y".into(), 0.9, Role::Visit, Some(from), p));
                }
                matches!(
                    prev,
                    "bound" | "headed" | "leaves" | "left" | "departed" | "departs"
                )
                .then(|| cue(format!("{prev} for"), 0.8, Role::Visit, None, p - 1))
            }
            "from" if TO_VERBS.contains(&prev) || LEAVE_VERBS.contains(&prev) => Some(cue(
                format!("{prev} from"),
                0.8,
                Role::DepartFrom,
                None,
                p - 1,
            )),
            // "flew from A to B on Monday, from B to C on Tuesday".
            "from"
                if matches!(prev, "," | "and" | "then")
                    && (1..p).any(|q| w(q) == "from" && TO_VERBS.contains(&w(q - 1))) =>
            {
                Some(cue("from X to Y".into(), 0.8, Role::DepartFrom, None, p))
            }
            v if DIRECT_VERBS.contains(&v) => Some(cue(v.to_string(), 0.85, Role::Visit, None, p)),
            v if LEAVE_VERBS.contains(&v) => {
                Some(cue(v.to_string(), 0.85, Role::DepartFrom, None, p))
            }
            _ => None,
        }
    }

    /// A list before the mention, `p` being the token right before it: "visits to A, B, and C",
    /// "Paris, France, and Berlin". `place` is the mention's place.
    fn list_cue(&self, p: usize, place: &Place, out: &[Decision]) -> Option<ListCue> {
        let mut q = p as isize;
        while q >= 0 && SEPARATORS.contains(&self.w(q as usize)) {
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
                ..
            }) if *role != Role::DepartFrom && !listed.contains("X") => {
                let root = listed.strip_prefix("list after ").unwrap_or(listed);
                let phrase = format!("list after {root}");
                Some(ListCue::Cue(cue(
                    phrase,
                    *confidence,
                    *role,
                    None,
                    usize::MAX,
                )))
            }
            Some(Decision::Mentioned(why))
                if why.starts_with("negated") || why.starts_with("an earlier") =>
            {
                Some(ListCue::Decided(Decision::Mentioned(why.clone())))
            }
            _ => None,
        }
    }

    /// Why the cue `found` for mention `m` is not a trip of the traveller's: someone else's,
    /// negated, a wish, an earlier trip, or undone afterwards.
    fn not_this_trip(&self, m: &Mention, found: &Cue) -> Option<String> {
        let w = |i: usize| self.w(i);
        let cue = &found.phrase;
        let cue_start = found.start;
        if cue_start != usize::MAX {
            let lo = cue_start.saturating_sub(6);
            // "the president, who flew to Paris ...": someone else's trip.
            if (lo..cue_start).any(|q| w(q) == "who" && q > 0 && w(q - 1) == ",") {
                return Some(format!("someone else's trip (`, who ... {cue}`)"));
            }
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
        }
        if w(m.last + 1) == "last" && EARLIER_AFTER.contains(&w(m.last + 2)) {
            return Some(format!(
                "an earlier trip (`{cue}` ... `last {}`)",
                w(m.last + 2)
            ));
        }
        // Undone afterwards: "a visit to Vilnius was cancelled", "stop in X, but it did not".
        let after: Vec<&str> = (m.last + 1..(m.last + 8).min(self.low.len()))
            .map(w)
            .collect();
        if let Some(u) = after.iter().take(6).find(|x| UNDONE_AFTER.contains(x)) {
            return Some(format!("undone (`{cue}` ... `{u}`)"));
        }
        if let Some(b) = after.iter().position(|x| *x == "but")
            && after[b..]
                .iter()
                .any(|x| matches!(*x, "not" | "n't" | "'t" | "never"))
        {
            return Some(format!("undone (`{cue}` ... `but ... not`)"));
        }
        None
    }
}

/// Nouns of a trip that a possessive can own: `the Indian prime minister's visit to Moscow`.
const TRIP_NOUNS: &[&str] = &[
    "visit", "visits", "trip", "trips", "tour", "journey", "stop",
];

/// The traveller's nationality, when the text gives it: the first demonym (ISO 3166-1 alpha-2)
/// written before a stop in that stop's sentence (`The Brazilian foreign minister arrived in
/// Beijing` -> BR).
pub fn subject(mentions: &[Mention], decisions: &[Decision]) -> Option<String> {
    mentions
        .iter()
        .zip(decisions)
        .filter(|(_, d)| matches!(d, Decision::Stop { .. }))
        .find_map(|(stop, _)| {
            mentions
                .iter()
                .filter(|m| m.sentence == stop.sentence && m.last < stop.first)
                .find_map(|m| match &m.what {
                    What::Demonym(c) => Some(c.clone()),
                    _ => None,
                })
        })
}

/// Turns stops owned by someone of another nationality into mentions: with a subject from
/// Brazil, `the Indian prime minister's visit to Moscow` is not a stop. `mentions` and
/// `decisions` are one sentence's.
pub fn someone_elses(
    tokens: &[Token<'_>],
    mentions: &[Mention],
    decisions: &mut [Decision],
    subject: Option<&str>,
) {
    let Some(subject) = subject else { return };
    for (m, d) in mentions.iter().zip(decisions.iter_mut()) {
        if !matches!(d, Decision::Stop { .. }) {
            continue;
        }
        // `X's visit to` + place (maybe with "the" between).
        let mut p = m.first;
        if p > 0 && tokens[p - 1].lower() == "the" {
            p -= 1;
        }
        if p < 3
            || tokens[p - 1].lower() != "to"
            || !TRIP_NOUNS.contains(&tokens[p - 2].lower().as_str())
            || !tokens[p - 3].is_possessive()
        {
            continue;
        }
        let owner_from = (p - 3).saturating_sub(4);
        let other = mentions.iter().find_map(|o| match &o.what {
            What::Demonym(c) if o.first >= owner_from && o.last < p - 3 && c != subject => {
                Some(o.text.clone())
            }
            _ => None,
        });
        if let Some(who) = other {
            *d = Decision::Mentioned(format!(
                "someone else's trip (`{who} ...'s {}`)",
                tokens[p - 2].text
            ));
        }
    }
}

/// Last words of events named after their town: `Munich Security Conference`, `Davos Forum`.
const EVENT_NAMES: &[&str] = &[
    "conference",
    "summit",
    "forum",
    "games",
    "olympics",
    "expo",
    "festival",
    "dialogue",
    "congress",
];
/// Verbs and prepositions that put the traveller at such an event.
const AT_EVENT: &[&str] = &[
    "attend",
    "attends",
    "attended",
    "attending",
    "address",
    "addresses",
    "addressed",
    "addressing",
    "at",
    "opened",
    "opening",
];

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

fn span(tokens: &[Token<'_>], a: usize, b: usize) -> String {
    let b = b.min(tokens.len().saturating_sub(1));
    tokens[a..=b]
        .iter()
        .map(|t| t.text)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod test {
    use super::super::places::TestIndex;
    use super::super::tokens::tokenize;
    use super::super::{dates, mentions};
    use super::*;

    /// (mention, "stop: cue" or "mentioned: reason") for each mention of `s`.
    fn decisions(s: &str) -> Vec<(String, String)> {
        let toks = tokenize(s, 0, s.len());
        let ms = mentions::find(s, 0, &toks, &TestIndex::sample());
        let ds = dates::find(&toks);
        ms.iter()
            .zip(decide(&toks, &ms, &ds))
            .map(|(m, d)| {
                let what = match d {
                    Decision::Stop { cue, role, .. } => format!("stop {role:?}: {cue}"),
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
        assert!(has(&d, "Israel", "stop Visit: visits to"), "{d:?}");
        assert!(
            has(&d, "Jordan", "stop Visit: list after visits to"),
            "{d:?}"
        );
        assert!(has(&d, "Washington", "stop Visit: list after"), "{d:?}");
    }

    #[test]
    fn left_x_for_y() {
        let d = decisions("He left Amman for Tel Aviv on Monday.");
        assert!(has(&d, "Amman", "stop DepartFrom: left"), "{d:?}");
        assert!(has(&d, "Tel Aviv", "stop Visit: left X for Y"), "{d:?}");
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
        let d = decisions("The king, who flew to Washington, smiled.");
        assert!(has(&d, "Washington", "mentioned: someone else's"), "{d:?}");
    }

    #[test]
    fn another_nationals_visit_is_not_a_stop() {
        let s =
            "The Israeli envoy's visit to Amman followed the Jordanian king's visit to Washington.";
        let toks = tokenize(s, 0, s.len());
        let ms = mentions::find(s, 0, &toks, &TestIndex::sample());
        let mut ds = decide(&toks, &ms, &[]);
        someone_elses(&toks, &ms, &mut ds, Some("IL"));
        let stops: Vec<&str> = ms
            .iter()
            .zip(&ds)
            .filter(|(_, d)| matches!(d, Decision::Stop { .. }))
            .map(|(m, _)| m.text.as_str())
            .collect();
        assert_eq!(stops, ["Amman"]);
        assert_eq!(
            subject(&ms, &decide(&toks, &ms, &[])).as_deref(),
            Some("IL")
        );
    }

    #[test]
    fn an_attended_event_named_after_a_town() {
        let d = decisions("She spoke at the Amman Security Conference.");
        assert!(has(&d, "Amman", "stop Visit: at an event"), "{d:?}");
        // "after addressing": before the sentence's other stops, ordered like a departure.
        let d = decisions("She flew to Tokyo after addressing the Amman Security Conference.");
        assert!(has(&d, "Amman", "stop DepartFrom: at an event"), "{d:?}");
        let d = decisions("The Amman Security Conference was praised.");
        assert!(has(&d, "Amman", "mentioned: part of a name"), "{d:?}");
    }

    #[test]
    fn place_and_day_in_an_event_sentence() {
        let d = decisions("A forum held in Amman on Saturday ended early.");
        assert!(has(&d, "Amman", "stop Visit: in X + a day"), "{d:?}");
        let d = decisions("Prices rose in Amman on Saturday.");
        assert!(has(&d, "Amman", "mentioned: no travel cue"), "{d:?}");
        let d = decisions("She returned to Amman.");
        assert!(has(&d, "Amman", "stop Return"), "{d:?}");
    }
}
