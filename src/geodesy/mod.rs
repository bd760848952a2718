//! Geodesy on the WGS84 ellipsoid: distances, bearings, densified geodesic paths, and cutting
//! lines at the antimeridian for output. Computation is `geo`'s `Geodesic` (Karney's algorithms
//! via geographiclib-rs); this module adds units, normalisation and continuity.

mod antimeridian;
mod measure;
mod path;
mod simplify;

pub use antimeridian::{
    CutPoint, split_at_antimeridian, split_at_antimeridian_indexed, unwrap_longitudes, wrap_lon,
};
pub use measure::{
    EARTH_RADIUS_M, central_angle_rad, destination, distance_m, initial_bearing_deg, unit_vector,
};
pub use path::{GeodesicLeg, MAX_SEGMENT_M, geodesic_leg, geodesic_path};
pub use simplify::{simplify_keep_m, simplify_path_m};
