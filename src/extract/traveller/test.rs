//! Tests of whose trip a cue is: subjects of cues, one person or two.

use super::super::layout::Line;
use super::super::mentions;
use super::super::places::TestIndex;
use super::super::tokens::tokenize;
use super::people::people;
use super::*;
use crate::extract::tokens::Token;

/// The subject of the cue at the first occurrence of `cue` in each sentence, in turn.
fn subjects(sentences: &[(&str, &str)]) -> Vec<Option<String>> {
    let mut t = Travellers::default();
    sentences
        .iter()
        .map(|(s, cue)| {
            let toks = tokenize(s, 0, s.len());
            let ms = mentions::find(s, 0, &toks, &TestIndex::sample(), Line::Prose);
            let at = toks.iter().position(|x| x.text == *cue).unwrap();
            t.subjects(&toks, &ms, &[at])[0]
                .person
                .as_ref()
                .map(|p| p.text.clone())
        })
        .collect()
}

fn person(text: &str) -> Person {
    let toks = tokenize(text, 0, text.len());
    let ms = mentions::find(text, 0, &toks, &TestIndex::sample(), Line::Prose);
    let low: Vec<String> = toks.iter().map(Token::lower).collect();
    people(&toks, &low, &ms).remove(0).person
}

#[test]
fn subjects_of_cues() {
    let got = subjects(&[
        ("The president left Washington on Sunday for Cairo.", "left"),
        (
            "Meanwhile the vice president, who flew to Tokyo last week, travelled on to Amman.",
            "travelled",
        ),
        (
            "Meanwhile the vice president, who flew to Tokyo last week, smiled.",
            "flew",
        ),
        (
            "She said the trip went well, as her tour reached Cairo.",
            "reached",
        ),
        ("Jordan's king hosted him in Amman.", "hosted"),
        (
            "Her trip came after the Indian prime minister's visit to Cairo.",
            "visit",
        ),
    ]);
    assert_eq!(got[0].as_deref(), Some("The president"));
    assert_eq!(got[1].as_deref(), Some("the vice president"));
    assert_eq!(got[2].as_deref(), Some("the vice president"));
    // "her" stands for the last subject named: the vice president of the sentence before.
    assert_eq!(got[3].as_deref(), Some("the vice president"));
    assert_eq!(got[4].as_deref(), Some("king"));
    assert_eq!(got[5].as_deref(), Some("the Indian prime minister"));
}

#[test]
fn one_person_or_two() {
    let main = person("Secretary of State Jane Porter");
    assert!(person("the Secretary").same_as(&main));
    assert!(person("Secretary Porter").same_as(&main));
    assert!(!person("the Deputy Secretary").same_as(&main));
    let minister = person("the visiting foreign minister");
    assert!(person("the minister").same_as(&minister));
    assert!(!person("her counterpart").same_as(&minister));
    assert!(!person("the defence minister").same_as(&minister));
    assert!(
        !person("the Israeli foreign minister").same_as(&person("the Jordanian foreign minister"))
    );
    assert!(person("the couple").same_as(&person("the emperor and empress")));
    assert!(!person("the vice president").same_as(&person("the president")));
}
