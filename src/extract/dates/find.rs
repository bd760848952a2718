//! Finding date expressions in a sentence's tokens: calendar days and ranges, weekdays, days
//! relative to another, days of the trip.

use super::words::*;
use super::{DateMention, Expr};
use crate::extract::tokens::Token;
use jiff::civil::Weekday;

/// Finds the date expressions in a sentence's tokens, in order.
pub fn find(tokens: &[Token<'_>]) -> Vec<DateMention> {
    let low: Vec<String> = tokens.iter().map(Token::lower).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let Some((first, last, expr)) = expression_at(tokens, &low, i) else {
            i += 1;
            continue;
        };
        out.push(DateMention {
            first,
            last,
            expr,
            text: tokens[first..=last]
                .iter()
                .map(|t| t.text)
                .collect::<Vec<_>>()
                .join(" "),
        });
        i = last + 1;
    }
    out
}

/// The lower-case word at `i`, or "" past the end.
pub(super) fn word(low: &[String], i: usize) -> &str {
    low.get(i).map(String::as_str).unwrap_or("")
}

/// The token after a month name at `k`, past the dot of an abbreviation (`Nov. 6`).
pub(super) fn after_month(low: &[String], k: usize) -> usize {
    if word(low, k + 1) == "." {
        k + 2
    } else {
        k + 1
    }
}

/// The date expression at token `i`, if one starts there: (first token, last token, what it
/// says). A weekday may take the word before it (`last Monday`).
pub(super) fn expression_at(
    tokens: &[Token<'_>],
    low: &[String],
    i: usize,
) -> Option<(usize, usize, Expr)> {
    if let Some(m) = month(tokens[i].text) {
        return month_day(tokens, low, i, m);
    }
    if let Some(d) = day_number(&tokens[i]) {
        return day_month(tokens, low, i, d);
    }
    if let Some(wd) = weekday(&low[i]) {
        return Some(weekday_at(tokens, low, i, wd));
    }
    if let Some(wd) = weekday_abbreviation(tokens[i].text) {
        let (first, last, expr) = weekday_at(tokens, low, i, wd);
        return matches!(expr, Expr::Day { .. }).then_some((first, last, expr));
    }
    trip_day(low, i).or_else(|| relative_day(low, i))
}

/// `Day 3`, `day ten`, `Day 2-3`, `the third day of the trip`, `the last day of her five-day
/// tour`, `on the last day`, starting at token `i`.
pub(super) fn trip_day(low: &[String], i: usize) -> Option<(usize, usize, Expr)> {
    let w = |k: usize| word(low, k);
    if w(i) == "day"
        && let Some(n) = count_word(w(i + 1))
    {
        if matches!(w(i + 2), "-" | "\u{2013}" | "to" | "and")
            && let Some(m) = count_word(w(i + 3)).filter(|&m| m > n)
        {
            return Some((i, i + 3, Expr::TripDay { n, to: Some(m) }));
        }
        return Some((i, i + 1, Expr::TripDay { n, to: None }));
    }
    if w(i) != "the" || w(i + 2) != "day" {
        return None;
    }
    let of_trip = |k: usize| {
        // "of the trip", "of her five-day tour": the day count, if any, and the last token.
        if w(k) != "of" {
            return None;
        }
        let mut j = k + 1;
        if matches!(w(j), "the" | "his" | "her" | "their" | "its" | "our" | "my") {
            j += 1;
        }
        let days = n_day(w(j));
        if days.is_some() {
            j += 1;
        }
        TRIP_NOUNS.contains(&w(j)).then_some((days, j))
    };
    if matches!(w(i + 1), "last" | "final") {
        return Some(match of_trip(i + 3) {
            Some((days, end)) => (i, end, Expr::LastDay(days)),
            None => (i, i + 2, Expr::LastDay(None)),
        });
    }
    let n = count_word(w(i + 1))
        .filter(|_| w(i + 1).chars().next().is_some_and(|c| !c.is_ascii_digit()))?;
    let (_, end) = of_trip(i + 3)?;
    Some((i, end, Expr::TripDay { n, to: None }))
}

/// Nouns for a whole trip: `the third day of the trip`.
pub(super) const TRIP_NOUNS: &[&str] = &[
    "trip", "tour", "visit", "journey", "mission", "swing", "drive", "cruise", "holiday",
    "vacation", "stay",
];

/// Month Day[(-|to|and|through) [Month] Day][, Year], the month `m` at token `i`.
pub(super) fn month_day(
    tokens: &[Token<'_>],
    low: &[String],
    i: usize,
    m: i8,
) -> Option<(usize, usize, Expr)> {
    let mut last = after_month(low, i);
    let d = tokens.get(last).and_then(day_number)?;
    let mut to = None;
    if matches!(
        word(low, last + 1),
        "-" | "to" | "and" | "through" | "until" | "\u{2013}"
    ) {
        let (m2, at) = match tokens.get(last + 2).and_then(|t| month(t.text)) {
            Some(m2) => (m2, after_month(low, last + 2)),
            None => (m, last + 2),
        };
        if let Some(d2) = tokens.get(at).and_then(day_number)
            && (m2, d2) > (m, d)
        {
            to = Some((m2, d2));
            last = at;
        }
    }
    let y_at = if word(low, last + 1) == "," {
        last + 2
    } else {
        last + 1
    };
    let year = tokens.get(y_at).and_then(year_number);
    if year.is_some() {
        last = y_at;
    }
    let day = Expr::Day {
        month: m,
        day: d,
        year,
        to,
    };
    Some((i, last, day))
}

/// Day Month [Year]; Day(-|to|and) Day Month [Year], the day `d` at token `i`.
pub(super) fn day_month(
    tokens: &[Token<'_>],
    low: &[String],
    i: usize,
    d: i8,
) -> Option<(usize, usize, Expr)> {
    let (d2, at) = match (word(low, i + 1), tokens.get(i + 2).and_then(day_number)) {
        ("-" | "to" | "and" | "&" | "\u{2013}", Some(d2)) if d2 > d => (Some(d2), i + 3),
        _ => (None, i + 1),
    };
    let m = tokens.get(at).and_then(|t| month(t.text))?;
    let mut last = at;
    if word(low, at + 1) == "." && tokens[at].text.chars().count() <= 4 {
        last += 1;
    }
    let year = tokens.get(last + 1).and_then(year_number);
    if year.is_some() {
        last += 1;
    }
    let day = Expr::Day {
        month: m,
        day: d,
        year,
        to: d2.map(|d2| (m, d2)),
    };
    Some((i, last, day))
}

/// The weekday `wd` at token `i`, with `last`/`next` before it; "Monday, September 25" is the
/// written day (the written day wins over the weekday).
pub(super) fn weekday_at(
    tokens: &[Token<'_>],
    low: &[String],
    i: usize,
    wd: Weekday,
) -> (usize, usize, Expr) {
    let shift = match word(low, i.wrapping_sub(1)) {
        "last" | "past" => -1,
        "next" | "coming" => 1,
        _ => 0,
    };
    if matches!(word(low, i.wrapping_sub(1)), "every" | "each") {
        return (i, i, Expr::Recurring);
    }
    let first = if shift != 0 { i - 1 } else { i };
    let next = if word(low, i + 1) == "," {
        i + 2
    } else {
        i + 1
    };
    let written = tokens.get(next).and_then(|t| {
        if let Some(m) = month(t.text) {
            month_day(tokens, low, next, m)
        } else {
            day_month(tokens, low, next, day_number(t)?)
        }
    });
    if let Some((_, last, expr)) = written {
        return (first, last, expr);
    }
    (first, i, Expr::Weekday(wd, shift))
}

/// A day relative to another (`the next day`, `yesterday`) starting at token `i`.
pub(super) fn relative_day(low: &[String], i: usize) -> Option<(usize, usize, Expr)> {
    let phrase = |words: &[&str]| {
        words
            .iter()
            .enumerate()
            .all(|(k, w)| word(low, i + k) == *w)
    };
    let rel = [
        (&["the", "same", "day"][..], Expr::SameDay),
        (&["that", "same", "day"][..], Expr::SameDay),
        (&["that", "day"][..], Expr::SameDay),
        (&["that", "evening"][..], Expr::SameDay),
        (&["that", "night"][..], Expr::SameDay),
        (&["that", "afternoon"][..], Expr::SameDay),
        (&["that", "morning"][..], Expr::SameDay),
        (&["the", "same", "evening"][..], Expr::SameDay),
        (&["later", "that", "day"][..], Expr::SameDay),
        (&["in", "the", "evening"][..], Expr::SameDay),
        (&["tonight"][..], Expr::Today(0)),
        (&["the", "weekend"][..], Expr::Weekend(0)),
        (&["this", "weekend"][..], Expr::Weekend(0)),
        (&["last", "weekend"][..], Expr::Weekend(-1)),
        (&["next", "weekend"][..], Expr::Weekend(1)),
        (&["the", "next", "day"][..], Expr::DayAfter(1)),
        (&["the", "following", "day"][..], Expr::DayAfter(1)),
        (&["a", "day", "later"][..], Expr::DayAfter(1)),
        (&["two", "days", "later"][..], Expr::DayAfter(2)),
        (&["three", "days", "later"][..], Expr::DayAfter(3)),
        (&["four", "days", "later"][..], Expr::DayAfter(4)),
        (&["the", "next", "morning"][..], Expr::DayAfter(1)),
        (&["the", "following", "morning"][..], Expr::DayAfter(1)),
        (&["the", "day", "before"][..], Expr::DayAfter(-1)),
        (&["the", "previous", "day"][..], Expr::DayAfter(-1)),
        (&["today"][..], Expr::Today(0)),
        (&["yesterday"][..], Expr::Today(-1)),
        (&["tomorrow"][..], Expr::Today(1)),
    ];
    let (w, e) = rel.iter().find(|(w, _)| phrase(w))?;
    Some((i, i + w.len() - 1, *e))
}
