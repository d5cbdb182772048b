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

/// The median times of `runs` renders of each variant, the layout alone
/// and with the PDF. The variants take turns, in alternating order, so a
/// machine that speeds up or slows down during the runs (frequency
/// scaling, another process) weighs on each alike.
fn time(
    plan: &Plan,
    settings: &PageSettings,
    variants: &[Tagging],
    runs: usize,
) -> Vec<[Duration; 2]> {
    let mut times = vec![(Vec::with_capacity(runs), Vec::with_capacity(runs)); variants.len()];
    for run in 0..runs {
        for turn in 0..variants.len() {
            let which = if run % 2 == 0 {
                turn
            } else {
                variants.len() - 1 - turn
            };
            let started = Instant::now();
            let document = std::hint::black_box(layout(plan, settings));
            let layout_time = started.elapsed();
            std::hint::black_box(
                pdf::render_with(&document, variants[which]).expect("the seed prints"),
            );
            times[which].0.push(layout_time);
            times[which].1.push(started.elapsed());
        }
    }
    let median = |times: &mut Vec<Duration>| {
        times.sort();
        times.get(times.len() / 2).copied().unwrap_or_default()
    };
    (times.iter_mut())
        .map(|(layout, total)| [median(layout), median(total)])
        .collect()
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

    let variants: Vec<Tagging> = [Tagging::On, Tagging::Off]
        .into_iter()
        .filter(|&tagging| timed(tagging))
        .collect();
    let medians = time(&plan, &settings, &variants, runs);
    let median_of = |tagging: Tagging| {
        (variants.iter().position(|&v| v == tagging)).map_or_else(Default::default, |i| medians[i])
    };
    let [layout_time, total] = median_of(Tagging::On);
    let [_, untagged_total] = median_of(Tagging::Off);
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
