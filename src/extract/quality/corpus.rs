//! The corpus: reading the texts and their itineraries, scoring them all, and the quality table
//! per text, per genre and overall.

use super::*;

/// A text of the corpus with its hand-made itinerary.
#[derive(Debug, Clone)]
pub struct CorpusText {
    /// File stem (`37-news-seed-shape`).
    pub name: String,
    /// The text.
    pub text: String,
    /// Its itinerary.
    pub expected: Expected,
    /// Kept out of tuning: the name contains `heldout`.
    pub held_out: bool,
}

/// Reads every `NAME.txt` of `dir` with its `NAME.expected.json`, sorted by name.
pub fn read_corpus(dir: &std::path::Path) -> Result<Vec<CorpusText>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut paths: Vec<std::path::PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let read = |p: &std::path::Path| {
                std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()))
            };
            let side = p.with_extension("expected.json");
            let expected: Expected = serde_json::from_str(&read(&side)?)
                .map_err(|e| format!("{}: {e}", side.display()))?;
            expected
                .check()
                .map_err(|e| format!("{}: {e}", side.display()))?;
            let name = p
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            Ok(CorpusText {
                held_out: name.contains("heldout"),
                text: read(&p)?,
                name,
                expected,
            })
        })
        .collect()
}

/// One text's score, with what the tables group it by.
#[derive(Debug, Clone)]
pub struct Scored {
    /// File stem.
    pub name: String,
    /// Genre.
    pub genre: String,
    /// Kept out of tuning.
    pub held_out: bool,
    /// Its counts.
    pub score: Score,
}

/// Extracts and scores each text (`published` from its itinerary).
pub fn score_corpus(texts: &[CorpusText], index: &dyn crate::extract::PlaceIndex) -> Vec<Scored> {
    texts
        .iter()
        .map(|t| {
            let options = crate::extract::Options {
                published: t.expected.published,
            };
            let score = match crate::extract::extract(&t.text, &options, index) {
                Ok(got) => score(&got, &t.expected),
                Err(_) => score_stops(&[], &t.expected),
            };
            Scored {
                name: t.name.clone(),
                genre: t.expected.genre.clone(),
                held_out: t.held_out,
                score,
            }
        })
        .collect()
}

/// A plain-text table: one row per text (when `per_text`), then one per genre and a total, for
/// the tuning texts and, separately, the held-out ones (when any are given).
pub fn table(scored: &[Scored], per_text: bool) -> String {
    let mut out = format!(
        "{:<40} {:>5} {:>4} {:>4}  {:>5} {:>5} {:>5} {:>5}  {:>7} {:>5}\n",
        "text", "texts", "exp", "got", "P", "R", "F1", "order", "dates", "guess"
    );
    let row = |out: &mut String, name: &str, s: &Score| {
        out.push_str(&format!(
            "{:<40} {:>5} {:>4} {:>4}  {:>5.2} {:>5.2} {:>5.2} {:>5.2}  {:>3}/{:<3} {:>5}\n",
            name,
            s.texts,
            s.expected,
            s.found,
            s.precision(),
            s.recall(),
            s.mean_f1(),
            s.mean_order(),
            s.dates_right,
            s.dates_given,
            s.guessed
        ));
    };
    for (held_out, label) in [(false, "tuning"), (true, "held-out")] {
        let part: Vec<&Scored> = scored.iter().filter(|s| s.held_out == held_out).collect();
        if part.is_empty() {
            continue;
        }
        if per_text {
            for s in &part {
                row(&mut out, &s.name, &s.score);
            }
        }
        let mut genres: Vec<&str> = part.iter().map(|s| s.genre.as_str()).collect();
        genres.sort_unstable();
        genres.dedup();
        let mut total = Score::default();
        for g in genres {
            let mut sum = Score::default();
            for s in part.iter().filter(|s| s.genre == g) {
                sum.add(&s.score);
            }
            total.add(&sum);
            row(&mut out, &format!("{label}: {g}"), &sum);
        }
        row(&mut out, &format!("{label}: all"), &total);
    }
    out
}
