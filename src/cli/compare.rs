//! `planwright diff`: what changed between two versions of a plan, listed
//! by section, and optionally printed as a document.

use super::{load_or_report, refuse_output, terminal_safe, write_pdf};
use crate::diff::{Change, Diff, diff as compare};
use crate::layout;
use crate::model::Plan;
use std::path::Path;
use std::process::ExitCode;

pub fn diff(old_path: &Path, new_path: &Path, output: Option<&Path>, force: bool) -> ExitCode {
    let (Some(old), Some(new)) = (load_or_report(old_path), load_or_report(new_path)) else {
        return ExitCode::FAILURE;
    };
    let changes = compare(&old, &new);
    print!("{}", terminal_safe(&listing(&changes.changes)));
    eprintln!(
        "{} → {}: {} change{}",
        old_path.display(),
        new_path.display(),
        changes.changes.len(),
        if changes.changes.len() == 1 { "" } else { "s" }
    );
    match output {
        Some(output) => changes_pdf(&old, &new, &changes, [old_path, new_path], output, force),
        None => ExitCode::SUCCESS,
    }
}

/// Prints the changes as a PDF through the layout engine. Never over
/// either plan, nor over a file that is not a PDF unless `force`.
fn changes_pdf(
    old: &Plan,
    new: &Plan,
    changes: &Diff,
    plans: [&Path; 2],
    output: &Path,
    force: bool,
) -> ExitCode {
    if refuse_output(&plans, output, force) {
        return ExitCode::FAILURE;
    }
    let document = layout::changes(old, new, changes, &layout::PageSettings::default());
    let Some(size) = write_pdf(&document, output) else {
        return ExitCode::FAILURE;
    };
    println!(
        "{}: {} pages, {} KB",
        output.display(),
        document.pages.len(),
        size.div_ceil(1024)
    );
    ExitCode::SUCCESS
}

/// The changes grouped under their section's title, each with its place:
/// `  sections[2]/blocks[1]: paragraph 2: … {+newly+} …`.
pub fn listing(changes: &[Change]) -> String {
    let mut out = String::new();
    let mut current: Option<&str> = None;
    for change in changes {
        if current != Some(change.section.as_str()) {
            let title = if change.section.is_empty() {
                "Cover and status"
            } else {
                change.section.as_str()
            };
            out.push_str(title);
            out.push('\n');
            current = Some(&change.section);
        }
        out.push_str(&format!("  {}: {}\n", change.place, change.what));
    }
    out
}
