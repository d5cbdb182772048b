//! The tagged PDF read back with lopdf: every seed's and template's
//! structure tree, its marked content and its artifacts.

mod print_common;

use lopdf::content::Content;
use lopdf::{Dictionary, Document as Pdf, Object, ObjectId};
use planwright::layout::{Document, Part, Role};
use planwright::pdf::render;
use planwright::pdf::tags::{Mark, Structure};
use print_common::{lay_out, plans};
use std::collections::{BTreeMap, BTreeSet};

/// The tree read back: each element's type, in reading order, and the
/// marked content each refers to, as (page number, MCID).
#[derive(Default)]
struct Tree {
    kinds: BTreeMap<String, usize>,
    content: Vec<(u32, i64)>,
    /// Header cells that do not say what they head.
    th_without_scope: usize,
}

fn dict<'a>(pdf: &'a Pdf, object: &'a Object) -> &'a Dictionary {
    match object {
        Object::Reference(id) => pdf.get_dictionary(*id).unwrap(),
        Object::Dictionary(dict) => dict,
        other => panic!("not a dictionary: {other:?}"),
    }
}

fn walk(pdf: &Pdf, pages: &BTreeMap<ObjectId, u32>, element: &Dictionary, tree: &mut Tree) {
    let kind = String::from_utf8(element.get(b"S").unwrap().as_name().unwrap().to_vec()).unwrap();
    if kind == "TH" {
        let scope = (element.get(b"A").ok())
            .and_then(|a| a.as_dict().ok())
            .and_then(|a| a.get(b"Scope").ok());
        if scope.is_none() {
            tree.th_without_scope += 1;
        }
    }
    *tree.kinds.entry(kind).or_default() += 1;
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
    for placed in printed {
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
        let heading_tags = ["H1", "H2", "H3", "H4"].map(count).iter().sum::<usize>();
        assert_eq!(heading_tags, headings, "{name}");
        assert!(count("Table") >= tables, "{name}");
        assert_eq!(count("TBody"), tables, "{name}");
        assert!(count("TR") >= rows, "{name}");
        assert!(count("TD") >= rows, "{name}");
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
                let furniture = item.as_text().is_none_or(|run| {
                    matches!(
                        run.role,
                        Role::RunningHeader | Role::Footer | Role::Watermark | Role::RepeatedHeader
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
