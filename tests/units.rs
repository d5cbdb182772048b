//! Units within a plan and sub-headings between blocks: the checks per
//! unit, the running header that names a page's unit, sub-headings in the
//! outline and kept with what follows, and `planwright render --unit`.

mod print_common;
use print_common as common;

use common::lay_out;
use planwright::layout::{Part, Role};
use planwright::model::check::validate;
use planwright::model::*;
use planwright::template;
use std::process::Command;

fn row(kind: RowKind, cells: &[&str]) -> Row {
    Row::new(kind, cells.iter().map(|c| Cell::text(*c)).collect())
}

fn staffing(unit: &str, rows: Vec<Row>) -> Block {
    Block::Table(Table {
        kind: TableKind::Staffing,
        unit: unit.into(),
        caption: vec![Rich::plain(if unit.is_empty() { "Division" } else { unit })],
        columns: vec![
            Column::new("", ColumnKind::Text),
            Column::new("2008/09", ColumnKind::Fte),
        ],
        rows,
        ..Table::default()
    })
}

fn staffed(unit: &str, fte: &str) -> Block {
    staffing(
        unit,
        vec![
            row(RowKind::Data, &["Pt12 and below", fte]),
            row(RowKind::Total, &["TOTAL", fte]),
        ],
    )
}

/// A division of three units: a budget for two, staffing for all three
/// and a division-wide staffing table.
fn division() -> Plan {
    let mut plan = template::find("operating-plan-2008").unwrap().new_plan();
    plan.cover.division = "Strategy, Policy and Performance".into();
    plan.contents.entries.clear();
    plan.units = vec![
        Unit {
            name: "Management Information".into(),
            short_name: "MI".into(),
            manager: "Donna Shkalla".into(),
        },
        Unit::new("Policy and Performance"),
        Unit::new("Extended Service Development"),
    ];
    let budget = |unit: &str| {
        let mut table = template::find("operating-plan-2008")
            .unwrap()
            .table(TableKind::Budget)
            .unwrap()
            .clone();
        table.unit = unit.into();
        Block::Table(table)
    };
    let mut budgets = Section::new("Revenue Budget");
    budgets.slot = "budget".into();
    budgets.blocks = vec![
        budget("policy & performance"),
        budget("Extended Service Development"),
    ];
    let mut people = Section::new("Staffing");
    people.slot = "staffing".into();
    people.blocks = vec![
        staffing(
            "",
            vec![
                row(RowKind::Data, &["All posts", "30"]),
                row(RowKind::Total, &["TOTAL", "30"]),
            ],
        ),
        staffed("MI", "12"),
        staffed("Policy and Performance", "10"),
        staffed("Extended Service Development", "7"),
    ];
    plan.sections = vec![budgets, people];
    plan
}

fn messages(plan: &Plan) -> Vec<String> {
    validate(plan).iter().map(ToString::to_string).collect()
}

#[test]
fn a_unit_without_a_budget_the_others_have_is_reported_once_for_that_unit() {
    let plan = division();
    let findings = validate(&plan);
    let missing: Vec<_> = findings
        .iter()
        .filter(|f| f.message.contains("has no"))
        .collect();
    assert_eq!(missing.len(), 1, "{:?}", messages(&plan));
    assert_eq!(
        missing[0].message,
        "unit \"Management Information\" has no revenue budget, where 2 of the plan's 3 units have one"
    );
    assert_eq!(
        missing[0].unit,
        Some(0),
        "the finding is filed under its unit"
    );
    assert_eq!(missing[0].location, Location::section(&[0]));
}

#[test]
fn a_division_total_is_checked_against_its_units_totals() {
    let plan = division();
    assert!(
        messages(&plan).contains(
            &"warning sections[1]/blocks[0]/rows[1]/cells[1]: stated 30, but the units' own staffing table totals sum to 29"
                .to_string()
        ),
        "{:?}",
        messages(&plan)
    );
    let mut agreed = division();
    if let Block::Table(t) = &mut agreed.sections[1].blocks[0] {
        t.rows = vec![
            row(RowKind::Data, &["All posts", "29"]),
            row(RowKind::Total, &["TOTAL", "29"]),
        ];
    }
    assert!(!messages(&agreed).iter().any(|m| m.contains("units' own")));
}

#[test]
fn findings_carry_the_unit_of_their_place_for_the_panels_filter() {
    let mut plan = division();
    // A short name, a different case and spacing: the same unit.
    if let Block::Table(t) = &mut plan.sections[1].blocks[1] {
        t.rows[1] = row(RowKind::Total, &["TOTAL", "13"]);
    }
    let findings = validate(&plan);
    let total = findings
        .iter()
        .find(|f| f.message.contains("rows sum to 12"))
        .expect("the MI table's own total is checked");
    assert_eq!(total.unit, Some(0));
}

#[test]
fn a_name_that_is_none_of_the_plans_units_is_reported() {
    let mut plan = division();
    plan.sections[0].unit = "Finance".into();
    let found = messages(&plan);
    assert!(
        found.iter().any(|m| m.starts_with("warning sections[0]: \"Finance\" is not one of the plan's units; the plan's units are Management Information, Policy and Performance, Extended Service Development")),
        "{found:?}"
    );
}

#[test]
fn the_running_header_names_the_unit_a_page_prints() {
    let mut plan = division();
    plan.sections[1].unit = "MI".into();
    plan.sections[1].new_page = true;
    let document = lay_out(&plan);
    let header_of = |page: &planwright::layout::Page| {
        page.text_runs()
            .filter(|r| r.role == Role::RunningHeader)
            .map(|r| r.text.clone())
            .collect::<Vec<_>>()
            .join(" | ")
    };
    let staffing_page = (document.pages.iter())
        .find(|p| p.placed.iter().any(|m| m.place.sections == [1]))
        .expect("the staffing section prints");
    assert!(
        header_of(staffing_page)
            .starts_with("Strategy, Policy and Performance · Management Information"),
        "{}",
        header_of(staffing_page)
    );
    let budget_page = (document.pages.iter())
        .find(|p| p.placed.iter().any(|m| m.place.sections == [0]))
        .unwrap();
    assert!(
        !header_of(budget_page).contains("Management Information"),
        "{}",
        header_of(budget_page)
    );
}

/// A section with two sub-headings, the second deep in the page.
fn with_sub_headings(filler: usize) -> Plan {
    let mut plan = template::find("operating-plan-2008").unwrap().new_plan();
    plan.contents.entries.clear();
    let mut section = Section::new("Equalities and Diversity");
    section.blocks.push(Block::Heading(Heading::new(
        3,
        "Outcome 1: Equal and inclusive services",
    )));
    section
        .blocks
        .push(Block::Paragraph("We publish in plain English.".into()));
    for i in 0..filler {
        section.blocks.push(Block::Paragraph(
            format!("Filler paragraph {i} with enough words to take a line of its own.").into(),
        ));
    }
    section.blocks.push(Block::Heading(Heading::new(
        4,
        "Participation and involvement",
    )));
    section
        .blocks
        .push(Block::Paragraph("Young people sit on every panel.".into()));
    plan.sections = vec![section];
    plan
}

#[test]
fn sub_headings_are_in_the_outline_under_their_section_and_not_in_the_contents() {
    let plan = with_sub_headings(2);
    let document = lay_out(&plan);
    let outline: Vec<(String, usize)> = (document.bookmarks.iter())
        .map(|b| (b.title.clone(), b.level))
        .collect();
    assert_eq!(
        outline,
        [
            ("Equalities and Diversity".to_string(), 1),
            ("Outcome 1: Equal and inclusive services".to_string(), 2),
            ("Participation and involvement".to_string(), 3),
        ]
    );
    let contents: String = (document.pages.iter())
        .filter(|p| p.kind == planwright::layout::PageKind::Contents)
        .flat_map(|p| p.text_runs().map(|r| r.text.clone()))
        .collect();
    assert!(contents.contains("Equalities"));
    assert!(!contents.contains("Outcome 1"), "{contents}");
    // Printed as headings, bold, in the accent colour.
    let sub = (document.pages.iter())
        .flat_map(|p| p.placed.iter())
        .filter(|m| matches!(m.part, Part::SubHeading(_)))
        .count();
    assert!(sub >= 2);
}

#[test]
fn a_sub_heading_is_kept_with_what_follows_it() {
    let mut pages_seen = std::collections::BTreeSet::new();
    for filler in 20..70 {
        let plan = with_sub_headings(filler);
        let document = lay_out(&plan);
        let last_block = plan.sections[0].blocks.len() - 1;
        let page_of = |wanted: &dyn Fn(&planwright::layout::Placed) -> bool| {
            (document.pages.iter()).position(|p| p.placed.iter().any(wanted))
        };
        let heading = page_of(&|m| m.part == Part::SubHeading(4)).expect("printed");
        let next = page_of(&|m| m.place.block == Some(last_block)).expect("printed");
        assert_eq!(
            heading, next,
            "filler {filler}: the sub-heading is parted from its paragraph"
        );
        for page in &document.pages {
            let last = page.placed.last().map(|m| m.part);
            assert!(
                !matches!(last, Some(Part::SubHeading(_))),
                "filler {filler}"
            );
        }
        pages_seen.insert(heading);
    }
    // The range of sizes moves the sub-heading across a page break.
    assert!(pages_seen.len() > 1, "{pages_seen:?}");
}

#[test]
fn render_unit_prints_one_units_part_with_the_cover() {
    let dir = tempfile::tempdir().unwrap();
    let plan_path = dir.path().join("division.ron");
    let mut plan = division();
    plan.sections[1].unit = "Management Information".into();
    file::save(&plan, &plan_path).unwrap();
    let pdf = dir.path().join("mi.pdf");
    let run = |unit: &str| {
        Command::new(env!("CARGO_BIN_EXE_planwright"))
            .args([
                "render",
                plan_path.to_str().unwrap(),
                "-o",
                pdf.to_str().unwrap(),
            ])
            .args(["--unit", unit])
            .output()
            .unwrap()
    };
    let out = run("mi");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let part = plan.unit_part(0);
    assert_eq!(part.cover.unit, "Management Information");
    assert_eq!(part.sections.len(), 1);
    assert_eq!(part.sections[0].heading, Rich::plain("Staffing"));
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF"));
    // The unit's own part: fewer pages than the whole plan's.
    let whole = lay_out(&plan).pages.len();
    assert!(lay_out(&part).pages.len() <= whole);

    let out = run("Finance");
    assert!(!out.status.success());
    let message = String::from_utf8_lossy(&out.stderr);
    assert!(
        message.contains("\"Finance\" is not one of the plan's units")
            && message.contains("Management Information (MI)"),
        "{message}"
    );
}

#[test]
fn the_contents_can_group_each_units_sections_and_tables_under_its_name() {
    let mut plan = division();
    plan.contents.by_unit = true;
    plan.sections[1].unit = "Policy and Performance".into();
    let document = lay_out(&plan);
    let text = contents_entries(&document);
    let at = |words: &str| {
        text.find(words)
            .unwrap_or_else(|| panic!("{words} in {text}"))
    };
    // Plan-wide first; then each unit, its section and its table in the
    // plan-wide budget section under its name.
    assert!(
        at("Revenue Budget") < at("Policy and Performance"),
        "{text}"
    );
    assert!(at("Policy and Performance") < at("Staffing"), "{text}");
    assert!(
        at("Staffing") < at("Extended Service Development"),
        "{text}"
    );
    // Unit tables are contents entries, never outline entries.
    assert!(
        !(document.bookmarks.iter()).any(|b| b.title == "Extended Service Development"),
        "{:?}",
        document.bookmarks
    );
    plan.contents.by_unit = false;
    let plain = contents_entries(&lay_out(&plan));
    assert!(!plain.contains("Extended Service Development"), "{plain}");
}

/// The words of the contents page's entries, in printed order.
fn contents_entries(document: &planwright::layout::Document) -> String {
    let entries: Vec<String> = (document.pages.iter())
        .filter(|p| p.kind == planwright::layout::PageKind::Contents)
        .flat_map(|p| p.text_runs().filter(|r| r.role == Role::ContentsEntry))
        .map(|r| r.text.clone())
        .collect();
    entries.join(" ")
}

#[test]
fn sub_headings_are_tagged_h3_and_h4_and_are_headings_in_the_html() {
    let plan = with_sub_headings(1);
    let document = lay_out(&plan);
    let structure = planwright::pdf::tags::Structure::of(&document);
    let tags: Vec<&str> = structure.elements.iter().map(|e| e.tag).collect();
    assert!(tags.contains(&"H3") && tags.contains(&"H4"), "{tags:?}");
    let page = planwright::html::render(&plan);
    assert!(
        page.contains("<h3>Outcome 1: Equal and inclusive services</h3>")
            && page.contains("<h4>Participation and involvement</h4>"),
        "{page}"
    );
}
