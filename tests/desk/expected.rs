//! The expected-failures list (`tests/corpus/expected-failures.txt`): one line per map and
//! check that fails today, `trip width theme check`, so the corpus test passes while the
//! cartography catches up, and fails both on a new failure and on a listed one that now passes
//! (asking for its line to be removed). `TRIPMAP_DESK_BLESS=1` rewrites the list from a run.

use super::checks::Check;
use std::collections::BTreeSet;
use std::path::Path;

/// A map's failure of one check: trip, width, theme, check id.
pub type Failure = (String, u32, String, String);

/// Reads a list; a missing file is an empty list.
pub fn read(path: &Path) -> BTreeSet<Failure> {
    let Ok(text) = std::fs::read_to_string(path) else {
        return BTreeSet::new();
    };
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .map(|(n, l)| {
            let f: Vec<&str> = l.split_whitespace().collect();
            let bad = || {
                panic!(
                    "{}:{}: want `trip width theme check`: {l}",
                    path.display(),
                    n + 1
                )
            };
            if f.len() != 4 || Check::from_id(f[3]).is_none() {
                bad();
            }
            let width = f[1].parse().unwrap_or_else(|_| bad());
            (f[0].to_string(), width, f[2].to_string(), f[3].to_string())
        })
        .collect()
}

/// Writes a list, sorted, after a header comment.
pub fn write(path: &Path, header: &str, failures: &BTreeSet<Failure>) {
    let mut text = String::new();
    for l in header.lines() {
        text.push_str(&format!("# {l}\n"));
    }
    for (trip, w, theme, check) in failures {
        text.push_str(&format!("{trip} {w} {theme} {check}\n"));
    }
    std::fs::write(path, text).unwrap();
}

/// What differs between a run and the list: failures not listed, and listed ones that pass.
pub fn compare(
    actual: &BTreeSet<Failure>,
    expected: &BTreeSet<Failure>,
) -> (Vec<Failure>, Vec<Failure>) {
    (
        actual.difference(expected).cloned().collect(),
        expected.difference(actual).cloned().collect(),
    )
}
