//! [`GeocodeError`]: why a query found no place, with the closest names.

/// A query that resolved to no place.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GeocodeError {
    /// The query has no letters or digits.
    #[error("the place name is empty")]
    Empty,
    /// No place has this name.
    #[error(
        "no place called `{query}` in the gazetteer{}",
        did_you_mean(suggestions)
    )]
    NotFound {
        /// The query as given.
        query: String,
        /// The closest names in the gazetteer, labelled ("Baghdad, Iraq"), best first.
        suggestions: Vec<String>,
    },
    /// Places have this name, but none in the region the query names.
    #[error("no place called `{name}` in {region}; places with that name: {}", elsewhere.join("; "))]
    NotInRegion {
        /// The query as given.
        query: String,
        /// The name part of the query.
        name: String,
        /// The region part, as given ("Mexico").
        region: String,
        /// Places with that name elsewhere, labelled, best first.
        elsewhere: Vec<String>,
    },
}

fn did_you_mean(suggestions: &[String]) -> String {
    match suggestions {
        [] => String::new(),
        [one] => format!("; did you mean {one}?"),
        many => format!("; did you mean one of: {}?", many.join("; ")),
    }
}
