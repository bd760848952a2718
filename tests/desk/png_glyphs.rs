//! Check 10 in `map.png`: every character of every text has a glyph in the fonts resvg draws the
//! PNG with. The texts are laid out by usvg with the very options `tripmap::render::png` draws
//! with (`render::png::usvg_options`: the bundled fonts, usvg's fallback through every one of
//! them); a glyph usvg could not find has glyph id 0, and is drawn as nothing or a box.

use resvg::usvg;
use std::collections::BTreeMap;

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// For each `(class, text)` styled by the map's style sheet `css` (classes prefixed `prefix`),
/// the characters the PNG cannot draw (empty when it draws them all).
pub fn missing(
    prefix: &str,
    css: &str,
    texts: &[(String, String)],
) -> BTreeMap<(String, String), Vec<char>> {
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"{prefix}\" width=\"2000\" height=\"{}\"><style>{}</style>",
        20 * texts.len() + 40,
        escape(css)
    );
    for (i, (class, text)) in texts.iter().enumerate() {
        svg.push_str(&format!(
            "<text id=\"t{i}\" class=\"{prefix}-{class}\" x=\"10\" y=\"{}\">{}</text>",
            20 * i + 20,
            escape(text)
        ));
    }
    svg.push_str("</svg>");
    let tree = usvg::Tree::from_str(&svg, &tripmap::render::png::usvg_options())
        .expect("the text sheet parses");
    let mut out: BTreeMap<(String, String), Vec<char>> =
        texts.iter().map(|t| (t.clone(), Vec::new())).collect();
    fn visit(
        g: &usvg::Group,
        texts: &[(String, String)],
        out: &mut BTreeMap<(String, String), Vec<char>>,
    ) {
        for n in g.children() {
            match n {
                usvg::Node::Group(g) => visit(g, texts, out),
                usvg::Node::Text(t) => {
                    let Some(i) = t
                        .id()
                        .strip_prefix('t')
                        .and_then(|i| i.parse::<usize>().ok())
                    else {
                        continue;
                    };
                    let entry = out.get_mut(&texts[i]).unwrap();
                    for span in t.layouted() {
                        for g in &span.positioned_glyphs {
                            if g.id.0 == 0 {
                                for c in g.text.chars().filter(|c| !c.is_whitespace()) {
                                    if !entry.contains(&c) {
                                        entry.push(c);
                                    }
                                }
                            }
                        }
                    }
                }
                _ => {}
            }
        }
    }
    visit(tree.root(), texts, &mut out);
    out
}
