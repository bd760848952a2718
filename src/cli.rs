//! Command-line arguments (clap) and the commands they run. No geometry here: each command reads
//! its input, makes one library call and writes or prints the result.

use crate::io::{self, Format};
use crate::output;
use crate::pipeline::{self, RenderOptions};
use crate::projection::ProjectionKind;
use crate::routing::Order;
use crate::scene::{DateStyle, MapOptions, Theme, Units};
use clap::{Parser, Subcommand};
use std::io::{Read, Write};
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
  tripmap check data/trips/pacific-2024.json            validates and summarises";

#[derive(Debug, Subcommand)]
enum Command {
    /// Render a trip's GeoJSON layers (stops.geojson, legs.geojson) and map (map.svg) into a folder.
    Render(RenderArgs),
    /// Validate a trip and print a summary: stops, legs, total km, date span, warnings.
    Check(InputArgs),
}

#[derive(Debug, clap::Args)]
struct InputArgs {
    /// Trip file (.json or .csv), or `-` for standard input.
    input: PathBuf,
    /// Input format when the extension does not say (json, csv).
    #[arg(long, value_parser = clap::builder::PossibleValuesParser::new(Format::NAMES))]
    from: Option<String>,
    /// How to order the stops: by time (default) or as given in the file.
    #[arg(long, default_value = "time", value_parser = clap::builder::PossibleValuesParser::new(Order::NAMES))]
    order: String,
}

#[derive(Debug, clap::Args)]
struct RenderArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Output folder [default: output/<input file name without extension>].
    #[arg(short, long)]
    output: Option<PathBuf>,
    #[command(flatten)]
    map: MapArgs,
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

/// Runs the command line; returns the process exit code.
pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Command::Render(args) => render(&args),
        Command::Check(args) => check(&args),
    }
}

fn render(args: &RenderArgs) -> ExitCode {
    let input = &args.input;
    let Some(itinerary) = read_itinerary(input) else {
        return ExitCode::from(INVALID);
    };
    let options = RenderOptions {
        order: parse_order(&input.order),
        map: args.map.options(),
    };
    let rendered = match pipeline::render(&itinerary, &options) {
        Ok(r) => r,
        Err(e) => return fail(&input.input, &e),
    };
    for w in &rendered.route.warnings {
        eprintln!("warning: {}: {w}", input.input.display());
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
    match crate::routing::plan(&itinerary, parse_order(&args.order)) {
        Ok(route) => {
            let text = crate::summary::summary(&route);
            print_stdout(&format!("{}: ok\n{text}", args.input.display()))
        }
        Err(e) => fail(&args.input, &e),
    }
}

/// Prints to standard output; a closed pipe (`| head`) is not an error.
fn print_stdout(text: &str) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: cannot write to standard output: {e}");
            ExitCode::from(INVALID)
        }
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
    let path = &args.input;
    let format = match &args.from {
        Some(name) => Format::from_name(name),
        None if path == Path::new("-") => Some(Format::Json),
        None => Format::from_path(path),
    };
    let Some(format) = format else {
        eprintln!(
            "error: {}: cannot tell the format from the extension; use --from json or --from csv",
            path.display()
        );
        return None;
    };
    let bytes = if path == Path::new("-") {
        let mut buf = Vec::new();
        match std::io::stdin().lock().read_to_end(&mut buf) {
            Ok(_) => buf,
            Err(e) => {
                eprintln!("error: cannot read standard input: {e}");
                return None;
            }
        }
    } else {
        match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("error: cannot read {}: {}", path.display(), io_reason(&e));
                return None;
            }
        }
    };
    match io::read(&bytes, format) {
        Ok(it) => Some(it),
        Err(e) => {
            fail(path, &e);
            None
        }
    }
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// Prints `error: FILE: message` and returns the invalid-input exit code.
fn fail(path: &Path, e: &crate::Error) -> ExitCode {
    let name = if path == Path::new("-") {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    };
    match e {
        crate::Error::Syntax {
            line,
            column,
            message,
        } => eprintln!("error: {name}:{line}:{column}: {message}"),
        other => eprintln!("error: {name}: {other}"),
    }
    ExitCode::from(INVALID)
}
