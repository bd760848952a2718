//! `Samples`: what a recording says about each point of a path besides its position — when it
//! was recorded and at what elevation.

use jiff::Timestamp;

/// Per-point times and elevations of a recorded path, in the order of its points.
///
/// Each list is either empty (the input recorded no such value for any point) or exactly as long
/// as the path, with `None` for a point that has no value (the two stops at the ends of a
/// recorded leg, or a GPX point without `<time>`).
#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Samples {
    /// When each point was recorded (an exact instant).
    pub times: Vec<Option<Timestamp>>,
    /// Each point's elevation in metres, as recorded (GPX `<ele>`, a KML or GeoJSON altitude).
    pub elevations_m: Vec<Option<f64>>,
}

impl Samples {
    /// `times` and `elevations_m`, each kept only if it has at least one value.
    pub fn new(times: Vec<Option<Timestamp>>, elevations_m: Vec<Option<f64>>) -> Self {
        Samples {
            times: if times.iter().any(Option::is_some) {
                times
            } else {
                Vec::new()
            },
            elevations_m: if elevations_m.iter().any(Option::is_some) {
                elevations_m
            } else {
                Vec::new()
            },
        }
    }

    /// True when there is neither a time nor an elevation.
    pub fn is_empty(&self) -> bool {
        self.times.is_empty() && self.elevations_m.is_empty()
    }

    /// The time of point `i`, if recorded.
    pub fn time(&self, i: usize) -> Option<Timestamp> {
        self.times.get(i).copied().flatten()
    }

    /// The elevation of point `i` in metres, if recorded.
    pub fn elevation_m(&self, i: usize) -> Option<f64> {
        self.elevations_m.get(i).copied().flatten()
    }

    /// Keeps the values of the points whose `keep` is true (a simplified path's points).
    pub fn retain(&mut self, keep: &[bool]) {
        fn thin<T>(v: &mut Vec<T>, keep: &[bool]) {
            if !v.is_empty() {
                let mut k = keep.iter();
                v.retain(|_| *k.next().unwrap_or(&true));
            }
        }
        thin(&mut self.times, keep);
        thin(&mut self.elevations_m, keep);
    }
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn empty_lists_stay_empty_and_thinning_keeps_the_flagged() {
        let t: Timestamp = "2024-05-01T08:00:00Z".parse().unwrap();
        let s = Samples::new(
            vec![None, Some(t), None, None],
            vec![None, None, None, None],
        );
        assert!(s.elevations_m.is_empty(), "no elevation at all: no list");
        assert_eq!(s.time(1), Some(t));
        let mut thin = s.clone();
        thin.retain(&[true, true, false, true]);
        assert_eq!(thin.times, vec![None, Some(t), None]);
        let mut none = Samples::default();
        none.retain(&[false]);
        assert!(none.is_empty());
    }
}
