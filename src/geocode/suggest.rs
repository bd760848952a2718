//! "Did you mean": the gazetteer names closest to a name that matched nothing.

use super::index::Index;

/// Up to `limit` (place index, the normalised name it is known by) pairs, best first, whose names
/// are fewest edits from `key` (normalised): optimal-string-alignment distance (edits and swaps of neighbours) at most 1 for short
/// names, up to 3 for long ones (none for names under 3 letters); only the closest distance found counts, and among equally close
/// names the more populous place comes first.
///
/// Of the places a name belongs to, the first (most populous) one for which `prefer` holds is
/// offered, else the most populous.
pub(crate) fn suggestions(
    index: &Index,
    key: &str,
    limit: usize,
    prefer: &dyn Fn(u32) -> bool,
) -> Vec<(u32, &'static str)> {
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
    let wanted = histogram(key.as_bytes());
    // Native-script keys are compared by characters (up to 4 bytes each); ASCII ones by bytes.
    let ascii = key.is_ascii();
    // Only names a few bytes longer or shorter can be close: an edit changes a name's length
    // by at most one character, of at most 4 bytes.
    let per_edit = if ascii { 1 } else { 4 };
    let lengths = key.len().saturating_sub(per_edit * max)..=key.len() + per_edit * max;
    // Each edit adds or removes at most two letters from the set of letters a name has.
    let letters = letter_set(key.as_bytes());
    let candidates = lengths.flat_map(|n| {
        index
            .keys_of_length(n)
            .iter()
            .filter(|&&(_, set)| !ascii || (set ^ letters).count_ones() as usize <= 2 * max)
            .map(|&(k, _)| k as usize)
    });
    for k in candidates {
        let bytes = index.key_bytes(k);
        if ascii != bytes.is_ascii() {
            continue;
        }
        let close = if ascii {
            ascii_close(bytes, len, max, &wanted)
        } else {
            bytes.len().abs_diff(key.len()) <= 4 * max
                && index.key(k).chars().count().abs_diff(len) <= max
        };
        if !close {
            continue;
        }
        let name = index.key(k);
        let d = strsim::osa_distance(key, name);
        if d <= max
            && let Some(place) = offered(index, k, prefer)
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

/// Whether ASCII key `bytes` may be within `max` edits of a name of `len` bytes whose letter
/// counts are `wanted`: lengths close enough, and each edit changes the letter counts by at most 2
/// (a cheap bound before the real distance).
fn ascii_close(bytes: &[u8], len: usize, max: usize, wanted: &[i16; 37]) -> bool {
    if bytes.len().abs_diff(len) > max || bytes.len() < 3 {
        return false;
    }
    let mut counts = *wanted;
    for &b in bytes {
        counts[bucket(b)] -= 1;
    }
    let apart: u32 = counts.iter().map(|c| c.unsigned_abs() as u32).sum();
    apart as usize <= 2 * max
}

/// The place offered for name `k`: the first (most populous) of its places for which `prefer`
/// holds, else the most populous.
fn offered(index: &Index, k: usize, prefer: &dyn Fn(u32) -> bool) -> Option<u32> {
    let postings = index.postings_of(k);
    postings
        .iter()
        .find(|(p, _)| prefer(*p))
        .or(postings.first())
        .map(|&(place, _)| place)
}

/// Letter and digit counts of a normalised name (other bytes share one bucket).
fn histogram(bytes: &[u8]) -> [i16; 37] {
    let mut h = [0i16; 37];
    for &b in bytes {
        h[bucket(b)] += 1;
    }
    h
}

/// The buckets of [`bucket`] that a normalised name's bytes fall in, one bit each.
pub(super) fn letter_set(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0, |set, &b| set | 1 << bucket(b))
}

fn bucket(b: u8) -> usize {
    match b {
        b'a'..=b'z' => usize::from(b - b'a'),
        b'0'..=b'9' => 26 + usize::from(b - b'0'),
        _ => 36,
    }
}

#[cfg(test)]
mod test {
    use super::*;

    /// Every name within `max` edits of a name passes the letter-set bound the scan uses.
    #[test]
    fn the_letter_set_bound_never_drops_a_close_name() {
        let words = [
            "london",
            "baghdad",
            "springfield",
            "ulaanbaatar",
            "san jose",
            "a-b 9",
        ];
        let letters = b"abdegilnorsz9 -";
        for w in words {
            let w = w.as_bytes();
            // Every single edit, then every edit of those: substitutions, insertions, deletions
            // and swaps of neighbours.
            let edits = |v: &[u8]| {
                let mut out: Vec<Vec<u8>> = Vec::new();
                for i in 0..=v.len() {
                    for &c in letters {
                        let mut ins = v.to_vec();
                        ins.insert(i, c);
                        out.push(ins);
                        if i < v.len() {
                            let mut sub = v.to_vec();
                            sub[i] = c;
                            out.push(sub);
                        }
                    }
                    if i < v.len() {
                        let mut del = v.to_vec();
                        del.remove(i);
                        out.push(del);
                    }
                    if i + 1 < v.len() {
                        let mut swap = v.to_vec();
                        swap.swap(i, i + 1);
                        out.push(swap);
                    }
                }
                out
            };
            for once in edits(w) {
                for twice in edits(&once) {
                    let d = strsim::osa_distance(
                        std::str::from_utf8(w).unwrap(),
                        std::str::from_utf8(&twice).unwrap(),
                    );
                    let apart = (letter_set(w) ^ letter_set(&twice)).count_ones() as usize;
                    assert!(
                        apart <= 2 * d,
                        "{twice:?}: {apart} letters apart, {d} edits"
                    );
                }
            }
        }
    }
}
