//! Small plans built in code for the checks' tests.

#![allow(dead_code)] // each test file uses its own share of these

use planwright::model::check::validate;
use planwright::model::*;
use planwright::template;

pub fn plan_with(blocks: Vec<Block>) -> Plan {
    let mut plan = template::find("operating-plan-2008").unwrap().new_plan();
    plan.sections = vec![Section {
        heading: "Test".into(),
        blocks,
        ..Section::default()
    }];
    plan
}

pub fn row(kind: RowKind, cells: &[&str]) -> Row {
    Row::new(kind, cells.iter().map(|c| Cell::text(*c)).collect())
}

pub fn messages(plan: &Plan) -> Vec<String> {
    let before = plan.clone();
    let findings: Vec<String> = validate(plan).iter().map(ToString::to_string).collect();
    assert_eq!(&before, plan, "validate changed the plan");
    findings
}

pub fn budget(rows: Vec<Row>) -> Block {
    let mut table = template::find("operating-plan-2008")
        .unwrap()
        .table(TableKind::Budget)
        .unwrap()
        .clone();
    table.rows = rows;
    Block::Table(table)
}
