//! `tripmap render a.json b.gpx ...`: every trip in parallel, each into `OUTPUT/<name>/`; a
//! progress bar on a terminal; errors reported per file while the others still render; a
//! summary line at the end.

use super::args::RenderArgs;
use super::input::load;
use super::report::{Failure, INVALID, eprint_line, error_text, print_written};
use rayon::prelude::*;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use tripmap::pipeline::RenderOptions;

/// What one trip of a batch gave: the files written and the warnings (without the `warning:`
/// label), or the message.
type Outcome = Result<(Vec<PathBuf>, Vec<String>), String>;

/// Renders every trip named on the command line.
pub fn run(args: &RenderArgs, options: &RenderOptions) -> Result<ExitCode, Failure> {
    let inputs: Vec<&PathBuf> = std::iter::once(&args.input.input)
        .chain(&args.more)
        .collect();
    if inputs.iter().any(|p| p.as_path() == Path::new("-")) {
        return Err(Failure::usage(
            "error: standard input (`-`) can only be rendered on its own".into(),
        ));
    }
    if args.output.stdout.is_some() {
        return Err(Failure::usage("error: --stdout takes a single trip".into()));
    }
    let root = args
        .output
        .output
        .clone()
        .unwrap_or_else(|| PathBuf::from("output"));
    let names = folder_names(&inputs);
    let bar = progress_bar(inputs.len());
    let results: Vec<Outcome> = inputs
        .par_iter()
        .zip(&names)
        .map(|(path, name)| {
            let r = render_one(path, args, options, &root.join(name));
            bar.inc(1);
            r
        })
        .collect();
    bar.finish_and_clear();
    Ok(summarise(&inputs, results))
}

/// Prints each trip's warnings, files and errors in input order, then the summary line.
fn summarise(inputs: &[&PathBuf], results: Vec<Outcome>) -> ExitCode {
    let mut failed = Vec::new();
    for (path, result) in inputs.iter().zip(results) {
        match result {
            Ok((written, warnings)) => {
                for w in warnings {
                    super::console::warning(&w);
                }
                print_written(&written);
            }
            Err(message) => {
                eprint_line(&message);
                failed.push(path.display().to_string());
            }
        }
    }
    let done = inputs.len() - failed.len();
    if failed.is_empty() {
        eprint_line(&format!("rendered {done} of {} trips", inputs.len()));
        ExitCode::SUCCESS
    } else {
        eprint_line(&format!(
            "rendered {done} of {} trips; {} failed: {}",
            inputs.len(),
            failed.len(),
            failed.join(", ")
        ));
        ExitCode::from(INVALID)
    }
}

/// A bar counting trips, on a terminal only.
fn progress_bar(len: usize) -> indicatif::ProgressBar {
    if !std::io::stderr().is_terminal() || super::console::quiet() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(len as u64);
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} trips {elapsed} {msg}")
    {
        bar.set_style(style);
    }
    bar
}

/// Renders one trip of a batch into `dir`.
fn render_one(path: &Path, args: &RenderArgs, options: &RenderOptions, dir: &Path) -> Outcome {
    let input = &args.input;
    let limits = input.limits.limits();
    let mut itinerary = load(path, input.from, &limits).map_err(|f| f.message)?;
    args.titles
        .apply(&mut itinerary, &limits)
        .map_err(|e| error_text(path, &e))?;
    let rendered =
        tripmap::pipeline::render(&itinerary, options).map_err(|e| error_text(path, &e))?;
    let written = tripmap::output::write_all(dir, &rendered.files)
        .map_err(|e| Failure::output(&e).message)?;
    let warnings = rendered
        .route
        .warnings
        .iter()
        .map(|w| format!("{}: {w}", path.display()))
        .collect();
    Ok((written, warnings))
}

/// Output folder names for a batch: each file's stem made safe (letters, digits, `-`, `_`, `.`;
/// anything else becomes `_`; no leading dot, so never `..`), with `-2`, `-3`... added to repeats.
fn folder_names(inputs: &[&PathBuf]) -> Vec<String> {
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

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn folder_names_are_safe_and_unique() {
        let paths: Vec<PathBuf> = ["a/trip.json", "b/trip.gpx", "..x;y.json", "/.."]
            .iter()
            .map(PathBuf::from)
            .collect();
        let refs: Vec<&PathBuf> = paths.iter().collect();
        assert_eq!(folder_names(&refs), ["trip", "trip-2", "x_y", "trip-3"]);
    }
}
