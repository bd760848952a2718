//! Writes a set of output files all or nothing: each file goes to a temporary file in the same
//! folder and is renamed over its target only when every file has been written, so a failure
//! never leaves a half-written file or a stray temporary one, and earlier outputs stay as they were.

use std::io::Write;
use std::path::{Path, PathBuf};

/// One output file: a name inside the output folder (no path separators) and its bytes.
#[derive(Debug, Clone)]
pub struct OutputFile {
    /// File name, such as `stops.geojson`.
    pub name: String,
    /// Contents.
    pub bytes: Vec<u8>,
}

/// Writes `files` into `dir` (created if missing), atomically per file and all-or-nothing for the
/// set: every temporary file is written and flushed before any is renamed into place. Returns the
/// paths written.
pub fn write_all(dir: &Path, files: &[OutputFile]) -> std::io::Result<Vec<PathBuf>> {
    for f in files {
        if f.name.is_empty() || f.name.contains(['/', '\\']) || f.name == "." || f.name == ".." {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                format!("output name `{}` is not a plain file name", f.name),
            ));
        }
    }
    std::fs::create_dir_all(dir)?;
    let mut staged = Vec::with_capacity(files.len());
    for f in files {
        // Dropped (and deleted) on any early return.
        let mut tmp = tempfile::Builder::new()
            .prefix(&format!(".{}.", f.name))
            .suffix(".tmp")
            .tempfile_in(dir)?;
        tmp.write_all(&f.bytes)?;
        tmp.as_file().sync_all()?;
        staged.push((tmp, dir.join(&f.name)));
    }
    let mut written = Vec::with_capacity(staged.len());
    for (tmp, target) in staged {
        tmp.persist(&target).map_err(|e| e.error)?;
        written.push(target);
    }
    Ok(written)
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn writes_and_replaces_without_leftovers() {
        let dir = tempfile::tempdir().unwrap();
        let f = |n: &str, b: &str| OutputFile {
            name: n.into(),
            bytes: b.as_bytes().to_vec(),
        };
        write_all(dir.path(), &[f("a.txt", "one"), f("b.txt", "two")]).unwrap();
        write_all(dir.path(), &[f("a.txt", "three")]).unwrap();
        assert_eq!(
            std::fs::read_to_string(dir.path().join("a.txt")).unwrap(),
            "three"
        );
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 2);
    }

    #[test]
    fn refuses_names_with_paths() {
        let dir = tempfile::tempdir().unwrap();
        let bad = OutputFile {
            name: "../x".into(),
            bytes: vec![],
        };
        assert!(write_all(dir.path(), &[bad]).is_err());
    }
}
