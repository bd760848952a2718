//! The words travel cues are made of (lower case), in one place: verbs and nouns of travel, the
//! words a cue may skip, and the words that negate, undo, wish away or date back a cue.
//! Split by kind: `to_words`, `place_words`, `veto_words`, `order_words`, `event_words`.

mod event_words;
mod order_words;
mod place_words;
mod to_words;
mod veto_words;

pub use event_words::*;
pub use order_words::*;
pub use place_words::*;
pub use to_words::*;
pub use veto_words::*;

/// Words that join items of a list: `Perth, Darwin and Apia`, `Tokyo, Japan; Manila`.
pub const SEPARATORS: &[&str] = &[
    ",", "and", "then", "finally", "before", "later", "as", "well", "also", "&", "or", ";", "plus",
];
