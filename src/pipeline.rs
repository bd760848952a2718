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

/// Plans the itinerary ([`plan`]), builds the map's scene only if an output draws it, and writes
/// each output format asked for (default: the GeoJSON layers and `map.svg`), in writing order.
/// Nothing is written to disk: [`crate::output::write_all`] does that.
///
/// ```
/// use tripmap::model::{Itinerary, Stop};
/// use tripmap::pipeline::{RenderOptions, render};
/// use tripmap::render::OutputFormat;
/// let trip = Itinerary::builder()
///     .title("Ferry day")
///     .stop(Stop::builder("Helsinki").at(24.9384, 60.1699).arrive("2024-05-01T08:00").tz("Europe/Helsinki"))
///     .stop(Stop::builder("Tallinn").at(24.7536, 59.4370).arrive("2024-05-01T10:30").tz("Europe/Tallinn"))
///     .build()?;
/// let mut options = RenderOptions::default();
/// options.formats = vec![OutputFormat::GeoJson, OutputFormat::Gpkg];
/// let rendered = render(&trip, &options)?;
/// let names: Vec<&str> = rendered.files.iter().map(|f| f.name.as_str()).collect();
/// assert_eq!(names, ["stops.geojson", "legs.geojson", "trip.gpkg"]);
/// # Ok::<(), tripmap::Error>(())
/// ```
pub fn render(itinerary: &Itinerary, options: &RenderOptions) -> Result<Rendered, Error> {
    let route = plan_with(itinerary, options.order, &options.shortest)?;
    render_route(route, options)
}

/// Several trips on one map (`tripmap render a.json b.json --together`): each trip (a name and
/// its itinerary) planned as [`plan_with`] plans it, then joined by
/// [`routing::together`]. Render the result with [`render_route`]; unless told otherwise, a
/// map of several trips is coloured by trip.
///
/// ```
/// use tripmap::model::{Itinerary, Stop};
/// use tripmap::pipeline::{RenderOptions, plan_together, render_route};
/// let trip = |title: &str, lon: f64| {
///     Itinerary::builder()
///         .title(title)
///         .stop(Stop::builder("Paris").at(2.3522, 48.8566).arrive("2024-05-01"))
///         .stop(Stop::builder("Elsewhere").at(lon, 45.0).arrive("2024-05-03"))
///         .build()
/// };
/// let trips = vec![("May".to_string(), trip("May", 4.8)?), ("June".to_string(), trip("June", 1.4)?)];
/// let options = RenderOptions::default();
/// let route = plan_together(&trips, &options)?;
/// let rendered = render_route(route, &options)?;
/// let stops = &rendered.files[0];
/// assert!(String::from_utf8_lossy(&stops.bytes).contains(r#""trip":"June""#));
/// # Ok::<(), tripmap::Error>(())
/// ```
pub fn plan_together(
    trips: &[(String, Itinerary)],
    options: &RenderOptions,
) -> Result<Route, Error> {
    let routes = trips
        .iter()
        .map(|(name, it)| {
            Ok((
                name.clone(),
                plan_with(it, options.order, &options.shortest)?,
            ))
        })
        .collect::<Result<Vec<_>, Error>>()?;
    routing::together(routes)
}

/// [`render()`] for a route already planned (by [`plan_with`] or [`plan_together`]): thins
/// recorded tracks (`--simplify`), builds the scene if an output draws it, writes the outputs.
pub fn render_route(mut route: Route, options: &RenderOptions) -> Result<Rendered, Error> {
    if let Some(tolerance_m) = options.simplify_m {
        for leg in route.legs.iter_mut().filter(|l| l.is_recorded()) {
            let keep = crate::geodesy::simplify_keep_m(&leg.path, tolerance_m);
            leg.retain_points(&keep);
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
        let missing = scene::text_metrics::missing_glyph_warnings(&route, options.map.annotate);
        route.warnings.extend(missing);
        let by_trip;
        let map = if route.trips.len() > 1 && options.map.colour_by.is_none() {
            by_trip = MapOptions {
                colour_by: Some(scene::ColourBy::Trip),
                ..options.map.clone()
            };
            &by_trip
        } else {
            &options.map
        };
        Some(scene::build(&route, map)?)
    } else {
        None
    };
    // The writers that lay the map out again (map.html's widths) do it with these options.
    let mut write = options.write.clone();
    write.map = options.map.clone();
    let mut files = Vec::new();
    for format in formats {
        files.extend(render::write(format, &route, scene.as_ref(), &write)?);
    }
    Ok(Rendered { route, files })
}

/// Places stops given by name ([`geocode::resolve`]), then orders them and computes the legs
/// ([`routing::plan`]). Geocoding doubts come first in [`Route::warnings`]. Also at the crate's
/// root: `tripmap::plan`.
///
/// ```
/// use tripmap::model::{Itinerary, Mode, Stop};
/// let trip = Itinerary::builder()
///     .stop(Stop::builder("Amman").place("Amman, Jordan").arrive("2023-11-04"))
///     .stop(Stop::builder("Baghdad").place("Baghdad").arrive("2023-11-05").mode(Mode::Flight))
///     .build()?;
/// let route = tripmap::plan(&trip, tripmap::routing::Order::Time)?;
/// assert_eq!(route.legs.len(), 1);
/// assert_eq!(route.legs[0].mode, Some(Mode::Flight));
/// assert!((route.total_distance_m() / 1000.0 - 810.0).abs() < 10.0);
/// # Ok::<(), tripmap::Error>(())
/// ```
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
    route
        .warnings
        .extend(crate::model::clock_warnings(&resolved.itinerary));
    Ok(route)
}
