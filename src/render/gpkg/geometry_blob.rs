//! Geometries in GeoPackage binary form: the `GP` header with SRS 4326 and an optional
//! envelope, then little-endian WKB.

/// The GeoPackage binary header (`GP`, version 0, little-endian, SRS 4326) and an optional
/// envelope `[minx, maxx, miny, maxy]`.
fn header(envelope: Option<[f64; 4]>) -> Vec<u8> {
    let mut b = vec![b'G', b'P', 0];
    // Flags: bit 0 little-endian; bits 1-3 envelope kind (1: x and y).
    b.push(if envelope.is_some() {
        0b0000_0011
    } else {
        0b0000_0001
    });
    b.extend_from_slice(&4326i32.to_le_bytes());
    for v in envelope.iter().flatten() {
        b.extend_from_slice(&v.to_le_bytes());
    }
    b
}

/// A Point as GeoPackage binary (no envelope, as for every point).
pub(super) fn point_blob(x: f64, y: f64) -> Vec<u8> {
    let mut b = header(None);
    b.push(1);
    b.extend_from_slice(&1u32.to_le_bytes());
    b.extend_from_slice(&x.to_le_bytes());
    b.extend_from_slice(&y.to_le_bytes());
    b
}

/// A LineString (or, when `multi`, a MultiLineString of `parts`) as GeoPackage binary with its
/// envelope, and the envelope as `[minx, miny, maxx, maxy]`.
pub(super) fn lines_blob(parts: &[Vec<(f64, f64)>], multi: bool) -> (Vec<u8>, [f64; 4]) {
    let points = parts.iter().flatten();
    let mut e = [
        f64::INFINITY,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NEG_INFINITY,
    ];
    for &(x, y) in points {
        e = [e[0].min(x), e[1].min(y), e[2].max(x), e[3].max(y)];
    }
    let mut b = header(Some([e[0], e[2], e[1], e[3]]));
    let line = |b: &mut Vec<u8>, part: &[(f64, f64)]| {
        b.push(1);
        b.extend_from_slice(&2u32.to_le_bytes());
        b.extend_from_slice(&(part.len() as u32).to_le_bytes());
        for &(x, y) in part {
            b.extend_from_slice(&x.to_le_bytes());
            b.extend_from_slice(&y.to_le_bytes());
        }
    };
    if multi {
        b.push(1);
        b.extend_from_slice(&5u32.to_le_bytes());
        b.extend_from_slice(&(parts.len() as u32).to_le_bytes());
        for part in parts {
            line(&mut b, part);
        }
    } else {
        line(&mut b, &parts[0]);
    }
    (b, e)
}
