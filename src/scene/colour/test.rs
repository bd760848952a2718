use super::*;
use crate::scene::theme::{DARK, LIGHT};

use crate::routing::test_route as route;

/// Three stops on three days, the middle one reached by train.
const THREE_DAYS: &str = r#"{"title": "Three days", "stops": [
    {"name": "A", "lat": 50, "lon": 10, "depart": "2024-03-01T09:00"},
    {"name": "B", "lat": 50, "lon": 11, "arrive": "2024-03-02", "mode": "train"},
    {"name": "C", "lat": 50, "lon": 12, "arrive": "2024-03-03"}]}"#;

#[test]
fn days_run_through_the_sequential_palette() {
    let r = route(THREE_DAYS);
    let c = colouring(&r, ColourBy::Day, &LIGHT).unwrap();
    let p = palette::SEQUENTIAL_LIGHT;
    assert_eq!(c.stops, [Some(p[0]), Some(p[3]), Some(p[6])]);
    // A leg is the colour of the day it leaves on.
    assert_eq!(c.legs, [Some(p[0]), Some(p[3])]);
    let texts: Vec<&str> = c.legend.iter().map(|(_, t)| t.as_str()).collect();
    assert_eq!(texts, ["1 Mar", "2 Mar", "3 Mar"]);
}

#[test]
fn days_are_local_across_the_date_line_a_new_year_and_a_clock_change() {
    // Honolulu is reached on the 31st by its clock, a day after Tokyo's 31st had ended by UTC:
    // both are the 31st. Los Angeles is New Year's Day.
    let r = route(
        r#"{"stops": [
        {"name": "Tokyo", "lat": 35.68, "lon": 139.69, "arrive": "2024-12-31T08:00", "depart": "2024-12-31T20:00", "tz": "Asia/Tokyo"},
        {"name": "Honolulu", "lat": 21.31, "lon": -157.86, "arrive": "2024-12-31T09:00", "tz": "Pacific/Honolulu"},
        {"name": "Los Angeles", "lat": 34.05, "lon": -118.24, "arrive": "2025-01-01T10:00", "tz": "America/Los_Angeles"}]}"#,
    );
    let c = colouring(&r, ColourBy::Day, &LIGHT).unwrap();
    let p = palette::SEQUENTIAL_LIGHT;
    assert_eq!(c.stops, [Some(p[0]), Some(p[0]), Some(p[6])]);
    assert_eq!(c.legs, [Some(p[0]), Some(p[0])]);
    let texts: Vec<&str> = c.legend.iter().map(|(_, t)| t.as_str()).collect();
    assert_eq!(texts, ["31 Dec", "1 Jan"]);
    // The night the clocks go forward: 01:30 and 03:30 an hour apart, one day.
    let r = route(
        r#"{"stops": [
        {"name": "Berlin", "lat": 52.52, "lon": 13.40, "depart": "2025-03-30T01:30", "tz": "Europe/Berlin"},
        {"name": "Leipzig", "lat": 51.34, "lon": 12.37, "arrive": "2025-03-30T03:30", "tz": "Europe/Berlin"},
        {"name": "Dresden", "lat": 51.05, "lon": 13.74, "arrive": "2025-03-31T00:30", "tz": "Europe/Berlin"}]}"#,
    );
    let c = colouring(&r, ColourBy::Day, &DARK).unwrap();
    assert_eq!(c.stops[0], c.stops[1]);
    assert_ne!(c.stops[1], c.stops[2]);
    let texts: Vec<&str> = c.legend.iter().map(|(_, t)| t.as_str()).collect();
    assert_eq!(texts, ["30 Mar", "31 Mar"]);
}

#[test]
fn a_long_trip_groups_neighbouring_days() {
    let stops: Vec<String> = (1..=14)
        .map(|d| {
            format!(r#"{{"name": "S{d}", "lat": 50, "lon": {d}, "arrive": "2024-03-{d:02}"}}"#)
        })
        .collect();
    let r = route(&format!(r#"{{"stops": [{}]}}"#, stops.join(",")));
    let c = colouring(&r, ColourBy::Day, &DARK).unwrap();
    assert_eq!(c.legend.len(), 7);
    assert_eq!(c.legend[0].1, "1–2 Mar");
    assert_eq!(c.legend[6].1, "13–14 Mar");
    assert_eq!(c.stops[0], c.stops[1]);
    assert_ne!(c.stops[1], c.stops[2]);
}

#[test]
fn an_undated_trip_cannot_be_coloured_by_day() {
    let r = route(
        r#"{"stops": [{"name": "A", "lat": 1, "lon": 2}, {"name": "B", "lat": 3, "lon": 4}]}"#,
    );
    let e = colouring(&r, ColourBy::Day, &LIGHT).unwrap_err();
    assert!(e.to_string().contains("no stop has a date"), "{e}");
    assert!(colouring(&r, ColourBy::Leg, &LIGHT).is_ok());
}

#[test]
fn legs_modes_and_trips_take_categorical_colours() {
    let r = route(THREE_DAYS);
    let p = palette::CATEGORICAL_LIGHT;
    let c = colouring(&r, ColourBy::Leg, &LIGHT).unwrap();
    assert_eq!(c.legs, [Some(p[0]), Some(p[1])]);
    assert_eq!(c.stops, [Some(p[0]), Some(p[0]), Some(p[1])]);
    assert_eq!(c.legend[1].1, "Leg 2");
    let c = colouring(&r, ColourBy::Mode, &LIGHT).unwrap();
    assert_eq!(c.legs, [Some(p[0]), Some(p[1])]);
    let texts: Vec<&str> = c.legend.iter().map(|(_, t)| t.as_str()).collect();
    assert_eq!(texts, ["Train", "Mode not given"]);
    let c = colouring(&r, ColourBy::Trip, &LIGHT).unwrap();
    assert_eq!(c.stops, [Some(p[0]); 3]);
    assert_eq!(c.legend, [(p[0], "Three days".to_string())]);
}

#[test]
fn many_legs_share_colours_and_say_so() {
    let stops: Vec<String> = (0..15)
        .map(|i| format!(r#"{{"name": "S{i}", "lat": 50, "lon": {i}}}"#))
        .collect();
    let r = route(&format!(r#"{{"stops": [{}]}}"#, stops.join(",")));
    let c = colouring(&r, ColourBy::Leg, &LIGHT).unwrap();
    assert_eq!(c.legend.len(), 6);
    assert_eq!(c.legend[0].1, "Legs 1, 7, 13");
    assert_eq!(c.legs[0], c.legs[6]);
}

#[test]
fn names_parse_in_any_case() {
    assert_eq!("Day".parse::<ColourBy>().unwrap(), ColourBy::Day);
    assert!("week".parse::<ColourBy>().is_err());
}
