//! `cargo bench --bench compare`: what changed since a version, and the
//! directorate pack. Targets (release build): the diff of two versions of
//! the largest seed under 50 ms; a pack of 30 plans (the seeds repeated)
//! under 3 s, its time growing with its pages.
//!
//! `cargo bench --bench compare -- pack30` makes only the pack of 30,
//! once, for measuring its peak memory with `/usr/bin/time -v`.

use common::{largest_seed, report};
use planwright::diff::diff;
use planwright::layout::{PageSettings, pack};
use planwright::model::{Block, Cell, Plan, file};
use std::path::Path;
use std::time::{Duration, Instant};

#[path = "common.rs"]
mod common;

/// A later version: a word inserted in every third paragraph, the first
/// figure of every table changed, a row removed from every fourth table
/// and the last section moved to the front.
fn revised(plan: &Plan) -> Plan {
    let mut new = plan.clone();
    let paths: Vec<Vec<usize>> = plan.walk_sections().into_iter().map(|(p, _)| p).collect();
    let (mut paragraphs, mut tables) = (0, 0);
    for path in paths {
        for block in &mut new.section_mut(&path).unwrap().blocks {
            match block {
                Block::Paragraph(r) => {
                    paragraphs += 1;
                    if paragraphs % 3 == 0 {
                        *r = format!("Revised: {}", r.to_plain()).as_str().into();
                    }
                }
                Block::Table(t) => {
                    tables += 1;
                    if let Some(cell) = t.rows.first_mut().and_then(|r| r.cells.last_mut()) {
                        *cell = Cell::text("1,234.5");
                    }
                    if tables % 4 == 0 && t.rows.len() > 2 {
                        t.rows.remove(1);
                    }
                }
                _ => {}
            }
        }
    }
    if let Some(last) = new.sections.pop() {
        new.sections.insert(0, last);
    }
    new
}

fn seeds() -> Vec<Plan> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("seeds folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| file::load(p).expect("seed loads"))
        .collect()
}

/// Lays out and draws a pack of `count` plans; its pages and the time.
fn time_pack(seeds: &[Plan], count: usize) -> (usize, Duration) {
    let plans: Vec<Plan> = seeds.iter().cycle().take(count).cloned().collect();
    let started = Instant::now();
    let document = pack(&plans, "Directorate plans", &PageSettings::default());
    let bytes = planwright::pdf::render(&document).expect("the pack prints");
    std::hint::black_box(bytes);
    (document.pages.len(), started.elapsed())
}

fn main() {
    let seeds = seeds();
    if std::env::args().any(|a| a == "pack30") {
        let (pages, time) = time_pack(&seeds, 30);
        println!(
            "pack of 30: {pages} pages in {:.0} ms",
            time.as_secs_f64() * 1e3
        );
        return;
    }
    let path = largest_seed();
    let old = file::load(&path).expect("seed loads");
    let new = revised(&old);
    let changes = diff(&old, &new).changes.len();
    let mut times: Vec<Duration> = (0..30)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(diff(&old, &new));
            t.elapsed()
        })
        .collect();
    times.sort();
    println!("largest seed: {} ({changes} changes)", path.display());
    report(
        "diff of two versions, median of 30",
        times[15],
        Duration::from_millis(50),
    );
    // Linear in pages: the time a page should not grow with the pack.
    for count in [10, 20, 30] {
        let (pages, time) = time_pack(&seeds, count);
        let per_page = time.as_secs_f64() * 1e3 / pages as f64;
        println!("pack of {count:>2} plans: {pages:>4} pages, {per_page:.2} ms a page");
        if count == 30 {
            report("pack of 30 plans", time, Duration::from_secs(3));
        }
    }
}
