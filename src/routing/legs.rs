//! Legs between consecutive route stops: distance, bearing, duration, densified path; and the
//! warnings a trip's times imply.

use crate::geodesy::geodesic_leg;
use crate::model::{Leg, RouteStop};
use rayon::prelude::*;

/// Speeds above this, in km/h, are flagged: faster than any airliner.
pub const MAX_PLAUSIBLE_KMH: f64 = 1000.0;

/// Legs joining `stops[i]` to `stops[i + 1]` (and the last back to the first when `round_trip`),
/// with warnings for implausible speeds and time going backwards.
pub fn build_legs(stops: &[RouteStop], round_trip: bool) -> (Vec<Leg>, Vec<String>) {
    let mut pairs: Vec<(usize, usize)> = (1..stops.len()).map(|i| (i - 1, i)).collect();
    if round_trip && stops.len() > 1 {
        pairs.push((stops.len() - 1, 0));
    }
    let leg_of = |(from, to): (usize, usize)| {
        let mut warnings = Vec::new();
        let (a, b) = (&stops[from], &stops[to]);
        // The closing leg of a round trip has no schedule: the trip's dates end before it.
        let closing = to < from;
        let leaving = a.stop.last_time().filter(|_| !closing);
        let arriving = b.stop.first_time().filter(|_| !closing);
        let duration = match (
            leaving.and_then(|w| w.instant(a.stop.time_zone())),
            arriving.and_then(|w| w.instant(b.stop.time_zone())),
        ) {
            (Some(t0), Some(t1)) => Some(t0.duration_until(t1)),
            _ => None,
        };
        let geodesic = geodesic_leg(a.position, b.position);
        let distance = geodesic.distance_m;
        let label = format!("leg {} → {}", a.stop.name, b.stop.name);
        if let Some(d) = duration {
            let hours = d.as_secs_f64() / 3600.0;
            if hours < 0.0 {
                warnings.push(format!(
                    "{label}: arrives {:.1} h before it leaves (time goes backwards)",
                    -hours
                ));
            } else if hours > 0.0 && distance / 1000.0 / hours > MAX_PLAUSIBLE_KMH {
                warnings.push(format!(
                        "{label}: {:.0} km in {:.1} h is {:.0} km/h, faster than {MAX_PLAUSIBLE_KMH:.0} km/h",
                        distance / 1000.0,
                        hours,
                        distance / 1000.0 / hours
                    ));
            }
        } else if let (Some(l), Some(r)) = (leaving, arriving)
            && r.local_date() < l.local_date()
        {
            warnings.push(format!(
                "{label}: arrives on {} before it leaves on {} (time goes backwards)",
                r.local_date(),
                l.local_date()
            ));
        }
        let mut leg = Leg::new(from, to, distance, geodesic.bearing_deg, geodesic.path);
        leg.duration = duration;
        // How the traveller arrived at the leg's end is how the leg was travelled.
        leg.mode = b.stop.mode;
        (leg, warnings)
    };
    // A trip of many thousand legs is densified on every core (a 100,000-stop world trip has
    // ten million path points); the legs and warnings come out in the same order either way.
    let built: Vec<(Leg, Vec<String>)> = match pairs.len() >= PARALLEL_LEGS {
        true => pairs.into_par_iter().map(leg_of).collect(),
        false => pairs.into_iter().map(leg_of).collect(),
    };
    let mut warnings = Vec::new();
    let legs = built
        .into_iter()
        .map(|(leg, mut w)| {
            warnings.append(&mut w);
            leg
        })
        .collect();
    (legs, warnings)
}

/// The fewest legs built on every core rather than one (below, a trip is too small to gain,
/// and a stream of many trips already keeps its workers busy).
const PARALLEL_LEGS: usize = 10_000;

#[cfg(test)]
mod test {
    use super::*;
    use crate::geodesy::geodesic_leg;
    use crate::model::{LonLat, Stop, When};

    /// Stops scattered over the world, each dated, every fiftieth a day before the one before
    /// it (so warnings are made, and their order can be checked).
    fn stops(n: usize) -> Vec<RouteStop> {
        (0..n)
            .map(|i| {
                let lon = ((i * 7919) % 36_000) as f64 / 100.0 - 180.0;
                let lat = ((i * 104_729) % 14_000) as f64 / 100.0 - 70.0;
                let mut stop = Stop::named(format!("S{i}"));
                let day = if i % 50 == 49 { 1 } else { 2 + i % 20 };
                stop.arrive = Some(When::parse(&format!("2024-03-{day:02}")).unwrap());
                RouteStop::new(stop, LonLat::new(lon, lat).unwrap(), i)
            })
            .collect()
    }

    #[test]
    fn many_legs_built_on_every_core_are_the_legs_built_one_by_one() {
        let stops = stops(PARALLEL_LEGS + 500);
        let (legs, warnings) = build_legs(&stops, true);
        assert_eq!(legs.len(), stops.len());
        for (k, leg) in legs.iter().enumerate() {
            let to = (k + 1) % stops.len();
            assert_eq!((leg.from, leg.to), (k, to));
            let one = geodesic_leg(stops[k].position, stops[to].position);
            assert_eq!(leg.path, one.path, "leg {k}");
            assert_eq!(leg.distance_m.to_bits(), one.distance_m.to_bits());
        }
        // The warnings in leg order, as the small trip below gives them.
        let (_, few) = build_legs(&stops[..200], false);
        assert!(!few.is_empty());
        assert_eq!(warnings[..few.len()], few[..]);
    }
}
