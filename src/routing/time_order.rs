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
/// dated stops around them.
///
/// Last, the stops whose exact instant is known are sorted by it across days, into the places
/// they hold. Local calendar days can disagree with instants: a flight from Tokyo on the 5th
/// lands in Honolulu on the 4th. The instant is the truth, so two such stops always come out in
/// the order they happened. Where days and instants agree (every trip that does not outrun the
/// calendar) this last step changes nothing. The result is a permutation of `0..stops.len()`.
pub fn time_order(stops: &[Stop]) -> Vec<usize> {
    let day = |s: &Stop| s.first_time().map(When::local_date);
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
    let head = |g: &(Option<Date>, Vec<usize>)| &stops[g.1[0]];
    // Stable sort of groups by day; a leading undated group (None) stays first.
    groups.sort_by_key(|g| g.0);
    // Within each run of groups on the same day, sort the timed heads into the timed slots.
    for same_day in groups.chunk_by_mut(|a, b| a.0 == b.0) {
        sort_into_slots(same_day, |g| timed(head(g)).then(|| time_key(head(g))));
    }
    // Across days, stops with a known instant go in the order they happened.
    sort_into_slots(&mut groups, |g| instant_of(head(g)));
    groups.into_iter().flat_map(|g| g.1).collect()
}

/// Sorts, stably by `key`, the items that have one into the places those items occupy; items
/// whose key is `None` stay where they are.
fn sort_into_slots<T: Default, K: Ord>(items: &mut [T], key: impl Fn(&T) -> Option<K>) {
    let mut keyed: Vec<(usize, K)> = items
        .iter()
        .enumerate()
        .filter_map(|(i, t)| key(t).map(|k| (i, k)))
        .collect();
    let slots: Vec<usize> = keyed.iter().map(|(i, _)| *i).collect();
    keyed.sort_by(|a, b| a.1.cmp(&b.1));
    let moved: Vec<T> = keyed
        .iter()
        .map(|(i, _)| std::mem::take(&mut items[*i]))
        .collect();
    for (slot, item) in slots.into_iter().zip(moved) {
        items[slot] = item;
    }
}

fn timed(s: &Stop) -> bool {
    s.first_time().is_some_and(When::has_time)
}

/// The exact instant of a stop's time, when it has a time of day and a known zone or offset.
fn instant_of(s: &Stop) -> Option<i128> {
    let w = s.first_time().filter(|w| w.has_time())?;
    w.instant(s.time_zone()).map(|ts| ts.as_nanosecond())
}

/// Nanoseconds since the epoch: the exact instant where known, else the wall-clock time read as UTC.
fn time_key(s: &Stop) -> i128 {
    if let Some(ns) = instant_of(s) {
        return ns;
    }
    match s.first_time() {
        Some(When::Local(dt)) => jiff::tz::Offset::UTC
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
        s.tz = tz.map(|t| crate::model::Zone::new(t).unwrap());
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

    #[test]
    fn instants_win_over_local_days_across_the_date_line() {
        // Tokyo 08:00 on the 5th (+09) is 23:00Z on the 4th; Honolulu 22:00 on the 4th (-10) is
        // 08:00Z on the 5th. By local day Honolulu is first; by what happened, Tokyo is.
        let s = vec![
            stop("Osaka", Some("2024-03-02"), None),
            stop(
                "Honolulu",
                Some("2024-03-04T22:00"),
                Some("Pacific/Honolulu"),
            ),
            stop("Beach", Some("2024-03-06"), None),
            stop("Tokyo", Some("2024-03-05T08:00"), Some("Asia/Tokyo")),
        ];
        assert_eq!(time_order(&s), vec![0, 3, 1, 2]);
    }

    #[test]
    fn zones_26_hours_apart_keep_instant_order() {
        // Kiritimati (+14) 01:00 on the 6th is 11:00Z on the 5th; Pago Pago (-11) 23:00 on the 5th
        // is 10:00Z on the 6th.
        let s = vec![
            stop(
                "Pago Pago",
                Some("2024-03-05T23:00"),
                Some("Pacific/Pago_Pago"),
            ),
            stop(
                "Kiritimati",
                Some("2024-03-06T01:00"),
                Some("Pacific/Kiritimati"),
            ),
        ];
        assert_eq!(time_order(&s), vec![1, 0]);
    }

    #[test]
    fn sort_into_slots_leaves_unkeyed_items_in_place() {
        let mut v = vec![5, -1, 3, -2, 1];
        sort_into_slots(&mut v, |&x: &i32| (x > 0).then_some(x));
        assert_eq!(v, vec![1, -1, 3, -2, 5]);
    }
}
