//! `tripmap check`: validate a trip and print its summary (as text, or as one JSON document
//! with `--json`; a JSON Lines stream of trips goes to [`super::stream`] with `--jsonl`).

use crate::cli::args::{CheckArgs, InputArgs};
use crate::cli::commands::stream;
use crate::cli::input::{load, load_input};
use crate::cli::report::{Failure, INVALID, escape_controls, print_stdout};
use crate::cli::summary;
use serde_json::json;
use std::process::ExitCode;
use tripmap::format::format_km;
use tripmap::model::Route;
use tripmap::pipeline::RenderOptions;
use tripmap::routing::{self, Order, ShortestOptions};
use tripmap::stream::{ErrorReport, RouteSummary, Task};

/// Runs `tripmap check` as its flags say.
pub fn run(args: &CheckArgs) -> Result<ExitCode, Failure> {
    if args.stream.inline {
        return Err(Failure::usage(
            "error: --inline is for render --jsonl: check writes no outputs".into(),
        ));
    }
    if args.stream.jsonl {
        let mut options = RenderOptions::default();
        options.order = args.input.order;
        options.shortest = args.input.shortest_options()?;
        return stream::run(&args.input, &args.stream, None, Task::Check, options);
    }
    if args.json {
        return run_json(&args.input);
    }
    run_text(&args.input)
}

/// Plans the trip and prints `FILE: ok` and the summary (with the optimality bound under
/// `--order shortest`).
fn run_text(args: &InputArgs) -> Result<ExitCode, Failure> {
    let itinerary = load(&args.input, args.from, &args.limits.limits())?;
    let shortest = args.shortest_options()?;
    let route = tripmap::pipeline::plan_with(&itinerary, args.order, &shortest)
        .map_err(|e| Failure::input(&args.input, &e))?;
    let mut text = summary::summary(&route);
    if args.order == Order::Shortest {
        text.push_str(&bound_line(&route, &shortest));
    }
    // Stop names are the input's: no control character reaches the terminal raw.
    print_stdout(&escape_controls(&format!(
        "{}: ok\n{text}",
        args.input.display()
    )))
}

/// Prints one JSON document: `{"input", "ok": true, "summary", "warnings"}`, or `"ok": false`
/// and the `"error"` (message, line and column or stop and field) with exit code 1.
fn run_json(args: &InputArgs) -> Result<ExitCode, Failure> {
    let input = args.input.display().to_string();
    let shortest = args.shortest_options()?;
    let planned = load_input(&args.input, args.from, &args.limits.limits()).and_then(|it| {
        tripmap::pipeline::plan_with(&it, args.order, &shortest)
            .map_err(|e| ErrorReport::from_error(&e))
    });
    let (doc, code) = match planned {
        Ok(route) => (
            json!({
                "input": input,
                "ok": true,
                "summary": RouteSummary::of(&route),
                "warnings": route.warnings.iter().map(ToString::to_string).collect::<Vec<_>>(),
            }),
            ExitCode::SUCCESS,
        ),
        Err(error) => (
            json!({"input": input, "ok": false, "error": error}),
            ExitCode::from(INVALID),
        ),
    };
    print_stdout(&format!("{doc}\n")).map(|_| code)
}

/// Under `--order shortest`: the lower bound and how far the route can be from the optimum.
fn bound_line(route: &Route, opts: &ShortestOptions) -> String {
    let positions: Vec<_> = route.stops.iter().map(|s| s.position).collect();
    let total = route.total_distance_m();
    match routing::lower_bound_m(&positions, opts.end.is_some(), opts.round_trip, total) {
        Some(lb) => {
            let gap = if lb > 0.0 {
                100.0 * (total - lb) / lb
            } else {
                0.0
            };
            format!(
                "shortest order: {}, lower bound {} (Held-Karp, ignoring date order): at most {gap:.2} % above the optimum\n",
                format_km(total),
                format_km(lb)
            )
        }
        None => format!(
            "shortest order: {} (no lower bound above {} stops)\n",
            format_km(total),
            routing::tsp::BOUND_MAX
        ),
    }
}
