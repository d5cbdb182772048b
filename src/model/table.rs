//! Tables: one shape for every table in a plan. A table's `kind` tells the
//! forms and the checks what it is (a budget, a KPI table…); its columns'
//! kinds tell them what each cell holds. Cells keep exactly what was written.

use super::block::List;
use super::text::Rich;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// What a table is, so the forms and the checks can know it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TableKind {
    #[default]
    Generic,
    /// Key performance indicators with rating bands.
    Kpi,
    /// National indicator references and titles.
    IndicatorList,
    /// Action, lead, date.
    ActionPlan,
    EnvironmentObjective,
    ClimateAdaptation,
    LeadRoles,
    /// The twelve-column £000 revenue budget.
    Budget,
    /// Forecast activity levels.
    Activity,
    Projects,
    Risks,
    Consultation,
    Staffing,
    Timeline,
    /// The 2018-19 directorate financial resources table.
    Finance,
    Commissioning,
    ServiceActivity,
}

impl TableKind {
    pub const ALL: [TableKind; 17] = [
        TableKind::Generic,
        TableKind::Kpi,
        TableKind::IndicatorList,
        TableKind::ActionPlan,
        TableKind::EnvironmentObjective,
        TableKind::ClimateAdaptation,
        TableKind::LeadRoles,
        TableKind::Budget,
        TableKind::Activity,
        TableKind::Projects,
        TableKind::Risks,
        TableKind::Consultation,
        TableKind::Staffing,
        TableKind::Timeline,
        TableKind::Finance,
        TableKind::Commissioning,
        TableKind::ServiceActivity,
    ];

    pub fn name(self) -> &'static str {
        match self {
            TableKind::Generic => "table",
            TableKind::Kpi => "KPI table",
            TableKind::IndicatorList => "indicator list",
            TableKind::ActionPlan => "action plan",
            TableKind::EnvironmentObjective => "environmental objective table",
            TableKind::ClimateAdaptation => "climate adaptation table",
            TableKind::LeadRoles => "lead roles table",
            TableKind::Budget => "revenue budget",
            TableKind::Activity => "activity table",
            TableKind::Projects => "projects table",
            TableKind::Risks => "risk table",
            TableKind::Consultation => "consultation table",
            TableKind::Staffing => "staffing table",
            TableKind::Timeline => "timeline",
            TableKind::Finance => "financial resources table",
            TableKind::Commissioning => "commissioning activity table",
            TableKind::ServiceActivity => "service activity table",
        }
    }
}

/// What a column holds. Figures are always kept as typed; the kind says how
/// they are aligned, checked and summed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ColumnKind {
    #[default]
    Text,
    /// An item number (`1.`, `17`).
    Number,
    /// Who leads: an officer's name. Checked for blanks on action rows.
    Lead,
    /// A date as written (`March 09`, `Summer-Autumn 08`). Checked for blanks.
    Date,
    /// £000s to one decimal place; summed by total rows.
    Money,
    /// Full-time equivalent posts; summed by total rows.
    Fte,
    /// A count or other figure that may also hold words (`To be provided`);
    /// the figures in it are summed by total rows.
    Figure,
    /// A percentage: never summed.
    Percent,
    /// A value with an optional 1–5 rating band and label.
    Rating,
}

impl ColumnKind {
    pub const ALL: [ColumnKind; 9] = [
        ColumnKind::Text,
        ColumnKind::Number,
        ColumnKind::Lead,
        ColumnKind::Date,
        ColumnKind::Money,
        ColumnKind::Fte,
        ColumnKind::Figure,
        ColumnKind::Percent,
        ColumnKind::Rating,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ColumnKind::Text => "Text",
            ColumnKind::Number => "Item number",
            ColumnKind::Lead => "Lead officer",
            ColumnKind::Date => "Date",
            ColumnKind::Money => "£000s",
            ColumnKind::Fte => "FTE",
            ColumnKind::Figure => "Figure",
            ColumnKind::Percent => "Percentage",
            ColumnKind::Rating => "Rated value",
        }
    }

    /// Right-aligned in print and in the editor.
    pub fn is_numeric(self) -> bool {
        matches!(
            self,
            ColumnKind::Money
                | ColumnKind::Fte
                | ColumnKind::Figure
                | ColumnKind::Percent
                | ColumnKind::Number
        )
    }

    /// Total rows add these columns up.
    pub fn is_summed(self) -> bool {
        matches!(
            self,
            ColumnKind::Money | ColumnKind::Fte | ColumnKind::Figure
        )
    }

    /// Only figures, blanks and the usual "not applicable" marks belong here.
    pub fn is_strict_figure(self) -> bool {
        matches!(self, ColumnKind::Money | ColumnKind::Fte)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Column {
    pub label: Rich,
    #[serde(default)]
    pub kind: ColumnKind,
}

impl Column {
    pub fn new(label: impl Into<Rich>, kind: ColumnKind) -> Self {
        Column {
            label: label.into(),
            kind,
        }
    }
}

/// A cell of an extra header row, spanning one or more columns
/// (`2007-08` over the budget's prior-year columns).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HeaderCell {
    pub text: Rich,
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub span: u16,
}

fn one() -> u16 {
    1
}

fn is_one(n: &u16) -> bool {
    *n == 1
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RowKind {
    #[default]
    Data,
    /// A theme or group label spanning the table (its first cell only).
    Group,
    /// A stated total of the data rows above it (`Controllable Totals`).
    Subtotal,
    /// A memorandum line added into the grand total (`Central Overheads`).
    Memo,
    /// A stated grand total: the subtotals and memo lines above it, or the
    /// data rows since the last total (`Total Cost of Unit`, `TOTAL`).
    Total,
    /// The template's fill-in guidance, as the real plans print it.
    Hint,
    /// A stated rate or average over the rows above it (`All pupils` under
    /// each group's percentage): a summary the checks never add up and
    /// totals never include.
    Rate,
}

impl RowKind {
    pub const ALL: [RowKind; 7] = [
        RowKind::Data,
        RowKind::Group,
        RowKind::Subtotal,
        RowKind::Memo,
        RowKind::Total,
        RowKind::Rate,
        RowKind::Hint,
    ];

    pub fn label(self) -> &'static str {
        match self {
            RowKind::Data => "Row",
            RowKind::Group => "Group",
            RowKind::Subtotal => "Subtotal",
            RowKind::Memo => "Memo line",
            RowKind::Total => "Total",
            RowKind::Hint => "Guidance",
            RowKind::Rate => "Rate or average",
        }
    }

    pub fn is_total(self) -> bool {
        matches!(self, RowKind::Subtotal | RowKind::Total)
    }

    /// Totals and rates: set off from the rows they sum up or average.
    pub fn is_summary(self) -> bool {
        self.is_total() || self == RowKind::Rate
    }
}

fn is_data(kind: &RowKind) -> bool {
    *kind == RowKind::Data
}

fn is_zero(n: &u8) -> bool {
    *n == 0
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Row {
    #[serde(default, skip_serializing_if = "is_data")]
    pub kind: RowKind,
    /// How deep a group row sits: 0 for a group, 1 for a sub-group
    /// within it (a unit, then its themes).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub level: u8,
    pub cells: Vec<Cell>,
    /// Review comments on the row and its cells, kept here so they move
    /// with the row (see [`super::comment`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub comments: Vec<super::Comment>,
    /// Cells of this row merged with the cells under them (see
    /// [`super::spans`]): the covered cells below stay empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub spans: Vec<RowSpan>,
}

/// A cell reaching down over `rows` rows in all (its own included): an
/// objective beside its tasks, a project beside each deliverable and its
/// date, one lead officer for a block of actions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RowSpan {
    pub column: u16,
    pub rows: u16,
}

impl Row {
    pub fn new(kind: RowKind, cells: Vec<Cell>) -> Self {
        Row {
            kind,
            cells,
            ..Row::default()
        }
    }

    pub fn is_empty(&self) -> bool {
        self.cells.iter().all(Cell::is_empty)
    }

    /// The cell in `column`, or an empty one where the row is short.
    pub fn cell(&self, column: usize) -> Option<&Cell> {
        self.cells.get(column)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Table {
    #[serde(default)]
    pub kind: TableKind,
    /// The unit the table belongs to (a budget per unit), by a name
    /// [`super::Plan::unit`] resolves; empty for its section's.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub unit: String,
    /// Lines printed above the table and kept with it (unit names, budget titles).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub caption: Vec<Rich>,
    /// Extra header rows above the column labels, with spans.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub header_rows: Vec<Vec<HeaderCell>>,
    pub columns: Vec<Column>,
    /// Extra header rows under the column labels (a year or a source
    /// under each label), with spans.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub header_rows_below: Vec<Vec<HeaderCell>>,
    pub rows: Vec<Row>,
    /// Notes printed under the table.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<super::block::Note>,
}

impl Table {
    pub fn new(kind: TableKind, columns: Vec<Column>) -> Self {
        Table {
            kind,
            columns,
            ..Table::default()
        }
    }

    /// An empty row that fits this table.
    pub fn blank_row(&self, kind: RowKind) -> Row {
        let cells = if kind == RowKind::Group {
            vec![Cell::default()]
        } else {
            vec![Cell::default(); self.columns.len()]
        };
        Row::new(kind, cells)
    }

    /// The column label as plain text, for messages.
    pub fn column_name(&self, column: usize) -> String {
        self.columns
            .get(column)
            .map(|c| c.label.to_plain())
            .unwrap_or_default()
    }
}

/// A 1–5 rating band with its label, as in `17.5 ●●● Acceptable`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rating {
    pub band: u8,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
}

/// One piece of a cell's content.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum CellBlock {
    Para(Rich),
    List(List),
    /// The rating of the value in the paragraph before it.
    Rating(Rating),
}

/// A table cell: paragraphs, lists and ratings in order.
///
/// In RON a cell holding one unstyled paragraph is a plain string, an empty
/// cell is `""`, and anything richer is a list of blocks.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Cell(pub Vec<CellBlock>);

impl Cell {
    pub fn text(text: impl Into<String>) -> Self {
        let text = text.into();
        if text.is_empty() {
            Cell::default()
        } else {
            Cell(vec![CellBlock::Para(Rich::plain(text))])
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.iter().all(|b| match b {
            CellBlock::Para(r) => r.is_empty(),
            CellBlock::List(l) => l.items.is_empty(),
            CellBlock::Rating(_) => false,
        })
    }

    /// The written value of a single-paragraph cell (the figure, the name,
    /// the date); `None` for cells holding lists.
    pub fn as_text(&self) -> Option<String> {
        let mut text = String::new();
        for block in &self.0 {
            match block {
                CellBlock::Para(r) => {
                    if !text.is_empty() {
                        text.push('\n');
                    }
                    text.push_str(&r.to_plain());
                }
                CellBlock::List(_) => return None,
                CellBlock::Rating(_) => {}
            }
        }
        Some(text)
    }

    /// Every word of the cell, its lists' items included, for messages.
    pub fn to_plain(&self) -> String {
        fn items(list: &List, out: &mut Vec<String>) {
            for item in &list.items {
                out.push(item.text.to_plain());
                items(&item.children, out);
            }
        }
        let mut out = Vec::new();
        for block in &self.0 {
            match block {
                CellBlock::Para(r) => out.push(r.to_plain()),
                CellBlock::List(l) => items(l, &mut out),
                CellBlock::Rating(_) => {}
            }
        }
        out.join(" ")
    }

    pub fn rating(&self) -> Option<&Rating> {
        self.0.iter().find_map(|b| match b {
            CellBlock::Rating(r) => Some(r),
            _ => None,
        })
    }

    /// True when the cell is one unstyled paragraph (or empty) with no
    /// rating: the form shows it as a plain text field.
    pub fn is_simple(&self) -> bool {
        match self.0.as_slice() {
            [] => true,
            [CellBlock::Para(r)] => r.is_plain(),
            _ => false,
        }
    }
}

impl Serialize for Cell {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0.as_slice() {
            [] => serializer.serialize_str(""),
            [CellBlock::Para(r)] if r.is_plain() => serializer.serialize_str(&r.to_plain()),
            blocks => blocks.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for Cell {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        super::text::string_or_list(
            deserializer,
            "a string, or a list of cell blocks like [Para(\"…\"), List(…)]",
            |s| Cell::text(s),
            Cell,
        )
    }
}
