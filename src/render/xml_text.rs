//! Text for XML writers: escaping (shared by the KML, GPX and SVG writers) and the KML and GPX
//! writers' number and time formats.

use crate::model::When;
use jiff::tz::TimeZone;

/// Appends `s` to `out` as XML character data or an attribute value: `& < > " '` escaped,
/// characters XML 1.0 forbids dropped (C0 controls but tab, newline and return; U+FFFE, U+FFFF).
pub fn escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            '\u{0}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
}

/// `s` escaped (see [`escape_into`]), safe in element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    escape_into(&mut out, s);
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
        assert_eq!(
            escape("<script>\"'&amp;]]><!--\u{0}\u{1b}\u{FFFF}ok\t"),
            "&lt;script&gt;&quot;&apos;&amp;amp;]]&gt;&lt;!--ok\t"
        );
        assert_eq!(escape("תל אביב 🇮🇱"), "תל אביב 🇮🇱");
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
