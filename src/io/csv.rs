//! Reads a CSV itinerary with a header row: `name,lat,lon,arrive,depart,tz,note` (also `place`,
//! `kind`, `mode`) in any order, any case. Other columns are kept and passed through as properties.

use crate::error::{Error, StopRef};
use crate::limits::Limits;
use crate::model::Itinerary;
use crate::model::StopBuilder;

/// The columns tripmap reads, with the header spellings it accepts for each.
const COLUMNS: &[(&str, &[&str])] = &[
    ("name", &["name"]),
    ("lat", &["lat", "latitude"]),
    ("lon", &["lon", "lng", "long", "longitude"]),
    ("place", &["place"]),
    ("arrive", &["arrive", "arrival"]),
    ("depart", &["depart", "departure"]),
    ("tz", &["tz", "timezone", "time_zone"]),
    ("note", &["note", "notes"]),
    ("kind", &["kind"]),
    ("mode", &["mode", "travel_mode", "transport"]),
];

/// Parses CSV text into an itinerary. Errors name the line, and the stop and column. Rows are
/// read one at a time, and a row past `limits.max_stops` is an error at once.
pub fn read(text: &str, limits: &Limits) -> Result<Itinerary, Error> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers = reader.headers().map_err(csv_error)?.clone();
    let slots = column_fields(&headers)?;
    let mut stops = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(csv_error)?;
        let line = record.position().map_or(i + 2, |p| p.line() as usize);
        let number = i + 1;
        limits.check_stop_number(number)?;
        let raw = read_row(&record, &headers, &slots, number, line)?;
        stops.push(raw.validate(number).map_err(|e| e.at_line(line))?);
    }
    if stops.is_empty() {
        return Err(Error::Shape("the CSV has a header but no stops".into()));
    }
    Ok(Itinerary {
        stops,
        ..Default::default()
    })
}

/// Which field each column of the header row feeds (`None`: an extra, kept as a property).
/// Errors name the header's problem: empty, a field twice, no `name`, `lat` without `lon`.
fn column_fields(headers: &csv::StringRecord) -> Result<Vec<Option<&'static str>>, Error> {
    let header_error = |column: usize, message: String| Error::Syntax {
        line: 1,
        column,
        message,
    };
    if headers.iter().all(str::is_empty) {
        return Err(header_error(
            1,
            "the file is empty: expected a header row such as `name,lat,lon,arrive,depart,tz,note`"
                .into(),
        ));
    }
    let mut slots: Vec<Option<&'static str>> = Vec::with_capacity(headers.len());
    for (i, h) in headers.iter().enumerate() {
        let lower = h.to_lowercase();
        let field = COLUMNS
            .iter()
            .find(|(_, names)| names.contains(&lower.as_str()))
            .map(|(f, _)| *f);
        if let Some(f) = field
            && slots.contains(&Some(f))
        {
            return Err(header_error(
                i + 1,
                format!("column `{h}` repeats the `{f}` column"),
            ));
        }
        slots.push(field);
    }
    let has = |f: &str| slots.contains(&Some(f));
    if !has("name") {
        return Err(header_error(
            1,
            format!(
                "the header has no `name` column (found: {})",
                headers.iter().collect::<Vec<_>>().join(", ")
            ),
        ));
    }
    if has("lat") != has("lon") {
        let (present, missing) = if has("lat") {
            ("lat", "lon")
        } else {
            ("lon", "lat")
        };
        return Err(header_error(
            1,
            format!("the header has a `{present}` column but no `{missing}` column"),
        ));
    }
    Ok(slots)
}

/// The fields of stop `number`, the row `record` on line `line`, as read into the columns'
/// `slots`; a coordinate that is not a number is an error naming the line, stop and column.
fn read_row(
    record: &csv::StringRecord,
    headers: &csv::StringRecord,
    slots: &[Option<&str>],
    number: usize,
    line: usize,
) -> Result<StopBuilder, Error> {
    let mut raw = StopBuilder::default();
    let name_column = slots.iter().position(|s| *s == Some("name"));
    let name = name_column.and_then(|c| record.get(c)).map(str::to_string);
    let at = StopRef {
        number,
        name: name.filter(|n| !n.is_empty()),
    };
    for (col, value) in record.iter().enumerate() {
        let value = value.to_string();
        match slots.get(col).copied().flatten() {
            Some("name") => raw.name = Some(value),
            Some(f @ ("lat" | "lon")) => {
                let parsed = parse_degrees(&value)
                    .map_err(|m| Error::field(at.clone(), f, m).at_line(line))?;
                if f == "lat" {
                    raw.lat = parsed;
                } else {
                    raw.lon = parsed;
                }
            }
            Some("place") => raw.place = Some(value),
            Some("arrive") => raw.arrive = Some(value),
            Some("depart") => raw.depart = Some(value),
            Some("tz") => raw.tz = Some(value),
            Some("note") => raw.note = Some(value),
            Some("kind") => raw.kind = Some(value),
            Some("mode") => raw.mode = Some(value),
            _ => {
                if !value.is_empty() {
                    let key = headers.get(col).unwrap_or("").to_string();
                    raw.extra.push((key, serde_json::Value::String(value)));
                }
            }
        }
    }
    Ok(raw)
}

/// An empty cell is absent; anything else must be a finite number.
fn parse_degrees(s: &str) -> Result<Option<f64>, String> {
    if s.is_empty() {
        return Ok(None);
    }
    match s.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(Some(v)),
        _ => Err(format!("`{s}` is not a finite number of degrees")),
    }
}

/// A CSV reader's error as a syntax error at its line.
fn csv_error(e: csv::Error) -> Error {
    let line = e.position().map_or(1, |p| p.line() as usize);
    let message = match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => {
            format!("this row has {len} fields but the header has {expected_len}")
        }
        csv::ErrorKind::Utf8 { .. } => "the text is not valid UTF-8".to_string(),
        _ => e.to_string(),
    };
    Error::Syntax {
        line,
        column: 1,
        message,
    }
}

#[cfg(test)]
mod test {
    use super::*;

    fn read(text: &str) -> Result<Itinerary, Error> {
        super::read(text, &Limits::default())
    }

    #[test]
    fn reads_columns_in_any_order_and_keeps_extras() {
        let t = read("Lon,name,lat,Flight\n35.91,Amman,31.95,RJ 1\n").unwrap();
        assert_eq!(t.stops[0].name, "Amman");
        assert_eq!(t.stops[0].position.unwrap().lon(), 35.91);
        assert_eq!(
            t.stops[0].extra,
            vec![("Flight".to_string(), "RJ 1".into())]
        );
    }

    #[test]
    fn nan_coordinate_names_line_and_field() {
        let e = read("name,lat,lon\nA,1,2\nB,NaN,3\n")
            .unwrap_err()
            .to_string();
        assert_eq!(
            e,
            "line 3, stop 2 \"B\", field `lat`: `NaN` is not a finite number of degrees"
        );
    }

    #[test]
    fn ragged_row_names_line() {
        let e = read("name,lat,lon\nA,1,2\nB,1\n").unwrap_err();
        assert!(matches!(e, Error::Syntax { line: 3, .. }), "{e:?}");
    }

    #[test]
    fn missing_lon_column() {
        let e = read("name,lat\nA,1\n").unwrap_err().to_string();
        assert!(e.contains("no `lon` column"), "{e}");
    }
}
