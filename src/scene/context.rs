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
        let bows = bows(route, |stop| {
            places
                .iter()
                .position(|p| p.visits.contains(&stop))
                .unwrap_or(stop)
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
