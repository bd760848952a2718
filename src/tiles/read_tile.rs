//! One tile read, decoded and classified: its features projected to map pixels, polygons
//! whole, lines cut to the tile's own square, named points inside it. Clipping to the frame and
//! joining across tiles is [`super::assemble`]'s.

use super::Archive;
use super::error::{Problem, TileCoord, TilesError};
use super::mvt::{self, Geometry, Properties};
use super::project::TileToPixels;
use super::schema::{Class, Classified, Schema};
use super::view::BUILDINGS_FROM_ZOOM;
use crate::geometry::{self, Bounds};
use crate::projection::{Fitted, Projection};

/// Points in pixels.
pub(super) type Line = Vec<(f64, f64)>;

/// A polygon in pixels: its class and rings (exterior first, then holes).
pub(super) type Polygon = (Class, Vec<Line>);

/// A line in pixels, cut to its tile's own square: class and name.
pub(super) type LinePiece = (Class, Option<String>, Line);

/// A named point inside its tile's square: class, name, suggested zoom, pixel.
pub(super) type NamedPoint = (Class, String, Option<f64>, (f64, f64));

/// One tile's features in pixels, before clipping to the frame.
#[derive(Default)]
pub(super) struct Pieces {
    pub polygons: Vec<Polygon>,
    pub lines: Vec<LinePiece>,
    pub points: Vec<NamedPoint>,
}

/// Reads, decodes and projects one tile.
pub(super) fn read_tile<P: Projection>(
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
        for (i, feature) in layer.features.iter().enumerate() {
            let props = Properties::of(layer, feature);
            let Some(c) = schema.classify(&layer.name, &props) else {
                continue;
            };
            let kind = feature.r#type.unwrap_or(0);
            if kind == 0 || !shown(c.class, c.min_zoom, c.tunnel, map_zoom) {
                continue;
            }
            let geometry = mvt::geometry::decode(kind, &feature.geometry, &mut budget)
                .map_err(|e| invalid(format!("layer {:?} feature {i}: {e}", layer.name)))?;
            pieces.add(&c, geometry, &to_px, extent);
        }
    }
    Ok(pieces)
}

impl Pieces {
    /// Adds a feature of class `c` in tile coordinates (`extent` units a side).
    fn add<P: Projection>(
        &mut self,
        c: &Classified,
        geometry: Geometry,
        to_px: &TileToPixels<P>,
        extent: u32,
    ) {
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
                        self.polygons.push((c.class, rings));
                    }
                }
            }
            (Class::Road(_) | Class::Water | Class::Boundary(_), Geometry::Lines(lines)) => {
                self.add_lines(c, &lines, to_px, extent);
            }
            (Class::Place(_) | Class::Water, Geometry::Points(points)) => {
                let Some(name) = c.name else { return };
                for (x, y) in points {
                    // Points in the buffer belong to the neighbouring tile.
                    let inside = x >= 0 && y >= 0 && (x as u32) < extent && (y as u32) < extent;
                    if let (true, Some(p)) = (inside, px(&(x, y))) {
                        self.points.push((c.class, name.to_string(), c.min_zoom, p));
                    }
                }
            }
            _ => {}
        }
    }

    /// Adds lines cut to the tile's own square: neighbours hold the rest, so nothing is drawn
    /// twice and pieces meet end to end.
    fn add_lines<P: Projection>(
        &mut self,
        c: &Classified,
        lines: &[Vec<(i32, i32)>],
        to_px: &TileToPixels<P>,
        extent: u32,
    ) {
        let square = Bounds::new(0.0, 0.0, f64::from(extent), f64::from(extent));
        for line in lines {
            let tile_line: Vec<(f64, f64)> = line
                .iter()
                .map(|&(x, y)| (f64::from(x), f64::from(y)))
                .collect();
            for run in geometry::clip_polyline(&tile_line, square) {
                let run: Option<Vec<(f64, f64)>> =
                    run.iter().map(|&(x, y)| to_px.px(x, y)).collect();
                if let Some(run) = run {
                    self.lines.push((c.class, c.name.map(str::to_string), run));
                }
            }
        }
    }
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
