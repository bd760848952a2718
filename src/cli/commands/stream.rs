//! `tripmap render --jsonl` and `tripmap check --jsonl`: one trip per input line, one JSON result
//! per output line, through [`tripmap::stream`]; a summary on standard error; exit 1 if any line
//! failed.

use crate::cli::args::{InputArgs, StreamArgs, TitleArgs};
use crate::cli::console;
use crate::cli::report::{Failure, INVALID, eprint_line};
use std::io::{BufRead, BufReader, BufWriter};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use tripmap::pipeline::RenderOptions;
use tripmap::stream::{StreamError, StreamOptions, Task};

/// Runs the stream: `task` on each line of the input, with `render` as every trip's options.
pub fn run(
    input: &InputArgs,
    stream: &StreamArgs,
    titles: Option<&TitleArgs>,
    task: Task,
    mut render: RenderOptions,
) -> Result<ExitCode, Failure> {
    if input.from.is_some() {
        return Err(Failure::usage(
            "error: --from does not go with --jsonl: each line is a trip in tripmap's JSON".into(),
        ));
    }
    // No progress bar per trip: the results are the progress.
    render.shortest.progress = None;
    let mut options = StreamOptions::default();
    let limits = input.limits.limits();
    options.max_line_bytes = input
        .limits
        .input
        .max_input_bytes
        .map_or(tripmap::stream::DEFAULT_MAX_LINE_BYTES, |b| {
            usize::try_from(b).unwrap_or(usize::MAX)
        });
    options.limits = tripmap::limits::Limits {
        max_input_bytes: options.max_line_bytes as u64,
        ..limits
    };
    options.task = task;
    options.render = render;
    if let Some(t) = titles {
        options.title = t.title.clone();
        options.subtitle = t.subtitle.clone();
        options.source = t.source.clone();
    }
    options.ordered = !stream.unordered;
    if let Some(jobs) = stream.jobs {
        options.jobs = usize::from(jobs);
        options.window = 16 * options.jobs;
    }
    options.shard = stream.shard;
    let reader = open_input(&input.input)?;
    let outcome = match &stream.results {
        Some(path) => {
            let file = std::fs::File::create(path).map_err(|e| {
                Failure::invalid(format!("error: cannot create {}: {e}", path.display()))
            })?;
            tripmap::stream::run(
                reader,
                &mut BufWriter::with_capacity(1 << 16, file),
                &options,
            )
        }
        // Standard output is line-buffered through a 1 KiB buffer: a result line of inline
        // layers (often tens of kilobytes) would leave in many small writes. The stream
        // flushes after each line itself.
        None => tripmap::stream::run(
            reader,
            &mut BufWriter::with_capacity(1 << 16, std::io::stdout().lock()),
            &options,
        ),
    };
    let tally = match outcome {
        Ok(tally) => tally,
        Err(StreamError::Write(e))
            if e.kind() == std::io::ErrorKind::BrokenPipe && stream.results.is_none() =>
        {
            return Ok(ExitCode::SUCCESS);
        }
        Err(e) => return Err(Failure::invalid(format!("error: {e}"))),
    };
    let verb = match options.task {
        Task::Check => "checked",
        Task::Render { .. } => "rendered",
    };
    if !console::quiet() || tally.failed > 0 {
        eprint_line(&tally.summary(verb));
    }
    Ok(if tally.failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(INVALID)
    })
}

/// The JSON Lines input: the file, or standard input for `-`.
fn open_input(path: &Path) -> Result<Box<dyn BufRead + Send>, Failure> {
    if path == Path::new("-") {
        return Ok(Box::new(BufReader::with_capacity(
            1 << 16,
            std::io::stdin(),
        )));
    }
    let file = std::fs::File::open(path)
        .map_err(|e| Failure::invalid(format!("error: cannot open {}: {e}", path.display())))?;
    Ok(Box::new(BufReader::with_capacity(1 << 16, file)))
}

/// Where `render --jsonl` writes trip folders: `-o DIR`, or `output/` unless the outputs go
/// inline only.
pub fn out_dir(output: Option<&PathBuf>, inline: bool) -> Option<PathBuf> {
    match output {
        Some(dir) => Some(dir.clone()),
        None if inline => None,
        None => Some(PathBuf::from("output")),
    }
}
