//! The directorate pack: one cover, one contents, every plan's words,
//! page numbers through the pack, a bookmark per plan, fonts once.

mod pdf_text;

use planwright::layout::{self, Document, PageKind, PageSettings, Role, plan_name};
use planwright::model::{Plan, file};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

fn seeds() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    paths.sort();
    paths
}

type Words = BTreeMap<String, usize>;

/// The words of some pages of a PDF, less the "Page X of Y" numbers,
/// which differ between a plan's own print and the pack.
fn words(texts: &[String]) -> Words {
    let mut words = Words::new();
    for text in texts {
        let tokens: Vec<&str> = text.split_whitespace().collect();
        let mut i = 0;
        while i < tokens.len() {
            if tokens[i] == "Page" && tokens.get(i + 2) == Some(&"of") {
                i += 4;
                continue;
            }
            *words.entry(tokens[i].to_string()).or_default() += 1;
            i += 1;
        }
    }
    words
}

fn recall(expected: &Words, actual: &Words) -> f64 {
    let total: usize = expected.values().sum();
    let found: usize = expected
        .iter()
        .map(|(w, n)| (*n).min(actual.get(w).copied().unwrap_or(0)))
        .sum();
    found as f64 / total as f64
}

fn pdf_pages(document: &Document) -> Vec<String> {
    let bytes = planwright::pdf::render(document).unwrap();
    pdf_text::page_texts(&lopdf::Document::load_mem(&bytes).unwrap())
}

#[test]
fn a_pack_of_the_seeds_has_one_cover_one_contents_and_every_plans_words() {
    let plans: Vec<Plan> = seeds().iter().map(|p| file::load(p).unwrap()).collect();
    let settings = PageSettings::default();
    let pack = layout::pack(&plans, "Directorate plans 2008-09", &settings);

    // One cover, first; one contents, straight after it.
    let kinds: Vec<PageKind> = pack.pages.iter().map(|p| p.kind).collect();
    assert_eq!(kinds.iter().filter(|k| **k == PageKind::Cover).count(), 1);
    assert_eq!(kinds[0], PageKind::Cover);
    let contents = kinds.iter().filter(|k| **k == PageKind::Contents).count();
    assert!(contents >= 1);
    assert!(kinds[1..=contents].iter().all(|k| *k == PageKind::Contents));
    assert!(kinds[contents + 1..].iter().all(|k| *k == PageKind::Body));
    // The cover lists every unit.
    let cover: Vec<&str> = pack.pages[0].text_runs().map(|r| r.text.as_str()).collect();
    let cover = cover.join(" ");
    for plan in &plans {
        assert!(cover.contains(plan.cover.owner()), "{cover}");
    }

    // Page numbers run through the pack.
    let total = pack.pages.len();
    for (i, page) in pack.pages.iter().enumerate().skip(1) {
        let number = format!("Page {} of {total}", i + 1);
        assert!(
            page.text_runs()
                .any(|r| r.role == Role::Footer && r.text == number),
            "page {i} lacks {number}"
        );
    }

    // A bookmark per plan, each plan's sections nested under it.
    let tops: Vec<_> = pack.bookmarks.iter().filter(|b| b.level == 1).collect();
    let names: Vec<String> = plans.iter().map(plan_name).collect();
    assert_eq!(
        tops.iter().map(|b| b.title.clone()).collect::<Vec<_>>(),
        names
    );
    assert!(pack.bookmarks.iter().any(|b| b.level == 2));

    // Every plan's words, against its own print (less its cover and
    // contents, which the pack's cover and contents stand for).
    let pack_texts = pdf_pages(&pack);
    let starts: Vec<usize> = tops.iter().map(|b| b.page).collect();
    for (i, plan) in plans.iter().enumerate() {
        let own = layout::layout(plan, &settings);
        let own_texts = pdf_pages(&own);
        let body: Vec<String> = (own.pages.iter().zip(own_texts))
            .filter(|(page, _)| page.kind == PageKind::Body)
            .map(|(_, text)| text)
            .collect();
        let end = starts.get(i + 1).copied().unwrap_or(pack_texts.len());
        let found = recall(&words(&body), &words(&pack_texts[starts[i]..end]));
        eprintln!("{}: word recall {found:.4}", names[i]);
        assert!(found >= 0.99, "{}: word recall {found:.4}", names[i]);
    }
}

#[test]
fn the_pack_pdf_embeds_each_font_once_and_has_an_outline_entry_per_plan() {
    let plans: Vec<Plan> = seeds().iter().map(|p| file::load(p).unwrap()).collect();
    let pack = layout::pack(&plans, "Pack", &PageSettings::default());
    let bytes = planwright::pdf::render(&pack).unwrap();
    let pdf = lopdf::Document::load_mem(&bytes).unwrap();
    let mut files = 0;
    for object in pdf.objects.values() {
        if let Ok(dict) = object.as_dict()
            && dict.get(b"Type").and_then(|t| t.as_name()).ok() == Some(b"FontDescriptor")
        {
            files += 1;
        }
    }
    assert!(files <= 4, "{files} font descriptors: one per face at most");
    // The outline's top level: one entry per plan.
    let catalog = pdf.catalog().unwrap();
    let outlines = pdf
        .get_object(catalog.get(b"Outlines").unwrap().as_reference().unwrap())
        .unwrap()
        .as_dict()
        .unwrap();
    let mut entry = outlines.get(b"First").unwrap().as_reference().ok();
    let mut tops = 0;
    while let Some(id) = entry {
        tops += 1;
        let dict = pdf.get_object(id).unwrap().as_dict().unwrap();
        entry = dict.get(b"Next").ok().and_then(|n| n.as_reference().ok());
    }
    assert_eq!(tops, plans.len());
}

#[test]
fn a_plan_that_fails_to_load_is_reported_and_no_pack_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.ron");
    std::fs::write(&broken, "(format_version: 1, template: ").unwrap();
    let output = dir.path().join("pack.pdf");
    let seeds = seeds();
    let out = Command::new(env!("CARGO_BIN_EXE_planwright"))
        .arg("pack")
        .arg(&seeds[0])
        .arg(&broken)
        .args(["-o", output.to_str().unwrap(), "--title", "Pack"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("broken.ron"), "{stderr}");
    assert!(stderr.contains("nothing was written"), "{stderr}");
    assert!(!output.exists());

    let out = Command::new(env!("CARGO_BIN_EXE_planwright"))
        .arg("pack")
        .args(&seeds)
        .args(["-o", output.to_str().unwrap(), "--title", "Pack"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(std::fs::read(&output).unwrap().starts_with(b"%PDF-"));
}
