//! The `planwright` command line: check, start and tidy plans from a
//! terminal or a script.

use crate::model::check::{Severity, validate};
use crate::model::file;
use crate::template;
use crate::{layout, pdf};
use clap::{Parser, Subcommand};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

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
    },
    /// List the plan templates, one a line.
    Templates,
    /// Start a new plan from a template.
    New {
        /// The template's id, as `planwright templates` lists them.
        #[arg(long)]
        template: String,
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
    /// Print a plan as a PDF for sign-off.
    Render {
        /// The plan file (.ron) to print.
        plan: PathBuf,
        /// The PDF file to write (replaced if it exists).
        #[arg(short, long)]
        output: PathBuf,
    },
}

/// Runs a command-line command; `None` means "open the editor".
pub fn run(command: Command) -> ExitCode {
    match command {
        Command::Check { plan } => check(&plan),
        Command::Templates => {
            for t in template::all() {
                println!("{}\t{}", t.id, t.name);
            }
            ExitCode::SUCCESS
        }
        Command::New { template, output } => new_plan(&template, &output),
        Command::Format { plan } => format_plan(&plan),
        Command::Render { plan, output } => render(&plan, &output),
        Command::Outline { plan } => outline(&plan),
    }
}

/// Loads a plan, printing why not if it cannot.
fn load_or_report(path: &Path) -> Option<crate::model::Plan> {
    file::load(path).map_err(|e| eprintln!("error: {e}")).ok()
}

fn check(path: &Path) -> ExitCode {
    let Some(plan) = load_or_report(path) else {
        return ExitCode::FAILURE;
    };
    let findings = validate(&plan);
    for f in &findings {
        println!("{f}");
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

fn new_plan(id: &str, output: &Path) -> ExitCode {
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
    match file::save(&template.new_plan(), output) {
        Ok(()) => {
            eprintln!("{}: new plan from \"{}\"", output.display(), template.name);
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
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
            eprintln!("error: {e}");
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
fn render(path: &Path, output: &Path) -> ExitCode {
    let started = std::time::Instant::now();
    let Some(plan) = load_or_report(path) else {
        return ExitCode::FAILURE;
    };
    let document = layout::layout(&plan, &layout::PageSettings::default());
    let rendered = pdf::render(&document);
    // Atomic, so a failed write never leaves half a PDF where a whole one was.
    if let Err(e) = file::write_atomic(
        output,
        &rendered.bytes,
        file::Previous::Replace,
        &mut |_| Ok(()),
    ) {
        eprintln!("error: {e}");
        return ExitCode::FAILURE;
    }
    for warning in document.warnings.iter().chain(&rendered.warnings) {
        eprintln!("warning: {warning}");
    }
    println!(
        "{}: {} pages, {} KB, in {:.0} ms",
        output.display(),
        document.pages.len(),
        rendered.bytes.len().div_ceil(1024),
        started.elapsed().as_secs_f64() * 1e3
    );
    ExitCode::SUCCESS
}
