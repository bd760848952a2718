//! Writers: a [`Route`] (and, for pictures, its [`Scene`]) in, output files out. GeoJSON,
//! GeoPackage, FlatGeobuf, KML and GPX stay in lon/lat and read the route (the layers share one
//! attribute [`schema`]); the SVG and PNG read the scene.
//!
//! [`write()`] is the one table of outputs: one `match` arm per [`OutputFormat`], each calling its
//! writer, whose bytes are named by [`OutputFormat::files`] — the only place file names live.

mod bbox;
mod cut;
mod error;
pub mod fgb;
pub mod geojson;
pub mod gpkg;
pub mod gpx;
pub mod html;
pub mod kml;
pub mod motion;
mod output_format;
pub mod png;
mod png_size;
pub mod schema;
/// The SVG writer: a `Scene` in, SVG bytes out.
pub mod svg;
pub mod video;
mod xml_text;

pub use bbox::lon_lat_bbox;
pub use error::RenderError;
pub use output_format::{OutputFormat, OutputName};
pub use png_size::{MAX_PNG_PIXELS, check_png_size};

use crate::model::Route;
use crate::output::OutputFile;
use crate::scene::Scene;

/// How the writers that have options should write.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct WriteOptions {
    /// PNG pixels per SVG pixel for `map.png` (0 to [`png::MAX_SCALE`]).
    pub png_scale: f64,
    /// `map.html`'s widths and wrapping.
    pub html: html::HtmlOptions,
    /// Animate the route drawing itself (`--animate`) in `map.svg` and `map.html`.
    pub motion: Option<motion::MotionOptions>,
    /// `map.gif` and `map.mp4`: frames per second and page.
    pub film: video::FilmOptions,
    /// The map's options, for the writers that lay the map out again at other sizes
    /// (`map.html`'s widths, the films' pages); [`crate::pipeline::render`] sets them to its own.
    pub map: crate::scene::MapOptions,
}

impl Default for WriteOptions {
    fn default() -> Self {
        WriteOptions {
            png_scale: png::DEFAULT_SCALE,
            html: html::HtmlOptions::default(),
            motion: None,
            film: video::FilmOptions::default(),
            map: crate::scene::MapOptions::default(),
        }
    }
}

/// The files of one output `format`, named as [`OutputFormat::files`] says, in that order.
/// `scene` is needed by the formats that draw the map ([`OutputFormat::needs_scene`]).
pub fn write(
    format: OutputFormat,
    route: &Route,
    scene: Option<&Scene>,
    options: &WriteOptions,
) -> Result<Vec<OutputFile>, RenderError> {
    let scene = || scene.ok_or(RenderError::NeedsScene(format));
    let contents: Vec<Vec<u8>> = match format {
        OutputFormat::GeoJson => {
            let layers = geojson::layers(route);
            vec![layers.stops.into_bytes(), layers.legs.into_bytes()]
        }
        OutputFormat::Svg => vec![match &options.motion {
            Some(m) => {
                let schedule = motion::Schedule::new(route, m);
                motion::animated_svg(route, scene()?, options.map.dates, &schedule)
            }
            None => svg::write(scene()?),
        }],
        OutputFormat::Png => {
            let scene = scene()?;
            // Before the SVG is drawn: the pixmap is sized by --width, --height and --scale.
            check_png_size(scene.width, scene.height, options.png_scale)?;
            vec![png::png(&svg::write_for_resvg(scene), options.png_scale)?]
        }
        OutputFormat::Kml => vec![kml::kml(route).into_bytes()],
        OutputFormat::Gpx => vec![gpx::gpx(route).into_bytes()],
        OutputFormat::Gpkg => vec![gpkg::gpkg(route)?],
        OutputFormat::Fgb => vec![fgb::stops(route)?, fgb::legs(route)?],
        OutputFormat::Html => {
            let schedule = options.motion.map(|m| motion::Schedule::new(route, &m));
            let main = Some(scene()?);
            vec![html::write(
                route,
                &options.map,
                main,
                &options.html,
                schedule.as_ref(),
            )?]
        }
        OutputFormat::Gif | OutputFormat::Mp4 => {
            // The films are the animation, asked for with --animate or not.
            let schedule = motion::Schedule::new(route, &options.film.motion);
            let gif = format == OutputFormat::Gif;
            vec![video::write(
                gif,
                route,
                &options.map,
                scene()?,
                &schedule,
                &options.film,
            )?]
        }
    };
    debug_assert_eq!(contents.len(), format.files().len());
    Ok(format
        .files()
        .iter()
        .zip(contents)
        .map(|(name, bytes)| OutputFile {
            name: name.file.to_string(),
            bytes,
        })
        .collect())
}
