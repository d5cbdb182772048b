//! Review comments, sign-off and versions in the real editor, by
//! accessible labels: add, reply, resolve and jump to a comment; the
//! version moving on; a signed-off plan read-only until a new draft.

use common::{Fixture, type_into};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use planwright::app::PlanwrightApp;
use planwright::app::commands::Command;
use planwright::edit::status::NEEDS_SIGN_OFF;
use planwright::model::{Location, PlanState, SignOff, file};
use planwright::ui::Page;

mod common;

fn click(harness: &mut Harness<'_, PlanwrightApp>, label: &str) {
    harness.get_by_label(label).click();
    harness.run();
}

#[test]
fn add_reply_resolve_and_jump_to_a_comment() {
    let fixture = Fixture::new();
    let mut harness = fixture.app_on_template();
    assert_eq!(harness.state().page(), &Page::Section(vec![0]));
    click(&mut harness, "Comment on Paragraph 1");
    // The reviewer's name is asked once, then kept in the preferences.
    type_into(&mut harness, "Your name for comments", "Ann Reviewer");
    click(&mut harness, "Use this name");
    assert_eq!(harness.state().prefs().reviewer, "Ann Reviewer");
    type_into(&mut harness, "New comment", "Say who leads this");
    click(&mut harness, "Add comment");

    let comments = harness.state().plan().comments();
    assert_eq!(comments.len(), 1);
    assert_eq!(comments[0].location, Location::block(&[0], 0));
    assert_eq!(comments[0].comment.author, "Ann Reviewer");
    assert_eq!(comments[0].comment.text, "Say who leads this");
    assert!(!comments[0].comment.date.is_empty(), "dated today");
    // The marker beside the block, and the finding.
    harness.get_by_label("Open comments on Paragraph 1");
    assert!(
        harness
            .state()
            .findings()
            .iter()
            .any(|f| f.message.contains("Say who leads this"))
    );

    click(&mut harness, "Reply");
    type_into(&mut harness, "Reply", "Jo Brown leads it");
    click(&mut harness, "Send reply");
    let plan = harness.state().plan().clone();
    let replies = &plan.comments()[0].comment.replies;
    assert_eq!(replies.len(), 1);
    assert_eq!(
        (replies[0].author.as_str(), replies[0].text.as_str()),
        ("Ann Reviewer", "Jo Brown leads it")
    );

    click(&mut harness, "Resolve");
    assert!(harness.state().plan().open_comments().is_empty());
    assert!(
        harness
            .query_by_label("Open comments on Paragraph 1")
            .is_none()
    );
    // One edit path: undo brings the comment back open.
    harness.state_mut().command(Command::Undo);
    harness.run();
    assert_eq!(harness.state().plan().open_comments().len(), 1);

    // Jump: from another page, the comment's link goes to its place.
    harness.state_mut().show_page(Page::Cover);
    harness.run();
    click(
        &mut harness,
        "Go to comment by Ann Reviewer: Say who leads this",
    );
    assert_eq!(harness.state().page(), &Page::Section(vec![0]));
}

#[test]
fn a_comment_on_a_row_from_its_menu() {
    let fixture = Fixture::new();
    let seed = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("seeds/2008-09-strategy-policy-performance.ron");
    let mut harness = fixture.app(Some(seed));
    let plan = harness.state().plan().clone();
    let (path, b) = plan
        .walk_sections()
        .into_iter()
        .find_map(|(path, s)| {
            let b = s
                .blocks
                .iter()
                .position(|b| matches!(b, planwright::model::Block::Table(_)))?;
            Some((path, b))
        })
        .unwrap();
    harness.state_mut().show_page(Page::Section(path.clone()));
    harness.run();
    let planwright::model::Block::Table(table) = &plan.section(&path).unwrap().blocks[b] else {
        unreachable!()
    };
    let menu = format!(
        "Row 1 actions ({})",
        planwright::ui::block_name(&plan.section(&path).unwrap().blocks[b], b)
    );
    assert!(!table.rows.is_empty());
    click(&mut harness, &menu);
    click(&mut harness, "✎ Comment on this row");
    type_into(&mut harness, "Your name for comments", "Bo");
    click(&mut harness, "Use this name");
    type_into(&mut harness, "New comment", "Check this row");
    click(&mut harness, "Add comment");
    let comments = harness.state().plan().comments();
    assert_eq!(comments.len(), 1);
    assert_eq!(comments[0].location, Location::cell(&path, b, 0, None));

    // A cell's own comment, from its right-click menu.
    let column: Vec<String> = table.columns[0]
        .label
        .to_plain()
        .split_whitespace()
        .take(6)
        .map(str::to_owned)
        .collect();
    let block = planwright::ui::block_name(&plan.section(&path).unwrap().blocks[b], b);
    // The first data row (a group row's one cell is named for the group).
    let r = (table.rows.iter())
        .position(|row| row.kind == planwright::model::RowKind::Data)
        .unwrap();
    let cell = format!("{block} row {} {}", r + 1, column.join(" "));
    harness.get_by_label(&cell).click_secondary();
    harness.run();
    click(&mut harness, "✎ Comment on this cell");
    type_into(&mut harness, "New comment", "Source of this figure?");
    click(&mut harness, "Add comment");
    let on_cell = harness.state().plan().comments();
    assert_eq!(on_cell.len(), 2);
    let at = Location::cell(&path, b, r, Some(0));
    assert!(on_cell.iter().any(|c| c.location == at), "{on_cell:?}");
    assert!(
        on_cell.iter().all(|c| c.comment.author == "Bo"),
        "the name is asked once"
    );
}

#[test]
fn the_version_moves_on_and_is_kept_beside_the_plan() {
    let fixture = Fixture::new();
    let plan = planwright::template::all()[0].new_plan();
    let path = fixture.path("unit.ron");
    file::save(&plan, &path).unwrap();
    let mut harness = fixture.app(Some(path.clone()));
    click(&mut harness, "Cover and sign-off");
    // Signed off is refused without a record, and the form says why.
    harness.get_by_label(NEEDS_SIGN_OFF);
    click(&mut harness, "State");
    click(&mut harness, "Signed off");
    assert_eq!(harness.state().plan().status.state, PlanState::Draft);
    click(&mut harness, "State");
    click(&mut harness, "For SMT review");
    let status = &harness.state().plan().status;
    assert_eq!(
        (status.state, status.version.as_str()),
        (PlanState::ForSmtReview, "0.2")
    );
    harness.state_mut().command(Command::Save);
    harness.run();
    let copy = fixture.path("unit.v0.2.ron");
    let kept = file::load(&copy).unwrap();
    assert_eq!(kept.status.state, PlanState::ForSmtReview);
    assert_eq!(kept.status.version, "0.2");
}

#[test]
fn a_signed_off_plan_is_read_only_until_a_new_draft_is_started() {
    let fixture = Fixture::new();
    let mut plan = planwright::template::all()[0].new_plan();
    plan.status.state = PlanState::SignedOff;
    plan.status.version = "1.0".into();
    plan.sign_off.push(SignOff {
        name: "J Smith".into(),
        role: "Director".into(),
        date: "1 December 2026".into(),
    });
    let path = fixture.path("signed.ron");
    file::save(&plan, &path).unwrap();
    let mut harness = fixture.app(Some(path));
    harness.get_by_label("Signed off (version 1.0): read-only.");
    click(&mut harness, "Cover and sign-off");
    type_into(&mut harness, "Sign-off 1 name", "X");
    assert_eq!(harness.state().plan(), &plan, "nothing changed");
    harness.get_by_label("Start a new draft version (1.1)?");
    click(&mut harness, "Cancel");
    assert_eq!(harness.state().plan(), &plan);

    type_into(&mut harness, "Sign-off 1 name", "X");
    click(&mut harness, "Start draft 1.1");
    let status = &harness.state().plan().status;
    assert_eq!(
        (status.state, status.version.as_str()),
        (PlanState::Draft, "1.1")
    );
    type_into(&mut harness, "Sign-off 1 name", " Jr");
    assert_eq!(harness.state().plan().sign_off[0].name, "J Smith Jr");
    assert!(
        harness
            .query_by_label("Signed off (version 1.0): read-only.")
            .is_none()
    );
}

#[test]
fn export_review_copy_prints_the_open_comments() {
    let fixture = Fixture::new();
    let mut plan = planwright::template::all()[0].new_plan();
    // Enough comments that the review copy runs to more pages.
    for i in 0..60 {
        let comment = planwright::model::Comment::new("Ann", "", &format!("Comment {i}"));
        plan.add_comment(&Location::section(&[0]), comment).unwrap();
    }
    let path = fixture.path("unit.ron");
    file::save(&plan, &path).unwrap();
    let mut harness = fixture.app(Some(path));
    let pdf = fixture.path("unit-review.pdf");
    fixture.answers.queue(&pdf);
    click(&mut harness, "File");
    harness.get_by_label_contains("Export review copy").click();
    // Not `run`: the status bar's spinner repaints until the worker is done.
    harness.step();
    // The PDF is made on a worker thread: up to a minute on a busy machine.
    for _ in 0..6000 {
        harness.step();
        if !fixture.answers.shown.borrow().is_empty() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert_eq!(*fixture.answers.shown.borrow(), vec![pdf.clone()]);
    let settings = planwright::layout::PageSettings::default();
    let review = planwright::model::review::review_copy(&plan);
    let review_pages = planwright::layout::layout(&review, &settings).pages.len();
    let plain_pages = planwright::layout::layout(&plan, &settings).pages.len();
    assert!(review_pages > plain_pages);
    let written = lopdf::Document::load(&pdf).unwrap();
    assert_eq!(written.get_pages().len(), review_pages);
}
