//! Events and meetings as cues: an event named after its town (`the Munich Security
//! Conference`) and the meeting word of `met ... in`.

use super::span;
use crate::extract::cue_words::*;
use crate::extract::mentions::Mention;
use crate::extract::tokens::Token;

/// The event's name when `m` begins one (`Munich Security Conference`) that the traveller
/// attended or addressed (`addressing the ...`, `at the ...`).
pub(super) fn attended_event(tokens: &[Token<'_>], low: &[String], m: &Mention) -> Option<String> {
    let mut before = m.first.checked_sub(1)?;
    if low[before] == "the" {
        before = before.checked_sub(1)?;
    }
    if !AT_EVENT.contains(&low[before].as_str()) {
        return None;
    }
    let end = (m.last + 1..(m.last + 4).min(tokens.len()))
        .take_while(|&k| tokens[k].is_capitalised())
        .find(|&k| EVENT_NAMES.contains(&low[k].as_str()))?;
    Some(span(tokens, m.first, end))
}

/// The meeting word of `met [with the minister ...] in`, if the words between it and `in` (at
/// `p`) are only names, titles and small words.
pub(super) fn meet_before(low: &[String], tokens: &[Token<'_>], p: usize) -> Option<usize> {
    let lo = p.saturating_sub(10);
    for q in (lo..p).rev() {
        if MEET_WORDS.contains(&low[q].as_str()) {
            return Some(q);
        }
        if !(tokens[q].is_capitalised() || MEET_FILLER.contains(&low[q].as_str())) {
            return None;
        }
    }
    None
}
