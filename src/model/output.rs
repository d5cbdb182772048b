//! Where an export (the PDF, the HTML page) may be written: never over
//! the plan it comes from, and never over a file of another kind unless
//! the user insists.

use std::path::{Path, PathBuf};

/// What is being exported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Export {
    Pdf,
    Html,
    /// A plan made from another (rolled forward): a plan is the author's
    /// work, so an existing file is never replaced unless forced.
    Plan,
}

impl Export {
    fn extension(self) -> &'static str {
        match self {
            Export::Pdf => "pdf",
            Export::Html => "html",
            Export::Plan => "ron",
        }
    }

    /// The name's suffix when the plan itself already has the export's name.
    fn other_stem(self) -> &'static str {
        match self {
            Export::Pdf => "print",
            Export::Html => "web",
            Export::Plan => "next",
        }
    }

    fn described(self) -> &'static str {
        match self {
            Export::Pdf => "a PDF",
            Export::Html => "an HTML page",
            Export::Plan => "a file Planwright may replace",
        }
    }

    /// Whether a file starting with `start` is one of these (so an earlier
    /// export may be replaced without asking).
    pub fn recognises(self, start: &[u8]) -> bool {
        match self {
            Export::Pdf => start.starts_with(b"%PDF-"),
            Export::Html => {
                let start = String::from_utf8_lossy(start).to_lowercase();
                let start = start.trim_start_matches('\u{feff}').trim_start();
                start.starts_with("<!doctype html") || start.starts_with("<html")
            }
            Export::Plan => false,
        }
    }
}

impl std::fmt::Display for Export {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Export::Pdf => "the PDF",
            Export::Html => "the page",
            Export::Plan => "the new plan",
        })
    }
}

/// Why an export was not written where asked.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    #[error(
        "{output} is the plan itself; writing {kind} there would destroy the plan. Choose another name, such as {suggested}"
    )]
    IsThePlan {
        output: PathBuf,
        suggested: String,
        kind: Export,
    },
    #[error("{output} exists and is not {}, so it was left as it is", kind.described())]
    OtherKind { output: PathBuf, kind: Export },
    #[error("{output} already exists, so it was left as it is")]
    Exists { output: PathBuf },
}

/// Checks that `kind` of the plan at `plan` may be written to `output`:
/// not the plan's own file (however the path is spelt: through a link,
/// with `./`, or a second hard link), and, unless `force`, not an
/// existing file of another kind.
pub fn check_output(
    kind: Export,
    plan: Option<&Path>,
    output: &Path,
    force: bool,
) -> Result<(), OutputError> {
    if let Some(plan) = plan
        && same_file(plan, output)
    {
        return Err(OutputError::IsThePlan {
            output: output.to_owned(),
            suggested: name_for(kind, plan),
            kind,
        });
    }
    if !force && output.exists() && kind == Export::Plan {
        return Err(OutputError::Exists {
            output: output.to_owned(),
        });
    }
    if !force && output.exists() && !starts_as(kind, output) {
        return Err(OutputError::OtherKind {
            output: output.to_owned(),
            kind,
        });
    }
    Ok(())
}

/// The export's name beside the plan: `plan.pdf` for `plan.ron`, and never
/// the plan's own name (a plan saved as `plan.pdf` gets `plan-print.pdf`).
pub fn name_for(kind: Export, plan: &Path) -> String {
    let stem = plan.file_stem().unwrap_or_default().to_string_lossy();
    let name = format!("{stem}.{}", kind.extension());
    if plan
        .file_name()
        .is_some_and(|n| n.to_string_lossy() == name)
    {
        format!("{stem}-{}.{}", kind.other_stem(), kind.extension())
    } else {
        name
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    let (Ok(a_meta), Ok(b_meta)) = (std::fs::metadata(a), std::fs::metadata(b)) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if (a_meta.dev(), a_meta.ino()) == (b_meta.dev(), b_meta.ino()) {
            return true;
        }
    }
    let _ = (a_meta, b_meta);
    matches!(
        (std::fs::canonicalize(a), std::fs::canonicalize(b)),
        (Ok(a), Ok(b)) if a == b
    )
}

fn starts_as(kind: Export, path: &Path) -> bool {
    use std::io::Read;
    let mut start = Vec::with_capacity(64);
    std::fs::File::open(path)
        .and_then(|f| f.take(64).read_to_end(&mut start))
        .is_ok_and(|_| kind.recognises(&start))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_suggested_name_is_never_the_plan() {
        assert_eq!(name_for(Export::Pdf, Path::new("/a/plan.ron")), "plan.pdf");
        assert_eq!(
            name_for(Export::Pdf, Path::new("/a/plan.pdf")),
            "plan-print.pdf"
        );
        assert_eq!(
            name_for(Export::Html, Path::new("/a/plan.html")),
            "plan-web.html"
        );
    }

    #[test]
    fn only_pdfs_are_replaced_unless_forced() {
        let dir = tempfile::tempdir().unwrap();
        let (pdf, notes) = (dir.path().join("a.pdf"), dir.path().join("notes.txt"));
        std::fs::write(&pdf, "%PDF-1.7\n").unwrap();
        std::fs::write(&notes, "my notes").unwrap();
        let check = |path: &Path, force| check_output(Export::Pdf, None, path, force);
        assert!(check(&pdf, false).is_ok());
        assert!(check(&dir.path().join("new.pdf"), false).is_ok());
        let refused = check(&notes, false).unwrap_err();
        assert!(refused.to_string().contains("is not a PDF"), "{refused}");
        assert!(check(&notes, true).is_ok());
        let page = check_output(Export::Html, None, &pdf, false).unwrap_err();
        assert!(page.to_string().contains("is not an HTML page"), "{page}");
    }

    #[test]
    fn a_plan_is_never_written_over_an_existing_file_unless_forced() {
        let dir = tempfile::tempdir().unwrap();
        let (old, other) = (dir.path().join("old.ron"), dir.path().join("other.ron"));
        std::fs::write(&old, "Plan()").unwrap();
        std::fs::write(&other, "Plan()").unwrap();
        let check = |path: &Path, force| check_output(Export::Plan, Some(&old), path, force);
        assert!(matches!(
            check(&old, true),
            Err(OutputError::IsThePlan { .. })
        ));
        let refused = check(&other, false).unwrap_err();
        assert!(refused.to_string().contains("already exists"), "{refused}");
        assert!(check(&other, true).is_ok());
        assert!(check(&dir.path().join("new.ron"), false).is_ok());
    }
}
