//! `RenderError`: what can go wrong turning a route or a scene into bytes. Writers cannot fail on
//! user data (the input was checked when read and the scene is resolved); what is left is an
//! output too large to draw or a caller that forgot the scene.

use super::OutputFormat;

/// An output that could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RenderError {
    /// The format draws the map but no [`Scene`](crate::scene::Scene) was given.
    #[error("output format `{0}` draws the map: build a scene first")]
    NeedsScene(OutputFormat),
    /// `map.png` could not be drawn (too large, or resvg refused the SVG).
    #[error("cannot draw map.png: {0}")]
    Png(String),
    /// A layout of the map at another size (`map.html`'s widths, a video preset) could not be
    /// built.
    #[error("cannot lay out the map {0}")]
    Layout(String),
    /// `map.gif` or `map.mp4` could not be made (too large, or an encoder refused).
    #[error("cannot make the film: {0}")]
    Film(String),
    /// A layer file (GeoPackage, FlatGeobuf) could not be assembled.
    #[error("cannot write {file}: {message}")]
    Layer {
        /// The file, such as `trip.gpkg`.
        file: &'static str,
        /// What went wrong.
        message: String,
    },
}
