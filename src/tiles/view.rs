//! Building a [`TileView`]: the tiles a map covers, read (in parallel) and decoded, their
//! features classified by a schema, projected to pixels, clipped to the frame, simplified to
//! the pixel grid; streets joined across tiles; labels offered with a rank.

use std::collections::BTreeMap;

use rayon::prelude::*;

use super::cover::{self, Cover};
use super::error::{Problem, TileCoord, TilesError};
use super::mvt::{self, Geometry, Properties};
use super::project::TileToPixels;
use super::schema::{BoundaryKind, Class, LanduseKind, PlaceKind, RoadClass, Schema};
use super::{Archive, merge};
use crate::basemap::PixelPath;
use crate::basemap::simplify;
use crate::geometry::{self, Bounds};
use crate::projection::{Fitted, Projection};

/// Pixels beyond the frame that geometry is kept to, so strokes and fills reach the edge.
const MARGIN_PX: f64 = 2.0;
/// Buildings are drawn from this map zoom on (about 2.6 m per pixel at 45°).
pub const BUILDINGS_FROM_ZOOM: f64 = 14.0;
/// Street labels are offered for lines at least this long, pixels.
const MIN_STREET_LABEL_PX: f64 = 24.0;

/// What a label names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LabelKind {
    /// A place: city, district, neighbourhood (a point).
    Place,
    /// A body of water (a point).
    Water,
    /// A street (along a line).
    Street,
}

/// Where a label goes.
#[derive(Debug, Clone, PartialEq)]
pub enum LabelAnchor {
    /// At a point (pixels).
    Point((f64, f64)),
    /// Along a line (the street's whole visible length, joined across tiles).
    Line(PixelPath),
}

/// A name the basemap offers to label. Always below the trip's own labels in priority.
#[derive(Debug, Clone, PartialEq)]
pub struct TileLabel {
    /// The name.
    pub text: String,
    /// What it names.
    pub kind: LabelKind,
    /// Importance, lower first: ten times the zoom from which the data shows it (a city 70,
    /// a suburb 110, a major street 120, a minor one 140), so labels can be placed in order.
    pub rank: u32,
    /// Where.
    pub anchor: LabelAnchor,
}

/// A street-level basemap in pixels, schema-neutral. Polygon rings are oriented: exteriors
/// clockwise on screen, holes anticlockwise — draw each layer as one path with
/// `fill-rule="nonzero"`, so shapes repeated in neighbouring tiles' buffers overlap instead of
/// cancelling. Layers are listed in drawing order; each is deterministic for the same map.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TileView {
    /// The map's zoom (fractional, 512 px tiles).
    pub map_zoom: f64,
    /// The zoom of the tiles read.
    pub zoom: u8,
    /// The tiles the frame covers (within the archive's bounds), sorted.
    pub tiles: Vec<TileCoord>,
    /// How many of them the archive had and were read.
    pub tiles_read: usize,
    /// Land.
    pub earth: Vec<PixelPath>,
    /// Land use and land cover, by kind (sorted by kind).
    pub landuse: Vec<(LanduseKind, PixelPath)>,
    /// Water areas: sea, lakes, riverbanks.
    pub water: Vec<PixelPath>,
    /// Rivers, streams, canals (lines).
    pub waterways: Vec<PixelPath>,
    /// Buildings (at map zoom [`BUILDINGS_FROM_ZOOM`] and above).
    pub buildings: Vec<PixelPath>,
    /// Roads and railways by class, smallest class first (draw in this order); tunnels left
    /// out; classes hidden below their [`RoadClass::min_map_zoom`].
    pub roads: Vec<(RoadClass, PixelPath)>,
    /// Administrative boundaries.
    pub boundaries: Vec<(BoundaryKind, PixelPath)>,
    /// Names to label, most important first.
    pub labels: Vec<TileLabel>,
    /// The archive's attribution as plain text (for the source line), if it has one.
    pub attribution: Option<String>,
}

/// Points in pixels.
type Line = Vec<(f64, f64)>;

/// A polygon in pixels: its class and rings (exterior first, then holes).
type Polygon = (Class, Vec<Line>);

/// A line in pixels, cut to its tile's own square: class and name.
type LinePiece = (Class, Option<String>, Line);

/// A named point inside its tile's square: class, name, suggested zoom, pixel.
type NamedPoint = (Class, String, Option<f64>, (f64, f64));

/// One tile's features in pixels, before clipping to the frame.
#[derive(Default)]
struct Pieces {
    polygons: Vec<Polygon>,
    lines: Vec<LinePiece>,
    points: Vec<NamedPoint>,
}

/// The street-level basemap of `map` from `archive`, read with the `schema`'s layer names.
///
/// # Errors
/// A [`TilesError`] naming the archive and, where one is to blame, the tile: tiles that are
/// not vector tiles or not valid ones, too many tiles for the map (an archive whose smallest
/// zoom is too detailed for the map's scale), or any error reading the archive.
pub fn view<P: Projection + Sync>(
    archive: &Archive,
    map: &Fitted<P>,
    schema: &dyn Schema,
) -> Result<TileView, TilesError> {
    let name = archive.name();
    let header = archive.header();
    header
        .require_vector_tiles()
        .map_err(|p| TilesError::new(name, p))?;
    let Some(Cover {
        map_zoom,
        zoom,
        tiles,
    }) = cover::cover(map, header.min_zoom, header.max_zoom, header.bounds)
    else {
        return Ok(TileView {
            attribution: archive.attribution(),
            ..TileView::default()
        });
    };
    let limit = archive.limits().max_tiles;
    if tiles.len() > limit {
        return Err(TilesError::new(
            name,
            Problem::TooManyTiles {
                needed: tiles.len(),
                zoom,
                limit,
                min_zoom: header.min_zoom,
            },
        ));
    }
    let before = archive.tiles_read();
    let pieces: Vec<Pieces> = tiles
        .par_iter()
        .map(|&t| read_tile(archive, map, t, schema, map_zoom))
        .collect::<Result<_, _>>()?;
    let tiles_read = archive.tiles_read() - before;
    let mut view = assemble(pieces, map, map_zoom);
    view.map_zoom = map_zoom;
    view.zoom = zoom;
    view.tiles = tiles;
    view.tiles_read = tiles_read;
    view.attribution = archive.attribution();
    Ok(view)
}

/// Reads, decodes and projects one tile.
fn read_tile<P: Projection>(
    archive: &Archive,
    map: &Fitted<P>,
    t: TileCoord,
    schema: &dyn Schema,
    map_zoom: f64,
) -> Result<Pieces, TilesError> {
    let mut pieces = Pieces::default();
    let Some(bytes) = archive.tile(t)? else {
        return Ok(pieces);
    };
    let limits = archive.limits();
    let invalid = |m: String| TilesError::new(archive.name(), Problem::InvalidMvt(m)).at(t);
    let tile = mvt::decode(&bytes, limits.max_features_per_tile).map_err(invalid)?;
    let mut budget = limits.max_vertices_per_tile;
    for layer in &tile.layers {
        let extent = mvt::extent(layer);
        let to_px = TileToPixels::new(map, t, extent);
        let square = Bounds::new(0.0, 0.0, f64::from(extent), f64::from(extent));
        for (i, feature) in layer.features.iter().enumerate() {
            let props = Properties::of(layer, feature);
            let Some(c) = schema.classify(&layer.name, &props) else {
                continue;
            };
            if !shown(c.class, c.min_zoom, c.tunnel, map_zoom) {
                continue;
            }
            let kind = feature.r#type.unwrap_or(0);
            if kind == 0 {
                continue;
            }
            let geometry = mvt::geometry::decode(kind, &feature.geometry, &mut budget)
                .map_err(|e| invalid(format!("layer {:?} feature {i}: {e}", layer.name)))?;
            let px = |&(x, y): &(i32, i32)| to_px.px(f64::from(x), f64::from(y));
            match (c.class, geometry) {
                (
                    Class::Earth | Class::Water | Class::Landuse(_) | Class::Building,
                    Geometry::Polygons(polygons),
                ) => {
                    for polygon in polygons {
                        let rings: Option<Vec<Vec<(f64, f64)>>> = polygon
                            .iter()
                            .map(|ring| ring.iter().map(px).collect())
                            .collect();
                        if let Some(rings) = rings {
                            pieces.polygons.push((c.class, rings));
                        }
                    }
                }
                (Class::Road(_) | Class::Water | Class::Boundary(_), Geometry::Lines(lines)) => {
                    for line in lines {
                        let tile_line: Vec<(f64, f64)> = line
                            .iter()
                            .map(|&(x, y)| (f64::from(x), f64::from(y)))
                            .collect();
                        // Cut to the tile's own square: neighbours hold the rest, so nothing
                        // is drawn twice and pieces meet end to end.
                        for run in geometry::clip_polyline(&tile_line, square) {
                            let run: Option<Vec<(f64, f64)>> =
                                run.iter().map(|&(x, y)| to_px.px(x, y)).collect();
                            if let Some(run) = run {
                                pieces
                                    .lines
                                    .push((c.class, c.name.map(str::to_string), run));
                            }
                        }
                    }
                }
                (Class::Place(_) | Class::Water, Geometry::Points(points)) => {
                    let Some(name) = c.name else { continue };
                    for (x, y) in points {
                        // Points in the buffer belong to the neighbouring tile.
                        let inside = x >= 0 && y >= 0 && (x as u32) < extent && (y as u32) < extent;
                        if let (true, Some(p)) = (inside, px(&(x, y))) {
                            pieces
                                .points
                                .push((c.class, name.to_string(), c.min_zoom, p));
                        }
                    }
                }
                _ => {}
            }
        }
    }
    Ok(pieces)
}

/// Whether a feature of `class` is drawn on a map at `map_zoom`.
fn shown(class: Class, min_zoom: Option<f64>, tunnel: bool, map_zoom: f64) -> bool {
    if min_zoom.is_some_and(|z| z > map_zoom + 1e-9) {
        return false;
    }
    match class {
        Class::Road(r) => !tunnel && r.min_map_zoom() <= map_zoom,
        Class::Building => map_zoom >= BUILDINGS_FROM_ZOOM,
        _ => true,
    }
}

/// Clips, simplifies, joins and sorts the tiles' pieces into a view.
fn assemble<P: Projection>(pieces: Vec<Pieces>, map: &Fitted<P>, map_zoom: f64) -> TileView {
    let (w, h) = (map.width_px(), map.height_px());
    let bx = Bounds::new(-MARGIN_PX, -MARGIN_PX, w + MARGIN_PX, h + MARGIN_PX);
    let mut view = TileView::default();
    let mut landuse: Vec<(LanduseKind, PixelPath)> = Vec::new();
    let mut lines: BTreeMap<(LineKey, Option<String>), Vec<Line>> = BTreeMap::new();
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
    let mut seen = std::collections::BTreeSet::new();
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
    view.labels.sort_by(|a, b| {
        (a.rank, a.kind, &a.text)
            .cmp(&(b.rank, b.kind, &b.text))
            .then_with(|| anchor_length(&b.anchor).total_cmp(&anchor_length(&a.anchor)))
    });
    view
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
