//! Advisory locks on folders (`flock`, through `std::fs::File::lock`): one on the target folder
//! serialises writers to it, one on each staging folder tells a live write from a killed one.
//! The kernel drops a lock when its holder dies, `kill -9` included, so no lock is ever stale.

use std::fs::File;
use std::io;
use std::path::Path;

/// A lock held on a folder until dropped.
#[derive(Debug)]
pub(crate) struct DirLock {
    _file: File,
}

/// Opens the folder at `path` for locking.
fn open_dir(path: &Path) -> io::Result<File> {
    File::open(path)
}

/// The identity of an open file or a path: device and inode.
#[cfg(unix)]
fn identity(meta: &std::fs::Metadata) -> (u64, u64) {
    use std::os::unix::fs::MetadataExt;
    (meta.dev(), meta.ino())
}

#[cfg(not(unix))]
fn identity(_: &std::fs::Metadata) -> (u64, u64) {
    (0, 0)
}

/// Waits for the exclusive lock on the folder at `path`, as it is once the lock is held: a
/// writer that swapped the folder while we waited leaves our lock on the old one, so the path is
/// checked again and the wait repeated on the new folder. `None` when nothing is at `path`.
pub(crate) fn lock_target(path: &Path) -> io::Result<Option<DirLock>> {
    loop {
        let file = match open_dir(path) {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e),
        };
        file.lock()?;
        let held = identity(&file.metadata()?);
        match std::fs::metadata(path) {
            Ok(now) if identity(&now) == held => return Ok(Some(DirLock { _file: file })),
            Ok(_) => continue,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e),
        }
    }
}

/// The lock on the folder at `path` if no one holds it (`None` when someone does or it is gone).
pub(crate) fn try_lock(path: &Path) -> Option<DirLock> {
    let file = open_dir(path).ok()?;
    file.try_lock().ok()?;
    Some(DirLock { _file: file })
}

/// If someone holds the lock on the folder at `path`, waits until they let go; `true` if it
/// waited.
pub(crate) fn wait_if_held(path: &Path) -> bool {
    let Ok(file) = open_dir(path) else {
        return false;
    };
    if file.try_lock().is_ok() {
        return false;
    }
    let _ = file.lock();
    true
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn a_held_lock_is_refused_to_others_and_released_on_drop() {
        let dir = tempfile::tempdir().unwrap();
        let held = lock_target(dir.path()).unwrap().unwrap();
        assert!(try_lock(dir.path()).is_none());
        drop(held);
        assert!(try_lock(dir.path()).is_some());
        assert!(lock_target(&dir.path().join("missing")).unwrap().is_none());
    }
}
