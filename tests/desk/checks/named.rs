//! Check 5: every stop is named, in full, on the map (a label) or in the key under it; every note
//! the map was asked to show (`--annotate`, or a stop's `callout` property) is on the page in
//! full — in a callout or a list under the map — never cut short or silently dropped (at phone
//! widths notes go to the key).

use super::super::reading::numbers_in;
use super::{Case, stop_ref};

/// All of `s` without white space, so text wrapped into lines compares with the text as given.
pub fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The key's text (furniture texts of a class `key…` or `notes…`): its lines joined.
fn key_text(case: &Case) -> String {
    case.reading
        .texts
        .iter()
        .filter(|t| {
            t.layer == "furniture" && (t.class.starts_with("key") || t.class.starts_with("notes"))
        })
        .map(|t| t.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether the key names stop `i` (its name, just after a list of numbers holding `i + 1`).
fn in_key(key: &str, name: &str, i: usize) -> bool {
    let mut from = 0;
    while let Some(k) = key[from..].find(name) {
        let at = from + k;
        let before = key[..at].trim_end();
        let token = before.rsplit([' ', ':', '·', '(']).next().unwrap_or("");
        if numbers_in(token).contains(&(i + 1)) {
            return true;
        }
        from = at + name.len();
    }
    false
}

/// Stops named neither on the map nor in the key (or only cut short).
pub fn named(case: &Case) -> Vec<String> {
    let key = key_text(case);
    let mut out = Vec::new();
    for (i, name) in case.names.iter().enumerate() {
        let mut cut = None;
        let mut whole = false;
        for (v, view) in case.reading.views.iter().enumerate() {
            for (l, label) in view.labels.iter().enumerate() {
                if case.ids.label_stops[v][l].contains(&i) {
                    if label.name == *name {
                        whole = true;
                    } else {
                        cut = Some(label.name.clone());
                    }
                }
            }
        }
        if whole || in_key(&key, name, i) {
            continue;
        }
        out.push(match cut {
            Some(c) => format!(
                "{} is cut to “{c}” and not written in full anywhere",
                stop_ref(case, i)
            ),
            None => format!(
                "{} is named neither on the map nor in the key",
                stop_ref(case, i)
            ),
        });
    }
    out
}

/// Notes asked for but not on the page in full.
pub fn notes(case: &Case) -> Vec<String> {
    let page: String = case
        .reading
        .texts
        .iter()
        .filter(|t| t.class != "marker-num")
        .map(|t| squeeze(&t.text))
        .collect();
    let mut out = Vec::new();
    for (i, note) in case.notes.iter().enumerate() {
        let Some(note) = note else { continue };
        let want = squeeze(note);
        if want.is_empty() || page.contains(&want) {
            continue;
        }
        // The start of the note is there, cut: say so.
        let start: String = want.chars().take(12).collect();
        out.push(if page.contains(&start) {
            format!(
                "the note of {} is cut and its full text is nowhere on the page",
                stop_ref(case, i)
            )
        } else {
            format!("the note of {} is not on the page", stop_ref(case, i))
        });
    }
    out
}
