//! Geometry kept encoded in the bundled data until a map first needs it, then decoded once and
//! kept: a map of Japan decodes Japan's admin-1 lines and the seas around it, not the world's.

use super::decode::{Block, DecodeError, Reader};
use std::sync::OnceLock;

/// A block of the bundled data and the function that decodes it, decoded on the first
/// [`Lazy::get`].
pub struct Lazy<'a, T> {
    block: Block<'a>,
    decode: fn(&mut Reader<'a>) -> Result<T, DecodeError>,
    value: OnceLock<T>,
    items: Option<usize>,
}

impl<'a, T> Lazy<'a, T> {
    /// A lazy value over `block`. Unless the block comes from bundled data (whose every block
    /// the tests check), `check` first makes sure the block is well formed (every count within
    /// the data, every number complete, nothing left over), so that decoding it later cannot
    /// fail; it returns how many items (lines, polygons) the block holds.
    pub(crate) fn checked(
        block: Block<'a>,
        check: fn(&mut Reader<'a>) -> Result<usize, DecodeError>,
        decode: fn(&mut Reader<'a>) -> Result<T, DecodeError>,
    ) -> Result<Self, DecodeError> {
        let items = if block.is_bundled() {
            None
        } else {
            let mut r = block.reader();
            let items = check(&mut r)?;
            r.finish()?;
            Some(items)
        };
        Ok(Lazy {
            block,
            decode,
            value: OnceLock::new(),
            items,
        })
    }

    /// How many items (lines, polygons) the block holds, if it was checked.
    pub fn items(&self) -> Option<usize> {
        self.items
    }

    /// The decoded value, decoding it on first use.
    pub fn get(&self) -> &T {
        self.value.get_or_init(|| {
            let mut r = self.block.reader();
            // `checked` read the same bytes with the same counts, or the block is part of the
            // binary and the tests decode every one (`basemap::data`), so this cannot fail.
            (self.decode)(&mut r).expect("a checked or bundled block decodes")
        })
    }
}

impl<T: std::fmt::Debug> std::fmt::Debug for Lazy<'_, T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.value.get() {
            Some(v) => v.fmt(f),
            None => f.write_str("<not decoded yet>"),
        }
    }
}
