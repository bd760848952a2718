//! The `tripmap` binary: parse arguments, run one command, exit with its code.

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    tripmap::cli::run(tripmap::cli::Cli::parse())
}
