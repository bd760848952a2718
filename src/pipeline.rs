//! One call per CLI command: an itinerary in, the route and the output files out.

use crate::error::Error;
use crate::geocode;
use crate::model::{Itinerary, Route};
use crate::output::OutputFile;
use crate::render::geojson;
use crate::routing::{self, Order};

/// What `tripmap render` can be asked for.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    /// How to order the stops.
    pub order: Order,
}

/// The route and the files a render produces, all in memory (nothing is written here).
#[derive(Debug, Clone)]
pub struct Rendered {
    /// The planned route.
    pub route: Route,
    /// Files to write into the output folder.
    pub files: Vec<OutputFile>,
}

/// Plans the itinerary and renders every output: `stops.geojson`, `legs.geojson`.
pub fn render(itinerary: &Itinerary, options: &RenderOptions) -> Result<Rendered, Error> {
    let route = plan(itinerary, options.order)?;
    let layers = geojson::layers(&route);
    let files = vec![
        OutputFile {
            name: "stops.geojson".into(),
            bytes: layers.stops.into_bytes(),
        },
        OutputFile {
            name: "legs.geojson".into(),
            bytes: layers.legs.into_bytes(),
        },
    ];
    Ok(Rendered { route, files })
}

/// Places stops given by name ([`geocode::resolve`]), then orders them and computes the legs
/// ([`routing::plan`]). Geocoding doubts come first in [`Route::warnings`].
pub fn plan(itinerary: &Itinerary, order: Order) -> Result<Route, Error> {
    let resolved = geocode::resolve(itinerary.clone())?;
    let mut route = routing::plan(&resolved.itinerary, order)?;
    route.warnings.splice(0..0, resolved.warnings);
    Ok(route)
}
