//! What can go wrong in the app, each with a message an author can act on.

use crate::model::file::{LoadError, SaveError};
use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("{0}")]
    Load(#[from] LoadError),
    #[error("{0}")]
    Save(#[from] SaveError),
    #[error("{0}")]
    Pdf(#[from] crate::pdf::PdfError),
    #[error("the PDF could not be made: the print engine stopped unexpectedly")]
    ExportStopped,
    #[error("could not open {path} in its viewer: {source}")]
    ShowFile {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("could not make the recovery folder {path}: {source}")]
    RecoveryFolder {
        path: PathBuf,
        source: std::io::Error,
    },
}
