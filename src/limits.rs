//! `Limits`: how much input tripmap accepts before refusing it with a clear error, so a huge or
//! hostile file costs bounded time and memory. Checked before parsing (bytes) and after (stops).

use std::io::Read;
use std::path::Path;

/// Input limits. `Limits::default()` is what the CLI uses unless `--max-input-bytes` says otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest input accepted, in bytes (default 64 MiB).
    pub max_input_bytes: u64,
    /// Most stops accepted in one trip (default 100 000).
    pub max_stops: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_input_bytes: 64 * 1024 * 1024,
            max_stops: 100_000,
        }
    }
}

impl Limits {
    /// Reads a whole file, refusing it (from its size, before reading) when it is larger than
    /// `max_input_bytes`; memory stays bounded by that limit even if the file grows meanwhile.
    pub fn read_file(&self, path: &Path) -> std::io::Result<Vec<u8>> {
        let file = std::fs::File::open(path)?;
        let len = file.metadata()?.len();
        if len > self.max_input_bytes {
            return Err(self.too_big(Some(len)));
        }
        self.read_bounded(file)
    }

    /// Reads `reader` to the end, failing as soon as more than `max_input_bytes` arrive.
    pub fn read_bounded(&self, reader: impl Read) -> std::io::Result<Vec<u8>> {
        let mut buf = Vec::new();
        reader
            .take(self.max_input_bytes.saturating_add(1))
            .read_to_end(&mut buf)?;
        if buf.len() as u64 > self.max_input_bytes {
            return Err(self.too_big(None));
        }
        Ok(buf)
    }

    /// Fails when a trip has more than `max_stops` stops.
    pub fn check_stops(&self, count: usize) -> Result<(), crate::Error> {
        if count > self.max_stops {
            return Err(crate::Error::Shape(format!(
                "{count} stops, more than the limit of {}",
                self.max_stops
            )));
        }
        Ok(())
    }

    fn too_big(&self, len: Option<u64>) -> std::io::Error {
        let size = len.map(|l| format!(" ({l} bytes)")).unwrap_or_default();
        std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!(
                "input too large{size}: the limit is {} bytes (raise it with --max-input-bytes)",
                self.max_input_bytes
            ),
        )
    }
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn bounded_read_refuses_one_byte_over() {
        let l = Limits {
            max_input_bytes: 4,
            ..Limits::default()
        };
        assert_eq!(l.read_bounded(&b"abcd"[..]).unwrap(), b"abcd");
        let err = l.read_bounded(&b"abcde"[..]).unwrap_err();
        assert!(err.to_string().contains("limit is 4 bytes"), "{err}");
        assert!(Limits::default().check_stops(100_001).is_err());
        assert!(Limits::default().check_stops(100_000).is_ok());
    }
}
