//! Homonyms resolved near the trip: each town looked up again with its neighbouring stops as
//! hints.

use super::*;

/// Looks each town up again with the trip around it as hints, so a homonym resolves near the
/// other stops (`San Sebastián` after Bilbao: Spain, not Guatemala). The previous and next stops
/// count, by country and nearness.
pub(super) fn with_neighbours(mut stops: Vec<Stop>, index: &dyn PlaceIndex) -> Vec<Stop> {
    let first: Vec<Place> = stops.iter().map(|s| s.place.clone()).collect();
    for (i, stop) in stops.iter_mut().enumerate() {
        if stop.place.scope != Scope::City {
            continue;
        }
        let neighbours: Vec<&Place> = [i.checked_sub(1), Some(i + 1)]
            .into_iter()
            .flatten()
            .filter_map(|j| first.get(j))
            .filter(|p| p.key != stop.place.key)
            .collect();
        if neighbours.is_empty() {
            continue;
        }
        // A smaller namesake wins only when not much smaller: Lima stays in Peru next to
        // Buenos Aires, though Lima, Argentina is nearer.
        // A town found by another town's alternate name (Puno as Pune's) gives way to a town of
        // that very name next to the others, however small.
        let own_name = |p: &Place| {
            stop.place.alternate
                && !p.alternate
                && neighbours.iter().any(|n| n.country == p.country)
        };
        let name = if stop.place.alternate {
            &stop.written
        } else {
            &stop.place.name
        };
        if let Some(p) = index.city_among(name, &neighbours)
            && p.key != stop.place.key
            && (p.population.saturating_mul(10) >= stop.place.population || own_name(&p))
        {
            stop.place = Place {
                alternate: stop.place.alternate,
                ..p
            };
        }
    }
    stops
}
