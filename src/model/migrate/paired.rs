//! Part of step 3 → 4: deliverables and their dates paired line by line.

use crate::model::spans::cell_lines;
use crate::model::{Block, Cell, CellBlock, ColumnKind, Plan, Row, RowKind, Section, Table};

/// Issue 13: a table row could only pair several deliverables with
/// their dates by order, a list in one cell and the dates as paragraphs
/// in the date cell. Where the counts match exactly (one date paragraph
/// per deliverable paragraph or unnumbered list item, at least two), the
/// row becomes one row per pair, its other cells merged over them.
/// Anything less exact (three dates for four deliverables, a numbered
/// list, a date cell holding a list) is left as it was.
pub fn pair_listed_dates(plan: &mut Plan) {
    fn walk(sections: &mut [Section]) {
        for section in sections {
            for block in &mut section.blocks {
                if let Block::Table(table) = block {
                    pair_table(table);
                }
            }
            walk(&mut section.subsections);
        }
    }
    walk(&mut plan.sections);
}

fn pair_table(table: &mut Table) {
    let Some(date) = (table.columns.iter()).position(|c| c.kind == ColumnKind::Date) else {
        return;
    };
    // The deliverables: the nearest column of words before the dates.
    let Some(items) = (0..date)
        .rev()
        .find(|&c| table.columns[c].kind == ColumnKind::Text)
    else {
        return;
    };
    let mut r = 0;
    while r < table.rows.len() {
        let taken = pairs_of(&table.rows[r], items, date);
        let Some(pairs) = taken else {
            r += 1;
            continue;
        };
        let count = pairs.len();
        let mut first = table.rows[r].clone();
        let rest: Vec<Row> = pairs
            .into_iter()
            .enumerate()
            .map(|(i, (item, when))| {
                let mut cells = vec![Cell::default(); table.columns.len()];
                cells[items] = item;
                cells[date] = when;
                if i == 0 {
                    first.cells[items] = cells[items].clone();
                    first.cells[date] = cells[date].clone();
                }
                Row::new(RowKind::Data, cells)
            })
            .skip(1)
            .collect();
        table.rows[r] = first;
        table.rows.splice(r + 1..r + 1, rest);
        for c in (0..table.columns.len()).filter(|&c| c != items && c != date) {
            table.merge_down(r, c, count);
        }
        r += count;
    }
}

/// A row's deliverables and dates, pair by pair, when they pair exactly.
fn pairs_of(row: &Row, items: usize, date: usize) -> Option<Vec<(Cell, Cell)>> {
    if row.kind != RowKind::Data || !row.spans.is_empty() {
        return None;
    }
    let dates = cell_lines(row.cell(date)?)?;
    let lines = cell_lines(row.cell(items)?)?;
    let all_paragraphs = (dates.iter()).all(|d| matches!(d.0.as_slice(), [CellBlock::Para(_)]));
    (dates.len() >= 2 && dates.len() == lines.len() && all_paragraphs)
        .then(|| lines.into_iter().zip(dates).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::FORMAT_VERSION;
    use crate::model::file::from_ron;
    use crate::model::{ListStyle, Table};
    use std::path::Path;

    /// A version-1 projects table: row 1 pairs three deliverables with
    /// three dates, row 2 has three deliverables but two dates.
    const VERSION_1: &str = r#"Plan(format_version: 1, template: "t",
        cover: Cover(directorate: "", title: ""), status: Status(state: Draft),
        contents: Contents(), sections: [Section(heading: "Projects", blocks: [
        Table(kind: Projects, columns: [Column(label: "Project", kind: Text),
            Column(label: "Lead", kind: Lead), Column(label: "Deliverables", kind: Text),
            Column(label: "Target dates", kind: Date)],
        rows: [
            Row(cells: ["1. Partnerships", "Joy Ackroyd",
                [List(style: Bullet, items: [ListItem(text: "Consortia decommissioned"),
                    ListItem(text: "Evaluation published")]), Para("Boards established")],
                [Para("April 08"), Para("May 08"), Para("Sept 08")]]),
            Row(cells: ["2. Review", "Marilyn Hodges",
                [List(style: Bullet, items: [ListItem(text: "a"), ListItem(text: "b"),
                    ListItem(text: "c")])],
                [Para("Oct 08"), Para("Dec 08")]]),
        ])])])"#;

    fn table(plan: &Plan) -> &Table {
        match &plan.sections[0].blocks[0] {
            Block::Table(t) => t,
            other => panic!("expected a table, found {other:?}"),
        }
    }

    #[test]
    fn a_version_1_file_pairs_deliverables_with_their_dates_where_exact() {
        let plan = from_ron(VERSION_1, Path::new("v1.ron")).unwrap();
        assert_eq!(plan.format_version, FORMAT_VERSION);
        let t = table(&plan);
        assert_eq!(
            t.rows.len(),
            4,
            "three pairs, and the inexact row as it was"
        );
        let dates: Vec<String> = (0..3)
            .map(|r| t.rows[r].cells[3].as_text().unwrap())
            .collect();
        assert_eq!(dates, ["April 08", "May 08", "Sept 08"]);
        let one = |r: usize| match &t.rows[r].cells[2].0[..] {
            [CellBlock::List(l)] => (l.style, l.items[0].text.to_plain(), l.items.len()),
            [CellBlock::Para(p)] => (ListStyle::Plain, p.to_plain(), 1),
            other => panic!("row {r}: {other:?}"),
        };
        assert_eq!(
            one(0),
            (ListStyle::Bullet, "Consortia decommissioned".into(), 1)
        );
        assert_eq!(
            one(1),
            (ListStyle::Bullet, "Evaluation published".into(), 1)
        );
        assert_eq!(one(2).1, "Boards established");
        let map = t.span_map();
        assert_eq!(
            (map.rows(0, 0), map.rows(0, 1)),
            (3, 3),
            "project and lead span the pairs"
        );
        assert!(map.is_covered(2, 0) && !map.is_covered(3, 0));
        assert_eq!(t.rows[0].cells[0], Cell::text("1. Partnerships"));
        assert!(t.rows[1].cells[0].is_empty() && t.rows[2].cells[1].is_empty());
        assert_eq!(
            t.rows[3].cells[3].0.len(),
            2,
            "two dates for three items: left alone"
        );
        assert!(t.rows[3].spans.is_empty());
    }

    #[test]
    fn the_pairing_step_keeps_every_word() {
        let before: Plan = crate::model::file::ron_options()
            .from_str(VERSION_1)
            .unwrap();
        let mut after = before.clone();
        pair_listed_dates(&mut after);
        // Every quoted string's words, in any order.
        let words = |plan: &Plan| {
            let text = crate::model::file::to_ron(plan).unwrap();
            let mut w: Vec<String> = (text.split('"').skip(1).step_by(2))
                .flat_map(str::split_whitespace)
                .map(str::to_owned)
                .collect();
            w.sort();
            w
        };
        assert_eq!(words(&before), words(&after));
    }
}
