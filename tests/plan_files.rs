//! RON files: malformed and hostile input gets a clear, positioned error;
//! saving is atomic; versions are checked.

use planwright::model::file::{self, LoadError, SaveStep};
use planwright::template;
use std::fs;
use std::io;
use std::path::Path;

fn sample_plan() -> planwright::model::Plan {
    template::find("operating-plan-2008").unwrap().new_plan()
}

/// The version line a plan is saved with today.
fn current_version() -> String {
    format!("format_version: {},", planwright::model::FORMAT_VERSION)
}

fn sample_text() -> String {
    file::to_ron(&sample_plan()).unwrap()
}

fn load_text(text: &str) -> Result<planwright::model::Plan, LoadError> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    fs::write(&path, text).unwrap();
    file::load(&path)
}

/// The error names the file, a line and column, and what was expected.
fn assert_positioned(err: &LoadError, line: usize, expect: &str) {
    let message = err.to_string();
    assert!(message.contains("plan.ron"), "no file name in: {message}");
    let (l, c) = err
        .position()
        .unwrap_or_else(|| panic!("no position in: {message}"));
    assert_eq!(l, line, "wrong line in: {message}");
    assert!(c >= 1, "no column in: {message}");
    assert!(
        message.to_lowercase().contains(&expect.to_lowercase()),
        "expected {expect:?} in: {message}"
    );
}

#[test]
fn a_wrong_type_names_its_place() {
    let text = sample_text().replacen(&current_version(), "format_version: \"one\",", 1);
    let err = load_text(&text).unwrap_err();
    assert_positioned(&err, 2, "expected");
}

#[test]
fn a_missing_field_is_named() {
    let text = sample_text().replacen("    template: \"operating-plan-2008\",\n", "", 1);
    let err = load_text(&text).unwrap_err();
    let message = err.to_string();
    assert!(message.contains("template"), "{message}");
    assert!(err.position().is_some(), "{message}");
}

#[test]
fn an_unknown_field_is_named() {
    let text = sample_text().replacen(
        "    cover: Cover(",
        "    colour: \"red\",\n    cover: Cover(",
        1,
    );
    let err = load_text(&text).unwrap_err();
    assert_positioned(&err, 4, "colour");
}

#[test]
fn a_truncated_file_is_refused_with_its_end_position() {
    let text = sample_text();
    let cut = &text[..text.len() / 2];
    let err = load_text(cut).unwrap_err();
    let (line, _) = err.position().expect("position");
    assert!(line >= cut.lines().count() - 1, "{err}");
}

#[test]
fn an_empty_file_is_refused() {
    let err = load_text("").unwrap_err();
    assert!(err.position().is_some(), "{err}");
}

#[test]
fn a_huge_file_is_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let f = fs::File::create(&path).unwrap();
    f.set_len(100 * 1024 * 1024).unwrap(); // sparse: no disk used
    let err = file::load(&path).unwrap_err();
    assert!(matches!(err, LoadError::TooLarge { .. }), "{err}");
    assert!(err.to_string().contains("plan.ron"), "{err}");
}

#[test]
fn deep_nesting_is_refused_without_overflowing_the_stack() {
    // Sub-sections 10,000 deep: well-formed, but no plan nests like that.
    let open = "Section(heading: \"\", subsections: [".repeat(10_000);
    let close = "])".repeat(10_000);
    let deep = format!(
        "Plan(format_version: 1, template: \"t\", cover: Cover(directorate: \"\", title: \"\"), \
         status: Status(state: Draft), contents: Contents(), sections: [{open}{close}])"
    );
    let err = load_text(&deep).unwrap_err();
    assert!(err.position().is_some(), "{err}");
    assert!(
        err.to_string().to_lowercase().contains("nested more than"),
        "{err}"
    );
}

#[test]
fn invalid_utf8_points_at_the_bad_byte() {
    let mut bytes = sample_text().into_bytes();
    let at = bytes.iter().position(|&b| b == b'C').unwrap(); // in "Children" on line 5
    bytes[at] = 0xFF;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    fs::write(&path, &bytes).unwrap();
    let err = file::load(&path).unwrap_err();
    let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
    assert_positioned(&err, line, "UTF-8");
}

#[test]
fn a_newer_version_is_refused_with_a_message_saying_so() {
    let text = sample_text().replacen(&current_version(), "format_version: 99,", 1);
    let err = load_text(&text).unwrap_err();
    let message = err.to_string();
    assert!(
        matches!(err, LoadError::TooNew { found: 99, .. }),
        "{message}"
    );
    assert!(message.contains("newer Planwright"), "{message}");
}

#[test]
fn a_missing_file_is_an_io_error_naming_it() {
    let err = file::load(Path::new("/nonexistent/plan.ron")).unwrap_err();
    assert!(matches!(err, LoadError::Io { .. }));
    assert!(err.to_string().contains("/nonexistent/plan.ron"));
}

#[test]
fn saving_an_unchanged_plan_writes_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    file::save(&sample_plan(), &path).unwrap();
    let first = fs::read(&path).unwrap();
    let loaded = file::load(&path).unwrap();
    file::save(&loaded, &path).unwrap();
    assert_eq!(first, fs::read(&path).unwrap());
    assert_eq!(first, fs::read(file::backup_path(&path)).unwrap());
}

/// A save interrupted before each step leaves the old file whole; one that
/// completes leaves the new file whole. Nothing else is left behind.
#[test]
fn an_interrupted_save_leaves_the_old_or_the_new_file_whole() {
    let old = sample_plan();
    let mut new = sample_plan();
    new.cover.unit = "Changed Unit".into();
    let old_bytes = file::to_ron(&old).unwrap();
    let new_bytes = file::to_ron(&new).unwrap();

    for fail_at in SaveStep::ALL {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.ron");
        file::save(&old, &path).unwrap();
        let result = file::save_with_faults(&new, &path, &mut |step| {
            if step == fail_at {
                Err(io::Error::other("disk full"))
            } else {
                Ok(())
            }
        });
        let err = result.unwrap_err().to_string();
        assert!(err.contains("unchanged"), "{err}");
        assert_eq!(
            fs::read_to_string(&path).unwrap(),
            old_bytes,
            "failed at {fail_at:?}"
        );
        let leftovers: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .filter(|n| n.starts_with('.'))
            .collect();
        assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
    }

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    file::save(&old, &path).unwrap();
    file::save(&new, &path).unwrap();
    assert_eq!(fs::read_to_string(&path).unwrap(), new_bytes);
    assert_eq!(
        fs::read_to_string(file::backup_path(&path)).unwrap(),
        old_bytes
    );
}

#[cfg(unix)]
#[test]
fn saving_into_a_read_only_folder_fails_cleanly() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    file::save(&sample_plan(), &path).unwrap();
    let before = fs::read(&path).unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o555)).unwrap();
    let mut changed = sample_plan();
    changed.cover.unit = "X".into();
    let result = file::save(&changed, &path);
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    // Root ignores folder permissions; then the save simply succeeds.
    if let Err(e) = result {
        assert!(e.to_string().contains("plan.ron"), "{e}");
        assert_eq!(fs::read(&path).unwrap(), before);
    }
}

#[test]
fn an_atomic_write_that_replaces_keeps_no_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.pdf");
    for bytes in [&b"old"[..], &b"new"[..]] {
        file::write_atomic(&path, bytes, file::Previous::Replace, &mut |_| Ok(())).unwrap();
    }
    assert_eq!(fs::read(&path).unwrap(), b"new");
    let names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["plan.pdf"]);
}

/// A plan with sections and lists nested `depth` levels (the list in the
/// deepest section, and in a table cell there too).
fn nested_plan(depth: usize) -> planwright::model::Plan {
    use planwright::model::{
        Block, Cell, CellBlock, Column, ColumnKind, List, ListItem, Row, RowKind, Section, Table,
        TableKind,
    };
    let mut list = List::default();
    for level in (1..=depth).rev() {
        let mut item = ListItem::new(format!("level {level}"));
        item.children = list;
        list = List {
            items: vec![item],
            ..List::default()
        };
    }
    let mut table = Table::new(
        TableKind::Generic,
        vec![Column::new("Text", ColumnKind::Text)],
    );
    table.rows.push(Row::new(
        RowKind::Data,
        vec![Cell(vec![CellBlock::List(list.clone())])],
    ));
    let mut section = Section::new("deepest");
    section.blocks = vec![Block::List(list), Block::Table(table)];
    for level in (1..depth).rev() {
        let mut outer = Section::new(format!("section {level}"));
        outer.subsections.push(section);
        section = outer;
    }
    let mut plan = sample_plan();
    plan.sections = vec![section];
    plan
}

#[test]
fn a_plan_at_the_nesting_limit_saves_and_loads_and_one_level_deeper_is_refused() {
    use planwright::model::nesting::MAX_NESTING;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let at_limit = nested_plan(MAX_NESTING);
    file::save(&at_limit, &path).unwrap();
    assert_eq!(file::load(&path).unwrap(), at_limit);

    let saved = fs::read(&path).unwrap();
    let err = file::save(&nested_plan(MAX_NESTING + 1), &path).unwrap_err();
    let message = err.to_string();
    assert!(
        message.contains(&format!("at most {MAX_NESTING} levels")),
        "{message}"
    );
    assert_eq!(
        fs::read(&path).unwrap(),
        saved,
        "a refused save leaves the file"
    );

    // A file made deeper by hand loads with a message naming the limit.
    let deeper = file::to_ron(&nested_plan(MAX_NESTING + 1)).unwrap();
    let err = load_text(&deeper).unwrap_err().to_string();
    assert!(
        err.contains(&format!("nested {} levels", MAX_NESTING + 1)),
        "{err}"
    );
    assert!(
        err.contains(&format!("at most {MAX_NESTING} levels")),
        "{err}"
    );
}
