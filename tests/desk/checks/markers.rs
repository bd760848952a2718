//! Check 1: every stop has its own marker unless it is the same place as another (within
//! [`SAME_PLACE_M`]), and the map's `<desc>`, which screen readers read, names every stop as
//! itself, in visiting order.

use super::{Case, stop_ref, view_name};
use geo::{Distance, Haversine};

/// Two stops this close (metres) are one place and may share a marker.
pub const SAME_PLACE_M: f64 = 50.0;

/// Distance between stops `a` and `b`, metres.
pub fn stops_m(case: &Case, a: usize, b: usize) -> f64 {
    let p = |i: usize| {
        let s = &case.route.stops[i].position;
        geo::Point::new(s.lon(), s.lat())
    };
    Haversine.distance(p(a), p(b))
}

/// Markers that merge distinct places, numbers that are no stop, stops without a marker.
pub fn own_markers(case: &Case) -> Vec<String> {
    let n = case.route.stops.len();
    let mut out = Vec::new();
    let mut has = vec![false; n];
    for (v, view) in case.reading.views.iter().enumerate() {
        for m in &view.markers {
            for &k in &m.numbers {
                match k.checked_sub(1).filter(|&i| i < n) {
                    Some(i) => has[i] = true,
                    None => out.push(format!(
                        "a marker on {} is numbered {k}; the trip has {n} stops",
                        view_name(v)
                    )),
                }
            }
            for (x, &a) in m.numbers.iter().enumerate() {
                for &b in &m.numbers[x + 1..] {
                    let (a, b) = (a.wrapping_sub(1), b.wrapping_sub(1));
                    if a < n && b < n {
                        let d = stops_m(case, a, b);
                        if d > SAME_PLACE_M {
                            out.push(format!(
                                "{} and {} are {:.0} m apart but share one marker on {}",
                                stop_ref(case, a),
                                stop_ref(case, b),
                                d,
                                view_name(v)
                            ));
                        }
                    }
                }
            }
        }
    }
    for (i, h) in has.iter().enumerate() {
        if !h {
            out.push(format!("{} has no marker", stop_ref(case, i)));
        }
    }
    out
}

/// Stops `<desc>` does not name as themselves: each stop's name must follow the previous one's.
pub fn desc_names(case: &Case) -> Vec<String> {
    let desc = &case.reading.desc;
    let mut from = 0;
    let mut out = Vec::new();
    for (i, name) in case.names.iter().enumerate() {
        let name: String = name.chars().take(120).collect();
        match desc[from..].find(&name) {
            Some(k) => from += k + name.len(),
            None => {
                out.push(format!(
                    "<desc> does not name {} as itself after the stops before it",
                    stop_ref(case, i)
                ));
                if out.len() >= 3 {
                    break;
                }
            }
        }
    }
    out
}
