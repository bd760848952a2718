//! The user's own layers (`--overlay FILE`): GeoJSON features drawn on the map under the route
//! — a park boundary, a parade route, a closed road — styled from their geometry type or from
//! the simplestyle properties geojson.io and GitHub use (`stroke`, `stroke-width`,
//! `stroke-opacity`, `fill`, `fill-opacity`, `marker-color`), and named in the legend when
//! they carry a `title`.
//!
//! ```
//! use tripmap::scene::{MapOptions, Overlay};
//! let geojson = br##"{"type": "Feature", "properties": {"title": "Closed to traffic",
//!     "stroke": "#d62728"}, "geometry": {"type": "LineString",
//!     "coordinates": [[24.9410, 60.1700], [24.9450, 60.1690]]}}"##;
//! let overlay = Overlay::from_geojson("closed.geojson", geojson)?;
//! assert_eq!(overlay.titles(), ["Closed to traffic"]);
//! let options = MapOptions::default().with_overlay(overlay);
//! # Ok::<(), tripmap::Error>(())
//! ```

mod draw;
mod paint;
mod read;

pub use draw::LegendEntry;
pub(crate) use draw::{legend_entries, legend_sample, overlay_items};
pub use paint::Paint;

use crate::model::LonLat;

/// What a feature draws: points, lines or areas (polygons with holes).
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    /// Points (markers).
    Points(Vec<LonLat>),
    /// Lines.
    Lines(Vec<Vec<LonLat>>),
    /// Polygons: each an exterior ring and its holes.
    Areas(Vec<Vec<Vec<LonLat>>>),
}

/// One feature of an overlay: what it draws, how, and its legend name.
#[derive(Debug, Clone, PartialEq)]
pub struct Feature {
    /// The geometry, in longitude and latitude.
    pub shape: Shape,
    /// Its colours.
    pub paint: Paint,
    /// Its `title`, for the legend.
    pub title: Option<String>,
}

/// A user's layer: its features in file order.
#[derive(Debug, Clone, PartialEq)]
pub struct Overlay {
    /// The file it came from, as given (for messages).
    pub name: String,
    /// The features.
    pub features: Vec<Feature>,
}

impl Overlay {
    /// The distinct feature titles, in file order (the legend's entries).
    pub fn titles(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for t in self.features.iter().filter_map(|f| f.title.as_deref()) {
            if !out.contains(&t) {
                out.push(t);
            }
        }
        out
    }
}
