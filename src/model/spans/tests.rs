use super::*;
use crate::model::{Column, ColumnKind, TableKind};

/// Project, lead, deliverable, date; four data rows then a total.
pub fn projects() -> Table {
    let mut t = Table::new(
        TableKind::Projects,
        vec![
            Column::new("Project", ColumnKind::Text),
            Column::new("Lead", ColumnKind::Lead),
            Column::new("Deliverables", ColumnKind::Text),
            Column::new("Target dates", ColumnKind::Date),
        ],
    );
    for (p, l, d, w) in [
        (
            "1. Partnerships",
            "Joy Ackroyd",
            "Consortia decommissioned",
            "April 08",
        ),
        ("", "", "Evaluation published", "May 08"),
        ("2. Review", "Sally Morris", "Stage 2 plan", "Dec 08"),
        ("", "", "Phased implementation", ""),
    ] {
        let cells = [p, l, d, w].map(Cell::text).to_vec();
        t.rows.push(Row::new(RowKind::Data, cells));
    }
    t.rows
        .push(Row::new(RowKind::Total, vec![Cell::text("Total")]));
    t
}

#[test]
fn a_merged_cell_covers_the_rows_under_it_and_stops_at_other_kinds() {
    let mut t = projects();
    t.rows[2].spans.push(RowSpan { column: 0, rows: 9 });
    let map = t.span_map();
    assert_eq!(map.rows(2, 0), 2, "stops before the total row");
    assert_eq!(map.covered_by(3, 0), Some(2));
    assert!(!map.is_covered(4, 0));
    assert_eq!(map.group(3), (2, 3));
    assert_eq!(map.group(0), (0, 0));
    // A cell with words of its own stops a merged cell above it.
    t.rows[0].spans.push(RowSpan { column: 2, rows: 2 });
    assert_eq!(t.span_map().rows(0, 2), 1);
}

#[test]
fn merging_keeps_the_words_of_the_cells_merged_in_and_unmerging_keeps_them_on_top() {
    let mut t = projects();
    t.rows[1].cells[0] = Cell::text("typed here");
    assert!(t.merge_down(0, 0, 2));
    assert_eq!(
        t.rows[0].cells[0].as_text().unwrap(),
        "1. Partnerships\ntyped here"
    );
    assert!(t.rows[1].cells[0].is_empty());
    assert!(t.span_map().is_covered(1, 0));
    assert!(!t.merge_down(3, 0, 2), "a total row cannot be merged into");
    assert!(t.unmerge(1, 0), "unmerged from a covered cell");
    assert!(t.rows[0].spans.is_empty());
    assert_eq!(
        t.rows[0].cells[0].as_text().unwrap(),
        "1. Partnerships\ntyped here"
    );
    assert!(!t.unmerge(0, 0));
}

#[test]
fn adding_a_pair_extends_the_project_cells_over_the_new_line() {
    let mut t = projects();
    t.merge_down(0, 0, 2);
    t.merge_down(0, 1, 2);
    let new = t.add_pair(1, &[2, 3]).unwrap();
    assert_eq!(new, 2);
    let map = t.span_map();
    assert_eq!((map.rows(0, 0), map.rows(0, 1)), (3, 3));
    assert_eq!(map.rows(0, 2), 1, "deliverables stay one a line");
    assert!(t.rows[2].is_empty());
    assert_eq!(t.rows[3].cells[0], Cell::text("2. Review"));
    // A row of its own becomes the first of a pair.
    let new = t.add_pair(3, &[2, 3]).unwrap();
    assert_eq!(t.span_map().rows(3, 0), 2);
    assert_eq!(new, 4);
}

#[test]
fn blank_continuation_cells_merge_into_the_cell_above() {
    let mut t = projects();
    assert_eq!(t.merge_blank_continuations(0), 2);
    let map = t.span_map();
    assert_eq!((map.rows(0, 0), map.rows(2, 0)), (2, 2));
    assert_eq!(map.rows(0, 1), 1);
}

#[test]
fn spans_levels_and_rates_read_back_from_ron() {
    let mut t = projects();
    t.merge_down(0, 0, 2);
    t.rows[4].kind = RowKind::Rate;
    t.rows
        .insert(0, Row::new(RowKind::Group, vec![Cell::text("Unit")]));
    t.rows[0].level = 1;
    t.header_rows_below = vec![vec![crate::model::HeaderCell {
        text: "2008/09".into(),
        span: 4,
    }]];
    let options = crate::model::file::ron_options();
    let text = options.to_string(&t).unwrap();
    assert!(text.contains("spans:[(column:0,rows:2)]"), "{text}");
    assert!(text.contains("level:1"), "{text}");
    let back: Table = options.from_str(&text).unwrap();
    assert_eq!(back, t);
}

#[test]
fn a_cell_splits_into_lines_only_where_they_are_exact() {
    let list = |style| {
        CellBlock::List(crate::model::List {
            style,
            items: vec![
                crate::model::ListItem::new("a"),
                crate::model::ListItem::new("b"),
            ],
        })
    };
    let cell = Cell(vec![list(ListStyle::Bullet), CellBlock::Para("c".into())]);
    assert_eq!(cell_lines(&cell).map(|l| l.len()), Some(3));
    assert_eq!(cell_lines(&Cell(vec![list(ListStyle::Numbered)])), None);
}

#[test]
fn rows_inserted_or_removed_inside_a_merged_cell_move_its_edge() {
    let mut t = projects();
    t.merge_down(0, 0, 2);
    t.insert_row(1, Row::new(RowKind::Data, vec![Cell::default(); 4]));
    assert_eq!(t.span_map().rows(0, 0), 3);
    t.remove_row(0);
    assert_eq!(
        t.rows[0].cells[0],
        Cell::text("1. Partnerships"),
        "the words pass down"
    );
    assert_eq!(t.span_map().rows(0, 0), 2);
    t.remove_row(1);
    assert!(
        t.rows[0].spans.is_empty(),
        "a merged cell over one row is no longer merged"
    );
    assert_eq!(t.rows[1].cells[0], Cell::text("2. Review"));
}
