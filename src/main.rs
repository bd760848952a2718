//! The `tripmap` binary: parse arguments, run one command, exit with its code.

mod cli;

use clap::Parser;
use std::process::ExitCode;

/// mimalloc instead of the system allocator: a trip allocates many small, short-lived strings
/// and vectors, and glibc's malloc and free were a sixth of the stream mode's time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // No transparent huge pages: mimalloc's arenas would make the kernel zero 2 MB for each
    // fresh page touched in a new region, which was a fifth of a 100,000-stop map's time.
    // Best effort: an older kernel without the flag changes nothing.
    #[cfg(target_os = "linux")]
    let _ = rustix::thread::disable_transparent_huge_pages(true);
    cli::run(cli::args::Cli::parse())
}
