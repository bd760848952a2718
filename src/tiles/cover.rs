//! Which tiles a map needs: the zoom that matches its scale, and the tiles of that zoom whose
//! projected outline meets the frame — for any of tripmap's projections, not only Web Mercator.

use crate::model::LonLat;
use crate::projection::{Fitted, Projection};
use crate::trig;

use super::TileCoord;

/// Web Mercator's equator, metres (2π × 6,378,137).
const EQUATOR_M: f64 = 40_075_016.685_578_5;
/// Vector tiles are drawn 512 px wide at their own zoom (MapLibre's and Protomaps' convention).
pub const TILE_PX: f64 = 512.0;
/// Web Mercator's latitude limit, degrees.
const MAX_LAT: f64 = 85.051_128_779_806_59;

/// The tiles for one map.
#[derive(Debug, Clone, PartialEq)]
pub struct Cover {
    /// The map's zoom (fractional): the Web Mercator zoom, with 512 px tiles, whose scale at
    /// the map's centre equals the map's.
    pub map_zoom: f64,
    /// The zoom of the tiles read: the map zoom rounded down, within the archive's zooms.
    pub zoom: u8,
    /// The tiles whose outline meets the frame, within the archive's bounds, sorted.
    pub tiles: Vec<TileCoord>,
}

/// The map zoom of `map`: log2(equator × cos(latitude) / (512 × metres per pixel)) at its
/// centre. `None` if the centre is outside the projection's domain.
pub fn map_zoom<P: Projection>(map: &Fitted<P>) -> Option<f64> {
    let centre = map.inverse_px(map.width_px() / 2.0, map.height_px() / 2.0)?;
    let (east_km, _) = map.km_per_px_at(centre)?;
    let m_per_px = east_km * 1000.0;
    let z = (EQUATOR_M * trig::cos(centre.lat().to_radians()) / (TILE_PX * m_per_px)).log2();
    z.is_finite().then_some(z)
}

/// Fractional tile position of a point at zoom `z` (x from 180° W, y from the north).
pub fn tile_fraction(p: LonLat, z: u8) -> (f64, f64) {
    let n = f64::from(1u32 << z);
    let lat = p.lat().clamp(-MAX_LAT, MAX_LAT).to_radians();
    let x = (p.lon() + 180.0) / 360.0 * n;
    let y = (1.0 - (trig::tan(lat) + 1.0 / trig::cos(lat)).ln() / std::f64::consts::PI) / 2.0 * n;
    (x, y)
}

/// The position of fractional tile coordinates (x, y) at zoom `z`.
pub fn tile_lonlat(x: f64, y: f64, z: u8) -> Option<LonLat> {
    let n = f64::from(1u32 << z);
    let lon = x / n * 360.0 - 180.0;
    let lat = trig::atan((std::f64::consts::PI * (1.0 - 2.0 * y / n)).sinh()).to_degrees();
    LonLat::new(lon.clamp(-180.0, 180.0), lat.clamp(-MAX_LAT, MAX_LAT)).ok()
}

/// The tiles `map` needs from an archive with tiles at zooms `min_zoom..=max_zoom` within
/// `bounds` (west, south, east, north, degrees). `None` if the map's centre cannot be
/// inverted (nothing sensible to read).
pub fn cover<P: Projection>(
    map: &Fitted<P>,
    min_zoom: u8,
    max_zoom: u8,
    bounds: (f64, f64, f64, f64),
) -> Option<Cover> {
    let map_zoom = map_zoom(map)?;
    let zoom = (map_zoom.floor().max(0.0) as u8).clamp(min_zoom, max_zoom);
    let n = 1u32 << zoom;
    let (w, h) = (map.width_px(), map.height_px());
    // Sample the frame on a grid (every 32 px, at most 65 × 65 points) and take the tile
    // range of the positions found.
    let steps = |len: f64| ((len / 32.0).ceil() as usize).clamp(1, 64);
    let (sx, sy) = (steps(w), steps(h));
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for i in 0..=sx {
        for j in 0..=sy {
            let px = w * i as f64 / sx as f64;
            let py = h * j as f64 / sy as f64;
            let Some(p) = map.inverse_px(px, py) else {
                continue;
            };
            let (x, y) = tile_fraction(p, zoom);
            (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
        }
    }
    if x0 > x1 {
        return Some(Cover {
            map_zoom,
            zoom,
            tiles: Vec::new(),
        });
    }
    // A frame that spans more than half the world in longitude (or crosses the antimeridian)
    // needs every column.
    if x1 - x0 > f64::from(n) / 2.0 {
        (x0, x1) = (0.0, f64::from(n));
    }
    let (west, south, east, north) = bounds;
    let (bx0, by1) = tile_fraction(LonLat::new(west, south).ok()?, zoom);
    let (bx1, by0) = tile_fraction(LonLat::new(east, north).ok()?, zoom);
    let clamp = |v: f64| (v.floor().max(0.0) as u32).min(n - 1);
    let (tx0, tx1) = (clamp(x0.max(bx0)), clamp(x1.min(bx1)));
    let (ty0, ty1) = (clamp(y0.max(by0)), clamp(y1.min(by1)));
    if x0.max(bx0) > x1.min(bx1) || y0.max(by0) > y1.min(by1) {
        return Some(Cover {
            map_zoom,
            zoom,
            tiles: Vec::new(),
        });
    }
    let mut tiles = Vec::new();
    for x in tx0..=tx1 {
        for y in ty0..=ty1 {
            if outline_meets_frame(map, x, y, zoom) {
                tiles.push(TileCoord { z: zoom, x, y });
            }
        }
    }
    tiles.sort();
    Some(Cover {
        map_zoom,
        zoom,
        tiles,
    })
}

/// Whether the box around tile x/y's projected outline (corners and edge midpoints) meets the
/// frame.
fn outline_meets_frame<P: Projection>(map: &Fitted<P>, x: u32, y: u32, z: u8) -> bool {
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for (u, v) in [
        (0.0, 0.0),
        (0.5, 0.0),
        (1.0, 0.0),
        (1.0, 0.5),
        (1.0, 1.0),
        (0.5, 1.0),
        (0.0, 1.0),
        (0.0, 0.5),
        (0.5, 0.5),
    ] {
        let Some(p) = tile_lonlat(f64::from(x) + u, f64::from(y) + v, z) else {
            continue;
        };
        let Some((px, py)) = map.project_px(p) else {
            continue;
        };
        (x0, y0, x1, y1) = (x0.min(px), y0.min(py), x1.max(px), y1.max(py));
    }
    x0 <= x1 && x1 >= 0.0 && y1 >= 0.0 && x0 <= map.width_px() && y0 <= map.height_px()
}

#[cfg(test)]
mod test {
    use super::*;
    use crate::projection::{Bounds, Mercator, fit_bounds_min_span};

    #[test]
    fn tile_fractions_invert() {
        let p = LonLat::new(24.9384, 60.1699).unwrap();
        let (x, y) = tile_fraction(p, 14);
        // Helsinki's centre: x 9326.974, y 4742.403 at zoom 14 (the OSM wiki's slippy-map
        // formula, computed in Python).
        assert!(
            (x - 9_326.974_293).abs() < 1e-5 && (y - 4_742.403_167).abs() < 1e-5,
            "{x} {y}"
        );
        let q = tile_lonlat(x, y, 14).unwrap();
        assert!((q.lon() - p.lon()).abs() < 1e-9 && (q.lat() - p.lat()).abs() < 1e-9);
    }

    #[test]
    fn a_city_map_reads_a_few_tiles_at_the_matching_zoom() {
        let stops = [
            LonLat::new(24.9384, 60.1699).unwrap(),
            LonLat::new(24.9520, 60.1760).unwrap(),
        ];
        let m = Mercator::sphere(24.94);
        let b = Bounds::of_positions(&m, &stops).unwrap();
        let map = fit_bounds_min_span(m, b, 960.0, 600.0, 40.0, 0.0).unwrap();
        let c = cover(&map, 0, 15, (-180.0, -85.0, 180.0, 85.0)).unwrap();
        // 520 px for 0.68 km of latitude: 1.3 m per pixel, zoom 14.9.
        assert!((14.8..14.9).contains(&c.map_zoom), "{}", c.map_zoom);
        assert_eq!(c.zoom, 14);
        // The frame (1.25 x 0.78 km) meets 2 x 2 of the 1.2 km tiles.
        assert_eq!(c.tiles.len(), 4, "{:?}", c.tiles);
        // Clamped to the archive's zooms and bounds.
        let c = cover(&map, 0, 13, (24.0, 60.0, 24.94, 61.0)).unwrap();
        assert_eq!(c.zoom, 13);
        assert!(
            !c.tiles.is_empty() && c.tiles.iter().all(|t| t.x <= 4663),
            "{:?}",
            c.tiles
        );
    }
}
