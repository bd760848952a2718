//! The corpus of real trips in `tests/corpus/`: its manifest (`manifest.tsv`), and each trip read,
//! planned and drawn through the library as `tripmap render` would.
//!
//! `manifest.tsv` has one trip per line, tab-separated: its path under `tests/corpus/`, its kinds
//! (comma-separated, for the report), options (`annotate`, `as-given`; `-` for none) and the title
//! the map must show (the file's own title or name element; `-` when the format has none).
//! Trips under `heldout/` are the held-out part (see `tests/corpus/README.md`).

use std::path::{Path, PathBuf};
use tripmap::model::Route;
use tripmap::routing::Order;
use tripmap::scene::{MapOptions, Theme, clean_text};

/// Widths every map is drawn at, pixels: a phone, a column, an article.
pub const WIDTHS: [u32; 3] = [320, 640, 960];
/// Themes every map is drawn in.
pub const THEMES: [&str; 2] = ["light", "dark"];

/// One trip of the manifest.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Path under `tests/corpus/`.
    pub path: String,
    /// Its name in reports: the file name without extension.
    pub name: String,
    /// What kinds of trip it is (`city-walk`, `script-ja`...).
    pub kinds: Vec<String>,
    /// Whether its maps show every note (`--annotate`).
    pub annotate: bool,
    /// Stop order.
    pub order: Order,
    /// The title the map must show.
    pub title: Option<String>,
    /// Whether it is in the held-out part.
    pub heldout: bool,
}

/// The corpus folder.
pub fn dir(root: &Path) -> PathBuf {
    root.join("tests/corpus")
}

/// Reads `manifest.tsv`.
pub fn manifest(root: &Path) -> Vec<Entry> {
    let text = std::fs::read_to_string(dir(root).join("manifest.tsv")).unwrap();
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(n, l)| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(
                f.len(),
                4,
                "manifest.tsv line {}: 4 tab-separated fields",
                n + 1
            );
            let options: Vec<&str> = f[2].split(',').map(str::trim).collect();
            for o in &options {
                assert!(
                    matches!(*o, "-" | "annotate" | "as-given"),
                    "manifest.tsv line {}: unknown option {o}",
                    n + 1
                );
            }
            Entry {
                path: f[0].to_string(),
                name: Path::new(f[0])
                    .file_stem()
                    .unwrap()
                    .to_string_lossy()
                    .into_owned(),
                kinds: f[1].split(',').map(|k| k.trim().to_string()).collect(),
                annotate: options.contains(&"annotate"),
                order: if options.contains(&"as-given") {
                    Order::AsGiven
                } else {
                    Order::Time
                },
                title: (f[3] != "-").then(|| f[3].to_string()),
                heldout: f[0].starts_with("heldout/"),
            }
        })
        .collect()
}

/// A trip read and planned, with what its maps must show.
pub struct Trip {
    /// The route (stops in visiting order).
    pub route: Route,
    /// Stop names as a map writes them.
    pub names: Vec<String>,
    /// Per stop, the note its maps must show.
    pub notes: Vec<Option<String>>,
    /// The trip's source line.
    pub source: Option<String>,
}

/// Whether a stop asks for its note as a callout: the corpus marks such stops with
/// `"properties": {"callout": true}` (JSON only).
fn wants_callout(stop: &tripmap::model::Stop) -> bool {
    stop.extra
        .iter()
        .any(|(k, v)| k == "callout" && *v == serde_json::Value::Bool(true))
}

/// Reads and plans one trip (geocoding names as `tripmap render` does).
pub fn load(root: &Path, e: &Entry) -> Result<Trip, String> {
    let path = dir(root).join(&e.path);
    let format = tripmap::io::Format::from_path(&path).ok_or("unknown format")?;
    let bytes = std::fs::read(&path).map_err(|err| err.to_string())?;
    let itinerary = tripmap::io::read(&bytes, format).map_err(|err| err.to_string())?;
    let route = tripmap::pipeline::plan(&itinerary, e.order).map_err(|err| err.to_string())?;
    let names = route
        .stops
        .iter()
        .map(|s| clean_text(&s.stop.name))
        .collect();
    let notes = route
        .stops
        .iter()
        .map(|s| {
            s.stop
                .note
                .as_deref()
                .map(clean_text)
                .filter(|n| !n.is_empty() && (e.annotate || wants_callout(&s.stop)))
        })
        .collect();
    let source = route
        .meta
        .source
        .as_deref()
        .map(clean_text)
        .filter(|s| !s.is_empty());
    Ok(Trip {
        route,
        names,
        notes,
        source,
    })
}

/// The scene of `route` at `width` through the library (`scene::build`), light theme.
pub fn scene(route: &Route, width: u32, annotate: bool) -> Result<tripmap::scene::Scene, String> {
    let mut options = MapOptions::default();
    options.width_px = f64::from(width);
    options.annotate = annotate;
    tripmap::scene::build(route, &options).map_err(|e| e.to_string())
}

/// One map's SVG in `theme`, from the light scene of its width: the theme only colours a scene
/// (`scene_is_the_same_in_every_theme` checks it), so the corpus builds each scene once and
/// writes it in both themes with `render::svg::write`.
pub fn svg_in(scene: &tripmap::scene::Scene, theme: &str) -> Result<String, String> {
    let mut scene = scene.clone();
    scene.theme = theme.parse::<Theme>().map_err(|e| e.to_string())?;
    String::from_utf8(tripmap::render::svg::write(&scene)).map_err(|e| e.to_string())
}
