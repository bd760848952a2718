//! A [`Colouring`] applied to a scene: every leg line, its arrowhead and every marker or dot
//! that stands for a stop is wrapped in a group painted its colour. The style sheet makes those
//! items take the group's colour (`inherit`) instead of the theme's route colour; labels,
//! leaders and frames keep theirs.

use super::Colouring;
use crate::scene::{Item, Layer, Tag};

/// The class of the group around painted items; the style sheet's `inherit` rules hang on it.
pub(crate) const PAINT_CLASS: &str = "paint";

/// `item` drawn in `colour` (a `#rrggbb` from the palettes).
pub(crate) fn paint_item(colour: &str, item: Item) -> Item {
    Item::Group {
        class: PAINT_CLASS,
        items: vec![Item::Painted {
            css: format!("fill:{colour};stroke:{colour}"),
            items: vec![item],
        }],
    }
}

/// Paints the route, stops and insets layers of a scene with `c`'s colours.
pub(crate) fn paint_layers(layers: &mut [Layer], c: &Colouring) {
    for layer in layers
        .iter_mut()
        .filter(|l| matches!(l.name, "route" | "stops" | "insets"))
    {
        paint_items(&mut layer.items, c);
    }
}

/// Paints the tagged items of `items` (and of the groups among them); an arrowhead takes the
/// colour of the leg line just before it.
fn paint_items(items: &mut [Item], c: &Colouring) {
    let mut last_leg: Option<&'static str> = None;
    for item in items.iter_mut() {
        let colour = match item {
            Item::Tagged {
                tag: Tag::Leg(n), ..
            } => {
                last_leg = c.legs.get(n.wrapping_sub(1)).copied().flatten();
                last_leg
            }
            Item::Tagged {
                tag: Tag::Stops(stops),
                item: inner,
            } => {
                last_leg = None;
                let first = stops.first().map_or(usize::MAX, |s| s.wrapping_sub(1));
                if let Some(ring) = c.rings.get(first).copied().flatten() {
                    add_ring(inner, ring);
                }
                c.stops.get(first).copied().flatten()
            }
            Item::Path { class, .. } if class.starts_with("arrow") => last_leg.take(),
            Item::Group { items, .. } => {
                last_leg = None;
                paint_items(items, c);
                None
            }
            _ => {
                last_leg = None;
                None
            }
        };
        if let Some(colour) = colour {
            let taken = std::mem::replace(
                item,
                Item::Group {
                    class: PAINT_CLASS,
                    items: Vec::new(),
                },
            );
            *item = paint_item(colour, taken);
        }
    }
}

/// Puts a ring of class `ring` around the disc of `marker` (a numbered marker's group; other
/// items are left as they are): the marker style of a trip.
fn add_ring(marker: &mut Item, ring: &'static str) {
    let Item::Group {
        class: "marker",
        items,
    } = marker
    else {
        return;
    };
    let disc = items.iter().find_map(|i| match i {
        Item::Circle {
            class: "marker-dot",
            c,
            r,
        } => Some((*c, *r)),
        _ => None,
    });
    if let Some((c, r)) = disc {
        items.insert(
            0,
            Item::Circle {
                class: ring,
                c,
                r: r + RING_GAP_PX,
            },
        );
    }
}

/// How far a trip's ring lies outside its marker's disc, pixels.
pub(crate) const RING_GAP_PX: f64 = 3.0;

#[cfg(test)]
mod test {
    use super::*;
    use crate::scene::colour::ColourBy;

    fn leg(n: usize) -> Item {
        Item::Path {
            class: "leg",
            parts: vec![vec![(0.0, 0.0), (1.0, 1.0)]],
            closed: false,
        }
        .tagged(Tag::Leg(n))
    }

    fn arrow() -> Item {
        Item::Path {
            class: "arrow-flight",
            parts: vec![vec![(0.0, 0.0), (1.0, 1.0), (0.0, 1.0)]],
            closed: true,
        }
    }

    fn colour_of(item: &Item) -> Option<&str> {
        match item {
            Item::Group { class, items } if *class == PAINT_CLASS => match &items[0] {
                Item::Painted { css, .. } => css.strip_prefix("fill:")?.split(';').next(),
                _ => None,
            },
            _ => None,
        }
    }

    #[test]
    fn legs_their_arrows_and_markers_take_their_colours() {
        let c = Colouring {
            by: ColourBy::Leg,
            stops: vec![None, Some("#111111"), Some("#222222")],
            legs: vec![Some("#111111"), Some("#222222")],
            legend: Vec::new(),
            modes: Vec::new(),
            rings: Vec::new(),
        };
        let marker = |s: usize| {
            Item::Circle {
                class: "marker-dot",
                c: (0.0, 0.0),
                r: 8.0,
            }
            .tagged(Tag::Stops(vec![s]))
        };
        let mut layers = vec![
            Layer {
                name: "route",
                offset: (0.0, 0.0),
                items: vec![leg(1), arrow(), leg(2), arrow()],
            },
            Layer {
                name: "stops",
                offset: (0.0, 0.0),
                items: vec![marker(1), marker(2), marker(3)],
            },
            Layer {
                name: "labels",
                offset: (0.0, 0.0),
                items: vec![marker(3)],
            },
        ];
        paint_layers(&mut layers, &c);
        let route: Vec<Option<&str>> = layers[0].items.iter().map(colour_of).collect();
        assert_eq!(
            route,
            [
                Some("#111111"),
                Some("#111111"),
                Some("#222222"),
                Some("#222222")
            ]
        );
        let stops: Vec<Option<&str>> = layers[1].items.iter().map(colour_of).collect();
        assert_eq!(stops, [None, Some("#111111"), Some("#222222")]);
        assert_eq!(colour_of(&layers[2].items[0]), None, "labels keep theirs");
    }
}
