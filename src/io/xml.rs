//! Small helpers shared by the XML readers (GPX, KML): parsing with located errors, and finding
//! children by local name so that files with or without a namespace prefix read the same.

use crate::error::Error;
use roxmltree::{Document, Node};

/// Parses XML; a syntax error names its line and column. A `<!DOCTYPE>` is allowed when it
/// declares no entity (`<!DOCTYPE gpx>`, or one naming an external DTD, which is never fetched);
/// one with an `<!ENTITY` is refused at that declaration, so no entity is ever expanded.
pub(crate) fn parse(text: &str) -> Result<Document<'_>, Error> {
    let strict = roxmltree::ParsingOptions::default();
    match Document::parse_with_options(text, strict) {
        Err(roxmltree::Error::DtdDetected) => {
            if let Some(at) = entity_declaration(text) {
                let pos = text_pos(text, at);
                return Err(Error::Syntax {
                    line: pos.0,
                    column: pos.1,
                    message: "the DOCTYPE declares an entity; tripmap expands no XML entities (they can make a small file huge), so remove the <!ENTITY> declarations and write the text in full".into(),
                });
            }
            let lenient = roxmltree::ParsingOptions {
                allow_dtd: true,
                ..roxmltree::ParsingOptions::default()
            };
            Document::parse_with_options(text, lenient).map_err(syntax)
        }
        other => other.map_err(syntax),
    }
}

/// A roxmltree error as a located syntax error, without its own ` at 1:2` suffix.
fn syntax(e: roxmltree::Error) -> Error {
    let pos = e.pos();
    Error::Syntax {
        line: pos.row as usize,
        column: pos.col as usize,
        message: format!("malformed XML: {e}")
            .split(" at ")
            .next()
            .unwrap_or("malformed XML")
            .to_string(),
    }
}

/// The byte offset of the first `<!ENTITY` in the document's `<!DOCTYPE ...>`, if any. The
/// DOCTYPE is found after the prolog (XML declaration, comments, processing instructions); its
/// internal subset runs from `[` to the `]` that closes it, skipping quoted text and comments.
fn entity_declaration(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    let start = doctype_start(text);
    if !text[start..].starts_with("<!DOCTYPE") {
        // roxmltree saw a DOCTYPE this scan cannot find: refuse rather than guess.
        return Some(start);
    }
    let mut i = start + "<!DOCTYPE".len();
    let mut quote: Option<u8> = None;
    let mut in_subset = false;
    while i < b.len() {
        // Bytes, not `str`: `i` steps through multi-byte characters too.
        let rest = &b[i..];
        match quote {
            Some(q) if b[i] == q => quote = None,
            Some(_) => {}
            None if rest.starts_with(b"<!--") => {
                i += rest
                    .windows(3)
                    .position(|w| w == b"-->")
                    .map_or(rest.len(), |e| e + 3);
                continue;
            }
            None if in_subset && rest.starts_with(b"<!ENTITY") => return Some(i),
            None => match b[i] {
                b'"' | b'\'' => quote = Some(b[i]),
                b'[' => in_subset = true,
                b']' => in_subset = false,
                b'>' if !in_subset => return None,
                _ => {}
            },
        }
        i += 1;
    }
    None
}

/// Where the `<!DOCTYPE` starts: after a byte-order mark, spaces, the XML declaration, comments
/// and processing instructions (the only things XML allows before it); where the prolog could not
/// be followed otherwise.
fn doctype_start(text: &str) -> usize {
    let mut i = if text.starts_with('\u{feff}') { 3 } else { 0 };
    loop {
        let rest = &text[i..];
        let trimmed = rest.trim_start_matches([' ', '\t', '\r', '\n']);
        i += rest.len() - trimmed.len();
        let end = if trimmed.starts_with("<!DOCTYPE") {
            return i;
        } else if trimmed.starts_with("<!--") {
            trimmed.find("-->").map(|e| e + 3)
        } else if trimmed.starts_with("<?") {
            trimmed.find("?>").map(|e| e + 2)
        } else {
            None
        };
        match end {
            Some(e) => i += e,
            None => return i,
        }
    }
}

/// The 1-based line and column (in characters) of byte `at` in `text`.
fn text_pos(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |n| n + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// An error at the root unless it is the element `name` (`gpx`), saying the file is not `what`
/// (`a GPX document`).
pub(crate) fn expect_root(root: Node, name: &str, what: &str) -> Result<(), Error> {
    if root.tag_name().name() == name {
        return Ok(());
    }
    Err(error_at(
        root,
        format!(
            "expected {what} (<{name}>), found <{}>",
            root.tag_name().name()
        ),
    ))
}

/// The first child element called `name` (local name, any namespace).
pub(crate) fn child<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.children()
        .find(|c| c.is_element() && c.tag_name().name() == name)
}

/// Child elements called `name` (local name, any namespace).
pub(crate) fn children<'a, 'i: 'a>(
    node: Node<'a, 'i>,
    name: &'a str,
) -> impl Iterator<Item = Node<'a, 'i>> + 'a {
    node.children()
        .filter(move |c| c.is_element() && c.tag_name().name() == name)
}

/// The trimmed text of the child element `name`, when present and not blank.
pub(crate) fn child_text(node: Node, name: &str) -> Option<String> {
    let c = child(node, name)?;
    let text: String = c
        .descendants()
        .filter(|d| d.is_text())
        .filter_map(|d| d.text())
        .collect();
    let t = text.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// The 1-based line where `node` starts.
pub(crate) fn line_of(node: Node) -> usize {
    node.document().text_pos_at(node.range().start).row as usize
}

/// A syntax-style error located at `node`.
pub(crate) fn error_at(node: Node, message: impl Into<String>) -> Error {
    let pos = node.document().text_pos_at(node.range().start);
    Error::Syntax {
        line: pos.row as usize,
        column: pos.col as usize,
        message: message.into(),
    }
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn malformed_xml_names_line_and_column() {
        let e = parse("<gpx>\n  <wpt lat=\"1\" lon=\"2\">\n</gpx>").unwrap_err();
        let Error::Syntax { line, column, .. } = e else {
            panic!("{e:?}")
        };
        assert_eq!((line, column), (3, 1));
    }

    #[test]
    fn a_doctype_with_characters_of_several_bytes_is_scanned_without_a_panic() {
        // Found by the `sniff` fuzz target: the scan stepped into the middle of a character.
        assert_eq!(entity_declaration("<!DOCTYPE x \u{7d8} é 東京>"), None);
        assert_eq!(
            entity_declaration("<!DOCTYPE x [ <!-- ߘ --> \"ߘ\" <!ENTITY a \"ߘ\">]>"),
            Some(31)
        );
        assert!(parse("<!DOCTYPEi ߘ{\"stops\": ߘ").is_err());
    }

    #[test]
    fn a_dtd_with_entities_is_refused_at_the_declaration() {
        let bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE gpx [<!ENTITY a \"aaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>\n<gpx>&b;</gpx>";
        let e = parse(bomb).unwrap_err();
        let Error::Syntax {
            line,
            column,
            message,
        } = &e
        else {
            panic!("{e:?}")
        };
        assert_eq!((*line, *column), (2, 16), "{e}");
        assert!(message.contains("declares an entity"), "{e}");
        // Past comments, quoted `>` and `[` in the subset, and parameter entities.
        let sneaky = "<!-- <!DOCTYPE x> -->\n<!DOCTYPE gpx [\n  <!-- ]> -->\n  <!ATTLIST gpx v CDATA \"]>\">\n  <!ENTITY % p \"x\">\n]>\n<gpx/>";
        let e = parse(sneaky).unwrap_err();
        assert!(
            matches!(
                e,
                Error::Syntax {
                    line: 5,
                    column: 3,
                    ..
                }
            ),
            "{e:?}"
        );
    }

    #[test]
    fn a_harmless_doctype_is_allowed() {
        for ok in [
            "<?xml version=\"1.0\"?>\n<!DOCTYPE gpx>\n<gpx/>",
            "<!DOCTYPE kml PUBLIC \"-//x//y\" \"http://example.com/kml.dtd\">\n<kml/>",
            "<!DOCTYPE gpx [\n  <!ELEMENT gpx ANY>\n]>\n<gpx/>",
        ] {
            assert!(parse(ok).is_ok(), "{ok}");
        }
        // An entity it does not declare is still an error, at its place.
        let e = parse("<!DOCTYPE gpx>\n<gpx>&x;</gpx>").unwrap_err();
        assert!(matches!(e, Error::Syntax { line: 2, .. }), "{e:?}");
    }
}
