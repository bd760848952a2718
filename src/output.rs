//! Writes a set of output files all or nothing: each file goes to a temporary file in the same
//! folder; existing targets are first moved aside to backup files in the same folder, then the
//! new files are renamed in. If any step fails, the files already placed are removed and the
//! backups renamed back, so earlier outputs stay byte-identical and no temporary file remains.

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

/// Writes `files` into `dir` (created if missing), all-or-nothing for the whole set. Names must be
/// plain file names (no separators, no `.`/`..`, no leading dot, no control characters, no
/// duplicates), so no input can steer a path outside `dir`; an existing target that is not a
/// regular file (a directory, a symlink) is refused before anything is touched. Returns the paths
/// written.
pub fn write_all(dir: &Path, files: &[OutputFile]) -> std::io::Result<Vec<PathBuf>> {
    write_all_failing_at(dir, files, None)
}

fn invalid(msg: String) -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::InvalidInput, msg)
}

/// Checks that `name` is a plain file name that stays inside the output folder.
fn check_name(name: &str) -> std::io::Result<()> {
    let bad = name.is_empty()
        || name.starts_with('.')
        || name.contains(['/', '\\', ':'])
        || name.chars().any(|c| c.is_control())
        || name.len() > 255;
    if bad {
        return Err(invalid(format!(
            "output name `{}` is not a plain file name",
            name.escape_debug()
        )));
    }
    Ok(())
}

/// One placed file: its target, and the backup of what was there before (if anything).
struct Placed {
    target: PathBuf,
    backup: Option<tempfile::TempPath>,
    new_in_place: bool,
}

/// `write_all` with an injectable failure: when `fail_at` is `Some(i)`, placing the `i`-th file
/// fails as an I/O error would (used by tests to check the rollback).
fn write_all_failing_at(
    dir: &Path,
    files: &[OutputFile],
    fail_at: Option<usize>,
) -> std::io::Result<Vec<PathBuf>> {
    let mut seen = std::collections::BTreeSet::new();
    for f in files {
        check_name(&f.name)?;
        if !seen.insert(f.name.as_str()) {
            return Err(invalid(format!("output name `{}` given twice", f.name)));
        }
    }
    std::fs::create_dir_all(dir)?;
    for f in files {
        let target = dir.join(&f.name);
        if let Ok(meta) = std::fs::symlink_metadata(&target)
            && !meta.file_type().is_file()
        {
            return Err(invalid(format!(
                "{} exists and is not a regular file; refusing to replace it",
                target.display()
            )));
        }
    }
    let mut staged = Vec::with_capacity(files.len());
    for f in files {
        // Dropped (and deleted) on any early return.
        let prefix = format!(".{}.", f.name);
        let mut builder = tempfile::Builder::new();
        builder.prefix(&prefix).suffix(".tmp");
        // Maps are for sharing: rw-r--r-- like any file a user writes, not tempfile's private 0600.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(std::fs::Permissions::from_mode(0o644));
        }
        let mut tmp = builder.tempfile_in(dir)?;
        tmp.write_all(&f.bytes)?;
        tmp.as_file().sync_all()?;
        staged.push((tmp.into_temp_path(), dir.join(&f.name)));
    }
    let mut placed: Vec<Placed> = Vec::with_capacity(staged.len());
    let mut result = Ok(());
    for (i, (tmp, target)) in staged.into_iter().enumerate() {
        let step = place(dir, tmp, &target, fail_at == Some(i), &mut placed);
        if let Err(e) = step {
            result = Err(e);
            break;
        }
    }
    match result {
        Ok(()) => Ok(placed.into_iter().map(|p| p.target).collect()),
        Err(e) => {
            rollback(placed);
            Err(e)
        }
    }
}

/// Moves the old `target` (if any) to a backup, then renames `tmp` onto `target`; records what
/// was done in `placed` before each step so a rollback can undo it.
fn place(
    dir: &Path,
    tmp: tempfile::TempPath,
    target: &Path,
    fail: bool,
    placed: &mut Vec<Placed>,
) -> std::io::Result<()> {
    let backup = if target.exists() {
        let name = target.file_name().unwrap_or_default().to_string_lossy();
        let holder = tempfile::Builder::new()
            .prefix(&format!(".{name}."))
            .suffix(".bak")
            .tempfile_in(dir)?
            .into_temp_path();
        std::fs::rename(target, &holder)?;
        Some(holder)
    } else {
        None
    };
    placed.push(Placed {
        target: target.to_path_buf(),
        backup,
        new_in_place: false,
    });
    if fail {
        return Err(std::io::Error::other(
            "injected failure while placing output",
        ));
    }
    tmp.persist(target).map_err(|e| e.error)?;
    if let Some(p) = placed.last_mut() {
        p.new_in_place = true;
    }
    Ok(())
}

/// Undoes `placed` in reverse: removes the new files and renames the backups back.
fn rollback(placed: Vec<Placed>) {
    for p in placed.into_iter().rev() {
        if p.new_in_place {
            let _ = std::fs::remove_file(&p.target);
        }
        if let Some(backup) = p.backup {
            match backup.keep() {
                Ok(path) => {
                    let _ = std::fs::rename(&path, &p.target);
                }
                Err(e) => {
                    let _ = std::fs::rename(&e.path, &p.target);
                }
            }
        }
    }
}

#[cfg(test)]
mod test {
    use super::*;

    fn f(n: &str, b: &str) -> OutputFile {
        OutputFile {
            name: n.into(),
            bytes: b.as_bytes().to_vec(),
        }
    }

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

    #[test]
    fn writes_and_replaces_without_leftovers() {
        let dir = tempfile::tempdir().unwrap();
        write_all(dir.path(), &[f("a.txt", "one"), f("b.txt", "two")]).unwrap();
        write_all(dir.path(), &[f("a.txt", "three")]).unwrap();
        assert_eq!(
            listing(dir.path()),
            vec![
                ("a.txt".into(), b"three".to_vec()),
                ("b.txt".into(), b"two".to_vec())
            ]
        );
    }

    #[cfg(unix)]
    #[test]
    fn written_files_are_readable_by_others() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        write_all(dir.path(), &[f("map.svg", "<svg/>")]).unwrap();
        let mode = std::fs::metadata(dir.path().join("map.svg"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o644);
    }

    #[test]
    fn failure_mid_set_restores_every_earlier_output() {
        let dir = tempfile::tempdir().unwrap();
        write_all(dir.path(), &[f("a.txt", "old a"), f("b.txt", "old b")]).unwrap();
        let before = listing(dir.path());
        let new = [
            f("a.txt", "new a"),
            f("c.txt", "new c"),
            f("b.txt", "new b"),
        ];
        for fail_at in 0..new.len() {
            let err = write_all_failing_at(dir.path(), &new, Some(fail_at)).unwrap_err();
            assert!(err.to_string().contains("injected"), "{err}");
            assert_eq!(listing(dir.path()), before, "failing at file {fail_at}");
        }
        // And the same set goes through when nothing fails.
        write_all(dir.path(), &new).unwrap();
        assert_eq!(listing(dir.path()).len(), 3);
    }

    #[test]
    fn obstructing_directory_is_refused_and_nothing_changes() {
        let dir = tempfile::tempdir().unwrap();
        write_all(dir.path(), &[f("a.txt", "old a")]).unwrap();
        std::fs::create_dir(dir.path().join("b.txt")).unwrap();
        let err = write_all(dir.path(), &[f("a.txt", "new a"), f("b.txt", "new b")]).unwrap_err();
        assert!(err.to_string().contains("not a regular file"), "{err}");
        assert_eq!(std::fs::read(dir.path().join("a.txt")).unwrap(), b"old a");
        assert!(dir.path().join("b.txt").is_dir());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
    }

    #[test]
    fn refuses_names_that_could_leave_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        for bad in [
            "../x", "..", ".", "", "a/b", "a\\b", "/etc/x", ".hidden", "c:x", "a\nb", "a\0b",
        ] {
            assert!(write_all(dir.path(), &[f(bad, "x")]).is_err(), "{bad:?}");
        }
        assert!(write_all(dir.path(), &[f("a", "1"), f("a", "2")]).is_err());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
