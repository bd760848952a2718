//! PMTiles tile ids: the tiles of all lower zooms first, then the tile's position along the
//! Hilbert curve of its zoom (`fast_hilbert`, the curve the `pmtiles` crates use). Zoom 0 is
//! id 0; zoom 1's four tiles are 1-4 starting at 1/0/0.

use crate::tiles::TileCoord;

/// Highest zoom a tile id can address (ids stay below 2^64).
pub const MAX_ZOOM: u8 = 31;

/// Tiles at zooms below `z`: (4^z - 1) / 3.
fn tiles_below(z: u8) -> u64 {
    ((1u64 << (2 * z as u32)) - 1) / 3
}

/// The tile id of `t`; `None` if x or y is outside zoom z's grid or z > [`MAX_ZOOM`].
pub fn tile_id(t: TileCoord) -> Option<u64> {
    if t.z > MAX_ZOOM || u64::from(t.x) >= 1u64 << t.z || u64::from(t.y) >= 1u64 << t.z {
        return None;
    }
    if t.z == 0 {
        return Some(0);
    }
    Some(tiles_below(t.z) + fast_hilbert::xy2h(t.x, t.y, t.z))
}

/// The tile with id `id`; `None` past zoom [`MAX_ZOOM`].
pub fn tile_coord(id: u64) -> Option<TileCoord> {
    let z = (0..=MAX_ZOOM).rev().find(|&z| tiles_below(z) <= id)?;
    let position = id - tiles_below(z);
    if position >= 1u64 << (2 * z as u32) {
        return None;
    }
    if z == 0 {
        return Some(TileCoord { z, x: 0, y: 0 });
    }
    let (x, y): (u32, u32) = fast_hilbert::h2xy(position, z);
    Some(TileCoord { z, x, y })
}

#[cfg(test)]
mod test {
    use super::*;

    fn t(z: u8, x: u32, y: u32) -> TileCoord {
        TileCoord { z, x, y }
    }

    #[test]
    fn ids_match_the_specification() {
        // The spec's examples and the reference implementations' tests.
        assert_eq!(tile_id(t(0, 0, 0)), Some(0));
        assert_eq!(tile_id(t(1, 0, 0)), Some(1));
        assert_eq!(tile_id(t(1, 0, 1)), Some(2));
        assert_eq!(tile_id(t(1, 1, 1)), Some(3));
        assert_eq!(tile_id(t(1, 1, 0)), Some(4));
        assert_eq!(tile_id(t(2, 0, 0)), Some(5));
        assert_eq!(tile_id(t(12, 3423, 1763)), Some(19_078_479));
    }

    #[test]
    fn ids_round_trip_and_reject_outside_tiles() {
        for id in (0..200_000u64).chain([u64::from(u32::MAX), 1 << 40, (1 << 61) + 12345]) {
            let c = tile_coord(id).unwrap();
            assert_eq!(tile_id(c), Some(id), "{c}");
        }
        assert_eq!(tile_id(t(1, 2, 0)), None);
        assert_eq!(tile_id(t(32, 0, 0)), None);
        assert_eq!(tile_coord(u64::MAX), None);
    }
}
