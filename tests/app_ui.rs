//! The real editor, driven through its accessible labels with kittest.

use common::{Fixture, purpose_text, type_into};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use planwright::app::PlanwrightApp;
use std::path::{Path, PathBuf};

mod common;

#[test]
fn typing_into_the_purpose_changes_the_plan_and_undo_redo_it() {
    let fixture = Fixture::new();
    let mut harness = fixture.app_on_template();
    type_into(&mut harness, "Paragraph 1", "We protect children.");
    assert_eq!(purpose_text(harness.state()), "We protect children.");
    assert!(harness.state().is_dirty());
    harness.get_by_label("Unsaved changes");

    // Undo from the toolbar: the whole typing was one step.
    harness.get_by_label("Undo").click();
    harness.run();
    assert_eq!(purpose_text(harness.state()), "");
    assert!(
        !harness.state().is_dirty(),
        "undone back to the opened plan"
    );
    harness.get_by_label("Redo").click();
    harness.run();
    assert_eq!(purpose_text(harness.state()), "We protect children.");
}

fn open_section(harness: &mut Harness<'_, PlanwrightApp>, title: &str) {
    harness.get_by_label(title).click();
    harness.run();
}

fn table<'a>(app: &'a PlanwrightApp, title: &str) -> &'a planwright::model::Table {
    let (_, section) = app
        .plan()
        .walk_sections()
        .into_iter()
        .find(|(_, s)| s.title() == title)
        .unwrap();
    section
        .blocks
        .iter()
        .find_map(|b| match b {
            planwright::model::Block::Table(t) => Some(t),
            _ => None,
        })
        .unwrap()
}

#[test]
fn a_new_plan_from_each_template() {
    let fixture = Fixture::new();
    let mut harness = fixture.app(None);
    // A newcomer starts on the bundled sample, a real plan.
    assert_eq!(harness.state().plan(), &planwright::app::sample_plan());
    assert!(harness.state().plan().cover.title.contains("2008"));
    for template in planwright::template::all() {
        harness.get_by_label("New").click();
        harness.run();
        harness.get_by_label(&template.name).click();
        harness.run();
        // For the plan year the dialog offers: the coming April's.
        let year = planwright::template::default_year();
        assert_eq!(harness.state().plan(), &template.new_plan_for(year));
        assert!(!harness.state().is_dirty());
        assert!(harness.state().path().is_none());
    }
}

#[test]
fn a_kpi_row_with_a_rating() {
    let fixture = Fixture::new();
    let mut harness = fixture.app_on_template();
    open_section(&mut harness, "Key Performance Indicators 2008/9");
    harness.get_by_label("+ Add row").click();
    harness.run();
    type_into(&mut harness, "KPI table 1 row 2 Indicator", "NI 62");
    let cell = "KPI table 1 row 2 Existing Performance";
    common::pick_band(&mut harness, cell, "●●● Acceptable");
    let kpis = table(harness.state(), "Key Performance Indicators 2008/9");
    assert_eq!(kpis.rows.len(), 2);
    assert_eq!(
        kpis.rows[1].cells[0],
        planwright::model::Cell::text("NI 62")
    );
    let rating = kpis.rows[1].cells[2].rating().expect("a rating");
    assert_eq!((rating.band, rating.label.as_str()), (3, "Acceptable"));
    // The value beside the rating is typed into the same cell.
    type_into(
        &mut harness,
        "KPI table 1 row 2 Existing Performance",
        "17.5",
    );
    let cell = &table(harness.state(), "Key Performance Indicators 2008/9").rows[1].cells[2];
    assert_eq!(cell.as_text().as_deref(), Some("17.5"));
    assert_eq!(cell.rating().map(|r| r.band), Some(3));
}

#[test]
fn a_budget_line_shows_the_sum_and_the_mismatch() {
    let fixture = Fixture::new();
    let mut harness = fixture.app_on_template();
    open_section(&mut harness, "Revenue Budget");
    harness
        .get_by_label("Row 1 actions (Revenue budget 1)")
        .click();
    harness.run();
    harness.get_by_label("Insert row below").click();
    harness.run();
    type_into(
        &mut harness,
        "Revenue budget 1 row 1 Employee Costs £000's",
        "60.0",
    );
    type_into(
        &mut harness,
        "Revenue budget 1 row 2 Employee Costs £000's",
        "40.5",
    );
    type_into(
        &mut harness,
        "Revenue budget 1 row 3 Employee Costs £000's",
        "100.0",
    );
    harness.get_by_label("Σ 100.5");
    let findings: Vec<String> = harness
        .state()
        .findings()
        .iter()
        .map(|f| f.message.clone())
        .collect();
    let mismatch = "stated 100.0, rows sum to 100.5";
    assert!(findings.iter().any(|f| f == mismatch), "{findings:?}");
    // Marked on the cell (its description) and listed in the findings panel.
    assert_eq!(harness.query_all_by_label_contains(mismatch).count(), 1);
    harness.get(egui_kittest::kittest::by().predicate(|node| {
        node.description()
            .is_some_and(|d| d == format!("⚠ {mismatch}"))
    }));

    // From another page, a click on the finding goes to the cell.
    open_section(&mut harness, "PURPOSE OF THE SERVICE");
    assert_eq!(
        harness.query_all_by_label_contains(mismatch).count(),
        1,
        "only in the panel now"
    );
    harness.get_by_label_contains(mismatch).scroll_to_me();
    harness.run();
    harness.get_by_label_contains(mismatch).click();
    harness.run();
    let cell = harness.get_by_label("Revenue budget 1 row 3 Employee Costs £000's");
    assert!(cell.is_focused(), "the total's cell has the keyboard");

    // Text that is not a figure gets one message, its finding, and is kept.
    // The cell is marked and carries the message; no line under it comes
    // and goes (which moved the rows below while typing).
    type_into(
        &mut harness,
        "Revenue budget 1 row 2 FTE (column 4)",
        "about 3",
    );
    assert_eq!(
        harness
            .query_all_by_label_contains("is not a figure")
            .count(),
        1,
        "one message: the finding in the findings panel"
    );
    assert!(harness.query_by_label_contains("kept as typed").is_none());
    let cell = harness.get(egui_kittest::kittest::by().predicate(|node| {
        node.description()
            .is_some_and(|d| d == "⚠ \"about 3\" is not a figure")
    }));
    assert_eq!(
        egui_kittest::kittest::NodeT::accesskit_node(&cell)
            .label()
            .as_deref(),
        Some("Revenue budget 1 row 2 FTE (column 4)"),
        "the cell's description carries it"
    );
    let budget = table(harness.state(), "Revenue Budget");
    assert_eq!(
        budget.rows[1].cells[3].as_text().as_deref(),
        Some("about 3")
    );
}

/// Every page of every seed draws, and every widget on it has an
/// accessible name (the harness checks after each run).
#[test]
fn every_page_of_every_seed_has_named_widgets() {
    let fixture = Fixture::new();
    let mut seeds: Vec<PathBuf> =
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "ron"))
            .collect();
    seeds.sort();
    assert!(!seeds.is_empty());
    for seed in seeds {
        let mut harness = fixture.app(Some(seed.clone()));
        assert_eq!(harness.state().path(), Some(seed.as_path()));
        harness.state_mut().show_page(planwright::ui::Page::Cover);
        harness.run();
        let paths: Vec<Vec<usize>> = harness
            .state()
            .plan()
            .walk_sections()
            .into_iter()
            .map(|(p, _)| p)
            .collect();
        for path in paths {
            harness
                .state_mut()
                .show_page(planwright::ui::Page::Section(path));
            harness.run();
        }
        assert!(
            !harness.state().is_dirty(),
            "{}: drawing changed the plan",
            seed.display()
        );
        let on_disk = planwright::model::file::load(&seed).unwrap();
        assert!(
            harness.state().plan() == &on_disk,
            "{}: drawing changed the plan",
            seed.display()
        );
    }
}

#[test]
fn ctrl_z_in_a_field_undoes_the_field_first_then_the_plan() {
    let fixture = Fixture::new();
    let mut harness = fixture.app_on_template();
    // A structural step first: a new paragraph block.
    harness.get_by_label("+ Add block").click();
    harness.run();
    harness.get_by_label("Paragraph").click();
    harness.run();
    assert_eq!(harness.state().plan().sections[0].blocks.len(), 2);
    type_into(&mut harness, "Paragraph 2", "Typed");
    assert_eq!(
        harness.state().plan().sections[0].blocks[1],
        planwright::model::Block::Paragraph("Typed".into())
    );

    // The field still has the keyboard: its own undo takes the typing back.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(
        harness.state().plan().sections[0].blocks[1],
        planwright::model::Block::Paragraph("".into())
    );
    assert_eq!(harness.state().plan().sections[0].blocks.len(), 2);
    // Nothing left in the field: the plan's undo removes the block.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(harness.state().plan().sections[0].blocks.len(), 1);
    // Redo with no field focused is the plan's.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Y);
    harness.run();
    assert_eq!(harness.state().plan().sections[0].blocks.len(), 2);
}

#[test]
fn find_jumps_to_the_section() {
    let fixture = Fixture::new();
    let mut harness = fixture.app(None);
    harness.get_by_label("Find").click();
    harness.run();
    harness.get_by_label("Find text").type_text("Guardianship");
    harness.run();
    let found = planwright::edit::find::find(harness.state().plan(), "Guardianship");
    assert!(!found.is_empty());
    let count = if found.len() == 1 {
        "1 place".to_owned()
    } else {
        format!("{} places", found.len())
    };
    harness.get_by_label(&count);
    let target = planwright::ui::Page::Section(found[0].location.sections.clone());
    assert_ne!(harness.state().page(), &target);
    harness.get_by_label("Next").click();
    harness.run();
    assert_eq!(harness.state().page(), &target, "the editor went there");
}

#[test]
fn sections_are_added_moved_and_deleted_from_the_tree() {
    let fixture = Fixture::new();
    let mut harness = fixture.app_on_template();
    let before = harness.state().plan().clone();
    harness
        .get_by_label("PURPOSE OF THE SERVICE")
        .click_secondary();
    harness.run();
    harness.get_by_label("Move down").click();
    harness.run();
    let titles: Vec<String> = harness
        .state()
        .plan()
        .sections
        .iter()
        .take(2)
        .map(|s| s.title())
        .collect();
    assert_eq!(
        titles,
        ["PLANNING CONTEXT AND PRIORITIES", "PURPOSE OF THE SERVICE"]
    );

    // At the foot of the tree, below the fold.
    harness.get_by_label("+ Add section").scroll_to_me();
    harness.run();
    harness.get_by_label("+ Add section").click();
    harness.run();
    let last = harness.state().plan().sections.last().unwrap().title();
    assert_eq!(last, "New section");
    // The new section is open: its heading is the editor's.
    assert_eq!(
        harness.get_by_label("Heading").value().as_deref(),
        Some("New section")
    );

    harness.get_by_label("New section").click_secondary();
    harness.run();
    harness.get_by_label("Delete section").click();
    harness.run();
    harness.get_by_label("Undo").click();
    harness.run();
    harness.get_by_label("Undo").click();
    harness.run();
    harness.get_by_label("Undo").click();
    harness.run();
    assert_eq!(harness.state().plan(), &before);
}

#[test]
fn bold_and_italic_on_the_selection_are_kept() {
    let fixture = Fixture::new();
    let mut harness = fixture.app_on_template();
    type_into(&mut harness, "Paragraph 1", "Key aim");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::B);
    harness.run();
    let paragraph = |app: &PlanwrightApp| match &app.plan().sections[0].blocks[0] {
        planwright::model::Block::Paragraph(p) => p.clone(),
        _ => unreachable!(),
    };
    let rich = paragraph(harness.state());
    assert_eq!(rich.to_plain(), "Key aim");
    assert!(rich.0.iter().all(|s| s.bold), "{rich:?}");

    // Typing at the end of bold text continues it; the I button styles the
    // selection of the field that last had the keyboard.
    harness.key_press(egui::Key::End);
    harness.run();
    harness.get_by_label("Paragraph 1").type_text("s");
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run();
    harness.get_by_label("Italic").click();
    harness.run();
    let rich = paragraph(harness.state());
    assert_eq!(rich.to_plain(), "Key aims");
    assert!(rich.0.iter().all(|s| s.bold && s.italic), "{rich:?}");
    // Saved and loaded, the styles are still there.
    let path = fixture.path("styled.ron");
    planwright::model::file::save(harness.state().plan(), &path).unwrap();
    assert_eq!(
        &planwright::model::file::load(&path).unwrap(),
        harness.state().plan()
    );
}

/// A total far down a long page: the editor scrolls to it and gives it
/// the keyboard (the grid's own sideways scroll area must not swallow it).
#[test]
fn a_finding_far_down_its_page_is_scrolled_to() {
    let fixture = Fixture::new();
    let seed =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/2008-09-strategy-policy-performance.ron");
    let mut harness = fixture.app(Some(seed));
    // The first budget difference.
    let finding = (harness.state().findings().iter())
        .find(|f| f.message.starts_with("stated"))
        .unwrap()
        .clone();
    let (block, row, column) = (
        finding.location.block.unwrap(),
        finding.location.row.unwrap(),
        finding.location.column.unwrap(),
    );
    let label = planwright::ui::findings::describe(harness.state().plan(), &finding.location);
    assert!(label.contains(&format!("row {}", row + 1)), "{label}");
    // Eight findings: this one may be below the panel's fold.
    harness.get_by_label_contains(&label).scroll_to_me();
    harness.run();
    harness.get_by_label_contains(&label).click();
    harness.run();
    let Some(planwright::model::Block::Table(table)) = harness
        .state()
        .plan()
        .section(&finding.location.sections)
        .map(|s| &s.blocks[block])
    else {
        panic!("the finding is in a table");
    };
    let cell = format!(
        "Revenue budget {} row {} {}",
        block + 1,
        row + 1,
        table.column_name(column)
    );
    let node = harness.get_by_label(&cell);
    assert!(node.is_focused(), "{cell} has the keyboard");
    let rect = node.rect();
    assert!(
        rect.min.y > 0.0 && rect.max.y < 768.0,
        "{cell} is on screen: {rect:?}"
    );
}

#[test]
fn the_theme_is_chosen_from_the_view_menu_and_kept_in_preferences() {
    let fixture = Fixture::new();
    let mut harness = fixture.app(None);
    for (label, theme) in [
        ("Light", egui::ThemePreference::Light),
        ("Dark", egui::ThemePreference::Dark),
    ] {
        harness.get_by_label("View").click();
        harness.run();
        harness.get_by_label(label).click();
        harness.run();
        assert_eq!(harness.ctx.options(|o| o.theme_preference), theme);
        assert_eq!(harness.state().prefs().theme, theme);
    }
}

/// At 200 % on a 1366×768 laptop the window is 683×384 points: the
/// findings panel leaves the editor most of the height.
#[test]
fn at_200_percent_the_editor_keeps_most_of_the_height() {
    let fixture = Fixture::new();
    let mut harness = fixture.app(None);
    harness.set_pixels_per_point(2.0);
    harness.set_size(egui::vec2(683.0, 384.0));
    harness.run();
    let status = harness.get_by_label("5 findings").rect();
    assert!(
        status.max.y <= 384.0,
        "the status bar is on screen: {status:?}"
    );
    let paragraph = harness.get_by_label("Paragraph 1").rect();
    let findings_top = harness.get_by_label("Findings").rect().min.y;
    assert!(
        findings_top >= 384.0 * 0.6,
        "the findings panel starts low enough: {findings_top}"
    );
    assert!(
        paragraph.min.y < findings_top,
        "the first paragraph is in view"
    );
    // Seen in the real window at 200 %: the toolbar ran off the right
    // edge and the Part field was squeezed to "…".
    let link = harness.get_by_label("Link").rect();
    assert!(link.max.x <= 683.0, "the last tool is on screen: {link:?}");
    let part_field = harness
        .get_all_by_label("Part")
        .map(|n| n.rect().width())
        .fold(0.0, f32::max);
    assert!(
        part_field >= 200.0,
        "the Part field is usable: {part_field}"
    );
}

#[test]
fn the_rating_scale_is_edited_on_the_cover_page() {
    let fixture = Fixture::new();
    let mut harness = fixture.app_on_template();
    open_section(&mut harness, "Cover and sign-off");
    let band_five = |app: &PlanwrightApp| app.plan().rating_scale[4].labels.join("\n");
    assert_eq!(band_five(harness.state()), "V Good");
    type_into(&mut harness, "Band 5 labels", "Excellent");
    assert!(
        band_five(harness.state()).contains("Excellent"),
        "{}",
        band_five(harness.state())
    );
    assert!(harness.state().is_dirty());
    harness.get_by_label("Undo").click();
    harness.run();
    assert_eq!(band_five(harness.state()), "V Good");
}

#[test]
fn caption_lines_and_notes_are_added_and_removed_in_the_table_layout() {
    let fixture = Fixture::new();
    let mut harness = fixture.app_on_template();
    open_section(&mut harness, "Key Performance Indicators 2008/9");
    harness
        .get_by_label("Table layout: caption, columns, header rows, notes")
        .click();
    harness.run();
    harness.get_by_label("+ Add caption line").click();
    harness.run();
    // Below the findings panel on a 768-point screen until scrolled to.
    harness.get_by_label("+ Add note").scroll_to_me();
    harness.run();
    harness.get_by_label("+ Add note").click();
    harness.run();
    let kpis = table(harness.state(), "Key Performance Indicators 2008/9");
    assert_eq!((kpis.caption.len(), kpis.notes.len()), (1, 1));
    harness
        .get_by_label("Remove caption line 1 of KPI table 1")
        .click();
    harness.run();
    let kpis = table(harness.state(), "Key Performance Indicators 2008/9");
    assert_eq!((kpis.caption.len(), kpis.notes.len()), (0, 1));
    harness.get_by_label("Remove note 1 of KPI table 1").click();
    harness.run();
    let kpis = table(harness.state(), "Key Performance Indicators 2008/9");
    assert_eq!((kpis.caption.len(), kpis.notes.len()), (0, 0));
}

#[test]
fn indent_is_disabled_at_the_nesting_limit_and_says_why() {
    use planwright::model::nesting::{MAX_NESTING, list_depth};
    use planwright::model::{Block, List, ListItem, Section};
    // Two items at the deepest level: the second could only be indented
    // one level past the limit.
    let mut list = List {
        items: vec![ListItem::new("deepest"), ListItem::new("sibling")],
        ..List::default()
    };
    for level in (1..MAX_NESTING).rev() {
        let mut item = ListItem::new(format!("level {level}"));
        item.children = list;
        list = List {
            items: vec![item],
            ..List::default()
        };
    }
    let fixture = Fixture::new();
    let path = fixture.path("deep.ron");
    let mut plan = planwright::template::all()[0].new_plan();
    let mut section = Section::new("Deep list");
    section.blocks = vec![Block::List(list)];
    plan.sections.insert(0, section);
    planwright::model::file::save(&plan, &path).unwrap();
    let mut harness = fixture.app(Some(path));
    open_section(&mut harness, "Deep list");
    let limited = format!("Indent item: lists nest at most {MAX_NESTING} levels");
    harness.get_by_label_contains(&limited).click();
    harness.run();
    let depth = match &harness.state().plan().sections[0].blocks[0] {
        Block::List(list) => list_depth(list),
        _ => unreachable!(),
    };
    assert_eq!(depth, MAX_NESTING, "the click did nothing");
    // Items above the limit still indent.
    assert!(
        harness
            .query_all_by_label_contains("Indent item (")
            .next()
            .is_some()
    );
}
