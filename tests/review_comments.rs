//! Review comments in the file, in `check` and in print: kept through
//! save and load, reported while open, printed only in the review copy.

use planwright::layout::{self, Document, Page, PageSettings};
use planwright::model::review::review_copy;
use planwright::model::{Block, Comment, Location, Plan, Reply, file};
use std::path::{Path, PathBuf};
use std::process::Command;

fn seed() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/2008-09-strategy-policy-performance.ron")
}

/// The seed with an open comment on the first table's third row's second
/// cell, a resolved one on a paragraph, and an open one on a section.
fn commented() -> (Plan, Location) {
    let mut plan = file::load(&seed()).unwrap();
    let (path, b) = plan
        .walk_sections()
        .into_iter()
        .find_map(|(path, s)| {
            let b = s
                .blocks
                .iter()
                .position(|b| matches!(b, Block::Table(t) if t.rows.len() > 3))?;
            Some((path, b))
        })
        .unwrap();
    let cell = Location::cell(&path, b, 2, Some(1));
    let mut open = Comment::new("Ann Reviewer", "1 Dec 2026", "Quokkafigure looks high");
    open.replies.push(Reply {
        author: "Bo Author".into(),
        date: "2 Dec 2026".into(),
        text: "Wallabyreply checked".into(),
    });
    plan.add_comment(&cell, open).unwrap();
    let mut resolved = Comment::new("Ann Reviewer", "", "Numbatresolved settled");
    resolved.resolved = true;
    plan.add_comment(&Location::block(&[1], 0), resolved)
        .unwrap();
    plan.add_comment(
        &Location::section(&[0]),
        Comment::new("Cy", "", "Bilbyheading wording"),
    )
    .unwrap();
    (plan, cell)
}

fn printed(document: &Document) -> String {
    document
        .pages
        .iter()
        .flat_map(Page::text_runs)
        .map(|r| r.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn comments_survive_save_and_load_and_insertions_above_their_row() {
    let (mut plan, cell) = commented();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    file::save(&plan, &path).unwrap();
    let loaded = file::load(&path).unwrap();
    assert_eq!(loaded, plan);
    assert_eq!(loaded.comments().len(), 3);

    let section = plan.section_mut(&cell.sections).unwrap();
    let Block::Table(table) = &mut section.blocks[cell.block.unwrap()] else {
        unreachable!()
    };
    let blank = table.blank_row(planwright::model::RowKind::Data);
    table.rows.insert(0, blank);
    let moved = plan
        .comments()
        .into_iter()
        .find(|c| c.comment.text.starts_with("Quokka"))
        .unwrap();
    assert_eq!(
        moved.location.row,
        Some(3),
        "the comment moved with its row"
    );
}

#[test]
fn check_reports_open_comments_where_they_are() {
    let (plan, cell) = commented();
    let findings = planwright::model::check::validate(&plan);
    let comments: Vec<_> = findings
        .iter()
        .filter(|f| f.message.starts_with("open comment"))
        .collect();
    assert_eq!(comments.len(), 2, "the resolved one is not reported");
    let on_cell = comments.iter().find(|f| f.location == cell).unwrap();
    assert!(
        on_cell
            .message
            .contains("Ann Reviewer (1 Dec 2026): Quokkafigure looks high"),
        "{}",
        on_cell.message
    );
    assert!(
        on_cell.message.contains("row 3, column"),
        "{}",
        on_cell.message
    );
    assert!(
        on_cell.to_string().contains("blocks[")
            && on_cell.to_string().contains("/rows[2]/cells[1]"),
        "{on_cell}"
    );
}

#[test]
fn only_the_review_copy_prints_comments_numbered_at_their_place() {
    let (plan, _) = commented();
    let settings = PageSettings::default();
    let sign_off = printed(&layout::layout(&plan, &settings));
    for word in [
        "Quokkafigure",
        "Wallabyreply",
        "Bilbyheading",
        "Numbatresolved",
        "Review comments",
    ] {
        assert!(!sign_off.contains(word), "the sign-off print shows {word}");
    }
    let review = printed(&layout::layout(&review_copy(&plan), &settings));
    for word in [
        "Quokkafigure",
        "Wallabyreply",
        "Bilbyheading",
        "Review comments",
        "[1]",
        "[2]",
    ] {
        assert!(review.contains(word), "the review copy lacks {word}");
    }
    assert!(
        !review.contains("Numbatresolved"),
        "a resolved comment is printed"
    );
    assert!(!review.contains("[3]"));
    // The commented heading's mark is printed by it, but its bookmark and
    // contents line give the heading's own words.
    let copy = layout::layout(&review_copy(&plan), &settings);
    let words = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    let heading = words(&plan.sections[0].title());
    assert!(!heading.is_empty());
    let bookmark = (copy.bookmarks.iter()).find(|b| b.title.starts_with(&heading));
    assert_eq!(bookmark.map(|b| words(&b.title)), Some(heading));
}

#[test]
fn render_review_writes_the_review_copy_and_check_lists_comments() {
    let (plan, _) = commented();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    file::save(&plan, &path).unwrap();
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_planwright"))
            .args(args)
            .output()
            .unwrap()
    };
    let p = path.to_str().unwrap();
    let check = run(&["check", p]);
    assert!(check.status.success());
    let out = String::from_utf8_lossy(&check.stdout);
    assert_eq!(
        out.lines()
            .filter(|l| l.contains("open comment on"))
            .count(),
        2,
        "{out}"
    );

    let normal = dir.path().join("plan.pdf");
    let review = dir.path().join("review.pdf");
    let normal_run = run(&["render", p, "-o", normal.to_str().unwrap()]);
    assert!(normal_run.status.success());
    let review_run = run(&["render", "--review", p, "-o", review.to_str().unwrap()]);
    assert!(
        review_run.status.success(),
        "{}",
        String::from_utf8_lossy(&review_run.stderr)
    );
    let pages = |o: &std::process::Output| {
        let text = String::from_utf8_lossy(&o.stdout).into_owned();
        let n: usize = text
            .split(": ")
            .nth(1)
            .unwrap()
            .split(' ')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        n
    };
    assert!(pages(&review_run) >= pages(&normal_run));
    assert_ne!(
        std::fs::read(&normal).unwrap().len(),
        std::fs::read(&review).unwrap().len()
    );
}
