//! `tripmap check`: validate a trip and print its summary.

use crate::cli::args::InputArgs;
use crate::cli::input::load;
use crate::cli::report::{Failure, escape_controls, print_stdout};
use crate::cli::summary;
use std::process::ExitCode;
use tripmap::format::format_km;
use tripmap::model::Route;
use tripmap::routing::{self, Order, ShortestOptions};

/// Plans the trip and prints `FILE: ok` and the summary (with the optimality bound under
/// `--order shortest`).
pub fn run(args: &InputArgs) -> Result<ExitCode, Failure> {
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
