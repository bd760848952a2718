//! Decoding a feature's command stream (MoveTo, LineTo, ClosePath with zigzag deltas) into
//! points, lines or polygons in tile coordinates, checking every count against what is left
//! of the stream, so a malformed tile is an error, never a panic or a huge allocation.
//!
//! Polygons: rings are grouped the way the specification (4.3.4.4) and Mapbox's decoders do —
//! a ring wound like the first ring starts a new polygon (an exterior ring), one wound the
//! other way is a hole in the current polygon, rings of zero area are dropped. Version 2
//! tiles wind exteriors clockwise on screen (positive area with y down); taking the sense from
//! the first ring also reads version 1 tiles written the other way.

/// A point in tile coordinates (x right, y down, 0..extent inside the tile).
pub type TilePoint = (i32, i32);

/// A feature's geometry in tile coordinates.
#[derive(Debug, Clone, PartialEq)]
pub enum Geometry {
    /// One or more points.
    Points(Vec<TilePoint>),
    /// One or more lines, each at least two points.
    Lines(Vec<Vec<TilePoint>>),
    /// Polygons: each an exterior ring then its holes; rings are not closed (the last point
    /// is not the first again).
    Polygons(Vec<Vec<Vec<TilePoint>>>),
}

const MOVE_TO: u32 = 1;
const LINE_TO: u32 = 2;
const CLOSE_PATH: u32 = 7;

/// Decodes `stream` for geometry type `kind` (1 point, 2 line, 3 polygon); `budget` is the
/// number of vertices the tile may still have, and is reduced by what this feature uses.
pub fn decode(kind: i32, stream: &[u32], budget: &mut usize) -> Result<Geometry, String> {
    let mut cursor = (0i64, 0i64);
    let mut i = 0usize;
    let mut parts: Vec<Vec<TilePoint>> = Vec::new();
    let mut closed: Vec<bool> = Vec::new();
    while i < stream.len() {
        let command = stream[i];
        i += 1;
        let (id, count) = (command & 7, (command >> 3) as usize);
        match id {
            MOVE_TO | LINE_TO => {
                if count == 0 {
                    return Err(format!("command {id} with a count of 0"));
                }
                if count > (stream.len() - i) / 2 {
                    return Err(format!(
                        "command {id} wants {count} points, the stream has {} integers left",
                        stream.len() - i
                    ));
                }
                if count > *budget {
                    return Err("more vertices than the limit per tile".into());
                }
                *budget -= count;
                if id == MOVE_TO && kind != 1 && count != 1 {
                    return Err(format!("MoveTo with {count} points in a line or polygon"));
                }
                if id == LINE_TO && parts.is_empty() {
                    return Err("LineTo before any MoveTo".into());
                }
                for _ in 0..count {
                    cursor.0 += i64::from(zigzag(stream[i]));
                    cursor.1 += i64::from(zigzag(stream[i + 1]));
                    i += 2;
                    let p = (
                        i32::try_from(cursor.0).map_err(|_| "coordinate overflows")?,
                        i32::try_from(cursor.1).map_err(|_| "coordinate overflows")?,
                    );
                    if id == MOVE_TO && (kind != 1 || parts.is_empty()) {
                        parts.push(Vec::new());
                        closed.push(false);
                    }
                    if let Some(part) = parts.last_mut() {
                        part.push(p);
                    }
                }
            }
            CLOSE_PATH => {
                if kind != 3 {
                    return Err("ClosePath outside a polygon".into());
                }
                match closed.last_mut() {
                    Some(c) if !*c => *c = true,
                    _ => return Err("ClosePath without an open ring".into()),
                }
            }
            other => return Err(format!("unknown command {other}")),
        }
    }
    match kind {
        1 => Ok(Geometry::Points(parts.into_iter().flatten().collect())),
        2 => Ok(Geometry::Lines(
            parts.into_iter().filter(|l| l.len() >= 2).collect(),
        )),
        3 => {
            if closed.iter().any(|c| !c) {
                return Err("a polygon ring without ClosePath".into());
            }
            Ok(Geometry::Polygons(classify_rings(parts)))
        }
        other => Err(format!(
            "geometry type {other} (not point, line or polygon)"
        )),
    }
}

/// Zigzag decoding: 0, 1, 2, 3, 4 → 0, -1, 1, -2, 2.
fn zigzag(v: u32) -> i32 {
    ((v >> 1) as i32) ^ -((v & 1) as i32)
}

/// Twice the signed area of a ring (shoelace), positive when clockwise with y down.
pub fn signed_area2(ring: &[TilePoint]) -> i128 {
    let n = ring.len();
    (0..n)
        .map(|k| {
            let (a, b) = (ring[k], ring[(k + 1) % n]);
            i128::from(a.0) * i128::from(b.1) - i128::from(b.0) * i128::from(a.1)
        })
        .sum()
}

/// Groups rings into polygons by winding (see the module comment).
fn classify_rings(rings: Vec<Vec<TilePoint>>) -> Vec<Vec<Vec<TilePoint>>> {
    let mut polygons: Vec<Vec<Vec<TilePoint>>> = Vec::new();
    let mut exterior_sign = 0i128;
    for ring in rings {
        let area = signed_area2(&ring);
        if area == 0 || ring.len() < 3 {
            continue;
        }
        if exterior_sign == 0 {
            exterior_sign = area.signum();
        }
        match polygons.last_mut() {
            Some(polygon) if area.signum() != exterior_sign => polygon.push(ring),
            _ => polygons.push(vec![ring]),
        }
    }
    polygons
}

#[cfg(test)]
mod test {
    use super::*;

    fn command(id: u32, count: u32) -> u32 {
        (count << 3) | id
    }

    fn z(v: i32) -> u32 {
        ((v << 1) ^ (v >> 31)) as u32
    }

    #[test]
    fn the_specifications_examples_decode() {
        let mut budget = 100;
        // 4.3.5.1: a point at (25, 17).
        let g = decode(1, &[9, 50, 34], &mut budget).unwrap();
        assert_eq!(g, Geometry::Points(vec![(25, 17)]));
        // 4.3.5.3: a line (2,2) (2,10) (10,10).
        let g = decode(2, &[9, 4, 4, 18, 0, 16, 16, 0], &mut budget).unwrap();
        assert_eq!(g, Geometry::Lines(vec![vec![(2, 2), (2, 10), (10, 10)]]));
        // 4.3.5.7: a polygon with a hole and a second polygon.
        let g = decode(
            3,
            &[
                9, 0, 0, 26, 20, 0, 0, 20, 19, 0, 15, 9, 22, 2, 26, 18, 0, 0, 18, 17, 0, 15, 9, 4,
                13, 26, 0, 8, 8, 0, 0, 7, 15,
            ],
            &mut budget,
        )
        .unwrap();
        let Geometry::Polygons(p) = g else { panic!() };
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].len(), 1);
        assert_eq!(p[1].len(), 2, "the second polygon has a hole");
        assert_eq!(p[1][1], vec![(13, 13), (13, 17), (17, 17), (17, 13)]);
    }

    #[test]
    fn malformed_streams_are_errors_not_panics() {
        let mut budget = 1000;
        for (kind, stream, expect) in [
            (2, vec![command(1, 1), z(1)], "points"),
            (2, vec![command(2, 1), z(1), z(1)], "before any MoveTo"),
            (
                2,
                vec![command(1, 1), 0, 0, command(3, 1)],
                "unknown command",
            ),
            (
                3,
                vec![command(1, 1), 0, 0, command(2, 2), 2, 0, 0, 2],
                "without ClosePath",
            ),
            (
                2,
                vec![command(1, 1), 0, 0, command(7, 1)],
                "outside a polygon",
            ),
            (1, vec![command(1, (1 << 29) - 1), 0, 0], "points"),
            (5, vec![command(1, 1), 0, 0], "geometry type 5"),
            (2, vec![command(1, 2), 0, 0, 0, 0], "MoveTo with 2"),
            (
                2,
                vec![command(1, 1), u32::MAX, 0, command(2, 1), u32::MAX, 0],
                "overflows",
            ),
        ] {
            let e = decode(kind, &stream, &mut budget).unwrap_err();
            assert!(e.contains(expect), "{stream:?}: {e}");
        }
        let mut small = 2;
        let e = decode(2, &[9, 0, 0, command(2, 2), 2, 0, 2, 0], &mut small).unwrap_err();
        assert!(e.contains("limit"), "{e}");
    }
}
