//! `--order shortest`: the visiting order of least total geodesic distance, via [`super::tsp`].
//!
//! In: the stops (all with positions) and [`ShortestOptions`]. Out: a permutation of stop indices.
//! Dated stops keep their chronological order (a precedence chain); undated stops go wherever
//! they cost least. The path starts at the first stop in time order (the first stop of the file
//! when it is undated) unless `start` says otherwise.

use super::time_order;
use super::tsp::{self, Problem, TspError};
use crate::error::{Error, did_you_mean};
use crate::model::{LonLat, Stop};
use std::fmt;
use std::sync::Arc;
use std::time::Duration;

/// Called with the fraction (0..=1) of the time limit used, during long searches.
pub type ProgressFn = Arc<dyn Fn(f64) + Send + Sync>;

/// Constraints and budget for `--order shortest`.
#[derive(Clone)]
pub struct ShortestOptions {
    /// The first stop: a name or a 1-based number (default: the first stop in time order).
    pub start: Option<String>,
    /// The last stop of an open path: a name or a 1-based number.
    pub end: Option<String>,
    /// Return to the start at the end (the route gets a closing leg; also for other orders).
    pub round_trip: bool,
    /// Seed of the randomised search.
    pub seed: u64,
    /// Wall-clock budget of the search.
    pub time_limit: Duration,
    /// Progress callback for long searches.
    pub progress: Option<ProgressFn>,
}

impl Default for ShortestOptions {
    fn default() -> Self {
        Self {
            start: None,
            end: None,
            round_trip: false,
            seed: 0,
            time_limit: Duration::from_secs(1),
            progress: None,
        }
    }
}

impl fmt::Debug for ShortestOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ShortestOptions")
            .field("start", &self.start)
            .field("end", &self.end)
            .field("round_trip", &self.round_trip)
            .field("seed", &self.seed)
            .field("time_limit", &self.time_limit)
            .field("progress", &self.progress.is_some())
            .finish()
    }
}

/// The stop `text` names: a 1-based number, or a stop name (exact first, then ignoring case).
/// `flag` (`--start`) is named in errors. Ambiguous names list the candidates; unknown names
/// suggest the closest one.
pub fn find_stop(stops: &[Stop], text: &str, flag: &str) -> Result<usize, Error> {
    let n = stops.len();
    if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
        return match text.parse::<usize>() {
            Ok(k) if (1..=n).contains(&k) => Ok(k - 1),
            _ => Err(Error::Route(format!(
                "{flag} {text}: the trip has stops 1 to {n}"
            ))),
        };
    }
    let exact: Vec<usize> = (0..n).filter(|&i| stops[i].name == text).collect();
    let found = if exact.is_empty() {
        (0..n)
            .filter(|&i| stops[i].name.to_lowercase() == text.to_lowercase())
            .collect()
    } else {
        exact
    };
    match found.as_slice() {
        [i] => Ok(*i),
        [] => {
            let names: Vec<&str> = stops.iter().map(|s| s.name.as_str()).collect();
            let lower: Vec<String> = names.iter().map(|s| s.to_lowercase()).collect();
            let lower_refs: Vec<&str> = lower.iter().map(String::as_str).collect();
            let hint = did_you_mean(text, &lower_refs)
                .and_then(|l| lower.iter().position(|x| x == l))
                .map(|i| format!("; did you mean {:?} (stop {})?", names[i], i + 1))
                .unwrap_or_default();
            Err(Error::Route(format!(
                "{flag} {text:?}: no stop has this name{hint}"
            )))
        }
        many => {
            let list: Vec<String> = many
                .iter()
                .map(|&i| format!("stop {} {:?}", i + 1, stops[i].name))
                .collect();
            Err(Error::Route(format!(
                "{flag} {text:?} is ambiguous: {}; give the stop number instead",
                list.join(", ")
            )))
        }
    }
}

/// The problem `--order shortest` solves for `stops` (positions in input order): geodesic
/// distances, start, end, round trip and the chain of dated stops.
pub fn problem(
    stops: &[Stop],
    positions: &[LonLat],
    opts: &ShortestOptions,
) -> Result<Problem, Error> {
    let by_time = time_order(stops);
    let dated = |s: &Stop| s.arrive.is_some() || s.depart.is_some();
    let chain: Vec<usize> = by_time
        .iter()
        .copied()
        .filter(|&i| dated(&stops[i]))
        .collect();
    let start = match &opts.start {
        Some(t) => find_stop(stops, t, "--start")?,
        None => by_time.first().copied().unwrap_or(0),
    };
    let mut p = Problem::geodesic(positions).start(start).precedence(chain);
    if let Some(t) = &opts.end {
        p = p.end(find_stop(stops, t, "--end")?);
    }
    if opts.round_trip {
        p = p.round_trip();
    }
    p.validate().map_err(|e| explain(stops, e))?;
    Ok(p)
}

/// The shortest visiting order of `stops` (indices into `stops`) found within the time limit.
pub fn shortest_order(
    stops: &[Stop],
    positions: &[LonLat],
    opts: &ShortestOptions,
) -> Result<Vec<usize>, Error> {
    let p = problem(stops, positions, opts)?;
    let topts = tsp::Options {
        seed: opts.seed,
        time_limit: opts.time_limit,
        max_iterations: kicks(stops.len()),
    };
    let progress = opts.progress.clone();
    let mut report = |f: f64, _len: f64| {
        if let Some(cb) = &progress {
            cb(f);
        }
    };
    let s = tsp::solve_with_progress(&p, &topts, &mut report).map_err(|e| explain(stops, e))?;
    Ok(s.order)
}

/// How many kicks the search makes at most: 20,000 + 250 per stop. The count, not the clock,
/// ends the search of a trip of ordinary size, so the same seed gives the same order on any
/// machine; only a time limit too short for the count cuts it earlier.
pub fn kicks(stops: usize) -> u64 {
    20_000 + 250 * stops as u64
}

/// A lower bound in metres on the length of any route through `positions` (in visiting order)
/// starting at the first, ending at the last when `end_fixed`, and closing the loop for
/// `round_trip`; `None` for routes above [`tsp::BOUND_MAX`] stops.
pub fn lower_bound_m(
    positions: &[LonLat],
    end_fixed: bool,
    round_trip: bool,
    upper_m: f64,
) -> Option<f64> {
    let mut p = Problem::geodesic(positions).start(0);
    if round_trip {
        p = p.round_trip();
    } else if end_fixed && positions.len() > 1 {
        p = p.end(positions.len() - 1);
    }
    tsp::lower_bound(&p, upper_m, Duration::from_millis(500))
}

/// A solver error in terms of stops.
fn explain(stops: &[Stop], e: TspError) -> Error {
    let name = |i: usize| {
        format!(
            "stop {} {:?}",
            i + 1,
            stops.get(i).map_or("", |s| s.name.as_str())
        )
    };
    Error::Route(match e {
        TspError::StartNotFirst { start, first } => format!(
            "--start {} is dated, but {} is dated earlier; dated stops keep their time order, so a dated start must be the earliest",
            name(start),
            name(first)
        ),
        TspError::EndNotLast { end, last } => format!(
            "--end {} is dated, but {} is dated later; dated stops keep their time order, so a dated end must be the latest",
            name(end),
            name(last)
        ),
        TspError::StartIsEnd(i) => format!(
            "{} cannot be both the start and the end of an open path; use --round-trip to come back to it",
            name(i)
        ),
        TspError::RoundTripWithEnd => {
            "--round-trip returns to the start, so it cannot be used with --end".into()
        }
        TspError::TooLarge { n, max } => {
            format!("--order shortest handles up to {max} stops; this trip has {n}")
        }
        other => other.to_string(),
    })
}
