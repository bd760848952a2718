//! What a run of capitalised words names: the names table, a country, a town, a site, or an
//! airport code on a leg line.

use super::ALTERNATE_MIN_POPULATION;
use super::What;
use super::words::*;
use crate::extract::names::{self, Entry};
use crate::extract::places::{Place, PlaceIndex, Scope};
use crate::extract::tokens::{Kind, Token};

/// `ROME` -> `Rome`, `ABU DHABI` -> `Abu Dhabi`: each word's first letter kept, the rest lower.
pub(super) fn title_case(span: &str) -> String {
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
pub(super) fn is_sentence_start_word(tokens: &[Token<'_>], t: usize) -> bool {
    tokens[..t].iter().all(|x| x.kind == Kind::Punct)
}

/// An airport code on a leg line: `LHR – JFK`.
pub(super) fn airport_code(span: &str, index: &dyn PlaceIndex) -> Option<Option<What>> {
    let shaped = (3..=4).contains(&span.len()) && span.bytes().all(|b| b.is_ascii_uppercase());
    shaped
        .then(|| index.airport_code(span))
        .flatten()
        .map(|p| Some(What::Place(p)))
}

/// What `span` names: `Some(Some(..))` a mention, `Some(None)` a known non-place (a region bigger
/// than a country), `None` nothing. On a laid-out line (`layout`), a site may be named by one
/// word (`Syros` on a ferry timetable).
pub(super) fn classify(span: &str, index: &dyn PlaceIndex, layout: bool) -> Option<Option<What>> {
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
pub(super) fn country_by_code(index: &dyn PlaceIndex, iso2: &str) -> Option<Place> {
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
