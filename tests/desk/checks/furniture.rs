//! Check 9: the furniture (title, subtitle, legend, source line, key) has no word written twice
//! in a row ("Source: Source:"), and the title, subtitle and source are the ones the trip gives
//! (its file's title or name element, its source). That the CLI's `--title`, `--subtitle` and
//! `--source` set them for every input format is checked by running the binary (see
//! `tests/desk_corpus.rs`).

use super::Case;
use super::named::squeeze;

/// Classes of furniture text.
const FURNITURE: [&str; 5] = ["title", "subtitle", "legend", "source", "key"];

/// A word as compared: lower case, without the punctuation around it.
fn word(w: &str) -> String {
    w.trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// Words written twice in a row in one piece of furniture.
pub fn doubled(case: &Case) -> Vec<String> {
    let mut out = Vec::new();
    for class in FURNITURE {
        let text = case
            .reading
            .texts_of(class)
            .filter(|t| t.layer == "furniture")
            .map(|t| t.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let words: Vec<&str> = text.split_whitespace().collect();
        for w in words.windows(2) {
            let (a, b) = (word(w[0]), word(w[1]));
            if !a.is_empty() && a == b && a.chars().any(char::is_alphabetic) {
                out.push(format!("the {class} says “{} {}”", w[0], w[1]));
            }
        }
    }
    out
}

/// A title or source not as the trip gives it.
pub fn as_given(case: &Case) -> Vec<String> {
    let mut out = Vec::new();
    let lines = |class: &str| {
        case.reading
            .texts_of(class)
            .filter(|t| t.layer == "furniture")
            .map(|t| t.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    if let Some(want) = case.title {
        let title = lines("title");
        if squeeze(&title) != squeeze(want) {
            out.push(format!("the title is “{title}”, not the trip's “{want}”"));
        }
    }
    if let Some(source) = case.source {
        let line = squeeze(&lines("source"));
        let count = line.matches(&squeeze(source)).count();
        if count != 1 {
            out.push(format!(
                "the source line holds the trip's source {count} times, not once"
            ));
        }
    }
    out
}
