//! `validate` on small plans built in code: each check finds what it
//! should, and nothing else. Findings never change the plan.

use planwright::model::check::{Severity, validate};
use planwright::model::*;
use planwright::template;

fn plan_with(blocks: Vec<Block>) -> Plan {
    let mut plan = template::find("operating-plan-2008").unwrap().new_plan();
    plan.sections = vec![Section {
        heading: "Test".into(),
        blocks,
        ..Section::default()
    }];
    plan
}

fn row(kind: RowKind, cells: &[&str]) -> Row {
    Row::new(kind, cells.iter().map(|c| Cell::text(*c)).collect())
}

fn messages(plan: &Plan) -> Vec<String> {
    let before = plan.clone();
    let findings: Vec<String> = validate(plan).iter().map(ToString::to_string).collect();
    assert_eq!(&before, plan, "validate changed the plan");
    findings
}

fn budget(rows: Vec<Row>) -> Block {
    let mut table = template::find("operating-plan-2008")
        .unwrap()
        .table(TableKind::Budget)
        .unwrap()
        .clone();
    table.rows = rows;
    Block::Table(table)
}

#[test]
fn a_consistent_budget_has_no_findings() {
    use RowKind::*;
    let plan = plan_with(vec![budget(vec![
        row(
            Data,
            &[
                "596.5", "13.8", "Planning", "13.8", "608.4", "0.0", "", "608.4", "0.0", "",
                "608.4", "CW",
            ],
        ),
        row(
            Data,
            &[
                "0.0", "0.0", "Board", "0.0", "100.0", "150.0", "", "250.0", "-250.0", "", "0.0",
                "",
            ],
        ),
        row(
            Subtotal,
            &[
                "596.5",
                "13.8",
                "Controllable Totals",
                "13.8",
                "708.4",
                "150.0",
                "0.0",
                "858.4",
                "-250.0",
                "0.0",
                "608.4",
                "",
            ],
        ),
        row(Group, &["Memorandum Items"]),
        row(
            Memo,
            &[
                "",
                "",
                "Central Overheads",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "23.6",
                "",
            ],
        ),
        row(
            Memo,
            &[
                "",
                "",
                "Capital Charges",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
            ],
        ),
        row(
            Total,
            &[
                "596.5",
                "13.8",
                "Total Cost of Unit",
                "13.8",
                "708.4",
                "150.0",
                "0.0",
                "858.4",
                "-250.0",
                "0.0",
                "632.0",
                "",
            ],
        ),
    ])]);
    assert_eq!(messages(&plan), Vec::<String>::new());
}

#[test]
fn budget_differences_are_reported_where_they_are() {
    use RowKind::*;
    let plan = plan_with(vec![budget(vec![
        // Gross should be 608.4 + 0.0 = 608.4; stated 608.5.
        row(
            Data,
            &[
                "596.5", "13.8", "Planning", "13.8", "608.4", "0.0", "", "608.5", "0.0", "",
                "608.5", "CW",
            ],
        ),
        row(
            Subtotal,
            &[
                "596.5",
                "13.8",
                "Controllable Totals",
                "13.8",
                "608.3",
                "0.0",
                "0.0",
                "608.5",
                "0.0",
                "0.0",
                "608.5",
                "",
            ],
        ),
        row(
            Memo,
            &[
                "",
                "",
                "Central Overheads",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "1.0",
                "",
            ],
        ),
        row(
            Total,
            &[
                "596.5",
                "13.8",
                "Total Cost of Unit",
                "13.8",
                "608.3",
                "0.0",
                "0.0",
                "608.5",
                "0.0",
                "0.0",
                "609.6",
                "",
            ],
        ),
    ])]);
    assert_eq!(
        messages(&plan),
        [
            "warning sections[0]/blocks[0]/rows[0]/cells[7]: stated 608.5, but Employee Costs £000's + Running Costs £000's + Contracts & Projects £000's make 608.4",
            "warning sections[0]/blocks[0]/rows[1]/cells[4]: stated 608.3, rows sum to 608.4",
            "warning sections[0]/blocks[0]/rows[1]/cells[7]: stated 608.5, but Employee Costs £000's + Running Costs £000's + Contracts & Projects £000's make 608.3",
            "warning sections[0]/blocks[0]/rows[3]/cells[10]: stated 609.6, subtotal and memo lines sum to 609.5",
        ]
    );
}

#[test]
fn blank_is_not_zero_and_words_in_money_columns_are_flagged() {
    use RowKind::*;
    let plan = plan_with(vec![budget(vec![
        row(
            Data,
            &["", "", "Planning", "", "12a", "", "", "", "", "", "", ""],
        ),
        row(
            Data,
            &["N/A", "~", "Other", "", "", "", "", "", "", "", "", ""],
        ),
        // A blank stated total states nothing: no finding.
        row(
            Subtotal,
            &[
                "",
                "",
                "Controllable Totals",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
            ],
        ),
    ])]);
    assert_eq!(
        messages(&plan),
        ["warning sections[0]/blocks[0]/rows[0]/cells[4]: \"12a\" is not a figure"]
    );
}

#[test]
fn staffing_totals_are_checked_against_the_rows_above() {
    use RowKind::*;
    let table = Table {
        kind: TableKind::Staffing,
        columns: vec![
            Column::new("Unit", ColumnKind::Text),
            Column::new("2007/08", ColumnKind::Fte),
            Column::new("2008/09", ColumnKind::Fte),
        ],
        rows: vec![
            row(Data, &["Pt13 and above", "16.5", "N/A"]),
            row(Data, &["Pt12 and below", "2", "21"]),
            row(Total, &["TOTAL", "18.5", "20"]),
            row(Data, &["externally funded", "~", "-"]),
        ],
        ..Table::default()
    };
    assert_eq!(
        messages(&plan_with(vec![Block::Table(table)])),
        ["warning sections[0]/blocks[0]/rows[2]/cells[2]: stated 20, rows sum to 21"]
    );
}

#[test]
fn projects_without_a_lead_or_date_are_reported() {
    let mut table = template::find("operating-plan-2008")
        .unwrap()
        .table(TableKind::Projects)
        .unwrap()
        .clone();
    table.rows = vec![
        row(RowKind::Group, &["Looked After Children"]),
        row(
            RowKind::Data,
            &[
                "1. Monitor the pledge",
                "Paul",
                "CYPP",
                "Improvements",
                "From April 08",
            ],
        ),
        row(RowKind::Data, &["2. Review", "", "CYPP", "Report", ""]),
        row(RowKind::Data, &["", "", "", "", ""]),
    ];
    assert_eq!(
        messages(&plan_with(vec![Block::Table(table)])),
        [
            "warning sections[0]/blocks[0]/rows[2]/cells[1]: this project has no lead",
            "warning sections[0]/blocks[0]/rows[2]/cells[4]: this project has no target date",
        ]
    );
}

#[test]
fn rating_labels_must_match_their_band_on_the_plans_scale() {
    let rated = |band: u8, label: &str| {
        Cell(vec![
            CellBlock::Para("17.5".into()),
            CellBlock::Rating(Rating {
                band,
                label: label.into(),
            }),
        ])
    };
    let table = Table {
        kind: TableKind::Kpi,
        columns: vec![
            Column::new("Indicator", ColumnKind::Text),
            Column::new("Existing", ColumnKind::Rating),
        ],
        rows: vec![
            Row::new(
                RowKind::Data,
                vec![Cell::text("A3"), rated(3, "Acceptable")],
            ),
            Row::new(
                RowKind::Data,
                vec![Cell::text("A4"), rated(2, "inadequate")],
            ),
            Row::new(
                RowKind::Data,
                vec![Cell::text("A5"), rated(5, "Acceptable")],
            ),
            Row::new(RowKind::Data, vec![Cell::text("A6"), rated(7, "")]),
        ],
        ..Table::default()
    };
    let plan = plan_with(vec![Block::Table(table)]);
    let found = validate(&plan);
    assert_eq!(
        found.iter().map(ToString::to_string).collect::<Vec<_>>(),
        [
            "warning sections[0]/blocks[0]/rows[2]/cells[1]: rating \"Acceptable\" disagrees with band 5 on the plan's rating scale (\"V Good\")",
            "error sections[0]/blocks[0]/rows[3]/cells[1]: rating band 7 is not between 1 and 5",
        ]
    );
    assert_eq!(found[1].severity, Severity::Error);
}

#[test]
fn empty_required_sections_are_reported_and_filled_ones_are_not() {
    let mut plan = plan_with(vec![]);
    plan.sections[0].required = true;
    assert_eq!(
        messages(&plan),
        ["warning sections[0]: required section \"Test\" is empty"]
    );
    plan.sections[0].subsections.push(Section {
        blocks: vec![Block::Paragraph("Filled.".into())],
        ..Section::default()
    });
    assert_eq!(messages(&plan), Vec::<String>::new());
}

#[test]
fn a_signed_off_plan_names_its_signer() {
    let mut plan = plan_with(Vec::new());
    plan.status.state = PlanState::SignedOff;
    let unsigned = messages(&plan);
    assert_eq!(unsigned.len(), 1, "{unsigned:?}");
    assert!(
        unsigned[0].starts_with("warning cover: the plan is marked Signed off"),
        "{unsigned:?}"
    );
    // A record without a name signs nothing.
    plan.sign_off.push(SignOff {
        role: "Director".into(),
        ..SignOff::default()
    });
    assert_eq!(messages(&plan).len(), 1);
    plan.sign_off[0].name = "Bill Anderson".into();
    assert!(messages(&plan).is_empty(), "{:?}", messages(&plan));
    // Drafts and plans under review need no signer.
    plan.sign_off.clear();
    plan.status.state = PlanState::ForSmtReview;
    assert!(messages(&plan).is_empty());
}

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
