//! Checks across a plan's units: a name that is none of the plan's units,
//! a unit without a budget, staffing or monitoring entry where the other
//! units have one, and a plan-wide total against the units' own totals.
//! Like every check, these report and never change the plan.

use super::check::{Finding, Severity, computed_totals};
use super::figure::{self, Decimal, Written};
use super::{Block, Location, Plan, RowKind, Table, TableKind};

/// What every unit of a division plan is expected to have, and how its
/// entries are found: tables of these kinds, or sections in these slots.
struct Entry {
    what: &'static str,
    kinds: &'static [TableKind],
    slots: &'static [&'static str],
}

const ENTRIES: [Entry; 3] = [
    Entry {
        what: "revenue budget",
        kinds: &[TableKind::Budget, TableKind::Finance],
        slots: &["budget"],
    },
    Entry {
        what: "staffing entry",
        kinds: &[TableKind::Staffing],
        slots: &["staffing", "staffing-levels"],
    },
    Entry {
        what: "monitoring entry",
        kinds: &[],
        slots: &["monitoring"],
    },
];

/// Every table in the plan with its section path, block index and unit.
fn tables(plan: &Plan) -> Vec<(Vec<usize>, usize, &Table, Option<usize>)> {
    let mut out = Vec::new();
    for (path, section) in plan.walk_sections() {
        for (b, block) in section.blocks.iter().enumerate() {
            if let Block::Table(table) = block {
                let unit = plan.block_unit(&path, b);
                out.push((path.clone(), b, table, unit));
            }
        }
    }
    out
}

/// The findings about units, each carrying the unit it is about.
pub fn check_units(plan: &Plan, out: &mut Vec<Finding>) {
    unknown_names(plan, out);
    if plan.units.len() < 2 {
        return;
    }
    for entry in &ENTRIES {
        missing_entries(plan, entry, out);
    }
    plan_totals_against_units(plan, out);
}

/// A section or table naming a unit the plan does not list.
fn unknown_names(plan: &Plan, out: &mut Vec<Finding>) {
    let listed = || {
        let names: Vec<&str> = plan.units.iter().map(|u| u.name.as_str()).collect();
        if names.is_empty() {
            "the plan lists no units".to_string()
        } else {
            format!("the plan's units are {}", names.join(", "))
        }
    };
    for (path, section) in plan.walk_sections() {
        if !section.unit.trim().is_empty() && plan.unit_index(&section.unit).is_none() {
            out.push(Finding {
                severity: Severity::Warning,
                location: Location::section(&path),
                message: format!(
                    "\"{}\" is not one of the plan's units; {}",
                    section.unit,
                    listed()
                ),
                unit: None,
            });
        }
        for (b, block) in section.blocks.iter().enumerate() {
            if let Block::Table(table) = block
                && !table.unit.trim().is_empty()
                && plan.unit_index(&table.unit).is_none()
            {
                out.push(Finding {
                    severity: Severity::Warning,
                    location: Location::block(&path, b),
                    message: format!(
                        "\"{}\" is not one of the plan's units; {}",
                        table.unit,
                        listed()
                    ),
                    unit: None,
                });
            }
        }
    }
}

/// Units without an entry of a kind that other units have.
fn missing_entries(plan: &Plan, entry: &Entry, out: &mut Vec<Finding>) {
    let mut has = vec![false; plan.units.len()];
    let mut first_place: Option<Location> = None;
    for (path, section) in plan.walk_sections() {
        if entry.slots.contains(&section.slot.as_str()) {
            first_place.get_or_insert_with(|| Location::section(&path));
            if let Some(u) = plan.section_unit(&path)
                && !section.is_empty()
            {
                has[u] = true;
            }
        }
    }
    for (path, b, table, unit) in tables(plan) {
        if entry.kinds.contains(&table.kind) {
            first_place.get_or_insert_with(|| Location::block(&path, b));
            if let Some(u) = unit {
                has[u] = true;
            }
        }
    }
    let count = has.iter().filter(|h| **h).count();
    let Some(place) = first_place else { return };
    if count == 0 {
        return;
    }
    for (u, unit) in plan.units.iter().enumerate() {
        if !has[u] {
            out.push(Finding {
                severity: Severity::Warning,
                location: place.clone(),
                message: format!(
                    "unit \"{}\" has no {}, where {count} of the plan's {} units have one",
                    unit.name,
                    entry.what,
                    plan.units.len()
                ),
                unit: Some(u),
            });
        }
    }
}

/// The figure a table states on its last total row in `column`.
fn stated_total(table: &Table, column: usize) -> Option<Decimal> {
    let row = table.rows.iter().rev().find(|r| r.kind == RowKind::Total)?;
    match figure::read(&row.cell(column)?.as_text()?) {
        Written::Figure(d) => Some(d),
        _ => None,
    }
}

/// Each unit's stated totals: for every table of the unit, its last total
/// row's figure in each summed column, added up by table kind and column.
pub fn unit_totals(plan: &Plan, unit: usize) -> Vec<(String, Decimal)> {
    let mut out: Vec<(String, Decimal)> = Vec::new();
    for (_, _, table, owner) in tables(plan) {
        if owner != Some(unit) {
            continue;
        }
        for (c, column) in table.columns.iter().enumerate() {
            if !column.kind.is_summed() {
                continue;
            }
            let Some(total) = stated_total(table, c) else {
                continue;
            };
            let name = format!("{} · {}", table.kind.name(), table.column_name(c).trim());
            match out.iter_mut().find(|(n, _)| *n == name) {
                Some((_, sum)) => *sum = *sum + total,
                None => out.push((name, total)),
            }
        }
    }
    out
}

/// A plan-wide table (a division's staffing) whose total disagrees with
/// the totals of the units' own tables of its kind. Checked only when
/// every other table of the kind belongs to a unit and each states a
/// total in the column: blank is not zero.
fn plan_totals_against_units(plan: &Plan, out: &mut Vec<Finding>) {
    let all = tables(plan);
    for (path, b, table, unit) in &all {
        if unit.is_some() || table.kind == TableKind::Generic {
            continue;
        }
        let others: Vec<&Table> = (all.iter())
            .filter(|(p, ob, t, _)| t.kind == table.kind && !(p == path && ob == b))
            .map(|(_, _, t, _)| *t)
            .collect();
        let all_units = all
            .iter()
            .filter(|(p, ob, t, _)| t.kind == table.kind && !(p == path && ob == b))
            .all(|(.., u)| u.is_some());
        if others.len() < 2 || !all_units {
            continue;
        }
        let Some(total_row) = table.rows.iter().rposition(|r| r.kind == RowKind::Total) else {
            continue;
        };
        // A total that disagrees with its own rows is reported already.
        let own_sums = computed_totals(table);
        for (c, column) in table.columns.iter().enumerate() {
            let Some(stated) = column
                .kind
                .is_summed()
                .then(|| stated_total(table, c))
                .flatten()
            else {
                continue;
            };
            if own_sums
                .iter()
                .any(|t| t.row == total_row && t.column == c && !t.sum.same_value(stated))
            {
                continue;
            }
            let label = table.column_name(c);
            let parts: Option<Vec<Decimal>> = (others.iter())
                .map(|t| {
                    let column = (0..t.columns.len()).find(|&oc| t.column_name(oc) == label)?;
                    stated_total(t, column)
                })
                .collect();
            let Some(parts) = parts else { continue };
            let sum: Decimal = parts.into_iter().sum();
            if !stated.same_value(sum) {
                out.push(Finding {
                    severity: Severity::Warning,
                    location: Location::cell(path, *b, total_row, Some(c)),
                    message: format!(
                        "stated {stated}, but the units' own {} totals sum to {sum}",
                        table.kind.name()
                    ),
                    unit: None,
                });
            }
        }
    }
}
