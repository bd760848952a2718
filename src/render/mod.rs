//! Writers: a [`Route`](crate::model::Route) in, bytes out. GeoJSON stays in lon/lat.

mod bbox;
pub mod geojson;
pub mod gpx;
pub mod kml;
pub mod output_format;
pub mod png;
/// The SVG writer: a `Scene` in, SVG bytes out.
pub mod svg;
mod xml_text;

pub use bbox::lon_lat_bbox;
pub use output_format::OutputFormat;
