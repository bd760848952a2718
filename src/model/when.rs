//! `When`: a date as a traveller writes it — a calendar day, a local date-time, or an exact instant.

use jiff::Timestamp;
use jiff::civil::{Date, DateTime};
use jiff::tz::{Offset, TimeZone};
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
    /// An exact instant with the offset it was written in, `2023-11-05T14:00:00+02:00`.
    Instant(Timestamp, Offset),
}

/// Why a string is not a `When`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "`{input}` is not a date (2023-11-05), a local date-time (2023-11-05T14:00) or an RFC 3339 instant (2023-11-05T14:00:00+02:00)"
)]
pub struct WhenError {
    /// The text that failed to parse.
    pub input: String,
}

impl When {
    /// Parses `2023-11-05`, `2023-11-05T14:00[:ss]` or an RFC 3339 instant (`Z` or `±hh:mm`).
    pub fn parse(text: &str) -> Result<Self, WhenError> {
        let s = text.trim();
        let err = || WhenError {
            input: text.to_string(),
        };
        if s.len() == 10 {
            return s.parse::<Date>().map(When::Date).map_err(|_| err());
        }
        let has_offset = s.ends_with('Z')
            || s.ends_with('z')
            || s.get(10..)
                .is_some_and(|t| t.contains('+') || t.rfind('-').is_some());
        if has_offset {
            let ts: Timestamp = s.parse().map_err(|_| err())?;
            let offset = parse_offset(s).ok_or_else(err)?;
            return Ok(When::Instant(ts, offset));
        }
        s.parse::<DateTime>().map(When::Local).map_err(|_| err())
    }

    /// The calendar day, in the zone the value was written for.
    pub fn local_date(&self) -> Date {
        match self {
            When::Date(d) => *d,
            When::Local(dt) => dt.date(),
            When::Instant(ts, off) => off.to_datetime(*ts).date(),
        }
    }

    /// The exact instant, where one is known: always for `Instant`, for `Local` when the zone is given.
    /// A calendar day has no instant.
    pub fn instant(&self, tz: Option<&TimeZone>) -> Option<Timestamp> {
        match self {
            When::Date(_) => None,
            When::Local(dt) => tz.and_then(|tz| tz.to_ambiguous_timestamp(*dt).compatible().ok()),
            When::Instant(ts, _) => Some(*ts),
        }
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

/// The offset at the end of an RFC 3339 string: `Z` or `±hh:mm`.
fn parse_offset(s: &str) -> Option<Offset> {
    if s.ends_with(['Z', 'z']) {
        return Some(Offset::UTC);
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
    Offset::from_seconds(sign * (h * 3600 + m * 60)).ok()
}

impl fmt::Display for When {
    /// ISO 8601: `2023-11-05`, `2023-11-05T14:00:00`, `2023-11-05T14:00:00+02:00`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            When::Date(d) => write!(f, "{d}"),
            When::Local(dt) => write!(f, "{}", dt.strftime("%Y-%m-%dT%H:%M:%S")),
            When::Instant(ts, off) => {
                let dt = off.to_datetime(*ts);
                if *off == Offset::UTC {
                    write!(f, "{}Z", dt.strftime("%Y-%m-%dT%H:%M:%S"))
                } else {
                    write!(
                        f,
                        "{}{}",
                        dt.strftime("%Y-%m-%dT%H:%M:%S"),
                        format_offset(*off)
                    )
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
