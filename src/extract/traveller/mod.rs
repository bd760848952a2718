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

mod people;
mod subjects;
mod words;

use std::collections::BTreeSet;
use words::*;

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

#[cfg(test)]
mod test;
