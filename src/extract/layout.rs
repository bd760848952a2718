//! What kind of line a line of text is, for texts laid out without sentences: programmes
//! (`Saturday, 2 March 2024`, `ROME – NAIROBI`, `16:00 Arrival at ...`), itineraries (`Day 2:
//! Lima – Arequipa`), tour dates (`APR 03  Lisbon, Portugal – Coliseu`), timetables (`Rosenheim
//! 12:02 12:04`) and question-and-answer pages. Such lines are segments of their own, however
//! they end; lines of hard-wrapped prose are joined.

use super::mentions::is_calendar_word;

/// The kind of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line {
    /// Ordinary prose (or a line that may be part of it).
    Prose,
    /// Only a date, maybe with a weekday and a `Day N` label: `Tuesday 31st October`.
    DateHeading,
    /// Starts with `Day N` (or `Day N-M`): `Day 2: Lima – Arequipa`, `Day 3  Stockholm, Sweden`.
    DayHeading,
    /// Starts with a date: `APR 03  Lisbon, Portugal`, `Sat 28 June – Western Force – Perth`.
    Dated,
    /// Starts with a clock time: `16:00 Arrival at ...`, `14.30 Arrival at Haneda Airport`.
    Timed,
    /// Places joined by dashes or arrows, nothing else: `ROME – NAIROBI`, `Colca – Puno`.
    Leg,
    /// A table row: cells apart by two or more spaces or a tab (`Rosenheim   12:02   12:04`).
    Row,
    /// All in capitals: a heading.
    Caps,
    /// Ends with a question mark.
    Question,
}

impl Line {
    /// True for a line laid out rather than written as prose.
    pub fn is_layout(self) -> bool {
        !matches!(self, Line::Prose | Line::Question)
    }

    /// True for a line that lists a stop by its own shape: a dated line, a day of an itinerary,
    /// a timetable row, a leg.
    pub fn lists_stops(self) -> bool {
        matches!(
            self,
            Line::Dated | Line::DayHeading | Line::Row | Line::Leg | Line::Timed
        )
    }
}

/// Words a line may end with when the next line goes on with the same sentence.
const CONTINUES: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "of", "on", "in", "at", "to", "for", "from", "with",
    "by", "via", "into", "onto", "as", "that", "his", "her", "their", "its", "our", "my", "was",
    "were", "is", "are", "will", "would", "had", "has", "have", "then", "before", "after", "until",
];

/// Words of a date heading besides the date itself.
const HEADING_WORDS: &[&str] = &["day", "the", "of", "st", "nd", "rd", "th"];

/// The words of a line: runs of letters and digits, lower case.
fn words(line: &str) -> impl Iterator<Item = String> + '_ {
    line.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// A month's name or abbreviation, lower case (`april`, `apr`).
fn is_month(w: &str) -> bool {
    is_calendar_word(w) && !is_weekday(w)
}

/// A weekday's name or abbreviation, lower case (`saturday`, `sat`).
fn is_weekday(w: &str) -> bool {
    w.ends_with("day") && is_calendar_word(w)
        || matches!(
            w,
            "mon" | "tue" | "tues" | "wed" | "thu" | "thur" | "thurs" | "fri" | "sat" | "sun"
        )
}

/// A day of the month: `3`, `03`, `31st`.
fn is_day_number(w: &str) -> bool {
    let digits: String = w.chars().take_while(char::is_ascii_digit).collect();
    let rest = &w[digits.len()..];
    !digits.is_empty()
        && digits.len() <= 2
        && matches!(rest, "" | "st" | "nd" | "rd" | "th")
        && digits.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d))
}

/// True when `w` starts with a clock time: `16:00`, `9.30`, `10am`.
fn is_clock(line: &str) -> bool {
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if !(1..=2).contains(&digits) {
        return false;
    }
    let rest = &line[digits..];
    let mut it = rest.chars();
    match it.next() {
        Some(':' | '.' | 'h') => {
            let minutes: String = it.take_while(char::is_ascii_digit).collect();
            minutes.len() == 2
        }
        Some('a' | 'p') => {
            let r = rest.to_ascii_lowercase();
            r.starts_with("am") || r.starts_with("pm")
        }
        _ => false,
    }
}

/// The words of a leading date: `Sat 28 June`, `APR 03`, `2 May`, `Nov 28-Dec 2`, `14 & 16 May`,
/// `Monday 12 May`; how many of the line's words it takes (0 when the line does not open with one).
fn leading_date(words: &[String]) -> usize {
    let mut i = 0;
    if words.first().is_some_and(|w| is_weekday(w)) {
        i = 1;
    }
    let start = i;
    // Day Month or Month Day, then more days or months (ranges) and a year.
    let mut saw_month = false;
    let mut saw_day = false;
    while let Some(w) = words.get(i) {
        if is_month(w) {
            saw_month = true;
        } else if is_day_number(w) {
            saw_day = true;
        } else if w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()) && saw_month {
            // a year
        } else {
            break;
        }
        i += 1;
    }
    if saw_month && saw_day && i > start {
        i
    } else if start == 1 && words.len() == 1 {
        1 // a weekday alone: "Tuesday"
    } else {
        0
    }
}

/// The kind of one line (without its line break).
pub fn classify(line: &str) -> Line {
    let t = line.trim();
    if t.is_empty() {
        return Line::Prose;
    }
    if is_clock(t) {
        return Line::Timed;
    }
    let ws: Vec<String> = words(t).collect();
    if ws.first().is_some_and(|w| w == "day")
        && ws
            .get(1)
            .is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()))
    {
        let rest = &ws[2..];
        let skip = rest
            .iter()
            .take_while(|w| w.chars().all(|c| c.is_ascii_digit()))
            .count();
        let date = leading_date(&rest[skip..]);
        return if date > 0 && skip + date == rest.len() {
            Line::DateHeading
        } else {
            Line::DayHeading
        };
    }
    let date = leading_date(&ws);
    if date > 0 {
        let rest_is_heading = ws[date..]
            .iter()
            .all(|w| HEADING_WORDS.contains(&w.as_str()));
        if rest_is_heading && t.chars().count() <= 40 {
            return Line::DateHeading;
        }
        // A list entry names things after its date; prose goes on in lower-case words.
        let prose_words = t
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() > 3 && w.chars().next().is_some_and(char::is_lowercase))
            .count();
        if t.chars().count() <= 100 && !ends_sentence(t) && prose_words < 2 {
            return Line::Dated;
        }
    }
    if t.ends_with('?') {
        return Line::Question;
    }
    if is_leg(t) {
        return Line::Leg;
    }
    if has_columns(t) && !ends_sentence(t) {
        return Line::Row;
    }
    let letters = t.chars().filter(|c| c.is_alphabetic()).count();
    if letters >= 4
        && t.chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
    {
        return Line::Caps;
    }
    Line::Prose
}

/// True when the line ends like a sentence.
fn ends_sentence(t: &str) -> bool {
    t.trim_end_matches(['"', '\'', ')', '\u{201d}', '\u{2019}'])
        .ends_with(['.', '!', '?'])
}

/// Two or more spaces, or a tab, between two non-blank stretches.
fn has_columns(t: &str) -> bool {
    t.contains('\t') || t.contains("  ")
}

/// The separators of a leg line: `ROME – NAIROBI`, `Lima - Arequipa`, `A → B`.
pub const LEG_SEPARATORS: &[&str] = &[" – ", " — ", " - ", " → ", " -> ", " > ", " to "];

/// `ROME – NAIROBI`, `Colca – Puno`, `ANTANANARIVO – TOAMASINA – ANTANANARIVO`: two or more short
/// capitalised parts joined by dashes or arrows, with nothing else on the line.
pub fn is_leg(t: &str) -> bool {
    let parts = leg_parts(t);
    parts.len() >= 2
        && parts.iter().all(|p| {
            let n = p.split_whitespace().count();
            (1..=4).contains(&n)
                && p.chars().next().is_some_and(char::is_uppercase)
                && !p.ends_with(['.', ',', ';', ':'])
                && p.split_whitespace()
                    .all(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()) || w.len() <= 3)
        })
}

/// The parts of a line split at leg separators (en dash, em dash, spaced hyphen, arrows).
pub fn leg_parts(t: &str) -> Vec<&str> {
    let mut parts = vec![t.trim()];
    for sep in LEG_SEPARATORS {
        if *sep == " to " {
            continue;
        }
        parts = parts
            .into_iter()
            .flat_map(|p| p.split(sep))
            .map(str::trim)
            .collect();
    }
    parts
}

/// Whether a line break after `line` ends a segment, given the next line and the paragraph's
/// longest line (in characters).
pub fn breaks_after(
    line: &str,
    line_kind: Line,
    next: &str,
    next_kind: Line,
    widest: usize,
) -> bool {
    if line_kind.is_layout() || next_kind.is_layout() || line_kind == Line::Question {
        return true;
    }
    let t = line.trim_end();
    if t.ends_with(':') {
        return true;
    }
    let last = t
        .rsplit(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or("");
    let continues = t.ends_with([',', '-', ';', '(', '\u{2013}'])
        || CONTINUES.contains(&last.to_lowercase().as_str());
    let short = t.chars().count() * 10 < widest * 6 && t.chars().count() < 60;
    let next_opens = next
        .trim_start()
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    short && !continues && next_opens
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn kinds_of_lines() {
        let cases = [
            ("Saturday, 2 March 2024", Line::DateHeading),
            ("Tuesday 31st October", Line::DateHeading),
            ("Day 1 – Sunday, 8 June 2025", Line::DateHeading),
            ("Day 2: Lima – Arequipa", Line::DayHeading),
            (
                "Day 3  Stockholm, Sweden – 08:00 to 17:00",
                Line::DayHeading,
            ),
            ("Day one of our drive took us east.", Line::Prose),
            (
                "APR 03  Lisbon, Portugal – Coliseu dos Recreios",
                Line::Dated,
            ),
            (
                "Sat 28 June – Western Force – Optus Stadium, Perth",
                Line::Dated,
            ),
            (
                "Nov 28-Dec 2: 2nd Test, Basin Reserve, Wellington",
                Line::Dated,
            ),
            ("14 & 16 May — Tokyo — Suntory Hall", Line::Dated),
            (
                "16:00 Arrival at Jomo Kenyatta International Airport",
                Line::Timed,
            ),
            ("14.30 Arrival at Haneda Airport, Tokyo", Line::Timed),
            ("ROME – NAIROBI", Line::Leg),
            ("ANTANANARIVO – TOAMASINA – ANTANANARIVO", Line::Leg),
            ("Rosenheim              12:02    12:04", Line::Row),
            ("PROGRAMME", Line::Caps),
            ("Where do they play?", Line::Question),
            ("The delegation left Oslo for Reykjavik on", Line::Prose),
            ("On May 30 we travelled to Strasbourg.", Line::Prose),
            (
                "Tuesday, March 14, and spent two nights there before flying on to",
                Line::Prose,
            ),
        ];
        for (line, kind) in cases {
            assert_eq!(classify(line), kind, "{line}");
        }
    }

    #[test]
    fn hard_wrapped_prose_joins() {
        let a = "The delegation left Oslo for Reykjavik on";
        let b = "Tuesday, March 14, and spent two nights there before flying on to";
        assert!(!breaks_after(a, classify(a), b, classify(b), 66));
        let c = "Nuuk on Thursday. From Nuuk the group travelled to Ottawa, arriving";
        let d = "on Saturday, March 18. Danish officials joined the talks in Nuuk.";
        assert!(!breaks_after(c, classify(c), d, classify(d), 66));
        // A short line without a continuation, before a capital, is a line of its own.
        let e = "Official welcome";
        let f = "Courtesy visit to the President at State House";
        assert!(breaks_after(e, classify(e), f, classify(f), 60));
    }
}
