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

mod dateline;
mod find;
mod resolve;
mod tense;
mod words;

pub use dateline::{dateline, dateline_at};
pub use find::find;
pub use resolve::{Anchors, resolve};
pub use tense::{future_at, is_future};
pub use words::{month, weekday};

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
#[cfg(test)]
mod test;
