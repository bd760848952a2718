//! One row of the stops or legs layer as typed cells, in the order of the field tables, and the
//! rounding every layer writer applies to numbers.

use crate::model::{Leg, Route, When};
use jiff::Timestamp;
use jiff::civil::{Date, Time};
use jiff::tz::TimeZone;

/// One value of a field.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Cell {
    /// No value.
    Null,
    /// A whole number.
    Integer(i64),
    /// A number, already rounded to the field's precision.
    Real(f64),
    /// Text.
    Text(String),
    /// A calendar day.
    Date(Date),
    /// A wall-clock time.
    Time(Time),
    /// A UTC instant.
    DateTime(Timestamp),
}

impl Cell {
    /// The value as ISO 8601 text for the time types, as it is for text; `None` for the rest.
    pub fn iso_text(&self) -> Option<String> {
        match self {
            Cell::Text(t) => Some(t.clone()),
            Cell::Date(d) => Some(d.to_string()),
            Cell::Time(t) => Some(t.strftime("%H:%M:%S").to_string()),
            Cell::DateTime(t) => Some(t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()),
            _ => None,
        }
    }

    /// The value as JSON: numbers as numbers, the rest as [`Cell::iso_text`].
    pub fn to_json(&self) -> serde_json::Value {
        match self {
            Cell::Null => serde_json::Value::Null,
            Cell::Integer(i) => (*i).into(),
            Cell::Real(r) => (*r).into(),
            other => other.iso_text().into(),
        }
    }
}

/// The row of stop `i` (0-based, visiting order) of `route`, in
/// [`STOP_FIELDS`](super::STOP_FIELDS) order.
pub fn stop_row(i: usize, route: &Route) -> Vec<Cell> {
    let s = &route.stops[i];
    let st = &s.stop;
    let tz = st.time_zone();
    let text = |v: &Option<String>| v.clone().map_or(Cell::Null, Cell::Text);
    let (arr_date, arr_time, arr_utc) = time_cells(st.arrive.as_ref(), tz);
    let (dep_date, dep_time, dep_utc) = time_cells(st.depart.as_ref(), tz);
    vec![
        Cell::Integer(i as i64 + 1),
        Cell::Integer(s.input_index as i64 + 1),
        Cell::Text(st.name.clone()),
        text(&st.kind),
        st.mode.map_or(Cell::Null, |m| Cell::Text(m.name().into())),
        text(&st.note),
        text(&st.place),
        arr_date,
        arr_time,
        arr_utc,
        dep_date,
        dep_time,
        dep_utc,
        st.tz
            .as_ref()
            .map_or(Cell::Null, |z| Cell::Text(z.name.clone())),
        s.day().map_or(Cell::Null, Cell::Date),
        trip_cell(route, s.trip),
    ]
}

/// The name of trip `trip` of `route` as a cell (null for a single trip without a title).
fn trip_cell(route: &Route, trip: usize) -> Cell {
    route
        .trip_name(trip)
        .map_or(Cell::Null, |t| Cell::Text(t.to_string()))
}

/// The day, the wall-clock time and the UTC instant of `when` at a stop in zone `tz`. The day
/// and time are the stop's own clock: an instant is shown in the stop's zone when it is known,
/// else in the offset it was written with.
pub fn time_cells(when: Option<&When>, tz: Option<&TimeZone>) -> (Cell, Cell, Cell) {
    let Some(w) = when else {
        return (Cell::Null, Cell::Null, Cell::Null);
    };
    // Exact or nothing: the last hours of year 9999 east of UTC lie past what a UTC instant
    // holds, and `When::instant` would give its largest value instead.
    let utc = match w {
        When::Instant(dt, off) => off.to_timestamp(*dt).ok(),
        _ => w.instant(tz),
    }
    .map_or(Cell::Null, Cell::DateTime);
    let (day, time) = w.on_clock_of(tz);
    match time {
        None => (Cell::Date(day), Cell::Null, Cell::Null),
        Some(t) => (Cell::Date(day), Cell::Time(t), utc),
    }
}

/// The row of leg `i` (0-based) of `route`, in [`LEG_FIELDS`](super::LEG_FIELDS) order.
pub fn leg_row(i: usize, leg: &Leg, route: &Route) -> Vec<Cell> {
    let from = &route.stops[leg.from];
    let to = &route.stops[leg.to];
    vec![
        Cell::Integer(i as i64 + 1),
        Cell::Integer(leg.from as i64 + 1),
        Cell::Integer(leg.to as i64 + 1),
        Cell::Text(from.stop.name.clone()),
        Cell::Text(to.stop.name.clone()),
        leg.mode.map_or(Cell::Null, |m| Cell::Text(m.name().into())),
        Cell::Real(round_to(leg.distance_m / 1000.0, 3)),
        Cell::Real(round_to(leg.bearing_deg, 2)),
        leg.duration.map_or(Cell::Null, |d| {
            Cell::Real(round_to(d.as_secs_f64() / 3600.0, 2))
        }),
        Cell::Text(
            if leg.is_recorded() {
                "recorded"
            } else {
                "geodesic"
            }
            .into(),
        ),
        Cell::Real(round_to(leg.path_m() / 1000.0, 3)),
        route.travel_day(i).map_or(Cell::Null, Cell::Date),
        trip_cell(route, from.trip),
    ]
}

/// A coordinate in degrees rounded to 6 decimals (about 0.1 m), as every layer writes it.
pub fn round6(v: f64) -> f64 {
    round_to(v, 6)
}

/// `v` rounded to `decimals` places; -0 becomes 0.
pub fn round_to(v: f64, decimals: i32) -> f64 {
    let f = 10f64.powi(decimals);
    let r = (v * f).round() / f;
    if r == 0.0 { 0.0 } else { r }
}
