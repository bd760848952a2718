//! Command-line arguments (clap) and the commands they run. No geometry here: each command reads
//! its input, makes one library call and writes or prints the result.

use crate::io::{self, Format};
use crate::output;
use crate::pipeline::{self, RenderOptions};
use crate::routing::Order;
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
  tripmap check data/trips/pacific-2024.json            validates and summarises
  tripmap extract story.txt --published 2023-11-06 -o trip.json   draft itinerary from a story
  tripmap geocode \"Paris, TX\" Kyiv --json               looks up places in the bundled gazetteer";

#[derive(Debug, Subcommand)]
enum Command {
    /// Render a trip's GeoJSON layers (stops.geojson, legs.geojson) into a folder.
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
    /// Write the itinerary JSON here [default: standard output].
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Print a table of every decision: place, stop or mentioned, evidence, date and how.
    #[arg(long)]
    explain: bool,
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
}

/// Exit code for invalid input or a failure to read or write.
const INVALID: u8 = 1;

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
    let text = if path == Path::new("-") {
        let mut buf = String::new();
        if let Err(e) = std::io::stdin().lock().read_to_string(&mut buf) {
            eprintln!("error: cannot read standard input as UTF-8 text: {e}");
            return ExitCode::from(INVALID);
        }
        buf
    } else {
        match std::fs::read(path) {
            Ok(b) => match String::from_utf8(b) {
                Ok(t) => t,
                Err(e) => {
                    eprintln!(
                        "error: {}: not UTF-8 text (invalid byte at offset {})",
                        path.display(),
                        e.utf8_error().valid_up_to()
                    );
                    return ExitCode::from(INVALID);
                }
            },
            Err(e) => {
                eprintln!("error: cannot read {}: {}", path.display(), io_reason(&e));
                return ExitCode::from(INVALID);
            }
        }
    };
    let options = crate::extract::Options { published };
    let found = match crate::extract::extract(&text, &options, crate::geocode::Gazetteer::get()) {
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
    let json = crate::extract::trip::to_json(&found, &source_name);
    if args.explain {
        let code = print_stdout(&crate::extract::explain::table(&found));
        if code != ExitCode::SUCCESS {
            return code;
        }
    }
    if found.stops.is_empty() {
        // A trip needs a stop: write nothing rather than a file `render` would refuse.
        eprintln!(
            "error: {}: no stops found: no place follows a travel cue such as \"visit to\", \"arrived in\" or \"left X for Y\" (--explain lists the places mentioned)",
            path.display()
        );
        return ExitCode::from(INVALID);
    }
    let Some(out) = &args.output else {
        return if args.explain {
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
    let Some(itinerary) = read_itinerary(input) else {
        return ExitCode::from(INVALID);
    };
    let options = RenderOptions {
        order: parse_order(&input.order),
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
    match pipeline::plan(&itinerary, parse_order(&args.order)) {
        Ok(route) => {
            let text = crate::summary::summary(&route);
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
