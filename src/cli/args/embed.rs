//! The flags of `map.html` and of the animation (`--widths`, `--html-page`, `--animate`,
//! `--duration`), and how they become write options.

use tripmap::render::WriteOptions;
use tripmap::render::html::HtmlOptions;
use tripmap::render::motion::MotionOptions;
use tripmap::render::video::{FilmOptions, FilmSize};

/// `map.html` and the animation.
#[derive(Debug, clap::Args)]
#[command(next_help_heading = "Web page and animation")]
pub struct EmbedArgs {
    /// map.html's layout widths in pixels, comma-separated, each 320 to 10000, at most 8
    /// [default: 320,480,640,960,1280].
    #[arg(long, value_delimiter = ',', value_name = "PX,PX")]
    pub widths: Vec<u32>,
    /// Wrap map.html in a minimal HTML page (for previewing; the default is a fragment to paste
    /// into a page).
    #[arg(long)]
    pub html_page: bool,
    /// The route draws itself, leg after leg, in map.svg and map.html (CSS only; readers who
    /// ask for reduced motion see the finished map).
    #[arg(long)]
    pub animate: bool,
    /// Seconds from the first stop to the finished map (--animate, map.gif, map.mp4), 1 to 120
    /// [default: scaled to the number of legs, 4 to 20].
    #[arg(long, value_name = "SECONDS")]
    pub duration: Option<f64>,
    /// map.gif and map.mp4: frames per second, 1 to 50 [default: 30].
    #[arg(long)]
    pub fps: Option<u32>,
    /// map.gif and map.mp4: the map's own size, a square 1080 x 1080 or a vertical 1080 x 1920
    /// page, each laid out for its page.
    #[arg(long, value_enum, default_value = "map")]
    pub film: FilmSize,
}

impl EmbedArgs {
    /// Puts the flags into `write`; the error names the flag.
    pub fn apply(&self, write: &mut WriteOptions) -> Result<(), String> {
        let mut html = HtmlOptions::default();
        if !self.widths.is_empty() {
            html = html
                .with_widths(&self.widths)
                .map_err(|e| format!("--widths: {e}"))?;
        }
        html.page = self.html_page;
        write.html = html;
        let motion = match self.duration {
            None => MotionOptions::default(),
            Some(s) => MotionOptions::with_duration(s).map_err(|e| format!("--duration: {e}"))?,
        };
        write.motion = self.animate.then_some(motion);
        let mut film = FilmOptions::default();
        if let Some(fps) = self.fps {
            film = film.with_fps(fps).map_err(|e| format!("--fps: {e}"))?;
        }
        film.size = self.film;
        film.motion = motion;
        write.film = film;
        Ok(())
    }
}
