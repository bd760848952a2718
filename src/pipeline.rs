//! One call per CLI command: an itinerary in, the route and the output files out.

use crate::error::Error;
use crate::geocode;
use crate::model::{Itinerary, Route};
use crate::output::OutputFile;
use crate::render::geojson;
use crate::render::{OutputFormat, output_format};
use crate::routing::{self, Order};
use crate::scene::{self, MapOptions};

/// What `tripmap render` can be asked for.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    /// How to order the stops.
    pub order: Order,
    /// Which outputs to write; empty means [`OutputFormat::DEFAULT`] (svg, geojson).
    pub formats: Vec<OutputFormat>,
    /// Thin recorded tracks to this tolerance in metres (`--simplify`); `None` keeps every point.
    pub simplify_m: Option<f64>,
    /// PNG pixels per SVG pixel for `map.png`; `None` is [`crate::render::png::DEFAULT_SCALE`].
    pub png_scale: Option<f64>,
    /// How to draw `map.svg`.
    pub map: MapOptions,
    /// Ends, round trip, seed and time limit for `Order::Shortest` (round trip for any order).
    pub shortest: routing::ShortestOptions,
}

/// The route and the files a render produces, all in memory (nothing is written here).
#[derive(Debug, Clone)]
pub struct Rendered {
    /// The planned route.
    pub route: Route,
    /// Files to write into the output folder.
    pub files: Vec<OutputFile>,
}

/// Plans the itinerary and renders every output: `stops.geojson`, `legs.geojson`, `map.svg`.
pub fn render(itinerary: &Itinerary, options: &RenderOptions) -> Result<Rendered, Error> {
    let mut route = plan_with(itinerary, options.order, &options.shortest)?;
    if let Some(tolerance_m) = options.simplify_m {
        for leg in route.legs.iter_mut().filter(|l| l.is_recorded()) {
            leg.path = crate::geodesy::simplify_path_m(&leg.path, tolerance_m);
        }
    }
    let formats = if options.formats.is_empty() {
        OutputFormat::DEFAULT
    } else {
        &options.formats
    };
    let layers = geojson::layers(&route);
    let mut files = vec![
        OutputFile {
            name: "stops.geojson".into(),
            bytes: layers.stops.into_bytes(),
        },
        OutputFile {
            name: "legs.geojson".into(),
            bytes: layers.legs.into_bytes(),
        },
    ];
    // The map is drawn only when it or its PNG is asked for: it is most of a render's time.
    if formats.contains(&OutputFormat::Svg) || formats.contains(&OutputFormat::Png) {
        files.push(OutputFile {
            name: "map.svg".into(),
            bytes: crate::render::svg::write(&scene::build(&route, &options.map)?),
        });
    }
    let png_scale = options
        .png_scale
        .unwrap_or(crate::render::png::DEFAULT_SCALE);
    let files = output_format::select(
        &route,
        files,
        formats,
        !options.formats.is_empty(),
        png_scale,
    )?;
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
