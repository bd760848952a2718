//! Stops that already have coordinates: a warning when the place they name is far away, and a
//! time zone from the nearest gazetteer place when they have local times but no zone.

use super::query;
use crate::error::StopRef;
use crate::geocode::credit::TIMEZONE_FROM;
use crate::geocode::hints::haversine_m;
use crate::geocode::{Gazetteer, Hints, Level};
use crate::model::{Itinerary, When, Zone};
use serde_json::json;

/// How far a stop's coordinates may lie from the place it names before a warning, in metres.
pub const PLACE_POSITION_TOLERANCE_M: f64 = 50_000.0;

/// Warnings for stops that give both coordinates and a `place`, when the place is more than
/// [`PLACE_POSITION_TOLERANCE_M`] away: swapped or mistyped coordinates, or the wrong place. The
/// coordinates are kept.
pub(super) fn places_far_from_positions(itinerary: &Itinerary) -> Vec<String> {
    let mut warnings = Vec::new();
    for (i, stop) in itinerary.stops.iter().enumerate() {
        let (Some(p), Some(_)) = (stop.position, &stop.place) else {
            continue;
        };
        // The place of that name nearest the coordinates ("Paris" at 33.66, -95.55 is Paris, Texas).
        let mut near = Hints::none();
        near.add_point(p);
        let Some(m) = Gazetteer::get().find(&query(stop), &near) else {
            continue;
        };
        if m.level != Level::City {
            continue;
        }
        let d = haversine_m(p.lat(), p.lon(), m.place.lat, m.place.lon);
        if d > PLACE_POSITION_TOLERANCE_M {
            let at = StopRef {
                number: i + 1,
                name: Some(stop.name.clone()),
            };
            let swapped = haversine_m(p.lon(), p.lat(), m.place.lat, m.place.lon)
                <= PLACE_POSITION_TOLERANCE_M;
            warnings.push(format!(
                "{at}: `place` {} is {:.0} km from the given lat {}, lon {}{}; kept the coordinates",
                m.place.label(),
                d / 1000.0,
                p.lat(),
                p.lon(),
                if swapped {
                    " (are lat and lon swapped?)"
                } else {
                    ""
                }
            ));
        }
    }
    warnings
}

/// How far the nearest gazetteer place may be for a stop with coordinates to take its time zone.
pub const ZONE_FROM_NEAREST_M: f64 = 50_000.0;

/// Gives a time zone to stops that have coordinates and local times (`2024-06-02T12:30`) but no
/// `tz`: the zone of the nearest gazetteer place within [`ZONE_FROM_NEAREST_M`], with a warning
/// naming it. Stops with only dates, or exact instants, need no zone and are left alone.
pub(super) fn zones_from_positions(itinerary: &mut Itinerary) -> Vec<String> {
    let mut warnings = Vec::new();
    for (i, stop) in itinerary.stops.iter_mut().enumerate() {
        let local = [&stop.arrive, &stop.depart]
            .into_iter()
            .flatten()
            .any(|w| matches!(w, When::Local(_)));
        let Some(p) = stop.position else { continue };
        if stop.tz.is_some() || !local {
            continue;
        }
        let at = StopRef {
            number: i + 1,
            name: Some(stop.name.clone()),
        };
        let found = Gazetteer::get()
            .nearest(p.lat(), p.lon(), ZONE_FROM_NEAREST_M)
            .and_then(|(place, d)| {
                let name = place.timezone.clone()?;
                let tz = crate::model::time_zone(&name).ok()?;
                Some((place, d, Zone { name, tz }))
            });
        match found {
            Some((place, d, zone)) => {
                warnings.push(format!(
                    "{at}: no `tz` for its local times; took {} from the nearest place, {} ({:.0} km away)",
                    zone.name,
                    place.label(),
                    d / 1000.0
                ));
                stop.resolved.push((TIMEZONE_FROM.to_string(), json!(place.geonameid)));
                stop.tz = Some(zone);
            }
            None => warnings.push(format!(
                "{at}: no `tz` for its local times, and no place within {:.0} km to take one from; give `tz`",
                ZONE_FROM_NEAREST_M / 1000.0
            )),
        }
    }
    warnings
}
