//! Tests of the whole extraction: guesses when no place has a cue, nothing when no place is named.

use super::places::TestIndex;
use super::*;

#[test]
fn no_cue_gives_guesses_and_no_place_gives_nothing() {
    let o = Options {
        published: Some(jiff::civil::date(2024, 1, 1)),
    };
    let x = extract("Prices in Cairo and Tokyo rose.", &o, &TestIndex::sample()).unwrap();
    assert!(x.guessed);
    let names: Vec<&str> = x.stops.iter().map(|s| s.place.name.as_str()).collect();
    assert_eq!(names, ["Cairo", "Tokyo"]);
    assert!(x.stops.iter().all(|s| s.confidence < 0.5));
    assert!(x.warnings()[0].contains("low-confidence guesses"));
    let x = extract("Nothing to see here.", &o, &TestIndex::sample()).unwrap();
    assert!(x.stops.is_empty() && !x.guessed);
    assert!(x.nothing_to_write().unwrap().contains("names no place"));
    let x = extract("She flew to Cairo.", &o, &TestIndex::sample()).unwrap();
    assert!(!x.guessed && x.warnings().is_empty() && x.nothing_to_write().is_none());
}
