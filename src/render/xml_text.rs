//! Text for XML writers: escaping and number formatting shared by the KML and GPX writers.

use crate::model::When;
use jiff::tz::TimeZone;

/// `text` with `&`, `<`, `>`, `"` and `'` escaped, safe in element content and attribute values.
/// Characters XML 1.0 forbids (control characters other than tab, newline, carriage return)
/// are dropped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

/// A coordinate in degrees with 6 decimals (about 0.1 m), without trailing zeros; never `-0`.
pub fn degrees(v: f64) -> String {
    let r = (v * 1e6).round() / 1e6;
    let r = if r == 0.0 { 0.0 } else { r };
    let s = format!("{r:.6}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.to_string()
}

/// An `xsd:dateTime` (or `xsd:date` for a calendar day) for a `When`: an instant as written
/// (with its offset), a local time as an instant in `tz` when the zone is known, else as a
/// wall-clock time with no offset.
pub fn xsd_time(w: &When, tz: Option<&TimeZone>) -> String {
    match (w, tz) {
        (When::Local(dt), Some(tz)) => match tz.to_ambiguous_zoned_datetime(*dt).compatible() {
            Ok(z) => z.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string(),
            Err(_) => w.to_string(),
        },
        _ => w.to_string(),
    }
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_control_characters() {
        assert_eq!(
            escape("A & B <c> \"d\" 'e'\u{1}"),
            "A &amp; B &lt;c&gt; &quot;d&quot; &apos;e&apos;"
        );
    }

    #[test]
    fn formats_degrees() {
        assert_eq!(degrees(35.9106), "35.9106");
        assert_eq!(degrees(-0.0000001), "0");
        assert_eq!(degrees(10.0), "10");
    }

    #[test]
    fn local_times_get_their_zone() {
        let tz = TimeZone::get("Asia/Nicosia").unwrap();
        let w = When::parse("2023-11-05T14:00").unwrap();
        assert_eq!(xsd_time(&w, Some(&tz)), "2023-11-05T14:00:00+02:00");
        assert_eq!(xsd_time(&w, None), "2023-11-05T14:00:00");
    }
}
