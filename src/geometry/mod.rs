//! Planar geometry shared by the map stages, below both [`crate::basemap`] and [`crate::scene`]:
//! rectangles, cutting lines and rings at a box, Douglas–Peucker, and the 0.1 px grid that every
//! coordinate of a picture is rounded to. Units are those of the caller: pixels (y down) for the
//! map, degrees for clipping before projection, metres on a local plane for recorded tracks.

mod box_cut;
mod clip;
mod grid;
mod inside;
mod measure;
mod rect;
pub(crate) mod runs;
mod simplify;

pub use box_cut::clip_polygon_to_box;
pub use clip::{Bounds, ClippedSegment, clip_polygons, clip_polyline, clip_ring, clip_segment};
pub use grid::{round_pt, round_rect, round1};
pub use inside::{inside_ring, inside_rings};
pub use measure::{at_least_apart, length, point_along};
pub use rect::Rect;
pub use simplify::{douglas_peucker, simplify};
