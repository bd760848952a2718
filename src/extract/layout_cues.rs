//! Stops a text gives by its layout rather than by a travel cue: the places of listed lines
//! (`APR 05  Madrid, Spain – La Riviera`, `Day 3  Stockholm, Sweden`, a timetable row), the
//! legs of a programme (`ROME – NAIROBI`: Rome is left, Nairobi reached; a place reached again
//! is a return), a line that is only a place in capitals under a day heading (`NAIROBI`), and the
//! places named in the answer to a question asking where (`Where do they play? ... Osaka,
//! Japan.`). Only places the cues left without a decision (`no travel cue`) are taken, and not
//! when their line is cancelled (`– CANCELLED`) or the words around them undo them.

use super::cue_words::LINE_UNDONE;
use super::cues::{Decision, Order, Role, Sentence};
use super::layout::Line;
use super::mentions::{Mention, What};
use super::places::Scope;
use super::tokens::{Kind, Token};

/// Smallest town taken from a programme item without a cue: smaller ones are mostly capitalised
/// words (`Chamber of Commerce`, `Saints Peter and Paul`).
pub const ITEM_MIN_POPULATION: u64 = 15_000;

/// True for a decision still open: a place named without any cue.
fn open(d: &Decision) -> bool {
    matches!(d, Decision::Mentioned(why) if why == "no travel cue")
}

/// Decides the open places of a listed line of kind `line`; `seen` tells whether a place (by key)
/// is already a stop of the trip (a leg reaching it again makes a return).
pub fn listed(
    line: Line,
    sentence: &Sentence<'_>,
    tokens: &[Token<'_>],
    mentions: &[Mention],
    decisions: &mut [Decision],
    seen: &dyn Fn(&str) -> bool,
) {
    let places: Vec<usize> = (0..mentions.len())
        .filter(|&i| matches!(&mentions[i].what, What::Place(_)) && !mentions[i].in_name)
        .collect();
    if places.is_empty() {
        return;
    }
    let low: Vec<String> = tokens.iter().map(Token::lower).collect();
    if let Some(u) = low.iter().find(|w| LINE_UNDONE.contains(&w.as_str())) {
        for &i in &places {
            if open(&decisions[i]) {
                decisions[i] = Decision::Mentioned(format!("listed, but `{u}` on its line"));
            }
        }
        return;
    }
    if is_leg(line, tokens, mentions, &places) {
        legs(mentions, &places, decisions, seen);
        return;
    }
    // A programme item names its place once: "Arrival at Seoul Air Base, Seongnam".
    if line == Line::Timed && decisions.iter().any(Decision::is_stop) {
        return;
    }
    let (cue, confidence) = match line {
        Line::Dated => ("listed on a dated line", 0.8),
        Line::DayHeading => ("a day of the itinerary", 0.8),
        Line::Row => ("a timetable row", 0.75),
        Line::Timed => ("a programme item", 0.6),
        Line::Caps if places.len() == 1 && only_place(tokens, &mentions[places[0]]) => {
            ("the day's place", 0.7)
        }
        _ => return,
    };
    for i in line_places(tokens, mentions, &places, decisions) {
        let What::Place(place) = &mentions[i].what else {
            continue;
        };
        let small = place.site.is_none() && place.population < ITEM_MIN_POPULATION;
        if line == Line::Timed && (place.scope == Scope::Country || small) {
            continue; // "Meeting with the bishops of Madagascar", "Chamber of Commerce"
        }
        // A place listed again, after others: the trip comes back to it.
        let role = if seen(&place.key) {
            Role::Return
        } else {
            Role::Visit
        };
        decisions[i] = match sentence.veto(&mentions[i]) {
            Some(why) => Decision::Mentioned(why),
            None => Decision::Stop {
                cue: cue.into(),
                confidence,
                role,
                follows: None,
                order: Order::Text,
                at: mentions[i].first,
            },
        };
    }
}

/// The places of a leg line (`ROME – NAIROBI`): the first is left, each next one reached from
/// the one before (a return when the trip was there before).
fn legs(
    mentions: &[Mention],
    places: &[usize],
    decisions: &mut [Decision],
    seen: &dyn Fn(&str) -> bool,
) {
    let mut keys: Vec<&str> = Vec::new();
    for (n, &i) in places.iter().enumerate() {
        let What::Place(p) = &mentions[i].what else {
            continue;
        };
        let again = keys.contains(&p.key.as_str()) || (n > 0 && seen(&p.key));
        let (role, follows) = match n {
            0 => (Role::DepartFrom, None),
            _ if again => (Role::Return, Some(places[n - 1])),
            _ => (Role::Visit, Some(places[n - 1])),
        };
        keys.push(&p.key);
        decisions[i] = Decision::Stop {
            cue: "leg `A – B`".into(),
            confidence: 0.85,
            role,
            follows,
            order: Order::Text,
            at: mentions[i].first,
        };
    }
}

/// The line's place: its biggest town (else its first site), with any joined to it by "and",
/// "&" or "/" (a venue is not a stop: `APR 05  Madrid, Spain – La Riviera`, `Nov 9: 1st ODI,
/// Eden Park, Auckland`).
fn line_places(
    tokens: &[Token<'_>],
    mentions: &[Mention],
    places: &[usize],
    decisions: &[Decision],
) -> Vec<usize> {
    let town = |i: usize| match &mentions[i].what {
        What::Place(p) if p.site.is_none() && open(&decisions[i]) => Some(p.population),
        _ => None,
    };
    let first = places
        .iter()
        .copied()
        .filter(|&i| town(i).is_some())
        .max_by_key(|&i| (town(i), std::cmp::Reverse(i)))
        .or_else(|| places.iter().copied().find(|&i| open(&decisions[i])));
    let mut chosen: Vec<usize> = first.into_iter().collect();
    for &i in places {
        let joined = chosen.last().is_some_and(|&c| {
            c < i && {
                let between = &tokens[mentions[c].last + 1..mentions[i].first];
                between.len() == 1 && matches!(between[0].text, "and" | "&" | "/")
            }
        });
        if joined && open(&decisions[i]) {
            chosen.push(i);
        }
    }
    chosen
}

/// The places named in an answer to a where-question (`question`) become stops.
pub fn answered(
    question: &str,
    sentence: &Sentence<'_>,
    mentions: &[Mention],
    decisions: &mut [Decision],
) {
    for (m, d) in mentions.iter().zip(decisions.iter_mut()) {
        if !open(d) || m.in_name || !matches!(m.what, What::Place(_)) {
            continue;
        }
        *d = match sentence.veto(m) {
            Some(why) => Decision::Mentioned(why),
            None => Decision::Stop {
                cue: format!("answer to `{question}`"),
                confidence: 0.7,
                role: Role::Visit,
                follows: None,
                order: Order::Text,
                at: m.first,
            },
        };
    }
}

/// True for a question asking where: `Where do they play?`, `Which countries will he visit?`.
pub fn asks_where(question: &str) -> bool {
    let low = question.to_lowercase();
    let words: Vec<&str> = low
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.contains(&"where")
        || words.windows(2).any(|w| {
            matches!(w[0], "which" | "what")
                && matches!(
                    w[1],
                    "countries"
                        | "cities"
                        | "places"
                        | "stops"
                        | "venues"
                        | "towns"
                        | "country"
                        | "city"
                )
        })
}

/// True for a question that asks something else than where (`Who are they playing?`, `When do
/// they come home?`); a question without a question word (`And in Fiji?`) is neither.
pub fn asks_something_else(question: &str) -> bool {
    let low = question.to_lowercase();
    low.split(|c: char| !c.is_alphanumeric()).any(|w| {
        matches!(
            w,
            "who"
                | "when"
                | "why"
                | "what"
                | "how"
                | "which"
                | "whom"
                | "whose"
                | "will"
                | "is"
                | "are"
                | "do"
                | "does"
                | "did"
                | "can"
                | "should"
        )
    }) && !asks_where(question)
}

/// A leg: two or more places with only dashes or arrows between them (`ROME – NAIROBI`,
/// `Day 2: Lima – Arequipa`).
fn is_leg(line: Line, tokens: &[Token<'_>], mentions: &[Mention], places: &[usize]) -> bool {
    if places.len() < 2 || !matches!(line, Line::Leg | Line::DayHeading | Line::Caps) {
        return false;
    }
    places.windows(2).all(|w| {
        let (a, b) = (&mentions[w[0]], &mentions[w[1]]);
        let between = &tokens[a.last + 1..b.first];
        !between.is_empty()
            && between.iter().all(|t| {
                t.kind == Kind::Punct
                    && matches!(t.text, "-" | "\u{2013}" | "\u{2014}" | ">" | "\u{2192}")
            })
    })
}

/// True when the line holds nothing but the place (and punctuation).
fn only_place(tokens: &[Token<'_>], m: &Mention) -> bool {
    tokens
        .iter()
        .enumerate()
        .all(|(k, t)| (m.first..=m.last).contains(&k) || t.kind == Kind::Punct)
}

#[cfg(test)]
mod test {
    use super::super::cues;
    use super::super::mentions;
    use super::super::places::TestIndex;
    use super::super::tokens::tokenize;
    use super::*;

    fn listed_line(s: &str, line: Line, seen: &[&str]) -> Vec<(String, String)> {
        let toks = tokenize(s, 0, s.len());
        let ms = mentions::find(s, 0, &toks, &TestIndex::sample(), line);
        let sentence = Sentence::new(&toks, &ms, &[]);
        let mut ds = cues::decide(&toks, &ms, &[]);
        let seen = |k: &str| {
            ms.iter().any(|m| matches!(&m.what, What::Place(p) if p.key == k && seen.contains(&m.text.as_str())))
        };
        listed(line, &sentence, &toks, &ms, &mut ds, &seen);
        ms.iter()
            .zip(ds)
            .map(|(m, d)| {
                let what = match d {
                    Decision::Stop { cue, role, .. } => format!("{role:?}: {cue}"),
                    Decision::Mentioned(why) => format!("mentioned: {why}"),
                };
                (m.text.clone(), what)
            })
            .collect()
    }

    #[test]
    fn legs_rows_and_cancelled_lines() {
        let d = listed_line("AMMAN – CAIRO – AMMAN", Line::Leg, &[]);
        assert_eq!(d[0].1, "DepartFrom: leg `A – B`");
        assert_eq!(d[1].1, "Visit: leg `A – B`");
        assert_eq!(d[2].1, "Return: leg `A – B`");
        let d = listed_line("CAIRO – TOKYO", Line::Leg, &["TOKYO"]);
        assert_eq!(d[1].1, "Return: leg `A – B`");
        let d = listed_line("APR 05  Cairo, Egypt – Opera House", Line::Dated, &[]);
        assert_eq!(d[0].1, "Visit: listed on a dated line");
        let d = listed_line("APR 05  Cairo – Tokyo", Line::Dated, &[]);
        assert_eq!(d[1].1, "mentioned: no travel cue");
        let d = listed_line("Day 7: Cairo and Amman", Line::DayHeading, &[]);
        assert!(
            d.iter().all(|(_, x)| x == "Visit: a day of the itinerary"),
            "{d:?}"
        );
        let d = listed_line("APR 14  Cairo – Opera House – CANCELLED", Line::Dated, &[]);
        assert!(
            d[0].1.starts_with("mentioned: listed, but `cancelled`"),
            "{d:?}"
        );
        let d = listed_line("Tokyo        12:02    12:04", Line::Row, &[]);
        assert_eq!(d[0].1, "Visit: a timetable row");
        let d = listed_line("AMMAN", Line::Caps, &[]);
        assert_eq!(d[0].1, "Visit: the day's place");
        // A prose line is not a list.
        let d = listed_line("Prices rose in Cairo", Line::Prose, &[]);
        assert_eq!(d[0].1, "mentioned: no travel cue");
    }

    #[test]
    fn questions_that_ask_where() {
        assert!(asks_where("Where do they play?"));
        assert!(asks_where("Which countries will the President visit?"));
        assert!(!asks_where("Who are they playing?"));
        assert!(asks_something_else("Who are they playing?"));
        assert!(!asks_something_else("And in Fiji?"));
        let s = "Cairo, then Tokyo, but not Amman.";
        let toks = tokenize(s, 0, s.len());
        let ms = mentions::find(s, 0, &toks, &TestIndex::sample(), Line::Prose);
        let sentence = Sentence::new(&toks, &ms, &[]);
        let mut ds = cues::decide(&toks, &ms, &[]);
        answered("Where do they play?", &sentence, &ms, &mut ds);
        assert!(
            ds[0].is_stop() && ds[1].is_stop() && !ds[2].is_stop(),
            "{ds:?}"
        );
    }
}
