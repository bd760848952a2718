//! Command-line arguments (clap) and the commands they run. No geometry here: each command reads
//! its input, makes one library call and writes or prints the result.

use crate::io::{self, Format};
use crate::limits::Limits;
use crate::output;
use crate::pipeline::{self, RenderOptions};
use crate::projection::ProjectionKind;
use crate::render::OutputFormat;
use crate::routing::Order;
use crate::scene::{DateStyle, MapOptions, Theme, Units};
use clap::{Parser, Subcommand};
use rayon::prelude::*;
use std::io::IsTerminal;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Turn a trip into maps: GeoJSON layers and an SVG route map.
#[derive(Debug, Parser)]
#[command(name = "tripmap", version, about, after_help = EXAMPLES)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

const EXAMPLES: &str = "Examples:
  tripmap render data/trips/blinken-2023-11.json        writes output/blinken-2023-11/
  tripmap render trip.csv -o maps/trip                  writes into maps/trip/
  tripmap render - --from csv < trip.csv                reads standard input
  tripmap render ride.gpx --format svg,png,kml          the map, a PNG and a KML for Google Earth
  tripmap render trips/*.json trips/*.gpx -o maps/      each trip into maps/<file name>/, in parallel
  tripmap render trip.json --stdout gpx > trip.gpx      one output to standard output
  tripmap check data/trips/pacific-2024.json            validates and summarises
  tripmap extract story.txt --published 2023-11-06 -o trip.json   draft itinerary from a story
  tripmap geocode \"Paris, TX\" Kyiv --json               looks up places in the bundled gazetteer";

// Parsed once per run: the size of the largest variant does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Subcommand)]
enum Command {
    /// Render a trip's GeoJSON layers (stops.geojson, legs.geojson) and map (map.svg) into a folder
    /// (also map.png, trip.kml, trip.gpx with --format); several trips in parallel.
    Render(RenderArgs),
    /// Validate a trip and print a summary: stops, legs, total km, date span, warnings.
    Check(InputArgs),
    /// Look up place names in the bundled GeoNames gazetteer: best match and runners-up.
    Geocode(GeocodeArgs),
    /// Read a news story (plain text) and write a draft itinerary: stops in travel order, dates,
    /// evidence and confidence; places only mentioned are listed in `notes`.
    Extract(ExtractArgs),
}

#[derive(Debug, clap::Args)]
struct ExtractArgs {
    /// Text file, or `-` for standard input.
    input: PathBuf,
    /// Publication day (YYYY-MM-DD): the reference for "on Monday" [default: the text's dateline].
    #[arg(long)]
    published: Option<String>,
    /// Write the itinerary JSON here, or `-` for standard output [default: standard output,
    /// or nothing with --explain].
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Print a table of every decision (place, stop or mentioned, evidence, date and how) to
    /// standard output (to standard error with `-o -`); writes the trip only with -o.
    #[arg(long)]
    explain: bool,
    #[command(flatten)]
    input_limit: InputBytesArg,
}

/// `--max-input-bytes`, for every command that reads an input file.
#[derive(Debug, clap::Args)]
struct InputBytesArg {
    /// Largest input read, in bytes or with a unit: 512M, 1G [default: 256M; extract: 64M].
    #[arg(long, value_name = "SIZE", value_parser = crate::limits::parse_size)]
    max_input_bytes: Option<u64>,
}

impl InputBytesArg {
    /// The default limits with the flag applied.
    fn limits(&self) -> Limits {
        let d = Limits::default();
        Limits {
            max_input_bytes: self.max_input_bytes.unwrap_or(d.max_input_bytes),
            ..d
        }
    }
}

/// Input limits (see "Limits and output safety" in the README); the defaults are
/// `tripmap::limits::Limits::default()`.
#[derive(Debug, clap::Args)]
#[command(next_help_heading = "Limits")]
struct LimitArgs {
    #[command(flatten)]
    input: InputBytesArg,
    /// Most stops in one trip [default: 100000].
    #[arg(long, value_name = "N")]
    max_stops: Option<usize>,
    /// Longest text in one field (name, note, title...), in characters [default: 20000].
    #[arg(long, value_name = "N")]
    max_text_chars: Option<usize>,
    /// Most recorded-track points in one trip [default: 5000000].
    #[arg(long, value_name = "N")]
    max_track_points: Option<usize>,
}

impl LimitArgs {
    /// The defaults with the flags given applied.
    fn limits(&self) -> Limits {
        let d = self.input.limits();
        Limits {
            max_stops: self.max_stops.unwrap_or(d.max_stops),
            max_text_chars: self.max_text_chars.unwrap_or(d.max_text_chars),
            max_track_points: self.max_track_points.unwrap_or(d.max_track_points),
            ..d
        }
    }
}

#[derive(Debug, clap::Args)]
struct GeocodeArgs {
    /// Place names, each one argument: "Paris, TX" "Ramallah, West Bank" Kyiv.
    #[arg(required = true)]
    query: Vec<String>,
    /// Print one JSON object per query, one per line.
    #[arg(long)]
    json: bool,
    /// Places the queries are near (repeatable), to choose among homonyms as a trip's other
    /// stops would: --near Chicago picks Springfield, Illinois.
    #[arg(long, value_name = "PLACE")]
    near: Vec<String>,
}

#[derive(Debug, clap::Args)]
struct InputArgs {
    /// Trip file (.json, .csv, .geojson, .gpx, .kml), or `-` for standard input.
    input: PathBuf,
    /// Input format when the extension does not say (json, csv, geojson, gpx, kml).
    #[arg(long, value_parser = clap::builder::PossibleValuesParser::new(Format::NAMES))]
    from: Option<String>,
    /// How to order the stops: by time (default), as given in the file, or shortest (least total
    /// distance; dated stops keep their time order).
    #[arg(long, default_value = "time", value_parser = clap::builder::PossibleValuesParser::new(Order::NAMES))]
    order: String,
    /// With --order shortest: the first stop, by name or 1-based number [default: the first stop in time order].
    #[arg(long, value_name = "NAME|N")]
    start: Option<String>,
    /// With --order shortest: the last stop, by name or 1-based number.
    #[arg(long, value_name = "NAME|N")]
    end: Option<String>,
    /// Come back to the first stop (adds a closing leg).
    #[arg(long)]
    round_trip: bool,
    /// With --order shortest: seed of the randomised search (same seed, same order).
    #[arg(long, default_value_t = 0)]
    seed: u64,
    /// With --order shortest: how long to search, in seconds.
    #[arg(
        long,
        default_value_t = 1.0,
        value_name = "SECONDS",
        allow_negative_numbers = true
    )]
    time_limit: f64,
    #[command(flatten)]
    limits: LimitArgs,
}

#[derive(Debug, clap::Args)]
struct RenderArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Output folder [default: output/<input file name without extension>]. With several
    /// trips, each goes into OUTPUT/<its file name without extension>/ [default: output/].
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// More trip files: render them all, in parallel, each into its own folder.
    #[arg(value_name = "MORE")]
    more: Vec<PathBuf>,
    /// Outputs to write, comma-separated: svg (map.svg), geojson (stops.geojson, legs.geojson),
    /// png (map.png), kml (trip.kml), gpx (trip.gpx) [default: svg,geojson].
    #[arg(long, value_delimiter = ',', value_parser = parse_output_format)]
    format: Vec<OutputFormat>,
    /// Write one output to standard output instead of files: svg, png, kml, gpx, stops or legs
    /// (the two GeoJSON layers).
    #[arg(long, value_name = "OUTPUT", value_parser = clap::builder::PossibleValuesParser::new(STDOUT_NAMES))]
    stdout: Option<String>,
    /// Thin recorded tracks to this tolerance in metres (Ramer–Douglas–Peucker) in every output;
    /// without it legs.geojson, trip.kml and trip.gpx keep every recorded point.
    #[arg(long, value_name = "METRES", value_parser = parse_tolerance)]
    simplify: Option<f64>,
    /// map.png pixels per map.svg pixel, up to 8 [default: 2].
    #[arg(long, value_parser = parse_scale)]
    scale: Option<f64>,
    #[command(flatten)]
    map: MapArgs,
}

fn parse_scale(s: &str) -> Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(v) if v.is_finite() && v > 0.0 && v <= crate::render::png::MAX_SCALE => Ok(v),
        _ => Err(format!("`{s}` is not a scale between 0 and 8")),
    }
}

/// What `--stdout` accepts, and the output file each one is.
const STDOUT_NAMES: &[&str] = &["svg", "png", "kml", "gpx", "stops", "legs"];

fn stdout_file(name: &str) -> (&'static str, OutputFormat) {
    match name {
        "svg" => ("map.svg", OutputFormat::Svg),
        "png" => ("map.png", OutputFormat::Png),
        "kml" => ("trip.kml", OutputFormat::Kml),
        "gpx" => ("trip.gpx", OutputFormat::Gpx),
        "stops" => ("stops.geojson", OutputFormat::GeoJson),
        _ => ("legs.geojson", OutputFormat::GeoJson),
    }
}

fn parse_output_format(s: &str) -> Result<OutputFormat, String> {
    s.trim().parse()
}

fn parse_tolerance(s: &str) -> Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(v) if v.is_finite() && v > 0.0 => Ok(v),
        _ => Err(format!("`{s}` is not a positive number of metres")),
    }
}

/// How `map.svg` looks.
#[derive(Debug, clap::Args)]
struct MapArgs {
    /// Map width in pixels (320 to 10000).
    #[arg(long, default_value_t = 960.0)]
    width: f64,
    /// Map height in pixels [default: what suits the trip].
    #[arg(long)]
    height: Option<f64>,
    /// Projection instead of the one chosen for the trip.
    #[arg(long, value_parser = clap::builder::PossibleValuesParser::new(ProjectionKind::ALL.map(|k| k.name())))]
    projection: Option<String>,
    /// Colour theme.
    #[arg(long, default_value = "light", value_parser = clap::builder::PossibleValuesParser::new(Theme::NAMES))]
    theme: String,
    /// Show each stop's note as a callout beside its label.
    #[arg(long)]
    annotate: bool,
    /// How dates are written on labels: short (5 Nov), long (5 November), iso, none.
    #[arg(long, default_value = "short", value_parser = clap::builder::PossibleValuesParser::new(DateStyle::NAMES))]
    dates: String,
    /// Distances in miles instead of kilometres (scale bar, subtitle).
    #[arg(long)]
    miles: bool,
    /// Draw a graticule (lines of latitude and longitude).
    #[arg(long)]
    graticule: bool,
    /// Prefix for the SVG's ids and classes [default: derived from the trip].
    #[arg(long)]
    id_prefix: Option<String>,
}

impl MapArgs {
    /// The library's options; the names were checked by clap.
    fn options(&self) -> MapOptions {
        MapOptions {
            width_px: self.width,
            height_px: self.height,
            projection: self.projection.as_deref().and_then(|p| p.parse().ok()),
            theme: self.theme.parse().unwrap_or_default(),
            annotate: self.annotate,
            dates: self.dates.parse().unwrap_or_default(),
            units: if self.miles { Units::Miles } else { Units::Km },
            graticule: self.graticule,
            id_prefix: self.id_prefix.clone(),
        }
    }
}

/// Exit code for invalid input or a failure to read or write.
const INVALID: u8 = 1;
/// Exit code for arguments that do not go together (clap uses it for its own usage errors).
const USAGE: u8 = 2;

/// Runs the command line; returns the process exit code.
pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Command::Render(args) => render(&args),
        Command::Check(args) => check(&args),
        Command::Geocode(args) => geocode(&args),
        Command::Extract(args) => extract(&args),
    }
}

fn extract(args: &ExtractArgs) -> ExitCode {
    let published = match &args.published {
        None => None,
        Some(s) => match s.parse::<jiff::civil::Date>() {
            Ok(d) => Some(d),
            Err(_) => {
                eprintln!("error: --published {s:?} is not a date; write it as YYYY-MM-DD");
                return ExitCode::from(2);
            }
        },
    };
    let path = &args.input;
    let limits = Limits {
        max_input_bytes: (args.input_limit.max_input_bytes)
            .unwrap_or(crate::extract::MAX_INPUT_BYTES),
        ..Limits::default()
    };
    let bytes = match read_input(path, &limits) {
        Ok(b) => b,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(INVALID);
        }
    };
    let text = match io::utf8_text(&bytes) {
        Ok(t) => t,
        Err(e) => return fail(path, &e),
    };
    let options = crate::extract::Options { published };
    let found = match crate::extract::extract(text, &options, crate::geocode::Gazetteer::get()) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("error: {}: {e}", path.display());
            return ExitCode::from(INVALID);
        }
    };
    let source_name = if path == Path::new("-") {
        "standard input".to_string()
    } else {
        path.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string())
    };
    // -o - (or no -o) is standard output; with --explain the table takes standard output, and
    // the trip goes there only with -o - (the table then goes to standard error).
    let to_stdout = args.output.as_deref().is_none_or(|o| o == Path::new("-"));
    if args.explain {
        let table = crate::extract::explain::table(&found);
        if args.output.as_deref() == Some(Path::new("-")) {
            eprint!("{table}");
        } else {
            let code = print_stdout(&table);
            if code != ExitCode::SUCCESS {
                return code;
            }
        }
    }
    if let Some(why) = found.nothing_to_write() {
        eprintln!("error: {}: {why}", path.display());
        return ExitCode::from(INVALID);
    }
    for w in found.warnings() {
        eprintln!("warning: {}: {w}", path.display());
    }
    let json = crate::extract::trip::to_json(&found, &source_name);
    let Some(out) = args.output.as_deref().filter(|_| !to_stdout) else {
        return if args.explain && args.output.is_none() {
            ExitCode::SUCCESS
        } else {
            print_stdout(&json)
        };
    };
    let (Some(dir), Some(name)) = (out.parent(), out.file_name()) else {
        eprintln!("error: -o {}: not a file path", out.display());
        return ExitCode::from(2);
    };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let file = output::OutputFile {
        name: name.to_string_lossy().into_owned(),
        bytes: json.into_bytes(),
    };
    match output::write_all(dir, &[file]) {
        Ok(paths) => {
            for p in paths {
                eprintln!("wrote {}", p.display());
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: cannot write {}: {e}", out.display());
            ExitCode::from(INVALID)
        }
    }
}

fn render(args: &RenderArgs) -> ExitCode {
    let input = &args.input;
    let mut formats = args.format.clone();
    if let Some(name) = &args.stdout {
        let (_, f) = stdout_file(name);
        if formats.is_empty() {
            formats.push(f);
        } else if !formats.contains(&f) {
            eprintln!("error: --stdout {name} needs --format to include {f}");
            return ExitCode::from(USAGE);
        }
    }
    let Some(shortest) = shortest_options(input) else {
        return ExitCode::from(INVALID);
    };
    let options = RenderOptions {
        order: parse_order(&input.order),
        shortest,
        map: args.map.options(),
        formats,
        simplify_m: args.simplify,
        png_scale: args.scale,
    };
    if !args.more.is_empty() {
        return render_batch(args, &options);
    }
    let Some(itinerary) = read_itinerary(input) else {
        return ExitCode::from(INVALID);
    };
    let rendered = match pipeline::render(&itinerary, &options) {
        Ok(r) => r,
        Err(e) => return fail(&input.input, &e),
    };
    for w in &rendered.route.warnings {
        eprintln!("warning: {}: {w}", input.input.display());
    }
    if let Some(name) = &args.stdout {
        let (file, _) = stdout_file(name);
        let bytes = rendered
            .files
            .iter()
            .find(|f| f.name == file)
            .map_or(&[][..], |f| &f.bytes[..]);
        return write_stdout(bytes);
    }
    let dir = args
        .output
        .clone()
        .unwrap_or_else(|| default_output_dir(&input.input));
    match output::write_all(&dir, &rendered.files) {
        Ok(paths) => {
            for p in paths {
                eprintln!("wrote {}", p.display());
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: cannot write to {}: {e}", dir.display());
            ExitCode::from(INVALID)
        }
    }
}

fn check(args: &InputArgs) -> ExitCode {
    let Some(itinerary) = read_itinerary(args) else {
        return ExitCode::from(INVALID);
    };
    let Some(shortest) = shortest_options(args) else {
        return ExitCode::from(INVALID);
    };
    let order = parse_order(&args.order);
    match pipeline::plan_with(&itinerary, order, &shortest) {
        Ok(route) => {
            let mut text = crate::summary::summary(&route);
            if order == Order::Shortest {
                text.push_str(&bound_line(&route, &shortest));
            }
            print_stdout(&format!("{}: ok\n{text}", args.input.display()))
        }
        Err(e) => fail(&args.input, &e),
    }
}

/// `tripmap geocode`: one block (or JSON line) per query; exit 1 when any query matches nothing.
fn geocode(args: &GeocodeArgs) -> ExitCode {
    let mut hints = crate::geocode::Hints::none();
    for place in &args.near {
        match crate::geocode::lookup(place, &crate::geocode::Hints::none()) {
            Ok(m) => hints.add_match(&m),
            Err(e) => {
                eprintln!("error: --near: {e}");
                return ExitCode::from(INVALID);
            }
        }
    }
    let mut out = String::new();
    let mut failed = false;
    for q in &args.query {
        let result = crate::geocode::lookup(q, &hints);
        if let Err(e) = &result {
            failed = true;
            eprintln!("error: {e}");
        }
        if args.json {
            out.push_str(&crate::geocode::report::json_line(q, &result));
        } else if let Ok(m) = &result {
            out.push_str(&crate::geocode::report::text(m));
        }
    }
    let code = print_stdout(&out);
    if failed {
        ExitCode::from(INVALID)
    } else {
        code
    }
}

/// Prints to standard output; a closed pipe (`| head`) is not an error.
fn print_stdout(text: &str) -> ExitCode {
    write_stdout(text.as_bytes())
}

/// Writes bytes to standard output; a closed pipe (`| head`) is not an error.
fn write_stdout(bytes: &[u8]) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|_| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: cannot write to standard output: {e}");
            ExitCode::from(INVALID)
        }
    }
}

/// The `--order shortest` options from the flags, with a progress bar when standard error is a
/// terminal; `None` after printing an error.
fn shortest_options(args: &InputArgs) -> Option<crate::routing::ShortestOptions> {
    use std::io::IsTerminal;
    let Ok(time_limit) = std::time::Duration::try_from_secs_f64(args.time_limit) else {
        eprintln!(
            "error: --time-limit {}: give a number of seconds, 0 or more",
            args.time_limit
        );
        return None;
    };
    let progress: Option<crate::routing::ProgressFn> = (parse_order(&args.order)
        == Order::Shortest
        && std::io::stderr().is_terminal()
        && args.time_limit >= 0.5)
        .then(|| {
            let bar = indicatif::ProgressBar::new(1000);
            bar.set_style(
                indicatif::ProgressStyle::with_template(
                    "searching for the shortest order {bar:30} {elapsed}",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            let f: crate::routing::ProgressFn = std::sync::Arc::new(move |x: f64| {
                bar.set_position((x.clamp(0.0, 1.0) * 1000.0) as u64);
                if x >= 1.0 {
                    bar.finish_and_clear();
                }
            });
            f
        });
    Some(crate::routing::ShortestOptions {
        start: args.start.clone(),
        end: args.end.clone(),
        round_trip: args.round_trip,
        seed: args.seed,
        time_limit,
        progress,
    })
}

/// `tripmap check` under `--order shortest`: the lower bound and how far the route can be from
/// the optimum.
fn bound_line(route: &crate::model::Route, opts: &crate::routing::ShortestOptions) -> String {
    let positions: Vec<_> = route.stops.iter().map(|s| s.position).collect();
    let total = route.total_distance_m();
    match crate::routing::lower_bound_m(&positions, opts.end.is_some(), opts.round_trip, total) {
        Some(lb) => {
            let gap = if lb > 0.0 {
                100.0 * (total - lb) / lb
            } else {
                0.0
            };
            format!(
                "shortest order: {}, lower bound {} (Held-Karp, ignoring date order): at most {gap:.2} % above the optimum\n",
                crate::summary::format_km(total),
                crate::summary::format_km(lb)
            )
        }
        None => format!(
            "shortest order: {} (no lower bound above {} stops)\n",
            crate::summary::format_km(total),
            crate::routing::tsp::BOUND_MAX
        ),
    }
}

fn parse_order(s: &str) -> Order {
    s.parse().unwrap_or_default()
}

/// `output/<stem>` for a file, `output/stdin` for standard input.
fn default_output_dir(input: &Path) -> PathBuf {
    let stem = if input == Path::new("-") {
        "stdin".to_string()
    } else {
        input
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "trip".into())
    };
    PathBuf::from("output").join(stem)
}

/// Reads and parses the input, printing any error; `None` after an error.
fn read_itinerary(args: &InputArgs) -> Option<crate::model::Itinerary> {
    match load(&args.input, args.from.as_deref(), &args.limits.limits()) {
        Ok(it) => Some(it),
        Err(message) => {
            eprintln!("{message}");
            None
        }
    }
}

/// Reads and parses a trip file (`-` for standard input, as JSON unless `from` says otherwise)
/// within `limits`. The error is the whole message to print: `error: FILE:LINE:COLUMN: ...`.
fn load(
    path: &Path,
    from: Option<&str>,
    limits: &Limits,
) -> Result<crate::model::Itinerary, String> {
    let format = match from {
        Some(name) => Format::from_name(name),
        None if path == Path::new("-") => Some(Format::Json),
        None => Format::from_path(path),
    };
    let Some(format) = format else {
        return Err(format!(
            "error: {}: cannot tell the format from the extension; use --from {}",
            path.display(),
            Format::NAMES.join("|")
        ));
    };
    let bytes = read_input(path, limits)?;
    io::read_with(&bytes, format, limits).map_err(|e| error_text(path, &e))
}

/// The bytes of a file, or of standard input for `-`, refused past `limits.max_input_bytes`
/// (a file from its size, before reading). The error is the whole message to print.
fn read_input(path: &Path, limits: &Limits) -> Result<Vec<u8>, String> {
    let read = if path == Path::new("-") {
        limits.read_bounded(std::io::stdin().lock())
    } else {
        limits.read_file(path)
    };
    read.map_err(|e| match e.kind() {
        std::io::ErrorKind::FileTooLarge => format!("error: {}: {e}", display_name(path)),
        _ if path == Path::new("-") => format!("error: cannot read standard input: {e}"),
        _ => format!("error: cannot read {}: {}", path.display(), io_reason(&e)),
    })
}

/// Renders one trip of a batch into `dir`: the files written and the warnings, or the message.
fn render_file(
    path: &Path,
    args: &InputArgs,
    options: &RenderOptions,
    dir: &Path,
) -> Result<(Vec<PathBuf>, Vec<String>), String> {
    let itinerary = load(path, args.from.as_deref(), &args.limits.limits())?;
    let rendered = pipeline::render(&itinerary, options).map_err(|e| error_text(path, &e))?;
    let written = output::write_all(dir, &rendered.files)
        .map_err(|e| format!("error: cannot write to {}: {e}", dir.display()))?;
    let warnings = rendered
        .route
        .warnings
        .iter()
        .map(|w| format!("warning: {}: {w}", path.display()))
        .collect();
    Ok((written, warnings))
}

/// `tripmap render a.json b.gpx ...`: every trip in parallel, each into OUTPUT/<name>/; a progress
/// bar on a terminal; errors reported per file, the others still rendered; a summary at the end.
fn render_batch(args: &RenderArgs, options: &RenderOptions) -> ExitCode {
    let inputs: Vec<&PathBuf> = std::iter::once(&args.input.input)
        .chain(&args.more)
        .collect();
    if inputs.iter().any(|p| p.as_path() == Path::new("-")) {
        eprintln!("error: standard input (`-`) can only be rendered on its own");
        return ExitCode::from(USAGE);
    }
    if args.stdout.is_some() {
        eprintln!("error: --stdout takes a single trip");
        return ExitCode::from(USAGE);
    }
    let root = args
        .output
        .clone()
        .unwrap_or_else(|| PathBuf::from("output"));
    let names = batch_folder_names(&inputs);
    let bar = if std::io::stderr().is_terminal() {
        let bar = indicatif::ProgressBar::new(inputs.len() as u64);
        if let Ok(style) =
            indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} trips {elapsed} {msg}")
        {
            bar.set_style(style);
        }
        bar
    } else {
        indicatif::ProgressBar::hidden()
    };
    let results: Vec<_> = inputs
        .par_iter()
        .zip(&names)
        .map(|(path, name)| {
            let r = render_file(path, &args.input, options, &root.join(name));
            bar.inc(1);
            r
        })
        .collect();
    bar.finish_and_clear();
    let mut failed = Vec::new();
    for (path, result) in inputs.iter().zip(results) {
        match result {
            Ok((written, warnings)) => {
                for w in warnings {
                    eprintln!("{w}");
                }
                for p in written {
                    eprintln!("wrote {}", p.display());
                }
            }
            Err(message) => {
                eprintln!("{message}");
                failed.push(path.display().to_string());
            }
        }
    }
    let done = inputs.len() - failed.len();
    if failed.is_empty() {
        eprintln!("rendered {done} of {} trips", inputs.len());
        ExitCode::SUCCESS
    } else {
        eprintln!(
            "rendered {done} of {} trips; {} failed: {}",
            inputs.len(),
            failed.len(),
            failed.join(", ")
        );
        ExitCode::from(INVALID)
    }
}

/// Output folder names for a batch: each file's stem made safe (letters, digits, `-`, `_`, `.`;
/// anything else becomes `_`; no leading dot, so never `..`), with `-2`, `-3`... added to repeats.
fn batch_folder_names(inputs: &[&PathBuf]) -> Vec<String> {
    let mut names: Vec<String> = Vec::with_capacity(inputs.len());
    for path in inputs {
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let safe: String = stem
            .chars()
            .map(|c| {
                if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        let safe = safe.trim_start_matches('.');
        let base = if safe.is_empty() { "trip" } else { safe };
        let mut name = base.to_string();
        let mut n = 2;
        while names.contains(&name) {
            name = format!("{base}-{n}");
            n += 1;
        }
        names.push(name);
    }
    names
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// How errors name an input: its path, or `<stdin>` for `-`.
fn display_name(path: &Path) -> String {
    if path == Path::new("-") {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    }
}

/// Prints `error: FILE: message` and returns the invalid-input exit code.
fn fail(path: &Path, e: &crate::Error) -> ExitCode {
    eprintln!("{}", error_text(path, e));
    ExitCode::from(INVALID)
}

/// `error: FILE:LINE:COLUMN: message` for syntax errors, `error: FILE: message` for the rest.
fn error_text(path: &Path, e: &crate::Error) -> String {
    let name = display_name(path);
    match e {
        crate::Error::Syntax {
            line,
            column,
            message,
        } => format!("error: {name}:{line}:{column}: {message}"),
        other => format!("error: {name}: {other}"),
    }
}
