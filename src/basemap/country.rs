//! Which country a point is in: even–odd point-in-polygon on Natural Earth's 50m countries.

use super::decode::CountryGeom;

/// Whether (lon, lat) in degrees is inside `c` (any of its polygons, holes excluded).
pub fn contains(c: &CountryGeom, (x, y): (f64, f64)) -> bool {
    let (x0, y0, x1, y1) = c.bbox;
    if x < x0 || x > x1 || y < y0 || y > y1 {
        return false;
    }
    c.polygons.get().iter().any(|poly| {
        let mut inside = false;
        for ring in poly {
            let n = ring.len();
            for i in 0..n {
                let (a, b) = (ring[(i + n - 1) % n], ring[i]);
                if (a.1 > y) != (b.1 > y) && x < (b.0 - a.0) * (y - a.1) / (b.1 - a.1) + a.0 {
                    inside = !inside;
                }
            }
        }
        inside
    })
}
