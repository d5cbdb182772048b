//! `validate` on the items plans list (projects, risks, targets,
//! commissioning activities, paired deliverables) and on what fills a
//! required section: each check finds what it should, and nothing else.

mod check_helpers;

use check_helpers::{messages, plan_with, row};
use planwright::model::*;
use planwright::template;

/// A new plan from either template is all required sections left empty:
/// "required" comes from the template's slots (the plan stores none), and
/// the template's own words (the projects section's standard paragraphs,
/// the budget's and staffing table's row labels) are not content.
#[test]
fn every_required_slot_of_a_new_plan_is_reported_until_the_author_writes_in_it() {
    for template in template::all() {
        let mut plan = template.new_plan();
        let required: Vec<String> = plan
            .walk_sections()
            .into_iter()
            .filter(|(_, s)| template::is_required(&plan.template, s))
            .map(|(path, s)| {
                let at = path
                    .iter()
                    .map(|i| format!("sections[{i}]"))
                    .collect::<Vec<_>>();
                format!(
                    "warning {}: required section \"{}\" is empty",
                    at.join("/"),
                    s.title()
                )
            })
            .collect();
        assert!(required.len() >= 5, "{}", template.id);
        assert!(plan.walk_sections().iter().all(|(_, s)| !s.required));
        let found: Vec<String> = messages(&plan)
            .into_iter()
            .filter(|m| m.contains("required section"))
            .collect();
        assert_eq!(found, required, "{}", template.id);

        // The author's own words in the first required section fill it.
        let first = plan
            .sections
            .iter()
            .position(|s| template::is_required(&plan.template, s))
            .unwrap();
        plan.sections[first].blocks = vec![Block::Paragraph("Our unit's purpose.".into())];
        let after = messages(&plan);
        assert!(
            !after
                .iter()
                .any(|m| m.starts_with(&format!("warning sections[{first}]: required")))
        );
        assert_eq!(
            after
                .iter()
                .filter(|m| m.contains("required section"))
                .count(),
            required.len() - 1
        );
    }
}

#[test]
fn the_projects_standard_paragraphs_alone_leave_it_empty() {
    let mut plan = template::find("operating-plan-2008").unwrap().new_plan();
    let projects = plan
        .sections
        .iter()
        .position(|s| s.slot == "projects")
        .unwrap();
    let message = format!(
        "warning sections[{projects}]: required section \"PROJECTS, DEVELOPMENTS, KEY ACTIONS\" is empty"
    );
    assert!(messages(&plan).contains(&message));
    let Block::Table(table) = &mut plan.sections[projects].blocks[1] else {
        panic!("the projects table")
    };
    table.rows[1] = row(
        RowKind::Data,
        &[
            "Open the new centre",
            "Jo Bloggs",
            "CYPP 3",
            "A centre",
            "March 09",
        ],
    );
    assert!(!messages(&plan).contains(&message));
}

fn table_of(kind: TableKind, rows: Vec<Row>) -> Block {
    let mut table = template::find("operating-plan-2008")
        .unwrap()
        .table(kind)
        .unwrap()
        .clone();
    table.rows = rows;
    Block::Table(table)
}

#[test]
fn risks_and_lead_roles_without_a_lead_are_reported() {
    let risks = table_of(
        TableKind::Risks,
        vec![
            row(
                RowKind::Data,
                &["Budget pressure", "Monthly monitoring", "Head of Finance"],
            ),
            row(RowKind::Data, &["Recruitment", "Overseas campaign", ""]),
        ],
    );
    let lead_roles = table_of(
        TableKind::LeadRoles,
        vec![
            row(
                RowKind::Data,
                &["CYPP 2", "10. Target joined up support", ""],
            ),
            row(RowKind::Data, &["", "", ""]),
        ],
    );
    assert_eq!(
        messages(&plan_with(vec![risks, lead_roles])),
        [
            "warning sections[0]/blocks[0]/rows[1]/cells[2]: this risk has no lead",
            "warning sections[0]/blocks[1]/rows[0]/cells[2]: this target has no lead",
        ]
    );
}

#[test]
fn commissioning_activities_without_a_lead_or_decision_date_are_reported() {
    let mut table = template::find("directorate-plan-2018")
        .unwrap()
        .table(TableKind::Commissioning)
        .unwrap()
        .clone();
    let blank = |c: &Column| {
        if c.kind == ColumnKind::Lead || c.kind == ColumnKind::Date {
            ""
        } else {
            "x"
        }
    };
    let cells: Vec<&str> = table.columns.iter().map(blank).collect();
    let lead = table
        .columns
        .iter()
        .position(|c| c.kind == ColumnKind::Lead)
        .unwrap();
    let date = table
        .columns
        .iter()
        .position(|c| c.kind == ColumnKind::Date)
        .unwrap();
    table.rows = vec![
        row(RowKind::Hint, &["Name of commissioning activity"]),
        row(RowKind::Data, &cells),
    ];
    assert_eq!(
        messages(&plan_with(vec![Block::Table(table)])),
        [
            format!(
                "warning sections[0]/blocks[0]/rows[1]/cells[{lead}]: this commissioning activity has no lead"
            ),
            format!(
                "warning sections[0]/blocks[0]/rows[1]/cells[{date}]: this commissioning activity has no key decision date"
            ),
        ]
    );
}

/// The template's projects table: project, lead, links, deliverables, dates.
fn projects(rows: Vec<Row>) -> Table {
    let mut table = template::find("operating-plan-2008")
        .unwrap()
        .table(TableKind::Projects)
        .unwrap()
        .clone();
    table.rows = rows;
    table
}

#[test]
fn a_paired_deliverable_without_its_date_is_named_and_merged_leads_cover_their_rows() {
    use RowKind::Data;
    let mut table = projects(vec![
        row(
            Data,
            &[
                "28. Partnerships",
                "Joy Ackroyd",
                "CYPP",
                "Consortia decommissioned",
                "April 08",
            ],
        ),
        row(
            Data,
            &["", "", "", "Final LCT pathfinder evaluation published", ""],
        ),
        row(Data, &["", "", "", "LCSPs in operation", "Sept 08"]),
        row(
            Data,
            &["29. Review", "", "CYPP", "Phased implementation", "Oct 08"],
        ),
        row(Data, &["", "", "", "Stage 2 plan", "Dec 08"]),
    ]);
    for column in [0, 1, 2] {
        assert!(table.merge_down(0, column, 3));
        assert!(table.merge_down(3, column, 2));
    }
    assert_eq!(
        messages(&plan_with(vec![Block::Table(table)])),
        [
            "warning sections[0]/blocks[0]/rows[1]/cells[4]: \"Final LCT pathfinder evaluation published\" has no target date",
            "warning sections[0]/blocks[0]/rows[3]/cells[1]: this project has no lead",
        ],
        "one finding for the merged lead left blank, none for the rows it covers"
    );
}

#[test]
fn a_lead_on_a_projects_first_line_holds_for_its_other_lines() {
    use RowKind::Data;
    let table = projects(vec![
        row(
            Data,
            &["1. Plan", "Sally Morris", "CYPP", "Plan agreed", "June 08"],
        ),
        row(Data, &["", "", "", "Plan published", "July 08"]),
    ]);
    let mut merged = table.clone();
    merged.merge_down(0, 0, 2);
    assert_eq!(
        messages(&plan_with(vec![Block::Table(merged)])),
        Vec::<String>::new()
    );
    // Unmerged, the second row is a project of its own with no lead.
    assert_eq!(
        messages(&plan_with(vec![Block::Table(table)])),
        ["warning sections[0]/blocks[0]/rows[1]/cells[1]: this project has no lead"]
    );
}

#[test]
fn a_rate_row_is_never_added_up_nor_checked_as_a_total() {
    use RowKind::*;
    let mut table = Table::new(
        TableKind::Activity,
        vec![
            Column::new("Activity", ColumnKind::Text),
            Column::new("2006/7", ColumnKind::Figure),
        ],
    );
    table.rows = vec![
        row(Data, &["Primary", "5.1"]),
        row(Data, &["Secondary", "8.0"]),
        row(Rate, &["Overall", "6.5"]),
        row(Total, &["Total", "13.1"]),
    ];
    let plan = plan_with(vec![Block::Table(table.clone())]);
    assert_eq!(
        messages(&plan),
        Vec::<String>::new(),
        "6.5 is an average, 13.1 the sum"
    );
    table.rows[2].kind = Data;
    assert_eq!(
        messages(&plan_with(vec![Block::Table(table)])),
        ["warning sections[0]/blocks[0]/rows[3]/cells[1]: stated 13.1, rows sum to 19.6"],
        "taken as a data row, the rate would be added in"
    );
}

/// A target is its own item even when the plan it serves is one cell
/// merged over several targets: a blank lead is reported on its row.
#[test]
fn a_target_under_a_merged_plan_cell_still_needs_its_own_lead() {
    let mut first = row(
        RowKind::Data,
        &["CYPP 2", "9: Support parents", "Marisa White"],
    );
    first.spans = vec![RowSpan { column: 0, rows: 2 }];
    let second = row(RowKind::Data, &["", "10: Extend Sure Start", ""]);
    let plan = plan_with(vec![table_of(TableKind::LeadRoles, vec![first, second])]);
    assert_eq!(
        messages(&plan),
        ["warning sections[0]/blocks[0]/rows[1]/cells[2]: this target has no lead"]
    );
}

/// A commissioning row's date is when its key decision is taken, often
/// before the plan year starts: not a deadline to review.
#[test]
fn a_commissioning_decision_before_the_plan_year_is_not_flagged() {
    let mut table = template::find("directorate-plan-2018")
        .unwrap()
        .table(TableKind::Commissioning)
        .unwrap()
        .clone();
    let cells: Vec<&str> = (table.columns.iter())
        .map(|c| match c.kind {
            ColumnKind::Date => "Yes – March 2007",
            _ => "x",
        })
        .collect();
    table.rows = vec![row(RowKind::Data, &cells)];
    let plan = plan_with(vec![Block::Table(table)]);
    assert!(
        messages(&plan)
            .iter()
            .all(|m| !m.contains("before the plan year")),
        "{:?}",
        messages(&plan)
    );
}
