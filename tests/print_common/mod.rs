//! What the print tests share: the plans to print and word counting.

use planwright::layout::{self, Document, PageSettings};
use planwright::model::{Plan, Rich, file};
use planwright::template;
use std::collections::BTreeMap;
use std::path::Path;

/// Every seed plan in `seeds/` and a new plan from every template.
pub fn plans() -> Vec<(String, Plan)> {
    let mut plans: Vec<(String, Plan)> = template::all()
        .into_iter()
        .map(|t| (format!("template {}", t.id), t.new_plan()))
        .collect();
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut paths: Vec<_> = std::fs::read_dir(&seeds)
        .map(|dir| dir.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.retain(|p| p.extension().is_some_and(|x| x == "ron"));
    paths.sort();
    for path in paths {
        let plan = file::load(&path).unwrap_or_else(|e| panic!("{e}"));
        plans.push((path.display().to_string(), plan));
    }
    plans
}

pub fn lay_out(plan: &Plan) -> Document {
    layout::layout(plan, &PageSettings::default())
}

pub type Words = BTreeMap<String, usize>;

pub fn count_words(words: &mut Words, text: &str) {
    for word in text.split_whitespace() {
        *words.entry(word.to_string()).or_default() += 1;
    }
}

pub fn rich_words(words: &mut Words, rich: &Rich) {
    count_words(words, &rich.to_plain());
}
