//! The archive's JSON metadata and the attribution in it, as plain text for a source line.

use super::error::Problem;

/// Parses metadata bytes: a JSON object.
pub fn parse(json: &[u8]) -> Result<serde_json::Map<String, serde_json::Value>, Problem> {
    match serde_json::from_slice::<serde_json::Value>(json) {
        Ok(serde_json::Value::Object(map)) => Ok(map),
        Ok(other) => Err(Problem::BadMetadata(format!("found {}", kind(&other)))),
        Err(e) => Err(Problem::BadMetadata(e.to_string())),
    }
}

fn kind(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

/// `attribution` as plain text: Protomaps and OpenMapTiles builds store HTML links
/// (`<a href="https://www.openstreetmap.org/copyright">&copy; OpenStreetMap</a>`); tags are
/// dropped, the common entities decoded and white space collapsed. `None` when missing or
/// empty.
pub fn attribution(metadata: &serde_json::Map<String, serde_json::Value>) -> Option<String> {
    let html = metadata.get("attribution")?.as_str()?;
    let text = plain_text(html);
    (!text.is_empty()).then_some(text)
}

/// HTML to plain text: tags removed, entities `&copy; &amp; &lt; &gt; &quot; &#39; &nbsp;` and
/// numeric ones decoded, runs of white space made one space.
fn plain_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(c) = rest.chars().next() {
        if c == '<' {
            rest = rest.find('>').map_or("", |i| &rest[i + 1..]);
            out.push(' ');
            continue;
        }
        if c == '&'
            && let Some(end) = rest[..rest.len().min(12)].find(';')
        {
            let decoded = match &rest[1..end] {
                "copy" => Some('©'),
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" | "#39" => Some('\''),
                "nbsp" => Some(' '),
                n if n.starts_with("#x") || n.starts_with("#X") => u32::from_str_radix(&n[2..], 16)
                    .ok()
                    .and_then(char::from_u32),
                n if n.starts_with('#') => n[1..].parse().ok().and_then(char::from_u32),
                _ => None,
            };
            if let Some(d) = decoded {
                out.push(d);
                rest = &rest[end + 1..];
                continue;
            }
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn html_attribution_becomes_plain_text() {
        let m = parse(
            br#"{"attribution": "<a href=\"https://www.openstreetmap.org/copyright\" target=\"_blank\">&copy; OpenStreetMap</a> <a href='x'>&#169;&nbsp;Protomaps</a>"}"#,
        )
        .unwrap();
        assert_eq!(
            attribution(&m).as_deref(),
            Some("© OpenStreetMap © Protomaps")
        );
        let m = parse(br#"{"attribution": "AT&T & friends"}"#).unwrap();
        assert_eq!(attribution(&m).as_deref(), Some("AT&T & friends"));
        assert_eq!(attribution(&parse(b"{}").unwrap()), None);
    }

    #[test]
    fn metadata_must_be_an_object() {
        assert!(parse(b"[1]").unwrap_err().to_string().contains("an array"));
        assert!(parse(b"{").is_err());
    }
}
