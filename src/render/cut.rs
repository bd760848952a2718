//! A leg's line cut at ±180° for writing (RFC 7946 §3.1.9), with the times and elevations
//! recorded for its points carried onto the parts (interpolated at the cuts).

use crate::geodesy::{CutPoint, split_at_antimeridian_indexed};
use crate::model::{Leg, Samples};
use jiff::{SignedDuration, Timestamp};

/// A leg's path in parts that meet at ±180°, and per part the samples of each point (each outer
/// list empty when the leg has no such samples).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CutLeg {
    /// Parts of (longitude, latitude) in degrees, longitudes in [-180, 180].
    pub parts: Vec<Vec<(f64, f64)>>,
    /// Per part, per point: when it was recorded.
    pub times: Vec<Vec<Option<Timestamp>>>,
    /// Per part, per point: elevation in metres.
    pub elevations_m: Vec<Vec<Option<f64>>>,
}

/// `leg`'s path cut at the antimeridian, with its samples.
pub(crate) fn cut_leg(leg: &Leg) -> CutLeg {
    cut_path(&leg.path, &leg.samples)
}

/// `path` (continuous longitudes) cut at the antimeridian, with its `samples`.
pub(crate) fn cut_path(path: &[(f64, f64)], samples: &Samples) -> CutLeg {
    let cut = split_at_antimeridian_indexed(path);
    let parts = cut
        .iter()
        .map(|p| p.iter().map(|c| (c.lon, c.lat)).collect())
        .collect();
    let times = &samples.times;
    let elevations = &samples.elevations_m;
    CutLeg {
        parts,
        times: carry(&cut, times, |a, b, t| {
            let gap = a.duration_until(b).as_secs_f64() * t;
            a.checked_add(SignedDuration::from_secs_f64(gap)).ok()
        }),
        elevations_m: carry(&cut, elevations, |a, b, t| Some(a + (b - a) * t)),
    }
}

/// `values` (one per path point, or none at all) at each cut point; at a cut between two points
/// both with values, `between(a, b, t)`; else none.
fn carry<T: Copy>(
    cut: &[Vec<CutPoint>],
    values: &[Option<T>],
    between: impl Fn(T, T, f64) -> Option<T>,
) -> Vec<Vec<Option<T>>> {
    if values.is_empty() {
        return Vec::new();
    }
    let at = |c: &CutPoint| -> Option<T> {
        if c.t == 0.0 {
            return values.get(c.from).copied().flatten();
        }
        let (a, b) = (
            values.get(c.from)?.as_ref()?,
            values.get(c.from + 1)?.as_ref()?,
        );
        between(*a, *b, c.t)
    };
    cut.iter().map(|p| p.iter().map(at).collect()).collect()
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn samples_follow_the_parts_and_are_interpolated_at_the_cut() {
        let mut leg = Leg::new(0, 1, 1.0, 90.0, vec![(170.0, 0.0), (190.0, 10.0)]);
        let t0: Timestamp = "2024-01-01T00:00:00Z".parse().unwrap();
        let t1: Timestamp = "2024-01-01T02:00:00Z".parse().unwrap();
        leg.samples = Samples::new(vec![Some(t0), Some(t1)], vec![Some(0.0), None]);
        let cut = cut_leg(&leg);
        assert_eq!(cut.parts.len(), 2);
        assert_eq!(cut.times[0][1].unwrap().to_string(), "2024-01-01T01:00:00Z");
        assert_eq!(cut.times[1][0], cut.times[0][1]);
        assert_eq!(cut.times[1][1], Some(t1));
        assert_eq!(cut.elevations_m[0], vec![Some(0.0), None]);
        let plain = Leg::new(0, 1, 1.0, 90.0, vec![(1.0, 0.0), (2.0, 0.0)]);
        assert!(cut_leg(&plain).times.is_empty());
    }
}
