//! Writes outputs so that a reader, a crash or a second writer never sees a mix: the whole
//! output folder is replaced in one step.
//!
//! [`write_all`] writes every file into a fresh hidden staging folder beside the target
//! (`.NAME.tripmap-stage-XXXXXX`), carries over the files in the target that tripmap did not write
//! (as hard links: the same files, not copies), flushes it all to disk, then exchanges the staging
//! folder with the target in one atomic step (`renameat2(RENAME_EXCHANGE)` on Linux; see
//! the README's "Limits and output safety" for other systems) and deletes the old folder. Writers to one folder take an
//! advisory lock on it, so they run one after another; a write killed at any point leaves the
//! target entirely old (or absent, if it was) plus a hidden staging folder, which the next write
//! removes. [`write_file`] does the same for one file in a folder tripmap does not own (`tripmap
//! extract -o trip.json`), where the last step is a rename of the file alone.

mod error;
mod exchange;
mod fault;
mod lock;
mod stage;
mod target;

pub use error::OutputError;

use fault::Faults;
use stage::Stage;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use target::Target;

/// One output file: a name inside the output folder (no path separators) and its bytes.
#[derive(Debug, Clone)]
pub struct OutputFile {
    /// File name, such as `stops.geojson`.
    pub name: String,
    /// Contents.
    pub bytes: Vec<u8>,
}

/// Replaces the folder `dir` (created if missing) with one holding exactly `files` plus the
/// entries of the old folder that tripmap did not write, in one atomic step. Returns the paths
/// written.
///
/// tripmap's names are those of [`crate::render::OutputFormat`] and of `files`: an old `map.png`
/// is gone after a write without one, so the folder never mixes two renders. Any other plain file
/// or symbolic link in the folder is kept (the same file, hard-linked into the new folder); a
/// subfolder, a device or a folder where an output goes is refused before anything is touched,
/// as are `dir` naming a file and `dir` being the current folder. Names must be plain file names
/// (no separators, no `.`/`..`, no leading dot, no control characters, no duplicates), so no
/// input can steer a path outside `dir`.
pub fn write_all(dir: &Path, files: &[OutputFile]) -> Result<Vec<PathBuf>, OutputError> {
    write_all_with(dir, files, &mut Faults::from_env())
}

/// Replaces the file at `path` with `bytes` in one atomic step (a rename from a staging folder
/// beside it), under the same lock and clean-up as [`write_all`]. An existing folder, device or
/// other non-file at `path` is refused. Returns the path written.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<PathBuf, OutputError> {
    write_file_with(path, bytes, &mut Faults::from_env())
}

/// Checks that `name` is a plain file name that stays inside the output folder.
fn check_name(name: &str) -> Result<(), OutputError> {
    let bad = name.is_empty()
        || name.starts_with('.')
        || name.contains(['/', '\\', ':'])
        || name.chars().any(|c| c.is_control())
        || name.len() > 255;
    if bad {
        return Err(OutputError::BadName(name.escape_debug().to_string()));
    }
    Ok(())
}

/// Whether tripmap writes files called `name` (so an old one is replaced, not kept). Also the
/// hidden `.map.svg.XXXXXX.tmp` and `.bak` files that writes of tripmap 0.1 killed midway left in
/// the folder: they are dropped, not carried.
fn is_tripmap_name(name: &str, files: &[OutputFile]) -> bool {
    let ours = |n: &str| {
        files.iter().any(|f| f.name == n)
            || crate::render::OutputFormat::ALL
                .iter()
                .any(|f| f.files().iter().any(|o| o.file == n))
    };
    let leftover = name
        .strip_prefix('.')
        .filter(|rest| rest.ends_with(".tmp") || rest.ends_with(".bak"))
        .and_then(|rest| rest.rsplitn(3, '.').nth(2))
        .is_some_and(ours);
    ours(name) || leftover
}

/// The entries of the old folder to carry into the new one; refuses what cannot be carried.
fn entries_to_carry(
    t: &Target,
    shown: &Path,
    files: &[OutputFile],
) -> Result<Vec<OsString>, OutputError> {
    let read = |e| OutputError::io(format!("reading {}", shown.display()))(e);
    let mut carry = Vec::new();
    for entry in std::fs::read_dir(t.path()).map_err(read)? {
        let entry = entry.map_err(read)?;
        let kind = entry.file_type().map_err(read)?;
        let name = entry.file_name();
        let ours = name.to_str().is_some_and(|n| is_tripmap_name(n, files));
        if (ours && kind.is_file()) || (!ours && (kind.is_file() || kind.is_symlink())) {
            if !ours {
                carry.push(name);
            }
            continue;
        }
        return Err(OutputError::Foreign {
            dir: shown.to_path_buf(),
            name: name.to_string_lossy().escape_debug().to_string(),
            what: target::kind_of(&kind),
        });
    }
    carry.sort();
    Ok(carry)
}

/// [`write_all`] with a fault plan.
fn write_all_with(
    dir: &Path,
    files: &[OutputFile],
    faults: &mut Faults,
) -> Result<Vec<PathBuf>, OutputError> {
    let mut seen = std::collections::BTreeSet::new();
    for f in files {
        check_name(&f.name)?;
        if !seen.insert(f.name.as_str()) {
            return Err(OutputError::BadName(format!("{} (given twice)", f.name)));
        }
    }
    let t = Target::resolve(dir)?;
    t.check_folder(dir)?;
    let written = files.iter().map(|f| dir.join(&f.name)).collect();
    loop {
        stage::clean_stale(&t);
        let locked = lock::lock_target(&t.path())
            .map_err(OutputError::io(format!("locking {}", dir.display())))?;
        faults.point().map_err(OutputError::io("locking"))?;
        let done = match locked {
            None if stage::wait_for_moving_write(&t) => false,
            None => create_folder(&t, dir, files, faults)?,
            Some(held) => {
                replace_folder(&t, dir, files, faults)?;
                drop(held);
                true
            }
        };
        if done {
            return Ok(written);
        }
    }
}

/// Writes `files` into a stage, in the order given, then flushes the stage.
fn fill(
    stage: &Stage,
    dir: &Path,
    files: &[OutputFile],
    faults: &mut Faults,
) -> Result<(), OutputError> {
    for f in files {
        let step = format!("writing {}", dir.join(&f.name).display());
        stage
            .write(&f.name, &f.bytes, faults)
            .and_then(|_| faults.point())
            .map_err(OutputError::io(step))?;
    }
    Ok(())
}

/// The target does not exist: stage the outputs and rename the stage into place, unless another
/// write created the target meanwhile (then `false`: try again, as a replacement).
fn create_folder(
    t: &Target,
    dir: &Path,
    files: &[OutputFile],
    faults: &mut Faults,
) -> Result<bool, OutputError> {
    let staging = format!("creating a staging folder beside {}", dir.display());
    let stage = Stage::create(t, None).map_err(OutputError::io(staging))?;
    faults.point().map_err(OutputError::io("staging"))?;
    fill(&stage, dir, files, faults)?;
    let flush = format!("flushing {}", dir.display());
    stage
        .sync()
        .and_then(|_| faults.point())
        .map_err(OutputError::io(flush))?;
    match exchange::rename_new(&t.parent, &stage.name, &t.name) {
        Ok(()) => {
            let _held = stage.keep();
            let _ = stage::sync_dir(&t.parent);
            let _ = faults.point();
            Ok(true)
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
        Err(e) => Err(OutputError::io(format!(
            "moving the outputs into {}",
            dir.display()
        ))(e)),
    }
}

/// The target exists and we hold its lock: stage the outputs and the user's files, swap, and
/// delete the old folder.
fn replace_folder(
    t: &Target,
    dir: &Path,
    files: &[OutputFile],
    faults: &mut Faults,
) -> Result<(), OutputError> {
    t.check_folder(dir)?;
    let carry = entries_to_carry(t, dir, files)?;
    let mode = std::fs::metadata(t.path()).ok().map(|m| m.permissions());
    let staging = format!("creating a staging folder beside {}", dir.display());
    let stage = Stage::create(t, mode).map_err(OutputError::io(staging))?;
    faults.point().map_err(OutputError::io("staging"))?;
    fill(&stage, dir, files, faults)?;
    for name in &carry {
        let from = t.path().join(name);
        let step = format!("keeping {}", dir.join(name).display());
        stage.carry(&from, name).map_err(OutputError::io(step))?;
    }
    let flush = format!("flushing {}", dir.display());
    stage
        .sync()
        .and_then(|_| faults.point())
        .map_err(OutputError::io(flush))?;
    let old = stage::fresh_name(&t.name, "old");
    let no_exchange = faults.no_exchange;
    let swapped = exchange::swap(&t.parent, &stage.name, &t.name, &old, no_exchange, || {
        faults.point()
    })
    .map_err(OutputError::io(format!("replacing {}", dir.display())))?;
    // The new folder is in place: nothing after this can fail the write. A kill from here on
    // leaves the old folder under a hidden name, for the next write to delete.
    let old = match swapped {
        exchange::Swapped::Exchanged => t.parent.join(&stage.name),
        exchange::Swapped::Renamed => t.parent.join(old),
    };
    let _held = stage.keep();
    let _ = stage::sync_dir(&t.parent);
    let _ = faults.point();
    rescue_late_files(&old, &t.path(), files);
    if stage::remove(&old, faults).is_err() {
        // Whatever stopped the file-by-file removal, the old folder must not stay.
        let _ = std::fs::remove_dir_all(&old);
    }
    Ok(())
}

/// Moves into the new folder what the user put into the old one while it was being staged (files
/// tripmap does not write and the new folder lacks), so deleting the old folder loses none.
fn rescue_late_files(old: &Path, new: &Path, files: &[OutputFile]) {
    let Ok(entries) = std::fs::read_dir(old) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let ours = name.to_str().is_some_and(|n| is_tripmap_name(n, files));
        if !ours && std::fs::symlink_metadata(new.join(&name)).is_err() {
            let _ = std::fs::rename(entry.path(), new.join(&name));
        }
    }
}

/// [`write_file`] with a fault plan.
fn write_file_with(path: &Path, bytes: &[u8], faults: &mut Faults) -> Result<PathBuf, OutputError> {
    let t = Target::resolve(path)?;
    t.check_file(path)?;
    stage::clean_stale(&t);
    let parent = t.parent.display().to_string();
    let held = lock::lock_target(&t.parent)
        .map_err(OutputError::io(format!("locking {parent}")))?
        .ok_or_else(|| {
            OutputError::io(format!("locking {parent}"))(std::io::ErrorKind::NotFound.into())
        })?;
    faults.point().map_err(OutputError::io("locking"))?;
    t.check_file(path)?;
    let staging = format!("creating a staging folder beside {}", path.display());
    let stage = Stage::create(&t, None).map_err(OutputError::io(staging))?;
    faults.point().map_err(OutputError::io("staging"))?;
    let step = format!("writing {}", path.display());
    stage
        .write(&t.name, bytes, faults)
        .and_then(|_| faults.point())
        .map_err(OutputError::io(step))?;
    std::fs::rename(stage.path().join(&t.name), t.path())
        .map_err(OutputError::io(format!("replacing {}", path.display())))?;
    let _ = stage::sync_dir(&t.parent);
    let _ = faults.point();
    drop(stage);
    drop(held);
    Ok(path.to_path_buf())
}

#[cfg(test)]
mod test {
    use super::fault::Fault;
    use super::*;

    fn f(n: &str, b: &str) -> OutputFile {
        OutputFile {
            name: n.into(),
            bytes: b.as_bytes().to_vec(),
        }
    }

    /// Every entry of `dir` (names and bytes), sorted.
    fn listing(dir: &Path) -> Vec<(String, Vec<u8>)> {
        let mut v: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| {
                let e = e.unwrap();
                let bytes = std::fs::read(e.path()).unwrap_or_default();
                (e.file_name().to_string_lossy().into_owned(), bytes)
            })
            .collect();
        v.sort();
        v
    }

    /// Names in the folder holding the target: the target alone, nothing staged.
    fn beside(target: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(target.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn a_write_replaces_the_set_and_keeps_the_users_files() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("out");
        write_all(&dir, &[f("map.svg", "one"), f("map.png", "png")]).unwrap();
        std::fs::write(dir.join("notes.txt"), "mine").unwrap();
        // Leftovers of the old file-by-file writer, killed midway.
        std::fs::write(dir.join(".map.svg.a1B2c3.tmp"), "half").unwrap();
        std::fs::write(dir.join(".stops.geojson.x9Y8z7.bak"), "old").unwrap();
        write_all(&dir, &[f("map.svg", "two")]).unwrap();
        assert_eq!(
            listing(&dir),
            vec![
                ("map.svg".into(), b"two".to_vec()),
                ("notes.txt".into(), b"mine".to_vec())
            ],
            "the old map.png goes with its render; the user's file stays"
        );
        assert_eq!(beside(&dir), ["out"]);
    }

    #[cfg(unix)]
    #[test]
    fn kept_files_are_the_same_files_and_outputs_are_readable_by_others() {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("out");
        std::fs::create_dir(&dir).unwrap();
        std::fs::write(dir.join("notes.txt"), "mine").unwrap();
        std::os::unix::fs::symlink("notes.txt", dir.join("link")).unwrap();
        let ino = std::fs::metadata(dir.join("notes.txt")).unwrap().ino();
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o750)).unwrap();
        write_all(&dir, &[f("map.svg", "<svg/>")]).unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&dir.join("map.svg")) & 0o644, 0o644);
        assert_eq!(mode(&dir), 0o750, "the folder keeps its permissions");
        assert_eq!(std::fs::metadata(dir.join("notes.txt")).unwrap().ino(), ino);
        assert_eq!(
            std::fs::read_link(dir.join("link")).unwrap(),
            Path::new("notes.txt")
        );
    }

    /// A failure at each point in turn, in both swap modes: the folder is as it was and nothing
    /// is left beside it; past the last point the write goes through.
    #[test]
    fn a_failure_at_any_step_changes_nothing() {
        for no_exchange in [false, true] {
            let root = tempfile::tempdir().unwrap();
            let dir = root.path().join("out");
            write_all(&dir, &[f("map.svg", "old"), f("stops.geojson", "old")]).unwrap();
            std::fs::write(dir.join("notes.txt"), "mine").unwrap();
            let before = listing(&dir);
            let new = [
                f("stops.geojson", "new"),
                f("map.svg", "new"),
                f("trip.kml", "new"),
            ];
            let mut n = 1;
            loop {
                let mut faults = Faults::at(n, Fault::NoSpace);
                faults.no_exchange = no_exchange;
                match write_all_with(&dir, &new, &mut faults) {
                    Err(e) => {
                        assert!(e.to_string().contains("no space left"), "{e}");
                        assert_eq!(listing(&dir), before, "failing at point {n}");
                        assert_eq!(beside(&dir), ["out"], "failing at point {n}");
                    }
                    Ok(_) => break,
                }
                n += 1;
            }
            assert!(n > 6, "only {n} points");
            assert_eq!(listing(&dir).len(), 4);
            assert_eq!(beside(&dir), ["out"]);
        }
    }

    #[test]
    fn a_new_folder_fails_into_nothing() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("out");
        for n in 1..4 {
            let e = write_all_with(
                &dir,
                &[f("map.svg", "x")],
                &mut Faults::at(n, Fault::ReadOnly),
            );
            assert!(e.unwrap_err().to_string().contains("read-only"));
            assert!(beside(&dir).is_empty(), "failing at point {n}");
        }
    }

    #[test]
    fn writers_to_one_folder_take_turns() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("out");
        let sets: Vec<Vec<OutputFile>> = (0..8)
            .map(|i| {
                let text = format!("writer {i}");
                vec![
                    f("stops.geojson", &text),
                    f("map.svg", &text),
                    f("legs.geojson", &text),
                ]
            })
            .collect();
        for _round in 0..5 {
            std::thread::scope(|s| {
                for set in &sets {
                    s.spawn(|| write_all(&dir, set).unwrap());
                }
            });
            let now = listing(&dir);
            assert_eq!(now.len(), 3);
            assert!(
                now.iter().all(|(_, b)| *b == now[0].1),
                "a mixed set: {now:?}"
            );
            assert_eq!(beside(&dir), ["out"]);
        }
    }

    #[test]
    fn what_cannot_be_carried_is_refused_before_anything_is_touched() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("out");
        write_all(&dir, &[f("map.svg", "old")]).unwrap();
        std::fs::create_dir(dir.join("stops.geojson")).unwrap();
        let e = write_all(&dir, &[f("map.svg", "new"), f("stops.geojson", "new")]).unwrap_err();
        assert!(
            e.to_string().contains("holds a folder `stops.geojson`"),
            "{e}"
        );
        std::fs::remove_dir(dir.join("stops.geojson")).unwrap();
        std::fs::create_dir(dir.join("photos")).unwrap();
        let e = write_all(&dir, &[f("map.svg", "new")]).unwrap_err();
        assert!(e.to_string().contains("give it a folder of its own"), "{e}");
        assert_eq!(std::fs::read(dir.join("map.svg")).unwrap(), b"old");
        assert_eq!(beside(&dir), ["out"]);
    }

    #[test]
    fn a_file_is_not_a_folder() {
        let root = tempfile::tempdir().unwrap();
        let file = root.path().join("trip.json");
        std::fs::write(&file, "{}").unwrap();
        let e = write_all(&file, &[f("map.svg", "x")]).unwrap_err();
        assert!(e.to_string().contains("is a file, not a folder"), "{e}");
        let e = write_all(Path::new("/dev/full"), &[f("map.svg", "x")]).unwrap_err();
        assert!(e.to_string().contains("is a file, not a folder"), "{e}");
        let e = write_all(&file.join("out"), &[f("map.svg", "x")]).unwrap_err();
        assert!(
            e.to_string().contains("trip.json is a file, not a folder"),
            "{e}"
        );
        let e = write_all(Path::new("/"), &[f("map.svg", "x")]).unwrap_err();
        assert!(e.to_string().contains("folder of its own"), "{e}");
    }

    #[test]
    fn a_single_file_is_replaced_whole() {
        let root = tempfile::tempdir().unwrap();
        let path = root.path().join("trip.json");
        std::fs::write(root.path().join("other.txt"), "mine").unwrap();
        write_file(&path, b"one").unwrap();
        for n in 1..5 {
            let e = write_file_with(&path, b"two", &mut Faults::at(n, Fault::NoSpace));
            assert!(e.is_err(), "point {n}");
            assert_eq!(std::fs::read(&path).unwrap(), b"one");
        }
        write_file(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        assert_eq!(beside(&path), ["other.txt", "trip.json"]);
        let e = write_file(Path::new("/dev/full"), b"x").unwrap_err();
        assert!(e.to_string().contains("is a device, not a file"), "{e}");
        let e = write_file(root.path(), b"x").unwrap_err();
        assert!(e.to_string().contains("is a folder, not a file"), "{e}");
    }

    #[test]
    fn refuses_names_that_could_leave_the_folder() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("out");
        for bad in [
            "../x", "..", ".", "", "a/b", "a\\b", "/etc/x", ".hidden", "c:x", "a\nb", "a\0b",
        ] {
            assert!(write_all(&dir, &[f(bad, "x")]).is_err(), "{bad:?}");
        }
        assert!(write_all(&dir, &[f("a", "1"), f("a", "2")]).is_err());
        assert!(!dir.exists());
    }
}
