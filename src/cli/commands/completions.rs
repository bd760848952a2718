//! `tripmap completions SHELL`: the shell's completion script, made by clap_complete from the
//! same command line the binary parses.

use crate::cli::args::{Cli, CompletionsArgs};
use crate::cli::report::{Failure, write_stdout};
use clap::CommandFactory;
use std::process::ExitCode;

/// Prints the completion script for `args.shell`.
pub fn run(args: &CompletionsArgs) -> Result<ExitCode, Failure> {
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "tripmap", &mut script);
    write_stdout(&script)
}
