//! The smallest lon/lat box around a set of positions, crossing the antimeridian where that is
//! smaller (RFC 7946 §5.2: west > east then).

/// `[west, south, east, north]` in degrees for the given (lon, lat) points with longitudes in
/// [-180, 180]. The longitude range is the shortest arc covering every longitude: the complement
/// of the widest empty gap around the circle. `None` for no points.
pub fn lon_lat_bbox(points: impl IntoIterator<Item = (f64, f64)>) -> Option<[f64; 4]> {
    let mut lons = Vec::new();
    let (mut south, mut north) = (f64::INFINITY, f64::NEG_INFINITY);
    for (lon, lat) in points {
        lons.push(lon);
        south = south.min(lat);
        north = north.max(lat);
    }
    if lons.is_empty() {
        return None;
    }
    lons.sort_by(f64::total_cmp);
    let (min, max) = (lons[0], lons[lons.len() - 1]);
    // The gap that wraps around ±180° (from max east back to min) is the default.
    let mut best_gap = min + 360.0 - max;
    let (mut west, mut east) = (min, max);
    for w in lons.windows(2) {
        let gap = w[1] - w[0];
        if gap > best_gap {
            best_gap = gap;
            west = w[1];
            east = w[0];
        }
    }
    Some([west, south, east, north])
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn ordinary_box() {
        assert_eq!(
            lon_lat_bbox([(10.0, 1.0), (20.0, -3.0)]),
            Some([10.0, -3.0, 20.0, 1.0])
        );
    }

    #[test]
    fn pacific_box_crosses_the_antimeridian() {
        let b = lon_lat_bbox([
            (139.0, 35.0),
            (-157.0, 21.0),
            (178.4, -18.1),
            (174.7, -36.8),
        ])
        .unwrap();
        assert_eq!(b, [139.0, -36.8, -157.0, 35.0]);
        assert!(b[0] > b[2]);
    }

    #[test]
    fn cut_points_at_both_signs_of_180() {
        let b = lon_lat_bbox([(170.0, 0.0), (180.0, 5.0), (-180.0, 5.0), (-170.0, 10.0)]).unwrap();
        assert_eq!(b, [170.0, 0.0, -170.0, 10.0]);
    }
}
