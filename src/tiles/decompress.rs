//! Decompressing tiles, directories and metadata with a cap on the output, so a gzip bomb (a
//! few KB that inflate to gigabytes) costs at most the cap.
//!
//! gzip and none are decoded, as the PMTiles reference client for browsers does; brotli and
//! zstd archives are refused with a message that names the compression (every common writer —
//! planetiler, tippecanoe, GDAL, the pmtiles tools — uses gzip).

use std::io::Read;

use super::error::Problem;
use super::limits::bytes;

/// A PMTiles compression code (header bytes 97 and 98).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compression {
    /// 0: unknown (treated as none, as the reference readers do, unless the bytes are gzip).
    Unknown,
    /// 1: none.
    None,
    /// 2: gzip.
    Gzip,
    /// 3: brotli (not decoded).
    Brotli,
    /// 4: zstd (not decoded).
    Zstd,
}

impl Compression {
    /// From a header byte; `None` for codes the specification does not define.
    pub fn from_code(code: u8) -> Option<Self> {
        Some(match code {
            0 => Compression::Unknown,
            1 => Compression::None,
            2 => Compression::Gzip,
            3 => Compression::Brotli,
            4 => Compression::Zstd,
            _ => return None,
        })
    }

    /// Checks that tripmap can decode it; `what` is `tile` or `directory`.
    pub fn check(self, what: &'static str) -> Result<(), Problem> {
        match self {
            Compression::Brotli | Compression::Zstd => Err(Problem::UnsupportedCompression {
                what,
                name: format!("{self:?}").to_lowercase(),
            }),
            _ => Ok(()),
        }
    }
}

/// `data` decompressed as `compression`, at most `limit` bytes; `what` names it in errors.
pub fn decompress(
    data: Vec<u8>,
    compression: Compression,
    limit: u64,
    what: &'static str,
) -> Result<Vec<u8>, Problem> {
    let gzip = match compression {
        Compression::Gzip => true,
        // Unknown: gzip if it looks like gzip (some writers leave the code at 0).
        Compression::Unknown => data.starts_with(&[0x1f, 0x8b]),
        Compression::None => false,
        Compression::Brotli | Compression::Zstd => {
            compression.check(what)?;
            false
        }
    };
    let too_large = || Problem::TooLarge {
        what: format!("decompressed {what}"),
        limit: bytes(limit),
    };
    if !gzip {
        return if data.len() as u64 > limit {
            Err(too_large())
        } else {
            Ok(data)
        };
    }
    let mut out = Vec::with_capacity((data.len() * 4).min(limit as usize));
    flate2::read::MultiGzDecoder::new(data.as_slice())
        .take(limit + 1)
        .read_to_end(&mut out)
        .map_err(|e| Problem::Decompress {
            what,
            message: e.to_string(),
        })?;
    if out.len() as u64 > limit {
        return Err(too_large());
    }
    Ok(out)
}

#[cfg(test)]
mod test {
    use super::*;
    use std::io::Write;

    fn gzip(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    #[test]
    fn gzip_round_trips_under_the_limit() {
        let data = b"hello tiles".repeat(100);
        assert_eq!(
            decompress(gzip(&data), Compression::Gzip, 2000, "tile").unwrap(),
            data
        );
        assert_eq!(
            decompress(gzip(&data), Compression::Unknown, 2000, "tile").unwrap(),
            data
        );
    }

    #[test]
    fn a_bomb_stops_at_the_limit() {
        // 64 MiB of zeros compress to about 64 KB.
        let bomb = gzip(&vec![0u8; 64 << 20]);
        assert!(bomb.len() < 100_000);
        let e = decompress(bomb, Compression::Gzip, 1 << 20, "tile").unwrap_err();
        assert_eq!(
            e.to_string(),
            "decompressed tile is larger than the limit of 1 MiB"
        );
    }

    #[test]
    fn garbage_and_unsupported_codecs_are_errors() {
        let e = decompress(
            vec![0x1f, 0x8b, 8, 0, 1, 2, 3],
            Compression::Gzip,
            100,
            "directory",
        );
        assert!(
            e.unwrap_err()
                .to_string()
                .starts_with("directory does not decompress")
        );
        let e = decompress(vec![1, 2, 3], Compression::Zstd, 100, "tile").unwrap_err();
        assert_eq!(
            e.to_string(),
            "tile compression zstd is not supported (gzip or none)"
        );
    }
}
