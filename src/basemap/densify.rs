//! Densifying edges in degrees before projecting, so that straight edges in lon/lat follow the
//! projection's curves.

use crate::geodesy::wrap_lon;

/// Longest step between projected points along a densified edge, in degrees.
const STEP_DEG: f64 = 1.0;

/// Pushes the points strictly between `a` and `b` (degrees; longitude difference taken as is)
/// so no step is longer than [`STEP_DEG`], then nothing else: the caller pushes `b`.
pub(super) fn densify_edge(out: &mut Vec<(f64, f64)>, a: (f64, f64), b: (f64, f64)) {
    let dl = wrap_lon(b.0 - a.0);
    let steps = (dl.abs().max((b.1 - a.1).abs()) / STEP_DEG).ceil() as usize;
    for s in 1..steps {
        let t = s as f64 / steps as f64;
        out.push((wrap_lon(a.0 + dl * t), a.1 + (b.1 - a.1) * t));
    }
}

/// Densifies a run of points with unwrapped (continuous) longitudes; `closed`: also the edge
/// from the last point back to the first.
pub(super) fn densify(pts: impl Iterator<Item = (f64, f64)>, closed: bool) -> Vec<(f64, f64)> {
    let pts: Vec<(f64, f64)> = pts.collect();
    let mut out = Vec::with_capacity(pts.len());
    let n = pts.len();
    for i in 0..n {
        let a = pts[i];
        out.push(a);
        if i + 1 < n || closed {
            let b = pts[(i + 1) % n];
            let steps = ((b.0 - a.0).abs().max((b.1 - a.1).abs()) / STEP_DEG).ceil() as usize;
            for s in 1..steps {
                let t = s as f64 / steps as f64;
                out.push((a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t));
            }
        }
    }
    out
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn no_step_is_longer_than_a_degree() {
        let out = densify([(0.0, 0.0), (3.0, 0.0), (3.0, 2.5)].into_iter(), true);
        assert_eq!(out.len(), 3 + 2 + 2 + 2);
        for w in out.windows(2) {
            assert!((w[1].0 - w[0].0).abs().max((w[1].1 - w[0].1).abs()) <= STEP_DEG + 1e-12);
        }
        let open = densify([(0.0, 0.0), (3.0, 0.0)].into_iter(), false);
        assert_eq!(open, vec![(0.0, 0.0), (1.0, 0.0), (2.0, 0.0), (3.0, 0.0)]);
    }

    #[test]
    fn an_edge_across_the_antimeridian_goes_the_short_way() {
        let mut out = Vec::new();
        densify_edge(&mut out, (179.0, 0.0), (-179.0, 0.0));
        assert_eq!(out, vec![(-180.0, 0.0)]);
    }
}
