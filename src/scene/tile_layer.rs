//! A street-level [`TileView`] as scene items: land, land use, water, roads by class (casings
//! under the larger ones), buildings and boundaries, in one `streets` group whose class tells
//! the style sheet how wide roads are at this scale. Labels are [`super::tile_labels`]'s.

use super::Item;
use crate::basemap::PixelPath;
use crate::tiles::{LanduseKind, RoadClass, TileView};

/// From this map zoom on, roads are drawn at their full widths (a street map of a few km at
/// 960 px); below, the `streets-far` group draws them thinner.
const FULL_WIDTH_ZOOM: f64 = 14.5;

/// The street basemap's items: one group, bottom first.
pub(crate) fn tile_layer(view: &TileView) -> Vec<Item> {
    let mut items = Vec::new();
    push(&mut items, "st-earth", view.earth.iter(), true);
    for (class, kinds) in LANDUSE {
        let paths = view
            .landuse
            .iter()
            .filter(|(k, _)| kinds.contains(k))
            .map(|(_, p)| p);
        push(&mut items, class, paths, true);
    }
    push(&mut items, "st-water", view.water.iter(), true);
    push(&mut items, "st-waterway", view.waterways.iter(), false);
    let roads = |classes: &'static [RoadClass]| {
        view.roads
            .iter()
            .filter(move |(c, _)| classes.contains(c))
            .map(|(_, p)| p)
    };
    // Casings first, so that crossing streets of one class join without a seam.
    push(
        &mut items,
        "st-casing",
        roads(&[RoadClass::Major, RoadClass::Highway]),
        false,
    );
    for (class, road) in ROADS {
        push(&mut items, class, roads(road), false);
    }
    push(&mut items, "st-building", view.buildings.iter(), true);
    push(
        &mut items,
        "st-boundary",
        view.boundaries.iter().map(|(_, p)| p),
        false,
    );
    let class = if view.map_zoom >= FULL_WIDTH_ZOOM {
        "streets"
    } else {
        "streets-far"
    };
    vec![Item::Group { class, items }]
}

/// Land use kinds by the class that colours them.
const LANDUSE: [(&str, &[LanduseKind]); 4] = [
    (
        "st-green",
        &[
            LanduseKind::Park,
            LanduseKind::Forest,
            LanduseKind::Grass,
            LanduseKind::Cemetery,
            LanduseKind::Sport,
            LanduseKind::Wetland,
            LanduseKind::Farmland,
        ],
    ),
    ("st-bare", &[LanduseKind::Bare]),
    (
        "st-built",
        &[
            LanduseKind::Residential,
            LanduseKind::Commercial,
            LanduseKind::Education,
            LanduseKind::Hospital,
            LanduseKind::Other,
        ],
    ),
    ("st-square", &[LanduseKind::Pedestrian]),
];

/// Road classes by style, in drawing order (smaller under larger).
const ROADS: [(&str, &[RoadClass]); 6] = [
    ("st-path", &[RoadClass::Path]),
    ("st-service", &[RoadClass::Service]),
    ("st-minor", &[RoadClass::Minor]),
    ("st-rail", &[RoadClass::Rail]),
    ("st-major", &[RoadClass::Major]),
    ("st-highway", &[RoadClass::Highway]),
];

/// One path item of `class` from `paths`, if there are any.
fn push<'a>(
    items: &mut Vec<Item>,
    class: &'static str,
    paths: impl Iterator<Item = &'a PixelPath>,
    closed: bool,
) {
    let parts: Vec<Vec<(f64, f64)>> = paths.map(|p| p.points.clone()).collect();
    if !parts.is_empty() {
        items.push(Item::Path {
            class,
            parts,
            closed,
        });
    }
}

#[cfg(test)]
mod test {
    use super::*;

    fn path(points: &[(f64, f64)], closed: bool) -> PixelPath {
        PixelPath {
            points: points.to_vec(),
            closed,
        }
    }

    #[test]
    fn layers_go_bottom_first_and_empty_ones_are_left_out() {
        let square = path(&[(0.0, 0.0), (10.0, 0.0), (10.0, 10.0)], true);
        let line = path(&[(0.0, 0.0), (10.0, 10.0)], false);
        let view = TileView {
            map_zoom: 15.0,
            earth: vec![square.clone()],
            water: vec![square.clone()],
            landuse: vec![(LanduseKind::Park, square.clone())],
            roads: vec![
                (RoadClass::Minor, line.clone()),
                (RoadClass::Major, line.clone()),
            ],
            ..TileView::default()
        };
        let drawn = tile_layer(&view);
        let [Item::Group { class, items }] = drawn.as_slice() else {
            panic!("one group")
        };
        assert_eq!(*class, "streets");
        let classes: Vec<&str> = items
            .iter()
            .map(|i| match i {
                Item::Path { class, .. } => *class,
                _ => "",
            })
            .collect();
        assert_eq!(
            classes,
            [
                "st-earth",
                "st-green",
                "st-water",
                "st-casing",
                "st-minor",
                "st-major"
            ]
        );
        let far = TileView {
            map_zoom: 13.0,
            ..view
        };
        assert!(matches!(
            &tile_layer(&far)[0],
            Item::Group {
                class: "streets-far",
                ..
            }
        ));
    }
}
