//! What the benchmarks share: the plan they run on and how they report.

use std::path::{Path, PathBuf};
use std::time::Duration;

/// The largest seed plan, by file size.
pub fn largest_seed() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    std::fs::read_dir(&dir)
        .expect("seeds folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .max_by_key(|p| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0))
        .expect("a seed plan")
}

/// One line: the time, its target, and whether it is met.
pub fn report(name: &str, time: Duration, target: Duration) {
    let verdict = if time <= target { "ok" } else { "OVER TARGET" };
    println!(
        "{name:<40} {:>9.3} ms   (target {:>6.1} ms)  {verdict}",
        time.as_secs_f64() * 1e3,
        target.as_secs_f64() * 1e3
    );
}
