//! One locator map for several layouts of `map.html`.
//!
//! The map of a city walk or of a region carries a small locator map in a corner, whose side
//! grows with the layout (96 to 170 px); drawn in full in each of five layouts, the locators
//! were a third of a walk's `map.html`. Layouts whose locators show the same ground (chosen
//! and fitted for the same points, at the same Natural Earth scale, with the same visited
//! countries) share one drawing of its basemap, made as [`super::shared_ground`] makes the
//! shared basemap: at the largest of their scales, over the union of their areas, and shown in
//! each locator through a nested `<svg>`. The background, the main map's extent and the frame
//! stay each layout's own.
//!
//! In: the layouts. Out: the `<defs>` content and, per layout, the [`Swap`] placing it.

use super::shared_ground::{draw_union, largest_scale, shares_with};
use crate::model::LonLat;
use crate::render::svg::{self, Swap};
use crate::scene::{Item, LocatorDrawn, Scene};

/// A layout's locator: its position among the `insets` layer's items, its items, and how its
/// basemap was drawn.
struct Found<'a> {
    layout: usize,
    index: usize,
    item: &'a Item,
    items: &'a [Item],
    drawn: &'a LocatorDrawn,
}

/// The locator map of `scene`, when it has one that can be shared.
fn find(layout: usize, scene: &Scene) -> Option<Found<'_>> {
    let drawn = scene.locator.as_ref()?;
    let layer = scene.layers.iter().find(|l| l.name == "insets")?;
    layer
        .items
        .iter()
        .enumerate()
        .find_map(|(index, item)| match item {
            Item::Group {
                class: "locator-map",
                items,
            } if drawn.drawn.items.end <= items.len() && drawn.drawn.items.start >= 1 => {
                Some(Found {
                    layout,
                    index,
                    item,
                    items,
                    drawn,
                })
            }
            _ => None,
        })
}

/// Whether two locators were chosen and fitted for the same points. Every layout takes them
/// from the trip's extent, so they are equal; the tolerance (1e-9°, a tenth of a millimetre)
/// only forgives floating-point noise.
fn same_points(a: &[LonLat], b: &[LonLat]) -> bool {
    a.len() == b.len()
        && a.iter()
            .zip(b)
            .all(|(p, q)| (p.lon() - q.lon()).abs() <= 1e-9 && (p.lat() - q.lat()).abs() <= 1e-9)
}

/// The locators of `layouts` drawn once for the layouts that show the same ground, where that
/// is shorter: the `<defs>` content (ids `{p}-locator-{n}`, classes prefixed `p`: the page's
/// rules scoped to the embed do not reach into a `<use>`) and each layout's swaps (classes
/// prefixed `c`).
pub(crate) fn share((p, c): (&str, &str), layouts: &[Scene]) -> (String, Vec<Vec<Swap>>) {
    let mut swaps = vec![Vec::new(); layouts.len()];
    let mut groups: Vec<Vec<Found>> = Vec::new();
    for found in layouts.iter().enumerate().filter_map(|(i, s)| find(i, s)) {
        let same = |g: &Vec<Found>| {
            same_points(&g[0].drawn.around, &found.drawn.around)
                && shares_with(&g[0].drawn.drawn, &found.drawn.drawn)
        };
        match groups.iter_mut().find(|g| same(g)) {
            Some(g) => g.push(found),
            None => groups.push(vec![found]),
        }
    }
    let mut defs = String::new();
    for (n, group) in groups.iter().filter(|g| g.len() > 1).enumerate() {
        let id = format!("{p}-locator-{n}");
        let drawn: Vec<_> = group.iter().map(|f| &f.drawn.drawn).collect();
        let Some((shared, markup)) = draw_union(
            group[0].drawn.projection(),
            p,
            &id,
            &drawn,
            largest_scale(&drawn),
        ) else {
            continue;
        };
        let placed: Vec<String> = group
            .iter()
            .map(|f| {
                let ground = f.drawn.drawn.items.clone();
                let (bg, rest) = (&f.items[..ground.start], &f.items[ground.end..]);
                let open = svg::written(
                    c,
                    &[Item::Group {
                        class: "locator-map",
                        items: bg.to_vec(),
                    }],
                );
                let open = open.strip_suffix("</g>\n").unwrap_or(&open);
                format!(
                    "{open}{}{}</g>\n",
                    shared.place(p, &id, &f.drawn.drawn, f.drawn.origin),
                    svg::written(c, rest)
                )
            })
            .collect();
        // Shared only where that is shorter than each drawing its own.
        let own: usize = group
            .iter()
            .map(|f| svg::written(c, std::slice::from_ref(f.item)).len())
            .sum();
        if markup.len() + placed.iter().map(String::len).sum::<usize>() >= own {
            continue;
        }
        defs.push_str(&markup);
        for (f, markup) in group.iter().zip(placed) {
            swaps[f.layout].push(Swap {
                layer: "insets",
                items: f.index..f.index + 1,
                markup,
            });
        }
    }
    (defs, swaps)
}

#[cfg(test)]
mod test {
    use super::*;
    use crate::scene::MapOptions;

    #[test]
    fn points_a_rounding_apart_are_the_same_and_others_not() {
        let p = |lon, lat| LonLat::new(lon, lat).unwrap();
        let a = [p(14.4, 50.08), p(20.0, 45.0)];
        assert!(same_points(&a, &[p(14.4, 50.08 + 1e-12), p(20.0, 45.0)]));
        assert!(!same_points(&a, &[p(14.4, 50.081), p(20.0, 45.0)]));
        assert!(!same_points(&a, &a[..1]));
    }

    /// The layouts of the JSON trip `bytes` at `widths`, as `map.html` builds them for a map
    /// 960 px wide.
    fn layouts_of(bytes: &[u8], widths: &[f64]) -> Vec<Scene> {
        let trip = crate::io::read(bytes, crate::io::Format::Json).unwrap();
        let route = crate::routing::plan(&trip, crate::routing::Order::Time).unwrap();
        widths
            .iter()
            .map(|&w| {
                let o = MapOptions {
                    width_px: w,
                    detail_width_px: Some(960.0),
                    ..MapOptions::default()
                };
                crate::scene::build(&route, &o).unwrap()
            })
            .collect()
    }

    /// A regional trip (its locator's ground is not the smallest one every walk gets): the five
    /// layouts, phones to desktops, with their different shapes and scales, share one drawing.
    #[test]
    fn a_regional_trips_five_layouts_share_one_locator() {
        let layouts = layouts_of(
            include_bytes!("../../../tests/corpus/israel-south.json"),
            &[320.0, 480.0, 640.0, 960.0, 1280.0],
        );
        let p = layouts[0].prefix.clone();
        let (defs, swaps) = share((&p, &p), &layouts);
        assert_eq!(defs.matches("-locator-").count(), 1, "one drawing");
        assert!(swaps.iter().all(|s| s.len() == 1), "placed in each layout");
    }

    #[test]
    fn a_walks_locators_are_drawn_once_and_placed_in_each_layout() {
        let layouts = layouts_of(
            include_bytes!("../../../tests/corpus/prague-old-town-walk.json"),
            &[960.0, 1280.0],
        );
        let p = layouts[0].prefix.clone();
        let (defs, swaps) = share((&p, &p), &layouts);
        assert_eq!(
            defs.matches(&format!("<g id=\"{p}-locator-0\">")).count(),
            1
        );
        for (scene, swaps) in layouts.iter().zip(&swaps) {
            assert_eq!(swaps.len(), 1);
            let m = &swaps[0].markup;
            assert!(m.starts_with(&format!("<g class=\"{p}-locator-map\">\n<rect")));
            assert!(m.contains(&format!("<use href=\"#{p}-locator-0\"/></svg>")));
            // The main map's extent and the frame stay the layout's own.
            assert!(m.contains("-inset-frame") && m.contains("-extent"), "{m}");
            let own = find(0, scene).unwrap();
            assert_eq!(swaps[0].items, own.index..own.index + 1);
        }
    }
}
