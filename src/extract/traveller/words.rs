//! Words that describe people: head nouns of travellers, qualifiers, words that set two people
//! apart, groups, pronouns, clause boundaries and the trip nouns a person may own.

/// Head nouns of a person or group that may travel.
pub(super) const ROLES: &[&str] = &[
    "president",
    "vice-president",
    "premier",
    "minister",
    "ministers",
    "secretary",
    "chancellor",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "emperor",
    "empress",
    "envoy",
    "envoys",
    "ambassador",
    "senator",
    "governor",
    "mayor",
    "deputy",
    "counterpart",
    "counterparts",
    "diplomat",
    "diplomats",
    "leader",
    "leaders",
    "official",
    "officials",
    "spokesperson",
    "monarch",
    "commissioner",
    "general",
    "admiral",
    "chief",
    "delegation",
    "delegates",
    "team",
    "squad",
    "band",
    "singer",
    "orchestra",
    "headliners",
    "couple",
    "duo",
    "act",
    "group",
    "party",
    "crew",
    "captain",
    "coach",
    "partner",
    "wife",
    "husband",
    "sister",
    "brother",
    "majesties",
    "majesty",
    "holiness",
    "father",
    "tourists",
    "ministers",
    "aides",
    "analysts",
    "investors",
    "critics",
    "reporters",
];

/// Words that narrow a title: `foreign minister`, `secretary of state`.
pub(super) const QUALIFIERS: &[&str] = &[
    "vice",
    "deputy",
    "foreign",
    "defence",
    "defense",
    "prime",
    "interior",
    "finance",
    "trade",
    "environment",
    "under",
    "external",
    "affairs",
    "crown",
    "support",
    "opposition",
    "former",
    "state",
    "health",
    "economy",
    "holy",
    "special",
    "assistant",
];

/// Words that make a person someone else than one otherwise named alike.
pub(super) const DISTINGUISHING: &[&str] = &[
    "vice",
    "vice-president",
    "deputy",
    "counterpart",
    "counterparts",
    "former",
    "support",
    "opposition",
    "under",
    "partner",
    "wife",
    "husband",
    "sister",
    "brother",
    "assistant",
];

/// Groups that include the traveller: they are the traveller unless something sets them apart.
pub(super) const GROUPS: &[&str] = &[
    "couple",
    "delegation",
    "party",
    "group",
    "majesties",
    "majesty",
    "holiness",
    "team",
    "squad",
    "crew",
    "band",
    "orchestra",
];

/// Words inside a person's description that say nothing about who they are.
pub(super) const NEUTRAL: &[&str] = &[
    "the", "a", "an", "visiting", "new", "top", "senior", "incoming", "outgoing", "current", "of",
    "and", "&", "'s", "his", "her", "their", "its", "our", "my", "your", "mr", "mrs", "ms", "dr",
    "jr", ".",
];

/// Subject pronouns, and whether they are the writer.
pub(super) fn pronoun(w: &str) -> Option<bool> {
    match w {
        "he" | "she" | "they" => Some(false),
        "we" | "i" => Some(true),
        _ => None,
    }
}

/// Words that end a clause: the subject of a cue is looked for after the last one before it.
pub(super) const BOUNDARIES: &[&str] = &[
    ";",
    ":",
    "while",
    "whereas",
    "meanwhile",
    "but",
    "said",
    "says",
    "announced",
    "whilst",
    "(",
];

/// Trip nouns a possessive may own: `her tour ... reached Sofia`, `the minister's visit to`.
pub(super) const OWNED_TRIPS: &[&str] = &[
    "visit", "visits", "trip", "trips", "tour", "tours", "journey", "swing", "mission", "stop",
];
