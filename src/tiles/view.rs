//! [`TileView`], what a street-level basemap gives a map, and [`view`], which builds it: the
//! tiles the map covers are read in parallel ([`super::read_tile`]) and joined in tile order
//! ([`super::assemble`]).

use rayon::prelude::*;

use super::Archive;
use super::assemble::assemble;
use super::cover::{self, Cover};
use super::error::{Problem, TileCoord, TilesError};
use super::read_tile::{Pieces, read_tile};
use super::schema::{BoundaryKind, LanduseKind, RoadClass, Schema};
use crate::basemap::PixelPath;
use crate::projection::{Fitted, Projection};

/// Buildings are drawn from this map zoom on (about 2.6 m per pixel at 45°).
pub const BUILDINGS_FROM_ZOOM: f64 = 14.0;

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
