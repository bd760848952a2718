//! Drawings that several layouts of `map.html` draw alike, written once.
//!
//! A locator map of the same size in the same corner of two layouts is the same markup in
//! both. Any item of a layout (outside what [`super::shared_ground`] already shares) whose
//! markup another layout repeats exactly, and which is long enough to be worth it, is written
//! once into the hidden `<defs>` and placed by a `<use>` in each. Items holding text, ids,
//! masks or `data-` tags stay in each layout, where the browser's text checks, the animation
//! and readers of the tags find them.
//!
//! In: the layouts and what is already swapped in them. Out: the `<defs>` content and, per
//! layout, the [`Swap`]s placing it.

use crate::render::svg::{self, Swap};
use crate::scene::Scene;
use std::collections::HashMap;

/// Where an item is: its layout, its layer's name and its position in the layer.
type Place = (usize, &'static str, usize);

/// The least markup worth writing once for several layouts, bytes.
const MIN_BYTES: usize = 512;

/// Whether `markup` can be drawn through a `<use>` elsewhere, and is worth it.
fn shareable(markup: &str) -> bool {
    markup.len() >= MIN_BYTES
        && !["<text", " id=", "mask=", "data-"]
            .iter()
            .any(|t| markup.contains(t))
}

/// The items of `layouts` that two or more of them write alike, left out where `taken` already
/// swaps items: the `<defs>` content holding each once (ids `{p}-same-{n}`, classes prefixed
/// `p`: the page's rules scoped to the embed do not reach into a `<use>`), and each layout's
/// swaps placing them.
pub(crate) fn share(p: &str, layouts: &[Scene], taken: &[Vec<Swap>]) -> (String, Vec<Vec<Swap>>) {
    // Each markup, in the order first seen, with where it is: (layout, layer, item).
    let mut seen: Vec<(String, Vec<Place>)> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for (i, scene) in layouts.iter().enumerate() {
        let swaps = taken.get(i).map_or(&[][..], Vec::as_slice);
        for layer in &scene.layers {
            for (k, item) in layer.items.iter().enumerate() {
                if swaps
                    .iter()
                    .any(|s| s.layer == layer.name && s.items.contains(&k))
                {
                    continue;
                }
                let markup = svg::written(p, std::slice::from_ref(item));
                if !shareable(&markup) {
                    continue;
                }
                let n = *index.entry(markup.clone()).or_insert_with(|| {
                    seen.push((markup, Vec::new()));
                    seen.len() - 1
                });
                seen[n].1.push((i, layer.name, k));
            }
        }
    }
    let mut defs = String::new();
    let mut swaps = vec![Vec::new(); layouts.len()];
    let mut n = 0;
    for (markup, places) in seen {
        if places.len() < 2 {
            continue;
        }
        let id = format!("{p}-same-{n}");
        n += 1;
        defs.push_str(&format!("<g id=\"{id}\">\n{markup}</g>\n"));
        for (i, layer, k) in places {
            swaps[i].push(Swap {
                layer,
                items: k..k + 1,
                markup: format!("<use href=\"#{id}\"/>\n"),
            });
        }
    }
    (defs, swaps)
}

#[cfg(test)]
mod test {
    use super::*;
    use crate::scene::{Item, Layer, Rect, Theme};

    fn scene(items: Vec<Item>) -> Scene {
        Scene {
            width: 100.0,
            height: 100.0,
            prefix: "tm".into(),
            theme: Theme::default(),
            title: String::new(),
            desc: String::new(),
            layers: vec![Layer {
                name: "insets",
                offset: (0.0, 0.0),
                items,
            }],
            natural_earth: None,
            locator: None,
        }
    }

    fn path(dx: f64) -> Item {
        Item::Path {
            class: "land",
            parts: vec![
                (0..300)
                    .map(|i| (i as f64 + dx, (i * i % 7) as f64))
                    .collect(),
            ],
            closed: true,
        }
    }

    #[test]
    fn a_drawing_two_layouts_repeat_is_written_once() {
        let small = Item::Rect {
            class: "inset-bg",
            rect: Rect::new(0.0, 0.0, 10.0, 10.0),
        };
        let layouts = [
            scene(vec![small.clone(), path(0.0)]),
            scene(vec![path(1.0)]),
            scene(vec![small, path(0.0)]),
        ];
        let (defs, swaps) = share("tm", &layouts, &[]);
        assert_eq!(defs.matches("<g id=").count(), 1, "{defs}");
        assert!(defs.starts_with("<g id=\"tm-same-0\">\n<path class=\"tm-land\""));
        // The first and last layouts use it in place of their path; the small rect and the
        // path drawn elsewhere stay.
        assert_eq!(swaps[0].len(), 1);
        assert_eq!(swaps[0][0].items, 1..2);
        assert_eq!(swaps[0][0].markup, "<use href=\"#tm-same-0\"/>\n");
        assert!(swaps[1].is_empty());
        assert_eq!(swaps[2], swaps[0]);
        // What is already swapped is left alone.
        let taken = vec![swaps[0].clone(), Vec::new(), Vec::new()];
        assert!(share("tm", &layouts, &taken).0.is_empty());
    }

    #[test]
    fn texts_ids_masks_and_tags_are_not_shared() {
        let long = "x".repeat(MIN_BYTES);
        assert!(shareable(&format!("<path d=\"{long}\"/>")));
        assert!(!shareable("<path d=\"M0 0\"/>"));
        for t in ["<text", " id=", "mask=", "data-"] {
            assert!(!shareable(&format!("<g{t}>{long}</g>")), "{t}");
        }
    }
}
