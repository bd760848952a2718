//! "Did you mean": the gazetteer names closest to a name that matched nothing.

use super::index::Index;

/// Up to `limit` (place index, the normalised name it is known by) pairs, best first, whose names
/// are fewest edits from `key` (normalised): Damerau-Levenshtein distance at most 1 for short
/// names, up to 3 for long ones (none for names under 3 letters); only the closest distance found counts, and among equally close
/// names the more populous place comes first.
pub(crate) fn suggestions(index: &Index, key: &str, limit: usize) -> Vec<(u32, &'static str)> {
    let len = key.chars().count();
    if len < 3 {
        return Vec::new();
    }
    let max = match len {
        0..=4 => 1,
        5..=8 => 2,
        _ => 3,
    };
    let mut found: Vec<(usize, u32, &'static str)> = Vec::new();
    for k in 0..index.key_count() {
        let name = index.key(k);
        if name.len().abs_diff(len) > max || name.len() < 3 {
            continue;
        }
        let d = strsim::damerau_levenshtein(key, name);
        if d <= max
            && let Some(&(place, _)) = index.postings_of(k).first()
        {
            found.push((d, place, name));
        }
    }
    found.sort_unstable();
    let closest = found.first().map_or(0, |f| f.0);
    let mut out: Vec<(u32, &'static str)> = Vec::new();
    for (_, place, name) in found.into_iter().take_while(|f| f.0 == closest) {
        if !out.iter().any(|(p, _)| *p == place) {
            out.push((place, name));
            if out.len() == limit {
                break;
            }
        }
    }
    out
}
