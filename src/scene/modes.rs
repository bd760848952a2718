//! Travel modes on the map: each leg's line style by how it was travelled (its classes, the
//! legend's wording), and which legs are drawn straight. A flight is the geodesic arc it flew; a
//! surface leg (train, bus, car, ferry, walk, bike) that was not recorded is drawn straight in
//! the projection, as a reader expects of a road or a crossing, unless the projection would
//! tear it apart.

use crate::model::{Leg, Mode, Route};

/// The classes of a leg's line and arrowhead for `mode`: `leg-ferry` and `arrow-ferry`, or
/// `leg` and `arrow` when the mode is not given.
pub(crate) fn classes(mode: Option<Mode>) -> (&'static str, &'static str) {
    match mode {
        None => ("leg", "arrow"),
        Some(Mode::Flight) => ("leg-flight", "arrow-flight"),
        Some(Mode::Train) => ("leg-train", "arrow-train"),
        Some(Mode::Bus) => ("leg-bus", "arrow-bus"),
        Some(Mode::Car) => ("leg-car", "arrow-car"),
        Some(Mode::Ferry) => ("leg-ferry", "arrow-ferry"),
        Some(Mode::Walk) => ("leg-walk", "arrow-walk"),
        Some(Mode::Bike) => ("leg-bike", "arrow-bike"),
    }
}

/// Whether `leg` is drawn as a straight line between its stops in the projection: a surface
/// mode, not recorded.
pub(crate) fn straight(leg: &Leg) -> bool {
    leg.mode.is_some_and(|m| !m.is_flight()) && !leg.is_recorded()
}

/// The legend's leg entries: one per travel mode the trip uses, in [`Mode::ALL`] order, and one
/// for legs without a mode (`Leg, great-circle route`, `Leg, as recorded`, or both); empty for a
/// trip without legs.
pub(crate) fn legend(route: &Route) -> Vec<(Option<Mode>, &'static str)> {
    let mut out: Vec<(Option<Mode>, &'static str)> = Mode::ALL
        .iter()
        .filter(|&&m| route.legs.iter().any(|l| l.mode == Some(m)))
        .map(|&m| (Some(m), wording(m)))
        .collect();
    let plain: Vec<&Leg> = route.legs.iter().filter(|l| l.mode.is_none()).collect();
    if !plain.is_empty() {
        let recorded = plain.iter().filter(|l| l.is_recorded()).count();
        let text = if recorded == 0 {
            if out.is_empty() {
                "Leg, great-circle route"
            } else {
                "Other leg, great-circle route"
            }
        } else if recorded == plain.len() {
            "Leg, as recorded"
        } else {
            "Leg, great-circle or as recorded"
        };
        out.push((None, text));
    }
    out
}

/// The legend's words for a mode.
pub(crate) fn wording(mode: Mode) -> &'static str {
    match mode {
        Mode::Flight => "Flight",
        Mode::Train => "Train",
        Mode::Bus => "Bus",
        Mode::Car => "Car",
        Mode::Ferry => "Ferry",
        Mode::Walk => "On foot",
        Mode::Bike => "Bike",
    }
}

#[cfg(test)]
mod test {
    use super::*;

    /// A trip along 50° N with a leg for each of `modes` (`None`: no mode given).
    fn route(modes: &[Option<Mode>]) -> Route {
        let stops: Vec<String> = (0..=modes.len())
            .map(|i| {
                let mode = match i.checked_sub(1).and_then(|k| modes[k]) {
                    Some(m) => format!(r#", "mode": "{}""#, m.name()),
                    None => String::new(),
                };
                format!(r#"{{"name": "S{i}", "lat": 50, "lon": {}{mode}}}"#, 10 + i)
            })
            .collect();
        let json = format!(r#"{{"stops": [{}]}}"#, stops.join(","));
        let it = crate::io::read(json.as_bytes(), crate::io::Format::Json).unwrap();
        crate::routing::plan(&it, crate::routing::Order::AsGiven).unwrap()
    }

    #[test]
    fn the_legend_names_the_modes_used_and_no_great_circle_for_a_ferry() {
        let r = route(&[Some(Mode::Ferry), Some(Mode::Flight), Some(Mode::Ferry)]);
        assert_eq!(
            legend(&r),
            [(Some(Mode::Flight), "Flight"), (Some(Mode::Ferry), "Ferry")]
        );
        let r = route(&[Some(Mode::Train), None]);
        assert_eq!(
            legend(&r),
            [
                (Some(Mode::Train), "Train"),
                (None, "Other leg, great-circle route")
            ]
        );
        assert_eq!(legend(&route(&[None])), [(None, "Leg, great-circle route")]);
        assert!(legend(&route(&[])).is_empty());
    }

    #[test]
    fn surface_legs_are_straight_and_flights_are_not() {
        let r = route(&[Some(Mode::Flight), Some(Mode::Bus), None]);
        let s: Vec<bool> = r.legs.iter().map(straight).collect();
        assert_eq!(s, [false, true, false]);
        assert_eq!(classes(Some(Mode::Walk)), ("leg-walk", "arrow-walk"));
        assert_eq!(classes(None), ("leg", "arrow"));
    }
}
