//! "What changed since SMT last saw it": `planwright diff`, and the
//! changes printed as a document with struck and inserted words.

mod binary;

use binary::planwright;
use planwright::diff::diff;
use planwright::layout::{self, DELETED, Document, INSERTED, PageSettings, TextRun};
use planwright::model::{Block, Cell, ColumnKind, Plan, file};
use std::path::{Path, PathBuf};

mod pdf_text;

fn seed_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("seeds")
        .join(name)
}

const SEED: &str = "2008-09-childrens-social-services.ron";

/// The seed with one word replaced in its first long plain paragraph and
/// one money figure changed; returns the words and the figure's values.
fn revised(old: &Plan) -> (Plan, (String, String), (String, String)) {
    let mut new = old.clone();
    let mut word = None;
    let mut figure = None;
    let paths: Vec<Vec<usize>> = old.walk_sections().into_iter().map(|(p, _)| p).collect();
    for path in paths {
        let section = new.section_mut(&path).unwrap();
        for block in &mut section.blocks {
            match block {
                Block::Paragraph(r) if word.is_none() && r.is_plain() => {
                    let text = r.to_plain();
                    let words: Vec<&str> = text.split_whitespace().collect();
                    if words.len() < 6 {
                        continue;
                    }
                    let gone = words[3].to_string();
                    let mut changed: Vec<&str> = words.clone();
                    changed[3] = "reconsidered";
                    *r = changed.join(" ").as_str().into();
                    word = Some((gone, "reconsidered".to_string()));
                }
                Block::Table(t) if figure.is_none() => {
                    let Some(c) = t.columns.iter().position(|c| c.kind == ColumnKind::Money) else {
                        continue;
                    };
                    let Some(row) = t.rows.iter_mut().find(|r| {
                        r.cells
                            .get(c)
                            .and_then(Cell::as_text)
                            .is_some_and(|v| !v.trim().is_empty())
                    }) else {
                        continue;
                    };
                    let was = row.cells[c].as_text().unwrap();
                    row.cells[c] = Cell::text("4,321.0");
                    figure = Some((was, "4,321.0".to_string()));
                }
                _ => {}
            }
        }
    }
    (new, word.unwrap(), figure.unwrap())
}

fn runs(document: &Document) -> Vec<&TextRun> {
    document.pages.iter().flat_map(|p| p.text_runs()).collect()
}

#[test]
fn the_changes_document_strikes_deleted_words_and_underlines_inserted_ones() {
    let old = file::load(&seed_path(SEED)).unwrap();
    let (new, (gone, put), (was, now)) = revised(&old);
    let changes = diff(&old, &new);
    let document = layout::changes(&old, &new, &changes, &PageSettings::default());
    let runs = runs(&document);
    let struck = |text: &str| {
        runs.iter()
            .any(|r| r.text == text && r.strike && r.colour == DELETED && !r.underline)
    };
    let underlined = |text: &str| {
        runs.iter()
            .any(|r| r.text == text && r.underline && r.colour == INSERTED && !r.strike)
    };
    assert!(struck(&gone), "{gone} struck through in red");
    assert!(underlined(&put), "{put} underlined in blue");
    assert!(struck(&was), "old figure {was} struck");
    assert!(underlined(&now), "new figure {now} underlined");
    assert!(runs.iter().any(|r| r.text.contains('→')));
    // Nothing else is struck or underlined.
    let marked = runs.iter().filter(|r| r.strike || r.underline).count();
    assert_eq!(marked, 4, "{runs:#?}");

    // The cover says since which version; later pages carry the plan's header.
    let cover: String = document.pages[0]
        .text_runs()
        .map(|r| r.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(cover.contains("Changes since version"), "{cover}");
    let header = new.cover.owner();
    assert!(document.pages[1].text_runs().any(|r| r.text == header));

    // The PDF carries the same words.
    let bytes = planwright::pdf::render(&document).unwrap();
    let pdf = lopdf::Document::load_mem(&bytes).unwrap();
    let text = pdf_text::page_texts(&pdf).join(" ");
    for word in [&gone, &put, &was, &now] {
        assert!(text.contains(word.as_str()), "{word} in the PDF: {text}");
    }
    assert!(text.contains("Changes since version"));
}

#[test]
fn diff_on_the_command_line_lists_changes_and_writes_the_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let old_path = seed_path(SEED);
    let old = file::load(&old_path).unwrap();
    let (new, (gone, put), _) = revised(&old);
    let new_path = dir.path().join("new.ron");
    file::save(&new, &new_path).unwrap();
    let (old_arg, new_arg) = (old_path.to_str().unwrap(), new_path.to_str().unwrap());

    let same = planwright(&["diff", old_arg, old_arg]);
    assert!(same.status.success());
    assert_eq!(String::from_utf8_lossy(&same.stdout), "");
    assert!(String::from_utf8_lossy(&same.stderr).contains("0 changes"));

    let pdf = dir.path().join("changes.pdf");
    let out = planwright(&["diff", old_arg, new_arg, "-o", pdf.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let listed = String::from_utf8_lossy(&out.stdout);
    assert!(
        listed.contains(&format!("[-{gone}-] {{+{put}+}}")),
        "{listed}"
    );
    assert!(listed.contains("figure, row"), "{listed}");
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));

    // A plan that does not load is reported, and nothing is written.
    let broken = dir.path().join("broken.ron");
    std::fs::write(&broken, "(format_version: 1, oops").unwrap();
    let nothing = dir.path().join("nothing.pdf");
    let out = planwright(&[
        "diff",
        old_arg,
        broken.to_str().unwrap(),
        "-o",
        nothing.to_str().unwrap(),
    ]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("broken.ron"));
    assert!(!nothing.exists());
}
