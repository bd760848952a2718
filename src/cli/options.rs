//! Checked arguments become the library's options: limits, ordering, map and output options.

use super::args::{InputArgs, InputBytesArg, LimitArgs, MapArgs, RenderArgs, ThemeName, TitleArgs};
use super::{console, report};
use tripmap::format::Units;
use tripmap::limits::Limits;
use tripmap::model::Itinerary;
use tripmap::pipeline::RenderOptions;
use tripmap::render::WriteOptions;
use tripmap::routing::{Order, ProgressFn, ShortestOptions};
use tripmap::scene::{self, MapOptions};

impl InputBytesArg {
    /// The default limits with the flag applied.
    pub fn limits(&self) -> Limits {
        let d = Limits::default();
        Limits {
            max_input_bytes: self.max_input_bytes.unwrap_or(d.max_input_bytes),
            ..d
        }
    }
}

impl LimitArgs {
    /// The defaults with the flags given applied.
    pub fn limits(&self) -> Limits {
        let d = self.input.limits();
        Limits {
            max_stops: self.max_stops.unwrap_or(d.max_stops),
            max_text_chars: self.max_text_chars.unwrap_or(d.max_text_chars),
            max_track_points: self.max_track_points.unwrap_or(d.max_track_points),
            ..d
        }
    }
}

impl MapArgs {
    /// The library's map options.
    pub fn options(&self) -> MapOptions {
        let mut o = MapOptions::default();
        o.width_px = self.width;
        o.height_px = self.height;
        o.projection = self.projection;
        o.theme = match self.theme {
            ThemeName::Light => scene::theme::LIGHT,
            ThemeName::Dark => scene::theme::DARK,
        };
        o.annotate = self.annotate;
        o.dates = self.dates;
        o.units = if self.miles { Units::Miles } else { Units::Km };
        o.graticule = self.graticule;
        o.id_prefix = self.id_prefix.clone();
        o.timeline = self.timeline;
        o.colour_by = self.colour_by;
        o
    }
}

impl RenderArgs {
    /// The render options, or the message and exit code of a usage error.
    pub fn options(&self) -> Result<RenderOptions, report::Failure> {
        let mut formats = self.output.format.clone();
        if let Some((f, name)) = self.output.stdout {
            if formats.is_empty() {
                formats.push(f);
            } else if !formats.contains(&f) {
                return Err(report::Failure::usage(format!(
                    "error: --stdout {} needs --format to include {f}",
                    name.stdout
                )));
            }
        }
        let mut options = RenderOptions::default();
        options.order = self.input.order;
        options.shortest = self.input.shortest_options()?;
        options.map = self.map.options();
        // A bad size or id prefix is a usage error (exit 2), caught before the trip is read.
        options.map.check().map_err(|e| {
            report::Failure::usage(format!("error: {e} (--width, --height, --id-prefix)"))
        })?;
        if let Some(location) = &self.map.basemap {
            let basemap = scene::StreetBasemap::open(location)
                .map_err(|e| report::Failure::invalid(format!("error: {e}")))?;
            options.map = options.map.with_basemap(basemap);
        }
        for path in &self.map.overlay {
            let overlay = scene::Overlay::read(path)
                .map_err(|e| report::Failure::invalid(format!("error: {e}")))?;
            options.map = options.map.with_overlay(overlay);
        }
        options.formats = formats;
        options.simplify_m = self.output.simplify;
        let mut write = WriteOptions::default();
        if let Some(scale) = self.output.scale {
            write.png_scale = scale;
        }
        self.embed
            .apply(&mut write)
            .map_err(|e| report::Failure::usage(format!("error: {e}")))?;
        options.write = write;
        Ok(options)
    }
}

impl TitleArgs {
    /// Puts the flags' title lines over the trip's own, then checks them against the text
    /// limit as a trip file's are.
    pub fn apply(&self, itinerary: &mut Itinerary, limits: &Limits) -> Result<(), tripmap::Error> {
        for (flag, line) in [
            (&self.title, &mut itinerary.title),
            (&self.subtitle, &mut itinerary.subtitle),
            (&self.source, &mut itinerary.source),
        ] {
            if let Some(text) = flag {
                *line = Some(text.clone());
            }
        }
        limits.check(itinerary)
    }
}

impl InputArgs {
    /// The `--order shortest` options from the flags, with a progress bar when standard error is
    /// a terminal.
    pub fn shortest_options(&self) -> Result<ShortestOptions, report::Failure> {
        use std::io::IsTerminal;
        let Ok(time_limit) = std::time::Duration::try_from_secs_f64(self.time_limit) else {
            return Err(report::Failure::usage(format!(
                "error: --time-limit {}: give a number of seconds, 0 or more",
                self.time_limit
            )));
        };
        let progress: Option<ProgressFn> = (self.order == Order::Shortest
            && std::io::stderr().is_terminal()
            && !console::quiet()
            && self.time_limit >= 0.5)
            .then(progress_bar);
        Ok(ShortestOptions {
            start: self.start.clone(),
            end: self.end.clone(),
            round_trip: self.round_trip,
            seed: self.seed,
            time_limit,
            progress,
        })
    }
}

/// A progress bar for the shortest-order search, fed a fraction from 0 to 1.
fn progress_bar() -> ProgressFn {
    let bar = indicatif::ProgressBar::new(1000);
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "searching for the shortest order {bar:30} {elapsed}",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    std::sync::Arc::new(move |x: f64| {
        bar.set_position((x.clamp(0.0, 1.0) * 1000.0) as u64);
        if x >= 1.0 {
            bar.finish_and_clear();
        }
    })
}
