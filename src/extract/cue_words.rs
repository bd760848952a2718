//! The words travel cues are made of (lower case), in one place: verbs and nouns of travel, the
//! words a cue may skip, and the words that negate, undo, wish away or date back a cue.

/// Words before `to`/`into` that make a trip: `flew to`, `trip to`, `the morning train to`.
pub const TO_VERBS: &[&str] = &[
    "visit",
    "visits",
    "visiting",
    "trip",
    "trips",
    "travel",
    "travels",
    "traveled",
    "travelled",
    "traveling",
    "travelling",
    "flew",
    "fly",
    "flies",
    "flying",
    "flight",
    "flights",
    "head",
    "heads",
    "headed",
    "heading",
    "went",
    "go",
    "goes",
    "going",
    "gone",
    "journey",
    "journeyed",
    "continue",
    "continues",
    "continued",
    "continuing",
    "moved",
    "move",
    "proceeded",
    "proceeds",
    "proceed",
    "drove",
    "drive",
    "drives",
    "driving",
    "sailed",
    "sail",
    "sails",
    "crossed",
    "cross",
    "crosses",
    "bus",
    "train",
    "ferry",
    "plane",
    "boat",
    "car",
    "coach",
    "then",
    "way",
    "tour",
    "came",
    "come",
    "comes",
    "arrived",
    "took",
    "onward",
    "onwards",
    "stops",
    "departure",
    "transfer",
    "transferred",
    "hop",
    "haul",
    "ride",
    "rode",
    "rolled",
    "pushed",
    "walked",
    "hiked",
    "cycled",
    "excursion",
    "swing",
    "leg",
    "caught",
    "shuttled",
    "jetted",
    "dash",
    "dashed",
    "jumped",
    "trek",
    "trekked",
    "returning",
    "mission",
    "sets",
    "set",
    "got",
    "get",
    "gets",
    "getting",
    "pedalled",
    "pedaled",
    "biked",
    "paddled",
    "hitchhiked",
    "flown",
    "day",
    "detour",
    "push",
    "pushing",
];

/// Words after which `to`, `in` or `at` means going back: `returned to`, `back in`.
pub const RETURN_WORDS: &[&str] = &["return", "returns", "returned", "returning", "back"];

/// `took him to`, `will take her to`: a verb of carrying before its object.
pub const TAKE_VERBS: &[&str] = &[
    "took", "take", "takes", "taking", "taken", "brought", "bring", "brings",
];

/// Objects of a carrying verb.
pub const OBJECTS: &[&str] = &["him", "her", "them", "me", "us"];

/// Words a cue may have between its verb and `to`: `travels north to`, `drove up to`.
pub const SKIPPED_BEFORE_TO: &[&str] = &[
    "on", "onward", "onwards", "straight", "directly", "south", "north", "east", "west",
    "overland", "up", "down", "over", "across", "out", "inland", "later", "then", "also",
    "briefly", "quickly", "first", "home",
];

/// Words of a route between a verb and `to`: `took us east along the south coast to Vik`, `rode
/// the slow train along the Rhine to Koblenz` (with the verb at most [`ROUTE_SPAN`] words back).
pub const ROUTE_WORDS: &[&str] = &[
    "along",
    "the",
    "a",
    "coast",
    "coastal",
    "eastern",
    "western",
    "northern",
    "southern",
    "scenic",
    "long",
    "road",
    "roads",
    "river",
    "valley",
    "mountains",
    "us",
    "them",
    "him",
    "her",
    "me",
    "fjords",
    "lakes",
    "slow",
    "fast",
    "night",
    "morning",
    "evening",
    "early",
    "late",
    "old",
    "main",
    "back",
    "way",
    "ring",
    "highway",
    "motorway",
    "border",
    "over",
    "across",
    "through",
    "east",
    "west",
    "north",
    "south",
    "inland",
    "on",
    "up",
    "down",
];

/// How many words back a route may reach for its verb.
pub const ROUTE_SPAN: usize = 8;

/// Means of transport, skipped with `by` before them: `Return by plane to Antananarivo`.
pub const VEHICLES: &[&str] = &[
    "plane",
    "air",
    "train",
    "rail",
    "bus",
    "coach",
    "car",
    "road",
    "boat",
    "ferry",
    "sea",
    "helicopter",
    "shinkansen",
    "motorcade",
];

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

/// Words after a place that put it in a later trip: `next month`, `later this year`.
pub const LATER_AFTER: &[&str] = &["month", "year"];

/// Words that date a place after it to an earlier trip: `last spring`, `the year before`.
pub const EARLIER_AFTER: &[&str] = &[
    "week", "month", "year", "spring", "summer", "autumn", "fall", "winter", "time",
];

/// Events a place-and-day sentence may report: `a summit held in Amman on Saturday`.
pub const EVENTS: &[&str] = &[
    "held",
    "summit",
    "meeting",
    "met",
    "meets",
    "talks",
    "visit",
    "visited",
    "spoke",
    "speaking",
    "told",
    "conference",
    "joined",
    "attended",
    "attends",
    "arrived",
    "stopped",
    "landed",
    "toured",
    "reporters",
    "was",
    "were",
    "is",
    "will",
    "hosted",
    "hosts",
    "signed",
    "addressed",
    "match",
    "matches",
    "play",
    "plays",
    "played",
    "game",
    "concert",
    "show",
    "gig",
    "performs",
    "perform",
    "performed",
    "mass",
    "festival",
    "picked",
    "collected",
    "hired",
    "rented",
];

/// Words of a meeting: `met ... in X`.
pub const MEET_WORDS: &[&str] = &[
    "met",
    "meets",
    "meet",
    "meeting",
    "meetings",
    "talks",
    "summit",
    "conference",
    "spoke",
    "dined",
];

/// Words allowed between a meeting word and `in`: `met with the foreign minister in`.
pub const MEET_FILLER: &[&str] = &[
    "with",
    "the",
    "his",
    "her",
    "their",
    "and",
    ",",
    "'s",
    "of",
    "counterpart",
    "counterparts",
    "officials",
    "leaders",
    "leader",
    "minister",
    "ministers",
    "president",
    "prime",
    "foreign",
    "king",
    "crown",
    "prince",
    "top",
    "senior",
    "held",
];

/// Words that join items of a list: `Perth, Darwin and Apia`, `Tokyo, Japan; Manila`.
pub const SEPARATORS: &[&str] = &[
    ",", "and", "then", "finally", "before", "later", "as", "well", "also", "&", "or", ";", "plus",
];

/// Nouns of a trip that a possessive can own: `the Indian prime minister's visit to Moscow`.
pub const TRIP_NOUNS: &[&str] = &[
    "visit", "visits", "trip", "trips", "tour", "journey", "stop",
];

/// Last words of events named after their town: `Munich Security Conference`, `Davos Forum`.
pub const EVENT_NAMES: &[&str] = &[
    "conference",
    "summit",
    "forum",
    "games",
    "olympics",
    "expo",
    "festival",
    "dialogue",
    "congress",
];

/// Verbs and prepositions that put the traveller at such an event.
pub const AT_EVENT: &[&str] = &[
    "attend",
    "attends",
    "attended",
    "attending",
    "address",
    "addresses",
    "addressed",
    "addressing",
    "at",
    "opened",
    "opening",
];
