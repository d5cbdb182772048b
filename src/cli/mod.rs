//! The `planwright` command line: check, start and tidy plans from a
//! terminal or a script.

mod compare;
mod pack;

use crate::model::check::{Severity, validate};
use crate::model::file;
use crate::model::output::{Export, OutputError, check_output};
use crate::template;
use crate::{html, layout, pdf};
use clap::{Parser, Subcommand};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod rollforward;

#[derive(Parser, Debug)]
#[command(
    name = "planwright",
    version,
    about = "Write a unit's annual operating plan and print it for sign-off.",
    long_about = "Write a unit's annual operating plan and print it for sign-off.\n\nWith no command, opens the plan editor (on PLAN if given)."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// A plan file (.ron) to open in the editor.
    pub plan: Option<PathBuf>,
    /// Show the print preview beside the editor.
    #[arg(long)]
    pub preview: bool,
}

impl Cli {
    /// Parses the command line. A word that is neither a command nor an
    /// existing file (`planwright frobnicate`) is an error with the usage,
    /// never an editor on a file that does not exist.
    pub fn parse_checked() -> Cli {
        use clap::CommandFactory;
        let cli = Cli::parse();
        if let Some(plan) = &cli.plan
            && !plan.exists()
        {
            let is_word = plan.extension().is_none() && plan.components().count() == 1;
            let message = if is_word {
                format!(
                    "\"{}\" is not a command, and there is no plan file of that name",
                    plan.display()
                )
            } else {
                format!("there is no plan file {}", plan.display())
            };
            let kind = if is_word {
                clap::error::ErrorKind::InvalidSubcommand
            } else {
                clap::error::ErrorKind::ValueValidation
            };
            Cli::command().error(kind, message).exit();
        }
        cli
    }
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Load and validate a plan; print one finding a line.
    Check {
        /// The plan file (.ron) to check.
        plan: PathBuf,
        /// Check the spelling (UK English) instead: one misspelt word a
        /// line, with its place and suggestions.
        #[arg(long)]
        spelling: bool,
    },
    /// List the plan templates, one a line.
    Templates,
    /// Start a new plan from a template.
    New {
        /// The template's id, as `planwright templates` lists them.
        #[arg(long)]
        template: String,
        /// The plan year (`2027/28`); by default the financial year
        /// starting the coming April.
        #[arg(long)]
        year: Option<String>,
        /// The new plan file to write (.ron); it must not exist yet.
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Rewrite a plan file in the canonical layout (after editing it by hand).
    Format {
        /// The plan file (.ron) to rewrite in place.
        plan: PathBuf,
    },
    /// Print the plan's title and section headings as printed, one a line
    /// (CI checks the PDF's text against them).
    Outline {
        /// The plan file (.ron) to outline.
        plan: PathBuf,
    },
    /// Move a plan on to its next year: year labels, period figures,
    /// status. Prints what changed and the years in the prose to review.
    Rollforward {
        /// Last year's plan file (.ron); it is not changed.
        plan: PathBuf,
        /// The new plan year (`2009/10`): the year after the plan's.
        #[arg(long)]
        to: Option<String>,
        /// The new plan file to write (.ron); never the plan itself.
        #[arg(short, long)]
        output: PathBuf,
        /// Replace OUTPUT if it exists (never the plan itself).
        #[arg(long)]
        force: bool,
    },
    /// Print a plan as a PDF for sign-off.
    Render {
        /// The plan file (.ron) to print.
        plan: PathBuf,
        /// The PDF file to write (replaced if it exists).
        #[arg(short, long)]
        output: PathBuf,
        /// Replace OUTPUT even if it is not a PDF (never the plan itself).
        #[arg(long)]
        force: bool,
        /// Print the review copy: each open comment numbered at what it
        /// concerns and listed after its section (the sign-off print never
        /// shows comments).
        #[arg(long)]
        review: bool,
        /// Print only this unit's part, with the plan's cover: the unit's
        /// name or short name, as the plan lists its units.
        #[arg(long, value_name = "NAME")]
        unit: Option<String>,
    },
    /// Write a plan for the web: one accessible, self-contained HTML page.
    Export {
        /// Write HTML (the one export format).
        #[arg(long, required = true)]
        html: bool,
        /// The plan file (.ron) to export.
        plan: PathBuf,
        /// The HTML file to write (replaced if it is an earlier export).
        #[arg(short, long)]
        output: PathBuf,
        /// Replace OUTPUT even if it is not an HTML page (never the plan itself).
        #[arg(long)]
        force: bool,
    },
    /// Gather units' plans into one directorate pack: one cover, one
    /// contents, the plans' pages numbered through.
    Pack {
        /// The plan files (.ron), in the order they are to appear.
        #[arg(required = true)]
        plans: Vec<PathBuf>,
        /// The PDF file to write (replaced if it exists).
        #[arg(short, long)]
        output: PathBuf,
        /// The pack's title, for its cover and title bar.
        #[arg(long)]
        title: String,
        /// Replace OUTPUT even if it is not a PDF (never one of the plans).
        #[arg(long)]
        force: bool,
    },
    /// List what changed from one version of a plan to another, by
    /// section: words, figures, rows, blocks and sections.
    Diff {
        /// The earlier version (.ron).
        old: PathBuf,
        /// The later version (.ron).
        new: PathBuf,
        /// Also print the changes as a PDF document to this file.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Replace OUTPUT even if it is not a PDF (never either plan).
        #[arg(long)]
        force: bool,
    },
}

/// Runs a command-line command; `None` means "open the editor".
pub fn run(command: Command) -> ExitCode {
    match command {
        Command::Check { plan, spelling } if spelling => check_spelling(&plan),
        Command::Check { plan, .. } => check(&plan),
        Command::Templates => {
            for t in template::all() {
                println!("{}\t{}", t.id, t.name);
            }
            ExitCode::SUCCESS
        }
        Command::New {
            template,
            year,
            output,
        } => new_plan(&template, year.as_deref(), &output),
        Command::Rollforward {
            plan,
            to,
            output,
            force,
        } => rollforward::run(&plan, to.as_deref(), &output, force),
        Command::Format { plan } => format_plan(&plan),
        Command::Render {
            plan,
            output,
            force,
            review,
            unit,
        } => render(&plan, &output, force, review, unit.as_deref()),
        Command::Outline { plan } => outline(&plan),
        Command::Export {
            html: _,
            plan,
            output,
            force,
        } => export_html(&plan, &output, force),
        Command::Pack {
            plans,
            output,
            title,
            force,
        } => pack::pack(&plans, &output, &title, force),
        Command::Diff {
            old,
            new,
            output,
            force,
        } => compare::diff(&old, &new, output.as_deref(), force),
    }
}

/// Loads a plan, printing why not if it cannot.
pub(crate) fn load_or_report(path: &Path) -> Option<crate::model::Plan> {
    file::load(path).map_err(|e| report_error(&e)).ok()
}

fn check(path: &Path) -> ExitCode {
    let Some(plan) = load_or_report(path) else {
        return ExitCode::FAILURE;
    };
    let findings = validate(&plan);
    for f in &findings {
        println!("{}", terminal_safe(&f.to_string()));
    }
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    eprintln!(
        "{}: loaded; {} finding{} ({} error{})",
        path.display(),
        findings.len(),
        if findings.len() == 1 { "" } else { "s" },
        errors,
        if errors == 1 { "" } else { "s" }
    );
    ExitCode::SUCCESS
}

/// Like `check`: the list on standard output, a summary on standard
/// error, and success (misspellings are for the author to judge).
fn check_spelling(path: &Path) -> ExitCode {
    let Some(plan) = load_or_report(path) else {
        return ExitCode::FAILURE;
    };
    let speller = crate::edit::spelling::speller();
    let found = crate::edit::spelling::check_plan(&plan);
    for m in &found {
        let suggestions = speller.suggestions(&m.word);
        let line = match suggestions.is_empty() {
            true => m.to_string(),
            false => format!("{m}; suggestions: {}", suggestions.join(", ")),
        };
        println!("{}", terminal_safe(&line));
    }
    eprintln!(
        "{}: loaded; {} misspelt word{} ({} in the plan's dictionary)",
        path.display(),
        found.len(),
        if found.len() == 1 { "" } else { "s" },
        plan.dictionary.len()
    );
    ExitCode::SUCCESS
}

fn new_plan(id: &str, year: Option<&str>, output: &Path) -> ExitCode {
    let Some(template) = template::find(id) else {
        let ids: Vec<String> = template::all().into_iter().map(|t| t.id).collect();
        eprintln!(
            "error: there is no template \"{id}\"; the templates are: {}",
            ids.join(", ")
        );
        return ExitCode::FAILURE;
    };
    if output.exists() {
        eprintln!(
            "error: {} already exists; choose another name or remove it first",
            output.display()
        );
        return ExitCode::FAILURE;
    }
    let year = match year.map(crate::year::parse_year).transpose() {
        Ok(year) => year.unwrap_or_else(template::default_year),
        Err(e) => {
            report_error(&e);
            return ExitCode::FAILURE;
        }
    };
    match file::save(&template.new_plan_for(year), output) {
        Ok(()) => {
            eprintln!(
                "{}: new plan for {} from \"{}\"",
                output.display(),
                crate::model::period::financial_label(year),
                template.name
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            report_error(&e);
            ExitCode::FAILURE
        }
    }
}

fn format_plan(path: &Path) -> ExitCode {
    let result = file::load(path)
        .map_err(|e| e.to_string())
        .and_then(|plan| file::save(&plan, path).map_err(|e| e.to_string()));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            report_error(&e);
            ExitCode::FAILURE
        }
    }
}

fn outline(path: &Path) -> ExitCode {
    let Some(plan) = load_or_report(path) else {
        return ExitCode::FAILURE;
    };
    let titles = plan.walk_sections().into_iter().map(|(_, s)| s.title());
    for line in std::iter::once(plan.cover.title.clone()).chain(titles) {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if !line.is_empty() {
            println!("{line}");
        }
    }
    ExitCode::SUCCESS
}

/// Lays out and writes the PDF; reports the page count, the time taken and
/// every warning (nothing is dropped silently).
fn render(path: &Path, output: &Path, force: bool, review: bool, unit: Option<&str>) -> ExitCode {
    render_with(path, output, force, review, unit, pdf::render)
}

/// One unit's part of `plan` (see [`crate::model::Plan::unit_part`]), or
/// why there is none: a name the plan's units do not answer to, or a unit
/// with nothing of its own to print.
fn unit_part(
    plan: &crate::model::Plan,
    path: &Path,
    name: &str,
) -> Result<crate::model::Plan, String> {
    let Some(unit) = plan.unit_index(name) else {
        let names: Vec<String> = plan
            .units
            .iter()
            .map(|u| format!("\"{}\"", u.label()))
            .collect();
        return Err(if names.is_empty() {
            format!(
                "{}: the plan lists no units, so there is no unit \"{name}\" to print",
                path.display()
            )
        } else {
            format!(
                "{}: \"{name}\" is not one of the plan's units, which are {}",
                path.display(),
                names.join(", ")
            )
        });
    };
    let part = plan.unit_part(unit);
    if part.sections.is_empty() {
        return Err(format!(
            "{}: no section or table belongs to unit \"{}\", so its part would be the cover alone",
            path.display(),
            plan.units[unit].name
        ));
    }
    Ok(part)
}

/// [`render`] with the PDF writer given, so a failing writer can be tested.
/// A writer error leaves any file at `output` as it was and exits non-zero.
fn render_with(
    path: &Path,
    output: &Path,
    force: bool,
    review: bool,
    unit: Option<&str>,
    write_pdf: impl FnOnce(&layout::Document) -> Result<Vec<u8>, pdf::PdfError>,
) -> ExitCode {
    let started = std::time::Instant::now();
    if let Err(e) = check_output(Export::Pdf, Some(path), output, force) {
        let hint = match e {
            OutputError::OtherKind { .. } | OutputError::Exists { .. } => {
                "; give --force to replace it"
            }
            OutputError::IsThePlan { .. } => "",
        };
        eprintln!("error: {}{hint}", terminal_safe(&e.to_string()));
        return ExitCode::FAILURE;
    }
    let Some(mut plan) = load_or_report(path) else {
        return ExitCode::FAILURE;
    };
    if let Some(name) = unit {
        match unit_part(&plan, path, name) {
            Ok(part) => plan = part,
            Err(why) => {
                report_error(&why);
                return ExitCode::FAILURE;
            }
        }
    }
    let plan = match review {
        true => crate::model::review::review_copy(&plan),
        false => plan,
    };
    let document = layout::layout(&plan, &layout::PageSettings::default());
    let bytes = match write_pdf(&document) {
        Ok(bytes) => bytes,
        Err(e) => {
            report_error(&format!(
                "{}: {e}; nothing was written to {}",
                path.display(),
                output.display()
            ));
            return ExitCode::FAILURE;
        }
    };
    // Atomic, so a failed write never leaves half a PDF where a whole one was.
    if let Err(e) = file::write_atomic(output, &bytes, file::Previous::Replace, &mut |_| Ok(())) {
        report_error(&e);
        return ExitCode::FAILURE;
    }
    // Layout warnings name their place and page:
    // `sections[3]/blocks[1]/rows[2] (page 12): …`.
    for w in &document.warnings {
        let warning = match document.page_of(&w.place) {
            Some(page) => format!("{} (page {}): {}", w.place, page + 1, w.message),
            None => w.to_string(),
        };
        eprintln!("warning: {}", terminal_safe(&warning));
    }
    println!(
        "{}: {} pages, {} KB, in {:.0} ms",
        output.display(),
        document.pages.len(),
        bytes.len().div_ceil(1024),
        started.elapsed().as_secs_f64() * 1e3
    );
    ExitCode::SUCCESS
}

/// Writes the plan as an HTML page. Never over the plan, nor over a file
/// that is not an HTML page unless `force` (and never the plan even then).
fn export_html(path: &Path, output: &Path, force: bool) -> ExitCode {
    let Some(plan) = load_or_report(path) else {
        return ExitCode::FAILURE;
    };
    if let Err(why) = check_output(Export::Html, Some(path), output, force) {
        let hint = if force {
            ""
        } else {
            "; give --force to replace a file that is not a page"
        };
        report_error(&format!("{why}{hint}"));
        return ExitCode::FAILURE;
    }
    let page = html::render(&plan);
    if let Err(e) = file::write_atomic(
        output,
        page.as_bytes(),
        file::Previous::Replace,
        &mut |_| Ok(()),
    ) {
        report_error(&e);
        return ExitCode::FAILURE;
    }
    println!("{}: {} KB", output.display(), page.len().div_ceil(1024));
    ExitCode::SUCCESS
}

/// Refuses to print over any of `plans`, or over a file that is not a
/// PDF unless `force`; says why.
pub(crate) fn refuse_output(plans: &[&Path], output: &Path, force: bool) -> bool {
    for plan in plans {
        if let Err(e) = check_output(Export::Pdf, Some(plan), output, force) {
            let hint = match e {
                OutputError::OtherKind { .. } | OutputError::Exists { .. } => {
                    "; give --force to replace it"
                }
                OutputError::IsThePlan { .. } => "",
            };
            report_error(&format!("{e}{hint}"));
            return true;
        }
    }
    false
}

/// Draws `document` and writes it to `output` at once (never half a
/// PDF); its size in bytes, or `None` once the failure is reported.
pub(crate) fn write_pdf(document: &layout::Document, output: &Path) -> Option<usize> {
    let bytes = match pdf::render(document) {
        Ok(bytes) => bytes,
        Err(e) => {
            report_error(&format!("{e}; nothing was written to {}", output.display()));
            return None;
        }
    };
    if let Err(e) = file::write_atomic(output, &bytes, file::Previous::Replace, &mut |_| Ok(())) {
        report_error(&e);
        return None;
    }
    Some(bytes.len())
}

pub(crate) fn report_error(error: &dyn std::fmt::Display) {
    eprintln!("error: {}", terminal_safe(&error.to_string()));
}

/// `text` with its control characters escaped (`\u{1b}`), so text from a
/// plan can never move the cursor, recolour or clear the user's terminal.
/// Tabs and line breaks stay as they are.
pub fn terminal_safe(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() && c != '\n' && c != '\t' {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_escaped_for_the_terminal() {
        assert_eq!(
            terminal_safe("red \u{1b}[31mtext\u{7}\tok\n"),
            "red \\u{1b}[31mtext\\u{7}\tok\n"
        );
    }

    #[test]
    fn a_failing_pdf_writer_exits_non_zero_and_leaves_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let plan = dir.path().join("plan.ron");
        let template = template::all().remove(0);
        file::save(&template.new_plan(), &plan).unwrap();
        let output = dir.path().join("plan.pdf");
        std::fs::write(&output, b"%PDF-1.7 the earlier print").unwrap();

        let failing = |_: &layout::Document| Err(pdf::PdfError::Writer("disk on fire".into()));
        assert_eq!(
            render_with(&plan, &output, false, false, None, failing),
            ExitCode::FAILURE
        );
        assert_eq!(
            std::fs::read(&output).unwrap(),
            b"%PDF-1.7 the earlier print"
        );

        assert_eq!(
            render(&plan, &output, false, false, None),
            ExitCode::SUCCESS
        );
        assert!(std::fs::read(&output).unwrap().len() > 10_000);
    }
}
