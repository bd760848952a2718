//! Schemas: how a vector tile's layers and properties map to what tripmap draws. Each schema is
//! one file implementing [`Schema`]; the drawing side only sees the schema-neutral [`Class`].

/// The Protomaps basemap schema (version 4).
mod protomaps;

pub use protomaps::Protomaps;

use super::mvt::Properties;

/// Road classes, from the smallest to the largest (the order to draw them in, so larger roads
/// lie on top). Each is hidden on maps at smaller scales than [`RoadClass::min_map_zoom`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RoadClass {
    /// Footways, cycleways, steps, pedestrian streets, tracks.
    Path,
    /// Service roads: driveways, parking aisles, alleys.
    Service,
    /// Residential and unclassified streets.
    Minor,
    /// Trunk, primary, secondary and tertiary roads.
    Major,
    /// Motorways.
    Highway,
    /// Railways, trams, subways (above ground or not).
    Rail,
}

impl RoadClass {
    /// The smallest map zoom (512-pixel tiles, as MapLibre counts) at which the class is drawn.
    /// Zoom 12 is about 20 m per pixel at 45°, zoom 15 about 2.6 m.
    pub fn min_map_zoom(self) -> f64 {
        match self {
            RoadClass::Highway => 0.0,
            RoadClass::Major => 8.0,
            RoadClass::Rail => 11.0,
            RoadClass::Minor => 12.0,
            RoadClass::Service => 13.5,
            RoadClass::Path => 14.0,
        }
    }

    /// The smallest map zoom at which the class's street names are offered as labels.
    pub fn min_label_zoom(self) -> f64 {
        match self {
            RoadClass::Highway => 11.0,
            RoadClass::Major => 12.0,
            RoadClass::Minor => 14.0,
            RoadClass::Service | RoadClass::Path => 15.5,
            RoadClass::Rail => f64::INFINITY,
        }
    }
}

/// Land use and land cover, grouped into the kinds a map gives different colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LanduseKind {
    /// Parks, gardens, playgrounds, nature reserves, golf courses, zoos.
    Park,
    /// Forest and woods, orchards, scrub.
    Forest,
    /// Grass, meadows, grassland.
    Grass,
    /// Farmland and farmyards.
    Farmland,
    /// Beaches, sand, bare rock, glaciers and barren land.
    Bare,
    /// Wetland.
    Wetland,
    /// Cemeteries.
    Cemetery,
    /// Pitches, stadiums, recreation grounds.
    Sport,
    /// Schools, colleges, universities, kindergartens.
    Education,
    /// Hospitals.
    Hospital,
    /// Residential areas and urban land.
    Residential,
    /// Commercial, retail, industrial and railway land.
    Commercial,
    /// Pedestrian squares, platforms and piers.
    Pedestrian,
    /// Military land, airports, and anything else with a kind.
    Other,
}

/// Boundary levels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum BoundaryKind {
    /// Between countries.
    Country,
    /// Between states, provinces, regions.
    Region,
    /// Counties and municipalities.
    Local,
}

/// Kinds of named place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PlaceKind {
    /// A country.
    Country,
    /// A state, province or region.
    Region,
    /// A city, town or village.
    Locality,
    /// A district, suburb or neighbourhood.
    Neighbourhood,
}

/// What a feature is, independent of the schema it came in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Class {
    /// Land (polygons).
    Earth,
    /// Water: polygons (sea, lakes, riverbanks), lines (rivers, streams), points (name labels).
    Water,
    /// Land use or land cover polygons.
    Landuse(LanduseKind),
    /// Roads and railways (lines).
    Road(RoadClass),
    /// Buildings (polygons).
    Building,
    /// Administrative boundaries (lines).
    Boundary(BoundaryKind),
    /// Named places (points).
    Place(PlaceKind),
}

/// A classified feature: its class and what labels need.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Classified<'a> {
    /// What it is.
    pub class: Class,
    /// Its name, for labels.
    pub name: Option<&'a str>,
    /// The smallest map zoom at which the data suggests showing it (Protomaps' `min_zoom`).
    pub min_zoom: Option<f64>,
    /// Whether it runs underground (tunnels are not drawn).
    pub tunnel: bool,
}

/// A vector tile schema: which layers and properties mean what.
pub trait Schema: Sync {
    /// The schema's name, for messages.
    fn name(&self) -> &'static str;
    /// What a feature of layer `layer` with properties `props` is; `None` to leave it out.
    fn classify<'a>(&self, layer: &str, props: &Properties<'a>) -> Option<Classified<'a>>;
}
