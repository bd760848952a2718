//! Context labels for orientation: the major cities and the named water (seas, gulfs, bays,
//! straits, lakes) of one fitted map, each at a pixel position with a rank, chosen by scale.
//!
//! The rule is Natural Earth's own: each place carries the Web Mercator zoom from which it is
//! worth labelling (`min_zoom` for populated places, `min_label` for water; marine areas also
//! a `max_label` past which their name is too general). A map of `km_per_px` at its centre has
//! the ground resolution of zoom `log2(156.543 / km_per_px)` (256-pixel tiles at the equator),
//! and offers what Natural Earth labels at that zoom: about 10 cities on a 960-pixel world map,
//! Tokyo and Ōsaka at 10 km per pixel, Nagoya and Kyoto from 2.2 km per pixel, every Japanese
//! city of the 10m layer at 1 km per pixel. Water is offered only where its visible part
//! leaves [`MIN_WATER_ROOM_PX`] of open water around the label point.

use super::clip::GeoClip;
use super::context_decode::{CityRecord, WaterBody, WaterKind};
use super::data;
use super::decode::BBox;
use super::nearby::Nearby;
use super::room::roomiest_of;
use crate::geometry::{Bounds, clip_polygons, inside_rings};
use crate::projection::{Fitted, Projection};

/// Web Mercator's ground resolution at zoom 0 on the equator, with 256-pixel tiles, in km per
/// pixel (2π × 6378.137 km / 256).
pub const ZOOM0_KM_PER_PX: f64 = 156.543_033_928;

/// A water name is offered only if this much open water (pixels, to the nearest shore or frame
/// edge) surrounds its label point: room for a short name in 11 px type.
pub const MIN_WATER_ROOM_PX: f64 = 12.0;

/// No context labels on maps finer than this many km per pixel (a 960-pixel map under about
/// 100 km across: a city, a walk): there the street basemap names what is around, and a city
/// point of the 1:10m layer would sit in the middle of the streets the trip walks.
pub const CONTEXT_MIN_KM_PER_PX: f64 = 0.1;

/// At most this many cities are offered on one map, the most important ones.
pub const MAX_CONTEXT_CITIES: usize = 24;

/// At most this many water names are offered on one map, the most important ones.
pub const MAX_CONTEXT_WATERS: usize = 6;

/// What a context label names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ContextKind {
    /// A city or town (Natural Earth populated places).
    City,
    /// A sea, gulf, bay, strait, lake…
    Water(WaterKind),
}

/// A place name offered for orientation on one map.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ContextLabel {
    /// The name (Latin script, with diacritics: "Ōsaka", "Aegean Sea").
    pub text: String,
    /// The name in the country's own script where Natural Earth has it (cities of China,
    /// Taiwan, Hong Kong, Macao: Chinese; of Russia, Belarus, Kazakhstan, Kyrgyzstan: Russian).
    pub local_text: Option<String>,
    /// The point in pixels (x right, y down): the city itself, or the roomiest point of the
    /// visible water.
    pub at: (f64, f64),
    /// The same point as longitude, latitude in degrees.
    pub lon_lat: (f64, f64),
    /// City or water, and which kind of water.
    pub kind: ContextKind,
    /// Importance, lower first: Natural Earth's label zoom in tenths (Tokyo 17, Ōsaka 30,
    /// Nagoya 51, the Mediterranean 20, the Aegean Sea 57).
    pub rank: u8,
    /// A city's metropolitan population (`POP_MAX`); 0 for water.
    pub population: u64,
    /// A national capital.
    pub capital: bool,
    /// Water: the open water around `at`, in pixels (the radius of a circle that fits); 0 for
    /// cities.
    pub room_px: f64,
    /// A city's GeoNames id, under which the gazetteer has its names in other scripts.
    pub geonameid: Option<u32>,
}

/// The Web Mercator zoom with the same ground resolution as `km_per_px` on the equator.
pub fn label_zoom(km_per_px: f64) -> f64 {
    (ZOOM0_KM_PER_PX / km_per_px).log2()
}

/// The cities and named water to offer as context on `fitted`, a map of `km_per_px` at its
/// centre: only those inside the frame, only those Natural Earth labels at this scale, at most
/// [`MAX_CONTEXT_CITIES`] cities and [`MAX_CONTEXT_WATERS`] water names, most important first
/// (by `rank`, then population, then name). Deterministic. Empty for a scale that is not a
/// number at least [`CONTEXT_MIN_KM_PER_PX`].
pub fn context_labels<P: Projection>(fitted: &Fitted<P>, km_per_px: f64) -> Vec<ContextLabel> {
    if !(km_per_px.is_finite() && km_per_px >= CONTEXT_MIN_KM_PER_PX) {
        return Vec::new();
    }
    let zoom = label_zoom(km_per_px);
    let geo = GeoClip::new(fitted);
    let nearby = Nearby::of(fitted, geo.central_meridian());
    let geo = geo.with_extent(nearby.extent);
    let frame = Bounds::new(0.0, 0.0, fitted.width_px(), fitted.height_px());
    let near = |b: &BBox| nearby.touches(b);
    let context = data::context();
    let mut out: Vec<ContextLabel> = context
        .cities
        .iter()
        .take_while(|c| c.min_zoom <= zoom)
        .filter_map(|c| city_label(c, &geo, frame))
        .collect();
    out.sort_by(by_importance);
    out.truncate(MAX_CONTEXT_CITIES);
    let bodies: Vec<&WaterBody> = context
        .water
        .iter()
        .filter(|b| {
            b.min_zoom <= zoom
                && b.max_zoom.is_none_or(|m| zoom <= m)
                && b.polygons.iter().any(|p| near(&p.bbox))
        })
        .collect();
    let water = top_water(&bodies, |body| {
        water_label(body, fitted, &geo, frame, &near)
    });
    out.extend(water);
    out.sort_by(by_importance);
    out
}

/// The [`MAX_CONTEXT_WATERS`] most important water labels among `bodies`, most important
/// first. A name split over several bodies (the Mediterranean's two) is offered once, where it
/// has the most room (the first such body on a tie). Finding a label's place is the costly
/// step, so names are tried from the best rank they could have, and the search stops once
/// enough labels are found that no name left could outrank.
fn top_water(
    bodies: &[&WaterBody],
    mut label_of: impl FnMut(&WaterBody) -> Option<ContextLabel>,
) -> Vec<ContextLabel> {
    let mut names: Vec<(u8, &str)> = Vec::new();
    for body in bodies {
        let rank = zoom_rank(body.min_zoom);
        match names.iter_mut().find(|(_, n)| *n == body.name) {
            Some((best, _)) => *best = (*best).min(rank),
            None => names.push((rank, &body.name)),
        }
    }
    names.sort();
    let mut water: Vec<ContextLabel> = Vec::new();
    for (least_rank, name) in names {
        let ahead = water
            .iter()
            .filter(|w| (w.rank, w.text.as_str()) < (least_rank, name))
            .count();
        if ahead >= MAX_CONTEXT_WATERS {
            break;
        }
        let mut chosen: Option<ContextLabel> = None;
        for body in bodies.iter().filter(|b| b.name == name) {
            let Some(label) = label_of(body) else {
                continue;
            };
            if chosen.as_ref().is_none_or(|c| c.room_px < label.room_px) {
                chosen = Some(label);
            }
        }
        water.extend(chosen);
    }
    water.sort_by(by_importance);
    water.truncate(MAX_CONTEXT_WATERS);
    water
}

/// Most important first: by rank, then population, then name, then position.
fn by_importance(a: &ContextLabel, b: &ContextLabel) -> std::cmp::Ordering {
    a.rank
        .cmp(&b.rank)
        .then(b.population.cmp(&a.population))
        .then(a.text.cmp(&b.text))
        .then(a.at.0.total_cmp(&b.at.0))
        .then(a.at.1.total_cmp(&b.at.1))
}

/// A city's label if the map shows it inside the frame.
fn city_label<P: Projection>(
    c: &CityRecord,
    geo: &GeoClip<P>,
    frame: Bounds,
) -> Option<ContextLabel> {
    let (x, y) = geo.point(c.at).map(|(x, y)| (round1(x), round1(y)))?;
    let inside = x > frame.x0 && x < frame.x1 && y > frame.y0 && y < frame.y1;
    inside.then(|| ContextLabel {
        text: c.name.clone(),
        local_text: c.local.clone(),
        at: (x, y),
        lon_lat: c.at,
        kind: ContextKind::City,
        rank: zoom_rank(c.min_zoom),
        population: c.population,
        capital: c.capital,
        room_px: 0.0,
        geonameid: c.geonameid,
    })
}

/// A water body's label at the roomiest point of its visible part, if that has room enough.
fn water_label<P: Projection>(
    body: &WaterBody,
    fitted: &Fitted<P>,
    geo: &GeoClip<P>,
    frame: Bounds,
    near: &impl Fn(&BBox) -> bool,
) -> Option<ContextLabel> {
    let projected: Vec<geo::Polygon<f64>> = body
        .polygons
        .iter()
        .filter(|p| near(&p.bbox))
        .flat_map(|p| geo.polygon(p.geometry.get()))
        .collect();
    let (at, room) = roomiest_of(&clip_polygons(projected, frame), MIN_WATER_ROOM_PX)?;
    if room < MIN_WATER_ROOM_PX {
        return None;
    }
    let at = (round1(at.0), round1(at.1));
    let lon_lat = fitted.inverse_px(at.0, at.1)?;
    // The name goes only where the water is. A body reaching round the far side of the globe
    // can project over the whole frame (near a world map's antipode), and its roomiest point
    // then falls on land: the North Pacific's name was written over Yemen.
    if !body_holds(body, (lon_lat.lon(), lon_lat.lat())) {
        return None;
    }
    Some(ContextLabel {
        text: body.name.clone(),
        local_text: None,
        at,
        lon_lat: (lon_lat.lon(), lon_lat.lat()),
        kind: ContextKind::Water(body.kind),
        rank: zoom_rank(body.min_zoom),
        population: 0,
        capital: false,
        room_px: round1(room),
        geonameid: None,
    })
}

/// Whether `p` (lon, lat degrees) lies in one of `body`'s polygons (even-odd over its rings,
/// after their boxes).
fn body_holds(body: &WaterBody, p: (f64, f64)) -> bool {
    body.polygons.iter().any(|f| {
        let (x0, y0, x1, y1) = f.bbox;
        (x0..=x1).contains(&p.0) && (y0..=y1).contains(&p.1) && inside_rings(p, f.geometry.get())
    })
}

/// A label zoom as a rank: tenths, saturating.
fn zoom_rank(zoom: f64) -> u8 {
    (zoom * 10.0).round().clamp(0.0, 255.0) as u8
}

/// Rounded to 0.1 px, as the basemap's paths.
fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn a_water_name_is_written_only_on_its_water() {
        use crate::model::LonLat;
        use crate::projection::{AzimuthalEquidistant, fit};
        // Cairo to Cape Town, as the trip's map is drawn: the North Pacific, behind the globe,
        // projects around the frame's edge; its name used to land on Yemen.
        let places = [
            (31.24, 30.04),
            (32.64, 25.69),
            (36.82, -1.29),
            (18.42, -33.92),
        ];
        let points: Vec<LonLat> = places
            .iter()
            .map(|&(x, y)| LonLat::new(x, y).unwrap())
            .collect();
        let centre = LonLat::new(25.0, -2.0).unwrap();
        let fitted = fit(
            AzimuthalEquidistant::sphere(centre),
            &points,
            960.0,
            1100.0,
            40.0,
        )
        .unwrap();
        let geo = GeoClip::new(&fitted);
        let frame = Bounds::new(0.0, 0.0, 960.0, 1100.0);
        let mut named = Vec::new();
        for body in &data::context().water {
            // Every body tried, near or not: the test is of the label, not of the filter.
            if let Some(l) = water_label(body, &fitted, &geo, frame, &|_: &BBox| true) {
                assert!(body_holds(body, l.lon_lat), "{} at {:?}", l.text, l.lon_lat);
                named.push(l.text);
            }
        }
        assert!(!named.iter().any(|n| n.contains("Pacific")), "{named:?}");
        assert!(named.iter().any(|n| n == "Red Sea"), "{named:?}");
    }

    #[test]
    fn zoom_follows_the_ground_resolution() {
        assert!((label_zoom(ZOOM0_KM_PER_PX)).abs() < 1e-12);
        assert!((label_zoom(ZOOM0_KM_PER_PX / 8.0) - 3.0).abs() < 1e-12);
        assert!((label_zoom(1.0) - 7.29).abs() < 0.01);
        assert_eq!(zoom_rank(5.1), 51);
        assert_eq!(zoom_rank(-1.0), 0);
    }
}
