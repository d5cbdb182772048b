//! `cargo bench --bench render`: printing the largest seed plan.
//! Targets (release build): layout and PDF together under 50 ms, the PDF
//! under 1 MB.

use planwright::layout::{PageSettings, layout};
use planwright::model::file;
use planwright::pdf;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const TIME_TARGET: Duration = Duration::from_millis(50);
const SIZE_TARGET: usize = 1024 * 1024;

/// The seed with the most bytes of RON.
fn largest_seed() -> PathBuf {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut plans: Vec<(u64, PathBuf)> = std::fs::read_dir(&seeds)
        .expect("a seeds folder")
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|x| x == "ron"))
        .map(|path| (std::fs::metadata(&path).map_or(0, |m| m.len()), path))
        .collect();
    plans.sort();
    plans.pop().expect("a seed plan").1
}

fn main() {
    let path = largest_seed();
    let plan = file::load(&path).expect("the seed loads");
    let settings = PageSettings::default();
    let render = || pdf::render(&layout(&plan, &settings)).expect("the seed prints");

    // The first render also parses the embedded fonts, once per process.
    let first = Instant::now();
    let bytes = render().len();
    let cold = first.elapsed();

    let runs = 30;
    let mut layout_times = Vec::with_capacity(runs);
    let mut total_times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let started = Instant::now();
        let document = std::hint::black_box(layout(&plan, &settings));
        layout_times.push(started.elapsed());
        std::hint::black_box(pdf::render(&document).expect("the seed prints"));
        total_times.push(started.elapsed());
    }
    layout_times.sort();
    total_times.sort();
    let median = |times: &[Duration]| times[times.len() / 2];

    println!("largest seed: {}", path.display());
    println!(
        "first render (with font parsing): {:>8.1} ms",
        cold.as_secs_f64() * 1e3
    );
    println!(
        "layout, median of {runs}:            {:>8.1} ms",
        median(&layout_times).as_secs_f64() * 1e3
    );
    let total = median(&total_times);
    let verdict = |ok: bool| if ok { "ok" } else { "OVER TARGET" };
    println!(
        "layout + PDF, median of {runs}:       {:>8.1} ms   (target {} ms)  {}",
        total.as_secs_f64() * 1e3,
        TIME_TARGET.as_millis(),
        verdict(total <= TIME_TARGET)
    );
    println!(
        "PDF size:                          {:>8} KB   (target {} KB)  {}",
        bytes / 1024,
        SIZE_TARGET / 1024,
        verdict(bytes <= SIZE_TARGET)
    );
}
