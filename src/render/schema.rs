//! The attribute schema of the stops and legs layers: one table of fields (name, type, unit,
//! when null) that every layer writer follows — GeoJSON, GeoPackage, FlatGeobuf — and the
//! README documents.
//!
//! Names are lower case, at most 10 characters (so a Shapefile export keeps them whole), and no
//! SQL keyword (`SELECT seq, from_name FROM legs` needs no quoting). A value is of one type in
//! every trip: a time of arrival is split into the calendar day (a date, never an invented
//! midnight), the wall-clock time at the stop, and the UTC instant, so no column holds dates in
//! one trip and date-times in another.

mod cells;
mod extra_columns;
mod sql_keywords;
#[cfg(test)]
mod test;

pub use cells::{Cell, leg_row, round_to, round6, stop_row, time_cells};
pub use extra_columns::{ExtraColumns, ExtraType, extra_column, gazetteer_column};
pub use sql_keywords::SQL_KEYWORDS;

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
    field("order", I, "", "", "visiting order, from 1"),
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
    field(
        "day",
        D,
        "",
        "no arrival or departure",
        "the day the stop is dated by, at the stop: its arrival's, else its departure's",
    ),
    field(
        "trip",
        T,
        "",
        "a single trip without a title",
        "the trip's title; with `--together`, each trip's title or file name",
    ),
];

/// The fields of `legs`, in column order.
pub const LEG_FIELDS: &[Field] = &[
    field("order", I, "", "", "leg number, from 1"),
    field("from_order", I, "", "", "`order` of the stop it leaves"),
    field("to_order", I, "", "", "`order` of the stop it reaches"),
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
    field(
        "day",
        D,
        "",
        "neither end dated, or the closing leg of a round trip",
        "the day it is travelled: the day it leaves (at the stop it leaves), else the day it arrives",
    ),
    field(
        "trip",
        T,
        "",
        "a single trip without a title",
        "the trip of the stop it leaves",
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
