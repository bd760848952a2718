//! A local archive: `pread`-style reads at an offset, never past the end of the file.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::sync::Mutex;

use super::RangeSource;
use crate::tiles::error::{Problem, TilesError};

/// A PMTiles file on disk.
#[derive(Debug)]
pub struct FileSource {
    path: String,
    file: Mutex<File>,
    len: u64,
}

impl FileSource {
    /// Opens `path` for reading.
    pub fn open(path: &str) -> Result<Self, TilesError> {
        let io = |e: std::io::Error| TilesError::new(path, Problem::Io(e.to_string()));
        let file = File::open(path).map_err(io)?;
        let len = file.metadata().map_err(io)?.len();
        Ok(FileSource {
            path: path.to_string(),
            file: Mutex::new(file),
            len,
        })
    }
}

impl RangeSource for FileSource {
    fn name(&self) -> &str {
        &self.path
    }

    fn read(&self, offset: u64, length: u64) -> Result<Vec<u8>, Problem> {
        if offset > self.len {
            return Err(Problem::OutOfBounds {
                what: "read".into(),
                offset,
                end: offset.saturating_add(length),
                within: format!("the file of {} bytes", self.len),
            });
        }
        // Never more than the file holds, so a wild length allocates nothing.
        let n = length.min(self.len - offset);
        let mut buf = vec![0; n as usize];
        let mut file = self.file.lock().unwrap_or_else(|p| p.into_inner());
        file.seek(SeekFrom::Start(offset))
            .and_then(|_| file.read_exact(&mut buf))
            .map_err(|e| Problem::Io(e.to_string()))?;
        Ok(buf)
    }
}
