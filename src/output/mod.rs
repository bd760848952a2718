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
#[cfg(test)]
mod test;

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
    write_all_with(dir, files, &mut Faults::from_env(), Sweep::Each)
}

/// Removes the staging folders that killed writes left in `parent`, for every folder in it, with
/// one listing: call it once before many [`write_all_swept`] calls into folders of `parent`.
pub fn sweep(parent: &Path) {
    stage::clean_stale_in(parent);
}

/// [`write_all`] without its clean-up of killed writes' staging folders beside `dir`, which
/// lists `dir`'s parent: for a run that writes thousands of folders side by side and called
/// [`sweep`] on their parent first. Every other guarantee of [`write_all`] holds.
pub fn write_all_swept(dir: &Path, files: &[OutputFile]) -> Result<Vec<PathBuf>, OutputError> {
    write_all_with(dir, files, &mut Faults::from_env(), Sweep::Done)
}

/// Whether a write cleans up killed writes' staging folders beside its target.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Sweep {
    /// Before each attempt (one listing of the parent folder).
    Each,
    /// Not: the caller swept the parent folder.
    Done,
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
    sweep: Sweep,
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
        if sweep == Sweep::Each {
            stage::clean_stale(&t);
        }
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
    stage::clear_old(t);
    let old = stage::old_name(&t.name);
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
