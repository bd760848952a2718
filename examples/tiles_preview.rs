//! Prints what `tripmap::tiles` decodes for a walk in central Helsinki, and writes a crude SVG
//! of it to check the geometry by eye (not the map's style: the scene draws the real thing).
//!
//! ```sh
//! cargo run --release --example tiles_preview                       # the bundled fixture
//! cargo run --release --example tiles_preview -- URL_OR_FILE out.svg [WIDTH]
//! rsvg-convert out.svg -o out.png
//! ```

use std::fmt::Write as _;
use std::process::ExitCode;

use tripmap::basemap::{PixelPath, svg_path_data};
use tripmap::model::LonLat;
use tripmap::projection::{Bounds, Mercator, fit_bounds_min_span};
use tripmap::tiles::{self, Archive, LabelAnchor, LanduseKind, Limits, Protomaps, RoadClass};

/// A walk: Helsinki railway station, Kaisaniemi park, Hakaniemi market hall, the Cathedral.
const WALK: [(f64, f64); 4] = [
    (24.9414, 60.1710),
    (24.9470, 60.1745),
    (24.9510, 60.1790),
    (24.9522, 60.1703),
];

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let location = args
        .first()
        .map_or("tests/fixtures/tiles/helsinki.pmtiles", String::as_str);
    let out = args.get(1).map_or("tiles_preview.svg", String::as_str);
    let width: f64 = args.get(2).and_then(|w| w.parse().ok()).unwrap_or(960.0);
    match run(location, out, width) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(location: &str, out: &str, width: f64) -> Result<(), Box<dyn std::error::Error>> {
    let stops: Vec<LonLat> = WALK
        .iter()
        .map(|&(lon, lat)| LonLat::new(lon, lat))
        .collect::<Result<_, _>>()?;
    let projection = Mercator::sphere(24.947);
    let bounds = Bounds::of_positions(&projection, &stops).ok_or("no bounds")?;
    let height = (width * 0.75).round();
    let map = fit_bounds_min_span(projection, bounds, width, height, 40.0, 0.0)?;
    let started = std::time::Instant::now();
    let archive = Archive::open(location, &Limits::default())?;
    let view = tiles::view(&archive, &map, &Protomaps)?;
    let elapsed = started.elapsed();
    println!(
        "{location}: map zoom {:.2}, tiles at zoom {}: {} covered, {} read, in {:.1} ms",
        view.map_zoom,
        view.zoom,
        view.tiles.len(),
        view.tiles_read,
        elapsed.as_secs_f64() * 1000.0
    );
    let count = |paths: &[PixelPath]| paths.iter().map(|p| p.points.len()).sum::<usize>();
    println!(
        "earth {} rings, water {} rings, waterways {}, landuse {}, buildings {} ({} points)",
        view.earth.len(),
        view.water.len(),
        view.waterways.len(),
        view.landuse.len(),
        view.buildings.len(),
        count(&view.buildings)
    );
    for class in [
        RoadClass::Path,
        RoadClass::Service,
        RoadClass::Minor,
        RoadClass::Major,
        RoadClass::Highway,
        RoadClass::Rail,
    ] {
        let n = view.roads.iter().filter(|(c, _)| *c == class).count();
        println!("roads {class:?}: {n}");
    }
    println!("labels: {}", view.labels.len());
    for l in view.labels.iter().take(15) {
        println!("  {:>4} {:?} {}", l.rank, l.kind, l.text);
    }
    println!("attribution: {:?}", view.attribution);
    std::fs::write(out, svg(&view, &map, &stops, width, height))?;
    println!("wrote {out}");
    Ok(())
}

/// The paths of one kind.
fn of_kind<K: PartialEq>(items: &[(K, PixelPath)], kind: K) -> Vec<PixelPath> {
    items
        .iter()
        .filter(|(k, _)| *k == kind)
        .map(|(_, p)| p.clone())
        .collect()
}

fn svg(
    view: &tiles::TileView,
    map: &tripmap::projection::Fitted<Mercator>,
    stops: &[LonLat],
    width: f64,
    height: f64,
) -> String {
    let mut s = format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}"><rect width="100%" height="100%" fill="#a8c8e8"/>"##
    );
    let mut fill = |paths: &[PixelPath], colour: &str| {
        let _ = write!(
            s,
            r#"<path d="{}" fill="{colour}" fill-rule="nonzero"/>"#,
            svg_path_data(paths)
        );
    };
    fill(&view.earth, "#f3efe6");
    for (kind, colour) in [
        (LanduseKind::Park, "#cfe6c0"),
        (LanduseKind::Grass, "#dcebcf"),
        (LanduseKind::Forest, "#bcd9a8"),
        (LanduseKind::Residential, "#ece7dc"),
        (LanduseKind::Commercial, "#efe2dc"),
        (LanduseKind::Education, "#efe8c8"),
        (LanduseKind::Pedestrian, "#e9e6e0"),
        (LanduseKind::Sport, "#c9e3cc"),
        (LanduseKind::Other, "#e6e1d6"),
    ] {
        fill(&of_kind(&view.landuse, kind), colour);
    }
    fill(&view.water, "#a8c8e8");
    fill(&view.buildings, "#ddd6ca");
    let _ = write!(
        s,
        r##"<path d="{}" fill="none" stroke="#a8c8e8" stroke-width="2"/>"##,
        svg_path_data(&view.waterways)
    );
    for (class, w, colour) in [
        (RoadClass::Path, 0.8, "#b8b0a4"),
        (RoadClass::Service, 1.5, "#ffffff"),
        (RoadClass::Minor, 3.0, "#ffffff"),
        (RoadClass::Major, 5.0, "#f6d9a0"),
        (RoadClass::Highway, 6.0, "#f0b070"),
        (RoadClass::Rail, 1.2, "#8a8a8a"),
    ] {
        let paths = of_kind(&view.roads, class);
        let _ = write!(
            s,
            r#"<path d="{}" fill="none" stroke="{colour}" stroke-width="{w}" stroke-linecap="round" stroke-linejoin="round"/>"#,
            svg_path_data(&paths)
        );
    }
    for (i, label) in view.labels.iter().enumerate() {
        let (x, y, path) = match &label.anchor {
            LabelAnchor::Point(p) => (p.0, p.1, None),
            LabelAnchor::Line(p) => (p.points[0].0, p.points[0].1, Some(p)),
        };
        let text = label.text.replace('&', "&amp;").replace('<', "&lt;");
        match path {
            Some(p) => {
                let _ = write!(
                    s,
                    r##"<path id="l{i}" d="{}" fill="none"/><text font-family="sans-serif" font-size="9" fill="#555"><textPath href="#l{i}">{text}</textPath></text>"##,
                    svg_path_data(std::slice::from_ref(p))
                );
            }
            None => {
                let _ = write!(
                    s,
                    r##"<text x="{x}" y="{y}" font-family="sans-serif" font-size="12" fill="#333" text-anchor="middle">{text}</text>"##
                );
            }
        }
    }
    for p in stops {
        if let Some((x, y)) = map.project_px(*p) {
            let _ = write!(
                s,
                r##"<circle cx="{x:.1}" cy="{y:.1}" r="6" fill="#c0392b" stroke="#fff" stroke-width="2"/>"##
            );
        }
    }
    s.push_str("</svg>\n");
    s
}
