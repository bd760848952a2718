//! A file with recorded tracks but no stops (a phone's GPX, a KML path): each track's first and
//! last points become the stops.

use crate::error::Error;
use crate::model::{Stop, StopBuilder, Track};

/// Stops at the first and last points of each track (`Crossing (start)`, `Crossing (end)`, or
/// `Track 2 (start)` for an unnamed second track), arriving when those points were recorded.
pub(crate) fn track_ends(tracks: &[Track]) -> Result<Vec<Stop>, Error> {
    let mut stops = Vec::new();
    for (t, track) in tracks.iter().enumerate() {
        let (Some(&first), Some(&last)) = (track.points.first(), track.points.last()) else {
            continue;
        };
        let name = track
            .name
            .clone()
            .unwrap_or_else(|| format!("Track {}", t + 1));
        let last_i = track.points.len() - 1;
        for ((lon, lat), i, end) in [(first, 0, "start"), (last, last_i, "end")] {
            let mut stop = StopBuilder::new(format!("{name} ({end})")).at(lon, lat);
            if let Some(time) = track.samples.time(i) {
                stop = stop.arrive(time.strftime("%Y-%m-%dT%H:%M:%SZ").to_string());
            }
            stops.push(stop.validate(stops.len() + 1)?);
        }
    }
    Ok(stops)
}

#[cfg(test)]
mod test {
    use super::*;
    use crate::model::Samples;

    #[test]
    fn ends_are_named_after_the_track_and_timed() {
        let t = "2024-05-01T08:00:00Z".parse().unwrap();
        let track = Track::new(Some("Ferry".into()), vec![(24.9, 60.2), (24.8, 59.4)])
            .with_samples(Samples::new(vec![Some(t), None], Vec::new()));
        let stops = track_ends(&[track, Track::new(None, vec![(1.0, 2.0)])]).unwrap();
        let names: Vec<&str> = stops.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Ferry (start)",
                "Ferry (end)",
                "Track 2 (start)",
                "Track 2 (end)"
            ]
        );
        assert_eq!(
            stops[0].arrive.as_ref().unwrap().to_string(),
            "2024-05-01T08:00:00Z"
        );
        assert!(stops[1].arrive.is_none());
    }
}
