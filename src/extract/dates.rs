//! Date expressions in a sentence and their resolution to calendar days.
//!
//! Absolute: `June 25`, `25 June`, `June 25, 2024`, `Nov. 6`, `APR 03`, `Sat 28 June`, `from
//! March 14 to 23, 2024`, `March 14-23`, `Nov 28-Dec 2`, `September 9 and 10`, `14 & 16 May`.
//! Relative: `Monday` (`on Monday`, `later on Sunday`, `last Friday`, `next Tuesday`, `sometime
//! Sunday`), `the same day`, `that evening`, `the next day` / `the following day`, `the day
//! before`, `today`, `yesterday`, `tomorrow`. Days of the trip: `Day 3`, `on day ten`, `the third
//! day of the trip`, `the last day of her five-day tour` (counted from the trip's first day).
//!
//! A weekday resolves against the reference day (the publication date or a dateline): the most
//! recent such day on or before it in a past-tense sentence, the next on or after it in a
//! future-tense one. A day without a year takes the year that puts it nearest the reference.

use super::tokens::{Kind, Token};
use jiff::civil::{Date, Weekday};

/// A date expression as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expr {
    /// Month and day, maybe a year; `to` is a second day (month, day) for ranges and pairs.
    Day {
        /// 1-12.
        month: i8,
        /// 1-31.
        day: i8,
        /// When written.
        year: Option<i16>,
        /// End of a range (`March 14 to 23`, `September 9 and 10`): month and day.
        to: Option<(i8, i8)>,
    },
    /// A weekday; `shift` is -1 for `last`, +1 for `next`, 0 otherwise.
    Weekday(Weekday, i8),
    /// `the same day`, `that day`: the date last mentioned.
    SameDay,
    /// `the next day`, `the following day`, `a day later` (+1) / `the day before` (-1).
    DayAfter(i8),
    /// `today` (0), `yesterday` (-1), `tomorrow` (+1), relative to the reference.
    Today(i8),
    /// `every Saturday`: no day at all.
    Recurring,
    /// `the weekend` (Saturday and Sunday): -1 for `last weekend`, +1 for `next weekend`, else by
    /// tense.
    Weekend(i8),
    /// Day `n` of the trip (`Day 3`, `on day ten`, `the third day of the trip`); `to` is the last
    /// day of a span (`Day 2-3`).
    TripDay {
        /// 1-based day of the trip.
        n: u16,
        /// Last day of a span of days, when written.
        to: Option<u16>,
    },
    /// `the last day of the N-day tour` (`Some(N)`), or `on the last day` (`None`: the trip's last
    /// day, known only when the text dates it).
    LastDay(Option<u16>),
}

/// A date expression found in a sentence: which tokens, and what it says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// First token (index into the sentence's tokens).
    pub first: usize,
    /// Last token, inclusive.
    pub last: usize,
    /// The expression.
    pub expr: Expr,
    /// The words as written.
    pub text: String,
}

/// A resolved date: first and last day (the same for a single day) and how it was worked out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    /// First day.
    pub from: Date,
    /// Last day (equal to `from` for a single day).
    pub to: Date,
    /// How: `"absolute"`, `"Friday, past tense: the Friday on or before 2023-11-06"`...
    pub how: String,
}

/// Month number of a month name or abbreviation (`Nov.`), case-insensitive; `May` only when
/// capitalised (so the verb is not a month).
pub fn month(word: &str) -> Option<i8> {
    if word == "may" {
        return None;
    }
    let w = word.trim_end_matches('.').to_lowercase();
    let m = match w.as_str() {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sept" | "sep" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    };
    // "March" the verb or "mar" the verb are lower case; month names are capitalised.
    word.chars().next().filter(|c| c.is_uppercase()).map(|_| m)
}

/// The weekday a word names (`Monday`), case-insensitive.
pub fn weekday(word: &str) -> Option<Weekday> {
    Some(match word.trim_end_matches('.').to_lowercase().as_str() {
        "monday" => Weekday::Monday,
        "tuesday" => Weekday::Tuesday,
        "wednesday" => Weekday::Wednesday,
        "thursday" => Weekday::Thursday,
        "friday" => Weekday::Friday,
        "saturday" => Weekday::Saturday,
        "sunday" => Weekday::Sunday,
        _ => return None,
    })
}

/// The weekday an abbreviation names (`Sat`, `Wed.`, `THU`), only when capitalised: `sat` and
/// `wed` are words. Such a weekday counts only in front of a written day (`Sat 28 June`).
fn weekday_abbreviation(word: &str) -> Option<Weekday> {
    if !word.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    Some(match word.trim_end_matches('.').to_lowercase().as_str() {
        "mon" => Weekday::Monday,
        "tue" | "tues" => Weekday::Tuesday,
        "wed" => Weekday::Wednesday,
        "thu" | "thur" | "thurs" => Weekday::Thursday,
        "fri" => Weekday::Friday,
        "sat" => Weekday::Saturday,
        "sun" => Weekday::Sunday,
        _ => return None,
    })
}

/// A number written as a word or an ordinal (`ten`, `third`, `3rd`, `3`), 1 to 31.
fn count_word(word: &str) -> Option<u16> {
    let n = match word {
        "one" | "first" => 1,
        "two" | "second" => 2,
        "three" | "third" => 3,
        "four" | "fourth" => 4,
        "five" | "fifth" => 5,
        "six" | "sixth" => 6,
        "seven" | "seventh" => 7,
        "eight" | "eighth" => 8,
        "nine" | "ninth" => 9,
        "ten" | "tenth" => 10,
        "eleven" | "eleventh" => 11,
        "twelve" | "twelfth" => 12,
        "thirteen" | "thirteenth" => 13,
        "fourteen" | "fourteenth" => 14,
        "fifteen" | "fifteenth" => 15,
        _ => {
            let digits: String = word.chars().take_while(char::is_ascii_digit).collect();
            let suffix = &word[digits.len()..];
            if digits.is_empty()
                || digits.len() > 2
                || !matches!(suffix, "" | "st" | "nd" | "rd" | "th")
            {
                return None;
            }
            digits.parse().ok()?
        }
    };
    (1..=31).contains(&n).then_some(n)
}

/// `five-day`, `5-day`, `seven-day`: the number of days.
fn n_day(word: &str) -> Option<u16> {
    let n = word.strip_suffix("-day")?;
    count_word(n)
}

fn day_number(t: &Token<'_>) -> Option<i8> {
    if t.kind != Kind::Number {
        return None;
    }
    let digits: String = t.text.chars().take_while(char::is_ascii_digit).collect();
    let suffix = &t.text[digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") {
        return None;
    }
    digits.parse::<i8>().ok().filter(|d| (1..=31).contains(d))
}

fn year_number(t: &Token<'_>) -> Option<i16> {
    (t.kind == Kind::Number && t.text.len() == 4)
        .then(|| t.text.parse::<i16>().ok())
        .flatten()
        .filter(|y| (1900..=2200).contains(y))
}

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
fn word(low: &[String], i: usize) -> &str {
    low.get(i).map(String::as_str).unwrap_or("")
}

/// The token after a month name at `k`, past the dot of an abbreviation (`Nov. 6`).
fn after_month(low: &[String], k: usize) -> usize {
    if word(low, k + 1) == "." {
        k + 2
    } else {
        k + 1
    }
}

/// The date expression at token `i`, if one starts there: (first token, last token, what it
/// says). A weekday may take the word before it (`last Monday`).
fn expression_at(tokens: &[Token<'_>], low: &[String], i: usize) -> Option<(usize, usize, Expr)> {
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
fn trip_day(low: &[String], i: usize) -> Option<(usize, usize, Expr)> {
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
const TRIP_NOUNS: &[&str] = &[
    "trip", "tour", "visit", "journey", "mission", "swing", "drive", "cruise", "holiday",
    "vacation", "stay",
];

/// Month Day[(-|to|and|through) [Month] Day][, Year], the month `m` at token `i`.
fn month_day(
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
fn day_month(
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
fn weekday_at(tokens: &[Token<'_>], low: &[String], i: usize, wd: Weekday) -> (usize, usize, Expr) {
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
fn relative_day(low: &[String], i: usize) -> Option<(usize, usize, Expr)> {
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

/// Words that put a sentence in the future (announcements, schedules).
const FUTURE: &[&str] = &[
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
fn future_word(low: &[String], i: usize) -> bool {
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
const PAST: &[&str] = &[
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
const TENSE_CLAUSE_ENDS: &[&str] = &[
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

/// What relative dates are resolved against.
#[derive(Debug, Clone, Copy)]
pub struct Anchors<'a> {
    /// The publication day (or the dateline's).
    pub reference: Date,
    /// The sentence speaks of the future.
    pub future: bool,
    /// The date last resolved in the text (for `the same day`, `the next day`).
    pub previous: Option<&'a Resolved>,
    /// The trip's first day, when known (for `Day 3` and `the last day of the five-day tour`).
    pub trip_start: Option<Date>,
}

/// Resolves `expr` against `anchors`; `None` when it cannot be.
pub fn resolve(expr: &Expr, anchors: &Anchors<'_>) -> Option<Resolved> {
    let Anchors {
        reference,
        future,
        previous,
        trip_start,
    } = *anchors;
    let trip_day = |n: u16| -> Option<Date> {
        trip_start?
            .checked_add(jiff::Span::new().days(i64::from(n) - 1))
            .ok()
    };
    match *expr {
        Expr::TripDay { n, to } => {
            let from = trip_day(n)?;
            let to = to.and_then(trip_day).unwrap_or(from);
            Some(Resolved {
                from,
                to,
                how: format!("day {n} of the trip, which began {}", trip_start?),
            })
        }
        Expr::LastDay(Some(n)) => {
            let d = trip_day(n)?;
            Some(Resolved {
                from: d,
                to: d,
                how: format!("the last day of {n}, counted from {}", trip_start?),
            })
        }
        Expr::LastDay(None) | Expr::Recurring => None,
        Expr::Weekend(shift) => {
            let future = match shift {
                1 => true,
                -1 => false,
                _ => future,
            };
            let sat = match reference.weekday() {
                Weekday::Saturday => reference,
                Weekday::Sunday => reference.yesterday().ok()?,
                _ if future => reference.nth_weekday(1, Weekday::Saturday).ok()?,
                _ => reference.nth_weekday(-1, Weekday::Saturday).ok()?,
            };
            Some(Resolved {
                from: sat,
                to: sat.tomorrow().ok()?,
                how: format!(
                    "the weekend, {} tense: the one {} {reference}",
                    if future { "future" } else { "past" },
                    if future {
                        "on or after"
                    } else {
                        "on or before"
                    }
                ),
            })
        }
        Expr::Day {
            month,
            day,
            year,
            to,
        } => {
            let pick = |y: i16| Date::new(y, month, day).ok();
            let from = match year {
                Some(y) => pick(y)?,
                None => {
                    let y = reference.year();
                    // The year that puts the day nearest the reference.
                    [y - 1, y, y + 1]
                        .into_iter()
                        .filter_map(pick)
                        .min_by_key(|d| {
                            d.since(reference)
                                .map(|s| s.get_days().abs())
                                .unwrap_or(i32::MAX)
                        })?
                }
            };
            let to = match to {
                Some((m2, d2)) => {
                    let y = if m2 < month {
                        from.year() + 1
                    } else {
                        from.year()
                    };
                    Date::new(y, m2, d2).ok()?
                }
                None => from,
            };
            let how = if year.is_some() {
                "absolute date".to_string()
            } else {
                format!(
                    "absolute date, year {} (nearest to {reference})",
                    from.year()
                )
            };
            Some(Resolved { from, to, how })
        }
        Expr::Weekday(wd, shift) => {
            let future = match shift {
                1 => true,
                -1 => false,
                _ => future,
            };
            let on_ref = reference.weekday() == wd && shift == 0;
            let mut d = if on_ref {
                reference
            } else if future {
                reference.nth_weekday(1, wd).ok()?
            } else {
                reference.nth_weekday(-1, wd).ok()?
            };
            // "on Monday ... and finish in Tegucigalpa on Friday" (a Friday announcement): a
            // future day does not come before the day just named.
            if future
                && let Some(p) = previous
                && d < p.from
                && p.from.since(d).is_ok_and(|s| s.get_days() < 7)
            {
                d = d.checked_add(jiff::Span::new().days(7)).ok()?;
            }
            let how = if future {
                format!("{wd:?}, future tense: the next one on or after {reference}")
            } else {
                format!("{wd:?}, past tense: the last one on or before {reference}")
            };
            Some(Resolved {
                from: d,
                to: d,
                how,
            })
        }
        Expr::SameDay => previous.map(|p| Resolved {
            from: p.to,
            to: p.to,
            how: format!("the same day as the date before ({})", p.to),
        }),
        Expr::DayAfter(k) => {
            let p = previous?;
            let base = if k > 0 { p.to } else { p.from };
            let d = base
                .checked_add(jiff::Span::new().days(i64::from(k)))
                .ok()?;
            Some(Resolved {
                from: d,
                to: d,
                how: format!("{k:+} day from the date before ({base})"),
            })
        }
        Expr::Today(k) => {
            let d = reference
                .checked_add(jiff::Span::new().days(i64::from(k)))
                .ok()?;
            Some(Resolved {
                from: d,
                to: d,
                how: format!("{k:+} day from publication ({reference})"),
            })
        }
    }
}

/// A dateline at the start of a text (`WASHINGTON, Nov. 6 (Reuters) -`, `TOKYO, 3 March 2024 —`):
/// its date, if it has a year or `year` is given.
pub fn dateline(first_sentence: &[Token<'_>], year: Option<i16>) -> Option<Date> {
    dateline_at(first_sentence, year).map(|(d, _)| d)
}

/// [`dateline`], with the index of the dateline date's last token.
pub fn dateline_at(first_sentence: &[Token<'_>], year: Option<i16>) -> Option<(Date, usize)> {
    let found = find(first_sentence);
    let d = found.first().filter(|d| d.first <= 4)?;
    // A dateline opens with a place in capitals and a comma.
    let opens = first_sentence.first().is_some_and(|t| {
        t.text
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
    }) && first_sentence[..d.first].iter().any(|t| t.text == ",");
    if !opens {
        return None;
    }
    match d.expr {
        Expr::Day {
            month,
            day,
            year: y,
            ..
        } => Date::new(y.or(year)?, month, day).ok().map(|x| (x, d.last)),
        _ => None,
    }
}

#[cfg(test)]
mod test {
    use super::super::tokens::tokenize;
    use super::*;
    use jiff::civil::date;

    fn first(s: &str) -> Expr {
        find(&tokenize(s, 0, s.len()))[0].expr
    }

    #[test]
    fn absolute_forms() {
        assert_eq!(
            first("on June 25 he"),
            Expr::Day {
                month: 6,
                day: 25,
                year: None,
                to: None
            }
        );
        assert_eq!(
            first("from March 14 to 23, 2024"),
            Expr::Day {
                month: 3,
                day: 14,
                year: Some(2024),
                to: Some((3, 23))
            }
        );
        assert_eq!(
            first("September 9 and 10"),
            Expr::Day {
                month: 9,
                day: 9,
                year: None,
                to: Some((9, 10))
            }
        );
        assert_eq!(
            first("on 3 Nov. 2023"),
            Expr::Day {
                month: 11,
                day: 3,
                year: Some(2023),
                to: None
            }
        );
        assert_eq!(
            first("Sept. 9-10"),
            Expr::Day {
                month: 9,
                day: 9,
                year: None,
                to: Some((9, 10))
            }
        );
        let s = "he may go";
        assert!(find(&tokenize(s, 0, s.len())).is_empty());
    }

    #[test]
    fn weekdays_follow_tense() {
        let monday = date(2023, 11, 6);
        let at = |future| Anchors {
            reference: monday,
            future,
            previous: None,
            trip_start: None,
        };
        let r = |e, f| resolve(&e, &at(f)).unwrap().from;
        assert_eq!(
            r(Expr::Weekday(Weekday::Friday, 0), false),
            date(2023, 11, 3)
        );
        assert_eq!(r(Expr::Weekday(Weekday::Monday, 0), false), monday);
        assert_eq!(
            r(Expr::Weekday(Weekday::Friday, 0), true),
            date(2023, 11, 10)
        );
        assert_eq!(
            r(Expr::Weekday(Weekday::Monday, 1), false),
            date(2023, 11, 13)
        );
        assert_eq!(
            r(
                Expr::Day {
                    month: 12,
                    day: 30,
                    year: None,
                    to: None
                },
                false
            ),
            date(2023, 12, 30)
        );
        assert_eq!(
            r(
                Expr::Day {
                    month: 1,
                    day: 2,
                    year: None,
                    to: None
                },
                false
            ),
            date(2024, 1, 2)
        );
        let prev = resolve(&Expr::Weekday(Weekday::Saturday, 0), &at(false)).unwrap();
        let after = Anchors {
            previous: Some(&prev),
            ..at(false)
        };
        assert_eq!(
            resolve(&Expr::SameDay, &after).unwrap().from,
            date(2023, 11, 4)
        );
        assert_eq!(
            resolve(&Expr::DayAfter(1), &after).unwrap().from,
            date(2023, 11, 5)
        );
    }

    #[test]
    fn days_of_the_trip() {
        assert_eq!(
            first("on the last day of her five-day tour"),
            Expr::LastDay(Some(5))
        );
        assert_eq!(first("on the last day we flew"), Expr::LastDay(None));
        assert_eq!(
            first("Day 2-3 – Sossusvlei"),
            Expr::TripDay { n: 2, to: Some(3) }
        );
        assert_eq!(first("on day ten"), Expr::TripDay { n: 10, to: None });
        assert_eq!(
            first("the third day of the trip"),
            Expr::TripDay { n: 3, to: None }
        );
        assert_eq!(
            first("Sat 28 June"),
            Expr::Day {
                month: 6,
                day: 28,
                year: None,
                to: None
            }
        );
        assert_eq!(
            first("14 & 16 May"),
            Expr::Day {
                month: 5,
                day: 14,
                year: None,
                to: Some((5, 16))
            }
        );
        let s = "she sat down on Sat";
        assert!(find(&tokenize(s, 0, s.len())).is_empty());
        let start = Anchors {
            reference: date(2025, 2, 3),
            future: true,
            previous: None,
            trip_start: Some(date(2025, 2, 4)),
        };
        assert_eq!(
            resolve(&Expr::LastDay(Some(7)), &start).unwrap().from,
            date(2025, 2, 10)
        );
        let span = resolve(&Expr::TripDay { n: 2, to: Some(3) }, &start).unwrap();
        assert_eq!((span.from, span.to), (date(2025, 2, 5), date(2025, 2, 6)));
        assert!(
            resolve(
                &Expr::TripDay { n: 2, to: None },
                &Anchors {
                    trip_start: None,
                    ..start
                }
            )
            .is_none()
        );
    }

    #[test]
    fn tense() {
        let f = |s: &str| is_future(&tokenize(s, 0, s.len()));
        assert!(f("The envoy will travel to Paris"));
        assert!(f("The Secretary is traveling to Paris"));
        assert!(f("and then we'll see"));
        assert!(!f("She left Oslo for Rome on Monday"));
        // By clause: a past verb in the day's clause wins over "will" in another one.
        let at = |s: &str, day: &str| {
            let t = tokenize(s, 0, s.len());
            future_at(&t, t.iter().position(|x| x.text == day).unwrap())
        };
        let s = "She flew to Rome on Wednesday after talks in Paris on Tuesday, and will travel to Athens on Friday.";
        assert!(!at(s, "Wednesday"));
        assert!(!at(s, "Tuesday"));
        assert!(at(s, "Friday"));
        assert!(at(
            "On Thursday he is scheduled to fly to Lima.",
            "Thursday"
        ));
        assert!(!at(
            "Hours after meeting him on Friday, she said there would be no pause.",
            "Friday"
        ));
        assert!(!at(
            "She flew to Oslo on Sunday and will go on to Rome.",
            "Sunday"
        ));
        let s = "He left Oslo on Sunday for a tour that will take him to Rome on Wednesday.";
        assert!(!at(s, "Sunday"));
        assert!(at(s, "Wednesday"));
        let w = resolve(
            &Expr::Weekend(0),
            &Anchors {
                reference: date(2025, 3, 18),
                future: false,
                previous: None,
                trip_start: None,
            },
        )
        .unwrap();
        assert_eq!((w.from, w.to), (date(2025, 3, 15), date(2025, 3, 16)));
        assert_eq!(
            first("continued in Jakarta over the weekend"),
            Expr::Weekend(0)
        );
        let e = "Departs every Saturday";
        assert_eq!(find(&tokenize(e, 0, e.len()))[0].expr, Expr::Recurring);
    }

    #[test]
    fn datelines() {
        let s = "TOKYO, Nov. 7 (Reuters) - The envoy arrived";
        let t = tokenize(s, 0, s.len());
        assert_eq!(dateline(&t, Some(2023)), Some(date(2023, 11, 7)));
        assert_eq!(dateline(&t, None), None);
        let s = "He left on Nov. 7, 2023";
        assert_eq!(dateline(&tokenize(s, 0, s.len()), None), None);
    }
}
