//! `When`: a date as a traveller writes it — a calendar day, a local date-time, or an exact instant.

use jiff::Timestamp;
use jiff::civil::{Date, DateTime};
use jiff::tz::{AmbiguousOffset, Offset, TimeZone};
use std::fmt;

/// A moment of a trip, kept at the precision it was given.
///
/// A calendar day is never turned into midnight UTC: `2023-11-05` in Tokyo stays the 5th. With
/// the `serde` feature it is written as its ISO 8601 text and read through [`When::parse`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(into = "String", try_from = "String"))]
pub enum When {
    /// A calendar day, `2023-11-05`.
    Date(Date),
    /// A wall-clock time with no offset, `2023-11-05T14:00`; local to the stop's `tz`.
    Local(DateTime),
    /// An exact instant as written: the wall-clock time and its offset,
    /// `2023-11-05T14:00:00+02:00`. Kept as written so that every RFC 3339 instant of years 0000
    /// to 9999 reads, `9999-12-31T23:59:59+14:00` included.
    Instant(DateTime, Offset),
}

/// Why a string is not a `When`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{input}` {}", reason.text())]
pub struct WhenError {
    /// The text that failed to parse.
    pub input: String,
    /// What is wrong with it.
    pub reason: WhenProblem,
}

/// What is wrong with a date or time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum WhenProblem {
    /// Not one of the three forms.
    NotADate,
    /// A leap second (`23:59:60`), which tripmap's clock (like POSIX time) does not have.
    LeapSecond,
}

impl WhenProblem {
    fn text(self) -> &'static str {
        match self {
            WhenProblem::NotADate => {
                "is not a date (2023-11-05), a local date-time (2023-11-05T14:00) or an RFC 3339 instant (2023-11-05T14:00:00+02:00)"
            }
            WhenProblem::LeapSecond => {
                "is a leap second, which tripmap cannot place on its time line (it counts every minute as 60 seconds, as POSIX time does); write 23:59:59 or the next minute's :00"
            }
        }
    }
}

/// How a local time reads in its zone when the clocks change around it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClockDoubt {
    /// The time does not exist: the clocks skipped over it (spring forward).
    Gap {
        /// The reading tripmap uses: after the change (`03:30+02:00` for `02:30`).
        used: Timestamp,
        /// The other reading: before the change (`01:30+01:00`).
        other: Timestamp,
    },
    /// The time happens twice: the clocks went back over it (fall back).
    Fold {
        /// The reading tripmap uses: the first (`02:30+02:00`).
        used: Timestamp,
        /// The other reading: the second (`02:30+01:00`).
        other: Timestamp,
    },
}

impl When {
    /// Parses `2023-11-05`, `2023-11-05T14:00[:ss]` or an RFC 3339 instant (`Z` or `±hh:mm`).
    /// A leap second (`:60`) is refused with its own reason rather than silently made `:59`.
    pub fn parse(text: &str) -> Result<Self, WhenError> {
        let s = text.trim();
        let err = |reason| WhenError {
            input: text.to_string(),
            reason,
        };
        if s.len() == 10 {
            return s
                .parse::<Date>()
                .map(When::Date)
                .map_err(|_| err(WhenProblem::NotADate));
        }
        if s.get(16..19) == Some(":60") {
            return Err(err(WhenProblem::LeapSecond));
        }
        let has_offset = s.ends_with('Z')
            || s.ends_with('z')
            || s.get(10..)
                .is_some_and(|t| t.contains('+') || t.rfind('-').is_some());
        if has_offset {
            let (offset, len) = parse_offset(s).ok_or_else(|| err(WhenProblem::NotADate))?;
            let clock = &s[..s.len() - len];
            let dt: DateTime = clock.parse().map_err(|_| err(WhenProblem::NotADate))?;
            return Ok(When::Instant(dt, offset));
        }
        s.parse::<DateTime>()
            .map(When::Local)
            .map_err(|_| err(WhenProblem::NotADate))
    }

    /// The calendar day, in the zone the value was written for.
    pub fn local_date(&self) -> Date {
        match self {
            When::Date(d) => *d,
            When::Local(dt) | When::Instant(dt, _) => dt.date(),
        }
    }

    /// The day and wall-clock time at a stop in zone `tz`: as written, except that an instant
    /// written with an offset is read on the stop's clock when the zone is known. `None` for
    /// the time of a calendar day.
    ///
    /// ```
    /// use tripmap::model::When;
    /// let tokyo = jiff::tz::TimeZone::get("Asia/Tokyo").unwrap();
    /// let w = When::parse("2023-11-05T23:30:00-05:00").unwrap();
    /// let (day, time) = w.on_clock_of(Some(&tokyo));
    /// assert_eq!((day.to_string(), time.unwrap().hour()), ("2023-11-06".into(), 13));
    /// assert_eq!(w.on_clock_of(None).0.to_string(), "2023-11-05");
    /// ```
    pub fn on_clock_of(&self, tz: Option<&TimeZone>) -> (Date, Option<jiff::civil::Time>) {
        match self {
            When::Date(d) => (*d, None),
            When::Local(dt) => (dt.date(), Some(dt.time())),
            When::Instant(dt, _) => {
                let local = match (tz, self.instant(tz)) {
                    (Some(tz), Some(ts)) => tz.to_datetime(ts),
                    _ => *dt,
                };
                (local.date(), Some(local.time()))
            }
        }
    }

    /// The exact instant, where one is known: always for `Instant`, for `Local` when the zone is given.
    /// A calendar day has no instant. A local time in a gap or fold reads as [`ClockDoubt`]'s
    /// `used`. The last hours of year 9999 east of UTC lie past what a `Timestamp` holds and read
    /// as its largest value.
    pub fn instant(&self, tz: Option<&TimeZone>) -> Option<Timestamp> {
        match self {
            When::Date(_) => None,
            When::Local(dt) => tz.and_then(|tz| tz.to_ambiguous_timestamp(*dt).compatible().ok()),
            When::Instant(dt, off) => Some(off.to_timestamp(*dt).unwrap_or(if dt.year() > 0 {
                Timestamp::MAX
            } else {
                Timestamp::MIN
            })),
        }
    }

    /// For a local time in a zone whose clocks change around it: both readings.
    pub fn clock_doubt(&self, tz: Option<&TimeZone>) -> Option<ClockDoubt> {
        let (When::Local(dt), Some(tz)) = (self, tz) else {
            return None;
        };
        let ambiguous = tz.to_ambiguous_timestamp(*dt);
        let reading = |off: Offset| off.to_timestamp(*dt).ok();
        match ambiguous.offset() {
            AmbiguousOffset::Unambiguous { .. } => None,
            AmbiguousOffset::Gap { before, after } => Some(ClockDoubt::Gap {
                used: reading(before)?,
                other: reading(after)?,
            }),
            AmbiguousOffset::Fold { before, after } => Some(ClockDoubt::Fold {
                used: reading(before)?,
                other: reading(after)?,
            }),
        }
    }

    /// A warning for a local time in a DST gap or fold: what it was read as, the other reading,
    /// and how to choose. `None` when the time is plain.
    pub fn clock_warning(&self, tz: Option<&TimeZone>) -> Option<String> {
        let doubt = self.clock_doubt(tz)?;
        let tz = tz?;
        let name = tz.iana_name().unwrap_or("its zone");
        let at = |ts: Timestamp| When::Instant(tz.to_datetime(ts), tz.to_offset(ts));
        let (what, used, other) = match doubt {
            ClockDoubt::Gap { used, other } => (
                format!("does not exist in {name} (the clocks skip over it)"),
                at(used),
                at(other),
            ),
            ClockDoubt::Fold { used, other } => (
                format!("happens twice in {name} (the clocks go back over it)"),
                at(used),
                at(other),
            ),
        };
        Some(format!(
            "{self} {what}: read as {used}, not {other}; write the offset you mean ({}) to choose",
            other
        ))
    }

    /// True when the value names a time of day, not just a day.
    pub fn has_time(&self) -> bool {
        !matches!(self, When::Date(_))
    }
}

impl From<When> for String {
    fn from(w: When) -> String {
        w.to_string()
    }
}

impl TryFrom<String> for When {
    type Error = WhenError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        When::parse(&s)
    }
}

/// A warning for each local arrival or departure of `itinerary` that falls in a DST gap or fold
/// of its stop's zone, naming the stop and field ([`When::clock_warning`]).
pub fn clock_warnings(itinerary: &super::Itinerary) -> Vec<String> {
    let mut out = Vec::new();
    for (i, stop) in itinerary.stops.iter().enumerate() {
        for (field, when) in [("arrive", &stop.arrive), ("depart", &stop.depart)] {
            if let Some(text) = when
                .as_ref()
                .and_then(|w| w.clock_warning(stop.time_zone()))
            {
                let at = crate::error::StopRef {
                    number: i + 1,
                    name: Some(stop.name.clone()),
                };
                out.push(format!("{at}, field `{field}`: {text}"));
            }
        }
    }
    out
}

/// The offset at the end of an RFC 3339 string, `Z` or `±hh:mm`, and its length in bytes.
fn parse_offset(s: &str) -> Option<(Offset, usize)> {
    if s.ends_with(['Z', 'z']) {
        return Some((Offset::UTC, 1));
    }
    let tail = s.get(s.len().checked_sub(6)?..)?;
    let sign = match tail.as_bytes()[0] {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let h: i32 = tail.get(1..3)?.parse().ok()?;
    let m: i32 = tail.get(4..6)?.parse().ok()?;
    if tail.as_bytes()[3] != b':' || h > 23 || m > 59 {
        return None;
    }
    Some((Offset::from_seconds(sign * (h * 3600 + m * 60)).ok()?, 6))
}

impl fmt::Display for When {
    /// ISO 8601: `2023-11-05`, `2023-11-05T14:00:00`, `2023-11-05T14:00:00+02:00`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            When::Date(d) => write!(f, "{d}"),
            When::Local(dt) => write!(f, "{}", dt.strftime("%Y-%m-%dT%H:%M:%S")),
            When::Instant(dt, off) => {
                let clock = dt.strftime("%Y-%m-%dT%H:%M:%S");
                if *off == Offset::UTC {
                    write!(f, "{clock}Z")
                } else {
                    write!(f, "{clock}{}", format_offset(*off))
                }
            }
        }
    }
}

fn format_offset(off: Offset) -> String {
    let secs = off.seconds();
    let sign = if secs < 0 { '-' } else { '+' };
    let a = secs.abs();
    format!("{sign}{:02}:{:02}", a / 3600, (a % 3600) / 60)
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn parses_three_precisions() {
        assert!(matches!(When::parse("2023-11-05"), Ok(When::Date(_))));
        assert!(matches!(
            When::parse("2023-11-05T14:00"),
            Ok(When::Local(_))
        ));
        assert!(matches!(
            When::parse("2023-11-05T14:00:00+02:00"),
            Ok(When::Instant(..))
        ));
        assert!(matches!(
            When::parse("2023-11-05T12:00:00Z"),
            Ok(When::Instant(..))
        ));
        assert!(When::parse("2023-13-45").is_err());
        assert!(When::parse("yesterday").is_err());
        assert!(When::parse("").is_err());
    }

    #[test]
    fn a_date_is_a_day_not_midnight_utc() {
        let w = When::parse("2023-11-07").unwrap();
        let tokyo = TimeZone::get("Asia/Tokyo").unwrap();
        assert_eq!(w.instant(Some(&tokyo)), None);
        assert_eq!(w.local_date().to_string(), "2023-11-07");
    }

    #[test]
    fn local_time_with_zone_has_an_instant() {
        let w = When::parse("2023-11-05T14:00").unwrap();
        let tz = TimeZone::get("Asia/Nicosia").unwrap();
        assert_eq!(
            w.instant(Some(&tz)).unwrap().to_string(),
            "2023-11-05T12:00:00Z"
        );
        assert_eq!(w.instant(None), None);
    }

    #[test]
    fn a_leap_second_is_refused_with_its_reason() {
        for s in [
            "2016-12-31T23:59:60Z",
            "2016-12-31T23:59:60",
            "2016-12-31T23:59:60+01:00",
        ] {
            let e = When::parse(s).unwrap_err();
            assert_eq!(e.reason, WhenProblem::LeapSecond, "{s}");
            assert!(e.to_string().contains("leap second"), "{e}");
        }
        assert!(When::parse("2016-12-31T23:59:59Z").is_ok());
    }

    #[test]
    fn the_last_instant_of_year_9999_reads() {
        let w = When::parse("9999-12-31T23:59:59+14:00").unwrap();
        assert_eq!(w.to_string(), "9999-12-31T23:59:59+14:00");
        assert_eq!(w.instant(None), Some(Timestamp::MAX));
        assert_eq!(w.local_date().to_string(), "9999-12-31");
        let first = When::parse("0000-01-01T00:00:00-14:00").unwrap();
        assert_eq!(
            first.instant(None).unwrap().to_string(),
            "0000-01-01T14:00:00Z"
        );
        assert!(When::parse("10000-01-01T00:00:00Z").is_err());
    }

    #[test]
    fn gaps_and_folds_are_read_one_way_and_warned_with_both() {
        let paris = TimeZone::get("Europe/Paris").unwrap();
        let gap = When::parse("2024-03-31T02:30").unwrap();
        assert_eq!(
            gap.instant(Some(&paris)).unwrap().to_string(),
            "2024-03-31T01:30:00Z"
        );
        assert_eq!(
            gap.clock_warning(Some(&paris)).unwrap(),
            "2024-03-31T02:30:00 does not exist in Europe/Paris (the clocks skip over it): read as 2024-03-31T03:30:00+02:00, not 2024-03-31T01:30:00+01:00; write the offset you mean (2024-03-31T01:30:00+01:00) to choose"
        );
        let fold = When::parse("2024-10-27T02:30").unwrap();
        assert_eq!(
            fold.clock_warning(Some(&paris)).unwrap(),
            "2024-10-27T02:30:00 happens twice in Europe/Paris (the clocks go back over it): read as 2024-10-27T02:30:00+02:00, not 2024-10-27T02:30:00+01:00; write the offset you mean (2024-10-27T02:30:00+01:00) to choose"
        );
        assert_eq!(
            fold.instant(Some(&paris)),
            Some("2024-10-27T00:30:00Z".parse().unwrap())
        );
        let plain = When::parse("2024-10-27T12:00").unwrap();
        assert_eq!(plain.clock_warning(Some(&paris)), None);
        assert_eq!(fold.clock_warning(None), None);
    }

    #[test]
    fn displays_iso_8601() {
        for s in [
            "2023-11-05",
            "2023-11-05T14:00:00",
            "2023-11-05T14:00:00+02:00",
            "2023-11-05T14:00:00Z",
            "2023-11-05T14:00:00-05:30",
        ] {
            assert_eq!(When::parse(s).unwrap().to_string(), s);
        }
    }
}
