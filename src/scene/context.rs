//! What every part of a map's drawing reads: the route, the options, the places and their
//! marker radii, the countries visited. Built once per scene; each drawing step takes it.

use super::MapOptions;
use super::basemap_layer::visited_countries;
use super::inset::fit::NARROW_PX;
use super::legs::bows;
use super::places::{Place, by_importance, places};
use crate::basemap::Country;
use crate::model::Route;

/// The inputs shared by every step of drawing one scene.
pub(crate) struct Ctx<'a> {
    /// The route being drawn.
    pub route: &'a Route,
    /// How the map should look.
    pub options: &'a MapOptions,
    /// The places (one marker each), in order of first visit.
    pub places: Vec<Place>,
    /// Each place's marker radius, pixels.
    pub radii: Vec<f64>,
    /// The countries visited, tinted and named on the basemap.
    pub visited: Vec<Country>,
    /// How far each leg is bowed from its straight path, pixels (see [`super::legs::bows`]).
    pub bows: Vec<f64>,
    /// The places from most to least important (see [`super::places::by_importance`]).
    pub importance: Vec<usize>,
}

impl<'a> Ctx<'a> {
    /// The context for drawing `route` with `options`.
    pub fn new(route: &'a Route, options: &'a MapOptions) -> Self {
        let places = places(route, options.dates);
        let radii = places.iter().map(Place::marker_radius).collect();
        let visited = visited_countries(&places);
        let place_of_stop = place_of_stop(&places, route.stops.len());
        let bows = bows(route, |stop| {
            place_of_stop.get(stop).copied().unwrap_or(stop)
        });
        let importance = by_importance(route, &places);
        Ctx {
            route,
            options,
            places,
            radii,
            visited,
            bows,
            importance,
        }
    }

    /// Whether place `i`'s note is asked for (`--annotate`, or its stop's `callout` property).
    pub fn wants_note(&self, i: usize) -> bool {
        (self.options.annotate || self.places[i].callout) && self.places[i].note.is_some()
    }

    /// Whether place `i`'s note is drawn as a callout by its label: asked for, on a map wide
    /// enough for callouts (a phone-width map lists its notes under the map instead).
    pub fn callout(&self, i: usize) -> bool {
        self.wants_note(i) && self.options.width_px >= NARROW_PX
    }
}

/// Each of `stops` stops' place: the first place whose visits hold it (the stop's own number
/// when none does).
pub(crate) fn place_of_stop(places: &[Place], stops: usize) -> Vec<usize> {
    let mut of: Vec<Option<usize>> = vec![None; stops];
    for (k, p) in places.iter().enumerate() {
        for &v in &p.visits {
            if let Some(slot) = of.get_mut(v) {
                slot.get_or_insert(k);
            }
        }
    }
    of.iter()
        .enumerate()
        .map(|(stop, k)| k.unwrap_or(stop))
        .collect()
}
