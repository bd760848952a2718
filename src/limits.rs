//! `Limits`: how much input tripmap accepts before refusing it with a clear error, so a huge or
//! hostile file costs bounded time and memory. Checked before parsing (bytes) and after (stops).

use crate::error::{Error, StopRef};
use crate::model::Itinerary;
use std::io::Read;
use std::path::Path;

/// Files larger than this (256 MiB) are refused before parsing. Reading XML takes about 6 bytes of
/// memory per byte of file (an 80 MB GPX of 1,000,000 points peaks at 0.5 GB), so the limit keeps
/// a run under 2 GB; 3,000,000 points is more than a map can use anyway.
pub const MAX_INPUT_BYTES: u64 = 256 * 1024 * 1024;

/// Input limits. `Limits::default()` is what [`crate::io::read`] and the CLI apply;
/// [`crate::io::read_with`] takes others.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest input accepted, in bytes (default 256 MiB, [`MAX_INPUT_BYTES`]).
    pub max_input_bytes: u64,
    /// Most stops accepted in one trip (default 100 000).
    pub max_stops: usize,
    /// Longest text accepted in one field (name, place, note, kind, title, subtitle, source, an
    /// extra property), in characters (default 20 000).
    pub max_text_chars: usize,
    /// Most recorded-track points accepted in one trip, all tracks together (default 5 000 000).
    pub max_track_points: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_input_bytes: MAX_INPUT_BYTES,
            max_stops: 100_000,
            max_text_chars: 20_000,
            max_track_points: 5_000_000,
        }
    }
}

impl Limits {
    /// Checks a parsed trip against the stop, text and track-point limits; the error names the
    /// stop and field (or the trip's field) and the limit.
    pub fn check(&self, it: &Itinerary) -> Result<(), Error> {
        self.check_stops(it.stops.len())?;
        let long = |text: &str| {
            let n = text.chars().count();
            (n > self.max_text_chars).then(|| {
                format!(
                    "{n} characters, more than the limit of {}{}",
                    self.max_text_chars,
                    raise_with("max-text-chars")
                )
            })
        };
        for (field, value) in [
            ("title", &it.title),
            ("subtitle", &it.subtitle),
            ("source", &it.source),
        ] {
            if let Some(message) = value.as_deref().and_then(long) {
                return Err(Error::Shape(format!("the trip's `{field}`: {message}")));
            }
        }
        for (i, stop) in it.stops.iter().enumerate() {
            let at = || StopRef {
                number: i + 1,
                name: Some(stop.name.chars().take(40).collect()),
            };
            let texts = [
                ("name", Some(stop.name.as_str())),
                ("place", stop.place.as_deref()),
                ("note", stop.note.as_deref()),
                ("kind", stop.kind.as_deref()),
            ];
            for (field, value) in texts {
                if let Some(message) = value.and_then(long) {
                    return Err(Error::field(at(), field, message));
                }
            }
            for (key, value) in &stop.extra {
                if let Some(message) = value.as_str().and_then(long).or_else(|| long(key)) {
                    return Err(Error::field(at(), key, message));
                }
            }
        }
        self.check_track_points(it.tracks.iter().map(|t| t.points.len()).sum())
    }

    /// Fails when recorded tracks have more than `max_track_points` points together.
    pub fn check_track_points(&self, points: usize) -> Result<(), Error> {
        if points > self.max_track_points {
            return Err(Error::Shape(format!(
                "the recorded tracks have {points} points, more than the limit of {}; thin them first (for example `gpsbabel -x simplify`){}",
                self.max_track_points,
                raise_with("max-track-points")
            )));
        }
        Ok(())
    }

    /// Reads a whole file, refusing it (from its size, before reading) when it is larger than
    /// `max_input_bytes`; memory stays bounded by that limit even if the file grows meanwhile.
    pub fn read_file(&self, path: &Path) -> std::io::Result<Vec<u8>> {
        let file = std::fs::File::open(path)?;
        let len = file.metadata()?.len();
        if len > self.max_input_bytes {
            return Err(self.too_big(Some(len)));
        }
        // Sized once from the file's length (checked against the limit above), not grown by
        // doubling; a file that grows while read still stops at the limit.
        let buf = Vec::with_capacity(usize::try_from(len).unwrap_or(0).saturating_add(1));
        self.read_bounded_into(file, buf)
    }

    /// Reads `reader` to the end, failing as soon as more than `max_input_bytes` arrive.
    pub fn read_bounded(&self, reader: impl Read) -> std::io::Result<Vec<u8>> {
        self.read_bounded_into(reader, Vec::new())
    }

    /// [`Limits::read_bounded`] into `buf` (empty, perhaps with room already).
    fn read_bounded_into(&self, reader: impl Read, mut buf: Vec<u8>) -> std::io::Result<Vec<u8>> {
        reader
            .take(self.max_input_bytes.saturating_add(1))
            .read_to_end(&mut buf)?;
        if buf.len() as u64 > self.max_input_bytes {
            return Err(self.too_big(None));
        }
        Ok(buf)
    }

    /// For readers that count as they go: fails at stop `number` (1-based) past `max_stops`,
    /// before the rest of the file is read.
    pub fn check_stop_number(&self, number: usize) -> Result<(), Error> {
        if number > self.max_stops {
            return Err(Error::Shape(format!(
                "the trip has more than {} stops, the limit{}",
                self.max_stops,
                raise_with("max-stops")
            )));
        }
        Ok(())
    }

    /// Fails when a trip has more than `max_stops` stops.
    pub fn check_stops(&self, count: usize) -> Result<(), Error> {
        if count > self.max_stops {
            return Err(Error::Shape(format!(
                "{count} stops, more than the limit of {}{}",
                self.max_stops,
                raise_with("max-stops")
            )));
        }
        Ok(())
    }

    /// The error for an input of `len` bytes (when known) over `max_input_bytes`.
    pub fn too_large(&self, len: Option<u64>) -> Error {
        let what = match len {
            Some(len) => format!("the file is {},", size_text(len)),
            None => "the input is".to_string(),
        };
        Error::Shape(format!(
            "{what} more than tripmap reads ({}); thin the track first (for example `gpsbabel -x simplify`){}",
            size_text(self.max_input_bytes),
            raise_with("max-input-bytes")
        ))
    }

    fn too_big(&self, len: Option<u64>) -> std::io::Error {
        std::io::Error::new(
            std::io::ErrorKind::FileTooLarge,
            self.too_large(len).to_string(),
        )
    }
}

/// How to raise a limit, for the end of its error: the CLI flag and the `Limits` field.
fn raise_with(flag: &str) -> String {
    format!(
        " (raise it with `--{flag}`, or `Limits::{}`)",
        flag.replace('-', "_")
    )
}

/// A byte count as people write it: `300 MiB`, `12 KiB`, `10 bytes`.
fn size_text(bytes: u64) -> String {
    const KIB: u64 = 1024;
    const MIB: u64 = 1024 * 1024;
    match bytes {
        b if b >= MIB => format!("{:.0} MiB", b as f64 / MIB as f64),
        b if b >= KIB => format!("{:.0} KiB", b as f64 / KIB as f64),
        b => format!("{b} bytes"),
    }
}

/// Reads a size given as a count of bytes with an optional binary unit: `1000000`, `300K`,
/// `512M`, `2GiB` (K, M, G and T are powers of 1024; case does not matter).
pub fn parse_size(text: &str) -> Result<u64, String> {
    let t = text.trim();
    let digits = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (number, unit) = t.split_at(digits);
    let bad = || {
        format!("{text:?} is not a size; write a number of bytes, or one with K, M or G (512M, 2G)")
    };
    let n: u64 = number.parse().map_err(|_| bad())?;
    let shift = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 0,
        "k" | "kb" | "kib" => 10,
        "m" | "mb" | "mib" => 20,
        "g" | "gb" | "gib" => 30,
        "t" | "tb" | "tib" => 40,
        _ => return Err(bad()),
    };
    n.checked_mul(1 << shift).ok_or_else(bad)
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
        assert_eq!(err.kind(), std::io::ErrorKind::FileTooLarge);
        assert!(
            err.to_string()
                .starts_with("the input is more than tripmap reads (4 bytes)"),
            "{err}"
        );
        assert!(Limits::default().check_stops(100_001).is_err());
        assert!(Limits::default().check_stops(100_000).is_ok());
    }

    #[test]
    fn sizes_parse_with_binary_units() {
        assert_eq!(parse_size("1000"), Ok(1000));
        assert_eq!(parse_size("300K"), Ok(300 * 1024));
        assert_eq!(parse_size("512m"), Ok(512 << 20));
        assert_eq!(parse_size("2GiB"), Ok(2 << 30));
        for bad in ["", "M", "-5", "1.5G", "12 parsecs", "99999999999T"] {
            assert!(parse_size(bad).is_err(), "{bad:?}");
        }
        assert_eq!(size_text(300 << 20), "300 MiB");
        assert_eq!(size_text(10), "10 bytes");
    }
}
