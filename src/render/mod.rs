//! Writers: a [`Route`](crate::model::Route) in, bytes out. GeoJSON stays in lon/lat.

mod bbox;
pub mod geojson;
/// The SVG writer: a `Scene` in, SVG bytes out.
pub mod svg;

pub use bbox::lon_lat_bbox;
