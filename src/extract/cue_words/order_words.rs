//! Words that place a stop in the trip: `already` (earlier), `began in` (first), `ends in`,
//! `wrapped up` (last), and the nouns of a whole trip.

/// Words before a cue that make the stop an earlier one of this trip: `who has already visited`.
pub const ALREADY: &[&str] = &["already"];

/// Cue verbs that open a trip: `began in`, `opens in Vancouver`.
pub const FIRST_VERBS: &[&str] = &[
    "began",
    "begins",
    "begin",
    "beginning",
    "start",
    "starts",
    "started",
    "starting",
    "opens",
    "open",
    "opened",
    "opening",
    "off",
    "first",
];

/// Words that end a trip at the cue's place: `ends in`, `finishing at`, `conclude his trip in`.
pub const LAST_WORDS: &[&str] = &[
    "end",
    "ends",
    "ended",
    "ending",
    "finish",
    "finishes",
    "finished",
    "finishing",
    "conclude",
    "concludes",
    "concluded",
    "concluding",
    "close",
    "closes",
    "closed",
    "closing",
    "final",
    "finally",
    "last",
];

/// Verbs that end a trip with `up`: `wrapped up`, `wound up`, `ended up`.
pub const UP_VERBS: &[&str] = &[
    "wrapped", "wraps", "wrap", "wrapping", "wound", "winding", "winds", "ended", "ends", "end",
];

/// Nouns of a whole trip: `our road trip from Leeds to Inverness` makes Inverness the end.
pub const TRIP_FRAME: &[&str] = &[
    "trip", "journey", "drive", "tour", "route", "cruise", "ride", "walk", "trek", "run",
    "crossing", "voyage", "flight", "odyssey",
];

/// Nouns of a trip that a possessive can own: `the Indian prime minister's visit to Moscow`.
pub const TRIP_NOUNS: &[&str] = &[
    "visit", "visits", "trip", "trips", "tour", "journey", "stop",
];
