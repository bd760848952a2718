//! Where an archive's bytes come from: a local file or an HTTP(S) URL, read by byte range.

/// Reading a local file by byte range.
mod file;
/// Reading an HTTP(S) URL by Range requests.
mod http;

pub use file::FileSource;
pub use http::HttpSource;

use super::error::Problem;

/// Bytes by range from one archive. Implementations are shared between threads.
pub trait RangeSource: Send + Sync {
    /// The file path or URL, for messages.
    fn name(&self) -> &str;

    /// `length` bytes from `offset`; fewer only where the archive ends first (so the opening
    /// read of a small archive may ask for more than there is). Errors name no archive or
    /// tile: the caller adds them.
    fn read(&self, offset: u64, length: u64) -> Result<Vec<u8>, Problem>;
}

/// Opens `location`: an `http://` or `https://` URL, otherwise a file path.
pub fn open(
    location: &str,
    limits: &super::Limits,
) -> Result<Box<dyn RangeSource>, super::TilesError> {
    let lower = location.to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        Ok(Box::new(HttpSource::new(location, limits)))
    } else {
        Ok(Box::new(FileSource::open(location)?))
    }
}
