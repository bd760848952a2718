//! Longitude continuity and cutting at ±180°.
//!
//! Legs stay whole in the model with continuous longitudes; RFC 7946 §3.1.9 wants lines that cross
//! the antimeridian cut into parts that meet at ±180°, which [`split_at_antimeridian`] does on output.

/// Makes longitudes continuous in place: each point is shifted by a multiple of 360° so that it is
/// within 180° of the previous one. The first point is left as it is.
pub fn unwrap_longitudes(points: &mut [(f64, f64)]) {
    for i in 1..points.len() {
        let prev = points[i - 1].0;
        let mut lon = points[i].0;
        while lon - prev > 180.0 {
            lon -= 360.0;
        }
        while lon - prev < -180.0 {
            lon += 360.0;
        }
        points[i].0 = lon;
    }
}

/// Normalises a longitude in degrees into [-180, 180).
pub fn wrap_lon(lon: f64) -> f64 {
    let t = lon + 180.0;
    // Most longitudes are already in range, and `rem_euclid` is a software `fmod` (a tenth of
    // a world basemap's time). In range it would return `t` itself, so this is the same value.
    if (0.0..360.0).contains(&t) {
        return t - 180.0;
    }
    t.rem_euclid(360.0) - 180.0
}

/// Cuts a path with continuous longitudes into parts whose longitudes are all in [-180, 180]:
/// wherever the path crosses an odd multiple of 180°, the part ends exactly on ±180° at the
/// interpolated latitude and the next part starts on the opposite sign. A path that never crosses
/// comes back as one part.
pub fn split_at_antimeridian(path: &[(f64, f64)]) -> Vec<Vec<(f64, f64)>> {
    split_at_antimeridian_indexed(path)
        .into_iter()
        .map(|part| part.into_iter().map(|c| (c.lon, c.lat)).collect())
        .collect()
}

/// A point of a path cut at the antimeridian, and where it lies on the path it was cut from: at
/// `t` (0 to 1) of the way from point `from` to point `from + 1` (`t` is 0 for the path's own
/// points), so that values recorded per point (times, elevations) can be carried over.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CutPoint {
    /// Longitude in degrees, in [-180, 180].
    pub lon: f64,
    /// Latitude in degrees.
    pub lat: f64,
    /// Index of the path point at or before this one.
    pub from: usize,
    /// Fraction of the way to the next path point (0 at a path point).
    pub t: f64,
}

/// [`split_at_antimeridian`], each point telling where it lies on `path`.
pub fn split_at_antimeridian_indexed(path: &[(f64, f64)]) -> Vec<Vec<CutPoint>> {
    let mut parts: Vec<Vec<CutPoint>> = Vec::new();
    let Some(&first) = path.first() else {
        return parts;
    };
    let at = |lon: f64, lat: f64, from: usize, t: f64| CutPoint { lon, lat, from, t };
    // Which 360°-wide band a continuous longitude is in: band k covers [-180 + 360k, 180 + 360k).
    let band = |lon: f64| ((lon + 180.0) / 360.0).floor();
    let mut current = vec![at(normal(first.0, band(first.0)), first.1, 0, 0.0)];
    for (i, w) in path.windows(2).enumerate() {
        let (a, b) = (w[0], w[1]);
        let (ba, bb) = (band(a.0), band(b.0));
        if ba != bb {
            // Crosses the meridian between the bands (one step: consecutive points are < 180° apart).
            let edge = if bb > ba {
                180.0 + 360.0 * ba
            } else {
                -180.0 + 360.0 * ba
            };
            let t = if b.0 != a.0 {
                (edge - a.0) / (b.0 - a.0)
            } else {
                0.0
            };
            let lat = a.1 + t * (b.1 - a.1);
            let (end_lon, start_lon) = if bb > ba {
                (180.0, -180.0)
            } else {
                (-180.0, 180.0)
            };
            current.push(at(end_lon, lat, i, t));
            parts.push(std::mem::take(&mut current));
            current.push(at(start_lon, lat, i, t));
        }
        let p = at(normal(b.0, bb), b.1, i + 1, 0.0);
        if current.last().map(|c| (c.lon, c.lat)) != Some((p.lon, p.lat)) {
            current.push(p);
        }
    }
    if current.len() >= 2 || parts.is_empty() {
        parts.push(current);
    }
    parts.retain(|p| p.len() >= 2);
    if parts.is_empty() {
        let p = at(wrap_lon(first.0), first.1, 0, 0.0);
        parts.push(vec![p, p]);
    }
    parts
}

/// A continuous longitude brought into band 0, keeping +180 for the east edge.
fn normal(lon: f64, band: f64) -> f64 {
    let l = lon - 360.0 * band;
    l.clamp(-180.0, 180.0)
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn wrap_lon_is_the_euclidean_remainder_bit_for_bit() {
        let slow = |lon: f64| (lon + 180.0).rem_euclid(360.0) - 180.0;
        let mut rng = fastrand::Rng::with_seed(7);
        let edges = [
            -180.0,
            180.0,
            -180.0 - 1e-13,
            180.0 - 1e-13,
            0.1,
            -0.0,
            359.9,
            540.0,
            -540.0,
            1e300,
            f64::INFINITY,
            f64::NAN,
        ];
        let random = (0..100_000).map(|_| (rng.f64() - 0.5) * 2_000.0);
        for lon in edges.into_iter().chain(random) {
            assert_eq!(wrap_lon(lon).to_bits(), slow(lon).to_bits(), "{lon}");
        }
        assert_eq!(wrap_lon(190.0), -170.0);
    }

    #[test]
    fn unwraps_across_the_date_line() {
        let mut p = vec![(170.0, 0.0), (-175.0, 1.0), (-160.0, 2.0)];
        unwrap_longitudes(&mut p);
        assert_eq!(p, vec![(170.0, 0.0), (185.0, 1.0), (200.0, 2.0)]);
    }

    #[test]
    fn splits_eastward_crossing() {
        let parts = split_at_antimeridian(&[(170.0, 0.0), (190.0, 10.0)]);
        assert_eq!(
            parts,
            vec![
                vec![(170.0, 0.0), (180.0, 5.0)],
                vec![(-180.0, 5.0), (-170.0, 10.0)]
            ]
        );
    }

    #[test]
    fn splits_westward_crossing() {
        let parts = split_at_antimeridian(&[(-170.0, 0.0), (-190.0, 10.0)]);
        assert_eq!(
            parts,
            vec![
                vec![(-170.0, 0.0), (-180.0, 5.0)],
                vec![(180.0, 5.0), (170.0, 10.0)]
            ]
        );
    }

    #[test]
    fn cut_points_say_where_they_lie_on_the_path() {
        let parts = split_at_antimeridian_indexed(&[(160.0, 0.0), (170.0, 0.0), (190.0, 10.0)]);
        let index: Vec<Vec<(usize, f64)>> = parts
            .iter()
            .map(|p| p.iter().map(|c| (c.from, c.t)).collect())
            .collect();
        assert_eq!(
            index,
            vec![vec![(0, 0.0), (1, 0.0), (1, 0.5)], vec![(1, 0.5), (2, 0.0)]]
        );
    }

    #[test]
    fn leaves_ordinary_paths_whole() {
        let parts = split_at_antimeridian(&[(10.0, 0.0), (20.0, 10.0)]);
        assert_eq!(parts.len(), 1);
        let parts = split_at_antimeridian(&[(170.0, 0.0), (180.0, 1.0)]);
        assert_eq!(parts, vec![vec![(170.0, 0.0), (180.0, 1.0)]]);
    }
}
