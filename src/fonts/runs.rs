//! Text cut into runs, each drawn by one bundled face. In: text and a weight. Out: [`Run`]s in
//! text order, whole grapheme clusters each (a letter and its marks never split between faces).

use super::{FaceId, Weight, face_of_script, has_char};
use std::ops::Range;
use unicode_script::{Script, UnicodeScript};
use unicode_segmentation::UnicodeSegmentation;

/// A stretch of text drawn by one face.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    /// Byte range in the text.
    pub range: Range<usize>,
    /// The face, or `None` when no bundled font has the stretch's characters.
    pub face: Option<FaceId>,
}

/// Characters that draw nothing (joiners, direction marks, variation selectors, the BOM): a
/// face need not have them.
pub(crate) fn is_ignorable(c: char) -> bool {
    matches!(c as u32,
        0x00AD | 0x034F | 0x061C | 0x180B..=0x180F | 0x200B..=0x200F | 0x202A..=0x202E
        | 0x2060..=0x206F | 0xFE00..=0xFE0F | 0xFEFF | 0xE0000..=0xE0FFF)
}

/// Whether `face` draws every visible character of `cluster`.
fn covers(face: FaceId, weight: Weight, cluster: &str) -> bool {
    cluster
        .chars()
        .all(|c| is_ignorable(c) || has_char(face, weight, c))
}

/// The script of a cluster: that of its first letter (`None` for spaces, digits, punctuation).
fn cluster_script(cluster: &str) -> Option<Script> {
    cluster
        .chars()
        .map(|c| c.script())
        .find(|s| !matches!(s, Script::Common | Script::Inherited | Script::Unknown))
}

/// The face of one cluster, given the face of the cluster before it.
fn face_of_cluster(cluster: &str, previous: Option<FaceId>, weight: Weight) -> Option<FaceId> {
    if cluster.chars().all(is_ignorable) {
        return Some(previous.unwrap_or(FaceId(0)));
    }
    let own = match cluster_script(cluster) {
        Some(script) => face_of_script(script),
        None => previous,
    };
    own.filter(|&f| covers(f, weight, cluster))
        .or_else(|| FaceId::all().find(|&f| covers(f, weight, cluster)))
}

/// `text` cut into runs of one face each, in text order; neighbouring clusters of one face
/// share a run.
pub fn runs(text: &str, weight: Weight) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    let mut previous = None;
    for (start, cluster) in text.grapheme_indices(true) {
        let face = face_of_cluster(cluster, previous, weight);
        let end = start + cluster.len();
        match out.last_mut() {
            Some(last) if last.face == face => last.range.end = end,
            _ => out.push(Run {
                range: start..end,
                face,
            }),
        }
        if face.is_some() {
            previous = face;
        }
    }
    out
}

/// The characters of `text` that no bundled font draws, each once, in text order.
pub fn missing(text: &str, weight: Weight) -> Vec<char> {
    let mut out = Vec::new();
    for run in runs(text, weight).iter().filter(|r| r.face.is_none()) {
        for c in text[run.range.clone()].chars() {
            let drawn = is_ignorable(c)
                || c.is_whitespace()
                || FaceId::all().any(|f| has_char(f, weight, c));
            if !drawn && !out.contains(&c) {
                out.push(c);
            }
        }
    }
    out
}

#[cfg(test)]
mod test {
    use super::*;

    fn keys(text: &str) -> Vec<(&str, &str)> {
        runs(text, Weight::Regular)
            .into_iter()
            .map(|r| {
                let key = r.face.map_or("none", |f| f.face().key);
                (&text[r.range], key)
            })
            .collect()
    }

    #[test]
    fn scripts_get_their_faces_and_spaces_stay_in_the_run() {
        assert_eq!(keys("Tel Aviv"), [("Tel Aviv", "latn")]);
        assert_eq!(keys("القاهرة الجديدة"), [("القاهرة الجديدة", "arab")]);
        assert_eq!(
            keys("東京 → 大阪"),
            [("東京 ", "cjk"), ("→ ", "latn"), ("大阪", "cjk")]
        );
        assert_eq!(
            keys("Jerusalem ירושלים 2"),
            [("Jerusalem ", "latn"), ("ירושלים ", "hebr"), ("2", "latn")]
        );
        // A letter and its marks are one cluster: the Devanagari conjunct stays whole.
        assert_eq!(keys("दिल्ली"), [("दिल्ली", "deva")]);
        // Full-width punctuation of no script stays with the CJK text around it.
        assert_eq!(keys("東京・大阪"), [("東京・大阪", "cjk")]);
    }

    #[test]
    fn characters_no_font_has_are_reported_once() {
        assert_eq!(keys("a𓀀b"), [("a", "latn"), ("𓀀", "none"), ("b", "latn")]);
        assert_eq!(missing("𓀀 Luxor 𓀀 𓁐", Weight::Bold), ['𓀀', '𓁐']);
        assert!(missing("東京 القاهرة Москва Αθήνα दिल्ली กรุงเทพ 서울", Weight::Bold).is_empty());
        // Joiners and direction marks draw nothing, so they are never missing.
        assert!(missing("a\u{200D}b\u{200F}", Weight::Regular).is_empty());
    }
}
