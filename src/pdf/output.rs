//! Where a PDF may be written: never over the plan it prints, and never
//! over a file that is not a PDF unless the user insists.

use std::path::{Path, PathBuf};

/// Why a PDF was not written where asked.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    #[error(
        "{output} is the plan itself; writing the PDF there would destroy the plan. Choose another name, such as {suggested}"
    )]
    IsThePlan { output: PathBuf, suggested: String },
    #[error("{output} exists and is not a PDF, so it was left as it is")]
    NotAPdf { output: PathBuf },
}

/// Checks that a PDF of the plan at `plan` may be written to `output`:
/// not the plan's own file (however the path is spelt: through a link,
/// with `./`, or a second hard link), and, unless `force`, not an
/// existing file that does not start as a PDF does.
pub fn check_output(plan: Option<&Path>, output: &Path, force: bool) -> Result<(), OutputError> {
    if let Some(plan) = plan
        && same_file(plan, output)
    {
        return Err(OutputError::IsThePlan {
            output: output.to_owned(),
            suggested: pdf_name_for(plan),
        });
    }
    if !force && output.exists() && !starts_as_pdf(output) {
        return Err(OutputError::NotAPdf {
            output: output.to_owned(),
        });
    }
    Ok(())
}

/// A PDF's name beside the plan: `plan.pdf` for `plan.ron`, and never the
/// plan's own name (a plan saved as `plan.pdf` gets `plan-print.pdf`).
pub fn pdf_name_for(plan: &Path) -> String {
    let stem = plan.file_stem().unwrap_or_default().to_string_lossy();
    let name = format!("{stem}.pdf");
    if plan
        .file_name()
        .is_some_and(|n| n.to_string_lossy() == name)
    {
        format!("{stem}-print.pdf")
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

fn starts_as_pdf(path: &Path) -> bool {
    use std::io::Read;
    let mut start = [0u8; 5];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut start))
        .is_ok_and(|()| &start == b"%PDF-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_suggested_pdf_is_never_the_plan() {
        assert_eq!(pdf_name_for(Path::new("/a/plan.ron")), "plan.pdf");
        assert_eq!(pdf_name_for(Path::new("/a/plan.pdf")), "plan-print.pdf");
    }

    #[test]
    fn only_pdfs_are_replaced_unless_forced() {
        let dir = tempfile::tempdir().unwrap();
        let (pdf, notes) = (dir.path().join("a.pdf"), dir.path().join("notes.txt"));
        std::fs::write(&pdf, "%PDF-1.7\n").unwrap();
        std::fs::write(&notes, "my notes").unwrap();
        assert!(check_output(None, &pdf, false).is_ok());
        assert!(check_output(None, &dir.path().join("new.pdf"), false).is_ok());
        let refused = check_output(None, &notes, false).unwrap_err();
        assert!(refused.to_string().contains("is not a PDF"), "{refused}");
        assert!(check_output(None, &notes, true).is_ok());
    }
}
