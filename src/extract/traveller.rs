//! Whose trip a travel cue is about. Each cue gets a subject: the person before it in its clause
//! (`the vice president ... travelled on to Jakarta`), the owner of a trip noun (`the Indian prime
//! minister's visit to`), the person a `, who` clause is about (`said the minister, who has
//! already visited Ankara`), or, for a pronoun (`she`, `her tour`), the person it stands for. The
//! traveller is the subject of the text's first stop that has one; a stop whose subject is someone
//! else (another title, a deputy, a counterpart, another nationality) is not a stop, unless the
//! traveller takes part in its clause (`ministers ... sat down with Blinken in Amman`, `the king
//! hosted him in Amman`).
//!
//! A person is the set of words that name them: titles (`foreign minister`, `vice president`),
//! names (`Antony Blinken`) and nationality. Two mentions are one person when one's titles are
//! among the other's, they share any name, nothing sets them apart (`vice`, `deputy`,
//! `counterpart`, another nationality), or one is a group that includes the traveller (`the
//! couple`, `the delegation`, `Their Majesties`). `We` and `I` are the writer.

use super::mentions::{Mention, What};
use super::tokens::{Kind, Token};
use std::collections::BTreeSet;

/// Head nouns of a person or group that may travel.
const ROLES: &[&str] = &[
    "president",
    "vice-president",
    "premier",
    "minister",
    "ministers",
    "secretary",
    "chancellor",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "emperor",
    "empress",
    "envoy",
    "envoys",
    "ambassador",
    "senator",
    "governor",
    "mayor",
    "deputy",
    "counterpart",
    "counterparts",
    "diplomat",
    "diplomats",
    "leader",
    "leaders",
    "official",
    "officials",
    "spokesperson",
    "monarch",
    "commissioner",
    "general",
    "admiral",
    "chief",
    "delegation",
    "delegates",
    "team",
    "squad",
    "band",
    "singer",
    "orchestra",
    "headliners",
    "couple",
    "duo",
    "act",
    "group",
    "party",
    "crew",
    "captain",
    "coach",
    "partner",
    "wife",
    "husband",
    "sister",
    "brother",
    "majesties",
    "majesty",
    "holiness",
    "father",
    "tourists",
    "ministers",
    "aides",
    "analysts",
    "investors",
    "critics",
    "reporters",
];

/// Words that narrow a title: `foreign minister`, `secretary of state`.
const QUALIFIERS: &[&str] = &[
    "vice",
    "deputy",
    "foreign",
    "defence",
    "defense",
    "prime",
    "interior",
    "finance",
    "trade",
    "environment",
    "under",
    "external",
    "affairs",
    "crown",
    "support",
    "opposition",
    "former",
    "state",
    "health",
    "economy",
    "holy",
    "special",
    "assistant",
];

/// Words that make a person someone else than one otherwise named alike.
const DISTINGUISHING: &[&str] = &[
    "vice",
    "vice-president",
    "deputy",
    "counterpart",
    "counterparts",
    "former",
    "support",
    "opposition",
    "under",
    "partner",
    "wife",
    "husband",
    "sister",
    "brother",
    "assistant",
];

/// Groups that include the traveller: they are the traveller unless something sets them apart.
const GROUPS: &[&str] = &[
    "couple",
    "delegation",
    "party",
    "group",
    "majesties",
    "majesty",
    "holiness",
    "team",
    "squad",
    "crew",
    "band",
    "orchestra",
];

/// Words inside a person's description that say nothing about who they are.
const NEUTRAL: &[&str] = &[
    "the", "a", "an", "visiting", "new", "top", "senior", "incoming", "outgoing", "current", "of",
    "and", "&", "'s", "his", "her", "their", "its", "our", "my", "your", "mr", "mrs", "ms", "dr",
    "jr", ".",
];

/// Subject pronouns, and whether they are the writer.
fn pronoun(w: &str) -> Option<bool> {
    match w {
        "he" | "she" | "they" => Some(false),
        "we" | "i" => Some(true),
        _ => None,
    }
}

/// Words that end a clause: the subject of a cue is looked for after the last one before it.
const BOUNDARIES: &[&str] = &[
    ";",
    ":",
    "while",
    "whereas",
    "meanwhile",
    "but",
    "said",
    "says",
    "announced",
    "whilst",
    "(",
];

/// Trip nouns a possessive may own: `her tour ... reached Sofia`, `the minister's visit to`.
const OWNED_TRIPS: &[&str] = &[
    "visit", "visits", "trip", "trips", "tour", "tours", "journey", "swing", "mission", "stop",
];

/// A person (or group) as the text names them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Person {
    /// Titles and qualifiers, lower case (`foreign`, `minister`).
    pub titles: BTreeSet<String>,
    /// Names, lower case (`antony`, `blinken`).
    pub names: BTreeSet<String>,
    /// Nationality (ISO 3166-1 alpha-2) from a demonym in the description.
    pub nationality: Option<String>,
    /// The writer (`we`, `I`).
    pub writer: bool,
    /// The words as written (`the vice president`).
    pub text: String,
}

impl Person {
    fn has_title(&self) -> bool {
        self.titles.iter().any(|t| ROLES.contains(&t.as_str()))
    }

    fn is_group(&self) -> bool {
        self.titles.iter().any(|t| GROUPS.contains(&t.as_str()))
    }

    fn distinguishing(&self) -> BTreeSet<&str> {
        self.titles
            .iter()
            .map(String::as_str)
            .filter(|t| DISTINGUISHING.contains(t))
            .collect()
    }

    /// True when `self` and `other` are one person (see the module documentation).
    pub fn same_as(&self, other: &Person) -> bool {
        if self.writer || other.writer {
            return self.writer == other.writer;
        }
        if self.distinguishing() != other.distinguishing() {
            return false;
        }
        if let (Some(a), Some(b)) = (&self.nationality, &other.nationality)
            && a != b
        {
            return false;
        }
        if !self.names.is_disjoint(&other.names) {
            return true;
        }
        if !self.names.is_empty() && !other.names.is_empty() {
            return false;
        }
        if self.is_group() || other.is_group() {
            return true;
        }
        if self.titles.is_empty() || other.titles.is_empty() {
            return true;
        }
        self.titles.is_subset(&other.titles) || other.titles.is_subset(&self.titles)
    }
}

/// Who a cue is about, as far as its sentence tells.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Subject {
    /// The person, when the sentence names one (directly or by a pronoun).
    pub person: Option<Person>,
    /// The traveller may be an object of the clause: `him`, `her`, `them`, `us` in it.
    pub object_pronoun: bool,
    /// Capitalised words of the clause, lower case (to see the traveller named there).
    pub names: BTreeSet<String>,
}

impl Subject {
    /// Why this cue is someone else's trip when `traveller` is the traveller, or `None`.
    pub fn someone_else(&self, traveller: &Person) -> Option<String> {
        let p = self.person.as_ref()?;
        if p.same_as(traveller) || (!p.has_title() && !p.writer && !traveller.writer) {
            return None;
        }
        if self.object_pronoun || !self.names.is_disjoint(&traveller.names) {
            return None;
        }
        Some(format!("someone else's trip ({})", p.text))
    }
}

/// A person's description found in a sentence: tokens `first..=last`.
#[derive(Debug, Clone)]
struct Found {
    first: usize,
    last: usize,
    person: Person,
    /// A subject pronoun (`she`) or a possessive before a trip noun (`her tour`).
    pronoun: Option<bool>,
}

/// Tracks the people of a text, sentence by sentence, to give each cue its subject.
#[derive(Debug, Default)]
pub struct Travellers {
    /// The last person named as a subject (for pronouns in later sentences).
    last: Option<Person>,
}

impl Travellers {
    /// The subject of each cue of one sentence; `cues` are the tokens where the cues start.
    pub fn subjects(
        &mut self,
        tokens: &[Token<'_>],
        mentions: &[Mention],
        cues: &[usize],
    ) -> Vec<Subject> {
        let low: Vec<String> = tokens.iter().map(Token::lower).collect();
        let people = people(tokens, &low, mentions);
        let boundaries: Vec<usize> = (0..tokens.len())
            .filter(|&k| {
                BOUNDARIES.contains(&low[k].as_str())
                    || (low[k] == "as" && k > 0 && low[k - 1] == ",")
            })
            .collect();
        let clause_start = |t: usize| {
            boundaries
                .iter()
                .rev()
                .find(|&&b| b < t)
                .map_or(0, |&b| b + 1)
        };
        // The first person of each clause, when named (a pronoun stands for an earlier one).
        let mut clause_subjects: Vec<(usize, Person)> = Vec::new();
        let mut seen_clause: Option<usize> = None;
        for f in &people {
            let c = clause_start(f.first);
            if seen_clause == Some(c) {
                continue;
            }
            seen_clause = Some(c);
            if f.pronoun.is_none() && (f.person.has_title() || f.person.names.len() >= 2) {
                clause_subjects.push((f.first, f.person.clone()));
            }
        }
        let before = |t: usize| -> Option<Person> {
            clause_subjects
                .iter()
                .rev()
                .find(|(a, _)| *a < t)
                .map(|(_, p)| p.clone())
                .or_else(|| self.last.clone())
        };
        let resolve = |f: &Found| -> Person {
            match f.pronoun {
                Some(true) => Person {
                    writer: true,
                    text: f.person.text.clone(),
                    ..Person::default()
                },
                Some(false) => before(f.first).unwrap_or_default(),
                None => f.person.clone(),
            }
        };
        let out = cues
            .iter()
            .map(|&t| {
                let start = clause_start(t);
                let person = self.subject_of(t, start, &low, &people).map(resolve);
                let object_pronoun = (start..tokens.len().min(t + 12)).any(|k| {
                    matches!(low[k].as_str(), "him" | "them" | "us" | "me")
                        || (low[k] == "her"
                            && k > 0
                            && matches!(
                                low[k - 1].as_str(),
                                "with"
                                    | "hosted"
                                    | "joined"
                                    | "welcomed"
                                    | "met"
                                    | "greeted"
                                    | "received"
                                    | "for"
                                    | "by"
                                    | "host"
                            ))
                });
                let names = (start..tokens.len())
                    .filter(|&k| tokens[k].is_capitalised())
                    .map(|k| low[k].clone())
                    .collect();
                Subject {
                    person: person.filter(|p| p != &Person::default()),
                    object_pronoun,
                    names,
                }
            })
            .collect();
        if let Some((_, p)) = clause_subjects.last() {
            self.last = Some(p.clone());
        }
        out
    }

    /// The description the cue at `t` (in the clause from `start`) is about.
    fn subject_of<'p>(
        &self,
        t: usize,
        start: usize,
        low: &[String],
        people: &'p [Found],
    ) -> Option<&'p Found> {
        // "..., the minister, who has already visited": the person before ", who".
        if let Some(r) = (start..t).rev().find(|&k| low[k] == "who") {
            return people
                .iter()
                .find(|f| r >= 2 && f.last + 2 == r && low[r - 1] == ",");
        }
        // The trip noun a description owns: "the minister's visit", "her tour".
        let owned = |f: &Found| {
            let mut n = f.last + 1;
            if low
                .get(n)
                .is_some_and(|w| matches!(w.as_str(), "'s" | "'" | "\u{2019}s"))
            {
                n += 1;
            }
            low.get(n)
                .is_some_and(|w| OWNED_TRIPS.contains(&w.as_str()))
                .then_some(n)
        };
        // "Her visit came days after the Indian prime minister's visit to Moscow": the owner of
        // the cue's own trip noun, else of one before it ("her tour of ... reached Sofia"), else
        // the first person of the clause.
        people
            .iter()
            .find(|f| f.first >= start && owned(f) == Some(t))
            .or_else(|| {
                people
                    .iter()
                    .find(|f| f.first >= start && f.last < t && owned(f).is_some())
            })
            .or_else(|| people.iter().find(|f| f.first >= start && f.first < t))
    }
}

/// The people a sentence names: titles with their names and qualifiers (`Secretary of State
/// Antony Blinken`, `the visiting foreign minister`, `her deputy`), subject pronouns, and
/// possessive pronouns before a trip noun.
fn people(tokens: &[Token<'_>], low: &[String], mentions: &[Mention]) -> Vec<Found> {
    let mention_at = |k: usize| mentions.iter().find(|m| m.first <= k && k <= m.last);
    let is_name = |k: usize| {
        tokens[k].is_capitalised()
            && k > 0
            && !ROLES.contains(&low[k].as_str())
            && !QUALIFIERS.contains(&low[k].as_str())
            && mention_at(k).is_none_or(|m| m.in_name)
            && super::dates::month(tokens[k].text).is_none()
            && super::dates::weekday(&low[k]).is_none()
    };
    let mut out = Vec::new();
    let mut k = 0;
    while k < tokens.len() {
        // "she", or "her" before a trip noun ("her tour ... reached Sofia").
        let possessive = matches!(low[k].as_str(), "his" | "her" | "their" | "our" | "my")
            && low
                .get(k + 1)
                .is_some_and(|n| OWNED_TRIPS.contains(&n.as_str()));
        let writer =
            pronoun(&low[k]).or(possessive.then(|| matches!(low[k].as_str(), "our" | "my")));
        if let Some(writer) = writer {
            out.push(Found {
                first: k,
                last: k,
                person: Person {
                    writer,
                    text: tokens[k].text.to_string(),
                    ..Person::default()
                },
                pronoun: Some(writer),
            });
            k += 1;
            continue;
        }
        // A description: determiners, qualifiers, demonyms, titles and names.
        let mut j = k;
        let mut person = Person::default();
        let mut has_head = false;
        while j < tokens.len() {
            let w = low[j].as_str();
            let demonym = mention_at(j).and_then(|m| match &m.what {
                What::Demonym(c) => Some((c.clone(), m.last)),
                _ => None,
            });
            if let Some((c, last)) = demonym {
                person.nationality = Some(c);
                j = last + 1;
                continue;
            }
            if ROLES.contains(&w) || QUALIFIERS.contains(&w) {
                person.titles.insert(w.to_string());
                has_head |= ROLES.contains(&w);
            } else if is_name(j)
                && (has_head
                    || low.get(j + 1).is_some_and(|n| {
                        ROLES.contains(&n.as_str()) || QUALIFIERS.contains(&n.as_str())
                    })
                    || (j + 1 < tokens.len() && is_name(j + 1)))
            {
                person.names.insert(w.to_string());
            } else if NEUTRAL.contains(&w) && j + 1 < tokens.len() && tokens[j].kind != Kind::Number
            {
                // keep going: "the", "of", "and" inside a description
            } else {
                break;
            }
            j += 1;
        }
        // Leading connectors and trailing determiners are not part of it.
        let mut first = k;
        while first < j && matches!(low[first].as_str(), "'s" | "of" | "and" | "&" | ".") {
            first += 1;
        }
        let mut last = j;
        while last > first && NEUTRAL.contains(&low[last - 1].as_str()) {
            last -= 1;
        }
        if last > first && (has_head || person.names.len() >= 2) {
            person.text = tokens[first..last]
                .iter()
                .map(|t| t.text)
                .collect::<Vec<_>>()
                .join(" ");
            out.push(Found {
                first,
                last: last - 1,
                person,
                pronoun: None,
            });
            k = last.max(k + 1);
        } else {
            k += 1;
        }
    }
    out
}

#[cfg(test)]
mod test {
    use super::super::layout::Line;
    use super::super::mentions;
    use super::super::places::TestIndex;
    use super::super::tokens::tokenize;
    use super::*;

    /// The subject of the cue at the first occurrence of `cue` in each sentence, in turn.
    fn subjects(sentences: &[(&str, &str)]) -> Vec<Option<String>> {
        let mut t = Travellers::default();
        sentences
            .iter()
            .map(|(s, cue)| {
                let toks = tokenize(s, 0, s.len());
                let ms = mentions::find(s, 0, &toks, &TestIndex::sample(), Line::Prose);
                let at = toks.iter().position(|x| x.text == *cue).unwrap();
                t.subjects(&toks, &ms, &[at])[0]
                    .person
                    .as_ref()
                    .map(|p| p.text.clone())
            })
            .collect()
    }

    fn person(text: &str) -> Person {
        let toks = tokenize(text, 0, text.len());
        let ms = mentions::find(text, 0, &toks, &TestIndex::sample(), Line::Prose);
        let low: Vec<String> = toks.iter().map(Token::lower).collect();
        people(&toks, &low, &ms).remove(0).person
    }

    #[test]
    fn subjects_of_cues() {
        let got = subjects(&[
            ("The president left Washington on Sunday for Cairo.", "left"),
            (
                "Meanwhile the vice president, who flew to Tokyo last week, travelled on to Amman.",
                "travelled",
            ),
            (
                "Meanwhile the vice president, who flew to Tokyo last week, smiled.",
                "flew",
            ),
            (
                "She said the trip went well, as her tour reached Cairo.",
                "reached",
            ),
            ("Jordan's king hosted him in Amman.", "hosted"),
            (
                "Her trip came after the Indian prime minister's visit to Cairo.",
                "visit",
            ),
        ]);
        assert_eq!(got[0].as_deref(), Some("The president"));
        assert_eq!(got[1].as_deref(), Some("the vice president"));
        assert_eq!(got[2].as_deref(), Some("the vice president"));
        // "her" stands for the last subject named: the vice president of the sentence before.
        assert_eq!(got[3].as_deref(), Some("the vice president"));
        assert_eq!(got[4].as_deref(), Some("king"));
        assert_eq!(got[5].as_deref(), Some("the Indian prime minister"));
    }

    #[test]
    fn one_person_or_two() {
        let main = person("Secretary of State Jane Porter");
        assert!(person("the Secretary").same_as(&main));
        assert!(person("Secretary Porter").same_as(&main));
        assert!(!person("the Deputy Secretary").same_as(&main));
        let minister = person("the visiting foreign minister");
        assert!(person("the minister").same_as(&minister));
        assert!(!person("her counterpart").same_as(&minister));
        assert!(!person("the defence minister").same_as(&minister));
        assert!(
            !person("the Israeli foreign minister")
                .same_as(&person("the Jordanian foreign minister"))
        );
        assert!(person("the couple").same_as(&person("the emperor and empress")));
        assert!(!person("the vice president").same_as(&person("the president")));
    }
}
