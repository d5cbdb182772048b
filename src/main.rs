// Hide the console window of the release app on Windows.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use planwright::app::files::{NativeDialogs, PREFS_KEY, Prefs};
use planwright::app::{PlanwrightApp, Setup};
use planwright::cli::{Cli, run};
use std::process::ExitCode;

const APP_ID: &str = "Planwright";

fn main() -> ExitCode {
    let started = std::time::Instant::now();
    attach_to_parent_console();
    let cli = Cli::parse_checked();
    match cli.command {
        Some(command) => run(command),
        None => launch(cli.plan, cli.preview, started),
    }
}

/// Opens the editor window, on `plan` or the bundled sample plan.
/// `PLANWRIGHT_TIMINGS=1` reports frame times on stderr; `preview` shows
/// the print preview.
fn launch(
    plan: Option<std::path::PathBuf>,
    preview: bool,
    started: std::time::Instant,
) -> ExitCode {
    let timings = std::env::var_os("PLANWRIGHT_TIMINGS").map(|_| started);
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Planwright")
            .with_app_id(APP_ID)
            .with_inner_size([1280.0, 740.0])
            // A document editor: use the whole laptop screen, as Word does.
            .with_maximized(true)
            .with_min_inner_size([720.0, 480.0])
            .with_icon(std::sync::Arc::new(planwright::app::window_icon())),
        renderer: eframe::Renderer::Glow,
        ..Default::default()
    };
    let recovery_dir = eframe::storage_dir(APP_ID)
        .unwrap_or_else(std::env::temp_dir)
        .join("recovery");
    let result = eframe::run_native(
        APP_ID,
        options,
        Box::new(move |cc| {
            planwright::ui::install_fonts(&cc.egui_ctx);
            let mut prefs: Prefs = cc
                .storage
                .and_then(|s| eframe::get_value(s, PREFS_KEY))
                .unwrap_or_default();
            prefs.show_preview |= preview;
            Ok(Box::new(PlanwrightApp::new(Setup {
                dialogs: Box::new(NativeDialogs),
                recovery_dir,
                prefs,
                open: plan,
                timings,
            })))
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("planwright: could not open the window: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The release build on Windows has no console of its own (it is a window
/// app), so `planwright check` started from a terminal would print
/// nothing: write to the terminal it was started from, if any.
#[cfg(windows)]
fn attach_to_parent_console() {
    const ATTACH_PARENT_PROCESS: u32 = u32::MAX;
    #[link(name = "kernel32")]
    unsafe extern "system" {
        fn AttachConsole(process_id: u32) -> i32;
    }
    // SAFETY: AttachConsole takes a process id and has no other
    // preconditions; it fails harmlessly when there is no parent console
    // (started from Explorer) or one is attached already (debug build).
    unsafe {
        AttachConsole(ATTACH_PARENT_PROCESS);
    }
}

#[cfg(not(windows))]
fn attach_to_parent_console() {}
