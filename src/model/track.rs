//! `Track`: a recorded path (a GPS track from a phone, a drive, a ferry) read from the input.

use super::Samples;

/// A recorded path as read: points in lon/lat degrees (WGS84), in recording order, with the times
/// and elevations recorded for them. Built with [`Track::new`].
#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Track {
    /// The track's name in the input, if any.
    pub name: Option<String>,
    /// Points as (longitude, latitude) in degrees, each within [-180, 180] x [-90, 90].
    pub points: Vec<(f64, f64)>,
    /// The time and elevation of each point, where the input recorded them.
    pub samples: Samples,
}

impl Track {
    /// The track called `name` (if any) through `points`, (longitude, latitude) in degrees, with
    /// no times or elevations.
    pub fn new(name: Option<String>, points: Vec<(f64, f64)>) -> Self {
        Track {
            name,
            points,
            samples: Samples::default(),
        }
    }

    /// The same track with per-point `samples` (each list empty or as long as `points`).
    pub fn with_samples(mut self, samples: Samples) -> Self {
        self.samples = samples;
        self
    }
}
