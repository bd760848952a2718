//! Thinning a recorded path to a tolerance in metres (Ramer–Douglas–Peucker on a local plane).

use crate::geometry::douglas_peucker;
use crate::trig;

/// Metres per degree of latitude on the mean sphere (radius 6,371,008.8 m).
const M_PER_DEG: f64 = 111_195.08;

/// The points of `path` (lon/lat degrees, continuous longitudes) that Ramer–Douglas–Peucker
/// keeps at `tolerance_m` metres, ends always kept, in order.
///
/// # Units
/// Distances are measured in a local equirectangular plane (metres, longitudes scaled by the
/// cosine of the path's mean latitude), which is within a fraction of a percent over a leg of a
/// few hundred kilometres and errs towards keeping points on longer ones.
pub fn simplify_path_m(path: &[(f64, f64)], tolerance_m: f64) -> Vec<(f64, f64)> {
    path.iter()
        .zip(simplify_keep_m(path, tolerance_m))
        .filter(|(_, keep)| *keep)
        .map(|(&p, _)| p)
        .collect()
}

/// Which points of `path` [`simplify_path_m`] keeps at `tolerance_m` metres: one flag per
/// point, so that values recorded per point can be thinned with them.
pub fn simplify_keep_m(path: &[(f64, f64)], tolerance_m: f64) -> Vec<bool> {
    if path.len() < 3 || tolerance_m.is_nan() || tolerance_m <= 0.0 {
        return vec![true; path.len()];
    }
    let mean_lat = path.iter().map(|p| p.1).sum::<f64>() / path.len() as f64;
    let kx = M_PER_DEG * trig::cos(mean_lat.to_radians()).max(0.01);
    let plane: Vec<(f64, f64)> = path
        .iter()
        .map(|&(lon, lat)| (lon * kx, lat * M_PER_DEG))
        .collect();
    douglas_peucker(&plane, tolerance_m)
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn drops_points_within_tolerance_and_keeps_corners() {
        // A straight line east with 1 m of noise, then a corner north.
        let mut path: Vec<(f64, f64)> = (0..=100)
            .map(|i| (i as f64 * 0.001, if i % 2 == 0 { 0.0 } else { 0.000_01 }))
            .collect();
        path.push((0.1, 0.05));
        let thin = simplify_path_m(&path, 10.0);
        assert_eq!(thin, vec![(0.0, 0.0), (0.1, 0.0), (0.1, 0.05)]);
        // At 0.5 m the 1.1 m wiggles stay.
        assert!(simplify_path_m(&path, 0.5).len() > 90);
        assert_eq!(simplify_path_m(&path, 0.0), path);
    }
}
