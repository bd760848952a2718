//! `tripmap extract --explain`: a plain-text table of every decision — place, decision (stop /
//! mentioned), evidence (cue or reason, and the sentence), date and how it was derived.

use super::Extraction;

/// Widest evidence sentence excerpt, in characters.
const EXCERPT: usize = 70;

/// The table as text, one row per stop (in travel order) then one per place only mentioned.
pub fn table(x: &Extraction) -> String {
    let mut rows: Vec<[String; 5]> = vec![[
        "place".into(),
        "decision".into(),
        "evidence".into(),
        "date".into(),
        "how".into(),
    ]];
    for (i, s) in x.stops.iter().enumerate() {
        let date = match (&s.arrive, &s.depart) {
            (Some(a), Some(d)) if a.date != d.date => format!("{}..{}", a.date, d.date),
            (Some(a), _) => a.date.to_string(),
            (None, Some(d)) => format!("leaves {}", d.date),
            (None, None) => "-".into(),
        };
        let how = [&s.arrive, &s.depart]
            .into_iter()
            .flatten()
            .map(|d| d.how.clone())
            .collect::<Vec<_>>()
            .join("; ");
        let mut place = s.place.name.clone();
        if !s.replaces.is_empty() {
            place.push_str(&format!(" (for {})", s.replaces.join(", ")));
        }
        rows.push([
            place,
            format!(
                "{} {} ({:.2})",
                if x.guessed { "guess" } else { "stop" },
                i + 1,
                s.confidence
            ),
            format!("{}: \"{}\"", s.cue, excerpt(&s.evidence)),
            date,
            if how.is_empty() { "-".into() } else { how },
        ]);
    }
    for m in &x.mentioned {
        rows.push([
            m.name.clone(),
            "mentioned".into(),
            format!("{}: \"{}\"", m.reason, excerpt(&m.evidence)),
            "-".into(),
            "-".into(),
        ]);
    }
    let widths: Vec<usize> = (0..4)
        .map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for r in &rows {
        for (c, cell) in r.iter().enumerate() {
            if c < 4 {
                out.push_str(cell);
                out.push_str(&" ".repeat(widths[c] - cell.chars().count() + 2));
            } else {
                out.push_str(cell);
            }
        }
        out.push('\n');
    }
    out
}

fn excerpt(s: &str) -> String {
    if s.chars().count() <= EXCERPT {
        s.to_string()
    } else {
        let cut: String = s.chars().take(EXCERPT - 3).collect();
        format!("{cut}...")
    }
}
