//! Tile coordinates to map pixels: tile grid → Web Mercator → lon/lat → the map's projection.
//!
//! Exact per vertex where needed; usually through a 9 × 9 grid of exactly projected points per
//! tile with bilinear interpolation between them, used only when it agrees with the exact
//! projection within 0.05 px at the middle of every grid cell (checked per tile), which is the
//! case at street scales in every projection tripmap has.

use crate::projection::{Fitted, Projection};

use super::TileCoord;
use super::cover::tile_lonlat;

/// Grid cells per tile side.
const CELLS: usize = 8;
/// Largest difference allowed between interpolated and exact pixels.
const TOLERANCE_PX: f64 = 0.05;

/// Projects one tile's coordinates (0..extent, y down) to pixels.
pub struct TileToPixels<'a, P> {
    map: &'a Fitted<P>,
    tile: TileCoord,
    extent: f64,
    /// Exact pixels at the grid nodes, row by row, when interpolation is good enough.
    grid: Option<Vec<(f64, f64)>>,
}

impl<'a, P: Projection> TileToPixels<'a, P> {
    /// The transform for `tile` with a grid of `extent` units per side.
    pub fn new(map: &'a Fitted<P>, tile: TileCoord, extent: u32) -> Self {
        let mut t = TileToPixels {
            map,
            tile,
            extent: f64::from(extent),
            grid: None,
        };
        t.grid = t.build_grid();
        t
    }

    /// The pixel of tile point `(x, y)`; `None` where the projection cannot show it.
    pub fn px(&self, x: f64, y: f64) -> Option<(f64, f64)> {
        let (u, v) = (x / self.extent, y / self.extent);
        match &self.grid {
            Some(g) => Some(interpolate(g, u, v)),
            None => self.exact(u, v),
        }
    }

    /// Exact pixel at tile fraction (u, v).
    fn exact(&self, u: f64, v: f64) -> Option<(f64, f64)> {
        let p = tile_lonlat(
            f64::from(self.tile.x) + u,
            f64::from(self.tile.y) + v,
            self.tile.z,
        )?;
        self.map.project_px(p)
    }

    fn build_grid(&self) -> Option<Vec<(f64, f64)>> {
        let step = 1.0 / CELLS as f64;
        let mut grid = Vec::with_capacity((CELLS + 1) * (CELLS + 1));
        for j in 0..=CELLS {
            for i in 0..=CELLS {
                grid.push(self.exact(i as f64 * step, j as f64 * step)?);
            }
        }
        for j in 0..CELLS {
            for i in 0..CELLS {
                let (u, v) = ((i as f64 + 0.5) * step, (j as f64 + 0.5) * step);
                let exact = self.exact(u, v)?;
                let guess = interpolate(&grid, u, v);
                if (exact.0 - guess.0).hypot(exact.1 - guess.1) > TOLERANCE_PX {
                    return None;
                }
            }
        }
        Some(grid)
    }
}

/// Bilinear interpolation in the grid at tile fraction (u, v); outside 0..1 (the tile's
/// buffer) the edge cells are extended.
fn interpolate(grid: &[(f64, f64)], u: f64, v: f64) -> (f64, f64) {
    let n = CELLS as f64;
    let (gu, gv) = (u * n, v * n);
    let i = (gu.floor().max(0.0) as usize).min(CELLS - 1);
    let j = (gv.floor().max(0.0) as usize).min(CELLS - 1);
    let (fu, fv) = (gu - i as f64, gv - j as f64);
    let at = |i: usize, j: usize| grid[j * (CELLS + 1) + i];
    let (a, b, c, d) = (at(i, j), at(i + 1, j), at(i, j + 1), at(i + 1, j + 1));
    let top = (a.0 + (b.0 - a.0) * fu, a.1 + (b.1 - a.1) * fu);
    let bottom = (c.0 + (d.0 - c.0) * fu, c.1 + (d.1 - c.1) * fu);
    (
        top.0 + (bottom.0 - top.0) * fv,
        top.1 + (bottom.1 - top.1) * fv,
    )
}

#[cfg(test)]
mod test {
    use super::*;
    use crate::model::LonLat;
    use crate::projection::{Bounds, LambertConic, fit_bounds_min_span};

    #[test]
    fn interpolated_pixels_match_exact_ones_at_street_scale() {
        let p = LambertConic::sphere(25.0, 60.0, 55.0, 65.0).unwrap();
        let pts = [
            LonLat::new(24.93, 60.16).unwrap(),
            LonLat::new(24.96, 60.18).unwrap(),
        ];
        let b = Bounds::of_positions(&p, &pts).unwrap();
        let map = fit_bounds_min_span(p, b, 960.0, 700.0, 20.0, 0.0).unwrap();
        let tile = TileCoord {
            z: 14,
            x: 9327,
            y: 4742,
        };
        let t = TileToPixels::new(&map, tile, 4096);
        assert!(t.grid.is_some(), "a street-scale tile is interpolated");
        for (x, y) in [
            (0.0, 0.0),
            (1234.0, 3000.0),
            (-80.0, 4176.0),
            (4095.0, 17.0),
        ] {
            let a = t.px(x, y).unwrap();
            let e = t.exact(x / 4096.0, y / 4096.0).unwrap();
            assert!((a.0 - e.0).hypot(a.1 - e.1) < TOLERANCE_PX, "{a:?} {e:?}");
        }
    }
}
