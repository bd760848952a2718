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
    (lon + 180.0).rem_euclid(360.0) - 180.0
}

/// Cuts a path with continuous longitudes into parts whose longitudes are all in [-180, 180]:
/// wherever the path crosses an odd multiple of 180°, the part ends exactly on ±180° at the
/// interpolated latitude and the next part starts on the opposite sign. A path that never crosses
/// comes back as one part.
pub fn split_at_antimeridian(path: &[(f64, f64)]) -> Vec<Vec<(f64, f64)>> {
    let mut parts: Vec<Vec<(f64, f64)>> = Vec::new();
    let Some(&first) = path.first() else {
        return parts;
    };
    // Which 360°-wide band a continuous longitude is in: band k covers [-180 + 360k, 180 + 360k).
    let band = |lon: f64| ((lon + 180.0) / 360.0).floor();
    let mut current = vec![(normal(first.0, band(first.0)), first.1)];
    for w in path.windows(2) {
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
            current.push((end_lon, lat));
            parts.push(std::mem::take(&mut current));
            current.push((start_lon, lat));
        }
        let p = (normal(b.0, bb), b.1);
        if current.last() != Some(&p) {
            current.push(p);
        }
    }
    if current.len() >= 2 || parts.is_empty() {
        parts.push(current);
    }
    parts.retain(|p| p.len() >= 2);
    if parts.is_empty() {
        parts.push(vec![
            (wrap_lon(first.0), first.1),
            (wrap_lon(first.0), first.1),
        ]);
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
    fn leaves_ordinary_paths_whole() {
        let parts = split_at_antimeridian(&[(10.0, 0.0), (20.0, 10.0)]);
        assert_eq!(parts.len(), 1);
        let parts = split_at_antimeridian(&[(170.0, 0.0), (180.0, 1.0)]);
        assert_eq!(parts, vec![vec![(170.0, 0.0), (180.0, 1.0)]]);
    }
}
