//! `Track`: a recorded path (a GPS track from a phone, a drive, a ferry) read from the input.

/// A recorded path as read: points in lon/lat degrees (WGS84), in recording order. Built with
/// [`Track::new`].
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct Track {
    /// The track's name in the input, if any.
    pub name: Option<String>,
    /// Points as (longitude, latitude) in degrees, each within [-180, 180] x [-90, 90].
    pub points: Vec<(f64, f64)>,
}

impl Track {
    /// The track called `name` (if any) through `points`, (longitude, latitude) in degrees.
    pub fn new(name: Option<String>, points: Vec<(f64, f64)>) -> Self {
        Track { name, points }
    }
}
