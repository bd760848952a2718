//! The JSON Lines stream mode (`tripmap render --jsonl`, `tripmap check --jsonl`): one trip per
//! input line (the native JSON format plus an `"id"` and optional `"options"`), one result per
//! output line, for engines that pipe records through a worker (Dask, Spark, Kubernetes Jobs,
//! AWS Batch).
//!
//! Lines in, results out, in bounded memory: [`lines`] reads a line up to a maximum length,
//! [`request`] splits it into id, options and trip, [`shard`] picks the lines of one shard,
//! [`work`] renders a trip (into `DIR/<id>/`, see [`folder_name`], or inline) and [`runner`]
//! runs it all with a window of lines in flight. Errors are per line ([`error_report`]); the
//! stream goes on.
//!
//! ```
//! use tripmap::stream::{StreamOptions, Task, run};
//! let input = concat!(
//!     r#"{"id": "a", "stops": [{"name": "Oslo", "lat": 59.91, "lon": 10.75},"#,
//!     r#" {"name": "Bergen", "lat": 60.39, "lon": 5.32}]}"#, "\n",
//!     "not json\n",
//! );
//! let mut options = StreamOptions::default();
//! options.task = Task::Check;
//! let mut out = Vec::new();
//! let tally = run(input.as_bytes(), &mut out, &options)?;
//! assert_eq!((tally.ok, tally.failed), (1, 1));
//! let lines: Vec<serde_json::Value> = String::from_utf8(out).unwrap().lines()
//!     .map(|l| serde_json::from_str(l).unwrap()).collect();
//! assert_eq!(lines[0]["summary"]["legs"], 1);
//! assert_eq!(lines[1]["error"]["line"], 2);
//! # Ok::<(), tripmap::stream::StreamError>(())
//! ```

pub mod error_report;
pub mod folder_name;
pub mod lines;
pub mod request;
pub mod result_line;
pub mod route_summary;
pub mod runner;
pub mod shard;
mod stream_error;
pub mod tally;
pub mod trip_options;
pub mod work;

pub use error_report::ErrorReport;
pub use result_line::ResultLine;
pub use route_summary::RouteSummary;
pub use runner::run;
pub use shard::Shard;
pub use stream_error::StreamError;
pub use tally::Tally;

use crate::limits::Limits;
use crate::pipeline::RenderOptions;
use std::path::PathBuf;

/// Default longest input line, in bytes (16 MiB): with the window of lines in flight, this
/// bounds the stream's memory.
pub const DEFAULT_MAX_LINE_BYTES: usize = 16 << 20;

/// What the stream does with each trip.
#[derive(Debug, Clone)]
pub enum Task {
    /// Render it: into `out_dir/<id>/` when given (each folder replaced all-or-nothing), and
    /// into the result line when `inline`.
    Render {
        /// The folder holding one folder per trip.
        out_dir: Option<PathBuf>,
        /// Put the outputs' contents into the result line.
        inline: bool,
    },
    /// Plan the route only and report its summary (`tripmap check --jsonl`).
    Check,
}

/// How the stream runs.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct StreamOptions {
    /// Render or check.
    pub task: Task,
    /// The render options of every trip, under each line's own `"options"`.
    pub render: RenderOptions,
    /// Limits on each trip (the input size limit applies to each line's trip).
    pub limits: Limits,
    /// Longest line read, in bytes; a longer line is an error result, skipped without being
    /// held in memory.
    pub max_line_bytes: usize,
    /// Results in input order (otherwise as they finish).
    pub ordered: bool,
    /// Worker threads.
    pub jobs: usize,
    /// Most lines between being read and their result written.
    pub window: usize,
    /// Only this shard's lines.
    pub shard: Option<Shard>,
    /// Every trip's title (`--title`), under a line's own `options.title`.
    pub title: Option<String>,
    /// Every trip's subtitle.
    pub subtitle: Option<String>,
    /// Every trip's source line.
    pub source: Option<String>,
}

impl Default for StreamOptions {
    /// Render into the result lines only (inline), in order, one worker per core, a window of
    /// 16 lines per worker.
    fn default() -> Self {
        let jobs = std::thread::available_parallelism().map_or(1, |n| n.get());
        StreamOptions {
            task: Task::Render {
                out_dir: None,
                inline: true,
            },
            render: RenderOptions::default(),
            limits: Limits::default(),
            max_line_bytes: DEFAULT_MAX_LINE_BYTES,
            ordered: true,
            jobs,
            window: 16 * jobs,
            shard: None,
            title: None,
            subtitle: None,
            source: None,
        }
    }
}
