//! "Did you mean": the gazetteer names closest to a name that matched nothing.

use super::index::Index;

/// Up to `limit` places (index numbers, best first) whose names are a few edits from `key`
/// (normalised): Damerau-Levenshtein distance at most 1 for short names, up to 3 for long ones;
/// among equally close names the more populous place comes first.
pub(crate) fn suggestions(index: &Index, key: &str, limit: usize) -> Vec<u32> {
    let len = key.chars().count();
    let max = match len {
        0..=4 => 1,
        5..=8 => 2,
        _ => 3,
    };
    let mut found: Vec<(usize, u32)> = Vec::new();
    for k in 0..index.key_count() {
        let name = index.key(k);
        if name.len().abs_diff(len) > max {
            continue;
        }
        let d = strsim::damerau_levenshtein(key, name);
        if d <= max
            && let Some(&(place, _)) = index.postings_of(k).first()
        {
            found.push((d, place));
        }
    }
    found.sort_unstable();
    let mut out: Vec<u32> = Vec::new();
    for (_, place) in found {
        if !out.contains(&place) {
            out.push(place);
            if out.len() == limit {
                break;
            }
        }
    }
    out
}
