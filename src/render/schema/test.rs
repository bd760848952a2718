//! Unit tests of the attribute schema: column names and time cells.

use super::*;
use crate::model::When;
use jiff::tz::TimeZone;

#[test]
fn names_are_short_lower_case_and_not_sql_keywords() {
    for f in STOP_FIELDS.iter().chain(LEG_FIELDS) {
        assert!(f.name.len() <= 10, "{} is longer than 10", f.name);
        assert!(
            f.name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
            "{}",
            f.name
        );
        // `order` is kept though SQL reserves it: every reader of the layers since the first
        // version reads it (quote it in SQL: `"order"`). No other name is a keyword.
        assert!(
            f.name == "order" || !SQL_KEYWORDS.contains(&f.name),
            "{} is an SQL keyword",
            f.name
        );
    }
    for (_, c) in GAZETTEER_COLUMNS {
        assert!(c.len() <= 10 && !SQL_KEYWORDS.contains(c), "{c}");
    }
    assert_eq!(extra_column("order"), "input_order");
    assert_eq!(extra_column("train"), "train");
}

#[test]
fn a_day_stays_a_day_and_instants_show_the_stop_clock() {
    let tokyo = TimeZone::get("Asia/Tokyo").unwrap();
    let day = When::parse("2023-11-05").unwrap();
    assert_eq!(
        time_cells(Some(&day), Some(&tokyo)),
        (Cell::Date(day.local_date()), Cell::Null, Cell::Null)
    );
    let instant = When::parse("2023-11-05T23:30:00-05:00").unwrap();
    let (d, t, u) = time_cells(Some(&instant), Some(&tokyo));
    assert_eq!(d.iso_text().unwrap(), "2023-11-06");
    assert_eq!(t.iso_text().unwrap(), "13:30:00");
    assert_eq!(u.iso_text().unwrap(), "2023-11-06T04:30:00Z");
    let (d, t, _) = time_cells(Some(&instant), None);
    assert_eq!(
        (d.iso_text().unwrap(), t.iso_text().unwrap()),
        ("2023-11-05".into(), "23:30:00".into())
    );
    let local = When::parse("2023-11-05T14:00").unwrap();
    let (_, t, u) = time_cells(Some(&local), None);
    assert_eq!((t.iso_text().unwrap(), u), ("14:00:00".into(), Cell::Null));
}
