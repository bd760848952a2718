//! Characters that no bundled font draws, and the warnings that name them, stop by stop.

use crate::fonts::{self, Weight};
use crate::model::Route;

/// The characters of `text` that no bundled font draws (each once, in order): `map.png` leaves
/// a gap for each, and a browser draws them only if its machine has a font for them.
pub fn missing_glyphs(text: &str) -> Vec<char> {
    fonts::missing(text, Weight::Regular)
}

/// One warning per text of the map (title, subtitle, source line, each stop's name, and its
/// note when `annotate` draws notes) that holds characters no bundled font draws, naming the
/// stop and the characters: `stop 3 "Luxor 𓀀": no bundled font has 𓀀 (U+13000); map.png
/// leaves a gap, map.svg relies on the reader's fonts`.
pub fn missing_glyph_warnings(route: &Route, annotate: bool) -> Vec<String> {
    let mut texts: Vec<(String, &str)> = Vec::new();
    let meta = &route.meta;
    for (what, text) in [
        ("title", &meta.title),
        ("subtitle", &meta.subtitle),
        ("source", &meta.source),
    ] {
        if let Some(t) = text {
            texts.push((what.to_string(), t));
        }
    }
    for (i, s) in route.stops.iter().enumerate() {
        let stop = format!("stop {} \"{}\"", i + 1, s.stop.name);
        texts.push((stop.clone(), &s.stop.name));
        if let (true, Some(note)) = (annotate, &s.stop.note) {
            texts.push((format!("{stop}, note"), note));
        }
    }
    texts
        .into_iter()
        .filter_map(|(what, text)| {
            let missing = missing_glyphs(text);
            if missing.is_empty() {
                return None;
            }
            let list: Vec<String> = missing
                .iter()
                .map(|c| format!("{c} (U+{:04X})", *c as u32))
                .collect();
            Some(format!(
                "{what}: no bundled font has {}; map.png leaves a gap, map.svg relies on the \
                 reader's fonts",
                list.join(", ")
            ))
        })
        .collect()
}
