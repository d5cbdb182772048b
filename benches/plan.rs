//! `cargo bench`: how long the everyday operations take on the largest
//! seed plan. Targets (release build): load under 5 ms.

use common::{largest_seed, report};
use planwright::model::check::validate;
use planwright::model::file;
use std::time::{Duration, Instant};

#[path = "common.rs"]
mod common;

/// Runs `f` repeatedly for about a second and returns the median time.
fn measure(mut f: impl FnMut()) -> Duration {
    f(); // warm up
    let mut times = Vec::new();
    let start = Instant::now();
    while times.len() < 20 || (start.elapsed() < Duration::from_secs(1) && times.len() < 1000) {
        let t = Instant::now();
        f();
        times.push(t.elapsed());
    }
    times.sort();
    times[times.len() / 2]
}

fn main() {
    let path = largest_seed();
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    println!("largest seed: {} ({} KB)", path.display(), size / 1024);
    let plan = file::load(&path).expect("seed loads");

    report(
        "load (read + parse)",
        measure(|| {
            std::hint::black_box(file::load(&path).unwrap());
        }),
        Duration::from_millis(5),
    );
    report(
        "validate",
        measure(|| {
            std::hint::black_box(validate(&plan));
        }),
        Duration::from_millis(5),
    );
    report(
        "serialize to RON",
        measure(|| {
            std::hint::black_box(file::to_ron(&plan).unwrap());
        }),
        Duration::from_millis(10),
    );
    spelling(&plan);
}

/// Spelling must never slow typing: a field is checked again on every
/// frame it is drawn, so checking the longest field, its words' verdicts
/// kept, takes a small part of a frame.
fn spelling(plan: &planwright::model::Plan) {
    use planwright::edit::spelling;
    let start = Instant::now();
    let speller = spelling::speller();
    report(
        "load the en_GB dictionary (once, in the background)",
        start.elapsed(),
        Duration::from_millis(500),
    );
    let (_, longest) = (planwright::edit::find::texts(plan).into_iter())
        .max_by_key(|(_, text)| text.len())
        .expect("the plan has text");
    report(
        &format!("spell-check the longest field ({} chars)", longest.len()),
        measure(|| {
            std::hint::black_box(speller.misspelt(&longest, &plan.dictionary));
        }),
        Duration::from_millis(1),
    );
    report(
        "spell-check the whole plan",
        measure(|| {
            std::hint::black_box(spelling::check_plan(plan));
        }),
        Duration::from_millis(50),
    );
}
