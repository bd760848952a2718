//! `tripmap geocode`: look up place names in the bundled gazetteer.

use crate::cli::args::GeocodeArgs;
use crate::cli::report::{Failure, INVALID, eprint_line, print_stdout};
use std::process::ExitCode;
use tripmap::geocode::{self, Hints, report};

/// One block (or JSON line) per query; exit 1 when any query matches nothing.
pub fn run(args: &GeocodeArgs) -> Result<ExitCode, Failure> {
    let mut hints = Hints::none();
    for place in &args.near {
        let m = geocode::lookup(place, &Hints::none())
            .map_err(|e| Failure::invalid(format!("error: --near: {e}")))?;
        hints.add_match(&m);
    }
    let mut out = String::new();
    let mut failed = false;
    for q in &args.query {
        let result = geocode::lookup(q, &hints);
        if let Err(e) = &result {
            failed = true;
            eprint_line(&format!("error: {e}"));
        }
        if args.json {
            out.push_str(&report::json_line(q, &result));
        } else if let Ok(m) = &result {
            out.push_str(&report::text(m));
        }
    }
    let code = print_stdout(&out)?;
    Ok(if failed {
        ExitCode::from(INVALID)
    } else {
        code
    })
}
