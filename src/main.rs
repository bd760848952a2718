//! The `tripmap` binary: parse arguments, run one command, exit with its code.

mod cli;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    cli::run(cli::args::Cli::parse())
}
