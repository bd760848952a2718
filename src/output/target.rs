//! Where a write goes: the real parent folder (links resolved) and the name in it, checked before
//! anything is staged.

use super::OutputError;
use std::path::{Path, PathBuf};

/// A target resolved to a real folder and a plain name in it.
#[derive(Debug, Clone)]
pub(crate) struct Target {
    /// The folder the target lives in (created if missing; symbolic links resolved).
    pub(crate) parent: PathBuf,
    /// The target's name in `parent`.
    pub(crate) name: String,
}

impl Target {
    /// The target's full path.
    pub(crate) fn path(&self) -> PathBuf {
        self.parent.join(&self.name)
    }

    /// Resolves `path`: its parent is created and made absolute, and a target that is a
    /// symbolic link is followed, so the swap replaces what the user sees at `path`.
    pub(crate) fn resolve(path: &Path) -> Result<Target, OutputError> {
        let own = || OutputError::NotOwnFolder(path.to_path_buf());
        let parent = match path.parent() {
            Some(p) if p.as_os_str().is_empty() => Path::new("."),
            Some(p) => p,
            None => return Err(own()),
        };
        if let Err(e) = std::fs::create_dir_all(parent) {
            // A file where a folder on the way must be: name it.
            if let Some(file) = parent
                .ancestors()
                .find(|a| a.is_file() || a.exists() && !a.is_dir())
            {
                return Err(OutputError::NotAFolder(file.to_path_buf()));
            }
            return Err(OutputError::io(format!("creating {}", parent.display()))(e));
        }
        let parent = parent
            .canonicalize()
            .map_err(OutputError::io(format!("finding {}", parent.display())))?;
        let mut full = match path.file_name() {
            Some(name) => parent.join(name),
            // `.`, `..`, `a/..`: the folder itself, by its real path.
            None => path.canonicalize().map_err(|_| own())?,
        };
        if std::fs::symlink_metadata(&full).is_ok_and(|m| m.file_type().is_symlink()) {
            full = full.canonicalize().map_err(OutputError::io(format!(
                "following the link {}",
                path.display()
            )))?;
        }
        let (Some(parent), Some(name)) = (full.parent(), full.file_name()) else {
            return Err(own());
        };
        let Some(name) = name.to_str() else {
            return Err(OutputError::BadName(name.to_string_lossy().into_owned()));
        };
        // Room for `.NAME.tripmap-stage-XXXXXX` in a 255-byte file name.
        if name.len() > 200 {
            return Err(OutputError::BadName(name.to_string()));
        }
        Ok(Target {
            parent: parent.to_path_buf(),
            name: name.to_string(),
        })
    }

    /// Refuses a folder target that is the current folder, or any existing non-folder.
    pub(crate) fn check_folder(&self, shown: &Path) -> Result<(), OutputError> {
        let Ok(meta) = std::fs::metadata(self.path()) else {
            return Ok(());
        };
        if !meta.is_dir() {
            return Err(OutputError::NotAFolder(shown.to_path_buf()));
        }
        if is_current_folder(&self.path()) {
            return Err(OutputError::NotOwnFolder(shown.to_path_buf()));
        }
        Ok(())
    }

    /// Refuses a file target that exists as anything but a regular file (a folder, a device, a
    /// symbolic link).
    pub(crate) fn check_file(&self, shown: &Path) -> Result<(), OutputError> {
        let Ok(meta) = std::fs::symlink_metadata(self.path()) else {
            return Ok(());
        };
        let what = kind_of(&meta.file_type());
        if meta.is_file() {
            return Ok(());
        }
        Err(OutputError::NotAFile {
            path: shown.to_path_buf(),
            what,
        })
    }
}

/// Whether `dir` is the process's current folder.
fn is_current_folder(dir: &Path) -> bool {
    match (std::env::current_dir(), dir.canonicalize()) {
        (Ok(cwd), Ok(dir)) => cwd.canonicalize().is_ok_and(|c| c == dir),
        _ => false,
    }
}

/// `a folder`, `a symbolic link`, `a device`... for messages.
pub(crate) fn kind_of(t: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_block_device() || t.is_char_device() {
            return "a device";
        }
        if t.is_fifo() {
            return "a named pipe";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if t.is_dir() {
        "a folder"
    } else if t.is_symlink() {
        "a symbolic link"
    } else if t.is_file() {
        "a file"
    } else {
        "a special file"
    }
}
