//! The graticule: meridians and parallels every `step` degrees, as lines in degrees.

use crate::geodesy::wrap_lon;

/// Meridians (from pole to pole, or the band given) and parallels every `step_deg`, with a
/// point every degree so they bend with the projection. The meridian on the map's cut
/// (opposite `central_meridian`) is left out: it is the map's edge.
pub fn lines(step_deg: f64, central_meridian: f64, lat_band: (f64, f64)) -> Vec<Vec<(f64, f64)>> {
    if !(0.5..=90.0).contains(&step_deg) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let (lat_lo, lat_hi) = lat_band;
    let count = (360.0 / step_deg).floor() as i64;
    for i in 0..count {
        let lon = -180.0 + i as f64 * step_deg;
        let rel = wrap_lon(lon - central_meridian);
        if rel.abs() > 179.999 {
            continue;
        }
        let n = (lat_hi - lat_lo).ceil() as usize;
        out.push(
            (0..=n)
                .map(|k| (lon, lat_lo + (lat_hi - lat_lo) * k as f64 / n as f64))
                .collect(),
        );
    }
    let mut lat = -90.0 + step_deg;
    while lat < 90.0 - 1e-9 {
        if lat > lat_lo && lat < lat_hi {
            out.push(
                (0..=360)
                    .map(|k| {
                        let lon = central_meridian - 180.0 + k as f64;
                        (wrap_lon(lon), lat)
                    })
                    .collect(),
            );
        }
        lat += step_deg;
    }
    out
}
