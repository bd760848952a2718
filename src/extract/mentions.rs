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

use super::layout::Line;
use super::names::{self, Entry};
use super::places::{Place, PlaceIndex, Scope};
use super::tokens::{Kind, Token};

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

/// Last words of the names of airports.
const AIRPORT_WORDS: &[&str] = &["airport", "airfield", "base", "terminal"];

/// Last words of the names of airports and stations named after their town.
const FACILITY_WORDS: &[&str] = &[
    "airport",
    "airfield",
    "base",
    "station",
    "terminal",
    "hbf",
    "hb",
    "hauptbahnhof",
    "bahnhof",
    "centraal",
    "city",
    "bay",
];

/// Capitalised words that are never places, though the gazetteer may hold a town so named
/// (lower case).
const NOT_PLACES: &[&str] = &[
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "their",
    "its",
    "our",
    "in",
    "on",
    "at",
    "to",
    "for",
    "from",
    "by",
    "with",
    "of",
    "as",
    "after",
    "before",
    "during",
    "despite",
    "however",
    "but",
    "and",
    "or",
    "then",
    "there",
    "this",
    "that",
    "these",
    "those",
    "when",
    "while",
    "where",
    "what",
    "who",
    "how",
    "why",
    "will",
    "would",
    "can",
    "could",
    "may",
    "might",
    "should",
    "must",
    "also",
    "furthermore",
    "moreover",
    "additionally",
    "similarly",
    "meanwhile",
    "later",
    "earlier",
    "today",
    "yesterday",
    "tomorrow",
    "secretary",
    "president",
    "prime",
    "minister",
    "ministers",
    "foreign",
    "king",
    "queen",
    "prince",
    "general",
    "senator",
    "governor",
    "mayor",
    "ambassador",
    "envoy",
    "state",
    "department",
    "ministry",
    "authority",
    "government",
    "chancellor",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "official",
    "officials",
    "army",
    "forces",
    "party",
    "war",
    "day",
    "days",
    "week",
    "mr",
    "mrs",
    "ms",
    "dr",
    "speaking",
    "according",
    "regarding",
    "throughout",
    "subsequent",
    "although",
    "instead",
    "not",
    "no",
    "yes",
    "all",
    "some",
    "many",
    "every",
    "each",
    "both",
    "first",
    "second",
    "third",
    "last",
    "next",
    "new",
    "old",
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "upper",
    "lower",
    "great",
    "grand",
    "saint",
    "san",
    "santa",
    "hotel",
    "airport",
    "palace",
    "university",
    "council",
    "union",
    "committee",
    "summit",
    "conference",
    "news",
    "press",
    "times",
    "post",
    "agency",
    "reuters",
    "cnn",
    "bbc",
    "ap",
    "afp",
    "nato",
    "un",
    "eu",
    "us",
    "visit",
    "trip",
    "tour",
    "note",
    "update",
    "read",
    "travel",
    "diary",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "aug",
    "sept",
    "sep",
    "oct",
    "nov",
    "dec",
    "morning",
    "afternoon",
    "evening",
    "night",
    "noon",
    "republic",
    "nation",
    "cathedral",
    "church",
    "basilica",
    "chapel",
    "mosque",
    "temple",
    "stadium",
    "arena",
    "park",
    "square",
    "hall",
    "centre",
    "center",
    "museum",
    "memorial",
    "embassy",
    "parliament",
    "senate",
    "house",
    "gardens",
    "garden",
    "theatre",
    "theater",
    "monastery",
    "fortress",
    "citadel",
    "station",
    "market",
    "mass",
    "welcome",
    "ceremony",
    "dinner",
    "lunch",
    "breakfast",
    "reception",
    "audience",
    "meeting",
    "departure",
    "arrival",
    "return",
    "transfer",
    "flight",
    "drive",
    "schedule",
    "fixtures",
    "itinerary",
    "programme",
    "program",
    "tickets",
];

/// Words of [`NOT_PLACES`] that may still begin a place's name (`North Korea`, `New Delhi`,
/// `San Sebastian`): alone they are not places, but a run of capitalised words may start with them.
const NAME_STARTS: &[&str] = &[
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "upper", "lower", "great", "grand", "saint", "san", "santa", "new", "old", "first",
];

/// Words that may join capitalised words inside one name (`Republic of the Congo`).
const CONNECTORS: &[&str] = &[
    "of", "the", "de", "du", "del", "da", "al", "el", "es", "upon", "on",
];

/// Weekday and month names: they end a run of capitalised words (`Paris Monday`).
pub fn is_calendar_word(lower: &str) -> bool {
    matches!(
        lower.trim_end_matches('.'),
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
    )
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
    let mut out = Vec::new();
    let n = tokens.len();
    let capitals = matches!(line, Line::Leg | Line::Caps);
    let starts_run = |t: &Token| {
        t.is_capitalised() && {
            let l = t.lower();
            let l = l.trim_end_matches('.');
            !is_calendar_word(l) && (!NOT_PLACES.contains(&l) || NAME_STARTS.contains(&l))
        }
    };
    let in_run = |t: &Token| {
        t.is_capitalised() && !is_calendar_word(&t.lower()) || names::get(t.text).is_some()
    };
    let mut i = 0;
    while i < n {
        if !(starts_run(&tokens[i]) || names::get(tokens[i].text).is_some()) {
            i += 1;
            continue;
        }
        // The run: capitalised words, with connectors between them.
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
        // Longest match first, left to right.
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
                let span = &text[tokens[k].start..tokens[last].end];
                let layout = line.is_layout();
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
                            sentence,
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
                line == Line::Row && tokens[..m.first].iter().all(|t| t.kind != Kind::Word);
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
        out.extend(found);
        i = j;
    }
    out
}

/// `ROME` -> `Rome`, `ABU DHABI` -> `Abu Dhabi`: each word's first letter kept, the rest lower.
fn title_case(span: &str) -> String {
    let mut out = String::with_capacity(span.len());
    let mut start = true;
    for c in span.chars() {
        if start {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphabetic();
    }
    out
}

/// The first word of a sentence is capitalised whatever it is; it does not make a name.
fn is_sentence_start_word(tokens: &[Token<'_>], t: usize) -> bool {
    tokens[..t].iter().all(|x| x.kind == Kind::Punct)
}

/// An airport code on a leg line: `LHR – JFK`.
fn airport_code(span: &str, index: &dyn PlaceIndex) -> Option<Option<What>> {
    let shaped = (3..=4).contains(&span.len()) && span.bytes().all(|b| b.is_ascii_uppercase());
    shaped
        .then(|| index.airport_code(span))
        .flatten()
        .map(|p| Some(What::Place(p)))
}

/// What `span` names: `Some(Some(..))` a mention, `Some(None)` a known non-place (a region bigger
/// than a country), `None` nothing. On a laid-out line (`layout`), a site may be named by one
/// word (`Syros` on a ferry timetable).
fn classify(span: &str, index: &dyn PlaceIndex, layout: bool) -> Option<Option<What>> {
    if let Some(entry) = names::get(span) {
        return Some(match entry {
            Entry::Demonym(c) => Some(What::Demonym(c.clone())),
            Entry::Metonym(c) => Some(What::Metonym(c.clone())),
            Entry::Macro => None,
            Entry::Abbrev(c) => Some(What::Place(country_by_code(index, c)?)),
            Entry::Territory { country, seat } => {
                let town = index.city_in(seat, country)?;
                Some(What::Place(Place {
                    name: span.to_string(),
                    admin1: Some(span.to_string()),
                    scope: Scope::Territory,
                    seat: Some(town.name.clone()),
                    key: format!("territory:{span}"),
                    ..town
                }))
            }
        });
    }
    let lower = span.to_lowercase();
    if NOT_PLACES.contains(&lower.as_str()) || is_calendar_word(&lower) {
        return None;
    }
    if span
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase)
    {
        return None; // NATO, IT, CNN: capitals are for the names table
    }
    if let Some(c) = index.country(span) {
        return Some(Some(What::Place(c)));
    }
    if let Some(city) = index.city(span) {
        if city.alternate && city.population < ALTERNATE_MIN_POPULATION {
            return None;
        }
        return Some(Some(What::Place(city)));
    }
    // Parks, landmarks, mountains and airports: named in full (two words or more), so that a
    // capitalised word is not taken for a site that shares it.
    if layout || span.split_whitespace().count() >= 2 {
        return index.site(span).map(|p| Some(What::Place(p)));
    }
    None
}

/// A country from an ISO code in the names table, named as the gazetteer names it.
fn country_by_code(index: &dyn PlaceIndex, iso2: &str) -> Option<Place> {
    let name = match iso2 {
        "US" => "United States",
        "GB" => "United Kingdom",
        "AE" => "United Arab Emirates",
        "CD" => "Democratic Republic of the Congo",
        "CN" => "China",
        _ => return None,
    };
    index.country(name)
}

#[cfg(test)]
mod test {
    use super::super::places::TestIndex;
    use super::super::tokens::tokenize;
    use super::*;

    fn mentions(s: &str) -> Vec<(String, bool, bool)> {
        let toks = tokenize(s, 0, s.len());
        find(s, 0, &toks, &TestIndex::sample(), Line::Prose)
            .into_iter()
            .map(|m| (m.text, m.in_name, m.possessive))
            .collect()
    }

    #[test]
    fn finds_places_and_names() {
        assert_eq!(
            mentions("Minister Antony Smith flew from Tel Aviv to Amman."),
            [
                ("Antony".into(), true, false),
                ("Tel Aviv".into(), false, false),
                ("Amman".into(), false, false)
            ]
        );
        assert_eq!(
            mentions("The Palestine Liberation Organization and Washington's stance."),
            [
                ("Palestine".into(), true, false),
                ("Washington".into(), false, true)
            ]
        );
    }

    #[test]
    fn demonyms_metonyms_territories_and_macros() {
        let s =
            "Israeli forces, the White House and the U.S. in the West Bank and the Middle East.";
        let toks = tokenize(s, 0, s.len());
        let m = find(s, 0, &toks, &TestIndex::sample(), Line::Prose);
        let whats: Vec<_> = m.iter().map(|m| &m.what).collect();
        assert!(matches!(whats[0], What::Demonym(c) if c == "IL"));
        assert!(matches!(whats[1], What::Metonym(c) if c == "US"));
        assert!(
            matches!(whats[2], What::Place(p) if p.country == "US" && p.scope == Scope::Country)
        );
        assert!(
            matches!(whats[3], What::Place(p) if p.scope == Scope::Territory && p.seat.as_deref() == Some("Ramallah"))
        );
        assert_eq!(m.len(), 4);
    }

    #[test]
    fn airports_capitals_and_timetable_rows() {
        assert_eq!(
            mentions("Departure from Amman Queen Alia International Airport to Cairo"),
            [
                ("Amman".into(), false, false),
                ("Cairo".into(), false, false)
            ]
        );
        assert_eq!(
            mentions("The Amman Citadel"),
            [("Amman".into(), true, false)]
        );
        let legs = |s: &str, line| {
            let toks = tokenize(s, 0, s.len());
            find(s, 0, &toks, &TestIndex::sample(), line)
                .into_iter()
                .map(|m| (m.text, m.in_name))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            legs("AMMAN – CAIRO", Line::Leg),
            [("AMMAN".into(), false), ("CAIRO".into(), false)]
        );
        assert!(legs("AMMAN – CAIRO", Line::Prose).is_empty());
        assert_eq!(
            legs("Cairo Ramses Hall  17:02", Line::Row),
            [("Cairo".into(), false)]
        );
    }

    #[test]
    fn weekdays_end_runs() {
        assert_eq!(
            mentions("He was in Amman Monday."),
            [("Amman".into(), false, false)]
        );
    }
}
