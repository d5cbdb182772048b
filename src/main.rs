// Hide the console window of the release app on Windows.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use clap::Parser;
use planwright::cli::{Cli, run};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(command) => run(command),
        None => {
            use clap::CommandFactory;
            // The editor arrives with the desktop app; until then, help.
            let _ = cli.plan;
            let _ = Cli::command().print_help();
            ExitCode::SUCCESS
        }
    }
}
