//! The `tripmap` binary's command line: clap arguments ([`args`]) become library options
//! ([`options`]); each command ([`commands`]) makes one library call; [`report`] prints errors
//! and picks exit codes. No geometry here.

pub mod args;
mod batch;
mod commands;
mod console;
mod input;
mod options;
mod report;
mod summary;
mod together;

use args::{Cli, Command};
use std::process::ExitCode;

/// Runs the command line; returns the process exit code.
pub fn run(cli: Cli) -> ExitCode {
    console::set_quiet(cli.quiet);
    report::finish(match cli.command {
        Command::Render(args) => commands::render::run(&args),
        Command::Check(args) => commands::check::run(&args),
        Command::Geocode(args) => commands::geocode::run(&args),
        Command::Extract(args) => commands::extract::run(&args),
        Command::Completions(args) => commands::completions::run(&args),
        Command::Man(args) => commands::man::run(&args),
    })
}
