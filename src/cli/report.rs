//! What the user reads: error text naming the file (and line:column, or stop and field), exit
//! codes, and writing to standard output and into output folders.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use tripmap::io::ReadPathError;
use tripmap::output::{self, OutputError, OutputFile};

/// Exit code for invalid input or a failure to read or write.
pub const INVALID: u8 = 1;
/// Exit code for arguments that do not go together (clap uses it for its own usage errors).
pub const USAGE: u8 = 2;

/// A command that failed: the whole message to print and the exit code.
#[derive(Debug)]
pub struct Failure {
    /// The message, starting with `error:`.
    pub message: String,
    /// [`INVALID`] or [`USAGE`].
    pub code: u8,
}

impl Failure {
    /// Invalid input, or a failure to read or write.
    pub fn invalid(message: String) -> Self {
        Failure {
            message,
            code: INVALID,
        }
    }

    /// Arguments that do not go together.
    pub fn usage(message: String) -> Self {
        Failure {
            message,
            code: USAGE,
        }
    }

    /// A library error about the input at `path`.
    pub fn input(path: &Path, e: &tripmap::Error) -> Self {
        Failure::invalid(error_text(path, e))
    }

    /// Why outputs could not be written.
    pub fn output(e: &OutputError) -> Self {
        Failure::invalid(format!("error: {e}"))
    }

    /// Prints the message and returns the exit code.
    pub fn exit(self) -> ExitCode {
        eprint_line(&self.message);
        ExitCode::from(self.code)
    }
}

/// The exit code of a command: success, or the failure printed.
pub fn finish(result: Result<ExitCode, Failure>) -> ExitCode {
    result.unwrap_or_else(Failure::exit)
}

/// Prints to standard output; a closed pipe (`| head`) is not an error.
pub fn print_stdout(text: &str) -> Result<ExitCode, Failure> {
    write_stdout(text.as_bytes())
}

/// Writes bytes to standard output; a closed pipe (`| head`) is not an error.
pub fn write_stdout(bytes: &[u8]) -> Result<ExitCode, Failure> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|_| out.flush()) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(Failure::invalid(format!(
            "error: cannot write to standard output: {}",
            io_reason(&e)
        ))),
    }
}

/// Replaces the folder `dir` with `files` ([`output::write_all`]) and prints `wrote PATH` for
/// each.
pub fn write_and_report(dir: &Path, files: &[OutputFile]) -> Result<ExitCode, Failure> {
    let paths = output::write_all(dir, files).map_err(|e| Failure::output(&e))?;
    print_written(&paths);
    Ok(ExitCode::SUCCESS)
}

/// Prints `wrote PATH` for each file written.
pub fn print_written(paths: &[PathBuf]) {
    if super::console::quiet() {
        return;
    }
    for p in paths {
        eprint_line(&format!("wrote {}", p.display()));
    }
}

/// Prints one message to standard error with its control characters escaped (`\u{1b}`), so no
/// input can move the cursor, recolour the terminal or forge a line; line breaks stay.
pub fn eprint_line(text: &str) {
    eprintln!("{}", escape_controls(text));
}

/// `text` with every control character but the line break written as an escape.
pub fn escape_controls(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() && c != '\n' {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

/// How errors name an input: its path, or `<stdin>` for `-`.
pub fn display_name(path: &Path) -> String {
    if path == Path::new("-") {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    }
}

/// `error: FILE:LINE:COLUMN: message` for syntax errors, `error: FILE: message` for the rest.
pub fn error_text(path: &Path, e: &tripmap::Error) -> String {
    let name = display_name(path);
    match e {
        tripmap::Error::Syntax {
            line,
            column,
            message,
        } => format!("error: {name}:{line}:{column}: {message}"),
        other => format!("error: {name}: {other}"),
    }
}

/// The message for a trip or text that could not be read from `path`.
pub fn read_error_text(path: &Path, e: &ReadPathError) -> String {
    match e {
        ReadPathError::UnknownFormat => format!(
            "error: {}: cannot tell the format from the extension; use --from {}",
            path.display(),
            tripmap::io::Format::NAMES.join("|")
        ),
        ReadPathError::Io(e) if e.kind() == std::io::ErrorKind::FileTooLarge => {
            format!("error: {}: {e}", display_name(path))
        }
        ReadPathError::Io(e) if path == Path::new("-") => {
            format!("error: cannot read standard input: {e}")
        }
        ReadPathError::Io(e) => format!("error: cannot read {}: {}", path.display(), io_reason(e)),
        ReadPathError::Input(e) => error_text(path, e),
        other => format!("error: {}: {other}", display_name(path)),
    }
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        std::io::ErrorKind::StorageFull => "no space left on the disk".into(),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn errors_name_the_file_and_position() {
        let e = tripmap::Error::Syntax {
            line: 3,
            column: 7,
            message: "expected `,`".into(),
        };
        assert_eq!(
            error_text(Path::new("t.json"), &e),
            "error: t.json:3:7: expected `,`"
        );
        assert_eq!(
            error_text(Path::new("-"), &tripmap::Error::Shape("no stops".into())),
            "error: <stdin>: no stops"
        );
        assert_eq!(
            escape_controls("a\u{1b}[31mb\r\tc\nd\u{9b}"),
            "a\\u{1b}[31mb\\r\\tc\nd\\u{9b}"
        );
        let missing = ReadPathError::Io(std::io::Error::from(std::io::ErrorKind::NotFound));
        assert_eq!(
            read_error_text(Path::new("a.gpx"), &missing),
            "error: cannot read a.gpx: no such file"
        );
        assert!(
            read_error_text(Path::new("a.txt"), &ReadPathError::UnknownFormat)
                .contains("--from json|")
        );
    }
}
