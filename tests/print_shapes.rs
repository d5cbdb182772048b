//! Issue 13's table shapes as printed, tagged and exported: a date on the
//! baseline of its deliverable, a cell merged over rows set once and
//! marked "(cont.)" on the pages it goes on onto, nested groups set
//! apart, header rows under the labels, and rates as rates.

mod print_common;

use planwright::layout::{Colour, Document, Face, Item, Page, Role, TextRun};
use planwright::model::{
    Block, Cell, CellBlock, Column, ColumnKind, HeaderCell, List, ListItem, ListStyle, Plan, Row,
    RowKind, Section, Table, TableKind,
};
use planwright::pdf::tags::Structure;
use planwright::{html, template};
use print_common::lay_out;

fn plan_with_table(table: Table) -> Plan {
    let mut plan = template::find("operating-plan-2008").unwrap().new_plan();
    plan.sections = vec![Section {
        heading: "Projects".into(),
        blocks: vec![Block::Table(table)],
        ..Section::default()
    }];
    plan
}

fn runs(document: &Document, role: Role) -> Vec<(usize, &TextRun)> {
    (document.pages.iter().enumerate())
        .flat_map(|(p, page)| page.text_runs().map(move |r| (p, r)))
        .filter(|(_, r)| r.role == role)
        .collect()
}

fn run<'d>(document: &'d Document, text: &str) -> &'d TextRun {
    (runs(document, Role::Content).into_iter())
        .map(|(_, r)| r)
        .find(|r| r.text == text)
        .unwrap_or_else(|| panic!("no run {text:?}"))
}

fn bullet(text: &str) -> Cell {
    Cell(vec![CellBlock::List(List {
        style: ListStyle::Bullet,
        items: vec![ListItem::new(text)],
    })])
}

/// Project 28 of the strategy plan: three deliverables, each with its date.
fn paired_projects() -> Table {
    let mut table = template::find("operating-plan-2008")
        .unwrap()
        .table(TableKind::Projects)
        .unwrap()
        .clone();
    let lines = [
        ("District Children's Consortia decommissioned", "April 08"),
        ("Final LCT pathfinder evaluation published", "May 08"),
        ("LCSPs in operation", "Sept 08"),
    ];
    for (i, (deliverable, date)) in lines.into_iter().enumerate() {
        let mut cells = vec![Cell::default(); 5];
        if i == 0 {
            cells[0] = Cell::text(
                "28. Direct the introduction of Local Children's Services Partnerships across Kent.",
            );
            cells[1] = Cell::text("Joy Ackroyd");
            cells[2] = Cell::text("CYPP");
        }
        cells[3] = bullet(deliverable);
        cells[4] = Cell::text(date);
        table.rows.push(Row::new(RowKind::Data, cells));
    }
    for column in 0..3 {
        assert!(table.merge_down(0, column, 3));
    }
    table
}

#[test]
fn each_date_sits_on_the_baseline_of_its_deliverable() {
    let document = lay_out(&plan_with_table(paired_projects()));
    let mut last = 0.0;
    for (deliverable, date) in [
        ("District", "April 08"),
        ("Final", "May 08"),
        ("LCSPs", "Sept 08"),
    ] {
        let item = (runs(&document, Role::Content).into_iter())
            .map(|(_, r)| r)
            .find(|r| r.text.starts_with(deliverable))
            .unwrap_or_else(|| panic!("no deliverable {deliverable}"));
        let date = run(&document, date);
        assert!(
            (item.baseline - date.baseline).abs() < 0.01,
            "{deliverable} at {}, its date at {}",
            item.baseline,
            date.baseline
        );
        assert!(
            date.baseline > last,
            "dates go down the page with their lines"
        );
        last = date.baseline;
    }
    // The project is printed once, beside all three lines.
    let project = (runs(&document, Role::Content).into_iter())
        .filter(|(_, r)| r.text.contains("28."))
        .count();
    assert_eq!(project, 1);
}

/// An objective merged over 80 tasks: far more than a page.
fn long_merge() -> Table {
    let mut table = Table::new(
        TableKind::LeadRoles,
        vec![
            Column::new("Plan", ColumnKind::Text),
            Column::new("Name of Target in Full", ColumnKind::Text),
            Column::new("Lead Officer", ColumnKind::Lead),
        ],
    );
    for i in 0..80 {
        let plan = if i == 0 { "CYPP 25" } else { "" };
        let cells = [plan, &format!("Target {i}: agree the plan"), "Kay Weiss"];
        table
            .rows
            .push(Row::new(RowKind::Data, cells.map(Cell::text).to_vec()));
    }
    assert!(table.merge_down(0, 0, 80));
    table
}

#[test]
fn a_merged_cell_prints_once_and_is_marked_continued_on_each_later_page() {
    let document = lay_out(&plan_with_table(long_merge()));
    let pages_with_rows: Vec<usize> = (runs(&document, Role::Content).into_iter())
        .filter(|(_, r)| r.text.starts_with("Target"))
        .map(|(p, _)| p)
        .collect();
    let (first, last) = (pages_with_rows[0], *pages_with_rows.last().unwrap());
    assert!(last > first, "the table goes over a page");
    let words: Vec<usize> = (runs(&document, Role::Content).into_iter())
        .filter(|(_, r)| r.text.contains("CYPP"))
        .map(|(p, _)| p)
        .collect();
    assert_eq!(
        words,
        [first],
        "the plan's words once, where the cell starts"
    );
    let marks: Vec<usize> = (runs(&document, Role::RepeatedHeader).into_iter())
        .filter(|(_, r)| r.text.starts_with("(cont.)"))
        .map(|(p, _)| p)
        .collect();
    let later: Vec<usize> = (first + 1..=last).collect();
    assert_eq!(marks, later, "one mark on each page the cell goes on onto");
    // The page the cell starts on ends on a rule right across the table.
    let rules: Vec<(f32, f32)> = (document.pages[first].items.iter())
        .filter_map(|item| match item {
            Item::Line {
                from, to, colour, ..
            } if from.1 == to.1 && *colour == Colour::GRID => Some((from.1, (to.0 - from.0).abs())),
            _ => None,
        })
        .collect();
    let widest = rules.iter().map(|r| r.1).fold(0.0, f32::max);
    let lowest = rules.iter().map(|r| r.0).fold(0.0, f32::max);
    let closing: f32 = (rules.iter()).filter(|r| r.0 == lowest).map(|r| r.1).sum();
    assert!((closing - widest).abs() < 0.5, "{closing} of {widest}");
    // The mark sits in the merged cell's column, above the page's rows.
    let page = &document.pages[first + 1];
    let mark = page
        .text_runs()
        .find(|r| r.text.starts_with("(cont.)"))
        .unwrap();
    let row = page
        .text_runs()
        .find(|r| r.text.starts_with("Target"))
        .unwrap();
    assert!(mark.x < row.x && (mark.baseline - row.baseline).abs() < 0.01);
}

#[test]
fn a_merged_cell_is_one_cell_reaching_over_its_rows_in_the_tags_and_the_html() {
    let plan = plan_with_table(paired_projects());
    let structure = Structure::of(&lay_out(&plan));
    let spans: Vec<u16> = (structure.elements.iter())
        .filter(|e| e.row_span > 1)
        .map(|e| e.row_span)
        .collect();
    assert_eq!(spans, [3, 3, 3], "project, lead and links each one TD");
    let in_body = |e: &&planwright::pdf::tags::Element| {
        e.tag == "TR"
            && e.parent
                .is_some_and(|p| structure.elements[p].tag == "TBody")
    };
    assert_eq!(structure.elements.iter().filter(in_body).count(), 3);
    let page = html::render(&plan);
    assert_eq!(page.matches("rowspan=\"3\"").count(), 3);
    // Each later row has only its own two cells.
    let body = &page[page.find("<tbody>").unwrap()..page.find("</tbody>").unwrap()];
    let cells: Vec<usize> = body
        .split("</tr>")
        .filter(|r| r.contains("<tr"))
        .map(|r| r.matches("<td").count())
        .collect();
    assert_eq!(cells, [5, 2, 2]);
}

fn fills(page: &Page) -> Vec<Colour> {
    (page.items.iter())
        .filter_map(|item| match item {
            Item::Fill { colour, .. } => Some(*colour),
            _ => None,
        })
        .collect()
}

#[test]
fn groups_and_sub_groups_print_apart_and_a_group_may_carry_figures() {
    let mut table = Table::new(
        TableKind::Kpi,
        vec![
            Column::new("Indicator", ColumnKind::Text),
            Column::new("2006/7", ColumnKind::Figure),
        ],
    );
    let mut sub = Row::new(RowKind::Group, vec![Cell::text("Healthy Schools")]);
    sub.level = 1;
    table.rows = vec![
        Row::new(RowKind::Group, vec![Cell::text("Children in care")]),
        sub,
        Row::new(
            RowKind::Data,
            vec![Cell::text("Engaged"), Cell::text("546")],
        ),
        Row::new(
            RowKind::Group,
            vec![Cell::text("Overall absence"), Cell::text("6.5")],
        ),
        Row::new(
            RowKind::Data,
            vec![Cell::text("Primary"), Cell::text("5.1")],
        ),
        Row::new(
            RowKind::Rate,
            vec![Cell::text("Overall"), Cell::text("6.8")],
        ),
    ];
    table.header_rows_below = vec![vec![HeaderCell {
        text: "Source: DCSF".into(),
        span: 2,
    }]];
    let document = lay_out(&plan_with_table(table));
    let (group, sub) = (
        run(&document, "Children in care"),
        run(&document, "Healthy Schools"),
    );
    assert_eq!(group.face, Face::Bold);
    assert_eq!(sub.face, Face::BoldItalic);
    assert!(sub.x > group.x + 1.0, "a sub-group sits in from its group");
    let page = &document.pages[document.pages.len() - 1];
    let fills = fills(page);
    assert!(fills.contains(&Colour::GROUP_FILL) && fills.contains(&Colour::SUBGROUP_FILL));
    // The group's own figure prints in its column, beside its label.
    let (label, figure) = (run(&document, "Overall absence"), run(&document, "6.5"));
    assert!((label.baseline - figure.baseline).abs() < 0.01);
    assert_eq!(
        run(&document, "6.8").face,
        Face::BoldItalic,
        "a rate reads apart"
    );
    // The header row below the labels prints under them.
    let below = (page.text_runs())
        .find(|r| r.text.starts_with("Source"))
        .unwrap();
    let label = page.text_runs().find(|r| r.text == "Indicator").unwrap();
    assert!(below.baseline > label.baseline);
}
