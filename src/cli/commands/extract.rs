//! `tripmap extract`: a news story in, a draft itinerary (tripmap JSON) out.

use crate::cli::args::ExtractArgs;
use crate::cli::input::read_bytes;
use crate::cli::report::{Failure, print_stdout, print_written};
use std::path::Path;
use std::process::ExitCode;

/// Extracts the trip; prints the `--explain` table and writes (or prints) the JSON. A text that
/// names places always gives a trip (guesses, with a warning, when none has a travel cue); only
/// a text naming no place is an error.
pub fn run(args: &ExtractArgs) -> Result<ExitCode, Failure> {
    let path = &args.input;
    // extract's own default: what it reads in about a minute (README: extract, speed).
    let limits = tripmap::limits::Limits {
        max_input_bytes: (args.input_limit.max_input_bytes)
            .unwrap_or(tripmap::extract::MAX_INPUT_BYTES),
        ..tripmap::limits::Limits::default()
    };
    let bytes = read_bytes(path, &limits)?;
    let text = tripmap::io::utf8_text(&bytes).map_err(|e| Failure::input(path, &e))?;
    let options = tripmap::extract::Options {
        published: args.published,
    };
    let found = tripmap::extract::extract(text, &options, tripmap::geocode::Gazetteer::get())
        .map_err(|e| Failure::invalid(format!("error: {}: {e}", path.display())))?;
    // `-o -` (or no -o) is standard output. With --explain the table takes standard output and
    // the trip is written only with -o (with `-o -` the table goes to standard error).
    let to_stdout = args.output.as_deref().is_none_or(|o| o == Path::new("-"));
    if args.explain {
        let table = tripmap::extract::explain::table(&found);
        if args.output.as_deref() == Some(Path::new("-")) {
            eprint!("{table}");
        } else {
            print_stdout(&table)?;
        }
    }
    if let Some(why) = found.nothing_to_write() {
        return Err(Failure::invalid(format!(
            "error: {}: {why}",
            path.display()
        )));
    }
    for w in found.warnings() {
        crate::cli::console::warning(&format!("{}: {w}", path.display()));
    }
    let Some(out) = args.output.as_deref().filter(|_| !to_stdout) else {
        return if args.explain && args.output.is_none() {
            Ok(ExitCode::SUCCESS)
        } else {
            print_stdout(&tripmap::extract::trip::to_json(&found, &source_name(path)))
        };
    };
    let json = tripmap::extract::trip::to_json(&found, &source_name(path));
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
