//! Which country a point is in: even–odd point-in-polygon on Natural Earth's 50m countries.

use super::decode::CountryGeom;
use crate::geometry::inside_rings;

/// Whether (lon, lat) in degrees is inside `c` (any of its polygons, holes excluded).
pub fn contains(c: &CountryGeom, (x, y): (f64, f64)) -> bool {
    let (x0, y0, x1, y1) = c.bbox;
    if x < x0 || x > x1 || y < y0 || y > y1 {
        return false;
    }
    c.polygons
        .get()
        .iter()
        .any(|poly| inside_rings((x, y), poly))
}
