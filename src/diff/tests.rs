use super::*;
use crate::model::{Block, ColumnKind, RowKind, file};
use std::path::Path;

fn seed(name: &str) -> Plan {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("seeds")
        .join(name);
    file::load(&path).unwrap()
}

pub(crate) const SEEDS: [&str; 4] = [
    "2008-09-strategy-policy-performance.ron",
    "2008-09-childrens-social-services.ron",
    "2008-09-clusters-local-childrens-services.ron",
    "2018-19-cype-directorate-business-plan.ron",
];

#[test]
fn a_plan_against_itself_has_no_changes() {
    for name in SEEDS {
        let plan = seed(name);
        assert!(diff(&plan, &plan.clone()).is_empty(), "{name}");
    }
}

#[test]
fn words_inserted_and_deleted_are_marked() {
    let words = word_diff("the budget is set", "the revised budget is agreed");
    assert_eq!(
        words,
        [
            Word::Same("the".into()),
            Word::Inserted("revised".into()),
            Word::Same("budget".into()),
            Word::Same("is".into()),
            Word::Deleted("set".into()),
            Word::Inserted("agreed".into()),
        ]
    );
    assert_eq!(
        words::marked(&words, 1),
        "the {+revised+} budget is [-set-] {+agreed+}"
    );
}

#[test]
fn longest_run_in_order_leaves_out_the_moved_one() {
    assert_eq!(
        sections::longest_increasing(&[3, 0, 1, 2, 4]),
        [false, true, true, true, true]
    );
    assert_eq!(sections::longest_increasing(&[0, 1, 2]), [true, true, true]);
}

/// The first section after top-level section `from` (depth first) with a
/// block that satisfies `find`: its path and the block's index.
fn find_block(plan: &Plan, from: usize, find: impl Fn(&Block) -> bool) -> (Vec<usize>, usize) {
    // Never under the last top-level section: the test moves it.
    let last = plan.sections.len() - 1;
    for (path, section) in plan.walk_sections() {
        if path[0] < from || path[0] == last {
            continue;
        }
        if let Some(b) = section.blocks.iter().position(&find) {
            return (path, b);
        }
    }
    panic!("no such block");
}

fn figure_column(block: &Block) -> Option<(usize, usize)> {
    let Block::Table(t) = block else { return None };
    let column = t.columns.iter().position(|c| c.kind == ColumnKind::Money)?;
    let row = t.rows.iter().position(|r| {
        r.kind == RowKind::Data && r.cells.get(column).is_some_and(|c| !c.is_empty())
    })?;
    Some((row, column))
}

#[test]
fn four_edits_are_listed_exactly_each_with_its_place() {
    let old = seed("2008-09-childrens-social-services.ron");
    let mut new = old.clone();

    // A figure changed in the first table with money in it.
    let (fs, fb) = find_block(&old, 0, |b| figure_column(b).is_some());
    let (row, column) = figure_column(&old.section(&fs).unwrap().blocks[fb]).unwrap();
    let Block::Table(t) = &mut new.section_mut(&fs).unwrap().blocks[fb] else {
        unreachable!()
    };
    let was = t.rows[row].cells[column].as_text().unwrap();
    let column_name = summary(&t.column_name(column));
    t.rows[row].cells[column] = crate::model::Cell::text("9,876.5");

    // A word inserted into a paragraph of a later section.
    let (ps, pb) = find_block(
        &old,
        fs[0] + 1,
        |b| matches!(b, Block::Paragraph(r) if r.is_plain() && r.to_plain().split_whitespace().count() > 3),
    );
    let Block::Paragraph(r) = &mut new.section_mut(&ps).unwrap().blocks[pb] else {
        unreachable!()
    };
    let text = r.to_plain();
    let (first, rest) = text.split_once(' ').unwrap();
    *r = format!("{first} newly {rest}").as_str().into();

    // A row deleted from a table in another section.
    let (rs, rb) = find_block(
        &old,
        ps[0] + 1,
        |b| matches!(b, Block::Table(t) if t.rows.len() > 3),
    );
    let Block::Table(t) = &mut new.section_mut(&rs).unwrap().blocks[rb] else {
        unreachable!()
    };
    let gone = t.rows.remove(2);

    // The last section moved to the front.
    let last = new.sections.pop().unwrap();
    let moved_title = last.title();
    new.sections.insert(0, last);

    let changes = diff(&old, &new).changes;
    let listed: Vec<String> = changes
        .iter()
        .map(|c| format!("{} {}: {}", c.place, c.section, c.what))
        .collect();
    assert_eq!(changes.len(), 4, "{listed:#?}");
    // In plan order: the moved section comes first now.
    let shifted = |path: &[usize]| -> Vec<usize> {
        let mut path = path.to_vec();
        path[0] += 1;
        path
    };
    assert_eq!(changes[0].place, Location::section(&[0]));
    assert_eq!(changes[0].section, moved_title);
    assert!(matches!(&changes[0].what, What::SectionMoved { to, .. } if to == "1"));

    assert_eq!(
        changes[1].place,
        Location::cell(&shifted(&fs), fb, row, Some(column))
    );
    match &changes[1].what {
        What::Figure {
            old,
            new,
            column: name,
            ..
        } => {
            assert_eq!((old.as_str(), new.as_str()), (was.as_str(), "9,876.5"));
            assert_eq!(name, &column_name);
        }
        other => panic!("{other:?}"),
    }

    assert_eq!(changes[2].place, Location::block(&shifted(&ps), pb));
    match &changes[2].what {
        What::Text { words, .. } => {
            let changed: Vec<&Word> = words.iter().filter(|w| w.is_change()).collect();
            assert_eq!(changed, [&Word::Inserted("newly".into())]);
        }
        other => panic!("{other:?}"),
    }

    assert_eq!(changes[3].place, Location::cell(&shifted(&rs), rb, 2, None));
    match &changes[3].what {
        What::RowRemoved { row, .. } => {
            assert_eq!(row, &summary(&blocks::cell_text(&gone.cells[0])));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn added_and_removed_sections_and_cover_changes_are_listed() {
    let old = seed("2008-09-strategy-policy-performance.ron");
    let mut new = old.clone();
    new.cover.title.push_str(" (revised)");
    new.status.version = "0.2".into();
    let removed = new.sections.remove(1);
    let mut added = crate::model::Section::new("Lessons from last year");
    added
        .blocks
        .push(Block::Paragraph("What we learnt.".into()));
    new.sections.push(added);

    let changes = diff(&old, &new).changes;
    let kinds: Vec<&str> = changes.iter().map(|c| c.what.kind()).collect();
    assert_eq!(
        kinds,
        ["cover", "status", "section removed", "section added"],
        "{changes:#?}"
    );
    assert_eq!(changes[2].section, removed.title());
    assert_eq!(
        changes[3].place,
        Location::section(&[new.sections.len() - 1])
    );
}
