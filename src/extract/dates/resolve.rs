//! Resolving a date expression to calendar days against the publication day, the date before
//! and the trip's first day.

use super::{Expr, Resolved};
use jiff::civil::{Date, Weekday};

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
    match *expr {
        Expr::TripDay { n, to } => trip_days(n, to, anchors.trip_start),
        Expr::LastDay(Some(n)) => {
            let d = trip_day(anchors.trip_start, n)?;
            Some(one_day(
                d,
                format!("the last day of {n}, counted from {}", anchors.trip_start?),
            ))
        }
        Expr::LastDay(None) | Expr::Recurring => None,
        Expr::Weekend(shift) => weekend(shift, anchors),
        Expr::Day {
            month,
            day,
            year,
            to,
        } => calendar_day(month, day, year, to, anchors.reference),
        Expr::Weekday(wd, shift) => weekday_near(wd, shift, anchors),
        Expr::SameDay => anchors.previous.map(|p| Resolved {
            from: p.to,
            to: p.to,
            how: format!("the same day as the date before ({})", p.to),
        }),
        Expr::DayAfter(k) => {
            let p = anchors.previous?;
            let base = if k > 0 { p.to } else { p.from };
            let d = base
                .checked_add(jiff::Span::new().days(i64::from(k)))
                .ok()?;
            Some(one_day(
                d,
                format!("{k:+} day from the date before ({base})"),
            ))
        }
        Expr::Today(k) => {
            let reference = anchors.reference;
            let d = reference
                .checked_add(jiff::Span::new().days(i64::from(k)))
                .ok()?;
            Some(one_day(
                d,
                format!("{k:+} day from publication ({reference})"),
            ))
        }
    }
}

/// Day `n` of a trip that began on `trip_start`.
fn trip_day(trip_start: Option<Date>, n: u16) -> Option<Date> {
    trip_start?
        .checked_add(jiff::Span::new().days(i64::from(n) - 1))
        .ok()
}

/// `Day 3`, `Days 2-4`: days of the trip counted from its first day.
fn trip_days(n: u16, to: Option<u16>, trip_start: Option<Date>) -> Option<Resolved> {
    let from = trip_day(trip_start, n)?;
    let to = to.and_then(|t| trip_day(trip_start, t)).unwrap_or(from);
    Some(Resolved {
        from,
        to,
        how: format!("day {n} of the trip, which began {}", trip_start?),
    })
}

/// Whether a day is in the future: `shift` 1 (`next`) or -1 (`last`), else the sentence's tense.
fn future_by_shift(shift: i8, future: bool) -> bool {
    match shift {
        1 => true,
        -1 => false,
        _ => future,
    }
}

/// `the weekend`, `next weekend`: a Saturday and Sunday before or after the reference day.
fn weekend(shift: i8, anchors: &Anchors<'_>) -> Option<Resolved> {
    let reference = anchors.reference;
    let future = future_by_shift(shift, anchors.future);
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

/// `June 25`, `June 25, 2024`, `March 14-23`: a day without a year takes the year that puts it
/// nearest the reference; a range's end month before its start is in the next year.
fn calendar_day(
    month: i8,
    day: i8,
    year: Option<i16>,
    to: Option<(i8, i8)>,
    reference: Date,
) -> Option<Resolved> {
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

/// `on Monday`, `next Tuesday`, `last Friday`: the last such day on or before the reference in
/// the past tense, the next on or after it in the future.
fn weekday_near(wd: Weekday, shift: i8, anchors: &Anchors<'_>) -> Option<Resolved> {
    let reference = anchors.reference;
    let future = future_by_shift(shift, anchors.future);
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
        && let Some(p) = anchors.previous
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
    Some(one_day(d, how))
}

/// A single day `d`, worked out as `how` says.
fn one_day(d: Date, how: String) -> Resolved {
    Resolved {
        from: d,
        to: d,
        how,
    }
}
