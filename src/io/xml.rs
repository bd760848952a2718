//! Small helpers shared by the XML readers (GPX, KML): parsing with located errors, and finding
//! children by local name so that files with or without a namespace prefix read the same.

use crate::error::Error;
use roxmltree::{Document, Node};

/// Parses XML; a syntax error names its line and column. DTDs are refused (no entity expansion).
pub(crate) fn parse(text: &str) -> Result<Document<'_>, Error> {
    Document::parse(text).map_err(|e| {
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
    })
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
    fn a_dtd_is_refused_so_entities_cannot_blow_up() {
        let bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE gpx [<!ENTITY a \"aaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>\n<gpx>&b;</gpx>";
        let e = parse(bomb).unwrap_err();
        assert!(e.to_string().contains("malformed XML"), "{e}");
    }
}
