//! The `tripmap` binary: parse arguments, run one command, exit with its code.

mod cli;

use clap::Parser;
use std::process::ExitCode;

/// mimalloc instead of the system allocator: a trip allocates many small, short-lived strings
/// and vectors, and glibc's malloc and free were a sixth of the stream mode's time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    cli::run(cli::args::Cli::parse())
}
