//! What the binary says on standard error besides errors: warnings (in colour on a terminal, as
//! `anstream` decides: never when `NO_COLOR` is set or the output is not a terminal) and the
//! progress lines that `-q/--quiet` silences.

use anstyle::{AnsiColor, Style};
use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};

/// Set by `-q/--quiet`: no warnings, progress bars or `wrote` lines; errors still print.
static QUIET: AtomicBool = AtomicBool::new(false);

/// The style of the `warning:` label.
const WARNING: Style = AnsiColor::Yellow.on_default().bold();

/// Silences warnings and progress for the rest of the run.
pub fn set_quiet(quiet: bool) {
    QUIET.store(quiet, Ordering::Relaxed);
}

/// True under `-q/--quiet`.
pub fn quiet() -> bool {
    QUIET.load(Ordering::Relaxed)
}

/// Prints `warning: TEXT` on standard error (the label in colour where colour is wanted), unless
/// quiet. A closed standard error is not an error.
pub fn warning(text: &str) {
    if quiet() {
        return;
    }
    let mut err = anstream::stderr().lock();
    let text = super::report::escape_controls(text);
    let _ = writeln!(err, "{WARNING}warning:{WARNING:#} {text}");
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn the_label_is_styled_and_quiet_is_remembered() {
        assert_eq!(
            format!("{WARNING}warning:{WARNING:#}"),
            "\u{1b}[1m\u{1b}[33mwarning:\u{1b}[0m"
        );
        set_quiet(true);
        assert!(quiet());
        set_quiet(false);
        assert!(!quiet());
    }
}
