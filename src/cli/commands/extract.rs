//! `tripmap extract`: a news story in, a draft itinerary (tripmap JSON) out.

use crate::cli::args::ExtractArgs;
use crate::cli::input::read_bytes;
use crate::cli::report::{Failure, print_stdout, print_written};
use std::path::Path;
use std::process::ExitCode;

/// Extracts the trip; prints the `--explain` table and writes (or prints) the JSON.
pub fn run(args: &ExtractArgs) -> Result<ExitCode, Failure> {
    let path = &args.input;
    let bytes = read_bytes(path, &args.input_limit.limits())?;
    let text = tripmap::io::utf8_text(&bytes).map_err(|e| Failure::input(path, &e))?;
    let options = tripmap::extract::Options {
        published: args.published,
    };
    let found = tripmap::extract::extract(text, &options, tripmap::geocode::Gazetteer::get())
        .map_err(|e| Failure::invalid(format!("error: {}: {e}", path.display())))?;
    let json = tripmap::extract::trip::to_json(&found, &source_name(path));
    if args.explain {
        print_stdout(&tripmap::extract::explain::table(&found))?;
    }
    if found.stops.is_empty() {
        // A trip needs a stop: write nothing rather than a file `render` would refuse.
        return Err(Failure::invalid(format!(
            "error: {}: no stops found: no place follows a travel cue such as \"visit to\", \"arrived in\" or \"left X for Y\" (--explain lists the places mentioned)",
            path.display()
        )));
    }
    let Some(out) = &args.output else {
        return if args.explain {
            Ok(ExitCode::SUCCESS)
        } else {
            print_stdout(&json)
        };
    };
    // One file in a folder the user owns: replaced whole, the folder left as it is.
    let written =
        tripmap::output::write_file(out, json.as_bytes()).map_err(|e| Failure::output(&e))?;
    print_written(&[written]);
    Ok(ExitCode::SUCCESS)
}

/// How the trip's source names the text: its file name, or "standard input".
fn source_name(path: &Path) -> String {
    if path == Path::new("-") {
        "standard input".to_string()
    } else {
        path.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string())
    }
}
