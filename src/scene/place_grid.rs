//! Finding the place a stop revisits without comparing it with every place: places bucketed by
//! position on a grid of [`CELL_DEG`] degrees, so a stop looks only at the cells near it. Gives
//! exactly what a scan of every place in order gives (the first place within reach), only
//! faster: each cell it skips is provably out of reach.

use crate::trig;
use std::collections::HashMap;

/// The grid's cell, degrees of latitude and of longitude.
const CELL_DEG: f64 = 0.001;
/// Beyond this many cells of longitude either side (within a few hundredths of a degree of a
/// pole, where a degree of longitude is a few metres) the grid scans every place instead.
const MAX_SPAN_CELLS: i64 = 1000;

/// Places' indices by grid cell.
#[derive(Debug, Default)]
pub(crate) struct PlaceGrid {
    cells: HashMap<(i64, i64), Vec<usize>>,
    count: usize,
}

impl PlaceGrid {
    /// Records place `index` at (`lon`, `lat`), degrees. Indices must be added in ascending order.
    pub fn insert(&mut self, index: usize, lon: f64, lat: f64) {
        self.cells.entry(cell(lon, lat)).or_default().push(index);
        self.count = self.count.max(index + 1);
    }

    /// The lowest index for which `near` holds, among places that may be within `reach_m`
    /// metres of (`lon`, `lat`) by the flat-earth measure of [`super::places`] (a latitude
    /// difference, and a longitude difference shrunk by the cosine of `lat`).
    pub fn first_near(
        &self,
        lon: f64,
        lat: f64,
        reach_m: f64,
        near: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        let reach_deg = (reach_m / 6_371_000.0).to_degrees();
        let cos = trig::cos(lat.to_radians());
        let lat_span = (reach_deg / CELL_DEG).ceil() as i64 + 1;
        let lon_span = if cos > 1e-9 {
            (reach_deg / cos / CELL_DEG).ceil() + 1.0
        } else {
            f64::INFINITY
        };
        if !lon_span.is_finite() || lon_span > MAX_SPAN_CELLS as f64 {
            return (0..self.count).find(|&i| near(i));
        }
        let lon_span = lon_span as i64;
        let (cx, cy) = cell(lon, lat);
        let mut best: Option<usize> = None;
        for y in cy - lat_span..=cy + lat_span {
            for x in cx - lon_span..=cx + lon_span {
                let Some(list) = self.cells.get(&(x, y)) else {
                    continue;
                };
                // Each list is ascending: its first match is its lowest.
                if let Some(&i) = list
                    .iter()
                    .find(|&&i| best.is_none_or(|b| i < b) && near(i))
                {
                    best = Some(best.map_or(i, |b| b.min(i)));
                }
            }
        }
        best
    }
}

/// The cell holding (`lon`, `lat`).
fn cell(lon: f64, lat: f64) -> (i64, i64) {
    (
        (lon / CELL_DEG).floor() as i64,
        (lat / CELL_DEG).floor() as i64,
    )
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn finds_the_first_place_in_reach_as_a_full_scan_would() {
        let pts = [
            (10.0, 50.0),
            (10.0002, 50.0),
            (10.0001, 50.0),
            (179.9999, 0.0),
        ];
        let mut g = PlaceGrid::default();
        for (i, &(lon, lat)) in pts.iter().enumerate() {
            g.insert(i, lon, lat);
        }
        let within = |lon: f64, lat: f64, m: f64| {
            move |i: usize| {
                let (qlon, qlat): (f64, f64) = pts[i];
                let dlat = (qlat - lat).to_radians();
                let dlon = (qlon - lon).to_radians() * trig::cos(lat.to_radians());
                6_371_000.0 * dlat.hypot(dlon) < m
            }
        };
        assert_eq!(
            g.first_near(10.00015, 50.0, 50.0, within(10.00015, 50.0, 50.0)),
            Some(0)
        );
        assert_eq!(
            g.first_near(10.01, 50.0, 50.0, within(10.01, 50.0, 50.0)),
            None
        );
        assert_eq!(
            g.first_near(-179.9999, 0.0, 50.0, within(-179.9999, 0.0, 50.0)),
            None
        );
        // Near a pole every place is looked at.
        assert_eq!(g.first_near(0.0, 90.0, 50.0, |i| i == 3), Some(3));
    }
}
