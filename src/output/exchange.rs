//! The one step that makes a write visible: the staging folder and the target trade places.
//!
//! On Linux (`renameat2(RENAME_EXCHANGE)`) and macOS (`renameatx_np(RENAME_SWAP)`) both names
//! change in one atomic step. Elsewhere, or on a file system that cannot exchange (some network
//! and FUSE file systems answer EINVAL), the fallback is two renames: the old folder to a hidden
//! `.NAME.tripmap-old` beside it, then the new one into place; a write killed between the
//! two leaves no folder at the target, and the next write puts the old one back first
//! ([`super::stage::clean_stale`]).

use std::io;
use std::path::Path;

/// How the old folder left the target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Swapped {
    /// Atomically: the old folder now has the staging folder's name.
    Exchanged,
    /// By the fallback: the old folder was renamed to `old`, then the staging folder into place.
    Renamed,
}

/// Whether the platform has an atomic exchange.
const HAS_EXCHANGE: bool = cfg!(any(
    target_os = "linux",
    target_os = "android",
    target_vendor = "apple"
));

/// Exchanges the folders `parent/staged` and `parent/target`; with `no_exchange` (or where that
/// cannot be done) renames `target` to `parent/old` and then `staged` to `target`, calling
/// `between` between the two renames (the fault-injection point).
pub(crate) fn swap(
    parent: &Path,
    staged: &str,
    target: &str,
    old: &str,
    no_exchange: bool,
    between: impl FnOnce() -> io::Result<()>,
) -> io::Result<Swapped> {
    if HAS_EXCHANGE && !no_exchange {
        match exchange(parent, staged, target) {
            Ok(()) => return Ok(Swapped::Exchanged),
            Err(e) if !cannot_exchange(&e) => return Err(e),
            Err(_) => {}
        }
    }
    rename_new(parent, target, old)?;
    if let Err(e) =
        between().and_then(|_| std::fs::rename(parent.join(staged), parent.join(target)))
    {
        // Put the old folder back; a kill here is repaired by the next write.
        let _ = std::fs::rename(parent.join(old), parent.join(target));
        return Err(e);
    }
    Ok(Swapped::Renamed)
}

/// Whether an exchange failed only because the file system (or kernel) cannot do it.
fn cannot_exchange(e: &io::Error) -> bool {
    matches!(
        e.raw_os_error(),
        Some(code) if code == libc_code::EINVAL || code == libc_code::ENOSYS || code == libc_code::ENOTSUP
    )
}

/// The errno values that mean "not supported here".
mod libc_code {
    #[cfg(unix)]
    pub const EINVAL: i32 = rustix::io::Errno::INVAL.raw_os_error();
    #[cfg(unix)]
    pub const ENOSYS: i32 = rustix::io::Errno::NOSYS.raw_os_error();
    #[cfg(unix)]
    pub const ENOTSUP: i32 = rustix::io::Errno::NOTSUP.raw_os_error();
    #[cfg(not(unix))]
    pub const EINVAL: i32 = -1;
    #[cfg(not(unix))]
    pub const ENOSYS: i32 = -1;
    #[cfg(not(unix))]
    pub const ENOTSUP: i32 = -1;
}

#[cfg(any(target_os = "linux", target_os = "android", target_vendor = "apple"))]
fn exchange(parent: &Path, a: &str, b: &str) -> io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(
        CWD,
        parent.join(a),
        CWD,
        parent.join(b),
        RenameFlags::EXCHANGE,
    )
    .map_err(io::Error::from)
}

#[cfg(not(any(target_os = "linux", target_os = "android", target_vendor = "apple")))]
fn exchange(_: &Path, _: &str, _: &str) -> io::Result<()> {
    Err(io::Error::from(io::ErrorKind::Unsupported))
}

/// Renames `parent/from` to `parent/to` only if `to` does not exist (atomically where the
/// platform can; elsewhere a check then a rename). `AlreadyExists` when it does.
pub(crate) fn rename_new(parent: &Path, from: &str, to: &str) -> io::Result<()> {
    #[cfg(any(target_os = "linux", target_os = "android", target_vendor = "apple"))]
    {
        use rustix::fs::{CWD, RenameFlags, renameat_with};
        match renameat_with(
            CWD,
            parent.join(from),
            CWD,
            parent.join(to),
            RenameFlags::NOREPLACE,
        ) {
            Ok(()) => return Ok(()),
            Err(e) if e == rustix::io::Errno::EXIST => {
                return Err(io::Error::from(io::ErrorKind::AlreadyExists));
            }
            Err(e) if !cannot_exchange(&io::Error::from(e)) => return Err(e.into()),
            Err(_) => {}
        }
    }
    if std::fs::symlink_metadata(parent.join(to)).is_ok() {
        return Err(io::Error::from(io::ErrorKind::AlreadyExists));
    }
    std::fs::rename(parent.join(from), parent.join(to))
}

#[cfg(test)]
mod test {
    use super::*;

    fn folder(parent: &Path, name: &str, file: &str) {
        std::fs::create_dir(parent.join(name)).unwrap();
        std::fs::write(parent.join(name).join(file), name).unwrap();
    }

    #[test]
    fn both_ways_trade_the_folders() {
        for no_exchange in [false, true] {
            let dir = tempfile::tempdir().unwrap();
            folder(dir.path(), "new", "a");
            folder(dir.path(), "cur", "b");
            let how = swap(dir.path(), "new", "cur", "old", no_exchange, || Ok(())).unwrap();
            assert!(dir.path().join("cur/a").exists());
            let old = if how == Swapped::Exchanged {
                "new"
            } else {
                "old"
            };
            assert!(dir.path().join(old).join("b").exists());
            assert_eq!(how == Swapped::Renamed, no_exchange || !HAS_EXCHANGE);
        }
    }

    #[test]
    fn a_failure_between_the_renames_puts_the_old_folder_back() {
        let dir = tempfile::tempdir().unwrap();
        folder(dir.path(), "new", "a");
        folder(dir.path(), "cur", "b");
        let e = swap(dir.path(), "new", "cur", "old", true, || {
            Err(io::Error::from(io::ErrorKind::StorageFull))
        });
        assert!(e.is_err());
        assert!(dir.path().join("cur/b").exists());
        assert!(!dir.path().join("old").exists());
    }

    #[test]
    fn rename_new_never_replaces() {
        let dir = tempfile::tempdir().unwrap();
        folder(dir.path(), "a", "x");
        folder(dir.path(), "b", "y");
        let e = rename_new(dir.path(), "a", "b").unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::AlreadyExists);
        rename_new(dir.path(), "a", "c").unwrap();
        assert!(dir.path().join("c/x").exists());
    }
}
