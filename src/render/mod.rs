//! Writers: a [`Route`](crate::model::Route) in, bytes out. GeoJSON stays in lon/lat.

mod bbox;
pub mod geojson;

pub use bbox::lon_lat_bbox;
