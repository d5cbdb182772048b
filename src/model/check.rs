//! Checks, never corrections: `validate` reads a plan and reports what does
//! not add up or is missing. It never changes the document.

use super::figure::{self, Decimal, Written};
use super::{
    Block, Cell, CellBlock, ColumnKind, Location, Plan, PlanState, Row, RowKind, Section, Table,
    TableKind,
};
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub severity: Severity,
    pub location: Location,
    pub message: String,
    /// The unit the finding is about (its place's, or the unit it says
    /// lacks something), for the findings panel's filter.
    pub unit: Option<usize>,
}

impl fmt::Display for Finding {
    /// `warning sections[12]/blocks[2]/rows[4]/cells[7]: stated 3,008.1, rows sum to 3,008.2`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}: {}", self.severity, self.location, self.message)
    }
}

/// Everything worth an author's attention, in document order.
pub fn validate(plan: &Plan) -> Vec<Finding> {
    let mut findings = Vec::new();
    check_sign_off(plan, &mut findings);
    check_comments(plan, &mut findings);
    for (path, section) in plan.walk_sections() {
        check_section(plan, &path, section, &mut findings);
    }
    super::unit_check::check_units(plan, &mut findings);
    for finding in &mut findings {
        let place = &finding.location;
        finding.unit = finding.unit.or_else(|| match place.block {
            Some(b) => plan.block_unit(&place.sections, b),
            None if place.is_cover() => None,
            None => plan.section_unit(&place.sections),
        });
    }
    // Document order: by section, block, row, then column.
    findings.sort_by(|a, b| a.location.cmp(&b.location));
    findings
}

/// A plan marked signed off names who signed it; the cover prints it as
/// awaiting sign-off until it does.
fn check_sign_off(plan: &Plan, out: &mut Vec<Finding>) {
    if plan.status.state == PlanState::SignedOff && !plan.is_signed_off() {
        out.push(Finding {
            severity: Severity::Warning,
            location: Location::cover(),
            message: "the plan is marked Signed off but has no sign-off record with a name; \
                      it prints as awaiting sign-off"
                .into(),
            unit: None,
        });
    }
}

/// An open review comment is still to be answered before sign-off.
fn check_comments(plan: &Plan, out: &mut Vec<Finding>) {
    for placed in plan.open_comments() {
        out.push(Finding {
            severity: Severity::Warning,
            message: format!(
                "open comment on {}: {}",
                super::comment::concerns(plan, &placed.location),
                super::comment::summary(placed.comment)
            ),
            location: placed.location,
            unit: None,
        });
    }
}

fn check_section(plan: &Plan, path: &[usize], section: &Section, out: &mut Vec<Finding>) {
    if crate::template::is_required(&plan.template, section)
        && !has_content(&plan.template, section)
    {
        out.push(Finding {
            severity: Severity::Warning,
            location: Location::section(path),
            message: format!("required section \"{}\" is empty", section.title()),
            unit: None,
        });
    }
    for (b, block) in section.blocks.iter().enumerate() {
        if let Block::Table(table) = block {
            let mut ctx = TableCheck {
                plan,
                path,
                block: b,
                table,
                out,
            };
            ctx.run();
        }
    }
}

/// Whether the section or a sub-section holds words of the author's: the
/// words its template put there for the author (a standard paragraph, row
/// labels) do not count.
fn has_content(template: &str, section: &Section) -> bool {
    let slot = crate::template::find_slot(template, &section.slot);
    let placeholders = slot.map_or(&[][..], |s| s.placeholders.as_slice());
    super::has_own_words(&section.blocks, placeholders)
        || (section.subsections.iter()).any(|s| has_content(template, s))
}

struct TableCheck<'a> {
    plan: &'a Plan,
    path: &'a [usize],
    block: usize,
    table: &'a Table,
    out: &'a mut Vec<Finding>,
}

impl TableCheck<'_> {
    fn run(&mut self) {
        self.check_cells();
        self.check_totals();
        self.check_row_sums(super::arithmetic::row_sum_rules(self.table));
        match self.table.kind {
            TableKind::Projects
            | TableKind::ActionPlan
            | TableKind::EnvironmentObjective
            | TableKind::Risks
            | TableKind::LeadRoles
            | TableKind::Commissioning => {
                self.check_owners();
                // A commissioning row's date is when its key decision was
                // (or will be) taken, often before the year: not a deadline.
                if self.table.kind != TableKind::Commissioning {
                    self.check_dates_in_year();
                }
            }
            _ => {}
        }
    }

    fn warn(&mut self, row: usize, column: Option<usize>, message: String) {
        self.push(Severity::Warning, row, column, message);
    }

    fn push(&mut self, severity: Severity, row: usize, column: Option<usize>, message: String) {
        self.out.push(Finding {
            severity,
            location: Location::cell(self.path, self.block, row, column),
            message,
            unit: None,
        });
    }

    fn written(row: &Row, column: usize) -> Written {
        row.cell(column)
            .and_then(|c| c.as_text())
            .map_or(Written::Words, |t| figure::read(&t))
    }

    /// Money and FTE cells hold figures; rating bands are on the scale.
    fn check_cells(&mut self) {
        let table = self.table;
        for (r, row) in table.rows.iter().enumerate() {
            if row.kind == RowKind::Group || row.kind == RowKind::Hint {
                continue;
            }
            for (c, column) in table.columns.iter().enumerate() {
                let Some(cell) = row.cell(c) else { continue };
                if column.kind.is_strict_figure()
                    && let Some(text) = cell.as_text()
                    && figure::read(&text) == Written::Words
                {
                    self.warn(r, Some(c), format!("\"{}\" is not a figure", text.trim()));
                }
                for block in &cell.0 {
                    if let CellBlock::Rating(rating) = block {
                        self.check_rating(r, c, rating);
                    }
                }
            }
        }
    }

    fn check_rating(&mut self, row: usize, column: usize, rating: &super::Rating) {
        if !(1..=5).contains(&rating.band) {
            self.push(
                Severity::Error,
                row,
                Some(column),
                format!("rating band {} is not between 1 and 5", rating.band),
            );
            return;
        }
        let scale = &self.plan.rating_scale;
        if scale.is_empty() || rating.label.trim().is_empty() {
            return;
        }
        let label = rating.label.trim();
        let Some(band) = scale.iter().find(|b| b.band == rating.band) else {
            return;
        };
        if !band.labels.iter().any(|l| l.eq_ignore_ascii_case(label)) {
            let expected = band.labels.join("\" or \"");
            self.warn(
                row,
                Some(column),
                format!(
                    "rating \"{label}\" disagrees with band {} on the plan's rating scale (\"{expected}\")",
                    rating.band
                ),
            );
        }
    }

    /// Stated subtotals and totals against the rows they add up.
    fn check_totals(&mut self) {
        let table = self.table;
        for total in computed_totals(table) {
            let row = &table.rows[total.row];
            if let Written::Figure(stated) = Self::written(row, total.column)
                && !stated.same_value(total.sum)
            {
                let what = if total.includes_subtotals {
                    "subtotal and memo lines sum to"
                } else {
                    "rows sum to"
                };
                self.warn(
                    total.row,
                    Some(total.column),
                    format!("stated {stated}, {what} {}", total.sum),
                );
            }
        }
    }

    /// Within-row arithmetic: each `(result, parts)` pair must add up on
    /// data rows and subtotals. Memo lines and grand totals add overheads
    /// that the row's own columns do not show, so they are checked by
    /// [`Self::check_totals`] instead.
    fn check_row_sums(&mut self, rules: &[(usize, &[usize])]) {
        let table = self.table;
        for (r, row) in table.rows.iter().enumerate() {
            if !matches!(row.kind, RowKind::Data | RowKind::Subtotal) {
                continue;
            }
            for &(result, parts) in rules {
                let Written::Figure(stated) = Self::written(row, result) else {
                    continue;
                };
                let figures: Vec<Written> = parts.iter().map(|&p| Self::written(row, p)).collect();
                if figures.contains(&Written::Words) {
                    continue;
                }
                let sum: Decimal = figures
                    .iter()
                    .filter_map(|w| match w {
                        Written::Figure(d) => Some(*d),
                        _ => None,
                    })
                    .sum();
                if !stated.same_value(sum) {
                    let names: Vec<String> = parts.iter().map(|&p| table.column_name(p)).collect();
                    self.warn(
                        r,
                        Some(result),
                        format!("stated {stated}, but {} make {sum}", names.join(" + ")),
                    );
                }
            }
        }
    }

    /// Projects, actions, risks, lead roles and commissioning activities
    /// name a lead, and a date where their table has a date column. A
    /// cell merged over rows names them for every row it covers; a
    /// deliverable paired with a date on its own line needs its own date,
    /// while a lead given on the first line of a project holds for its
    /// other lines.
    fn check_owners(&mut self) {
        let table = self.table;
        let item = match table.kind {
            TableKind::Projects => "project",
            TableKind::ActionPlan => "action",
            TableKind::Risks => "risk",
            TableKind::LeadRoles => "target",
            TableKind::Commissioning => "commissioning activity",
            _ => "objective",
        };
        // A project's or objective's rows under one merged cell are lines
        // of that one item (its deliverables, its tasks); a risk, a
        // target or a commissioning activity is its own row even when a
        // cell beside it (the plan it serves) is merged over several.
        let lines_of_one_item = !matches!(
            table.kind,
            TableKind::Risks | TableKind::LeadRoles | TableKind::Commissioning
        );
        let map = table.span_map();
        for (r, row) in table.rows.iter().enumerate() {
            if row.kind != RowKind::Data || row.is_empty() {
                continue;
            }
            let (first, last) = match lines_of_one_item {
                true => map.group(r),
                false => (r, r),
            };
            for (c, column) in table.columns.iter().enumerate() {
                let what = match column.kind {
                    ColumnKind::Lead => "lead",
                    ColumnKind::Date if table.kind == TableKind::Commissioning => {
                        "key decision date"
                    }
                    ColumnKind::Date => "target date",
                    _ => continue,
                };
                let blank = |r: usize| table.rows[r].cell(c).is_none_or(|cell| cell.is_empty());
                if map.is_covered(r, c) || !blank(r) {
                    continue;
                }
                if first == last {
                    self.warn(r, Some(c), format!("this {item} has no {what}"));
                } else if column.kind == ColumnKind::Date {
                    let line = self.line_words(&map, r);
                    self.warn(r, Some(c), format!("\"{line}\" has no target date"));
                } else if r == first || blank(first) {
                    self.warn(r, Some(c), format!("this {item} has no {what}"));
                }
            }
        }
    }

    /// The first words of a paired line's own cells (its deliverable),
    /// to name it in a finding.
    fn line_words(&self, map: &super::spans::SpanMap, r: usize) -> String {
        let row = &self.table.rows[r];
        let words: Vec<String> = (0..self.table.columns.len())
            .filter(|&c| self.table.columns[c].kind == ColumnKind::Text)
            .filter(|&c| !map.is_covered(r, c) && map.rows(r, c) == 1)
            .filter_map(|c| row.cell(c))
            .map(Cell::to_plain)
            .collect();
        let words: Vec<&str> = words.iter().flat_map(|w| w.split_whitespace()).collect();
        match words.len() {
            0..=8 => words.join(" "),
            _ => format!("{} …", words[..8].join(" ")),
        }
    }
}

impl TableCheck<'_> {
    /// A target date that ends before the plan year starts (carried from
    /// last year's plan, or mistyped) is for the author to review: the
    /// item may be done, or need a new date.
    fn check_dates_in_year(&mut self) {
        let Some(year) = super::period::plan_year(self.plan) else {
            return;
        };
        let table = self.table;
        for (r, row) in table.rows.iter().enumerate() {
            if row.kind != RowKind::Data {
                continue;
            }
            for (c, column) in table.columns.iter().enumerate() {
                let Some(text) = (column.kind == ColumnKind::Date)
                    .then(|| row.cell(c).and_then(|cell| cell.as_text()))
                    .flatten()
                else {
                    continue;
                };
                // `From March 08` is when ongoing work started, not a deadline.
                let starts = text.trim_start().to_lowercase().starts_with("from ");
                if !starts
                    && super::period::last_month(&text).is_some_and(|last| last < (year.year, 4))
                {
                    self.warn(
                        r,
                        Some(c),
                        format!(
                            "target date \"{}\" is before the plan year {} starts: review this item",
                            text.split_whitespace().collect::<Vec<_>>().join(" "),
                            year.written_for(year.year)
                        ),
                    );
                }
            }
        }
    }
}

/// What a stated subtotal or total cell should say: the sum of the rows it
/// adds up, by the rules `validate` checks totals with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ComputedTotal {
    pub row: usize,
    pub column: usize,
    pub sum: Decimal,
    /// A grand total of subtotals and memo lines, not of data rows.
    pub includes_subtotals: bool,
}

/// The computed sum for each subtotal and total cell in summed columns
/// that has rows to add up (blank is not zero: no figures, no sum).
pub fn computed_totals(table: &Table) -> Vec<ComputedTotal> {
    let mut out = Vec::new();
    for (c, column) in table.columns.iter().enumerate() {
        if !column.kind.is_summed() {
            continue;
        }
        // Data rows since the last total, and subtotals plus memo lines.
        let mut pending: Option<Decimal> = None;
        let mut grand: Option<Decimal> = None;
        let add = |acc: &mut Option<Decimal>, d: Decimal| *acc = Some(acc.unwrap_or_default() + d);
        for (r, row) in table.rows.iter().enumerate() {
            let value = TableCheck::written(row, c);
            match row.kind {
                RowKind::Data => {
                    if let Written::Figure(d) = value {
                        add(&mut pending, d);
                    }
                }
                RowKind::Memo => {
                    if let Written::Figure(d) = value {
                        add(&mut grand, d);
                    }
                }
                RowKind::Subtotal | RowKind::Total => {
                    let expected = if row.kind == RowKind::Subtotal {
                        pending
                    } else {
                        match (grand, pending) {
                            (None, None) => None,
                            (g, p) => Some(g.unwrap_or_default() + p.unwrap_or_default()),
                        }
                    };
                    if let Some(sum) = expected {
                        out.push(ComputedTotal {
                            row: r,
                            column: c,
                            sum,
                            includes_subtotals: row.kind == RowKind::Total && grand.is_some(),
                        });
                    }
                    if row.kind == RowKind::Subtotal {
                        if let Written::Figure(stated) = value {
                            add(&mut grand, stated);
                        }
                        pending = None;
                    } else {
                        pending = None;
                        grand = None;
                    }
                }
                // Rates and averages are never added up.
                RowKind::Group | RowKind::Hint | RowKind::Rate => {}
            }
        }
    }
    out
}
