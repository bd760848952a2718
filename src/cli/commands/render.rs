//! `tripmap render`: one trip into a folder (or one file to standard output); several trips go
//! to [`crate::cli::batch`], a JSON Lines stream (`--jsonl`) to [`super::stream`].

use crate::cli::args::RenderArgs;
use crate::cli::batch;
use crate::cli::commands::stream;
use crate::cli::console;
use crate::cli::input::load;
use crate::cli::report::{Failure, write_and_report, write_stdout};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use tripmap::stream::Task;

/// Renders the trip (or, with more files, the batch).
pub fn run(args: &RenderArgs) -> Result<ExitCode, Failure> {
    let options = args.options()?;
    if args.stream.jsonl {
        if !args.more.is_empty() || args.output.stdout.is_some() {
            return Err(Failure::usage(
                "error: --jsonl reads one input (a file or -) and writes no --stdout output".into(),
            ));
        }
        let out_dir = stream::out_dir(args.output.output.as_ref(), args.stream.inline);
        let task = Task::Render {
            out_dir,
            inline: args.stream.inline,
        };
        return stream::run(&args.input, &args.stream, Some(&args.titles), task, options);
    }
    if args.together {
        return crate::cli::together::run(args, &options);
    }
    if !args.more.is_empty() {
        return batch::run(args, &options);
    }
    let input = &args.input;
    let limits = input.limits.limits();
    let mut itinerary = load(&input.input, input.from, &limits)?;
    args.titles
        .apply(&mut itinerary, &limits)
        .map_err(|e| Failure::input(&input.input, &e))?;
    let rendered = tripmap::pipeline::render(&itinerary, &options)
        .map_err(|e| Failure::input(&input.input, &e))?;
    for w in &rendered.route.warnings {
        console::warning(&format!("{}: {w}", input.input.display()));
    }
    if let Some((_, name)) = args.output.stdout {
        let bytes = rendered
            .files
            .iter()
            .find(|f| f.name == name.file)
            .map_or(&[][..], |f| &f.bytes[..]);
        return write_stdout(bytes);
    }
    let dir = args
        .output
        .output
        .clone()
        .unwrap_or_else(|| default_output_dir(&input.input));
    write_and_report(&dir, &rendered.files)
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
