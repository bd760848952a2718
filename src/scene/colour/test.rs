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
