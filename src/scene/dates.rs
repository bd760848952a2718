//! Dates as a map label shows them: `5 Nov`, `7–8 Nov`, `30 Nov–2 Dec`, and a trip's span for
//! the subtitle, `2–8 Nov 2023`. In: calendar days (each in its stop's own zone). Out: text.

use jiff::civil::Date;
use std::str::FromStr;

/// How stop dates are written on the map.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum DateStyle {
    /// `5 Nov`, `7–8 Nov` (default).
    #[default]
    Short,
    /// `5 November`, `7–8 November`.
    Long,
    /// `2023-11-05`, `2023-11-07–08`.
    Iso,
    /// No dates on labels.
    None,
}

impl DateStyle {
    /// The names the CLI accepts.
    pub const NAMES: [&'static str; 4] = ["short", "long", "iso", "none"];
}

/// A date style name the CLI does not know.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown date style {0:?}: use short, long, iso or none")]
pub struct UnknownDateStyle(pub String);

impl FromStr for DateStyle {
    type Err = UnknownDateStyle;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "short" => Ok(DateStyle::Short),
            "long" => Ok(DateStyle::Long),
            "iso" => Ok(DateStyle::Iso),
            "none" => Ok(DateStyle::None),
            _ => Err(UnknownDateStyle(s.to_string())),
        }
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn month(d: Date, style: DateStyle) -> &'static str {
    let m = MONTHS[(d.month() - 1) as usize];
    match style {
        DateStyle::Long => m,
        _ => &m[..3],
    }
}

/// A stop's stay from `first` to `last` (inclusive days): `5 Nov`, `7–8 Nov`, `30 Nov–2 Dec`,
/// `30 Dec 2023–2 Jan 2024` (years only when they differ). `None` for [`DateStyle::None`].
pub fn stay(first: Date, last: Date, style: DateStyle) -> Option<String> {
    let (a, b) = if last < first {
        (last, first)
    } else {
        (first, last)
    };
    Some(match style {
        DateStyle::None => return None,
        DateStyle::Iso if a == b => a.to_string(),
        DateStyle::Iso if (a.year(), a.month()) == (b.year(), b.month()) => {
            format!("{a}–{:02}", b.day())
        }
        DateStyle::Iso => format!("{a} – {b}"),
        _ if a == b => format!("{} {}", a.day(), month(a, style)),
        _ if a.year() != b.year() => format!(
            "{} {} {}–{} {} {}",
            a.day(),
            month(a, style),
            a.year(),
            b.day(),
            month(b, style),
            b.year()
        ),
        _ if a.month() != b.month() => format!(
            "{} {}–{} {}",
            a.day(),
            month(a, style),
            b.day(),
            month(b, style)
        ),
        _ => format!("{}–{} {}", a.day(), b.day(), month(b, style)),
    })
}

/// The wall-clock time a stop gives, in its own zone's terms (`14:00`); `None` for a day.
pub fn clock(w: &crate::model::When) -> Option<jiff::civil::Time> {
    use crate::model::When;
    match w {
        When::Date(_) => None,
        When::Local(dt) => Some(dt.time()),
        When::Instant(dt, _) => Some(dt.time()),
    }
}

/// A stop's stay on a one-day trip, by the clock: `09:00`, `09:00–10:30`; `None` without a
/// time or for [`DateStyle::None`].
pub fn stay_clock(
    first: Option<jiff::civil::Time>,
    last: Option<jiff::civil::Time>,
    style: DateStyle,
) -> Option<String> {
    if style == DateStyle::None {
        return None;
    }
    let hm = |t: jiff::civil::Time| format!("{:02}:{:02}", t.hour(), t.minute());
    match (first, last) {
        (Some(a), Some(b)) if a != b => Some(format!("{}–{}", hm(a), hm(b))),
        (Some(a), _) | (None, Some(a)) => Some(hm(a)),
        (None, None) => None,
    }
}

/// A trip's span for the subtitle, always with the year: `2–8 Nov 2023`, `28 Nov–3 Dec 2023`,
/// `30 Dec 2023–2 Jan 2024`, `5 Nov 2023`.
pub fn span(first: Date, last: Date) -> String {
    let (a, b) = if last < first {
        (last, first)
    } else {
        (first, last)
    };
    let s = DateStyle::Short;
    if a == b {
        format!("{} {} {}", a.day(), month(a, s), a.year())
    } else if a.year() != b.year() {
        format!(
            "{} {} {}–{} {} {}",
            a.day(),
            month(a, s),
            a.year(),
            b.day(),
            month(b, s),
            b.year()
        )
    } else if a.month() != b.month() {
        format!(
            "{} {}–{} {} {}",
            a.day(),
            month(a, s),
            b.day(),
            month(b, s),
            b.year()
        )
    } else {
        format!("{}–{} {} {}", a.day(), b.day(), month(b, s), b.year())
    }
}

#[cfg(test)]
mod test {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn stays_read_as_a_news_desk_writes_them() {
        let s = DateStyle::Short;
        assert_eq!(
            stay(date(2023, 11, 5), date(2023, 11, 5), s).unwrap(),
            "5 Nov"
        );
        assert_eq!(
            stay(date(2023, 11, 7), date(2023, 11, 8), s).unwrap(),
            "7–8 Nov"
        );
        assert_eq!(
            stay(date(2023, 11, 30), date(2023, 12, 2), s).unwrap(),
            "30 Nov–2 Dec"
        );
        assert_eq!(
            stay(date(2023, 12, 30), date(2024, 1, 2), s).unwrap(),
            "30 Dec 2023–2 Jan 2024"
        );
        assert_eq!(
            stay(date(2023, 11, 7), date(2023, 11, 8), DateStyle::Long).unwrap(),
            "7–8 November"
        );
        assert_eq!(
            stay(date(2023, 11, 7), date(2023, 11, 8), DateStyle::Iso).unwrap(),
            "2023-11-07–08"
        );
        assert_eq!(
            stay(date(2023, 11, 30), date(2023, 12, 2), DateStyle::Iso).unwrap(),
            "2023-11-30 – 2023-12-02"
        );
        assert_eq!(
            stay(date(2023, 11, 7), date(2023, 11, 8), DateStyle::None),
            None
        );
    }

    #[test]
    fn spans_carry_the_year() {
        assert_eq!(span(date(2023, 11, 2), date(2023, 11, 8)), "2–8 Nov 2023");
        assert_eq!(
            span(date(2023, 11, 28), date(2023, 12, 3)),
            "28 Nov–3 Dec 2023"
        );
        assert_eq!(
            span(date(2023, 12, 30), date(2024, 1, 2)),
            "30 Dec 2023–2 Jan 2024"
        );
        assert_eq!(span(date(2023, 11, 5), date(2023, 11, 5)), "5 Nov 2023");
    }
}
