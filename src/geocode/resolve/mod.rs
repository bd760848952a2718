//! [`resolve`]: an itinerary in, the same itinerary out with every stop that had only a place
//! name (a `place`, or just a `name`) placed from the gazetteer.

mod positions;

use super::credit::GEONAMEID;
use super::{Gazetteer, GeocodeError, Hints, Level, Match};
use crate::error::{Error, StopRef};
use crate::model::{Itinerary, Stop, Zone};
pub use positions::{PLACE_POSITION_TOLERANCE_M, ZONE_FROM_NEAREST_M};
use positions::{places_far_from_positions, zones_from_positions};
use serde_json::{Value, json};

/// An itinerary after geocoding.
#[derive(Debug, Clone)]
pub struct Resolved {
    /// The itinerary; every stop has a position.
    pub itinerary: Itinerary,
    /// Doubts to show the user ("stop 2 \"Springfield\": `Springfield` is ambiguous: ..."):
    /// first about stops with coordinates, then about placed stops, each in stop order.
    pub warnings: Vec<String>,
    /// The match behind each geocoded stop: (0-based stop index, match), in stop order.
    pub matches: Vec<(usize, Match)>,
}

/// Extra fields (CSV columns, JSON `properties`) whose value narrows the lookup like a qualifier.
const QUALIFIER_FIELDS: &[&str] = &["country", "state", "region", "province"];

/// Places every stop that has no coordinates, looking up its `place` (or, failing that, its
/// `name`) with the other stops as [`Hints`]: the regions and countries of the stops placed
/// without doubt, and the positions of the stops just before and after it in the input.
///
/// A stop with `lat`/`lon` keeps them; if it also names a `place` more than
/// [`PLACE_POSITION_TOLERANCE_M`] away, a warning says so.
///
/// Each placed stop gets its position, its time zone when it had none (so local times become
/// instants), and in `Stop::resolved`: `geonameid`, `gazetteer_name`, `country` (ISO 3166-1
/// alpha-2), `admin1`, `population`, `timezone`, `place_level` (`city` or `country`); for an
/// airport, park, landmark or mountain also `place_kind`, `place_id` (its source's id), `iata`
/// and `icao` (`geonameid` is then null).
///
/// A stop with coordinates and local times but no `tz` takes the zone of the nearest gazetteer
/// place (see [`ZONE_FROM_NEAREST_M`]), recorded as `timezone_from_geonameid`.
///
/// Errors name the stop and the field (`place`, or `name` when there is no `place`).
pub fn resolve(itinerary: Itinerary) -> Result<Resolved, Error> {
    let todo: Vec<usize> = (0..itinerary.stops.len())
        .filter(|&i| itinerary.stops[i].position.is_none())
        .collect();
    let mut itinerary = itinerary;
    let mut warnings = places_far_from_positions(&itinerary);
    warnings.extend(zones_from_positions(&mut itinerary));
    if todo.is_empty() {
        return Ok(Resolved {
            itinerary,
            warnings,
            matches: Vec::new(),
        });
    }
    let gazetteer = Gazetteer::get();
    let first = each_alone(gazetteer, &itinerary, &todo)?;
    let matches = with_neighbours(gazetteer, &itinerary, &first)?;
    for (i, m) in &matches {
        let stop = &mut itinerary.stops[*i];
        let at = StopRef {
            number: i + 1,
            name: Some(stop.name.clone()),
        };
        warnings.extend(m.warnings.iter().map(|w| format!("{at}: {w}")));
        if m.level == Level::Country {
            warnings.push(format!(
                "{at}: `{}` is a country; placed it at its capital, {}",
                m.query.trim(),
                m.place.name
            ));
        }
        apply(stop, m);
    }
    Ok(Resolved {
        itinerary,
        warnings,
        matches,
    })
}

/// First pass: each stop of `todo` looked up on its own. The error names the first stop not
/// found, and lists the others not found either.
fn each_alone(
    gazetteer: &Gazetteer,
    itinerary: &Itinerary,
    todo: &[usize],
) -> Result<Vec<(usize, Match)>, Error> {
    let mut first: Vec<(usize, Match)> = Vec::with_capacity(todo.len());
    let mut failure: Option<(usize, GeocodeError)> = None;
    let mut also_failed: Vec<String> = Vec::new();
    for &i in todo {
        let stop = &itinerary.stops[i];
        let q = query(stop);
        if failure.is_none() {
            match gazetteer.lookup(&q, &Hints::none()) {
                Ok(m) => first.push((i, m)),
                Err(e) => failure = Some((i, e)),
            }
        } else if gazetteer.find(&q, &Hints::none()).is_none() {
            // After the first failure, only name the others (suggestions cost milliseconds).
            let at = StopRef {
                number: i + 1,
                name: Some(stop.name.clone()),
            };
            also_failed.push(at.to_string());
        }
    }
    if let Some((i, e)) = failure {
        let mut error = stop_error(i, &itinerary.stops[i], &e);
        if !also_failed.is_empty()
            && let Error::Field { message, .. } = &mut error
        {
            message.push_str(&format!(" (not found either: {})", also_failed.join(", ")));
        }
        return Err(error);
    }
    Ok(first)
}

/// Second pass: each stop again, with the other stops of the `first` pass as hints (only
/// confident matches count) and the stops just before and after it for nearness.
fn with_neighbours(
    gazetteer: &Gazetteer,
    itinerary: &Itinerary,
    first: &[(usize, Match)],
) -> Result<Vec<(usize, Match)>, Error> {
    let mut matches = Vec::with_capacity(first.len());
    for (n, (i, m)) in first.iter().enumerate() {
        let mut hints = Hints::none();
        for (k, (_, other)) in first.iter().enumerate() {
            if k != n && other.warnings.is_empty() && other.level == Level::City {
                hints.add_match_region(other);
            }
        }
        // Nearness: the stops just before and after in the input.
        for j in [i.checked_sub(1), Some(i + 1)].into_iter().flatten() {
            let placed = first
                .iter()
                .find(|(k, o)| *k == j && o.warnings.is_empty() && o.level == Level::City)
                .map(|(_, o)| o.lonlat());
            if let Some(p) = itinerary.stops.get(j).and_then(|s| s.position).or(placed) {
                hints.add_point(p);
            }
        }
        let m = if hints.is_empty() {
            m.clone()
        } else {
            let stop = &itinerary.stops[*i];
            gazetteer
                .lookup(&query(stop), &hints)
                .map_err(|e| stop_error(*i, stop, &e))?
        };
        matches.push((*i, m));
    }
    Ok(matches)
}

/// What to look up for a stop: its `place`, else its `name`, with a `country`/`state` extra
/// field as a qualifier when the text has none.
pub(super) fn query(stop: &Stop) -> String {
    let base = stop.place.as_deref().unwrap_or(&stop.name);
    if base.contains(',') {
        return base.to_string();
    }
    let mut q = base.to_string();
    for (k, v) in &stop.extra {
        if let Value::String(s) = v
            && QUALIFIER_FIELDS.contains(&k.to_lowercase().as_str())
            && !s.trim().is_empty()
        {
            q.push_str(", ");
            q.push_str(s.trim());
        }
    }
    q
}

fn stop_error(i: usize, stop: &Stop, e: &GeocodeError) -> Error {
    let field = if stop.place.is_some() {
        "place"
    } else {
        "name"
    };
    let hint = match e {
        GeocodeError::NotFound { .. } => {
            "; the gazetteer has places of 1,000+ people: give `lat` and `lon` for others"
        }
        _ => "",
    };
    Error::field(
        StopRef {
            number: i + 1,
            name: Some(stop.name.clone()),
        },
        field,
        format!("{e}{hint}"),
    )
}

/// Writes a match into a stop: position, time zone if missing, and the `resolved` facts.
fn apply(stop: &mut Stop, m: &Match) {
    stop.position = Some(m.lonlat());
    if stop.tz.is_none()
        && let Some(name) = &m.place.timezone
        && let Ok(tz) = crate::model::time_zone(name)
    {
        stop.tz = Some(Zone {
            name: name.clone(),
            tz,
        });
    }
    let level = match m.level {
        Level::City => "city",
        Level::Country => "country",
    };
    // A place not from GeoNames has no GeoNames id; its kind, source id and codes say what it is.
    let geonameid = if m.place.source_id.is_some() {
        Value::Null
    } else {
        json!(m.place.geonameid)
    };
    stop.resolved = vec![
        (GEONAMEID.to_string(), geonameid),
        ("gazetteer_name".to_string(), json!(m.place.name)),
        ("country".to_string(), json!(m.place.country)),
        (
            "admin1".to_string(),
            m.place.admin1.as_ref().map_or(Value::Null, |a| json!(a)),
        ),
        ("population".to_string(), json!(m.place.population)),
        (
            "timezone".to_string(),
            m.place.timezone.as_ref().map_or(Value::Null, |t| json!(t)),
        ),
        ("place_level".to_string(), json!(level)),
    ];
    if let Some(id) = &m.place.source_id {
        let text = |v: &Option<String>| v.as_ref().map_or(Value::Null, |c| json!(c));
        stop.resolved.extend([
            ("place_kind".to_string(), json!(m.place.kind.as_str())),
            ("place_id".to_string(), json!(id)),
            ("iata".to_string(), text(&m.place.iata)),
            ("icao".to_string(), text(&m.place.icao)),
        ]);
    }
}

#[cfg(test)]
mod test;
