//! `planwright rollforward`: last year's plan moved on a year, written to
//! a new file; what changed and the years to review printed.

use super::{load_or_report, report_error, terminal_safe};
use crate::model::check::validate;
use crate::model::file;
use crate::model::output::{Export, check_output};
use crate::year::{RollForward, roll_forward};
use std::path::Path;
use std::process::ExitCode;

pub fn run(path: &Path, to: Option<&str>, output: &Path, force: bool) -> ExitCode {
    if let Err(e) = check_output(Export::Plan, Some(path), output, force) {
        let hint = if force {
            ""
        } else {
            "; give --force to replace it"
        };
        report_error(&format!("{e}{hint}"));
        return ExitCode::FAILURE;
    }
    let Some(plan) = load_or_report(path) else {
        return ExitCode::FAILURE;
    };
    let rolled = match roll_forward(&plan, to) {
        Ok(rolled) => rolled,
        Err(e) => {
            report_error(&format!("{}: {e}", path.display()));
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = file::save(&rolled.plan, output) {
        report_error(&e);
        return ExitCode::FAILURE;
    }
    print!("{}", terminal_safe(&report(&rolled)));
    let findings = validate(&rolled.plan);
    eprintln!(
        "{}: {} rolled forward from {} to {}: {} change{}, {} mention{} of years to review, {} finding{}",
        output.display(),
        path.display(),
        rolled.from,
        rolled.to,
        rolled.changes.len(),
        plural(rolled.changes.len()),
        rolled.mentions.len(),
        plural(rolled.mentions.len()),
        findings.len(),
        plural(findings.len()),
    );
    ExitCode::SUCCESS
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// The changes, one a line (`place: old → new`), then the years the prose
/// mentions (`place: years — excerpt`).
pub fn report(rolled: &RollForward) -> String {
    let mut out = format!("Changes ({} → {}):\n", rolled.from, rolled.to);
    for change in &rolled.changes {
        out.push_str(&format!(
            "{}: {} → {}\n",
            change.place(),
            one_line(&change.old),
            one_line(&change.new)
        ));
    }
    out.push_str("\nYears in the prose, left as written, to review:\n");
    for mention in &rolled.mentions {
        out.push_str(&format!(
            "{}: {} — {}\n",
            mention.place(),
            mention.years.join(", "),
            mention.excerpt
        ));
    }
    out
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
