//! Telling a trip's format from its first bytes, for standard input without `--from`: a zip
//! archive is KMZ; XML is GPX or KML by its root element; JSON is GeoJSON when its top-level
//! object has a `type` member (tripmap's own JSON has none), else tripmap's JSON; anything else
//! is CSV.

use super::{Format, json_raw, kmz};

/// The format `bytes` look like, or `None` for XML whose root is neither `<gpx>` nor `<kml>`
/// (the name of that root is returned as the error).
pub fn sniff(bytes: &[u8]) -> Result<Format, String> {
    if bytes.starts_with(kmz::ZIP_MAGIC) {
        return Ok(Format::Kmz);
    }
    let text = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let start = text.iter().position(|b| !b.is_ascii_whitespace());
    let Some(start) = start else {
        // Empty: the JSON reader says so.
        return Ok(Format::Json);
    };
    match text[start] {
        b'<' => xml_root(&text[start..]),
        b'{' => Ok(json_or_geojson(text)),
        b'[' => Ok(Format::Json),
        _ => Ok(Format::Csv),
    }
}

/// GPX or KML, by the first element's local name (after any `<?xml?>`, comment or doctype).
fn xml_root(xml: &[u8]) -> Result<Format, String> {
    let mut rest = xml;
    while let Some(i) = rest.iter().position(|&b| b == b'<') {
        let after = &rest[i + 1..];
        match after.first() {
            Some(b'?') | Some(b'!') => {
                let close: &[u8] = if after.starts_with(b"!--") {
                    b"-->"
                } else {
                    b">"
                };
                let end = after
                    .windows(close.len())
                    .position(|w| w == close)
                    .ok_or_else(|| "XML that ends before its first element".to_string())?;
                rest = &after[end + close.len()..];
            }
            _ => {
                let name: Vec<u8> = after
                    .iter()
                    .take_while(|b| !b.is_ascii_whitespace() && !matches!(b, b'>' | b'/'))
                    .copied()
                    .collect();
                let name = String::from_utf8_lossy(&name).into_owned();
                let local = name.rsplit(':').next().unwrap_or("").to_ascii_lowercase();
                return match local.as_str() {
                    "gpx" => Ok(Format::Gpx),
                    "kml" => Ok(Format::Kml),
                    _ => Err(format!(
                        "XML whose root element is <{name}>, not <gpx> or <kml>"
                    )),
                };
            }
        }
    }
    Err("XML with no element".into())
}

/// GeoJSON when the top-level object has a `type` member; tripmap's JSON otherwise (including
/// text that is not JSON at all, for the JSON reader to place the error).
fn json_or_geojson(text: &[u8]) -> Format {
    let Ok(text) = std::str::from_utf8(text) else {
        return Format::Json;
    };
    let has_type = json_raw::document(text)
        .ok()
        .filter(|doc| json_raw::kind(doc) == "an object")
        .and_then(|doc| json_raw::members(doc, text).ok())
        .is_some_and(|m| json_raw::member(&m, "type").is_some());
    if has_type {
        Format::GeoJson
    } else {
        Format::Json
    }
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn tells_each_format() {
        let cases: &[(&[u8], Format)] = &[
            (b"{\"stops\": []}", Format::Json),
            (b"\xef\xbb\xbf \n{\"title\": \"t\"}", Format::Json),
            (
                b"{\"type\": \"FeatureCollection\", \"features\": []}",
                Format::GeoJson,
            ),
            (
                b"{\"features\": [], \"type\": \"FeatureCollection\"}",
                Format::GeoJson,
            ),
            (b"name,lat,lon\nOslo,59.9,10.7\n", Format::Csv),
            (
                b"<?xml version=\"1.0\"?>\n<!-- x > y -->\n<gpx version=\"1.1\">",
                Format::Gpx,
            ),
            (
                b"<kml xmlns=\"http://www.opengis.net/kml/2.2\">",
                Format::Kml,
            ),
            (b"<?xml version=\"1.0\"?><kml:kml>", Format::Kml),
            (b"PK\x03\x04rest", Format::Kmz),
            (b"", Format::Json),
        ];
        for (bytes, want) in cases {
            assert_eq!(
                sniff(bytes),
                Ok(*want),
                "{}",
                String::from_utf8_lossy(bytes)
            );
        }
        assert!(sniff(b"<svg></svg>").unwrap_err().contains("<svg>"));
    }
}
