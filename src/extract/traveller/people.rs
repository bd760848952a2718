//! The people a sentence names: titles with their names and qualifiers, subject pronouns, and
//! possessive pronouns before a trip noun.

use super::words::*;
use super::{Found, Person};
use crate::extract::mentions::{Mention, What};
use crate::extract::tokens::{Kind, Token};

/// The people a sentence names: titles with their names and qualifiers (`Secretary of State
/// Antony Blinken`, `the visiting foreign minister`, `her deputy`), subject pronouns, and
/// possessive pronouns before a trip noun.
pub(super) fn people(tokens: &[Token<'_>], low: &[String], mentions: &[Mention]) -> Vec<Found> {
    let words = Words {
        tokens,
        low,
        mentions,
    };
    let mut out = Vec::new();
    let mut k = 0;
    while k < tokens.len() {
        if let Some(found) = words.pronoun_at(k) {
            out.push(found);
            k += 1;
            continue;
        }
        match words.description_at(k) {
            Some(found) => {
                k = (found.last + 1).max(k + 1);
                out.push(found);
            }
            None => k += 1,
        }
    }
    out
}

/// A sentence's tokens, their lower case and its mentions.
struct Words<'a, 't> {
    tokens: &'a [Token<'t>],
    low: &'a [String],
    mentions: &'a [Mention],
}

impl Words<'_, '_> {
    /// The mention that covers token `k`.
    fn mention_at(&self, k: usize) -> Option<&Mention> {
        self.mentions.iter().find(|m| m.first <= k && k <= m.last)
    }

    /// Whether token `k` may be part of a person's name: capitalised, not a title, a place, a
    /// month or a weekday.
    fn is_name(&self, k: usize) -> bool {
        let low = self.low;
        self.tokens[k].is_capitalised()
            && k > 0
            && !ROLES.contains(&low[k].as_str())
            && !QUALIFIERS.contains(&low[k].as_str())
            && self.mention_at(k).is_none_or(|m| m.in_name)
            && crate::extract::dates::month(self.tokens[k].text).is_none()
            && crate::extract::dates::weekday(&low[k]).is_none()
    }

    /// `she`, or `her` before a trip noun (`her tour ... reached Sofia`), at token `k`.
    fn pronoun_at(&self, k: usize) -> Option<Found> {
        let low = self.low;
        let possessive = matches!(low[k].as_str(), "his" | "her" | "their" | "our" | "my")
            && low
                .get(k + 1)
                .is_some_and(|n| OWNED_TRIPS.contains(&n.as_str()));
        let writer =
            pronoun(&low[k]).or(possessive.then(|| matches!(low[k].as_str(), "our" | "my")))?;
        Some(Found {
            first: k,
            last: k,
            person: Person {
                writer,
                text: self.tokens[k].text.to_string(),
                ..Person::default()
            },
            pronoun: Some(writer),
        })
    }

    /// A description from token `k`: determiners, qualifiers, demonyms, titles and names, with a
    /// head noun or two names; leading connectors and trailing determiners are not part of it.
    fn description_at(&self, k: usize) -> Option<Found> {
        let (tokens, low) = (self.tokens, self.low);
        let (j, person, has_head) = self.description_end(k);
        let mut first = k;
        while first < j && matches!(low[first].as_str(), "'s" | "of" | "and" | "&" | ".") {
            first += 1;
        }
        let mut last = j;
        while last > first && NEUTRAL.contains(&low[last - 1].as_str()) {
            last -= 1;
        }
        if !(last > first && (has_head || person.names.len() >= 2)) {
            return None;
        }
        let text = tokens[first..last]
            .iter()
            .map(|t| t.text)
            .collect::<Vec<_>>()
            .join(" ");
        Some(Found {
            first,
            last: last - 1,
            person: Person { text, ..person },
            pronoun: None,
        })
    }

    /// The end (exclusive) of the description that starts at `k`, the person it names and
    /// whether it has a head noun (`minister`).
    fn description_end(&self, k: usize) -> (usize, Person, bool) {
        let (tokens, low) = (self.tokens, self.low);
        let mut j = k;
        let mut person = Person::default();
        let mut has_head = false;
        while j < tokens.len() {
            let w = low[j].as_str();
            let demonym = self.mention_at(j).and_then(|m| match &m.what {
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
            } else if self.is_name(j)
                && (has_head
                    || low.get(j + 1).is_some_and(|n| {
                        ROLES.contains(&n.as_str()) || QUALIFIERS.contains(&n.as_str())
                    })
                    || (j + 1 < tokens.len() && self.is_name(j + 1)))
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
        (j, person, has_head)
    }
}
