//! Tense: whether a sentence, or the clause around a token, speaks of the future.

use crate::extract::tokens::Token;

/// Words that put a sentence in the future (announcements, schedules).
pub(super) const FUTURE: &[&str] = &[
    "will",
    "would",
    "'ll",
    "scheduled",
    "plans",
    "planned",
    "expected",
    "upcoming",
    "travels",
    "heads",
    "goes",
    "flies",
    "leaves",
    "departs",
    "tomorrow",
    "plan",
    "planning",
    "intends",
    "is traveling",
    "is travelling",
    "shall",
    "due",
];

/// True when the sentence speaks of the future: `will travel`, `is scheduled to`, `travels to`.
pub fn is_future(tokens: &[Token<'_>]) -> bool {
    let low: Vec<String> = tokens.iter().map(Token::lower).collect();
    (0..low.len()).any(|i| future_word(&low, i))
}

/// True when the word at `i` marks the future.
pub(super) fn future_word(low: &[String], i: usize) -> bool {
    let w = low[i].as_str();
    FUTURE.contains(&w)
        || w.ends_with("'ll")
        || w.ends_with("\u{2019}ll")
        || (matches!(w, "is" | "are")
            && low
                .get(i + 1)
                .is_some_and(|n| (n == "to" || n.ends_with("ing")) && n != "being"))
}

/// Verbs in the past tense that tell a clause is about what happened.
pub(super) const PAST: &[&str] = &[
    "was",
    "were",
    "had",
    "did",
    "flew",
    "went",
    "left",
    "met",
    "arrived",
    "landed",
    "visited",
    "travelled",
    "traveled",
    "spent",
    "took",
    "came",
    "said",
    "told",
    "returned",
    "held",
    "began",
    "ended",
    "joined",
    "crossed",
    "drove",
    "stayed",
    "rode",
    "caught",
    "got",
    "saw",
    "reached",
    "wrapped",
    "stopped",
    "toured",
    "continued",
    "attended",
    "signed",
    "hosted",
    "opened",
    "rejected",
    "discussed",
    "picked",
    "finished",
];

/// Words that end a clause for tense: `flew to Rome on Wednesday after talks ..., and will
/// travel to Athens`.
pub(super) const TENSE_CLAUSE_ENDS: &[&str] = &[
    ";", "after", "before", "while", "but", "said", "says", "until", "since", "that", "which",
    "who", "where", "when",
];

/// Whether the day written at token `t` is in the future: a word of the future in its clause
/// (`will`, `is scheduled to`), else a verb in the past in it (`flew`), else a word of the future
/// earlier in the sentence.
pub fn future_at(tokens: &[Token<'_>], t: usize) -> bool {
    let low: Vec<String> = tokens.iter().map(Token::lower).collect();
    let ends = |k: usize| {
        TENSE_CLAUSE_ENDS.contains(&low[k].as_str())
            || (low[k] == ","
                && low
                    .get(k + 1)
                    .is_some_and(|n| matches!(n.as_str(), "and" | "as" | "then" | "while")))
            // "flew to Canberra on Sunday and will continue to ...": a new verb, a new clause.
            || (low[k] == "and"
                && low.get(k + 1).is_some_and(|n| {
                    matches!(
                        n.as_str(),
                        "will" | "would" | "is" | "are" | "was" | "were" | "has" | "have" | "had"
                            | "then" | "later" | "plans"
                    )
                }))
    };
    let start = (0..t.min(low.len()))
        .rev()
        .find(|&k| ends(k))
        .map_or(0, |k| k + 1);
    let end = (t + 1..low.len()).find(|&k| ends(k)).unwrap_or(low.len());
    let next_stop =
        (start..end).any(|k| low[k] == "next" && low.get(k + 1).is_some_and(|n| n == "stop"));
    if next_stop || (start..end).any(|k| future_word(&low, k)) {
        return true;
    }
    if (start..end).any(|k| PAST.contains(&low[k].as_str())) {
        return false;
    }
    (0..start).any(|k| future_word(&low, k))
}
