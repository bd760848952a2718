//! Words that negate, undo, wish away or date a cue to another trip: `did not`, `was cancelled`,
//! `could`, `his last trip to`, `last spring`, `next year`.

/// Words before a cue that negate it: `did not travel to`.
pub const NEGATIONS: &[&str] = &[
    "not",
    "n't",
    "'t",
    "never",
    "no",
    "cancelled",
    "canceled",
    "cancels",
    "cancel",
    "postponed",
    "postpones",
    "scrapped",
    "skipped",
    "skip",
    "skipping",
    "without",
    "called",
    "declined",
    "refused",
    "ruled",
];

/// Words after a place that undo the visit: `a visit to Vilnius was cancelled`.
pub const UNDONE_AFTER: &[&str] = &[
    "possible",
    "unlikely",
    "uncertain",
    "cancelled",
    "canceled",
    "postponed",
    "scrapped",
    "dropped",
    "called",
    "shelved",
    "considered",
    "ruled",
    "instead",
];

/// Words on a listed line that take it out of the trip: `Vienna – Gasometer – CANCELLED`.
pub const LINE_UNDONE: &[&str] = &[
    "cancelled",
    "canceled",
    "postponed",
    "scrapped",
    "dropped",
    "not",
    "rescheduled",
];

/// Words before a cue that make it a wish, not a fact: `had hoped he would stop in`.
pub const WISHES: &[&str] = &[
    "telling",
    "told",
    "urging",
    "advised",
    "recommended",
    "recommending",
    "suggested",
    "could",
    "might",
    "may",
    "considering",
    "consider",
    "hoping",
    "hoped",
    "hopes",
    "wanted",
    "wants",
    "wished",
    "urged",
    "invited",
    "asked",
    "considered",
];

/// A word right before a cue that puts the trip in the past: `his last trip to`.
pub const EARLIER: &[&str] = &[
    "last", "previous", "earlier", "prior", "past", "former", "recent",
];

/// Words after a place that put it in a later trip: `next month`, `later this year`.
pub const LATER_AFTER: &[&str] = &["month", "year"];

/// Words that date a place after it to an earlier trip: `last spring`, `the year before`.
pub const EARLIER_AFTER: &[&str] = &[
    "week", "month", "year", "spring", "summer", "autumn", "fall", "winter", "time",
];
