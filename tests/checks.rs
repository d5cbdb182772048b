//! `validate` on small plans built in code: each check finds what it
//! should, and nothing else. Findings never change the plan.

mod check_helpers;

use check_helpers::{budget, messages, plan_with, row};
use planwright::model::check::{Severity, validate};
use planwright::model::*;
use planwright::template;

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
