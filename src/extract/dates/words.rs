//! The words of dates: month and weekday names, counted and ordinal numbers, day and year numbers.

use crate::extract::tokens::{Kind, Token};
use jiff::civil::Weekday;

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
pub(super) fn weekday_abbreviation(word: &str) -> Option<Weekday> {
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
pub(super) fn count_word(word: &str) -> Option<u16> {
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
pub(super) fn n_day(word: &str) -> Option<u16> {
    let n = word.strip_suffix("-day")?;
    count_word(n)
}

pub(super) fn day_number(t: &Token<'_>) -> Option<i8> {
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

pub(super) fn year_number(t: &Token<'_>) -> Option<i16> {
    (t.kind == Kind::Number && t.text.len() == 4)
        .then(|| t.text.parse::<i16>().ok())
        .flatten()
        .filter(|y| (1900..=2200).contains(y))
}
