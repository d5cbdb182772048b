//! The tagged PDF read back with lopdf: every seed's and template's
//! structure tree, its marked content and its artifacts.

mod print_common;

use lopdf::content::Content;
use lopdf::{Dictionary, Document as Pdf, Object, ObjectId};
use planwright::layout::{Document, PageKind, Part, Role, TextRun};
use planwright::model::{Block, Cell, CellBlock, List, ListStyle, Plan, RowKind};
use planwright::pdf::render;
use planwright::pdf::tags::{Mark, Structure};
use print_common::{Words, count_words, lay_out, model_words, plans};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The tree read back: each element's type, in reading order, and the
/// marked content each refers to, as (page number, MCID).
#[derive(Default)]
struct Tree {
    kinds: BTreeMap<String, usize>,
    content: Vec<(u32, i64)>,
    /// Header cells that do not say what they head.
    th_without_scope: usize,
    /// Header cells that head their row.
    th_row: usize,
    /// Rows of a table's body (not its header).
    body_rows: usize,
    /// Figures without alternative text and notes without an ID.
    figures_without_alt: usize,
    /// The figures' alternative texts.
    alts: Vec<String>,
    notes_without_id: usize,
    /// The lists' `/ListNumbering`s ("" for none), by kind.
    numbering: BTreeMap<String, usize>,
    /// Each element with marked content of its own: its type and its
    /// content, in reading order.
    leaves: Vec<(String, Vec<(u32, i64)>)>,
}

fn dict<'a>(pdf: &'a Pdf, object: &'a Object) -> &'a Dictionary {
    match object {
        Object::Reference(id) => pdf.get_dictionary(*id).unwrap(),
        Object::Dictionary(dict) => dict,
        other => panic!("not a dictionary: {other:?}"),
    }
}

fn name(element: &Dictionary, key: &[u8]) -> String {
    let name = element.get(key).and_then(Object::as_name).unwrap_or(b"");
    String::from_utf8(name.to_vec()).unwrap()
}

fn walk(pdf: &Pdf, pages: &BTreeMap<ObjectId, u32>, element: &Dictionary, tree: &mut Tree) {
    let kind = name(element, b"S");
    if kind == "TH" {
        let scope = (element.get(b"A").ok())
            .and_then(|a| a.as_dict().ok())
            .and_then(|a| a.get(b"Scope").ok());
        match scope.and_then(|s| s.as_name().ok()) {
            None => tree.th_without_scope += 1,
            Some(b"Row") => tree.th_row += 1,
            Some(_) => {}
        }
    }
    if kind == "TR" {
        let parent = dict(pdf, element.get(b"P").unwrap());
        tree.body_rows += usize::from(name(parent, b"S") == "TBody");
    }
    tree.figures_without_alt += usize::from(kind == "Figure" && element.get(b"Alt").is_err());
    if let Ok(Object::String(alt, _)) = element.get(b"Alt") {
        tree.alts.push(String::from_utf8_lossy(alt).into_owned());
    }
    tree.notes_without_id += usize::from(kind == "Note" && element.get(b"ID").is_err());
    if kind == "L" {
        let attributes = element.get(b"A").and_then(Object::as_dict);
        let numbering = attributes.map_or(String::new(), |a| name(a, b"ListNumbering"));
        *tree.numbering.entry(numbering).or_default() += 1;
    }
    *tree.kinds.entry(kind.clone()).or_default() += 1;
    let page = element
        .get(b"Pg")
        .ok()
        .map(|p| pages[&p.as_reference().unwrap()]);
    let kids = match element.get(b"K") {
        Ok(Object::Array(kids)) => kids.clone(),
        Ok(kid) => vec![kid.clone()],
        Err(_) => Vec::new(),
    };
    for kid in &kids {
        match kid {
            Object::Integer(mcid) => tree.content.push((page.expect("a Pg"), *mcid)),
            _ => {
                let kid = dict(pdf, kid);
                match kid.get(b"Type").ok().and_then(|t| t.as_name().ok()) {
                    Some(b"MCR") => {
                        let page = pages[&kid.get(b"Pg").unwrap().as_reference().unwrap()];
                        tree.content
                            .push((page, kid.get(b"MCID").unwrap().as_i64().unwrap()));
                    }
                    Some(b"OBJR") => {
                        let annotation = dict(pdf, kid.get(b"Obj").unwrap());
                        assert!(annotation.get(b"Contents").is_ok(), "{annotation:?}");
                        assert!(annotation.get(b"StructParent").is_ok(), "{annotation:?}");
                    }
                    _ => walk(pdf, pages, kid, tree),
                }
            }
        }
    }
    // The marked content this element holds directly (not its kids').
    let own: Vec<_> = kids
        .iter()
        .filter_map(|kid| match kid {
            Object::Integer(mcid) => Some((page.expect("a Pg"), *mcid)),
            _ => {
                let kid = dict(pdf, kid);
                (name(kid, b"Type") == "MCR").then(|| {
                    let page = pages[&kid.get(b"Pg").unwrap().as_reference().unwrap()];
                    (page, kid.get(b"MCID").unwrap().as_i64().unwrap())
                })
            }
        })
        .collect();
    if !own.is_empty() {
        tree.leaves.push((kind, own));
    }
}

/// Reads the tree of a rendered PDF.
fn read_tree(pdf: &Pdf) -> Tree {
    let pages: BTreeMap<ObjectId, u32> =
        pdf.get_pages().into_iter().map(|(n, id)| (id, n)).collect();
    let root = dict(pdf, pdf.catalog().unwrap().get(b"StructTreeRoot").unwrap());
    let mut tree = Tree::default();
    for kid in root.get(b"K").unwrap().as_array().unwrap() {
        walk(pdf, &pages, dict(pdf, kid), &mut tree);
    }
    tree
}

/// A font's codes and the characters they stand for, from its ToUnicode
/// map (the `<code> <unicode>` pairs our writer makes).
fn to_unicode(pdf: &Pdf, font: &Dictionary) -> HashMap<u16, String> {
    let map = font.get(b"ToUnicode").unwrap().as_reference().unwrap();
    let map = pdf.get_object(map).unwrap().as_stream().unwrap();
    let bytes = map
        .decompressed_content()
        .unwrap_or_else(|_| map.content.clone());
    let text = String::from_utf8(bytes).unwrap();
    let hex = |h: &str| u16::from_str_radix(h.trim_matches(['<', '>']), 16).unwrap();
    text.lines()
        .filter_map(|line| {
            let (code, unicode) = line.split_once("> <")?;
            let units: Vec<u16> = (0..unicode.len() / 4)
                .map(|i| hex(&unicode.trim_end_matches('>')[i * 4..i * 4 + 4]))
                .collect();
            Some((hex(code), String::from_utf16(&units).unwrap()))
        })
        .collect()
}

/// The text each marked content sequence holds, as a screen reader
/// reads it: its glyphs' characters, or its /ActualText instead. Also
/// how many sequences carry an /ActualText.
fn marked_text(pdf: &Pdf) -> (HashMap<(u32, i64), String>, usize) {
    let mut texts: HashMap<(u32, i64), String> = HashMap::new();
    let mut actual = 0;
    for (number, id) in pdf.get_pages() {
        let fonts: HashMap<Vec<u8>, HashMap<u16, String>> = (pdf.get_page_fonts(id).unwrap())
            .into_iter()
            .map(|(name, font)| (name, to_unicode(pdf, font)))
            .collect();
        let content = Content::decode(&pdf.get_page_content(id)).unwrap();
        let mut font = None;
        // The open sequences' MCIDs, and whether their text is given.
        let mut open: Vec<(Option<i64>, bool)> = Vec::new();
        for op in &content.operations {
            match op.operator.as_str() {
                "BDC" | "BMC" => {
                    let properties = op.operands.get(1).and_then(|p| p.as_dict().ok());
                    let mcid = properties.and_then(|p| p.get(b"MCID").ok());
                    let mcid = mcid.map(|m| m.as_i64().unwrap());
                    let given = properties.and_then(|p| p.get(b"ActualText").ok());
                    if let (Some(mcid), Some(Object::String(given, _))) = (mcid, given) {
                        actual += 1;
                        let given = String::from_utf8(given.clone()).unwrap();
                        texts.entry((number, mcid)).or_default().push_str(&given);
                    }
                    open.push((mcid, given.is_some()));
                }
                "EMC" => {
                    open.pop();
                }
                "Tf" => font = Some(op.operands[0].as_name().unwrap().to_vec()),
                "Tj" | "TJ" => {
                    let Some(&(Some(mcid), false)) = open.last() else {
                        continue;
                    };
                    let map = &fonts[font.as_ref().unwrap()];
                    let strings = match &op.operands[0] {
                        Object::Array(parts) => parts.clone(),
                        string => vec![string.clone()],
                    };
                    let text = texts.entry((number, mcid)).or_default();
                    for part in strings {
                        if let Object::String(bytes, _) = part {
                            for code in bytes.chunks(2) {
                                let code = u16::from_be_bytes([code[0], code[1]]);
                                text.push_str(map.get(&code).map_or("\u{fffd}", String::as_str));
                            }
                        }
                    }
                }
                _ => {}
            }
        }
    }
    (texts, actual)
}

/// Each page's marked content: the MCIDs, and how many artifact
/// sequences; panics on text drawn outside both or an MCID in an artifact.
fn marked_content(pdf: &Pdf) -> (Vec<(u32, i64)>, usize) {
    let mut mcids = Vec::new();
    let mut artifacts = 0;
    for (number, id) in pdf.get_pages() {
        let content = Content::decode(&pdf.get_page_content(id)).unwrap();
        // The open sequences: true for an artifact.
        let mut open: Vec<bool> = Vec::new();
        for op in &content.operations {
            match op.operator.as_str() {
                "BDC" | "BMC" => {
                    let artifact = op.operands[0].as_name().unwrap() == b"Artifact";
                    let mcid = (op.operands.get(1))
                        .and_then(|p| p.as_dict().ok())
                        .and_then(|p| p.get(b"MCID").ok())
                        .map(|m| m.as_i64().unwrap());
                    assert!(!(artifact && mcid.is_some()), "an artifact with an MCID");
                    assert!(
                        !open.contains(&true) || artifact,
                        "page {number}: content inside an artifact"
                    );
                    if let Some(mcid) = mcid {
                        mcids.push((number, mcid));
                    }
                    artifacts += usize::from(artifact);
                    open.push(artifact);
                }
                "EMC" => {
                    open.pop().expect("EMC without BDC");
                }
                "Tj" | "TJ" | "Do" | "re" | "S" | "f" => {
                    assert!(!open.is_empty(), "page {number}: {} unmarked", op.operator)
                }
                _ => {}
            }
        }
        assert!(open.is_empty(), "page {number}: unclosed marked content");
    }
    (mcids, artifacts)
}

/// What the layout says the tree must hold: the headings, tables and
/// table rows that print words.
fn expected(document: &Document) -> (usize, usize, usize) {
    let mut headings = BTreeSet::new();
    let mut tables = BTreeSet::new();
    let mut rows = BTreeSet::new();
    let printed = document.pages.iter().flat_map(|page| {
        (page.text_runs())
            .filter(|run| run.role != Role::RepeatedHeader)
            .filter_map(|run| page.placed.get(run.placed?))
    });
    // Every row, even one that prints no words.
    let rows_placed = (document.pages.iter())
        .flat_map(|page| page.placed.iter())
        .filter(|placed| placed.part == Part::Row);
    for placed in printed.chain(rows_placed) {
        let table = (placed.place.sections.clone(), placed.place.block);
        match placed.part {
            Part::Heading | Part::SubHeading(_) => {
                headings.insert(placed.place.clone());
            }
            Part::Row => {
                tables.insert(table);
                rows.insert(placed.place.clone());
            }
            _ => {}
        }
    }
    (headings.len(), tables.len(), rows.len())
}

#[test]
fn every_plan_prints_a_complete_structure_tree() {
    for (name, plan) in plans() {
        let document = lay_out(&plan);
        let pdf = Pdf::load_mem(&render(&document).unwrap()).unwrap();
        let catalog = pdf.catalog().unwrap();
        let marked = catalog.get(b"MarkInfo").unwrap().as_dict().unwrap();
        assert!(marked.get(b"Marked").unwrap().as_bool().unwrap(), "{name}");
        let pages: BTreeMap<ObjectId, u32> =
            pdf.get_pages().into_iter().map(|(n, id)| (id, n)).collect();
        for (&id, &number) in &pages {
            let page = pdf.get_dictionary(id).unwrap();
            let key = page.get(b"StructParents").unwrap().as_i64().unwrap();
            assert_eq!(key, i64::from(number) - 1, "{name}");
            assert_eq!(page.get(b"Tabs").unwrap().as_name().unwrap(), b"S");
        }
        let root = dict(&pdf, catalog.get(b"StructTreeRoot").unwrap());
        let mut tree = Tree::default();
        for kid in root.get(b"K").unwrap().as_array().unwrap() {
            walk(&pdf, &pages, dict(&pdf, kid), &mut tree);
        }

        let (mut drawn, artifacts) = marked_content(&pdf);
        let mut referenced = tree.content.clone();
        referenced.sort();
        let unique: BTreeSet<_> = referenced.iter().collect();
        assert_eq!(
            unique.len(),
            referenced.len(),
            "{name}: an MCID referenced twice"
        );
        drawn.sort();
        assert_eq!(
            referenced, drawn,
            "{name}: the tree and the pages' MCIDs differ"
        );
        assert!(
            artifacts >= 2 * (pages.len() - 1),
            "{name}: header and footer are artifacts"
        );

        let (headings, tables, rows) = expected(&document);
        let count = |kind: &str| tree.kinds.get(kind).copied().unwrap_or(0);
        assert_eq!(count("Document"), 1, "{name}");
        // The section headings, sub-headings and the cover's title.
        let title = usize::from(!plan.cover.title.trim().is_empty());
        let heading_tags = ["H1", "H2", "H3", "H4"].map(count).iter().sum::<usize>();
        assert_eq!(heading_tags, headings + title, "{name}");
        assert!(count("Table") >= tables, "{name}");
        assert_eq!(count("TBody"), tables, "{name}");
        // A TR for every row (one for a row split over pages), even a
        // row that prints no words.
        assert_eq!(tree.body_rows, rows, "{name}");
        assert_eq!(tree.th_without_scope, 0, "{name}: a TH without /Scope");
        let links = document.pages.iter().flat_map(|p| &p.items);
        let links = links.filter(|i| matches!(i, planwright::layout::Item::Link { .. }));
        assert_eq!(count("Link"), links.count(), "{name}");
        assert!(
            count("P") > 0 && count("Sect") > 0,
            "{name}: {:?}",
            tree.kinds
        );
    }
}

#[test]
fn furniture_is_never_in_the_tree() {
    for (name, plan) in plans() {
        let document = lay_out(&plan);
        let structure = Structure::of(&document);
        for (page, marks) in document.pages.iter().zip(&structure.marks) {
            for (item, mark) in page.items.iter().zip(marks) {
                // A contents entry's leader and page number too: its
                // words and link say where it goes.
                let leader = |run: &TextRun| {
                    page.kind == PageKind::Contents
                        && run.role == Role::Label
                        && run.text.contains(". .")
                };
                let furniture = item.as_text().is_none_or(|run| {
                    leader(run)
                        || matches!(
                            run.role,
                            Role::RunningHeader
                                | Role::Footer
                                | Role::Watermark
                                | Role::RepeatedHeader
                                | Role::ContentsPage
                        )
                });
                assert_eq!(
                    furniture,
                    matches!(mark, Mark::Artifact(_)),
                    "{name}: {item:?}"
                );
            }
        }
    }
}

#[test]
fn the_metadata_claims_pdf_ua_and_names_the_title() {
    let (_, plan) = plans().pop().unwrap();
    let document = lay_out(&plan);
    let pdf = Pdf::load_mem(&render(&document).unwrap()).unwrap();
    let metadata = pdf
        .catalog()
        .unwrap()
        .get(b"Metadata")
        .unwrap()
        .as_reference()
        .unwrap();
    let metadata = pdf.get_object(metadata).unwrap().as_stream().unwrap();
    assert!(metadata.dict.get(b"Filter").is_err(), "XMP left readable");
    let xmp = String::from_utf8(metadata.content.clone()).unwrap();
    assert!(xmp.contains("<pdfuaid:part>1</pdfuaid:part>"), "{xmp}");
    assert!(xmp.contains(&document.title.replace('&', "&amp;")), "{xmp}");
}

/// The structure text (each element's marked content in reading order,
/// lines of one element joined as drawn) holds every word of the plan as
/// often as the plan has it: no two words glued where a line ended.
#[test]
fn the_structure_text_holds_every_word_of_the_plan() {
    for (name, plan) in plans() {
        let document = lay_out(&plan);
        let pdf = Pdf::load_mem(&render(&document).unwrap()).unwrap();
        let tree = read_tree(&pdf);
        let (texts, _) = marked_text(&pdf);
        let mut text = String::new();
        for (_, content) in &tree.leaves {
            for key in content {
                text.push_str(&texts[key]);
            }
            text.push('\n');
        }
        let mut read = Words::new();
        count_words(&mut read, &text);
        let missing: Vec<String> = (model_words(&plan).into_iter())
            .filter(|(word, n)| read.get(word).copied().unwrap_or(0) < *n)
            .map(|(word, n)| format!("{word:?} x{n}, read {}", read.get(&word).unwrap_or(&0)))
            .collect();
        assert!(missing.is_empty(), "{name}: {}", missing.join("; "));
        assert!(
            !text.contains(['●', '○']),
            "{name}: a rating read as its dots"
        );
    }
}

/// What the plan says the tree must hold besides headings and tables.
#[derive(Debug, Default, PartialEq)]
struct Counts {
    lists: usize,
    items: usize,
    notes: usize,
    figures: usize,
    group_rows: usize,
    rows: usize,
    ratings: usize,
    /// Lists numbered 1., 2., … and bulleted • by their style.
    numbered: usize,
    bulleted: usize,
}

fn list_counts(list: &List, counts: &mut Counts) {
    let prints = |i: usize| {
        let item = &list.items[i];
        !list.marker(i).is_empty() || !item.text.to_plain().trim().is_empty()
    };
    let items = (0..list.items.len()).filter(|&i| prints(i)).count();
    counts.lists += usize::from(items > 0);
    let own_markers = list
        .items
        .first()
        .is_some_and(|item| !item.marker.is_empty());
    if items > 0 && !own_markers {
        counts.numbered += usize::from(list.style == ListStyle::Numbered);
        counts.bulleted += usize::from(list.style == ListStyle::Bullet);
    }
    counts.items += items;
    for item in &list.items {
        list_counts(&item.children, counts);
    }
}

fn cell_counts(cell: &Cell, counts: &mut Counts) {
    for block in &cell.0 {
        match block {
            CellBlock::List(list) => list_counts(list, counts),
            CellBlock::Rating(_) => counts.ratings += 1,
            CellBlock::Para(_) => {}
        }
    }
}

fn model_counts(plan: &Plan) -> Counts {
    let mut counts = Counts::default();
    for (_, section) in plan.walk_sections() {
        for block in &section.blocks {
            match block {
                Block::List(list) => list_counts(list, &mut counts),
                Block::Note(_) => counts.notes += 1,
                Block::OrgChart(chart) => counts.figures += usize::from(!chart.boxes.is_empty()),
                Block::Table(table) => {
                    counts.notes += table.notes.len();
                    counts.rows += table.rows.len();
                    for row in &table.rows {
                        let group = row.kind == RowKind::Group;
                        let label = row.cells.first().is_some_and(|c| !c.is_empty());
                        counts.group_rows += usize::from(group && label);
                        let used = if group { 1 } else { table.columns.len() };
                        row.cells
                            .iter()
                            .take(used)
                            .for_each(|c| cell_counts(c, &mut counts));
                    }
                }
                Block::Paragraph(_) | Block::Heading(_) => {}
            }
        }
    }
    counts
}

/// Lists, notes, structure charts, group rows, every row (even one
/// with only empty cells) and ratings: as many elements as the plan has.
#[test]
fn the_tree_has_an_element_for_every_list_note_figure_and_row() {
    for (name, plan) in plans() {
        let pdf = Pdf::load_mem(&render(&lay_out(&plan)).unwrap()).unwrap();
        let tree = read_tree(&pdf);
        let (texts, actual_texts) = marked_text(&pdf);
        let count = |kind: &str| tree.kinds.get(kind).copied().unwrap_or(0);
        let expected = model_counts(&plan);
        let read = Counts {
            lists: count("L"),
            items: count("LI"),
            notes: count("Note"),
            figures: count("Figure"),
            group_rows: expected.group_rows.min(tree.th_row),
            rows: tree.body_rows,
            ratings: expected.ratings.min(actual_texts),
            // Lists with the author's own markers may be numbered too.
            numbered: expected
                .numbered
                .min(tree.numbering.get("Decimal").copied().unwrap_or(0)),
            bulleted: expected
                .bulleted
                .min(tree.numbering.get("Disc").copied().unwrap_or(0)),
        };
        assert_eq!(read, expected, "{name}: {:?}", tree.kinds);
        assert!(count("Lbl") <= count("LI") && count("LBody") <= count("LI"));
        assert_eq!(tree.figures_without_alt, 0, "{name}: a Figure without /Alt");
        // A structure chart's alternative text names every box.
        let alts = tree.alts.join(" ");
        let boxes = (plan.walk_sections().into_iter())
            .flat_map(|(_, section)| &section.blocks)
            .filter_map(|block| match block {
                Block::OrgChart(chart) => Some(&chart.boxes),
                _ => None,
            })
            .flatten();
        for line in boxes.flat_map(|b| &b.lines).filter(|l| l.is_ascii()) {
            let words = line.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(alts.contains(&words), "{name}: {words:?} not in {alts:?}");
        }
        assert_eq!(tree.notes_without_id, 0, "{name}: a Note without /ID");
        // The cover's title is the document's first heading.
        let (_, title) = (tree.leaves.iter().find(|(kind, _)| kind == "H1")).unwrap();
        let title: String = title.iter().map(|key| texts[key].as_str()).collect();
        let words = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(words(&title), words(&plan.cover.title), "{name}");
    }
}
