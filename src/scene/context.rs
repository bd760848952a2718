//! What every part of a map's drawing reads: the route, the options, the places and their
//! marker radii, the countries visited. Built once per scene; each drawing step takes it.

use super::MapOptions;
use super::basemap_layer::visited_countries;
use super::places::{Place, places};
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
}

impl<'a> Ctx<'a> {
    /// The context for drawing `route` with `options`.
    pub fn new(route: &'a Route, options: &'a MapOptions) -> Self {
        let places = places(route, options.dates);
        let radii = places.iter().map(Place::marker_radius).collect();
        let visited = visited_countries(&places);
        Ctx {
            route,
            options,
            places,
            radii,
            visited,
        }
    }

    /// Whether place `i`'s note is drawn as a callout.
    pub fn callout(&self, i: usize) -> bool {
        self.options.annotate || self.places[i].callout
    }
}
