//! `map.gif` and `map.mp4`: the `--animate` animation as a film for social media. Each frame is
//! the scene as it stands at that moment (`motion::frames`), drawn by resvg as `map.png` is
//! (bundled fonts, same bytes on every machine): the basemap once, the rest over it frame by
//! frame, several frames at once on the machine's cores while the encoder takes the frames
//! before them (in order, so the film's bytes do not depend on the cores). The film is the
//! map's own size, or a square (1080 × 1080) or vertical (1080 × 1920) layout built for that
//! page — its own framing, labels and insets, not a crop. The last frame is the static map,
//! held a moment.
//!
//! The size is checked before anything is drawn: a frame at most [`MAX_PNG_PIXELS`], and frames
//! times pixels at most [`MAX_FILM_PIXELS`].

mod gif;
mod mp4;

use super::RenderError;
use super::html::stops::{Entry, entries};
use super::motion::{Schedule, frames};
use super::png_size::MAX_PNG_PIXELS;
use super::{png, svg};
use crate::model::Route;
use crate::scene::{MapOptions, Scene};
use rayon::prelude::*;
use resvg::{tiny_skia, usvg};

pub use gif::encode as encode_gif;
pub use mp4::encode as encode_mp4;

/// Frames per second when `--fps` is not given.
pub const DEFAULT_FPS: u32 = 30;
/// The most frames per second (a GIF cannot time frames shorter than 2/100 s).
pub const MAX_FPS: u32 = 50;
/// The most pixels a film may draw, all frames together: 2.5 gigapixels (40 s of 1080 × 1920
/// at 30 frames a second).
pub const MAX_FILM_PIXELS: u64 = 2_500_000_000;
/// Seconds the finished map is held at the end.
pub const HOLD_S: f64 = 2.0;

/// The page a film is drawn on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
#[non_exhaustive]
pub enum FilmSize {
    /// The map's own size (`--width`, `--height`), made even.
    #[default]
    Map,
    /// 1080 × 1080, laid out for that page.
    Square,
    /// 1080 × 1920, laid out for that page.
    Vertical,
}

impl FilmSize {
    /// The page width and height asked for, or `None` for the map's own.
    pub fn page(self) -> Option<(f64, f64)> {
        match self {
            FilmSize::Map => None,
            FilmSize::Square => Some((1080.0, 1080.0)),
            FilmSize::Vertical => Some((1080.0, 1920.0)),
        }
    }
}

/// How the films are made.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct FilmOptions {
    /// Frames per second, 1 to [`MAX_FPS`].
    pub fps: u32,
    /// The page.
    pub size: FilmSize,
    /// The animation's timing (`--duration`).
    pub motion: super::motion::MotionOptions,
}

impl Default for FilmOptions {
    fn default() -> Self {
        FilmOptions {
            fps: DEFAULT_FPS,
            size: FilmSize::Map,
            motion: super::motion::MotionOptions::default(),
        }
    }
}

impl FilmOptions {
    /// These options at `fps` frames per second; the error says what to give.
    pub fn with_fps(mut self, fps: u32) -> Result<Self, String> {
        if !(1..=MAX_FPS).contains(&fps) {
            return Err(format!("{fps} frames per second: give 1 to {MAX_FPS}"));
        }
        self.fps = fps;
        Ok(self)
    }
}

/// A film to draw: its scene, the schedule, its pixel size and its frames' times.
pub struct Film {
    scene: Scene,
    schedule: Schedule,
    entries: Vec<Entry>,
    /// Width in pixels (even).
    pub width: u32,
    /// Height in pixels (even).
    pub height: u32,
    /// Frames per second.
    pub fps: u32,
    /// How many frames: one every 1/fps seconds from 0 to the first at or after the end.
    pub frames: usize,
}

/// Even, at least 2.
fn even(v: f64) -> u32 {
    let v = v.ceil().max(2.0) as u32;
    v + v % 2
}

impl Film {
    /// The film of `route` over `schedule`: the scene laid out for `options`' page (`main`,
    /// drawn with `map`, is the map's own), checked against the limits before anything is
    /// drawn.
    pub fn new(
        route: &Route,
        map: &MapOptions,
        main: &Scene,
        schedule: &Schedule,
        options: &FilmOptions,
    ) -> Result<Film, RenderError> {
        let scene = match options.size.page() {
            None => main.clone(),
            Some((w, h)) => super::html::layout(route, map, Some(main), w, Some(h))?,
        };
        let (width, height) = (even(scene.width), even(scene.height));
        let fps = options.fps.clamp(1, MAX_FPS);
        let frames = (schedule.total_s * f64::from(fps) - 1e-9).ceil().max(0.0) as usize + 1;
        let pixels = u64::from(width) * u64::from(height);
        let all = pixels as f64 * frames as f64;
        if pixels > MAX_PNG_PIXELS || all > MAX_FILM_PIXELS as f64 {
            return Err(RenderError::Film(format!(
                "{frames} frames of {width} x {height} pixels ({:.0} megapixels) is more than \
                 the limit of {} megapixels; give a shorter --duration, a lower --fps or a \
                 smaller page",
                all / 1e6,
                MAX_FILM_PIXELS / 1_000_000
            )));
        }
        Ok(Film {
            entries: entries(route, map.dates),
            scene,
            schedule: schedule.clone(),
            width,
            height,
            fps,
            frames,
        })
    }

    /// Seconds into the film of frame `k`.
    pub fn time(&self, k: usize) -> f64 {
        k as f64 / f64::from(self.fps)
    }

    /// Draws `scene` over `under` (or on a blank page).
    fn draw(
        &self,
        scene: &Scene,
        under: Option<&tiny_skia::Pixmap>,
    ) -> Result<tiny_skia::Pixmap, RenderError> {
        let fail = RenderError::Film;
        let svg = svg::write_for_resvg(scene);
        let tree = std::panic::catch_unwind(|| usvg::Tree::from_data(&svg, &png::usvg_options()))
            .map_err(|_| fail("resvg failed on the map's text".into()))?
            .map_err(|e| fail(e.to_string()))?;
        let mut pixmap = match under {
            Some(p) => p.clone(),
            None => {
                let mut p = tiny_skia::Pixmap::new(self.width, self.height)
                    .ok_or_else(|| fail("the frame has no size".into()))?;
                // The page's colour also fills the row or column that makes the size even.
                p.fill(page_colour(self.scene.theme.page));
                p
            }
        };
        resvg::render(
            &tree,
            tiny_skia::Transform::identity(),
            &mut pixmap.as_mut(),
        );
        Ok(pixmap)
    }

    /// The finished map, as the last frame shows it.
    pub fn last_frame(&self) -> Result<tiny_skia::Pixmap, RenderError> {
        self.draw(&self.scene, None)
    }

    /// Draws every frame, in order, and hands each to `sink` with its number.
    pub fn each_frame(
        &self,
        mut sink: impl FnMut(usize, &tiny_skia::Pixmap) -> Result<(), RenderError>,
    ) -> Result<(), RenderError> {
        let basemap: Scene = Scene {
            layers: self
                .scene
                .layers
                .iter()
                .filter(|l| l.name == "basemap")
                .cloned()
                .collect(),
            ..self.scene.clone()
        };
        let background = self.draw(&basemap, None)?;
        // A few frames at a time on every core, handed over in order through a bounded queue,
        // so the next frames are drawn while `sink` takes these (the encoders are serial).
        let batch = rayon::current_num_threads().max(1) * 2;
        std::thread::scope(|scope| {
            let (tx, rx) = std::sync::mpsc::sync_channel(batch);
            let background = &background;
            scope.spawn(move || {
                for start in (0..self.frames).step_by(batch) {
                    let end = (start + batch).min(self.frames);
                    let drawn: Vec<Result<tiny_skia::Pixmap, RenderError>> = (start..end)
                        .into_par_iter()
                        .map(|k| {
                            let at = frames::scene_at(
                                &self.scene,
                                &self.schedule,
                                &self.entries,
                                self.time(k),
                                &["basemap"],
                            );
                            self.draw(&at, Some(background))
                        })
                        .collect();
                    for frame in (start..end).zip(drawn) {
                        // The taker has stopped (an error): nothing more to draw.
                        if tx.send(frame).is_err() {
                            return;
                        }
                    }
                }
            });
            for (k, frame) in rx {
                sink(k, &frame?)?;
            }
            Ok(())
        })
    }
}

/// A theme's `#rrggbb` colour (white for anything else).
fn page_colour(css: &str) -> tiny_skia::Color {
    let hex = css.strip_prefix('#').filter(|h| h.len() == 6);
    let byte = |i: usize| hex.and_then(|h| u8::from_str_radix(&h[i..i + 2], 16).ok());
    match (byte(0), byte(2), byte(4)) {
        (Some(r), Some(g), Some(b)) => tiny_skia::Color::from_rgba8(r, g, b, 255),
        _ => tiny_skia::Color::WHITE,
    }
}

/// `map.gif` or `map.mp4` of `route`.
pub fn write(
    gif: bool,
    route: &Route,
    map: &MapOptions,
    main: &Scene,
    schedule: &Schedule,
    options: &FilmOptions,
) -> Result<Vec<u8>, RenderError> {
    let film = Film::new(route, map, main, schedule, options)?;
    if gif {
        encode_gif(&film)
    } else {
        encode_mp4(&film)
    }
}

#[cfg(test)]
mod test {
    use super::*;
    use crate::render::motion::MotionOptions;

    /// A film of two stops, 1 s at 8 frames a second, 320 px wide.
    fn small_film() -> Film {
        let json = br#"{"title": "Two capitals", "stops": [
            {"name": "Amman", "lat": 31.9539, "lon": 35.9106, "arrive": "2023-11-04"},
            {"name": "Baghdad", "lat": 33.3152, "lon": 44.3661, "arrive": "2023-11-05"}]}"#;
        let trip = crate::io::read(json, crate::io::Format::Json).unwrap();
        let route = crate::routing::plan(&trip, crate::routing::Order::Time).unwrap();
        let map = MapOptions {
            width_px: 320.0,
            ..MapOptions::default()
        };
        let scene = crate::scene::build(&route, &map).unwrap();
        let schedule = Schedule::new(&route, &MotionOptions::with_duration(1.0).unwrap());
        let options = FilmOptions::default().with_fps(8).unwrap();
        Film::new(&route, &map, &scene, &schedule, &options).unwrap()
    }

    #[test]
    fn frames_come_in_order_the_same_every_time_and_an_error_stops_them() {
        let film = small_film();
        assert_eq!(film.frames, 9);
        let run = || {
            let mut seen = Vec::new();
            film.each_frame(|k, frame| {
                seen.push((k, frame.data().to_vec()));
                Ok(())
            })
            .unwrap();
            seen
        };
        let first = run();
        let order: Vec<usize> = first.iter().map(|f| f.0).collect();
        assert_eq!(order, (0..9).collect::<Vec<_>>());
        assert_ne!(first[0].1, first[8].1, "the route draws itself");
        assert_eq!(first, run(), "the same frames every time");
        // The last frame is the finished map.
        assert_eq!(first[8].1, film.last_frame().unwrap().data());
        // A taker that fails at frame 3 gets no frame after it, and its error back.
        let mut taken = Vec::new();
        let stopped = film.each_frame(|k, _| {
            taken.push(k);
            match k {
                3 => Err(RenderError::Film("disk full".into())),
                _ => Ok(()),
            }
        });
        assert_eq!(stopped, Err(RenderError::Film("disk full".into())));
        assert_eq!(taken, [0, 1, 2, 3]);
    }
}
