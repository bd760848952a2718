//! The timeline's date labels: at every day, week, month, quarter, year or decade, the finest
//! whose labels fit side by side without touching. In: the trip's first day, the days each row
//! covers and the pixels per day. Out: tick positions and label texts, never overlapping.

use crate::scene::text_metrics::{Weight, width_px};
use jiff::civil::{Date, Weekday};

/// Label size, pixels.
pub(crate) const LABEL_PX: f64 = 10.0;
/// Least free space between two labels, pixels.
const GAP_PX: f64 = 4.0;

/// How far apart the labelled ticks are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    /// Every day, labelled `5 Nov` in the middle of its day.
    Day,
    /// Every Monday, `6 Nov`.
    Week,
    /// Every month's first day, `Nov` (January: its year, `2024`).
    Month,
    /// January, April, July and October.
    Quarter,
    /// Every 1 January, `2024`.
    Year,
    /// Every tenth year.
    Decade,
}

/// From finest to coarsest.
pub(crate) const UNITS: [Unit; 6] = [
    Unit::Day,
    Unit::Week,
    Unit::Month,
    Unit::Quarter,
    Unit::Year,
    Unit::Decade,
];

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A labelled tick.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Tick {
    /// Where the tick is, days since the first day began.
    pub day: f64,
    /// Where the label's middle is, days (a day's label sits in the middle of its day).
    pub label_at: f64,
    /// The label.
    pub text: String,
}

/// Whether `d` starts a `unit`.
fn starts(unit: Unit, d: Date) -> bool {
    match unit {
        Unit::Day => true,
        Unit::Week => d.weekday() == Weekday::Monday,
        Unit::Month => d.day() == 1,
        Unit::Quarter => d.day() == 1 && (d.month() - 1) % 3 == 0,
        Unit::Year => d.day() == 1 && d.month() == 1,
        Unit::Decade => d.day() == 1 && d.month() == 1 && d.year() % 10 == 0,
    }
}

/// The label of the `unit` starting on `d`.
fn label(unit: Unit, d: Date) -> String {
    let month = MONTHS[(d.month() - 1) as usize];
    match unit {
        Unit::Day | Unit::Week => format!("{} {month}", d.day()),
        Unit::Month | Unit::Quarter if d.month() != 1 => month.to_string(),
        _ => d.year().to_string(),
    }
}

/// The ticks of `unit` on days `from..to` (days since `first`), in order.
pub(crate) fn ticks(unit: Unit, first: Date, from: usize, to: usize) -> Vec<Tick> {
    let mut out = Vec::new();
    let mut d = match first.checked_add(jiff::Span::new().days(from as i64)) {
        Ok(d) => d,
        Err(_) => return out,
    };
    for n in from..to {
        if starts(unit, d) {
            let day = n as f64;
            out.push(Tick {
                day,
                label_at: if unit == Unit::Day { day + 0.5 } else { day },
                text: label(unit, d),
            });
        }
        match d.tomorrow() {
            Ok(next) => d = next,
            Err(_) => break,
        }
    }
    out
}

/// A label's left and right ends when its middle is at `x`, kept within `lo..hi`.
pub(crate) fn label_box(text: &str, x: f64, lo: f64, hi: f64) -> (f64, f64) {
    let w = width_px(text, LABEL_PX, Weight::Regular);
    let left = (x - w / 2.0).min(hi - w).max(lo);
    (left, left + w)
}

/// Whether labels at these boxes, in order, keep [`GAP_PX`] apart.
pub(crate) fn apart(boxes: &[(f64, f64)]) -> bool {
    boxes.windows(2).all(|w| w[1].0 - w[0].1 >= GAP_PX)
}

/// Drops labels (boxes in order) that would come nearer than [`GAP_PX`] to the one kept before
/// them; returns which are kept.
pub(crate) fn thin(boxes: &[(f64, f64)]) -> Vec<bool> {
    let mut keep = vec![false; boxes.len()];
    let mut right = f64::NEG_INFINITY;
    for (i, b) in boxes.iter().enumerate() {
        if b.0 - right >= GAP_PX {
            keep[i] = true;
            right = b.1;
        }
    }
    keep
}

#[cfg(test)]
mod test {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn each_unit_starts_where_a_calendar_says() {
        let t = ticks(Unit::Week, date(2023, 11, 2), 0, 10);
        let texts: Vec<&str> = t.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(texts, ["6 Nov"]);
        assert_eq!(t[0].day, 4.0);
        let t = ticks(Unit::Month, date(2023, 11, 20), 0, 80);
        let texts: Vec<&str> = t.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(texts, ["Dec", "2024", "Feb"]);
        let t = ticks(Unit::Day, date(2023, 12, 31), 0, 2);
        assert_eq!(t[1].text, "1 Jan");
        assert_eq!(t[1].label_at, 1.5);
        let t = ticks(Unit::Decade, date(2019, 6, 1), 0, 3000);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].text, "2020");
    }

    #[test]
    fn labels_stay_in_their_row_and_apart() {
        let (l, r) = label_box("30 Nov", 10.0, 16.0, 300.0);
        assert_eq!(l, 16.0);
        assert!(r > l);
        let boxes = [(0.0, 10.0), (12.0, 20.0), (30.0, 40.0)];
        assert!(!apart(&boxes));
        assert_eq!(thin(&boxes), [true, false, true]);
    }
}
