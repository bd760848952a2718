//! The subject of each cue of a sentence: the person a `, who` clause is about, the owner of a
//! trip noun, or the first person of the cue's clause; pronouns stand for the last one named.

use super::people::people;
use super::words::*;
use super::{Found, Person, Subject, Travellers};
use crate::extract::mentions::Mention;
use crate::extract::tokens::Token;

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
        let boundaries = clause_boundaries(&low);
        let clause_start = |t: usize| {
            boundaries
                .iter()
                .rev()
                .find(|&&b| b < t)
                .map_or(0, |&b| b + 1)
        };
        let clause_subjects = clause_subjects(&people, clause_start);
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
                let names = (start..tokens.len())
                    .filter(|&k| tokens[k].is_capitalised())
                    .map(|k| low[k].clone())
                    .collect();
                Subject {
                    person: person.filter(|p| p != &Person::default()),
                    object_pronoun: object_pronoun(&low, start, tokens.len().min(t + 12)),
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

/// The tokens that end a clause ([`BOUNDARIES`], and `as` after a comma).
fn clause_boundaries(low: &[String]) -> Vec<usize> {
    (0..low.len())
        .filter(|&k| {
            BOUNDARIES.contains(&low[k].as_str()) || (low[k] == "as" && k > 0 && low[k - 1] == ",")
        })
        .collect()
}

/// The first person of each clause, when named (a pronoun stands for an earlier one): where it
/// starts, and who.
fn clause_subjects(
    people: &[Found],
    clause_start: impl Fn(usize) -> usize,
) -> Vec<(usize, Person)> {
    let mut out: Vec<(usize, Person)> = Vec::new();
    let mut seen_clause: Option<usize> = None;
    for f in people {
        let c = clause_start(f.first);
        if seen_clause == Some(c) {
            continue;
        }
        seen_clause = Some(c);
        if f.pronoun.is_none() && (f.person.has_title() || f.person.names.len() >= 2) {
            out.push((f.first, f.person.clone()));
        }
    }
    out
}

/// Whether the traveller may be an object in tokens `start..end`: `him`, `them`, `us`, `me`, or
/// `her` after a word that takes a person (`hosted her`, `with her`).
fn object_pronoun(low: &[String], start: usize, end: usize) -> bool {
    (start..end).any(|k| {
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
    })
}
