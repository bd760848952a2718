//! The basemap: Natural Earth land, lakes, countries, borders and coastlines, bundled in the
//! binary (public domain; see `data/README.md`) and fitted to a map's pixel grid.
//!
//! [`view`] takes a [`Fitted`] projection and returns pixel paths (y down) that are clipped to the
//! projection's cut meridian, to the visible cap of a globe, to the latitudes the projection can
//! show and to the frame; simplified to ~0.4 px; rounded to 0.1 px. Polygons come as rings: draw
//! all the rings of one layer (or one country) as a single SVG path with `fill-rule="evenodd"` so
//! holes (the Caspian Sea, Lesotho in South Africa) stay holes.
//!
//! ```
//! use tripmap::basemap::{self, Detail};
//! use tripmap::model::LonLat;
//! use tripmap::projection::{EqualEarth, fit_bounds, Bounds};
//!
//! let world = EqualEarth::sphere(0.0);
//! let bounds = Bounds { min_x: -2.71, min_y: -1.32, max_x: 2.71, max_y: 1.32 };
//! let map = fit_bounds(world, bounds, 960.0, 480.0, 10.0).unwrap();
//! let km_per_px = map.scale_at_centre_km_per_px().unwrap();
//! let v = basemap::view(&map, Detail::for_scale(km_per_px), Some(30.0));
//! assert!(v.land.len() > 50 && v.countries.len() > 150 && !v.graticule.is_empty());
//! let jordan = basemap::country_of(LonLat::new(35.93, 31.95).unwrap()).unwrap();
//! assert_eq!(jordan.adm0_a3, "JOR");
//! ```

/// Which admin-1 (state, province) lines a map draws.
mod admin1;
/// The visible cap of a globe, and clipping to it in degrees.
mod cap;
/// Cutting polygons at a globe's horizon.
mod cap_cut;
/// Clipping at the cut meridian, the poles and the visible cap, then projecting.
mod clip;
/// Decoding the bundled context layer (admin-1 lines, cities, named water).
pub mod context_decode;
/// Which country a point is in.
mod country;
/// The embedded data and its lazy decoding per detail level.
pub mod data;
/// Decoding the compact basemap format.
pub mod decode;
/// Densifying edges in degrees before projecting.
mod densify;
/// The part of the globe a regional map shows.
mod extent;
/// Dropping the parts of a shape a regional map cannot show, before it is cut.
mod far_runs;
/// Meridians and parallels.
mod graticule;
/// Context labels: cities and named water for orientation.
mod labels;
/// A test that views fill the land where the land is.
#[cfg(test)]
mod land_fill_test;
/// Geometry decoded when first needed.
pub mod lazy;
/// Which shapes may show on a map, tested on their boxes.
mod nearby;
/// How far from its centre a map too wide for a box can see.
mod reach;
/// The roomiest point of a polygon, for a water name.
mod room;
/// Cutting whole-world maps at the seam opposite the central meridian.
mod seam;
/// Simplifying and rounding to the pixel grid (also used by the street-level basemap).
pub(crate) mod simplify;

pub use admin1::{ADMIN1_MAX_KM_PER_PX, ADMIN1_MIN_KM_PER_PX, ADMIN1_MIN_UNIT_PX, admin1_drawn};
pub use context_decode::WaterKind;
pub use labels::{
    CONTEXT_MIN_KM_PER_PX, ContextKind, ContextLabel, MAX_CONTEXT_CITIES, MAX_CONTEXT_WATERS,
    MIN_WATER_ROOM_PX, ZOOM0_KM_PER_PX, context_labels, label_zoom,
};

use crate::geometry::{Bounds, clip_polygons, clip_polyline};
use crate::model::LonLat;
use crate::projection::{Fitted, Projection};

/// Which Natural Earth scale to draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Detail {
    /// 1:110m — world and continental maps (≥ 12 km per pixel).
    Low,
    /// 1:50m — maps of a few thousand km (2.5–12 km per pixel).
    Medium,
    /// 1:10m (land, lakes, borders; countries from 50m) — regional maps under 2.5 km per pixel.
    High,
}

impl Detail {
    /// The detail for a map scale in kilometres per pixel (at the map's centre). 1:110m data
    /// has vertices a few km apart and 1:10m a few hundred metres: each level is used down to
    /// about where its vertex spacing becomes visible. Not finite → `Low`.
    pub fn for_scale(km_per_px: f64) -> Detail {
        if !km_per_px.is_finite() || km_per_px >= 12.0 {
            Detail::Low
        } else if km_per_px >= 2.5 {
            Detail::Medium
        } else {
            Detail::High
        }
    }
}

/// A path in pixels (x right, y down), clipped to the frame, simplified and rounded to 0.1 px.
#[derive(Debug, Clone, PartialEq)]
pub struct PixelPath {
    /// The points; a closed ring does not repeat its first point at the end.
    pub points: Vec<(f64, f64)>,
    /// A ring (close it when drawing) rather than an open line.
    pub closed: bool,
}

/// A country's rings in pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct CountryShape {
    /// Natural Earth's `ADM0_A3` code (e.g. "JOR", "PSX" for Palestine).
    pub adm0_a3: String,
    /// Natural Earth's `NAME`.
    pub name: String,
    /// Outer rings and holes; draw as one path with `fill-rule="evenodd"`.
    pub paths: Vec<PixelPath>,
}

/// One country's admin-1 (state, province) boundary lines in pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct Admin1Lines {
    /// Natural Earth's `ADM0_A3` of the country the lines are in, so a map of one country can
    /// draw only that country's.
    pub adm0_a3: String,
    /// The lines (open).
    pub paths: Vec<PixelPath>,
}

/// The basemap of one map, in pixels. Empty layers where nothing is in view.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BasemapView {
    /// Land rings (outer rings and holes).
    pub land: Vec<PixelPath>,
    /// Lake rings.
    pub lakes: Vec<PixelPath>,
    /// Countries with at least one ring in view, sorted by `adm0_a3`.
    pub countries: Vec<CountryShape>,
    /// Land borders between countries (open lines).
    pub borders: Vec<PixelPath>,
    /// Coastlines (open lines; the land's outline without the antimeridian and pole seams).
    pub coastline: Vec<PixelPath>,
    /// Admin-1 (state, province) boundaries by country, sorted by `adm0_a3`: only on maps under
    /// [`ADMIN1_MAX_KM_PER_PX`] at their centre, only for countries whose admin-1 units span
    /// [`ADMIN1_MIN_UNIT_PX`] there ([`admin1_drawn`]).
    pub admin1: Vec<Admin1Lines>,
    /// Meridians and parallels (open lines), if asked for.
    pub graticule: Vec<PixelPath>,
    /// The globe's outline as the projection draws it (Equal Earth's oval, a globe's disc,
    /// Mercator's rectangle to ±85°), clipped to the frame: fill it for the sea, stroke it for
    /// the map's edge.
    pub outline: Vec<PixelPath>,
}

/// A country found by [`country_of`].
#[derive(Debug, Clone, PartialEq)]
pub struct Country {
    /// Natural Earth's `ADM0_A3` code.
    pub adm0_a3: String,
    /// Natural Earth's `NAME`.
    pub name: String,
    /// A point well inside the country's largest polygon, for a label.
    pub label: LonLat,
}

/// The basemap for `fitted` at `detail`, with a graticule every `graticule_step_deg` degrees
/// (0.5–90) if given. Deterministic: the same map gives the same paths.
pub fn view<P: Projection>(
    fitted: &Fitted<P>,
    detail: Detail,
    graticule_step_deg: Option<f64>,
) -> BasemapView {
    view_with(fitted, detail, graticule_step_deg, |_| true)
}

/// [`view`] with only the countries whose `adm0_a3` code is `wanted` in
/// [`BasemapView::countries`] and [`BasemapView::admin1`] (a map that tints only the countries
/// it visits need not project every country's shape: on a world map that was a third of the
/// basemap's work). Land, lakes, borders, coastlines and graticule are the same.
pub fn view_with<P: Projection>(
    fitted: &Fitted<P>,
    detail: Detail,
    graticule_step_deg: Option<f64>,
    wanted: impl Fn(&str) -> bool,
) -> BasemapView {
    let layers = data::layers(detail);
    let geo = clip::GeoClip::new(fitted);
    let frame = Bounds::new(0.0, 0.0, fitted.width_px(), fitted.height_px());
    let nearby = nearby::Nearby::of(fitted, geo.central_meridian());
    let geo = geo.with_extent(nearby.extent);
    let near = |b: &decode::BBox| nearby.touches(b);
    let polygons = |polys: &mut dyn Iterator<Item = &decode::Polygon>| -> Vec<PixelPath> {
        let projected: Vec<geo::Polygon<f64>> = polys.flat_map(|p| geo.polygon(p)).collect();
        rings_to_paths(clip_polygons(projected, frame))
    };
    let lines = |lines: &mut dyn Iterator<Item = (&decode::Ring, &decode::BBox)>| {
        project_lines(&geo, frame, lines, near)
    };
    let countries = data::countries(detail)
        .iter()
        .filter(|c| wanted(&c.adm0_a3) && near(&c.bbox))
        .map(|c| CountryShape {
            adm0_a3: c.adm0_a3.clone(),
            name: c.name.clone(),
            paths: polygons(
                &mut c
                    .polygons
                    .get()
                    .iter()
                    .zip(&c.boxes)
                    .filter(|(_, b)| near(b))
                    .map(|(p, _)| p),
            ),
        })
        .filter(|c| !c.paths.is_empty())
        .collect();
    let graticule = graticule_step_deg
        .map(|step| {
            let g = graticule::lines(step, geo.central_meridian(), geo.lat_range());
            let boxes: Vec<decode::BBox> = g.iter().map(|l| decode::bbox_of(l.iter())).collect();
            lines(&mut g.iter().zip(&boxes))
        })
        .unwrap_or_default();
    let land: Vec<&decode::Land> = decoded_near(&layers.land, near).collect();
    BasemapView {
        land: polygons(&mut land.iter().map(|l| &l.polygon)),
        lakes: polygons(&mut decoded_near(&layers.lakes, near)),
        countries,
        borders: lines(
            &mut layers
                .borders
                .iter()
                .filter(|f| near(&f.bbox))
                .map(|f| (f.geometry.get(), &f.bbox)),
        ),
        coastline: lines(&mut land.iter().flat_map(|l| l.coast.iter().zip(&l.coast_boxes))),
        admin1: admin1::view(fitted, &wanted, near, lines),
        outline: rings_to_paths(clip_polygons(geo.sphere(), frame)),
        graticule,
    }
}

/// The geometry of the features whose box is `near`, decoding it if it is not yet.
fn decoded_near<'a, T>(
    features: &'a [decode::Feature<T>],
    near: impl Fn(&decode::BBox) -> bool + 'a,
) -> impl Iterator<Item = &'a T> + 'a {
    features
        .iter()
        .filter(move |f| near(&f.bbox))
        .map(|f| f.geometry.get())
}

/// Lines in degrees with their boxes → clipped, simplified pixel paths, skipping those whose
/// box is not `near`.
fn project_lines<'a, 'b, P: Projection>(
    geo: &clip::GeoClip<P>,
    frame: Bounds,
    lines: impl Iterator<Item = (&'a decode::Ring, &'b decode::BBox)>,
    near: impl Fn(&decode::BBox) -> bool,
) -> Vec<PixelPath> {
    lines
        .filter(|(_, b)| near(b))
        .flat_map(|(l, _)| geo.line(l))
        .flat_map(|l| clip_polyline(&l, frame))
        .filter_map(|l| simplify::to_path(&l, false))
        .collect()
}

fn rings_to_paths(polys: Vec<geo::Polygon<f64>>) -> Vec<PixelPath> {
    let mut out = Vec::new();
    for p in &polys {
        for ring in std::iter::once(p.exterior()).chain(p.interiors()) {
            let pts: Vec<(f64, f64)> = ring.0.iter().map(|c| (c.x, c.y)).collect();
            out.extend(simplify::to_path(&pts, true));
        }
    }
    out
}

/// The country containing `p`, by point-in-polygon on Natural Earth's 50m countries; `None`
/// at sea or in Antarctica's... wherever no country polygon covers `p`.
pub fn country_of(p: LonLat) -> Option<Country> {
    data::countries(Detail::Medium)
        .iter()
        .find(|c| country::contains(c, (p.lon(), p.lat())))
        .map(|c| Country {
            adm0_a3: c.adm0_a3.clone(),
            name: c.name.clone(),
            label: LonLat::from_point_wrapped(geo::Point::new(c.label.0, c.label.1)),
        })
}

/// The label point of the country with Natural Earth code `adm0_a3` (a point well inside its
/// largest polygon), from the 50m countries; `None` for an unknown code.
pub fn country_label(adm0_a3: &str) -> Option<LonLat> {
    data::countries(Detail::Medium)
        .iter()
        .find(|c| c.adm0_a3 == adm0_a3)
        .map(|c| LonLat::from_point_wrapped(geo::Point::new(c.label.0, c.label.1)))
}

/// SVG path data (`M… l… z`) for pixel paths: the first point of each path absolute, the rest
/// relative, in tenths of a pixel, without redundant zeros or separators (`M10 20.5l2-.5-.5 5z`)
/// — the compact form for a `<path d="…">`.
pub fn svg_path_data(paths: &[PixelPath]) -> String {
    let mut d = String::new();
    for path in paths {
        let Some(&(x0, y0)) = path.points.first() else {
            continue;
        };
        d.push('M');
        push_number(&mut d, x0, true);
        push_number(&mut d, y0, false);
        let mut prev = (x0, y0);
        for (i, &(x, y)) in path.points.iter().enumerate().skip(1) {
            if i == 1 {
                d.push('l');
            }
            push_number(&mut d, x - prev.0, i == 1);
            push_number(&mut d, y - prev.1, false);
            prev = (x, y);
        }
        if path.closed {
            d.push('z');
        }
    }
    d
}

/// Appends `v` rounded to 0.1 as short as SVG allows ("-.5", "12", "3.4"), with a space
/// before it unless it follows a command letter (`first`) or starts with a minus sign.
fn push_number(d: &mut String, v: f64, first: bool) {
    let t = (v * 10.0).round() as i64;
    let (whole, tenth) = (t.unsigned_abs() / 10, t.unsigned_abs() % 10);
    if t < 0 {
        d.push('-');
    } else if !first {
        d.push(' ');
    }
    match (whole, tenth) {
        (w, 0) => d.push_str(&w.to_string()),
        (0, f) => {
            d.push('.');
            d.push_str(&f.to_string());
        }
        (w, f) => d.push_str(&format!("{w}.{f}")),
    }
}
