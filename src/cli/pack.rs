//! `planwright pack`: the directorate's plans as one PDF.

use super::{load_or_report, refuse_output, report_error, write_pdf};
use crate::layout;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Loads every plan first: one that fails is reported (all of them are)
/// and nothing is written.
pub fn pack(paths: &[PathBuf], output: &Path, title: &str, force: bool) -> ExitCode {
    let started = std::time::Instant::now();
    let plan_paths: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
    if refuse_output(&plan_paths, output, force) {
        return ExitCode::FAILURE;
    }
    let loaded: Vec<Option<crate::model::Plan>> = paths.iter().map(|p| load_or_report(p)).collect();
    let failed = loaded.iter().filter(|p| p.is_none()).count();
    if failed > 0 {
        report_error(&format!(
            "{failed} of {} plans could not be loaded; nothing was written to {}",
            paths.len(),
            output.display()
        ));
        return ExitCode::FAILURE;
    }
    let plans: Vec<crate::model::Plan> = loaded.into_iter().flatten().collect();
    let document = layout::pack(&plans, title, &layout::PageSettings::default());
    let Some(size) = write_pdf(&document, output) else {
        return ExitCode::FAILURE;
    };
    for w in &document.warnings {
        eprintln!("warning: {}", super::terminal_safe(&w.to_string()));
    }
    println!(
        "{}: {} plans, {} pages, {} KB, in {:.0} ms",
        output.display(),
        plans.len(),
        document.pages.len(),
        size.div_ceil(1024),
        started.elapsed().as_secs_f64() * 1e3
    );
    ExitCode::SUCCESS
}
