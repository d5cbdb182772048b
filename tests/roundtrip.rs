//! Property test: any plan the model can hold saves and loads back equal,
//! and saves again to the same bytes.

use planwright::model::file;
use planwright::model::*;
use proptest::prelude::*;
use std::path::Path;

fn text() -> impl Strategy<Value = String> {
    // Plain words plus the characters real plans use, quotes and RON's own
    // syntax characters, which must be escaped.
    proptest::string::string_regex("[a-zA-Z0-9 £●▪è½“”–—*\"\\\\(),:\\[\\]\\n#/'-]{0,24}").unwrap()
}

fn rich() -> impl Strategy<Value = Rich> {
    let span = (
        text(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        prop_oneof![Just(String::new()), text()],
    )
        .prop_map(|(text, bold, italic, underline, superscript, link)| Span {
            text,
            bold,
            italic,
            underline,
            superscript,
            link,
        });
    proptest::collection::vec(span, 0..4).prop_map(|spans| Rich(spans).normalized())
}

fn list() -> impl Strategy<Value = List> {
    let style = proptest::sample::select(ListStyle::ALL.to_vec());
    let leaf = (
        style.clone(),
        proptest::collection::vec((text(), rich()), 0..3),
    )
        .prop_map(|(style, items)| List {
            style,
            items: items
                .into_iter()
                .map(|(marker, text)| ListItem {
                    marker,
                    text,
                    children: List::default(),
                })
                .collect(),
        });
    leaf.prop_recursive(2, 8, 3, move |inner| {
        (
            style.clone(),
            proptest::collection::vec((rich(), inner), 0..3),
        )
            .prop_map(|(style, items)| List {
                style,
                items: items
                    .into_iter()
                    .map(|(text, children)| ListItem {
                        marker: String::new(),
                        text,
                        // An empty nested list is no nested list: one form for one meaning.
                        children: if children.is_empty() {
                            List::default()
                        } else {
                            children
                        },
                    })
                    .collect(),
            })
    })
}

/// Review comments with replies, open or resolved, on the section or a
/// block (in a section), or on the row or a cell (in a row).
fn comments() -> impl Strategy<Value = Vec<Comment>> {
    let reply =
        (text(), text(), text()).prop_map(|(author, date, text)| Reply { author, date, text });
    let comment = (
        (text(), text(), text(), any::<bool>()),
        proptest::collection::vec(reply, 0..2),
        proptest::option::of(0usize..4),
        proptest::option::of(0usize..4),
    )
        .prop_map(
            |((author, date, text, resolved), replies, block, column)| Comment {
                author,
                date,
                text,
                resolved,
                replies,
                block,
                column,
            },
        );
    proptest::collection::vec(comment, 0..2)
}

fn cell() -> impl Strategy<Value = Cell> {
    let block = prop_oneof![
        rich().prop_map(CellBlock::Para),
        list().prop_map(CellBlock::List),
        (0u8..7, text()).prop_map(|(band, label)| CellBlock::Rating(Rating { band, label })),
    ];
    proptest::collection::vec(block, 0..3).prop_map(|blocks| match blocks.as_slice() {
        // An empty paragraph alone is an empty cell: one form for one meaning.
        [CellBlock::Para(r)] if r.0.is_empty() => Cell::default(),
        _ => Cell(blocks),
    })
}

fn header_rows() -> impl Strategy<Value = Vec<Vec<HeaderCell>>> {
    proptest::collection::vec(
        proptest::collection::vec(
            (rich(), 1u16..4).prop_map(|(text, span)| HeaderCell { text, span }),
            1..3,
        ),
        0..2,
    )
}

/// A row of any kind and group level, some of its cells merged over the
/// rows below (spans that run past the table's end included).
fn row() -> impl Strategy<Value = Row> {
    (
        proptest::sample::select(RowKind::ALL.to_vec()),
        0u8..3,
        proptest::collection::vec(cell(), 0..4),
        comments(),
        proptest::collection::vec(
            (0u16..4, 1u16..5).prop_map(|(column, rows)| RowSpan { column, rows }),
            0..2,
        ),
    )
        .prop_map(|(kind, level, cells, comments, spans)| Row {
            kind,
            level,
            cells,
            comments,
            spans,
        })
}

fn table() -> impl Strategy<Value = Table> {
    (
        proptest::sample::select(TableKind::ALL.to_vec()),
        proptest::collection::vec(rich(), 0..2),
        (header_rows(), header_rows()),
        proptest::collection::vec(
            (rich(), proptest::sample::select(ColumnKind::ALL.to_vec()))
                .prop_map(|(label, kind)| Column { label, kind }),
            1..4,
        ),
        proptest::collection::vec(row(), 0..5),
        proptest::collection::vec(
            (text(), rich()).prop_map(|(marker, text)| Note { marker, text }),
            0..2,
        ),
    )
        .prop_map(
            |(kind, caption, (header_rows, header_rows_below), columns, rows, notes)| Table {
                kind,
                caption,
                header_rows,
                columns,
                header_rows_below,
                rows,
                notes,
                ..Table::default()
            },
        )
}

fn block() -> impl Strategy<Value = Block> {
    prop_oneof![
        rich().prop_map(Block::Paragraph),
        (3u8..=4, rich()).prop_map(|(level, text)| Block::Heading(Heading { level, text })),
        list().prop_map(Block::List),
        (text(), rich()).prop_map(|(marker, text)| Block::Note(Note { marker, text })),
        (table(), text()).prop_map(|(table, unit)| Block::Table(Table { unit, ..table })),
        proptest::collection::vec(
            (proptest::collection::vec(text(), 0..3), 0u8..3)
                .prop_map(|(lines, level)| OrgBox { lines, level }),
            0..3
        )
        .prop_map(|boxes| Block::OrgChart(OrgChart { boxes })),
    ]
}

fn section() -> impl Strategy<Value = Section> {
    let leaf = (
        text(),
        text(),
        text(),
        rich(),
        text(),
        any::<bool>(),
        any::<bool>(),
        (proptest::collection::vec(block(), 0..3), comments()),
        text(),
    )
        .prop_map(
            |(
                slot,
                part,
                number,
                heading,
                guidance,
                required,
                new_page,
                (blocks, comments),
                unit,
            )| {
                Section {
                    slot,
                    part,
                    number,
                    heading,
                    guidance,
                    required,
                    new_page,
                    blocks,
                    unit,
                    subsections: Vec::new(),
                    comments,
                }
            },
        );
    leaf.prop_recursive(2, 6, 2, |inner| {
        (
            rich(),
            proptest::collection::vec(block(), 0..2),
            proptest::collection::vec(inner, 0..2),
            comments(),
        )
            .prop_map(|(heading, blocks, subsections, comments)| Section {
                heading,
                blocks,
                subsections,
                comments,
                ..Section::default()
            })
    })
}

fn plan() -> impl Strategy<Value = Plan> {
    (
        proptest::collection::vec(text(), 9),
        proptest::sample::select(PlanState::ALL.to_vec()),
        proptest::collection::vec(
            (text(), text(), text()).prop_map(|(name, role, date)| SignOff { name, role, date }),
            0..2,
        ),
        proptest::collection::vec(
            (text(), 1u8..3, text()).prop_map(|(text, level, section)| ContentsEntry {
                text,
                level,
                section,
            }),
            0..3,
        ),
        proptest::collection::vec(
            (1u8..6, proptest::collection::vec(text(), 0..2), text()).prop_map(
                |(band, labels, colour)| RatingBand {
                    band,
                    labels,
                    colour,
                },
            ),
            0..3,
        ),
        proptest::collection::vec(section(), 0..4),
        proptest::collection::vec(
            (text(), text(), text()).prop_map(|(name, short_name, manager)| Unit {
                name,
                short_name,
                manager,
            }),
            0..3,
        ),
    )
        .prop_map(
            |(f, state, sign_off, entries, rating_scale, sections, units)| Plan {
                format_version: FORMAT_VERSION,
                template: f[0].clone(),
                cover: Cover {
                    directorate: f[1].clone(),
                    division: f[2].clone(),
                    unit: f[3].clone(),
                    title: f[4].clone(),
                    year: f[5].clone(),
                    cabinet_members: vec![f[6].clone()],
                    director: f[7].clone(),
                    contact: f[8].clone(),
                    other_lines: Vec::new(),
                },
                status: Status {
                    state,
                    version: f[5].clone(),
                    date: f[6].clone(),
                },
                sign_off,
                contents: Contents {
                    title: f[0].clone(),
                    after_sections: entries.len(),
                    by_unit: f[3].len() % 2 == 0,
                    entries,
                },
                body_title: f[1].clone(),
                rating_scale,
                dictionary: vec![f[3].clone()],
                units,
                sections,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn generated_plans_round_trip(plan in plan()) {
        let text = file::to_ron(&plan).unwrap();
        let loaded = file::from_ron(&text, Path::new("generated.ron"))
            .unwrap_or_else(|e| panic!("{e}\n{text}"));
        prop_assert_eq!(&loaded, &plan);
        prop_assert_eq!(file::to_ron(&loaded).unwrap(), text);
    }
}
