//! Staging folders: a fresh hidden folder beside the target, `.NAME.tripmap-stage-XXXXXX`, where
//! the new outputs are written (and the user's files carried) before the swap; the old folder of
//! the two-rename fallback, `.NAME.tripmap-old`; and the clean-up of those left by killed writes.

use super::fault::Faults;
use super::lock::{self, DirLock};
use super::target::Target;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Letters of the random part of a staging name.
const RANDOM_LEN: usize = 6;

/// A staging folder, locked while it lives (so no other write takes it for a killed one's) and
/// removed when dropped unless it was swapped in.
#[derive(Debug)]
pub(crate) struct Stage {
    parent: PathBuf,
    /// The folder's name in `parent`.
    pub(crate) name: String,
    /// Taken out by [`Stage::keep`]; while here, dropping the stage removes its folder.
    lock: Option<DirLock>,
}

/// The name prefix of `target`'s staging folders of `kind` (`stage` or `old`).
fn prefix(target: &str, kind: &str) -> String {
    format!(".{target}.tripmap-{kind}-")
}

/// A name for a new hidden folder of `kind` beside `target`.
pub(crate) fn fresh_name(target: &str, kind: &str) -> String {
    let random: String = std::iter::repeat_with(fastrand::alphanumeric)
        .take(RANDOM_LEN)
        .collect();
    format!("{}{random}", prefix(target, kind))
}

/// The name the two-rename fallback gives `target`'s old folder between its renames. It is
/// fixed, not random, so a write that finds the target missing looks for it with one `open`
/// instead of listing the parent folder (which made a first run of `render --jsonl -o DIR`
/// quadratic in the number of trips). Only the holder of the target's lock makes it.
pub(crate) fn old_name(target: &str) -> String {
    format!(".{target}{OLD_SUFFIX}")
}

/// What [`old_name`] puts after the target's name.
const OLD_SUFFIX: &str = ".tripmap-old";

/// Whether `entry` is one of `target`'s hidden folders of `kind`.
fn is_ours(entry: &str, target: &str, kind: &str) -> bool {
    entry
        .strip_prefix(&prefix(target, kind))
        .is_some_and(|r| r.len() == RANDOM_LEN && r.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// How many staging folders a write makes before giving up, when other writes' clean-ups keep
/// taking them.
const STAGE_ATTEMPTS: usize = 1000;

impl Stage {
    /// Creates and locks a new staging folder beside `target`, with `mode` (the old folder's
    /// permissions) when given, else the default for new folders.
    pub(crate) fn create(target: &Target, mode: Option<std::fs::Permissions>) -> io::Result<Stage> {
        // Another write's clean-up may take a folder this new for a stale one (it is not locked
        // for a moment after it is made) and remove it; then a fresh one is made.
        for _ in 0..STAGE_ATTEMPTS {
            let name = fresh_name(&target.name, "stage");
            let path = target.parent.join(&name);
            match std::fs::create_dir(&path) {
                Ok(()) => {}
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(e),
            }
            let Some(lock) = lock::try_lock(&path) else {
                let _ = std::fs::remove_dir(&path);
                continue;
            };
            let stage = Stage {
                parent: target.parent.clone(),
                name,
                lock: Some(lock),
            };
            if let Some(mode) = mode {
                std::fs::set_permissions(&path, mode)?;
            }
            return Ok(stage);
        }
        Err(io::Error::other("could not lock a staging folder"))
    }

    /// The folder's path.
    pub(crate) fn path(&self) -> PathBuf {
        self.parent.join(&self.name)
    }

    /// Writes `bytes` as `name`, flushed to disk, `rw-r--r--`; a fault point halfway.
    pub(crate) fn write(&self, name: &str, bytes: &[u8], faults: &mut Faults) -> io::Result<()> {
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o644);
        }
        let mut file = options.open(self.path().join(name))?;
        let half = bytes.len() / 2;
        file.write_all(&bytes[..half])?;
        faults.point()?;
        file.write_all(&bytes[half..])?;
        file.sync_all()
    }

    /// Puts the user's file or link `from` into the stage under the same name: a hard link (the
    /// same file, not a copy), or a copy where links cannot be made.
    pub(crate) fn carry(&self, from: &Path, name: &std::ffi::OsStr) -> io::Result<()> {
        let to = self.path().join(name);
        let meta = std::fs::symlink_metadata(from)?;
        #[cfg(unix)]
        if meta.file_type().is_symlink() {
            return std::os::unix::fs::symlink(std::fs::read_link(from)?, &to);
        }
        if std::fs::hard_link(from, &to).is_ok() {
            return Ok(());
        }
        std::fs::copy(from, &to).map(drop)
    }

    /// Flushes the folder's list of names to disk.
    pub(crate) fn sync(&self) -> io::Result<()> {
        sync_dir(&self.path())
    }

    /// Leaves the folder in place (it was swapped in); returns its lock, to hold until the
    /// write is over.
    pub(crate) fn keep(mut self) -> Option<DirLock> {
        self.lock.take()
    }
}

impl Drop for Stage {
    fn drop(&mut self) {
        if self.lock.is_some() {
            let _ = std::fs::remove_dir_all(self.path());
        }
    }
}

/// Flushes a folder's entries to disk (a no-op where folders cannot be opened).
pub(crate) fn sync_dir(path: &Path) -> io::Result<()> {
    match std::fs::File::open(path) {
        Ok(f) => f.sync_all().or(Ok(())),
        Err(_) => Ok(()),
    }
}

/// Removes the folder `path` a file at a time, a fault point after each (a kill mid-way is what
/// the next write's [`clean_stale`] must finish).
pub(crate) fn remove(path: &Path, faults: &mut Faults) -> io::Result<()> {
    for entry in std::fs::read_dir(path)? {
        std::fs::remove_file(entry?.path())?;
        faults.point()?;
    }
    std::fs::remove_dir(path)
}

/// Removes `target`'s staging folders that no live write holds: those of writes that were killed
/// (the kernel released their locks). With the two-rename fallback a write killed between its
/// renames leaves the target missing and the old folder under `.NAME.tripmap-old`: that folder
/// is renamed back first, so the target is again entirely the old one.
pub(crate) fn clean_stale(target: &Target) {
    clean_where(&target.parent, |owner| owner == target.name);
}

/// [`clean_stale`] for every target in `parent` at once, with one listing of the folder: for a
/// run that writes many folders side by side (`render --jsonl -o DIR` writes `DIR/<id>/`),
/// which would otherwise list `DIR` once per folder written.
pub(crate) fn clean_stale_in(parent: &Path) {
    clean_where(parent, |_| true);
}

/// The clean-up of the staging folders in `parent` whose target's name passes `wanted`.
fn clean_where(parent: &Path, wanted: impl Fn(&str) -> bool) {
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    // (target's name, staging folder's name, whether it is an old folder)
    let mut found: Vec<(String, String, bool)> = entries
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|n| {
            let (owner, old) = owner_of(&n)?;
            wanted(owner).then(|| (owner.to_string(), n.clone(), old))
        })
        .collect();
    // Old folders first: restoring one must come before deleting anything.
    found.sort_by_key(|(_, _, old)| !old);
    for (owner, name, old) in found {
        settle(parent, &owner, &name, old);
    }
}

/// What became of a folder [`settle`] was given.
#[derive(Debug, PartialEq)]
enum Settled {
    /// A live write holds it: left alone.
    Held,
    /// It was an old folder and its target was missing: it is the target again.
    Restored,
    /// It was an old folder, its target was missing, and it could not be put back (a rename
    /// refused for another reason than the target being there): left alone, never removed.
    Kept,
    /// Removed (or already gone).
    Removed,
}

/// Settles the hidden folder `parent/name` of the target `parent/owner`, if no live write holds
/// it: an old folder whose target is missing is renamed back into place (or, when that fails,
/// kept); a stage, or an old folder whose target is there, is removed.
fn settle(parent: &Path, owner: &str, name: &str, old: bool) -> Settled {
    let path = parent.join(name);
    let Some(held) = lock::try_lock(&path) else {
        return if std::fs::symlink_metadata(&path).is_ok() {
            Settled::Held
        } else {
            Settled::Removed
        };
    };
    if old {
        match super::exchange::rename_new(parent, name, owner) {
            Ok(()) => return Settled::Restored,
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(_) => return Settled::Kept,
        }
    }
    // A stage, or an old folder whose target is there again: what it holds is in no output.
    let _ = std::fs::remove_dir_all(&path);
    drop(held);
    Settled::Removed
}

/// For a staging folder's name, its target's name and whether it is an old folder (`None` for
/// any other name). Old folders are named by [`old_name`], or, if tripmap 0.1 left them,
/// `.NAME.tripmap-old-XXXXXX`.
fn owner_of(entry: &str) -> Option<(&str, bool)> {
    let rest = entry.strip_prefix('.')?;
    if let Some(owner) = rest.strip_suffix(OLD_SUFFIX).filter(|o| !o.is_empty()) {
        return Some((owner, true));
    }
    ["stage", "old"].into_iter().find_map(|kind| {
        let marker = format!(".tripmap-{kind}-");
        let at = rest.rfind(&marker)?;
        let owner = &rest[..at];
        is_ours(entry, owner, kind).then_some((owner, kind == "old"))
    })
}

/// For a target found missing: waits while a live write of the two-rename fallback is between
/// its renames (it holds the lock of the target's old folder), and puts back the old folder a
/// killed one left; `true` if either happened, so the caller looks again. Without the wait a
/// second writer would create the target in that moment, and the first one's old folder, with
/// the user's files, would be left aside. One `open` of a known name: no listing.
pub(crate) fn wait_for_moving_write(target: &Target) -> bool {
    let old = old_name(&target.name);
    lock::wait_if_held(&target.parent.join(&old))
        || settle(&target.parent, &target.name, &old, true) == Settled::Restored
}

/// Clears the way for the fallback's first rename: removes an old folder of `target` that a
/// killed write left after its swap (the caller holds the target's lock, so no live write can
/// be using that name), waiting if a clean-up holds it meanwhile.
pub(crate) fn clear_old(target: &Target) {
    let name = old_name(&target.name);
    while settle(&target.parent, &target.name, &name, false) == Settled::Held {
        lock::wait_if_held(&target.parent.join(&name));
    }
}

#[cfg(test)]
mod test {
    use super::*;

    fn target(dir: &Path) -> Target {
        Target {
            parent: dir.to_path_buf(),
            name: "out".into(),
        }
    }

    #[test]
    fn a_staging_folder_names_its_target() {
        assert_eq!(owner_of(&fresh_name("out", "stage")), Some(("out", false)));
        assert_eq!(owner_of(&fresh_name("a.b", "old")), Some(("a.b", true)));
        let nested = fresh_name("x.tripmap-stage-abcdef", "stage");
        assert_eq!(owner_of(&nested), Some(("x.tripmap-stage-abcdef", false)));
        assert_eq!(owner_of(&old_name("a.b")), Some(("a.b", true)));
        assert_eq!(owner_of(".tripmap-old"), None);
        assert_eq!(owner_of(".out.tripmap-stage-abc"), None);
        assert_eq!(owner_of("out.tripmap-stage-abcdef"), None);
    }

    #[test]
    fn one_sweep_cleans_every_target_in_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        let live = Stage::create(&target(dir.path()), None).unwrap();
        let dead: Vec<PathBuf> = ["a", "b", "c.d"]
            .iter()
            .map(|t| dir.path().join(fresh_name(t, "stage")))
            .collect();
        for d in &dead {
            std::fs::create_dir(d).unwrap();
            std::fs::write(d.join("map.svg"), "x").unwrap();
        }
        let user = dir.path().join(".a.notes");
        std::fs::write(&user, "kept").unwrap();
        clean_stale_in(dir.path());
        assert!(dead.iter().all(|d| !d.exists()));
        assert!(live.path().exists() && user.exists());
    }

    #[test]
    fn names_are_recognised_exactly() {
        let n = fresh_name("out", "stage");
        assert!(is_ours(&n, "out", "stage"));
        assert!(!is_ours(&n, "ou", "stage"));
        assert!(!is_ours(&n, "out", "old"));
        assert!(!is_ours(&format!("{n}x"), "out", "stage"));
        // A target whose name continues another's stage prefix is not mistaken for it.
        let longer = fresh_name("out.tripmap-stage-abcdef", "stage");
        assert!(!is_ours(&longer, "out", "stage"));
    }

    #[test]
    fn clean_up_spares_live_stages_and_removes_dead_ones() {
        let dir = tempfile::tempdir().unwrap();
        let t = target(dir.path());
        let live = Stage::create(&t, None).unwrap();
        live.write("a.txt", b"x", &mut Faults::none()).unwrap();
        let dead = dir.path().join(fresh_name("out", "stage"));
        std::fs::create_dir(&dead).unwrap();
        std::fs::write(dead.join("b.txt"), "y").unwrap();
        let other = dir.path().join(fresh_name("other", "stage"));
        std::fs::create_dir(&other).unwrap();
        clean_stale(&t);
        assert!(live.path().join("a.txt").exists());
        assert!(!dead.exists());
        assert!(other.exists(), "another target's stage is left to it");
        let path = live.path();
        drop(live);
        assert!(!path.exists(), "an unused stage removes itself");
    }

    /// A target found missing, with a killed fallback write's old folder beside it: the old
    /// folder comes back; with a live write's (its lock held), the caller waits for that write.
    #[test]
    fn a_missing_target_gets_its_old_folder_back_or_waits_for_its_writer() {
        let dir = tempfile::tempdir().unwrap();
        let t = target(dir.path());
        assert!(!wait_for_moving_write(&t), "nothing to wait for");
        let old = dir.path().join(old_name("out"));
        std::fs::create_dir(&old).unwrap();
        std::fs::write(old.join("notes.txt"), "mine").unwrap();
        let held = lock::try_lock(&old).unwrap();
        let waited = std::thread::scope(|s| {
            let waiter = s.spawn(|| wait_for_moving_write(&t));
            std::thread::sleep(std::time::Duration::from_millis(50));
            assert!(
                !waiter.is_finished(),
                "it went on while the old folder was held"
            );
            std::fs::rename(&old, t.path()).unwrap();
            drop(held);
            waiter.join().unwrap()
        });
        assert!(waited);
        std::fs::rename(t.path(), &old).unwrap();
        assert!(
            wait_for_moving_write(&t),
            "a killed write's old folder is restored"
        );
        assert_eq!(std::fs::read(t.path().join("notes.txt")).unwrap(), b"mine");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    /// The fallback's first rename needs the old folder's name free: a killed write's leftover
    /// (its target exists) is removed.
    #[test]
    fn clearing_the_old_name_removes_a_leftover() {
        let dir = tempfile::tempdir().unwrap();
        let t = target(dir.path());
        std::fs::create_dir(t.path()).unwrap();
        let old = dir.path().join(old_name("out"));
        std::fs::create_dir(&old).unwrap();
        std::fs::write(old.join("map.svg"), "stale").unwrap();
        clear_old(&t);
        assert!(!old.exists() && t.path().exists());
        clear_old(&t);
    }

    #[test]
    fn an_old_folder_comes_back_when_the_target_is_missing() {
        let dir = tempfile::tempdir().unwrap();
        let t = target(dir.path());
        let old = dir.path().join(fresh_name("out", "old"));
        std::fs::create_dir(&old).unwrap();
        std::fs::write(old.join("map.svg"), "old").unwrap();
        let stage = dir.path().join(fresh_name("out", "stage"));
        std::fs::create_dir(&stage).unwrap();
        clean_stale(&t);
        assert_eq!(std::fs::read(t.path().join("map.svg")).unwrap(), b"old");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
