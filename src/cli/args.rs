//! The command line as clap sees it: raw, typed values (no option is kept as a string to be
//! parsed again later). [`super::options`] turns them into the library's options.

mod embed;
#[cfg(test)]
mod test;
mod value_parsers;

pub use embed::EmbedArgs;

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use tripmap::io::Format;
use tripmap::projection::ProjectionKind;
use tripmap::render::{OutputFormat, OutputName};
use tripmap::routing::Order;
use tripmap::scene::DateStyle;
use value_parsers::{Trimmed, parse_day, parse_scale, parse_shard, parse_tolerance, stdout_parser};

/// Turn a trip into maps: GeoJSON layers and an SVG route map.
#[derive(Debug, Parser)]
#[command(name = "tripmap", version, about, after_help = EXAMPLES)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Print only errors: no warnings, progress bars or `wrote` lines.
    #[arg(short, long, global = true)]
    pub quiet: bool,
}

const EXAMPLES: &str = "Examples:
  tripmap render data/trips/blinken-2023-11.json        writes output/blinken-2023-11/
  tripmap render trip.csv -o maps/trip                  writes into maps/trip/
  tripmap render - --from csv < trip.csv                reads standard input
  tripmap render ride.gpx --format svg,png,kml          the map, a PNG and a KML for Google Earth
  tripmap render trips/*.json trips/*.gpx -o maps/      each trip into maps/<file name>/, in parallel
  tripmap render trip.json --stdout gpx > trip.gpx      one output to standard output
  tripmap render --jsonl trips.jsonl -o maps/ > results.jsonl   one trip per line, into maps/<id>/
  tripmap render --jsonl --inline --shard 2/8 < trips.jsonl     the outputs in the result lines, shard 2 of 8
  tripmap check data/trips/pacific-2024.json            validates and summarises
  tripmap check --jsonl trips.jsonl                     one JSON result line per trip
  tripmap extract story.txt --published 2023-11-06 -o trip.json   draft itinerary from a story
  tripmap geocode \"Paris, TX\" Kyiv --json               looks up places in the bundled gazetteer
  tripmap completions bash > ~/.local/share/bash-completion/completions/tripmap
  tripmap man > ~/.local/share/man/man1/tripmap.1       the manual page";

/// The commands.
// Parsed once per run: the size of the largest variant does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Render a trip's GeoJSON layers (stops.geojson, legs.geojson) and map (map.svg) into a folder
    /// (also map.png, trip.kml, trip.gpx, trip.gpkg, stops.fgb and legs.fgb with --format);
    /// several trips in parallel.
    Render(RenderArgs),
    /// Validate a trip and print a summary: stops, legs, total km, date span, warnings (as one
    /// JSON document with --json; one result line per trip of a JSON Lines input with --jsonl).
    Check(CheckArgs),
    /// Look up place names in the bundled GeoNames gazetteer: best match and runners-up.
    Geocode(GeocodeArgs),
    /// Read a news story (plain text) and write a draft itinerary: stops in travel order, dates,
    /// evidence and confidence; places only mentioned are listed in `notes`.
    Extract(ExtractArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell) to standard output.
    Completions(CompletionsArgs),
    /// Print the manual page (roff) to standard output: tripmap(1), or a command's page.
    Man(ManArgs),
}

/// `tripmap completions`.
#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// `tripmap man`.
#[derive(Debug, clap::Args)]
pub struct ManArgs {
    /// A command whose page to print (tripmap-render(1)) [default: tripmap(1)].
    pub command: Option<String>,
}

/// `tripmap extract`.
#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// Text file, or `-` for standard input.
    pub input: PathBuf,
    /// Publication day (YYYY-MM-DD): the reference for "on Monday" [default: the text's dateline].
    #[arg(long, value_parser = parse_day)]
    pub published: Option<jiff::civil::Date>,
    /// Write the itinerary JSON here, or `-` for standard output [default: standard output,
    /// or nothing with --explain].
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Print a table of every decision (place, stop or mentioned, evidence, date and how) to
    /// standard output (to standard error with `-o -`); writes the trip only with -o.
    #[arg(long)]
    pub explain: bool,
    #[command(flatten)]
    pub input_limit: InputBytesArg,
}

/// `--max-input-bytes`, for every command that reads an input file.
#[derive(Debug, clap::Args)]
pub struct InputBytesArg {
    /// Largest input read, in bytes or with a unit: 512M, 1G [default: 256M; extract: 64M].
    #[arg(long, value_name = "SIZE", value_parser = tripmap::limits::parse_size)]
    pub max_input_bytes: Option<u64>,
}

/// Input limits (see "Limits and output safety" in the README); the defaults are
/// `tripmap::limits::Limits::default()`.
#[derive(Debug, clap::Args)]
#[command(next_help_heading = "Limits")]
pub struct LimitArgs {
    #[command(flatten)]
    pub input: InputBytesArg,
    /// Most stops in one trip [default: 100000].
    #[arg(long, value_name = "N")]
    pub max_stops: Option<usize>,
    /// Longest text in one field (name, note, title...), in characters [default: 20000].
    #[arg(long, value_name = "N")]
    pub max_text_chars: Option<usize>,
    /// Most recorded-track points in one trip [default: 5000000].
    #[arg(long, value_name = "N")]
    pub max_track_points: Option<usize>,
}

/// `tripmap geocode`.
#[derive(Debug, clap::Args)]
pub struct GeocodeArgs {
    /// Place names, each one argument: "Paris, TX" "Ramallah, West Bank" Kyiv.
    #[arg(required = true)]
    pub query: Vec<String>,
    /// Print one JSON object per query, one per line.
    #[arg(long)]
    pub json: bool,
    /// Places the queries are near (repeatable), to choose among homonyms as a trip's other
    /// stops would: --near Chicago picks Springfield, Illinois.
    #[arg(long, value_name = "PLACE")]
    pub near: Vec<String>,
}

/// `tripmap check`.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Print one JSON document (ok, summary, warnings, or the error) instead of text.
    #[arg(long, conflicts_with = "jsonl")]
    pub json: bool,
    #[command(flatten)]
    pub stream: StreamArgs,
}

/// The JSON Lines stream mode (`render --jsonl`, `check --jsonl`).
#[derive(Debug, clap::Args)]
#[command(next_help_heading = "Stream (--jsonl)")]
pub struct StreamArgs {
    /// Read JSON Lines: one trip per line (the native JSON plus a string "id" and optional
    /// "options"); write one JSON result per line. INPUT defaults to `-` (standard input).
    #[arg(long)]
    pub jsonl: bool,
    /// Write the result lines to this file instead of standard output.
    #[arg(long, value_name = "FILE", requires = "jsonl")]
    pub results: Option<PathBuf>,
    /// Put the outputs into the result lines (GeoJSON as JSON, SVG/KML/GPX as text, others in
    /// base64); nothing is written to disk unless -o is given too.
    #[arg(long, requires = "jsonl")]
    pub inline: bool,
    /// Write results as trips finish, not in input order.
    #[arg(long, requires = "jsonl")]
    pub unordered: bool,
    /// Only the lines of shard I of N (by a stable hash of the id); `auto/N` takes I from
    /// JOB_COMPLETION_INDEX (Kubernetes) or AWS_BATCH_JOB_ARRAY_INDEX (AWS Batch).
    #[arg(long, value_name = "I/N", requires = "jsonl", value_parser = parse_shard)]
    pub shard: Option<tripmap::stream::Shard>,
    /// Trips rendered at once [default: one per core].
    #[arg(long, value_name = "N", requires = "jsonl", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,
}

/// The trip to read and how to order it (`render` and `check`).
#[derive(Debug, clap::Args)]
pub struct InputArgs {
    /// Trip file (.json, .csv, .geojson, .gpx, .kml, .kmz), or `-` for standard input (the
    /// format sniffed unless --from says); with --jsonl, a JSON Lines file [default: -].
    #[arg(
        required = false,
        required_unless_present = "jsonl",
        default_value_if("jsonl", clap::builder::ArgPredicate::IsPresent, "-")
    )]
    pub input: PathBuf,
    /// Input format when the extension does not say.
    #[arg(long, value_enum)]
    pub from: Option<Format>,
    /// How to order the stops: by time (default), as given in the file, or shortest (least total
    /// distance; dated stops keep their time order).
    #[arg(long, value_enum, default_value = "time")]
    pub order: Order,
    /// With --order shortest: the first stop, by name or 1-based number [default: the first stop in time order].
    #[arg(long, value_name = "NAME|N")]
    pub start: Option<String>,
    /// With --order shortest: the last stop, by name or 1-based number.
    #[arg(long, value_name = "NAME|N")]
    pub end: Option<String>,
    /// Come back to the first stop (adds a closing leg).
    #[arg(long)]
    pub round_trip: bool,
    /// With --order shortest: seed of the randomised search (same seed, same order).
    #[arg(long, default_value_t = 0)]
    pub seed: u64,
    /// With --order shortest: how long to search, in seconds.
    #[arg(
        long,
        default_value_t = 1.0,
        value_name = "SECONDS",
        allow_negative_numbers = true
    )]
    pub time_limit: f64,
    #[command(flatten)]
    pub limits: LimitArgs,
}

/// `tripmap render`.
#[derive(Debug, clap::Args)]
pub struct RenderArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// More trip files: render them all, in parallel, each into its own folder.
    #[arg(value_name = "MORE")]
    pub more: Vec<PathBuf>,
    /// Draw all the trips on one map, each in its own colour (named in the legend by its title
    /// or file name), into one folder [default: output/together].
    #[arg(long)]
    pub together: bool,
    #[command(flatten)]
    pub output: OutputArgs,
    #[command(flatten)]
    pub titles: TitleArgs,
    #[command(flatten)]
    pub map: MapArgs,
    #[command(flatten)]
    pub stream: StreamArgs,
    #[command(flatten)]
    pub embed: EmbedArgs,
}

/// The map's title lines, over the trip's own (a CSV has none; a GPX or KML file's name element
/// is its title).
#[derive(Debug, clap::Args)]
#[command(next_help_heading = "Title lines")]
pub struct TitleArgs {
    /// The map's title, instead of the trip's.
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
    /// The subtitle, instead of the trip's (or the one generated from the stops and dates).
    #[arg(long, value_name = "TEXT")]
    pub subtitle: Option<String>,
    /// The source or credit line, instead of the trip's.
    #[arg(long, value_name = "TEXT")]
    pub source: Option<String>,
}

/// Where the outputs go and which are written.
#[derive(Debug, clap::Args)]
#[command(next_help_heading = "Output")]
pub struct OutputArgs {
    /// Output folder [default: output/<input file name without extension>]. With several
    /// trips, each goes into OUTPUT/<its file name without extension>/ [default: output/].
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Outputs to write, comma-separated: geojson (stops.geojson, legs.geojson), svg (map.svg),
    /// png (map.png), kml (trip.kml), gpx (trip.gpx), gpkg (trip.gpkg), fgb (stops.fgb,
    /// legs.fgb), html (map.html, the map for several widths) [default: geojson,svg].
    #[arg(long, value_delimiter = ',', value_parser = Trimmed::<OutputFormat>::default())]
    pub format: Vec<OutputFormat>,
    /// Write one output file to standard output instead of files (stops and legs are the two
    /// GeoJSON layers, stops-fgb and legs-fgb the FlatGeobuf ones).
    #[arg(long, value_name = "OUTPUT", value_parser = stdout_parser())]
    pub stdout: Option<(OutputFormat, OutputName)>,
    /// Thin recorded tracks to this tolerance in metres (Ramer–Douglas–Peucker) in every output;
    /// without it legs.geojson, trip.kml and trip.gpx keep every recorded point.
    #[arg(long, value_name = "METRES", value_parser = parse_tolerance)]
    pub simplify: Option<f64>,
    /// map.png pixels per map.svg pixel, up to 8 [default: 2].
    #[arg(long, value_parser = parse_scale)]
    pub scale: Option<f64>,
}

/// How `map.svg` looks.
#[derive(Debug, clap::Args)]
#[command(next_help_heading = "Map")]
pub struct MapArgs {
    /// Map width in pixels (320 to 10000).
    #[arg(long, default_value_t = 960.0)]
    pub width: f64,
    /// Map height in pixels [default: what suits the trip].
    #[arg(long)]
    pub height: Option<f64>,
    /// Projection instead of the one chosen for the trip.
    #[arg(long, value_enum)]
    pub projection: Option<ProjectionKind>,
    /// Colour theme.
    #[arg(long, value_enum, default_value = "light")]
    pub theme: ThemeName,
    /// Show each stop's note as a callout beside its label.
    #[arg(long)]
    pub annotate: bool,
    /// How dates are written on labels: short (5 Nov), long (5 November), iso, none.
    #[arg(long, value_enum, default_value = "short")]
    pub dates: DateStyle,
    /// Distances in miles instead of kilometres (scale bar, subtitle).
    #[arg(long)]
    pub miles: bool,
    /// Draw a graticule (lines of latitude and longitude).
    #[arg(long)]
    pub graticule: bool,
    /// Prefix for the SVG's ids and classes [default: derived from the trip].
    #[arg(long)]
    pub id_prefix: Option<String>,
    /// Street-level basemap: a PMTiles archive of vector tiles in the Protomaps schema, a file
    /// or an http(s) URL [default: the bundled Natural Earth].
    #[arg(long, value_name = "FILE.pmtiles|URL")]
    pub basemap: Option<String>,
    /// A GeoJSON layer of your own drawn under the route (repeatable); simplestyle `stroke`,
    /// `fill`, `marker-color` properties style it, a `title` names it in the legend.
    #[arg(long, value_name = "FILE")]
    pub overlay: Vec<std::path::PathBuf>,
    /// Draw a timeline under the map: each stop on a date axis of local days, numbered as on
    /// the map, with its stay and the legs whose times are known (an error when no stop has a
    /// date).
    #[arg(long)]
    pub timeline: bool,
    /// Colour legs and markers by local day, by leg, by travel mode or by trip; the legend and
    /// the timeline use the same colours.
    #[arg(long, value_enum, value_name = "BY", visible_alias = "color-by")]
    pub colour_by: Option<tripmap::scene::ColourBy>,
}

/// The themes by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ThemeName {
    /// Pale land on a pale blue sea, a red route.
    Light,
    /// Dark land on a darker sea, an orange route.
    Dark,
}
