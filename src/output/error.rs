//! `OutputError`: why outputs could not be written, and what to do about it.

use std::path::PathBuf;

/// Why [`write_all`](super::write_all) or [`write_file`](super::write_file) wrote nothing. Every
/// case leaves the target as it was: the old folder (or file) whole, or none if there was none.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum OutputError {
    /// The output folder's path names something that is not a folder.
    #[error(
        "{} is a file, not a folder; give -o a folder for tripmap's outputs (it is created if missing)",
        .0.display()
    )]
    NotAFolder(PathBuf),
    /// An output file's path names something that is not a regular file.
    #[error(
        "{} is {what}, not a file; give -o the path of a file to write",
        path.display()
    )]
    NotAFile {
        /// The path.
        path: PathBuf,
        /// What it is instead: `a folder`, `a device`...
        what: &'static str,
    },
    /// The output folder holds a subfolder (or a device, socket...) that tripmap did not write,
    /// or a folder where one of tripmap's files goes. tripmap replaces its folder as a whole and
    /// carries over only plain files and symbolic links.
    #[error(
        "{} holds {what} `{name}`, which tripmap did not write and will not move; tripmap replaces its output folder as a whole, so give it a folder of its own (for example -o {}) or move `{name}` out",
        dir.display(),
        dir.join("map").display()
    )]
    Foreign {
        /// The output folder.
        dir: PathBuf,
        /// The entry's name.
        name: String,
        /// What it is: `the folder`, `the device`...
        what: &'static str,
    },
    /// The output folder is the current folder (or `/`), which tripmap will not replace.
    #[error(
        "{} is the current folder (or has no parent); tripmap replaces its output folder as a whole, so give it a folder of its own (for example -o map)",
        .0.display()
    )]
    NotOwnFolder(PathBuf),
    /// An output name that could lead outside the output folder.
    #[error("output name `{0}` is not a plain file name")]
    BadName(String),
    /// A step failed on the file system.
    #[error("{step} failed: {}; nothing was changed", reason(.source))]
    Io {
        /// What was being done, naming the path: `creating the staging folder beside out/trip`.
        step: String,
        /// The system's error.
        source: std::io::Error,
    },
}

impl OutputError {
    /// An I/O failure while doing `step`.
    pub(crate) fn io(step: impl Into<String>) -> impl FnOnce(std::io::Error) -> OutputError {
        let step = step.into();
        move |source| OutputError::Io { step, source }
    }
}

/// The system's error in words, with a hint for the ones a user can fix.
fn reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::StorageFull => "no space left on the disk; free some space (the new outputs need room beside the old ones until they replace them)".into(),
        K::ReadOnlyFilesystem => "the disk is mounted read-only; choose another folder with -o".into(),
        K::PermissionDenied => "permission denied; choose a folder you can write to with -o".into(),
        K::QuotaExceeded => "disk quota exceeded; free some space".into(),
        _ => e.to_string(),
    }
}
