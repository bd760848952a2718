//! Words before `in`, `at`, `through` and `from`, and verbs that take a place directly: `arrived
//! in`, `called at`, `three days in`, `visited`, `left`, `the route through`, `update from`. A long
//! table, one concept.

/// Words before `in`/`at` that make a stop: `arrived in`, `will take in`, `stop in`, `ends in`.
pub const IN_VERBS: &[&str] = &[
    "arrived",
    "arrives",
    "arrive",
    "arriving",
    "arrival",
    "landed",
    "lands",
    "land",
    "landing",
    "stop",
    "stops",
    "stopped",
    "stopping",
    "stopover",
    "stayed",
    "stays",
    "stay",
    "staying",
    "down",
    "overnight",
    "overnighted",
    "spent",
    "spend",
    "spends",
    "spending",
    "began",
    "begins",
    "begin",
    "starts",
    "started",
    "start",
    "opens",
    "opened",
    "open",
    "off",
    "ended",
    "ends",
    "end",
    "ending",
    "finish",
    "finishes",
    "finished",
    "finishing",
    "concludes",
    "concluded",
    "conclude",
    "closes",
    "closed",
    "take",
    "takes",
    "taking",
    "took",
    "play",
    "plays",
    "playing",
    "played",
    "perform",
    "performs",
    "performing",
    "performed",
    "race",
    "races",
    "racing",
    "raced",
    "refuels",
    "refuelled",
    "refueled",
    "embark",
    "embarks",
    "embarked",
    "disembark",
    "reached",
    "reaches",
    "continued",
];

/// Words before `in`/`at` that put the traveller there, a weaker cue than arriving.
pub const PRESENCE: &[&str] = &[
    "was", "were", "already", "remained", "still", "briefly", "is", "are", "be", "been", "due",
    "expected", "based",
];

/// Words before `at` (only) that make a stop: a ship or train `calls at`.
pub const CALL_VERBS: &[&str] = &["calls", "call", "calling", "called"];

/// Words that count a stay before its noun (`three days in`, `our first night in`); digits count
/// too.
pub const STAY_COUNTS: &[&str] = &[
    "first", "second", "third", "fourth", "fifth", "sixth", "last", "final", "our", "my", "a",
    "few", "two", "three", "four", "five", "six", "several", "some", "many", "couple", "full",
    "whole", "one", "seven", "eight", "nine", "ten",
];

/// Nouns of time spent somewhere: `three days in`, `a few nights in`.
pub const STAY_NOUNS: &[&str] = &[
    "days",
    "day",
    "nights",
    "night",
    "weeks",
    "week",
    "hours",
    "afternoon",
    "evening",
    "morning",
];

/// Verbs that visit their object: `visited Warsaw`, `toured Hanoi`.
pub const DIRECT_VERBS: &[&str] = &[
    "visited", "visit", "visits", "visiting", "toured", "tours", "tour", "reached", "reaches",
    "explored",
];

/// Verbs that visit their object when a trip is their subject: `a tour that includes Oslo`.
pub const INCLUDE_VERBS: &[&str] = &["include", "includes", "included", "including"];

/// Verbs of leaving their object: `left Ankara`, `departs Washington`.
pub const LEAVE_VERBS: &[&str] = &[
    "left",
    "leaves",
    "leave",
    "leaving",
    "departed",
    "departs",
    "depart",
    "departing",
    "departure",
    "quit",
];

/// Words before `through` that make it a stop: `the scenic route through Pitlochry`.
pub const THROUGH_WORDS: &[&str] = &[
    "route",
    "drove",
    "drive",
    "driving",
    "went",
    "passing",
    "passed",
    "travelled",
    "traveled",
    "came",
    "rode",
    "way",
    "back",
];

/// Words before `from` that make the place where the traveller is: `update from Kraków`.
pub const HERE_WORDS: &[&str] = &[
    "update",
    "greetings",
    "postcard",
    "writing",
    "dispatch",
    "reporting",
    "hello",
    "live",
];
