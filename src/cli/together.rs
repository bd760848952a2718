//! `tripmap render a.json b.json --together`: the trips read and planned one by one (an error
//! names its file), joined into one route ([`tripmap::routing::together`]) and drawn on one map
//! into one folder.

use super::args::RenderArgs;
use super::console;
use super::input::load;
use super::report::{Failure, write_and_report};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use tripmap::pipeline::{RenderOptions, plan_with, render_route};

/// Renders every trip named on the command line on one map.
pub fn run(args: &RenderArgs, options: &RenderOptions) -> Result<ExitCode, Failure> {
    let inputs: Vec<&PathBuf> = std::iter::once(&args.input.input)
        .chain(&args.more)
        .collect();
    if args.output.stdout.is_some() {
        return Err(Failure::usage(
            "error: --stdout with --together: give the output folder with -o instead".into(),
        ));
    }
    let limits = args.input.limits.limits();
    let mut routes = Vec::new();
    for path in &inputs {
        let itinerary = load(path, args.input.from, &limits)?;
        let name = trip_name(itinerary.title.as_deref(), path);
        let route = plan_with(&itinerary, options.order, &options.shortest)
            .map_err(|e| Failure::input(path, &e))?;
        routes.push((name, route));
    }
    let mut route =
        tripmap::routing::together(routes).map_err(|e| Failure::input(inputs[0], &e))?;
    args.titles
        .apply(&mut route.meta, &limits)
        .map_err(|e| Failure::input(inputs[0], &e))?;
    let rendered = render_route(route, options).map_err(|e| Failure::input(inputs[0], &e))?;
    for w in &rendered.route.warnings {
        console::warning(w);
    }
    let dir = args
        .output
        .output
        .clone()
        .unwrap_or_else(|| PathBuf::from("output").join("together"));
    write_and_report(&dir, &rendered.files)
}

/// A trip's name on a map of several: its title, else its file name without extension.
fn trip_name(title: Option<&str>, path: &Path) -> String {
    match title.map(str::trim).filter(|t| !t.is_empty()) {
        Some(t) => t.to_string(),
        None if path == Path::new("-") => "standard input".into(),
        None => path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "trip".into()),
    }
}
