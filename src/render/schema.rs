//! The attribute schema of the stops and legs layers: one table of fields (name, type, unit,
//! when null) that every layer writer follows — GeoJSON, GeoPackage, FlatGeobuf — and the
//! README documents.
//!
//! Names are lower case, at most 10 characters (so a Shapefile export keeps them whole), and no
//! SQL keyword (`SELECT seq, from_name FROM legs` needs no quoting). A value is of one type in
//! every trip: a time of arrival is split into the calendar day (a date, never an invented
//! midnight), the wall-clock time at the stop, and the UTC instant, so no column holds dates in
//! one trip and date-times in another.

use crate::model::{Leg, Route, RouteStop, When};
use jiff::Timestamp;
use jiff::civil::{Date, Time};
use jiff::tz::TimeZone;

/// The type of a field's values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum FieldType {
    /// A whole number (64-bit).
    Integer,
    /// A floating-point number.
    Real,
    /// Text.
    Text,
    /// A calendar day, `2023-11-05`.
    Date,
    /// A wall-clock time of day, `14:00:00`, with no zone.
    Time,
    /// An exact instant in UTC, `2023-11-05T12:00:00Z`.
    DateTime,
}

impl FieldType {
    /// The type's name in the README's table.
    pub fn name(self) -> &'static str {
        match self {
            FieldType::Integer => "integer",
            FieldType::Real => "real",
            FieldType::Text => "text",
            FieldType::Date => "date",
            FieldType::Time => "time",
            FieldType::DateTime => "date-time (UTC)",
        }
    }
}

/// One field of a layer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Field {
    /// Column name: lower case, at most 10 characters, no SQL keyword.
    pub name: &'static str,
    /// Type of every non-null value.
    pub kind: FieldType,
    /// Unit of numbers (empty when none).
    pub unit: &'static str,
    /// When the value is null (empty: never).
    pub null_when: &'static str,
    /// What the value is.
    pub about: &'static str,
}

const fn field(
    name: &'static str,
    kind: FieldType,
    unit: &'static str,
    null_when: &'static str,
    about: &'static str,
) -> Field {
    Field {
        name,
        kind,
        unit,
        null_when,
        about,
    }
}

use FieldType::{Date as D, DateTime as Dt, Integer as I, Real as R, Text as T, Time as Tm};

/// The fields of `stops`, in column order (input extras and gazetteer facts follow).
pub const STOP_FIELDS: &[Field] = &[
    field("seq", I, "", "", "visiting order, from 1"),
    field("input_no", I, "", "", "position in the input, from 1"),
    field("name", T, "", "", "the stop's name"),
    field("kind", T, "", "not given", "kind of stop, as given"),
    field(
        "mode",
        T,
        "",
        "not given",
        "how the traveller arrived: flight, train, bus, car, ferry, walk, bike",
    ),
    field("note", T, "", "not given", "free text"),
    field(
        "place",
        T,
        "",
        "not given",
        "the place name looked up in the gazetteer",
    ),
    field(
        "arr_date",
        D,
        "",
        "no arrival",
        "calendar day of arrival, at the stop",
    ),
    field(
        "arr_time",
        Tm,
        "",
        "no arrival, or only a day",
        "wall-clock time of arrival, at the stop",
    ),
    field(
        "arr_utc",
        Dt,
        "",
        "no exact instant (a day only, or a local time without `tz`)",
        "arrival instant",
    ),
    field(
        "dep_date",
        D,
        "",
        "no departure",
        "calendar day of departure, at the stop",
    ),
    field(
        "dep_time",
        Tm,
        "",
        "no departure, or only a day",
        "wall-clock time of departure, at the stop",
    ),
    field("dep_utc", Dt, "", "no exact instant", "departure instant"),
    field("tz", T, "", "not given or found", "IANA time zone"),
];

/// The fields of `legs`, in column order.
pub const LEG_FIELDS: &[Field] = &[
    field("seq", I, "", "", "leg number, from 1"),
    field("from_seq", I, "", "", "`seq` of the stop it leaves"),
    field("to_seq", I, "", "", "`seq` of the stop it reaches"),
    field("from_name", T, "", "", "name of the stop it leaves"),
    field("to_name", T, "", "", "name of the stop it reaches"),
    field(
        "mode",
        T,
        "",
        "not given",
        "the `mode` of the stop it reaches",
    ),
    field(
        "dist_km",
        R,
        "km",
        "",
        "geodesic distance between the stops",
    ),
    field(
        "bearing",
        R,
        "degrees",
        "",
        "initial bearing, clockwise from north, 0 to 360",
    ),
    field(
        "duration_h",
        R,
        "hours",
        "either end has no exact instant",
        "departure to arrival",
    ),
    field(
        "path",
        T,
        "",
        "",
        "`geodesic`, or `recorded` when the line is a recorded track",
    ),
    field(
        "path_km",
        R,
        "km",
        "",
        "length of the line: the recorded track's, else the geodesic's",
    ),
];

/// Column names the gazetteer's facts are written under (at most 10 characters), by the key
/// `geocode::resolve` gives them; keys not listed keep their name.
pub const GAZETTEER_COLUMNS: &[(&str, &str)] = &[
    ("gazetteer_name", "gaz_name"),
    ("timezone", "gaz_tz"),
    ("place_level", "place_lvl"),
    ("timezone_from_geonameid", "tz_from_id"),
];

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

/// The row of stop `i` (0-based, visiting order), in [`STOP_FIELDS`] order.
pub fn stop_row(i: usize, s: &RouteStop) -> Vec<Cell> {
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
    ]
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
    match w {
        When::Date(d) => (Cell::Date(*d), Cell::Null, Cell::Null),
        When::Local(dt) => (Cell::Date(dt.date()), Cell::Time(dt.time()), utc),
        When::Instant(dt, _) => {
            let local = match (tz, w.instant(tz)) {
                (Some(tz), Some(ts)) => tz.to_datetime(ts),
                _ => *dt,
            };
            (Cell::Date(local.date()), Cell::Time(local.time()), utc)
        }
    }
}

/// The row of leg `i` (0-based) of `route`, in [`LEG_FIELDS`] order.
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
    ]
}

/// The extra columns of the stops layer beyond [`STOP_FIELDS`]: the gazetteer's facts, then the
/// input's own extra fields, each under the name it is written with, in first-seen order; every
/// stop has a value (null where it has none) for each.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct ExtraColumns {
    /// (column name, key in `Stop::resolved`).
    pub resolved: Vec<(String, String)>,
    /// (column name, key in `Stop::extra`).
    pub extra: Vec<(String, String)>,
}

impl ExtraColumns {
    /// The extra columns of `route`'s stops. A name that another column already has (compared
    /// without case, as SQL does), or one of the `reserved` names of the file format, gets `_2`,
    /// `_3`... added.
    pub fn of(route: &Route, reserved: &[&str]) -> Self {
        let mut columns = ExtraColumns::default();
        let taken = |c: &ExtraColumns, name: &str| {
            STOP_FIELDS
                .iter()
                .map(|f| f.name)
                .chain(reserved.iter().copied())
                .chain(c.resolved.iter().chain(&c.extra).map(|(n, _)| n.as_str()))
                .any(|n| n.eq_ignore_ascii_case(name))
        };
        let unique = |c: &ExtraColumns, base: String| {
            let mut name = base.clone();
            let mut n = 2;
            while taken(c, &name) {
                name = format!("{base}_{n}");
                n += 1;
            }
            name
        };
        for s in &route.stops {
            for (k, _) in &s.stop.resolved {
                if !columns.resolved.iter().any(|(_, key)| key == k) {
                    let name = unique(&columns, gazetteer_column(k));
                    columns.resolved.push((name, k.clone()));
                }
            }
        }
        for s in &route.stops {
            for (k, _) in &s.stop.extra {
                if !columns.extra.iter().any(|(_, key)| key == k) {
                    let name = unique(&columns, extra_column(k));
                    columns.extra.push((name, k.clone()));
                }
            }
        }
        columns
    }

    /// Every extra column name, gazetteer facts first.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.resolved
            .iter()
            .chain(&self.extra)
            .map(|(n, _)| n.as_str())
    }

    /// Each extra column's type, from the values of `route`'s stops.
    pub fn types(&self, route: &Route) -> Vec<ExtraType> {
        let rows: Vec<Vec<serde_json::Value>> =
            route.stops.iter().map(|s| self.values(s)).collect();
        (0..self.resolved.len() + self.extra.len())
            .map(|k| ExtraType::of(&rows.iter().map(|r| &r[k]).collect::<Vec<_>>()))
            .collect()
    }

    /// Stop `s`'s values for the extra columns, in [`ExtraColumns::names`] order.
    pub fn values(&self, s: &RouteStop) -> Vec<serde_json::Value> {
        let find = |list: &[(String, serde_json::Value)], key: &str| {
            list.iter()
                .find(|(k, _)| k == key)
                .map_or(serde_json::Value::Null, |(_, v)| v.clone())
        };
        self.resolved
            .iter()
            .map(|(_, k)| find(&s.stop.resolved, k))
            .chain(self.extra.iter().map(|(_, k)| find(&s.stop.extra, k)))
            .collect()
    }
}

/// The type of an extra column, from its values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ExtraType {
    /// Every value a whole number.
    Integer,
    /// Every value a number.
    Real,
    /// Every value true or false.
    Boolean,
    /// Anything else (strings; other JSON written as JSON text).
    Text,
}

impl ExtraType {
    /// The type of a column whose values are `values` (nulls do not count; none at all is text).
    pub fn of(values: &[&serde_json::Value]) -> Self {
        let present: Vec<&&serde_json::Value> = values.iter().filter(|v| !v.is_null()).collect();
        if present.is_empty() {
            ExtraType::Text
        } else if present.iter().all(|v| v.is_i64()) {
            ExtraType::Integer
        } else if present.iter().all(|v| v.is_number()) {
            ExtraType::Real
        } else if present.iter().all(|v| v.is_boolean()) {
            ExtraType::Boolean
        } else {
            ExtraType::Text
        }
    }
}

/// The column a gazetteer fact called `key` is written in.
pub fn gazetteer_column(key: &str) -> String {
    GAZETTEER_COLUMNS
        .iter()
        .find(|(k, _)| *k == key)
        .map_or(key, |(_, c)| c)
        .to_string()
}

/// The column an input extra called `key` goes in: `input_<key>` when tripmap writes a field of
/// that name itself (in any case), so the input's value is never lost.
pub fn extra_column(key: &str) -> String {
    let own = STOP_FIELDS.iter().any(|f| f.name.eq_ignore_ascii_case(key));
    if own {
        format!("input_{key}")
    } else {
        key.to_string()
    }
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

/// Words that are reserved in SQL (SQL:2016, SQLite, GDAL's OGR SQL) and so are never column
/// names here.
pub const SQL_KEYWORDS: &[&str] = &[
    "all",
    "and",
    "as",
    "asc",
    "between",
    "by",
    "case",
    "cast",
    "check",
    "create",
    "cross",
    "date",
    "default",
    "delete",
    "desc",
    "distinct",
    "drop",
    "else",
    "end",
    "escape",
    "except",
    "exists",
    "from",
    "full",
    "group",
    "having",
    "ilike",
    "in",
    "index",
    "inner",
    "insert",
    "intersect",
    "into",
    "is",
    "join",
    "key",
    "left",
    "like",
    "limit",
    "natural",
    "not",
    "null",
    "offset",
    "on",
    "or",
    "order",
    "outer",
    "primary",
    "references",
    "right",
    "select",
    "set",
    "table",
    "then",
    "time",
    "to",
    "union",
    "unique",
    "update",
    "using",
    "values",
    "when",
    "where",
    "with",
];

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn names_are_short_lower_case_and_not_sql_keywords() {
        for f in STOP_FIELDS.iter().chain(LEG_FIELDS) {
            assert!(f.name.len() <= 10, "{} is longer than 10", f.name);
            assert!(
                f.name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
                "{}",
                f.name
            );
            assert!(
                !SQL_KEYWORDS.contains(&f.name),
                "{} is an SQL keyword",
                f.name
            );
        }
        for (_, c) in GAZETTEER_COLUMNS {
            assert!(c.len() <= 10 && !SQL_KEYWORDS.contains(c), "{c}");
        }
        assert_eq!(extra_column("seq"), "input_seq");
        assert_eq!(extra_column("train"), "train");
    }

    #[test]
    fn a_day_stays_a_day_and_instants_show_the_stop_clock() {
        let tokyo = TimeZone::get("Asia/Tokyo").unwrap();
        let day = When::parse("2023-11-05").unwrap();
        assert_eq!(
            time_cells(Some(&day), Some(&tokyo)),
            (Cell::Date(day.local_date()), Cell::Null, Cell::Null)
        );
        let instant = When::parse("2023-11-05T23:30:00-05:00").unwrap();
        let (d, t, u) = time_cells(Some(&instant), Some(&tokyo));
        assert_eq!(d.iso_text().unwrap(), "2023-11-06");
        assert_eq!(t.iso_text().unwrap(), "13:30:00");
        assert_eq!(u.iso_text().unwrap(), "2023-11-06T04:30:00Z");
        let (d, t, _) = time_cells(Some(&instant), None);
        assert_eq!(
            (d.iso_text().unwrap(), t.iso_text().unwrap()),
            ("2023-11-05".into(), "23:30:00".into())
        );
        let local = When::parse("2023-11-05T14:00").unwrap();
        let (_, t, u) = time_cells(Some(&local), None);
        assert_eq!((t.iso_text().unwrap(), u), ("14:00:00".into(), Cell::Null));
    }
}
