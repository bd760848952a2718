//! `tripmap man [COMMAND]`: the manual page in roff, made by clap_mangen from the same command
//! line the binary parses (`tripmap man > tripmap.1; man ./tripmap.1`).

use crate::cli::args::{Cli, ManArgs};
use crate::cli::report::{Failure, write_stdout};
use clap::CommandFactory;
use std::process::ExitCode;

/// Prints tripmap(1), or tripmap-COMMAND(1).
pub fn run(args: &ManArgs) -> Result<ExitCode, Failure> {
    let cli = Cli::command();
    let page = match &args.command {
        None => cli,
        Some(name) => {
            let Some(sub) = cli.find_subcommand(name) else {
                let names: Vec<&str> = cli.get_subcommands().map(|c| c.get_name()).collect();
                return Err(Failure::usage(format!(
                    "error: tripmap has no command `{name}`; its commands are {}",
                    names.join(", ")
                )));
            };
            sub.clone()
                .display_name(format!("tripmap-{name}"))
                .bin_name(format!("tripmap {name}"))
        }
    };
    let mut roff = Vec::new();
    clap_mangen::Man::new(page)
        .render(&mut roff)
        .map_err(|e| Failure::invalid(format!("error: cannot write the manual page: {e}")))?;
    write_stdout(&roff)
}
