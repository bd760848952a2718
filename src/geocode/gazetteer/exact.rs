//! Exact lookups for scanning text (no variants, qualifiers or suggestions) and airport codes.

use super::regions::Region;
use super::*;

impl Gazetteer {
    /// The place called exactly `name` (a country, or a place's own or alternate name), with no
    /// spelling variants, qualifiers or suggestions; `None` when nothing has that name. For
    /// scanning text (`crate::extract`), where most capitalised words are not places: a miss costs
    /// one binary search instead of a did-you-mean.
    ///
    /// Towns and countries only, as text scanning has always had them; [`Gazetteer::exact_any`]
    /// also finds airports, parks, landmarks and mountains.
    pub fn exact(&self, name: &str, hints: &Hints) -> Option<Match> {
        self.exact_of_kinds(name, hints, &[Kind::Town])
    }

    /// Like [`Gazetteer::exact`], but any kind of place: "Jomo Kenyatta International Airport",
    /// "Yellowstone National Park", "Eiffel Tower" (still no airport codes: see
    /// [`Gazetteer::by_code`]).
    pub fn exact_any(&self, name: &str, hints: &Hints) -> Option<Match> {
        self.exact_of_kinds(
            name,
            hints,
            &[
                Kind::Town,
                Kind::Airport,
                Kind::Park,
                Kind::Landmark,
                Kind::Mountain,
            ],
        )
    }

    /// [`Gazetteer::exact`] among places of `kinds`.
    pub(super) fn exact_of_kinds(
        &self,
        name: &str,
        hints: &Hints,
        kinds: &[Kind],
    ) -> Option<Match> {
        let key = normalize(name);
        if let Some(c) = self.country_index(&key, false).filter(|_| !key.is_empty()) {
            return Some(self.country_match(name, &key, c));
        }
        let (key, mut postings) = self.postings_of_text(name)?;
        postings.retain(|&(i, _)| kinds.contains(&Kind::from_code(self.index.place(i).kind)));
        if postings.is_empty() {
            return None;
        }
        Some(self.best(name, &key, postings, &Region::default(), hints, Vec::new()))
    }

    /// The airport whose IATA code ("LHR") or ICAO code ("EGLL") `code` is, written in capitals
    /// (surrounding spaces ignored); `None` for anything else, lower-case letters included.
    pub fn by_code(&self, code: &str) -> Option<Match> {
        let code = code.trim();
        let shaped = match code.len() {
            3 | 4 => code.bytes().all(|b| b.is_ascii_uppercase()),
            _ => false,
        };
        if !shaped {
            return None;
        }
        let places = self.index.by_code(code);
        let (&best, others) = places.split_first()?;
        let mut warnings = Vec::new();
        if !others.is_empty() {
            let also: Vec<String> = others.iter().map(|&i| self.place(i).label()).collect();
            warnings.push(format!(
                "`{code}` is the code of several airports: chose {}; also {}",
                self.place(best).label(),
                also.join("; ")
            ));
        }
        Some(Match {
            query: code.to_string(),
            place: self.place(best),
            level: Level::City,
            matched: code.to_string(),
            alternate_name: false,
            alternatives: others.iter().map(|&i| self.place(i)).collect(),
            warnings,
        })
    }

    /// The first of `text`'s forms (native-script, then Latin) that names a place, with the
    /// places it names.
    pub(super) fn postings_of_text(&self, text: &str) -> Option<(String, Vec<(u32, bool)>)> {
        native(text)
            .into_iter()
            .chain(Some(normalize(text)))
            .filter(|k| !k.is_empty())
            .map(|k| {
                let p = self.index.postings(&k);
                (k, p)
            })
            .find(|(_, p)| !p.is_empty())
    }
}
