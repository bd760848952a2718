//! The stream's threads: one reads lines (checking syntax, id, shard and duplicates, in input
//! order), a pool of workers renders, and the caller's thread writes the results, in input order
//! unless asked otherwise. A window bounds the lines between reading and writing, so memory is
//! bounded whatever the input's length. With one job (`--jobs 1`, as a cluster engine runs one
//! process per core) there are no threads: the caller's thread reads, renders and writes each
//! line in turn, so the process uses one core, not one and a reader's and a writer's share.

use super::error_report::ErrorReport;
use super::lines::{Line, LineReader};
use super::request::{self, BadLine, Request};
use super::result_line::{ResultLine, Timings};
use super::tally::Tally;
use super::work::process;
use super::{StreamError, StreamOptions, Task};
use std::collections::{BTreeMap, HashMap};
use std::io::{BufRead, Write};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Mutex, PoisonError};

/// A line for a worker: its place in the output order, its line number, the request.
type Job = (u64, u64, Request);

/// Reads JSON Lines requests from `input`, renders (or checks) each trip as `options` say, and
/// writes one result line per input line to `results`. Returns the counts; an error only when
/// the input cannot be read or the results cannot be written (then the stream stops).
pub fn run<R, W>(input: R, results: &mut W, options: &StreamOptions) -> Result<Tally, StreamError>
where
    R: BufRead + Send,
    W: Write,
{
    // Killed runs' staging folders are cleaned once here, not by each of the trips' writes
    // (each would list the whole output folder: quadratic in the number of trips).
    if let Task::Render {
        out_dir: Some(dir), ..
    } = &options.task
    {
        crate::output::sweep(dir);
    }
    if options.jobs <= 1 {
        return run_inline(input, results, options);
    }
    let window = options.window.max(1);
    let (permit_tx, permit_rx) = mpsc::sync_channel::<()>(window);
    let (job_tx, job_rx) = mpsc::channel::<Job>();
    let job_rx = Mutex::new(job_rx);
    let (done_tx, done_rx) = mpsc::channel::<(u64, ResultLine)>();
    std::thread::scope(|s| {
        let reader_done = done_tx.clone();
        // Each line takes a place in the window, then goes to a worker (or, when bad, straight
        // to the writer); a closed channel means the writer stopped.
        let reader = s.spawn(move || {
            read_lines(input, options, |event| {
                let Event::Line(seq, item) = event else {
                    return true; // The writer flushes whenever it has nothing to write.
                };
                if permit_tx.send(()).is_err() {
                    return false;
                }
                match item {
                    Ok((number, request)) => job_tx.send((seq, number, request)).is_ok(),
                    Err(result) => reader_done.send((seq, result)).is_ok(),
                }
            })
        });
        for _ in 0..options.jobs.max(1) {
            let done = done_tx.clone();
            let jobs = &job_rx;
            s.spawn(move || work(jobs, &done, options));
        }
        drop(done_tx);
        let written = write_results(done_rx, permit_rx, results, options.ordered);
        let read = reader
            .join()
            .unwrap_or_else(|p| std::panic::resume_unwind(p));
        let mut tally = written.map_err(StreamError::Write)?;
        let read = read.map_err(StreamError::Read)?;
        tally.blank_lines = read.blank_lines;
        tally.other_shards = read.other_shards;
        Ok(tally)
    })
}

/// [`run`] on the caller's thread alone: each line read, rendered and its result written
/// before the next is read.
fn run_inline<R: BufRead, W: Write>(
    input: R,
    results: &mut W,
    options: &StreamOptions,
) -> Result<Tally, StreamError> {
    let mut tally = Tally::default();
    let mut failed: Option<std::io::Error> = None;
    let read = read_lines(input, options, |event| {
        let written = match event {
            Event::Waiting => results.flush(),
            Event::Line(_, item) => {
                let result = match item {
                    Ok((number, request)) => render_one(request, number, options),
                    Err(result) => result,
                };
                write_line(results, &result, &mut tally)
            }
        };
        written.map_err(|e| failed = Some(e)).is_ok()
    });
    if let Some(e) = failed.or_else(|| results.flush().err()) {
        return Err(StreamError::Write(e));
    }
    let read = read.map_err(StreamError::Read)?;
    tally.blank_lines = read.blank_lines;
    tally.other_shards = read.other_shards;
    Ok(tally)
}

/// What the reader counts that produces no result line.
#[derive(Debug, Default)]
struct ReadCounts {
    blank_lines: u64,
    other_shards: u64,
}

/// What the reader gives for one line: the request to render with its line number, or the
/// line's failed result.
type Read = Result<(u64, Request), ResultLine>;

/// What the reader tells its caller.
// Each event is moved once, to the caller; boxing the line would only add an allocation.
#[allow(clippy::large_enum_variant)]
enum Event {
    /// A line, with its place in the output order.
    Line(u64, Read),
    /// The reader is about to read from the source, which may wait for the input's writer:
    /// the results so far should be flushed now. Flushing here, and not after each line, lets
    /// a fast input's results leave in large writes while a slow one's still leave at once.
    Waiting,
}

/// The reader: one line at a time, each checked and handed to `next` (with an
/// [`Event::Waiting`] before each read that may wait); stops early when `next` says so (the
/// results can no longer be written).
fn read_lines<R: BufRead>(
    input: R,
    options: &StreamOptions,
    mut next: impl FnMut(Event) -> bool,
) -> std::io::Result<ReadCounts> {
    let mut lines = LineReader::new(input, options.max_line_bytes);
    let mut first_seen: HashMap<String, u64> = HashMap::new();
    let mut counts = ReadCounts::default();
    let mut seq = 0u64;
    loop {
        if lines.drained() && !next(Event::Waiting) {
            break;
        }
        let Some((number, line)) = lines.next_line()? else {
            break;
        };
        let parsed = match line {
            Line::TooLong(len) => Err(Box::new(BadLine {
                id: None,
                error: ErrorReport::message(format!(
                    "the line is {len} bytes long, over the maximum of {} bytes \
                     (--max-input-bytes)",
                    options.max_line_bytes
                )),
            })),
            Line::Text(t) if t.iter().all(u8::is_ascii_whitespace) => {
                counts.blank_lines += 1;
                continue;
            }
            Line::Text(t) => request::parse(&t),
        };
        let id: Option<String> = match &parsed {
            Ok(r) => Some(r.id.clone()),
            Err(bad) => bad.id.clone(),
        };
        if let Some(shard) = options.shard {
            let owned = id
                .as_deref()
                .map_or(shard.owns_line(number), |id| shard.owns_id(id));
            if !owned {
                counts.other_shards += 1;
                continue;
            }
        }
        // Every id is used once per stream, whether its first line succeeded or not.
        let parsed = match id {
            Some(id) => match first_seen.get(&id) {
                Some(first) => Err(Box::new(BadLine {
                    error: ErrorReport::field(
                        "id",
                        format!("id {id:?} is used again (first on line {first})"),
                    ),
                    id: Some(id),
                })),
                None => {
                    first_seen.insert(id, number);
                    parsed
                }
            },
            None => parsed,
        };
        let item = parsed.map(|request| (number, request)).map_err(|bad| {
            ResultLine::failed(
                bad.id,
                number,
                bad.error.at_line(number),
                Timings::default(),
            )
        });
        if !next(Event::Line(seq, item)) {
            break;
        }
        seq += 1;
    }
    Ok(counts)
}

/// A worker: takes jobs until there are none.
fn work(jobs: &Mutex<Receiver<Job>>, done: &Sender<(u64, ResultLine)>, options: &StreamOptions) {
    loop {
        let next = jobs.lock().unwrap_or_else(PoisonError::into_inner).recv();
        let Ok((seq, number, request)) = next else {
            return;
        };
        if done
            .send((seq, render_one(request, number, options)))
            .is_err()
        {
            return;
        }
    }
}

/// One line's result; a panic becomes the line's error, not the end of the stream.
fn render_one(request: Request, number: u64, options: &StreamOptions) -> ResultLine {
    let id = request.id.clone();
    let run = std::panic::AssertUnwindSafe(|| process(request, number, options));
    std::panic::catch_unwind(run).unwrap_or_else(|_| {
        let error = ErrorReport::message(
            "internal error: tripmap panicked on this trip (please report it with the line)",
        );
        ResultLine::failed(Some(id), number, error.at_line(number), Timings::default())
    })
}

/// One result line written (not flushed: see [`Event::Waiting`]) and counted.
fn write_line<W: Write>(
    out: &mut W,
    result: &ResultLine,
    tally: &mut Tally,
) -> std::io::Result<()> {
    serde_json::to_writer(&mut *out, result)?;
    out.write_all(b"\n")?;
    tally.count(result);
    Ok(())
}

/// The writer: results in input order (or as they come), one line each, flushed whenever no
/// result is waiting to be written; returns the counts. Each line written frees a place in the
/// window.
fn write_results<W: Write>(
    done: Receiver<(u64, ResultLine)>,
    permits: Receiver<()>,
    out: &mut W,
    ordered: bool,
) -> std::io::Result<Tally> {
    let mut tally = Tally::default();
    let mut pending: BTreeMap<u64, ResultLine> = BTreeMap::new();
    let mut next = 0u64;
    let emit = |out: &mut W, result: ResultLine, tally: &mut Tally| -> std::io::Result<()> {
        write_line(out, &result, tally)?;
        let _ = permits.recv();
        Ok(())
    };
    loop {
        let (seq, result) = match done.try_recv() {
            Ok(r) => r,
            Err(mpsc::TryRecvError::Empty) => {
                out.flush()?;
                match done.recv() {
                    Ok(r) => r,
                    Err(_) => break,
                }
            }
            Err(mpsc::TryRecvError::Disconnected) => break,
        };
        if !ordered {
            emit(out, result, &mut tally)?;
            continue;
        }
        pending.insert(seq, result);
        while let Some(result) = pending.remove(&next) {
            emit(out, result, &mut tally)?;
            next += 1;
        }
    }
    out.flush()?;
    Ok(tally)
}
