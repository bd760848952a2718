//! Tests of the fold from occurrences to stops: towns for countries, departures, returns.

use super::super::places::TestIndex;
use super::super::{Options, extract};
use jiff::civil::date;

/// (name, arrive or depart day) of each stop.
fn trip(text: &str) -> Vec<(String, Option<String>)> {
    let o = Options {
        published: Some(date(2023, 11, 6)),
    };
    extract(text, &o, &TestIndex::sample())
        .unwrap()
        .stops
        .into_iter()
        .map(|s| {
            let d = s.arrive.or(s.depart).map(|d| d.date.to_string());
            (s.place.name, d)
        })
        .collect()
}

fn s(n: &str, d: Option<&str>) -> (String, Option<String>) {
    (n.to_string(), d.map(str::to_string))
}

#[test]
fn towns_replace_their_country_and_keep_its_place() {
    let t = trip(
        "Her trips to Israel, Jordan and Iraq were short. A forum held in Amman on Saturday ended well.",
    );
    assert_eq!(
        t,
        [
            s("Israel", None),
            s("Amman", Some("2023-11-04")),
            s("Iraq", None)
        ]
    );
}

#[test]
fn left_for_orders_and_dates_the_departure() {
    let t = trip("He arrived in Tokyo on Sunday. Earlier he left Amman for Tel Aviv on Friday.");
    assert_eq!(
        t,
        [
            s("Amman", Some("2023-11-03")),
            s("Tel Aviv", None),
            s("Tokyo", Some("2023-11-05"))
        ]
    );
}

#[test]
fn a_return_is_a_second_stop() {
    let t = trip(
        "She arrived in Cairo on Wednesday. She flew to Amman on Thursday. She returned to Cairo on Friday.",
    );
    assert_eq!(
        t,
        [
            s("Cairo", Some("2023-11-01")),
            s("Amman", Some("2023-11-02")),
            s("Cairo", Some("2023-11-03"))
        ]
    );
}
