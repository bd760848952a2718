//! Tests of the travel cues: lists, programme lines, order words, vetoes.

use super::super::layout::Line;
use super::super::places::TestIndex;
use super::super::tokens::tokenize;
use super::super::{dates, mentions};
use super::*;

/// (mention, "stop Role Order: cue" or "mentioned: reason") for each mention of `s`.
fn decisions(s: &str) -> Vec<(String, String)> {
    let toks = tokenize(s, 0, s.len());
    let ms = mentions::find(s, 0, &toks, &TestIndex::sample(), Line::Prose);
    let ds = dates::find(&toks);
    ms.iter()
        .zip(decide(&toks, &ms, &ds))
        .map(|(m, d)| {
            let what = match d {
                Decision::Stop {
                    cue, role, order, ..
                } => format!("stop {role:?} {order:?}: {cue}"),
                Decision::Mentioned(why) => format!("mentioned: {why}"),
            };
            (m.text.clone(), what)
        })
        .collect()
}

fn has(got: &[(String, String)], place: &str, starts: &str) -> bool {
    got.iter().any(|(p, d)| p == place && d.starts_with(starts))
}

#[test]
fn lists_after_a_cue_are_stops() {
    let d = decisions("Her visits to Israel, Jordan and Washington were brief.");
    assert!(has(&d, "Israel", "stop Visit Text: visits to"), "{d:?}");
    assert!(
        has(&d, "Jordan", "stop Visit Text: list after visits to"),
        "{d:?}"
    );
    assert!(
        has(&d, "Washington", "stop Visit Text: list after"),
        "{d:?}"
    );
    // "take in", and qualifiers and semicolons inside the list.
    let d = decisions("The nine-day visit will take in Amman, Cairo and Tokyo.");
    assert!(has(&d, "Amman", "stop Visit Text: take in"), "{d:?}");
    assert!(
        has(&d, "Cairo", "stop Visit Text: list after take in"),
        "{d:?}"
    );
    assert!(
        has(&d, "Tokyo", "stop Visit Text: list after take in"),
        "{d:?}"
    );
    let d = decisions("She will travel to Amman, Jordan; Tel Aviv, Israel; and Cairo.");
    assert!(has(&d, "Jordan", "mentioned: qualifies Amman"), "{d:?}");
    assert!(has(&d, "Tel Aviv", "stop Visit Text: list after"), "{d:?}");
    assert!(has(&d, "Cairo", "stop Visit Text: list after"), "{d:?}");
}

#[test]
fn left_x_for_y() {
    let d = decisions("He left Amman for Tel Aviv on Monday.");
    assert!(has(&d, "Amman", "stop DepartFrom Text: left"), "{d:?}");
    assert!(
        has(&d, "Tel Aviv", "stop Visit Text: left X for Y"),
        "{d:?}"
    );
}

#[test]
fn programme_lines_and_venues() {
    let d = decisions("Departure by plane from Amman Queen Alia Airport to Cairo");
    assert!(
        has(&d, "Amman", "stop DepartFrom Text: plane from"),
        "{d:?}"
    );
    assert!(has(&d, "Cairo", "stop Visit Text: from X to Y"), "{d:?}");
    let d = decisions("Return by plane to Cairo");
    assert!(has(&d, "Cairo", "stop Return"), "{d:?}");
    let d = decisions("14.30 Arrival at the Marka Airport, Amman");
    assert!(
        has(&d, "Amman", "stop Visit Text: arrival in (at a venue)"),
        "{d:?}"
    );
    let d = decisions("The first match is at the Nile Stadium in Cairo on Sunday.");
    assert!(has(&d, "Cairo", "stop Visit"), "{d:?}");
}

#[test]
fn origin_destination_and_order_words() {
    let d = decisions("Our road trip from Amman to Tokyo went well.");
    assert!(
        has(&d, "Amman", "stop DepartFrom First: trip from"),
        "{d:?}"
    );
    assert!(
        has(&d, "Tokyo", "stop Visit Last: trip from X to Y"),
        "{d:?}"
    );
    let d = decisions("The tour opens in Cairo and ends in Tokyo.");
    assert!(has(&d, "Cairo", "stop Visit First"), "{d:?}");
    assert!(has(&d, "Tokyo", "stop Visit Last"), "{d:?}");
    let d = decisions("The minister, who has already visited Amman and Cairo, smiled.");
    assert!(has(&d, "Amman", "stop Visit Earlier"), "{d:?}");
    assert!(has(&d, "Cairo", "stop Visit Earlier"), "{d:?}");
    let d = decisions("She flew to Tokyo after talks in Cairo.");
    assert!(has(&d, "Cairo", "stop Visit Earlier"), "{d:?}");
    let d = decisions("He will end his tour in Tokyo.");
    assert!(has(&d, "Tokyo", "stop Visit Last"), "{d:?}");
    let d = decisions("We spent three days in Cairo, where we ate well.");
    assert!(has(&d, "Cairo", "stop Visit Text: three days in"), "{d:?}");
    let d = decisions("A quick update from a very rainy Amman!");
    assert!(has(&d, "Amman", "stop Visit Text: update from"), "{d:?}");
    let d = decisions("She was already in Cairo. He has already visited Amman.");
    assert!(has(&d, "Cairo", "stop Visit Text: already in"), "{d:?}");
    assert!(has(&d, "Amman", "stop Visit Earlier"), "{d:?}");
    let d = decisions(
        "The band's previous tour visited Cairo. She will meet the king in Amman next month.",
    );
    assert!(has(&d, "Cairo", "mentioned: an earlier trip"), "{d:?}");
    assert!(has(&d, "Amman", "mentioned: a later trip"), "{d:?}");
}

#[test]
fn demonyms_possessives_and_bare_mentions_are_not_stops() {
    let d = decisions("Israeli forces and Washington's stance worried Jordan.");
    assert!(has(&d, "Israeli", "mentioned: demonym"), "{d:?}");
    assert!(has(&d, "Washington", "mentioned: possessive"), "{d:?}");
    assert!(has(&d, "Jordan", "mentioned: no travel cue"), "{d:?}");
}

#[test]
fn negated_earlier_wished_and_undone_cues() {
    let d = decisions("He did not travel to Amman.");
    assert!(has(&d, "Amman", "mentioned: negated"), "{d:?}");
    let d = decisions("His last trip to Amman was in June.");
    assert!(has(&d, "Amman", "mentioned: an earlier trip"), "{d:?}");
    let d = decisions("He could travel to Amman.");
    assert!(has(&d, "Amman", "mentioned: a wish"), "{d:?}");
    let d = decisions("A visit to Amman was cancelled.");
    assert!(has(&d, "Amman", "mentioned: undone"), "{d:?}");
    let d = decisions("He recalled his visits to Amman and Cairo earlier this year.");
    assert!(has(&d, "Amman", "mentioned: an earlier trip"), "{d:?}");
    assert!(has(&d, "Cairo", "mentioned: an earlier trip"), "{d:?}");
    let d = decisions("I think of Cairo, where we were last spring.");
    assert!(has(&d, "Cairo", "mentioned: an earlier trip"), "{d:?}");
}

#[test]
fn an_attended_event_named_after_a_town() {
    let d = decisions("She spoke at the Amman Security Conference.");
    assert!(has(&d, "Amman", "stop Visit Text: at an event"), "{d:?}");
    // "after addressing": before the sentence's other stops, ordered like a departure.
    let d = decisions("She flew to Tokyo after addressing the Amman Security Conference.");
    assert!(
        has(&d, "Amman", "stop DepartFrom Text: at an event"),
        "{d:?}"
    );
    let d = decisions("The Amman Security Conference was praised.");
    assert!(has(&d, "Amman", "mentioned: part of a name"), "{d:?}");
}

#[test]
fn place_and_day_in_an_event_sentence() {
    let d = decisions("A forum held in Amman on Saturday ended early.");
    assert!(has(&d, "Amman", "stop Visit Text: in X + a day"), "{d:?}");
    let d = decisions("Prices rose in Amman on Saturday.");
    assert!(has(&d, "Amman", "mentioned: no travel cue"), "{d:?}");
    let d = decisions("She returned to Amman.");
    assert!(has(&d, "Amman", "stop Return"), "{d:?}");
}
