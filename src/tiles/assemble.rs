//! The tiles' pieces made one view: polygons clipped to the frame and oriented, lines joined
//! across tiles by class (streets by name too) and clipped, everything simplified to the pixel
//! grid; street, place and water names offered as labels with a rank.

use std::collections::{BTreeMap, BTreeSet};

use super::merge;
use super::read_tile::{Line, NamedPoint, Pieces};
use super::schema::{BoundaryKind, Class, LanduseKind, PlaceKind, RoadClass};
use super::view::{LabelAnchor, LabelKind, TileLabel, TileView};
use crate::basemap::PixelPath;
use crate::basemap::simplify;
use crate::geometry::{self, Bounds};
use crate::projection::{Fitted, Projection};

/// Pixels beyond the frame that geometry is kept to, so strokes and fills reach the edge.
const MARGIN_PX: f64 = 2.0;
/// Street labels are offered for lines at least this long, pixels.
const MIN_STREET_LABEL_PX: f64 = 24.0;

/// Lines grouped for joining: by class, and streets by name.
type LineGroups = BTreeMap<(LineKey, Option<String>), Vec<Line>>;

/// Clips, simplifies, joins and sorts the tiles' pieces into a view.
pub(super) fn assemble<P: Projection>(
    pieces: Vec<Pieces>,
    map: &Fitted<P>,
    map_zoom: f64,
) -> TileView {
    let (w, h) = (map.width_px(), map.height_px());
    let bx = Bounds::new(-MARGIN_PX, -MARGIN_PX, w + MARGIN_PX, h + MARGIN_PX);
    let mut view = TileView::default();
    let mut landuse: Vec<(LanduseKind, PixelPath)> = Vec::new();
    let mut lines: LineGroups = BTreeMap::new();
    let mut points: Vec<NamedPoint> = Vec::new();
    for tile in pieces {
        for (class, rings) in tile.polygons {
            let paths = polygon_paths(&rings, bx);
            match class {
                Class::Earth => view.earth.extend(paths),
                Class::Water => view.water.extend(paths),
                Class::Building => view.buildings.extend(paths),
                Class::Landuse(k) => landuse.extend(paths.into_iter().map(|p| (k, p))),
                _ => {}
            }
        }
        for (class, name, line) in tile.lines {
            let Some(key) = LineKey::of(class) else {
                continue;
            };
            // Only streets keep their names apart; other lines join by class alone.
            let name = if matches!(key, LineKey::Road(_)) {
                name
            } else {
                None
            };
            lines.entry((key, name)).or_default().push(line);
        }
        points.extend(tile.points);
    }
    landuse.sort_by_key(|(k, _)| *k);
    view.landuse = landuse;
    add_lines(&mut view, lines, bx, map_zoom);
    add_point_labels(&mut view, points, (w, h));
    view.labels.sort_by(|a, b| {
        (a.rank, a.kind, &a.text)
            .cmp(&(b.rank, b.kind, &b.text))
            .then_with(|| anchor_length(&b.anchor).total_cmp(&anchor_length(&a.anchor)))
    });
    view
}

/// Joins each group of lines, clips to `bx` and simplifies: roads (and their names as labels,
/// where the class is labelled at `map_zoom` and the line long enough), waterways, boundaries.
fn add_lines(view: &mut TileView, lines: LineGroups, bx: Bounds, map_zoom: f64) {
    for ((key, name), group) in lines {
        for line in merge::join(group) {
            for run in geometry::clip_polyline(&line, bx) {
                let Some(path) = simplify::to_path(&run, false) else {
                    continue;
                };
                match key {
                    LineKey::Road(class) => {
                        if let Some(name) = &name
                            && class.min_label_zoom() <= map_zoom
                            && geometry::length(&path.points) >= MIN_STREET_LABEL_PX
                        {
                            view.labels.push(TileLabel {
                                text: name.clone(),
                                kind: LabelKind::Street,
                                rank: rank(class.min_label_zoom()),
                                anchor: LabelAnchor::Line(path.clone()),
                            });
                        }
                        view.roads.push((class, path));
                    }
                    LineKey::Waterway => view.waterways.push(path),
                    LineKey::Boundary(kind) => view.boundaries.push((kind, path)),
                }
            }
        }
    }
    // Smallest class first, so larger roads are drawn over smaller ones (stable: within a
    // class, the order of names).
    view.roads.sort_by_key(|(class, _)| *class);
}

/// Place and water names at their points inside the `w` × `h` frame, each once.
fn add_point_labels(view: &mut TileView, points: Vec<NamedPoint>, (w, h): (f64, f64)) {
    let mut seen = BTreeSet::new();
    for (class, text, min_zoom, (x, y)) in points {
        if !(0.0..=w).contains(&x) || !(0.0..=h).contains(&y) {
            continue;
        }
        let (kind, default_zoom) = match class {
            Class::Place(PlaceKind::Country) => (LabelKind::Place, 3.0),
            Class::Place(PlaceKind::Region) => (LabelKind::Place, 5.0),
            Class::Place(PlaceKind::Locality) => (LabelKind::Place, 8.0),
            Class::Place(PlaceKind::Neighbourhood) => (LabelKind::Place, 12.0),
            _ => (LabelKind::Water, 14.0),
        };
        if !seen.insert((kind, text.clone())) {
            continue;
        }
        view.labels.push(TileLabel {
            text,
            kind,
            rank: rank(min_zoom.unwrap_or(default_zoom)),
            anchor: LabelAnchor::Point(geometry::round_pt((x, y))),
        });
    }
}

/// How lines are grouped for joining.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum LineKey {
    Road(RoadClass),
    Waterway,
    Boundary(BoundaryKind),
}

impl LineKey {
    fn of(class: Class) -> Option<LineKey> {
        match class {
            Class::Road(r) => Some(LineKey::Road(r)),
            Class::Water => Some(LineKey::Waterway),
            Class::Boundary(b) => Some(LineKey::Boundary(b)),
            _ => None,
        }
    }
}

/// A polygon's rings clipped to `bx`, oriented (exterior clockwise on screen, holes
/// anticlockwise), simplified; rings that vanish are dropped.
fn polygon_paths(rings: &[Vec<(f64, f64)>], bx: Bounds) -> Vec<PixelPath> {
    let mut out = Vec::new();
    for (i, ring) in rings.iter().enumerate() {
        let mut clipped = geometry::clip_ring(ring, bx);
        if clipped.len() < 3 {
            continue;
        }
        let clockwise = area2(&clipped) > 0.0;
        if clockwise != (i == 0) {
            clipped.reverse();
        }
        out.extend(simplify::to_path(&clipped, true));
    }
    out
}

/// Twice the signed area, positive when clockwise on screen (y down).
fn area2(r: &[(f64, f64)]) -> f64 {
    let n = r.len();
    (0..n)
        .map(|i| r[i].0 * r[(i + 1) % n].1 - r[(i + 1) % n].0 * r[i].1)
        .sum()
}

fn anchor_length(a: &LabelAnchor) -> f64 {
    match a {
        LabelAnchor::Point(_) => 0.0,
        LabelAnchor::Line(p) => geometry::length(&p.points),
    }
}

fn rank(zoom: f64) -> u32 {
    (zoom.max(0.0) * 10.0).round() as u32
}
