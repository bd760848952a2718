//! Chronological order of stops, stable and total.

use crate::model::{Stop, When};
use jiff::civil::Date;

/// Indices of `stops` in visiting order by time.
///
/// A stop's time is its arrival, else its departure. Stops are ordered by calendar day first
/// (each in its own zone); within one day, the stops that have a time of day are sorted by it
/// (as instants when their zones are known) into the places that timed stops occupy, while
/// date-only stops keep their place: "Sunday" says nothing about before or after "Sunday 14:00",
/// so the file's order decides. Undated stops keep their place in the file order too, between the
/// dated stops around them. The result is a permutation of `0..stops.len()`.
pub fn time_order(stops: &[Stop]) -> Vec<usize> {
    let day = |s: &Stop| when_of(s).map(When::local_date);
    // Undated stops attach to the dated stop before them (or the start), so they travel with it.
    let mut groups: Vec<(Option<Date>, Vec<usize>)> = Vec::new();
    for (i, s) in stops.iter().enumerate() {
        match day(s) {
            Some(d) => groups.push((Some(d), vec![i])),
            None => match groups.last_mut() {
                Some(g) => g.1.push(i),
                None => groups.push((None, vec![i])),
            },
        }
    }
    // Stable sort of groups by day; a leading undated group (None) stays first.
    groups.sort_by_key(|g| g.0);
    // Within each run of groups on the same day, sort the timed heads into the timed slots.
    let mut start = 0;
    while start < groups.len() {
        let mut end = start + 1;
        while end < groups.len() && groups[end].0 == groups[start].0 {
            end += 1;
        }
        let slots: Vec<usize> = (start..end)
            .filter(|&g| groups[g].1.first().is_some_and(|&i| timed(&stops[i])))
            .collect();
        let mut timed_groups: Vec<(i128, Vec<usize>)> = slots
            .iter()
            .map(|&g| (time_key(&stops[groups[g].1[0]]), groups[g].1.clone()))
            .collect();
        timed_groups.sort_by_key(|t| t.0);
        for (slot, (_, members)) in slots.iter().zip(timed_groups) {
            groups[*slot].1 = members;
        }
        start = end;
    }
    groups.into_iter().flat_map(|g| g.1).collect()
}

fn when_of(s: &Stop) -> Option<&When> {
    s.arrive.as_ref().or(s.depart.as_ref())
}

fn timed(s: &Stop) -> bool {
    when_of(s).is_some_and(When::has_time)
}

/// Nanoseconds since the epoch: the exact instant where known, else the wall-clock time read as UTC.
fn time_key(s: &Stop) -> i128 {
    let Some(w) = when_of(s) else { return 0 };
    if let Some(ts) = w.instant(s.time_zone()) {
        return ts.as_nanosecond();
    }
    match w {
        When::Local(dt) => jiff::tz::Offset::UTC
            .to_timestamp(*dt)
            .map_or(0, |t| t.as_nanosecond()),
        _ => 0,
    }
}

#[cfg(test)]
mod test {
    use super::*;

    fn stop(name: &str, arrive: Option<&str>, tz: Option<&str>) -> Stop {
        let mut s = Stop::named(name);
        s.arrive = arrive.map(|a| When::parse(a).unwrap());
        s.tz = tz.map(|t| crate::model::Zone {
            name: t.into(),
            tz: jiff::tz::TimeZone::get(t).unwrap(),
        });
        s
    }

    #[test]
    fn sorts_by_day_and_keeps_ties_stable() {
        let s = vec![
            stop("C", Some("2023-11-05"), None),
            stop("A", Some("2023-11-03"), None),
            stop("B", Some("2023-11-05"), None),
        ];
        assert_eq!(time_order(&s), vec![1, 0, 2]);
    }

    #[test]
    fn same_day_times_sort_as_instants_and_dates_stay_put() {
        // Baghdad 19:00 (+03) is after Larnaca 14:00 (+02) even though listed first.
        let s = vec![
            stop("Ramallah", Some("2023-11-05"), None),
            stop("Baghdad", Some("2023-11-05T19:00"), Some("Asia/Baghdad")),
            stop("Larnaca", Some("2023-11-05T14:00"), Some("Asia/Nicosia")),
        ];
        assert_eq!(time_order(&s), vec![0, 2, 1]);
    }

    #[test]
    fn undated_stops_travel_with_the_stop_before_them() {
        let s = vec![
            stop("Start", None, None),
            stop("Late", Some("2023-11-09"), None),
            stop("Side trip", None, None),
            stop("Early", Some("2023-11-01"), None),
        ];
        assert_eq!(time_order(&s), vec![0, 3, 1, 2]);
    }
}
