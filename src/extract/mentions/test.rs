//! Tests of mention finding: places and names, demonyms, airports, timetable rows, calendar words.

use super::super::places::{Scope, TestIndex};
use super::super::tokens::tokenize;
use super::*;

fn mentions(s: &str) -> Vec<(String, bool, bool)> {
    let toks = tokenize(s, 0, s.len());
    find(s, 0, &toks, &TestIndex::sample(), Line::Prose)
        .into_iter()
        .map(|m| (m.text, m.in_name, m.possessive))
        .collect()
}

#[test]
fn finds_places_and_names() {
    assert_eq!(
        mentions("Minister Antony Smith flew from Tel Aviv to Amman."),
        [
            ("Antony".into(), true, false),
            ("Tel Aviv".into(), false, false),
            ("Amman".into(), false, false)
        ]
    );
    assert_eq!(
        mentions("The Palestine Liberation Organization and Washington's stance."),
        [
            ("Palestine".into(), true, false),
            ("Washington".into(), false, true)
        ]
    );
}

#[test]
fn demonyms_metonyms_territories_and_macros() {
    let s = "Israeli forces, the White House and the U.S. in the West Bank and the Middle East.";
    let toks = tokenize(s, 0, s.len());
    let m = find(s, 0, &toks, &TestIndex::sample(), Line::Prose);
    let whats: Vec<_> = m.iter().map(|m| &m.what).collect();
    assert!(matches!(whats[0], What::Demonym(c) if c == "IL"));
    assert!(matches!(whats[1], What::Metonym(c) if c == "US"));
    assert!(matches!(whats[2], What::Place(p) if p.country == "US" && p.scope == Scope::Country));
    assert!(
        matches!(whats[3], What::Place(p) if p.scope == Scope::Territory && p.seat.as_deref() == Some("Ramallah"))
    );
    assert_eq!(m.len(), 4);
}

#[test]
fn airports_capitals_and_timetable_rows() {
    assert_eq!(
        mentions("Departure from Amman Queen Alia International Airport to Cairo"),
        [
            ("Amman".into(), false, false),
            ("Cairo".into(), false, false)
        ]
    );
    assert_eq!(
        mentions("The Amman Citadel"),
        [("Amman".into(), true, false)]
    );
    let legs = |s: &str, line| {
        let toks = tokenize(s, 0, s.len());
        find(s, 0, &toks, &TestIndex::sample(), line)
            .into_iter()
            .map(|m| (m.text, m.in_name))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        legs("AMMAN – CAIRO", Line::Leg),
        [("AMMAN".into(), false), ("CAIRO".into(), false)]
    );
    assert!(legs("AMMAN – CAIRO", Line::Prose).is_empty());
    assert_eq!(
        legs("Cairo Ramses Hall  17:02", Line::Row),
        [("Cairo".into(), false)]
    );
}

#[test]
fn weekdays_end_runs() {
    assert_eq!(
        mentions("He was in Amman Monday."),
        [("Amman".into(), false, false)]
    );
}
