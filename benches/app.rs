//! `cargo bench --bench app`: the editor's CPU time on the largest seed,
//! without a window (egui's frame plus tessellation, which is all the CPU
//! work a frame costs before the GPU draws it). Targets (release build):
//! first frame within 500 ms of start, an editor frame of the largest
//! section under 8 ms.

use common::{largest_seed, report};
use egui::{Context, RawInput, Rect, pos2, vec2};
use planwright::app::AppError;
use planwright::app::files::{Dialogs, Picked, Prefs};
use planwright::app::{PlanwrightApp, Setup};
use planwright::model::{Block, Plan, Section};
use planwright::ui::Page;
use std::path::Path;
use std::time::{Duration, Instant};

#[path = "common.rs"]
mod common;

/// The benchmark never opens a dialog.
struct NoDialogs;

impl Dialogs for NoDialogs {
    fn open_plan(&mut self) -> Picked {
        Picked::Cancelled
    }
    fn save_plan(&mut self, _: &str) -> Picked {
        Picked::Cancelled
    }
    fn save_pdf(&mut self, _: &str) -> Picked {
        Picked::Cancelled
    }
    fn show_file(&mut self, _: &Path) -> Result<(), AppError> {
        Ok(())
    }
}

/// How much there is to draw in a section: its blocks' cells and items.
fn weight(section: &Section) -> usize {
    section
        .blocks
        .iter()
        .map(|b| match b {
            Block::Table(t) => t.rows.iter().map(|r| r.cells.len()).sum::<usize>(),
            Block::List(l) => l.items.len(),
            _ => 1,
        })
        .sum()
}

fn largest_section(plan: &Plan) -> (Vec<usize>, String, usize) {
    plan.walk_sections()
        .into_iter()
        .map(|(path, s)| {
            (
                path,
                planwright::ui::section_label(&plan.template, s),
                weight(s),
            )
        })
        .max_by_key(|(_, _, w)| *w)
        .expect("a section")
}

/// A 1366×768 laptop screen.
fn input(time: f64) -> RawInput {
    RawInput {
        screen_rect: Some(Rect::from_min_size(pos2(0.0, 0.0), vec2(1366.0, 768.0))),
        time: Some(time),
        ..RawInput::default()
    }
}

/// One frame: the UI pass and its tessellation.
fn frame(ctx: &Context, app: &mut PlanwrightApp, time: f64) {
    let mut output = ctx.run_ui(input(time), |ui| app.ui_contents(ui));
    // No GPU here: the font atlas updates are not uploaded anywhere.
    output.textures_delta.clear();
    let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
    std::hint::black_box(primitives);
}

fn start(seed: &Path, recovery: &Path) -> (Context, PlanwrightApp) {
    let ctx = Context::default();
    planwright::ui::install_fonts(&ctx);
    let app = PlanwrightApp::new(Setup {
        dialogs: Box::new(NoDialogs),
        recovery_dir: recovery.to_owned(),
        prefs: Prefs::default(),
        open: Some(seed.to_owned()),
        timings: None,
    });
    (ctx, app)
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn main() {
    let seed = largest_seed();
    let recovery = std::env::temp_dir().join(format!("planwright-bench-{}", std::process::id()));
    println!("largest seed: {}", seed.display());

    // From nothing to the first frame drawn: fonts, templates, loading and
    // checking the plan, and the first layout of the window.
    let first: Vec<Duration> = (0..7)
        .map(|_| {
            let t = Instant::now();
            let (ctx, mut app) = start(&seed, &recovery);
            frame(&ctx, &mut app, 0.0);
            t.elapsed()
        })
        .collect();
    report(
        "first frame (start to first frame)",
        median(first),
        Duration::from_millis(500),
    );

    let (ctx, mut app) = start(&seed, &recovery);
    let (path, title, cells) = largest_section(app.plan());
    println!("largest section: {title} ({cells} cells and items)");
    app.show_page(Page::Section(path));
    let mut time = 0.0;
    for _ in 0..10 {
        time += 0.016;
        frame(&ctx, &mut app, time);
    }
    let times: Vec<Duration> = (0..200)
        .map(|_| {
            time += 0.016;
            let t = Instant::now();
            frame(&ctx, &mut app, time);
            t.elapsed()
        })
        .collect();
    let worst = *times.iter().max().unwrap_or(&Duration::ZERO);
    report(
        "editor frame, largest section (median)",
        median(times),
        Duration::from_millis(8),
    );
    println!(
        "{:<40} {:>9.3} ms",
        "editor frame, largest section (worst)",
        worst.as_secs_f64() * 1e3
    );
    let _ = std::fs::remove_dir_all(&recovery);
}
