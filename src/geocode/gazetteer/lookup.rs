//! A query's lookup: the whole query as a country, an airport code or a name; else its name and
//! qualifiers, trailing region words, spelling variants; errors with suggestions.

use super::regions::{Qualifiers, Region};
use super::*;
use crate::geocode::suggest::suggestions;

/// A query's trailing words read as a region ("Paris Texas").
struct TrailingRegion {
    /// The words before the region: the name.
    head: String,
    /// The region's words.
    tail: String,
    region: Region,
    /// The places the name matches.
    postings: Vec<(u32, bool)>,
}

impl Gazetteer {
    /// [`Gazetteer::lookup`]; `suggest` says whether to search for close names on failure.
    pub(super) fn lookup_with(
        &self,
        query: &str,
        hints: &Hints,
        suggest: bool,
    ) -> Result<Match, GeocodeError> {
        let whole = normalize(query);
        if whole.is_empty() && native(query).is_none() {
            return Err(GeocodeError::Empty);
        }
        if let Some(m) = self.whole_query(query, &whole, hints) {
            return Ok(m);
        }
        // Name, then qualifiers after commas or in brackets.
        let mut parts = query
            .split(SEPARATORS)
            .map(str::trim)
            .filter(|p| !normalize(p).is_empty() || native(p).is_some());
        let name_raw = parts.next().unwrap_or(query);
        let native_name = native(name_raw);
        let Qualifiers {
            mut region,
            named: mut named_regions,
            conflict,
            warnings,
        } = self.qualifiers(query, name_raw, parts, hints)?;
        let (mut name, mut postings) = match self.postings_of_text(name_raw) {
            Some(found) => found,
            None => (
                native_name.clone().unwrap_or(normalize(name_raw)),
                Vec::new(),
            ),
        };
        if postings.is_empty()
            && named_regions.is_empty()
            && let Some(t) = self.trailing_region(&name)
        {
            postings = t.postings;
            name = t.head;
            region = t.region;
            named_regions.push(t.tail);
        }
        if postings.is_empty()
            && let Some((variant, p)) = self.spelling_variant(name_raw, native_name.as_deref())
        {
            name = variant;
            postings = p;
        }
        if postings.is_empty() {
            if named_regions.is_empty()
                && let Some(c) = self.placeable_country(&normalize(name_raw))
            {
                return Ok(self.country_match(query, &normalize(name_raw), c));
            }
            return Err(GeocodeError::NotFound {
                query: query.trim().to_string(),
                suggestions: if suggest {
                    self.did_you_mean(&name, &region)
                } else {
                    Vec::new()
                },
            });
        }
        if conflict
            || (!region.is_empty()
                && !postings
                    .iter()
                    .any(|&(i, _)| region.contains(&self.index.place(i))))
        {
            return Err(self.not_in_region(query, name_raw, &name, postings, &named_regions));
        }
        Ok(self.best(query, &name, postings, &region, hints, warnings))
    }

    /// The error for a name found only outside the regions named (`Paris, Texas, France`, `Perth,
    /// Ontario`), listing where it is.
    fn not_in_region(
        &self,
        query: &str,
        name_raw: &str,
        name: &str,
        postings: Vec<(u32, bool)>,
        named_regions: &[String],
    ) -> GeocodeError {
        let all = self.best(
            query,
            name,
            postings,
            &Region::default(),
            &Hints::none(),
            Vec::new(),
        );
        let mut elsewhere = vec![all.place.label()];
        elsewhere.extend(all.alternatives.iter().map(Place::label));
        GeocodeError::NotInRegion {
            query: query.trim().to_string(),
            name: name_raw.to_string(),
            region: named_regions.join(", "),
            elsewhere,
        }
    }

    /// The whole query (`whole`, normalised) as one name: a country, an airport code (four
    /// capitals are an ICAO code unless a town has that name: "LIMA", "OSLO"), or a place
    /// ("Washington, D.C." is a name too).
    fn whole_query(&self, query: &str, whole: &str, hints: &Hints) -> Option<Match> {
        if let Some(c) = self.placeable_country(whole) {
            return Some(self.country_match(query, whole, c));
        }
        let town_named = || {
            self.index
                .postings(whole)
                .iter()
                .any(|&(i, alternate)| !alternate && self.index.place(i).kind == 0)
        };
        if let Some(m) = self.by_code(query)
            && (query.trim().len() == 3 || !town_named())
        {
            return Some(m);
        }
        let (key, postings) = self.postings_of_text(query)?;
        Some(self.best(query, &key, postings, &Region::default(), hints, Vec::new()))
    }

    /// "Paris Texas", "Washington DC": trailing words of `name` that name a region holding a
    /// place named by the words before them.
    fn trailing_region(&self, name: &str) -> Option<TrailingRegion> {
        let words: Vec<&str> = name.split(' ').collect();
        for k in (1..words.len()).rev() {
            let head = words[..k].join(" ");
            let tail = words[k..].join(" ");
            if let Some(r) = self.region(&tail) {
                let p = self.index.postings(&head);
                if p.iter().any(|&(i, _)| r.contains(&self.index.place(i))) {
                    return Some(TrailingRegion {
                        head,
                        tail,
                        region: r,
                        postings: p,
                    });
                }
            }
        }
        None
    }

    /// The first spelling variant of `name_raw` (native-script forms without a suffix, then
    /// Latin swaps such as "st" -> "saint") that names a place, with its places.
    fn spelling_variant(
        &self,
        name_raw: &str,
        native_name: Option<&str>,
    ) -> Option<(String, Vec<(u32, bool)>)> {
        let latin = normalize(name_raw);
        let forms = native_name.into_iter().flat_map(native_variants);
        forms.chain(variants(&latin)).find_map(|variant| {
            let p = self.index.postings(&variant);
            (!p.is_empty()).then_some((variant, p))
        })
    }

    /// Suggestions for a `name` (normalised) that matched nothing within `region` (empty:
    /// anywhere): for a state or province, its three biggest places; else up to five close
    /// names, saying which alternate name was close (`(known as "...")`).
    pub(super) fn did_you_mean(&self, name: &str, region: &Region) -> Vec<String> {
        if let Some(r) = self.region(name) {
            let places: Vec<String> = (0..self.index.place_count() as u32)
                .filter(|&i| self.index.place(i).kind == 0 && r.contains(&self.index.place(i)))
                .take(3)
                .map(|i| self.place(i).label())
                .collect();
            if !places.is_empty() {
                return places;
            }
        }
        suggestions(&self.index, name, 5, &|i| {
            region.is_empty() || region.contains(&self.index.place(i))
        })
        .into_iter()
        .map(|(i, key)| {
            let place = self.place(i);
            let own = normalize(&place.name);
            if strsim::osa_distance(name, &own) <= strsim::osa_distance(name, key) {
                place.label()
            } else {
                format!("{} (known as \"{key}\")", place.label())
            }
        })
        .collect()
    }
}

/// What separates a name from its qualifiers: commas, brackets and semicolons, Latin, Arabic
/// and CJK.
pub(super) const SEPARATORS: &[char] = &[
    ',', '(', ')', ';', '\u{060C}', '\u{061B}', '\u{3001}', '\u{FF0C}', '\u{FF08}', '\u{FF09}',
    '\u{FF1B}',
];

/// Native-script forms to try when a name is not found: without the administrative suffix that
/// Japanese, Chinese and Korean names often carry ("京都市" -> "京都", "서울시" -> "서울").
pub(super) fn native_variants(name: &str) -> Vec<String> {
    const SUFFIXES: &[&str] = &["市", "都", "府", "県", "区", "町", "村", "省", "시", "군"];
    SUFFIXES
        .iter()
        .filter_map(|s| name.strip_suffix(s))
        .filter(|rest| rest.chars().count() >= 2)
        .map(str::to_string)
        .collect()
}

/// Common spellings to try when a name is not found: "st" <-> "saint" / "sankt", "mt" ->
/// "mount", "ft" -> "fort", no leading "the", German "ue"/"oe"/"ae" for "ü"/"ö"/"ä".
pub(super) fn variants(name: &str) -> Vec<String> {
    const SWAPS: &[(&str, &str)] = &[
        ("st ", "saint "),
        ("saint ", "st "),
        ("sankt ", "st "),
        ("st ", "sankt "),
        ("ste ", "sainte "),
        ("mt ", "mount "),
        ("ft ", "fort "),
        ("the ", ""),
    ];
    let mut out: Vec<String> = SWAPS
        .iter()
        .filter_map(|(from, to)| name.strip_prefix(from).map(|rest| format!("{to}{rest}")))
        .collect();
    if ["ue", "oe", "ae"].iter().any(|d| name.contains(d)) {
        out.push(
            name.replace("ue", "u")
                .replace("oe", "o")
                .replace("ae", "a"),
        );
    }
    out
}
