//! Reading and writing plans as RON: versioned, stable byte for byte, and
//! saved atomically so a crash or a full disk never leaves half a plan.

use super::nesting::{MAX_NESTING, bracket_too_deep, too_deep};
use super::{FORMAT_VERSION, Plan};
use serde::Deserialize;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Plans are a few hundred kilobytes; anything this big is not a plan.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;
/// How deeply RON may nest before a file is refused outright: well above
/// what a plan at the nesting limit needs (a list nested
/// [`MAX_NESTING`] deep in a table in a section nested as deep), far below
/// what makes the parser slow.
const RECURSION_LIMIT: usize = 128;

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{path}: cannot read the file: {source}")]
    Io { path: PathBuf, source: io::Error },
    #[error("{path}: the file is {size} bytes; a plan file is at most {max} bytes")]
    TooLarge { path: PathBuf, size: u64, max: u64 },
    #[error("{path}:{line}:{column}: {message}")]
    Syntax {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error(
        "{path}: this plan was saved in format version {found} by a newer Planwright; this version reads format versions up to {supported}. Update Planwright to open it."
    )]
    TooNew {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    #[error("{path}: format version {found} is not one Planwright has ever written")]
    UnknownVersion { path: PathBuf, found: u32 },
    #[error("{path}: {message}; the file is refused")]
    TooDeep { path: PathBuf, message: String },
}

impl LoadError {
    /// Line and column (1-based) where the problem is, when known.
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            LoadError::Syntax { line, column, .. } => Some((*line, *column)),
            _ => None,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("{path}: the plan could not be written as RON: {message}")]
    Serialize { path: PathBuf, message: String },
    #[error("{path}: not saved: {message}. Outdent them first; the file on disk is unchanged.")]
    TooDeep { path: PathBuf, message: String },
    #[error("{path}: could not save ({step}): {source}. The file on disk is unchanged.")]
    Io {
        path: PathBuf,
        step: SaveStep,
        source: io::Error,
    },
}

/// The steps of an atomic save, in order. A failure at any of them leaves
/// the previous file whole at its path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveStep {
    WriteTemp,
    FlushTemp,
    Backup,
    Replace,
}

impl SaveStep {
    pub const ALL: [SaveStep; 4] = [
        SaveStep::WriteTemp,
        SaveStep::FlushTemp,
        SaveStep::Backup,
        SaveStep::Replace,
    ];
}

impl std::fmt::Display for SaveStep {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            SaveStep::WriteTemp => "writing a temporary copy",
            SaveStep::FlushTemp => "flushing the temporary copy to disk",
            SaveStep::Backup => "keeping the previous file as a backup",
            SaveStep::Replace => "replacing the file",
        })
    }
}

/// RON as Planwright reads and writes it. Newtype variants are unwrapped,
/// so a table block reads `Table(kind: Budget, …)`, not `Table(Table(…))`.
pub fn ron_options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::UNWRAP_VARIANT_NEWTYPES)
        .with_recursion_limit(RECURSION_LIMIT)
}

/// The plan as pretty RON: the same plan always gives the same bytes.
pub fn to_ron(plan: &Plan) -> Result<String, ron::Error> {
    // Single-line RON with struct names, re-laid out to fit 100 columns.
    let config = ron::ser::PrettyConfig::new()
        .struct_names(true)
        .new_line(String::new())
        .indentor(String::new())
        .compact_arrays(true)
        .compact_structs(true)
        .compact_maps(true)
        .separate_tuple_members(false)
        .escape_strings(true);
    let compact = ron_options().to_string_pretty(plan, config)?;
    let mut text = super::pretty::layout(&compact);
    text.push('\n');
    Ok(text)
}

/// Parses a plan from RON text. `path` is only used in messages.
pub fn from_ron(text: &str, path: &Path) -> Result<Plan, LoadError> {
    if let Some((line, column)) = bracket_too_deep(text, RECURSION_LIMIT) {
        return Err(LoadError::Syntax {
            path: path.to_owned(),
            line,
            column,
            message: too_deep_message(),
        });
    }
    let plan = parse(text, path)?;
    match too_deep(&plan) {
        Some(found) => Err(LoadError::TooDeep {
            path: path.to_owned(),
            message: found.to_string(),
        }),
        None => Ok(plan),
    }
}

fn too_deep_message() -> String {
    format!(
        "brackets are nested more than {RECURSION_LIMIT} deep here; sections and lists nest at most {MAX_NESTING} levels, so no plan needs that, and the file is refused"
    )
}

fn parse(text: &str, path: &Path) -> Result<Plan, LoadError> {
    let options = ron_options();

    // Parse once; read the version on its own only when that fails, so a
    // newer file gets a message about its version rather than about
    // whichever field it added.
    let parsed: Result<Plan, _> = options.from_str(text);
    let version = match &parsed {
        Ok(plan) => Some(plan.format_version),
        Err(_) => {
            #[derive(Deserialize)]
            #[serde(rename = "Plan")]
            struct VersionProbe {
                format_version: u32,
            }
            options
                .from_str::<VersionProbe>(text)
                .ok()
                .map(|p| p.format_version)
        }
    };
    match version {
        Some(v) if v > FORMAT_VERSION => Err(LoadError::TooNew {
            path: path.to_owned(),
            found: v,
            supported: FORMAT_VERSION,
        }),
        Some(0) => Err(LoadError::UnknownVersion {
            path: path.to_owned(),
            found: 0,
        }),
        _ => {
            let mut plan = parsed.map_err(|e| syntax_error(path, &e))?;
            super::migrate::upgrade(&mut plan);
            Ok(plan)
        }
    }
}

fn syntax_error(path: &Path, error: &ron::error::SpannedError) -> LoadError {
    LoadError::Syntax {
        path: path.to_owned(),
        line: error.span.start.line,
        column: error.span.start.col,
        message: match error.code {
            ron::Error::ExceededRecursionLimit => too_deep_message(),
            ref code => code.to_string(),
        },
    }
}

/// Loads a plan, refusing oversized, non-UTF-8 and malformed files with a
/// message that names the file and the place.
pub fn load(path: &Path) -> Result<Plan, LoadError> {
    let io_error = |source| LoadError::Io {
        path: path.to_owned(),
        source,
    };
    let size = fs::metadata(path).map_err(io_error)?.len();
    if size > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            path: path.to_owned(),
            size,
            max: MAX_FILE_BYTES,
        });
    }
    let bytes = fs::read(path).map_err(io_error)?;
    from_bytes(&bytes, path)
}

/// Parses a plan from a file's bytes: UTF-8, with or without the byte-order
/// mark Windows editors such as Notepad put in front.
pub fn from_bytes(bytes: &[u8], path: &Path) -> Result<Plan, LoadError> {
    const BYTE_ORDER_MARK: &[u8] = b"\xEF\xBB\xBF";
    let bytes = bytes.strip_prefix(BYTE_ORDER_MARK).unwrap_or(bytes);
    from_ron(decode_utf8(bytes, path)?, path)
}

/// Checks that `bytes` are UTF-8, pointing at the first bad byte if not.
pub fn decode_utf8<'a>(bytes: &'a [u8], path: &Path) -> Result<&'a str, LoadError> {
    std::str::from_utf8(bytes).map_err(|e| {
        let good = &bytes[..e.valid_up_to()];
        // `good` is valid UTF-8 by construction.
        let good = std::str::from_utf8(good).unwrap_or_default();
        let line = good.matches('\n').count() + 1;
        let column = good.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        LoadError::Syntax {
            path: path.to_owned(),
            line,
            column,
            message: format!(
                "the file is not valid UTF-8 text (byte 0x{:02X} at offset {}); plans are saved as UTF-8",
                bytes[e.valid_up_to()],
                e.valid_up_to()
            ),
        }
    })
}

/// The file beside `path` that keeps the previous version.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

/// The kinds of temporary file a save makes beside its target.
const TEMP_KINDS: [&str; 2] = ["saving", "backup"];

/// `.NAME.saving-PID`: hidden (a leading dot) where the platform hides
/// such files, and recognisable, so a later save can clear what an
/// interrupted one left.
fn temp_path(path: &Path, what: &str) -> PathBuf {
    let mut name = std::ffi::OsString::from(".");
    name.push(path.file_name().unwrap_or_default());
    name.push(format!(".{what}-{}", std::process::id()));
    path.with_file_name(name)
}

/// A save interrupted this long ago is over: its temporary files are
/// litter. (A younger one may be another Planwright saving right now.)
const STALE_AFTER: std::time::Duration = std::time::Duration::from_secs(60);

/// Removes the temporary files earlier saves of `path` left behind when
/// they were interrupted (a crash, a power cut): only files named as
/// [`temp_path`] names them, for this file, by another process, and
/// untouched for a minute. Best effort: litter is never worth an error.
fn remove_stale_temps(path: &Path) {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return;
    };
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let prefix = format!(".{name}.");
    let own = std::process::id().to_string();
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(rest) = file_name.to_str().and_then(|n| n.strip_prefix(&prefix)) else {
            continue;
        };
        let is_ours = TEMP_KINDS.iter().any(|kind| {
            rest.strip_prefix(kind)
                .and_then(|r| r.strip_prefix('-'))
                .is_some_and(|pid| {
                    !pid.is_empty() && pid != own && pid.bytes().all(|b| b.is_ascii_digit())
                })
        });
        let stale = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age >= STALE_AFTER);
        if is_ours && stale {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Where a save to `path` really writes: through a symbolic link to its
/// target, so the link (a shared folder linked into Documents) survives.
fn save_target(path: &Path) -> PathBuf {
    let is_link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if is_link && let Ok(target) = fs::canonicalize(path) {
        return target;
    }
    path.to_owned()
}

/// Gives the new file the old one's permissions (a private plan stays
/// private) and, on Unix, its owner and group where this process may.
fn keep_permissions(old: &fs::Metadata, new: &fs::File) -> io::Result<()> {
    new.set_permissions(old.permissions())?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        // Only root may give a file away; anyone may keep their own.
        let _ = std::os::unix::fs::fchown(new, Some(old.uid()), Some(old.gid()));
    }
    Ok(())
}

/// Saves atomically: write a temporary file beside the target, flush it,
/// keep the previous file as `NAME.bak`, then rename over the target.
pub fn save(plan: &Plan, path: &Path) -> Result<(), SaveError> {
    save_with_faults(plan, path, &mut |_| Ok(()))
}

/// [`save`], calling `before` ahead of each step; an error from it aborts
/// the save there, as a crash or full disk would. Tests use this.
pub fn save_with_faults(
    plan: &Plan,
    path: &Path,
    before: &mut dyn FnMut(SaveStep) -> io::Result<()>,
) -> Result<(), SaveError> {
    if let Some(found) = too_deep(plan) {
        return Err(SaveError::TooDeep {
            path: path.to_owned(),
            message: found.to_string(),
        });
    }
    let text = to_ron(plan).map_err(|e| SaveError::Serialize {
        path: path.to_owned(),
        message: e.to_string(),
    })?;
    write_atomic(path, text.as_bytes(), Previous::KeepAsBackup, before)
}

/// What becomes of the file an atomic write replaces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Previous {
    /// Kept beside it as `NAME.bak` (plans: the author's last save).
    KeepAsBackup,
    /// Simply replaced (exported PDFs, recovery files).
    Replace,
}

/// Writes `bytes` to `path` so that `path` always holds either its old
/// content or `bytes`, whole. A link is followed and its target written;
/// the file keeps its permissions.
pub fn write_atomic(
    path: &Path,
    bytes: &[u8],
    previous: Previous,
    before: &mut dyn FnMut(SaveStep) -> io::Result<()>,
) -> Result<(), SaveError> {
    let target = save_target(path);
    let temp = temp_path(&target, "saving");
    let result = write_steps(&target, &temp, bytes, previous, before);
    if result.is_err() {
        // Best effort: the temporary file is ours and worthless now.
        let _ = fs::remove_file(&temp);
    } else {
        remove_stale_temps(&target);
    }
    result
}

fn write_steps(
    path: &Path,
    temp: &Path,
    bytes: &[u8],
    previous: Previous,
    before: &mut dyn FnMut(SaveStep) -> io::Result<()>,
) -> Result<(), SaveError> {
    let fail = |step: SaveStep| {
        move |source: io::Error| SaveError::Io {
            path: path.to_owned(),
            step,
            source,
        }
    };

    before(SaveStep::WriteTemp).map_err(fail(SaveStep::WriteTemp))?;
    let mut file = fs::File::create(temp).map_err(fail(SaveStep::WriteTemp))?;
    if let Ok(old) = fs::metadata(path) {
        keep_permissions(&old, &file).map_err(fail(SaveStep::WriteTemp))?;
    }
    file.write_all(bytes).map_err(fail(SaveStep::WriteTemp))?;

    before(SaveStep::FlushTemp).map_err(fail(SaveStep::FlushTemp))?;
    file.sync_all().map_err(fail(SaveStep::FlushTemp))?;
    drop(file);

    before(SaveStep::Backup).map_err(fail(SaveStep::Backup))?;
    if previous == Previous::KeepAsBackup && path.exists() {
        // Copy, not rename: the target must stay in place until the new
        // file replaces it in one step. The backup is itself written whole.
        let backup = backup_path(path);
        let backup_temp = temp_path(path, "backup");
        // Synced before the rename: after a power cut the backup is whole
        // while the plan itself is being replaced.
        let copied = fs::copy(path, &backup_temp)
            .and_then(|_| {
                fs::OpenOptions::new()
                    .write(true)
                    .open(&backup_temp)?
                    .sync_all()
            })
            .and_then(|_| fs::rename(&backup_temp, &backup));
        if let Err(e) = copied {
            let _ = fs::remove_file(&backup_temp);
            return Err(fail(SaveStep::Backup)(e));
        }
    }

    before(SaveStep::Replace).map_err(fail(SaveStep::Replace))?;
    fs::rename(temp, path).map_err(fail(SaveStep::Replace))?;
    sync_parent(path);
    Ok(())
}

/// Makes the rename itself durable where the platform allows it.
fn sync_parent(path: &Path) {
    #[cfg(unix)]
    if let Some(dir) = path.parent() {
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        if let Ok(d) = fs::File::open(dir) {
            let _ = d.sync_all();
        }
    }
}
