//! Check 10 in `map.png`: every character of every text has a glyph in the fonts resvg draws the
//! PNG with. The texts are laid out by usvg exactly as `tripmap::render::png` does (the same
//! bundled fonts from `data/fonts/`, every generic family mapped to DejaVu Sans, usvg's own
//! fallback through every loaded font); a glyph usvg could not find has glyph id 0, and is
//! drawn as nothing or a box.

use resvg::usvg;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

/// The family `tripmap::render::png` maps every generic family to.
const FAMILY: &str = "DejaVu Sans";

/// The PNG's font database: every font file in `data/fonts/`, as `render::png` bundles them.
pub fn fonts(root: &Path) -> Arc<usvg::fontdb::Database> {
    let mut db = usvg::fontdb::Database::new();
    let mut files: Vec<_> = std::fs::read_dir(root.join("data/fonts"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.extension()
                .is_some_and(|e| matches!(e.to_str(), Some("ttf" | "otf" | "ttc")))
        })
        .collect();
    files.sort();
    for f in files {
        db.load_font_data(std::fs::read(f).unwrap());
    }
    db.set_sans_serif_family(FAMILY);
    db.set_serif_family(FAMILY);
    db.set_monospace_family(FAMILY);
    db.set_cursive_family(FAMILY);
    db.set_fantasy_family(FAMILY);
    Arc::new(db)
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// For each `(class, text)` styled by the map's style sheet `css` (classes prefixed `prefix`),
/// the characters the PNG cannot draw (empty when it draws them all).
pub fn missing(
    db: &Arc<usvg::fontdb::Database>,
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
    let options = usvg::Options {
        font_family: FAMILY.to_string(),
        fontdb: db.clone(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(&svg, &options).expect("the text sheet parses");
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
