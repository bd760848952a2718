//! One call per CLI command: an itinerary in, the route and the output files out.

use crate::error::Error;
use crate::geocode;
use crate::model::{Itinerary, Route};
use crate::output::OutputFile;
use crate::render::{self, OutputFormat, WriteOptions};
use crate::routing::{self, Order};
use crate::scene::{self, MapOptions};

/// What `tripmap render` can be asked for.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct RenderOptions {
    /// How to order the stops.
    pub order: Order,
    /// Which outputs to write; empty means [`OutputFormat::DEFAULT`] (geojson, svg).
    pub formats: Vec<OutputFormat>,
    /// Thin recorded tracks to this tolerance in metres (`--simplify`); `None` keeps every point.
    pub simplify_m: Option<f64>,
    /// How the writers with options write (`map.png`'s scale).
    pub write: WriteOptions,
    /// How to draw `map.svg`.
    pub map: MapOptions,
    /// Ends, round trip, seed and time limit for `Order::Shortest` (round trip for any order).
    pub shortest: routing::ShortestOptions,
}

/// The route and the files a render produces, all in memory (nothing is written here).
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Rendered {
    /// The planned route.
    pub route: Route,
    /// Files to write into the output folder, in writing order.
    pub files: Vec<OutputFile>,
}

/// Plans the itinerary, builds the map's scene only if an output draws it, and writes each
/// output format asked for (default: the GeoJSON layers and `map.svg`), in writing order.
pub fn render(itinerary: &Itinerary, options: &RenderOptions) -> Result<Rendered, Error> {
    let mut route = plan_with(itinerary, options.order, &options.shortest)?;
    if let Some(tolerance_m) = options.simplify_m {
        for leg in route.legs.iter_mut().filter(|l| l.is_recorded()) {
            leg.path = crate::geodesy::simplify_path_m(&leg.path, tolerance_m);
        }
    }
    let mut formats = if options.formats.is_empty() {
        OutputFormat::DEFAULT.to_vec()
    } else {
        options.formats.clone()
    };
    formats.sort();
    formats.dedup();
    let scene = if formats.iter().any(|f| f.needs_scene()) {
        Some(scene::build(&route, &options.map)?)
    } else {
        None
    };
    let mut files = Vec::new();
    for format in formats {
        files.extend(render::write(
            format,
            &route,
            scene.as_ref(),
            &options.write,
        )?);
    }
    Ok(Rendered { route, files })
}

/// Places stops given by name ([`geocode::resolve`]), then orders them and computes the legs
/// ([`routing::plan`]). Geocoding doubts come first in [`Route::warnings`].
pub fn plan(itinerary: &Itinerary, order: Order) -> Result<Route, Error> {
    plan_with(itinerary, order, &routing::ShortestOptions::default())
}

/// [`plan`] with the ends, round trip, seed and time limit of [`routing::ShortestOptions`].
pub fn plan_with(
    itinerary: &Itinerary,
    order: Order,
    shortest: &routing::ShortestOptions,
) -> Result<Route, Error> {
    let resolved = geocode::resolve(itinerary.clone())?;
    let mut route = routing::plan_with(&resolved.itinerary, order, shortest)?;
    route.warnings.splice(0..0, resolved.warnings);
    Ok(route)
}
