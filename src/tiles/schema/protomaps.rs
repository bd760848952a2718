//! The Protomaps basemap schema, version 4 (docs.protomaps.com/basemaps/layers; the layer
//! code in protomaps/basemaps `tiles/src/main/java/com/protomaps/basemap/layers/`): layers
//! `earth`, `water`, `landuse`, `landcover`, `roads`, `buildings`, `boundaries`, `places` (and
//! `pois`, `transit`, which are not drawn), told apart by `kind` and `kind_detail`.

use super::{BoundaryKind, Class, Classified, LanduseKind, PlaceKind, RoadClass, Schema};
use crate::tiles::mvt::Properties;

/// The Protomaps basemap schema.
#[derive(Debug, Clone, Copy, Default)]
pub struct Protomaps;

impl Schema for Protomaps {
    fn name(&self) -> &'static str {
        "Protomaps basemap v4"
    }

    fn classify<'a>(&self, layer: &str, props: &Properties<'a>) -> Option<Classified<'a>> {
        let kind = props.str("kind").unwrap_or("");
        let detail = props.str("kind_detail").unwrap_or("");
        let class = match layer {
            "earth" => Class::Earth,
            "water" => Class::Water,
            "landuse" | "landcover" => Class::Landuse(landuse(kind)?),
            "roads" => Class::Road(road(kind, detail)?),
            "buildings" if kind != "address" => Class::Building,
            "boundaries" => Class::Boundary(match kind {
                "country" => BoundaryKind::Country,
                "region" => BoundaryKind::Region,
                _ => BoundaryKind::Local,
            }),
            "places" => Class::Place(match kind {
                "country" => PlaceKind::Country,
                "region" => PlaceKind::Region,
                "locality" => PlaceKind::Locality,
                "macrohood" | "neighbourhood" => PlaceKind::Neighbourhood,
                _ => return None,
            }),
            _ => return None,
        };
        Some(Classified {
            class,
            name: props.str("name").filter(|n| !n.trim().is_empty()),
            min_zoom: props.number("min_zoom"),
            tunnel: props.flag("is_tunnel"),
        })
    }
}

fn road(kind: &str, detail: &str) -> Option<RoadClass> {
    Some(match kind {
        "highway" => RoadClass::Highway,
        "major_road" => RoadClass::Major,
        "minor_road" if detail == "service" => RoadClass::Service,
        "minor_road" => RoadClass::Minor,
        "path" => RoadClass::Path,
        "rail" => RoadClass::Rail,
        // Ferries, aerialways, runways and piers are not streets.
        _ => return None,
    })
}

fn landuse(kind: &str) -> Option<LanduseKind> {
    use LanduseKind::*;
    Some(match kind {
        "park" | "garden" | "playground" | "dog_park" | "golf_course" | "nature_reserve"
        | "national_park" | "protected_area" | "zoo" | "camp_site" | "attraction" => Park,
        "forest" | "wood" | "orchard" | "scrub" => Forest,
        "grass" | "meadow" | "grassland" => Grass,
        "farmland" | "farmyard" | "allotments" => Farmland,
        "beach" | "sand" | "bare_rock" | "barren" | "glacier" => Bare,
        "wetland" => Wetland,
        "cemetery" => Cemetery,
        "pitch" | "stadium" | "recreation_ground" | "sports_centre" => Sport,
        "school" | "college" | "university" | "kindergarten" => Education,
        "hospital" => Hospital,
        "residential" | "urban_area" | "neighbourhood" => Residential,
        "commercial" | "retail" | "industrial" | "railway" => Commercial,
        "pedestrian" | "platform" | "pier" | "footway" => Pedestrian,
        "" => return None,
        _ => Other,
    })
}
