//! What the main map must show and in which projection: every stop and leg point (and, for a
//! trip that stays in one place, the region around it), their extent, and the projection chosen
//! for them or asked for.

use super::places::SAME_PLACE_M;
use crate::model::{LonLat, Route};
use crate::projection::{self, Projection, ProjectionKind, TripExtent, choose_kind};

/// What the main map's projection fits: every stop and every point of every leg (arcs bulge
/// poleward), and the projection chosen for them (or asked for).
pub(crate) struct Framing {
    /// Every stop and leg point the map must show.
    pub lonlats: Vec<LonLat>,
    /// Their extent.
    pub extent: TripExtent,
    /// The projection drawn.
    pub kind: ProjectionKind,
}

impl Framing {
    /// The framing of `route`, in the projection `forced` or the one chosen for it.
    pub fn new(route: &Route, forced: Option<ProjectionKind>) -> Self {
        let mut lonlats: Vec<LonLat> = route.stops.iter().map(|s| s.position).collect();
        for leg in &route.legs {
            lonlats.extend(
                leg.path
                    .iter()
                    .map(|&(x, y)| LonLat::from_point_wrapped(geo::Point::new(x, y))),
            );
        }
        if forced == Some(ProjectionKind::Mercator) && lonlats.iter().any(|p| p.lat().abs() <= 85.0)
        {
            // Mercator stretches to infinity at the poles: fit what it can show (a stop beyond
            // goes to the key).
            lonlats.retain(|p| p.lat().abs() <= 85.0);
        }
        lonlats.extend(one_place_context(route));
        let raw: Vec<(f64, f64)> = lonlats.iter().map(|p| (p.lon(), p.lat())).collect();
        let extent = TripExtent::of(&raw).unwrap_or_else(TripExtent::world);
        let kind = forced.unwrap_or_else(|| choose_kind(&extent));
        Framing {
            lonlats,
            extent,
            kind,
        }
    }

    /// The projection, built for the extent.
    pub fn projection(&self) -> Box<dyn Projection + Send + Sync> {
        projection::build(self.kind, &self.extent)
    }
}

/// Half the width of the region a one-place map shows around its place, km: enough for
/// coastlines and borders to say where it is.
const ONE_PLACE_CONTEXT_KM: f64 = 120.0;

/// For a trip whose stops are all one place: points around it, so the map shows its region
/// rather than a blank square a few kilometres wide. Empty otherwise.
fn one_place_context(route: &Route) -> Vec<LonLat> {
    let Some(first) = route.stops.first() else {
        return Vec::new();
    };
    let p = first.position;
    let one_place = route
        .stops
        .iter()
        .all(|s| crate::geodesy::distance_m(p, s.position) < SAME_PLACE_M);
    if !one_place {
        return Vec::new();
    }
    (0..8)
        .filter_map(|k| {
            let bearing = f64::from(k) * 45.0;
            crate::geodesy::destination(p, bearing, ONE_PLACE_CONTEXT_KM * 1000.0)
        })
        .collect()
}
