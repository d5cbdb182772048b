//! Runs the built `planwright` binary, for the command-line tests.

use std::process::{Command, Output};

/// `planwright ARGS…`, its exit status and output.
pub fn planwright(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_planwright"))
        .args(args)
        .output()
        .expect("planwright runs")
}
