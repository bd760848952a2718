//! What a worker does with one request: read the trip, apply its options, render (or check) it,
//! write its folder; every failure becomes the line's error.

use super::error_report::ErrorReport;
use super::folder_name::check_folder_id;
use super::request::Request;
use super::result_line::{OutputEntry, ResultLine, Timings, millis};
use super::route_summary::RouteSummary;
use super::{StreamOptions, Task};
use crate::io::Format;
use crate::pipeline::RenderOptions;
use std::borrow::Cow;
use std::time::Instant;

/// The result of input line `line`, read as `request`.
pub fn process(request: Request, line: u64, options: &StreamOptions) -> ResultLine {
    let started = Instant::now();
    let mut timings = Timings::default();
    let id = request.id;
    let failed = |error: ErrorReport, mut timings: Timings, id: &str| {
        timings.total_ms = millis(started.elapsed());
        ResultLine::failed(Some(id.to_string()), line, error.at_line(line), timings)
    };
    let from_error = |e: &crate::Error| ErrorReport {
        // The trip was read from a copy of the line without `id` and `options`: a column in
        // that copy would point at the wrong place.
        column: None,
        ..ErrorReport::from_error(e)
    };
    if let Task::Render {
        out_dir: Some(_), ..
    } = &options.task
        && let Err(message) = check_folder_id(&id)
    {
        return failed(ErrorReport::field("id", message), timings, &id);
    }
    let mut itinerary =
        match crate::io::read_with(request.trip_json.as_bytes(), Format::Json, &options.limits) {
            Ok(it) => it,
            Err(e) => return failed(from_error(&e), timings, &id),
        };
    for (given, line) in [
        (&options.title, &mut itinerary.title),
        (&options.subtitle, &mut itinerary.subtitle),
        (&options.source, &mut itinerary.source),
    ] {
        if given.is_some() {
            line.clone_from(given);
        }
    }
    let render_options: Cow<RenderOptions> = if request.options.is_empty() {
        Cow::Borrowed(&options.render)
    } else {
        match request.options.apply(&options.render, &mut itinerary) {
            Ok(o) => Cow::Owned(o),
            Err(e) => return failed(e, timings, &id),
        }
    };
    if let Err(e) = options.limits.check(&itinerary) {
        return failed(from_error(&e), timings, &id);
    }
    timings.read_ms = millis(started.elapsed());
    let rendered_at = Instant::now();
    let mut result = ResultLine {
        id: Some(id.clone()),
        line,
        ok: true,
        error: None,
        outputs: None,
        summary: None,
        warnings: Vec::new(),
        timings,
    };
    match &options.task {
        Task::Check => {
            let o = &render_options;
            let route = match crate::pipeline::plan_with(&itinerary, o.order, &o.shortest) {
                Ok(r) => r,
                Err(e) => return failed(from_error(&e), timings, &id),
            };
            timings.render_ms = millis(rendered_at.elapsed());
            result.summary = Some(RouteSummary::of(&route));
            result.warnings = route.warnings.iter().map(ToString::to_string).collect();
        }
        Task::Render { out_dir, inline } => {
            let rendered = match crate::pipeline::render(&itinerary, &render_options) {
                Ok(r) => r,
                Err(e) => return failed(from_error(&e), timings, &id),
            };
            timings.render_ms = millis(rendered_at.elapsed());
            let written_at = Instant::now();
            let dir = out_dir.as_ref().map(|d| d.join(&id));
            if let Some(dir) = &dir
                && let Err(e) = crate::output::write_all_swept(dir, &rendered.files)
            {
                return failed(ErrorReport::message(e.to_string()), timings, &id);
            }
            timings.write_ms = millis(written_at.elapsed());
            let entries = rendered
                .files
                .iter()
                .map(|f| OutputEntry::new(f, dir.as_deref(), *inline))
                .collect();
            result.outputs = Some(entries);
            result.warnings = rendered
                .route
                .warnings
                .iter()
                .map(ToString::to_string)
                .collect();
        }
    }
    timings.total_ms = millis(started.elapsed());
    result.timings = timings;
    result
}
