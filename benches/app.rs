//! `cargo bench --bench app`: the editor's CPU time on the largest seed,
//! without a window (egui's frame plus tessellation, which is all the CPU
//! work a frame costs before the GPU draws it). Targets (release build):
//! first frame within 500 ms of start, an editor frame of the largest
//! section under 8 ms.

use common::{largest_seed, report};
use egui::{Context, Event, RawInput, Rect, pos2, vec2};
use planwright::app::AppError;
use planwright::app::commands::Command;
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
    fn save_html(&mut self, _: &str) -> Picked {
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
    frame_with(ctx, app, time, Vec::new());
}

/// One frame with these input events.
fn frame_with(ctx: &Context, app: &mut PlanwrightApp, time: f64, events: Vec<Event>) {
    let raw = RawInput {
        events,
        ..input(time)
    };
    let mut output = ctx.run_ui(raw, |ui| app.ui_contents(ui));
    // No GPU here: the font atlas updates are not uploaded anywhere.
    output.textures_delta.clear();
    let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
    std::hint::black_box(primitives);
}

fn start(seed: &Path, recovery: &Path) -> (Context, PlanwrightApp) {
    start_with(seed, recovery, Prefs::default())
}

fn start_with(seed: &Path, recovery: &Path, prefs: Prefs) -> (Context, PlanwrightApp) {
    let ctx = Context::default();
    planwright::ui::install_fonts(&ctx);
    let app = PlanwrightApp::new(Setup {
        dialogs: Box::new(NoDialogs),
        recovery_dir: recovery.to_owned(),
        prefs,
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
    preview(&seed, &recovery);
    let _ = std::fs::remove_dir_all(&recovery);
}

/// A frame, then the 16 ms until the next, in real time (the layout
/// runs on a worker thread meanwhile).
fn tick(ctx: &Context, app: &mut PlanwrightApp, clock: &Instant, events: Vec<Event>) {
    // The pause is measured in the frames' input time: keep it real.
    frame_with(ctx, app, clock.elapsed().as_secs_f64(), events);
    std::thread::sleep(Duration::from_millis(16));
}

/// The print preview on the largest seed: the layout the worker runs,
/// frames while scrolling the pages, and how long after a keystroke the
/// new pages are shown (frames every 16 ms, in real time).
fn preview(seed: &Path, recovery: &Path) {
    let plan = planwright::model::file::load(seed).expect("the seed loads");
    let settings = planwright::layout::PageSettings::default();
    let layouts: Vec<Duration> = (0..21)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(planwright::layout::layout(&plan, &settings));
            t.elapsed()
        })
        .collect();
    report(
        "preview layout, largest seed (median)",
        median(layouts),
        Duration::from_millis(50),
    );

    let prefs = Prefs {
        show_preview: true,
        ..Prefs::default()
    };
    let (ctx, mut app) = start_with(seed, recovery, prefs);
    let started = Instant::now();
    let shown = |app: &PlanwrightApp| {
        app.preview_pages()
            .is_some_and(|(revision, _)| revision == app.document().revision())
    };
    while !shown(&app) {
        assert!(started.elapsed() < Duration::from_secs(20), "no pages");
        tick(&ctx, &mut app, &started, Vec::new());
    }
    // Scroll the pages with the wheel, the pointer over the preview.
    let over_pages = pos2(1150.0, 450.0);
    let times: Vec<Duration> = (0..100)
        .map(|i| {
            let wheel = Event::MouseWheel {
                unit: egui::MouseWheelUnit::Point,
                delta: vec2(0.0, if i < 70 { -60.0 } else { 60.0 }),
                phase: egui::TouchPhase::Move,
                source: egui::MouseWheelSource::Unknown,
                modifiers: egui::Modifiers::NONE,
            };
            let time = started.elapsed().as_secs_f64();
            let t = Instant::now();
            frame_with(
                &ctx,
                &mut app,
                time,
                vec![Event::PointerMoved(over_pages), wheel],
            );
            t.elapsed()
        })
        .collect();
    let worst = *times.iter().max().unwrap_or(&Duration::ZERO);
    println!("preview at page {} after scrolling", app.preview_page() + 1);
    report(
        "frame with preview, scrolling (median)",
        median(times),
        Duration::from_millis(8),
    );
    report(
        "frame with preview, scrolling (worst)",
        worst,
        Duration::from_millis(16),
    );

    // F6 into the editor puts the keyboard in the page's first field; type.
    app.command(Command::PreviousPane);
    tick(&ctx, &mut app, &started, Vec::new());
    app.command(Command::NextPane);
    tick(&ctx, &mut app, &started, Vec::new());
    tick(&ctx, &mut app, &started, Vec::new());
    let before = app.document().revision();
    let typed = Instant::now();
    tick(&ctx, &mut app, &started, vec![Event::Text("x".into())]);
    assert_ne!(
        app.document().revision(),
        before,
        "the keystroke changed the plan"
    );
    while !shown(&app) {
        assert!(typed.elapsed() < Duration::from_secs(20), "no new pages");
        tick(&ctx, &mut app, &started, Vec::new());
    }
    report(
        "keystroke to new preview pages",
        typed.elapsed(),
        Duration::from_millis(150),
    );
}
