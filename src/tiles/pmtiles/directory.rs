//! PMTiles directories: `n`, then n tile-id deltas, n run lengths, n lengths and n offsets, all
//! varints. A run length of 0 marks a leaf directory entry; an offset of 0 means "right after
//! the previous entry".

use crate::tiles::error::Problem;

/// One directory entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    /// First tile id.
    pub tile_id: u64,
    /// Byte offset: in the tile data section for tiles, in the leaf section for leaves.
    pub offset: u64,
    /// Byte length.
    pub length: u64,
    /// Tiles that share these bytes (ids `tile_id..tile_id + run_length`); 0 for a leaf.
    pub run_length: u64,
}

/// A decoded directory, sorted by tile id.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Directory {
    /// The entries.
    pub entries: Vec<Entry>,
}

/// Where a directory sends a tile id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    /// The tile's bytes: offset in the data section and length.
    Tile(u64, u64),
    /// A leaf directory that may hold it: offset in the leaf section and length.
    Leaf(u64, u64),
}

fn varint(buf: &mut &[u8]) -> Result<u64, Problem> {
    prost::encoding::decode_varint(buf)
        .map_err(|_| Problem::BadDirectory("truncated or malformed varint".into()))
}

impl Directory {
    /// Decodes decompressed directory bytes. Each entry takes at least 4 bytes, so the count
    /// is checked against the bytes there are before anything is allocated.
    pub fn parse(mut buf: &[u8]) -> Result<Directory, Problem> {
        let n = varint(&mut buf)?;
        if n > (buf.len() / 4) as u64 {
            return Err(Problem::BadDirectory(format!(
                "{n} entries cannot fit in {} bytes",
                buf.len()
            )));
        }
        let n = n as usize;
        let mut entries = vec![
            Entry {
                tile_id: 0,
                offset: 0,
                length: 0,
                run_length: 0
            };
            n
        ];
        let mut id = 0u64;
        for (i, e) in entries.iter_mut().enumerate() {
            let delta = varint(&mut buf)?;
            if i > 0 && delta == 0 {
                return Err(Problem::BadDirectory(format!(
                    "entry {i} repeats tile id {id}"
                )));
            }
            id = id
                .checked_add(delta)
                .ok_or_else(|| Problem::BadDirectory("tile id overflows".into()))?;
            e.tile_id = id;
        }
        for e in entries.iter_mut() {
            e.run_length = varint(&mut buf)?;
        }
        for (i, e) in entries.iter_mut().enumerate() {
            e.length = varint(&mut buf)?;
            if e.length == 0 {
                return Err(Problem::BadDirectory(format!("entry {i} has length 0")));
            }
        }
        for i in 0..n {
            let raw = varint(&mut buf)?;
            entries[i].offset = if raw == 0 {
                let prev = i
                    .checked_sub(1)
                    .map(|j| entries[j])
                    .ok_or_else(|| Problem::BadDirectory("first entry has offset 0".into()))?;
                prev.offset
                    .checked_add(prev.length)
                    .ok_or_else(|| Problem::BadDirectory("offset overflows".into()))?
            } else {
                raw - 1
            };
        }
        Ok(Directory { entries })
    }

    /// Where tile `id` is: its bytes, the leaf directory to look in, or `None` if the archive
    /// does not have it.
    pub fn find(&self, id: u64) -> Option<Found> {
        // The last entry whose first tile id is at most `id`.
        let i = self
            .entries
            .partition_point(|e| e.tile_id <= id)
            .checked_sub(1)?;
        let e = self.entries[i];
        if e.run_length == 0 {
            return Some(Found::Leaf(e.offset, e.length));
        }
        (id - e.tile_id < e.run_length).then_some(Found::Tile(e.offset, e.length))
    }
}

#[cfg(test)]
mod test {
    use super::*;

    fn encode(entries: &[Entry]) -> Vec<u8> {
        let mut b = Vec::new();
        prost::encoding::encode_varint(entries.len() as u64, &mut b);
        let mut last = 0;
        for e in entries {
            prost::encoding::encode_varint(e.tile_id - last, &mut b);
            last = e.tile_id;
        }
        for e in entries {
            prost::encoding::encode_varint(e.run_length, &mut b);
        }
        for e in entries {
            prost::encoding::encode_varint(e.length, &mut b);
        }
        for e in entries {
            prost::encoding::encode_varint(e.offset + 1, &mut b);
        }
        b
    }

    fn entry(tile_id: u64, offset: u64, length: u64, run_length: u64) -> Entry {
        Entry {
            tile_id,
            offset,
            length,
            run_length,
        }
    }

    #[test]
    fn runs_and_leaves_are_found() {
        let d = Directory::parse(&encode(&[
            entry(0, 0, 10, 1),
            entry(5, 10, 20, 3),
            entry(100, 0, 50, 0),
        ]))
        .unwrap();
        assert_eq!(d.find(0), Some(Found::Tile(0, 10)));
        assert_eq!(d.find(1), None);
        assert_eq!(d.find(7), Some(Found::Tile(10, 20)));
        assert_eq!(d.find(8), None);
        assert_eq!(d.find(100), Some(Found::Leaf(0, 50)));
        assert_eq!(d.find(123_456), Some(Found::Leaf(0, 50)));
    }

    #[test]
    fn malformed_directories_are_errors() {
        // A count far larger than the bytes: refused before allocating.
        let mut b = Vec::new();
        prost::encoding::encode_varint(1 << 40, &mut b);
        b.extend([0; 16]);
        let e = Directory::parse(&b).unwrap_err().to_string();
        assert!(e.contains("cannot fit"), "{e}");
        // Truncated in the middle.
        let full = encode(&[entry(0, 1_000_000, 10, 1), entry(5, 2_000_000, 20, 3)]);
        let e = Directory::parse(&full[..full.len() - 1])
            .unwrap_err()
            .to_string();
        assert!(e.contains("varint"), "{e}");
        // Zero length.
        let e = Directory::parse(&encode(&[entry(0, 0, 0, 1)]))
            .unwrap_err()
            .to_string();
        assert!(e.contains("length 0"), "{e}");
    }
}
