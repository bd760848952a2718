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
  tripmap check data/trips/pacific-2024.json            validates and summarises";

#[derive(Debug, Subcommand)]
enum Command {
    /// Render a trip's GeoJSON layers (stops.geojson, legs.geojson) into a folder.
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
    }
}

fn render(args: &RenderArgs) -> ExitCode {
    let input = &args.input;
    let Some(itinerary) = read_itinerary(input) else {
        return ExitCode::from(INVALID);
    };
    let Some(shortest) = shortest_options(input) else {
        return ExitCode::from(INVALID);
    };
    let options = RenderOptions {
        order: parse_order(&input.order),
        shortest,
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
    let Some(shortest) = shortest_options(args) else {
        return ExitCode::from(INVALID);
    };
    let order = parse_order(&args.order);
    match crate::routing::plan_with(&itinerary, order, &shortest) {
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
