//! `cargo bench --bench render`: printing the largest seed plan.
//! Targets (release build): layout and PDF together under 50 ms, the PDF
//! under 1 MB; tagging (the structure tree) adds at most 25 % to the time
//! and 40 % to the size of the same PDF untagged.
//!
//! For instruction counts, which a busy machine does not disturb, run the
//! bench binary under callgrind with `PLANWRIGHT_BENCH_RUNS=N` and
//! `PLANWRIGHT_TAGGING=on|off` (only that variant is timed): the count
//! with N = 1 less the count with N = 0 is one render (both variants are
//! rendered once, untimed, before the runs).

use planwright::layout::{PageSettings, layout};
use planwright::model::Plan;
use planwright::model::file;
use planwright::pdf::{self, Tagging};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const TIME_TARGET: Duration = Duration::from_millis(50);
const SIZE_TARGET: usize = 1024 * 1024;
/// What tagging may add, in percent of the untagged time and size.
const TAGGING_TIME_TARGET: f64 = 25.0;
const TAGGING_SIZE_TARGET: f64 = 40.0;

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

/// Layout and PDF, as the app prints.
#[inline(never)]
fn render(plan: &Plan, settings: &PageSettings, tagging: Tagging) -> Vec<u8> {
    pdf::render_with(&layout(plan, settings), tagging).expect("the seed prints")
}

/// The median time of `runs` renders, the layout alone and with the PDF.
fn time(plan: &Plan, settings: &PageSettings, tagging: Tagging, runs: usize) -> [Duration; 2] {
    let mut layout_times = Vec::with_capacity(runs);
    let mut total_times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let started = Instant::now();
        let document = std::hint::black_box(layout(plan, settings));
        layout_times.push(started.elapsed());
        std::hint::black_box(pdf::render_with(&document, tagging).expect("the seed prints"));
        total_times.push(started.elapsed());
    }
    layout_times.sort();
    total_times.sort();
    let median = |times: &[Duration]| times.get(times.len() / 2).copied().unwrap_or_default();
    [median(&layout_times), median(&total_times)]
}

fn main() {
    let path = largest_seed();
    let plan = file::load(&path).expect("the seed loads");
    let settings = PageSettings::default();
    let runs: usize = std::env::var("PLANWRIGHT_BENCH_RUNS")
        .ok()
        .map(|runs| runs.parse().expect("PLANWRIGHT_BENCH_RUNS is a number"))
        .unwrap_or(30);
    let only = std::env::var("PLANWRIGHT_TAGGING").ok();
    let timed = |tagging: Tagging| {
        let name = if tagging == Tagging::On { "on" } else { "off" };
        only.as_deref().is_none_or(|only| only == name)
    };

    // The first render also parses the embedded fonts, once per process.
    let first = Instant::now();
    let bytes = render(&plan, &settings, Tagging::On).len();
    let cold = first.elapsed();
    let untagged_bytes = render(&plan, &settings, Tagging::Off).len();

    let [layout_time, total] = if timed(Tagging::On) {
        time(&plan, &settings, Tagging::On, runs)
    } else {
        Default::default()
    };
    let [_, untagged_total] = if timed(Tagging::Off) {
        time(&plan, &settings, Tagging::Off, runs)
    } else {
        Default::default()
    };
    let verdict = |ok: bool| if ok { "ok" } else { "OVER TARGET" };
    let more = |tagged: f64, untagged: f64| 100.0 * (tagged / untagged - 1.0);

    println!("largest seed: {}", path.display());
    println!(
        "first render (with font parsing): {:>8.1} ms",
        cold.as_secs_f64() * 1e3
    );
    println!(
        "layout, median of {runs}:            {:>8.1} ms",
        layout_time.as_secs_f64() * 1e3
    );
    println!(
        "layout + PDF, median of {runs}:       {:>8.1} ms   (target {} ms)  {}",
        total.as_secs_f64() * 1e3,
        TIME_TARGET.as_millis(),
        verdict(total <= TIME_TARGET)
    );
    println!(
        "the same untagged, median of {runs}:  {:>8.1} ms",
        untagged_total.as_secs_f64() * 1e3
    );
    if only.is_none() && runs > 0 {
        let added = more(total.as_secs_f64(), untagged_total.as_secs_f64());
        println!(
            "tagging adds to the time:          {added:>8.1} %    (target {TAGGING_TIME_TARGET} %)  {}",
            verdict(added <= TAGGING_TIME_TARGET)
        );
    }
    println!(
        "PDF size:                          {:>8} KB   (target {} KB)  {}",
        bytes / 1024,
        SIZE_TARGET / 1024,
        verdict(bytes <= SIZE_TARGET)
    );
    let added = more(bytes as f64, untagged_bytes as f64);
    println!(
        "untagged {} KB; tagging adds:       {added:>8.1} %    (target {TAGGING_SIZE_TARGET} %)  {}",
        untagged_bytes / 1024,
        verdict(added <= TAGGING_SIZE_TARGET)
    );
}
