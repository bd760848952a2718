//! Where each stop and leg falls in time, in local calendar days: a stop's arrival and
//! departure, a leg's departure and arrival, each as days since midnight of the trip's first
//! local day. A date without a time is the middle of its day; a wall-clock time (local, or
//! with an offset) is read in the stop's own zone as written, so calendar days stay days and a
//! flight across the date line lands on the day its ticket says.

use crate::model::{Route, When};
use jiff::civil::Date;
use jiff::tz::TimeZone;

/// A stop on the time axis.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct StopSpan {
    /// Index into `route.stops`.
    pub stop: usize,
    /// Arrival (or departure when the stop gives only that), days since the first day began.
    pub start: f64,
    /// Departure (the arrival when the stop gives no later one), days.
    pub end: f64,
}

/// A leg on the time axis, drawn only where both its ends give a time of day.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct LegSpan {
    /// Index into `route.legs`.
    pub leg: usize,
    /// Departure, days since the first day began.
    pub start: f64,
    /// Arrival, days.
    pub end: f64,
}

/// A route's stops and legs in time.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Moments {
    /// The trip's first local day.
    pub first: Date,
    /// How many calendar days the trip spans, first and last included (at least 1).
    pub days: usize,
    /// The dated stops, in route order.
    pub stops: Vec<StopSpan>,
    /// The legs whose both ends have a time of day, in route order.
    pub legs: Vec<LegSpan>,
    /// The stops with no date, in route order.
    pub undated: Vec<usize>,
}

/// Days since `first` began of `w` on the clock of zone `tz`: its time when it has one, else
/// noon.
fn at(w: &When, tz: Option<&TimeZone>, first: Date) -> f64 {
    let (day, time) = w.on_clock_of(tz);
    let days = (day - first).get_days() as f64;
    let fraction = match time {
        Some(t) => (f64::from(t.hour()) * 60.0 + f64::from(t.minute())) / 1440.0,
        None => 0.5,
    };
    days + fraction
}

/// Whether `w` gives a time of day.
fn timed(w: &When) -> bool {
    !matches!(w, When::Date(_))
}

/// Where `route`'s stops and legs fall in time (only those of trip `trip` when given, see
/// [`crate::model::RouteStop::trip`]); `None` when none of those stops has a date.
pub(crate) fn moments(route: &Route, trip: Option<usize>) -> Option<Moments> {
    let of_trip = |i: usize| trip.is_none_or(|t| route.stops[i].trip == t);
    let dates = route
        .stops
        .iter()
        .enumerate()
        .filter(|&(i, _)| of_trip(i))
        .flat_map(|(_, s)| {
            [s.stop.arrive.as_ref(), s.stop.depart.as_ref()]
                .into_iter()
                .flatten()
                .map(|w| w.on_clock_of(s.stop.time_zone()).0)
        });
    let (first, last) = dates.fold(None, |acc: Option<(Date, Date)>, d| match acc {
        None => Some((d, d)),
        Some((a, b)) => Some((a.min(d), b.max(d))),
    })?;
    let days = (last - first).get_days() as usize + 1;
    let mut stops = Vec::new();
    let mut undated = Vec::new();
    for (i, s) in route.stops.iter().enumerate().filter(|&(i, _)| of_trip(i)) {
        let (a, d) = (s.stop.arrive.as_ref(), s.stop.depart.as_ref());
        let tz = s.stop.time_zone();
        match (a.or(d), d.or(a)) {
            (Some(a), Some(d)) => {
                let start = at(a, tz, first);
                stops.push(StopSpan {
                    stop: i,
                    start,
                    end: at(d, tz, first).max(start),
                });
            }
            _ => undated.push(i),
        }
    }
    let legs = route
        .legs
        .iter()
        .enumerate()
        .filter(|(_, l)| l.to > l.from && of_trip(l.from))
        .filter_map(|(k, l)| {
            let (a, b) = (&route.stops[l.from].stop, &route.stops[l.to].stop);
            let leave = a.last_time()?;
            let reach = b.first_time()?;
            let (start, end) = (
                at(leave, a.time_zone(), first),
                at(reach, b.time_zone(), first),
            );
            (timed(leave) && timed(reach) && end > start).then_some(LegSpan { leg: k, start, end })
        })
        .collect();
    Some(Moments {
        first,
        days,
        stops,
        legs,
        undated,
    })
}

#[cfg(test)]
mod test {
    use super::*;

    use crate::routing::test_route as route;

    #[test]
    fn days_are_local_and_times_fall_within_them() {
        // Tokyo to Honolulu across the date line: the flight lands "before" it left, by the
        // calendar, so it gets no span; each stop keeps its own local day.
        let r = route(
            r#"{"stops": [
            {"name": "Tokyo", "lat": 35.68, "lon": 139.69, "arrive": "2024-12-30", "depart": "2024-12-31T21:00", "tz": "Asia/Tokyo"},
            {"name": "Honolulu", "lat": 21.31, "lon": -157.86, "arrive": "2024-12-31T09:00", "depart": "2025-01-02", "tz": "Pacific/Honolulu"},
            {"name": "Nowhere", "lat": 0, "lon": 0}]}"#,
        );
        let m = moments(&r, None).unwrap();
        assert_eq!(m.first, jiff::civil::date(2024, 12, 30));
        assert_eq!(m.days, 4);
        assert_eq!(m.stops[0].start, 0.5);
        assert_eq!(m.stops[0].end, 1.0 + 21.0 / 24.0);
        assert_eq!(m.stops[1].start, 1.375);
        assert_eq!(m.stops[1].end, 3.5);
        assert!(m.legs.is_empty());
        assert_eq!(m.undated, [2]);
    }

    #[test]
    fn legs_with_times_at_both_ends_are_spans() {
        let r = route(
            r#"{"stops": [
            {"name": "A", "lat": 50, "lon": 10, "depart": "2024-03-31T01:30", "tz": "Europe/Berlin"},
            {"name": "B", "lat": 50, "lon": 11, "arrive": "2024-03-31T04:00", "tz": "Europe/Berlin"},
            {"name": "C", "lat": 50, "lon": 12, "arrive": "2024-04-01"}]}"#,
        );
        let m = moments(&r, None).unwrap();
        assert_eq!(m.legs.len(), 1);
        assert_eq!(m.legs[0].leg, 0);
        assert_eq!(m.legs[0].start, 1.5 / 24.0);
        assert_eq!(m.legs[0].end, 4.0 / 24.0);
        assert_eq!(m.days, 2);
    }

    #[test]
    fn no_date_no_moments() {
        let r = route(r#"{"stops": [{"name": "A", "lat": 1, "lon": 2}]}"#);
        assert_eq!(moments(&r, None), None);
        assert_eq!(moments(&r, Some(0)), None);
    }
}
