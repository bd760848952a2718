//! Fault injection for the output tests: every step of a write passes a numbered point, and a
//! test can make point N kill the process (`kill -9`) or fail as a full or read-only disk would.
//!
//! Plans come from the unit tests directly, or — only in a build with the `fault-injection`
//! feature — from the `TRIPMAP_FAULT` environment variable, so a test can drive the real binary:
//! `TRIPMAP_FAULT=kill@5` (SIGKILL at the fifth point), `enospc@3`, `erofs@3`, `pause@3` (wait
//! for the named pipe in `TRIPMAP_FAULT_FIFO`), each optionally
//! followed by `,rename` to use the two-rename fallback instead of the atomic exchange. A normal
//! build has no way to turn any of this on.

use std::io;

/// What happens at the chosen point.
#[cfg_attr(not(any(test, feature = "fault-injection")), allow(dead_code))]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Fault {
    /// The process kills itself with SIGKILL: no destructor, no cleanup, as `kill -9` would.
    Kill,
    /// The step fails with ENOSPC ("No space left on device").
    NoSpace,
    /// The step fails with EROFS ("Read-only file system").
    ReadOnly,
    /// The write stops here until the test writes to the named pipe in `TRIPMAP_FAULT_FIFO`
    /// and closes it: two writers in a chosen order, without sleeps.
    Pause,
}

/// A write's fault plan and its count of points passed so far.
#[derive(Debug, Default)]
pub(crate) struct Faults {
    passed: usize,
    at: Option<(usize, Fault)>,
    /// Use the two-rename fallback even where the atomic exchange works.
    pub(crate) no_exchange: bool,
}

impl Faults {
    /// No fault at all.
    pub(crate) fn none() -> Self {
        Faults::default()
    }

    /// `fault` at the `n`-th point (1-based).
    #[cfg(test)]
    pub(crate) fn at(n: usize, fault: Fault) -> Self {
        Faults {
            passed: 0,
            at: Some((n, fault)),
            no_exchange: false,
        }
    }

    /// The plan in `TRIPMAP_FAULT`, in a build with the `fault-injection` feature; none otherwise.
    pub(crate) fn from_env() -> Self {
        #[cfg(feature = "fault-injection")]
        if let Ok(plan) = std::env::var("TRIPMAP_FAULT") {
            return Faults::parse(&plan);
        }
        Faults::none()
    }

    /// Reads `kill@5`, `enospc@3,rename`; anything unreadable is no fault.
    #[cfg(any(test, feature = "fault-injection"))]
    fn parse(plan: &str) -> Self {
        let mut faults = Faults::none();
        for part in plan.split(',') {
            if part == "rename" {
                faults.no_exchange = true;
            } else if let Some((kind, n)) = part.split_once('@') {
                let fault = match kind {
                    "kill" => Fault::Kill,
                    "enospc" => Fault::NoSpace,
                    "erofs" => Fault::ReadOnly,
                    "pause" => Fault::Pause,
                    _ => continue,
                };
                if let Ok(n) = n.parse() {
                    faults.at = Some((n, fault));
                }
            }
        }
        faults
    }

    /// Passes one point; fails (or dies) here when the plan says so.
    pub(crate) fn point(&mut self) -> io::Result<()> {
        self.passed += 1;
        match self.at {
            Some((n, fault)) if n == self.passed => match fault {
                Fault::Kill => kill_self(),
                Fault::NoSpace => Err(io::Error::from(io::ErrorKind::StorageFull)),
                Fault::ReadOnly => Err(io::Error::from(io::ErrorKind::ReadOnlyFilesystem)),
                Fault::Pause => {
                    if let Some(fifo) = std::env::var_os("TRIPMAP_FAULT_FIFO") {
                        std::fs::read(fifo)?;
                    }
                    Ok(())
                }
            },
            _ => Ok(()),
        }
    }
}

/// SIGKILL to this process: nothing after this line runs, as with `kill -9` from outside.
fn kill_self() -> io::Result<()> {
    #[cfg(unix)]
    {
        let _ =
            rustix::process::kill_process(rustix::process::getpid(), rustix::process::Signal::KILL);
    }
    std::process::abort()
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn plans_parse_and_fire_at_their_point() {
        let mut f = Faults::parse("enospc@2,rename");
        assert!(f.no_exchange);
        assert!(f.point().is_ok());
        assert_eq!(f.point().unwrap_err().kind(), io::ErrorKind::StorageFull);
        assert!(f.point().is_ok());
        let mut f = Faults::parse("nonsense");
        assert!((0..10).all(|_| f.point().is_ok()));
        assert_eq!(Faults::parse("erofs@1").at, Some((1, Fault::ReadOnly)));
    }
}
