//! Every command the app has, behind its menus, toolbar and shortcuts.
//! Shortcuts use Ctrl on Windows and Linux and Cmd on macOS
//! (`Modifiers::COMMAND`).

use egui::{Key, KeyboardShortcut, Modifiers};
use std::path::PathBuf;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// Asks which template to start from.
    New,
    NewFromTemplate(usize),
    Open,
    OpenPath(PathBuf),
    Save,
    SaveAs,
    ExportPdf,
    Undo,
    Redo,
    Find,
    Quit,
}

const fn cmd(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

const fn cmd_shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), key)
}

impl Command {
    /// The commands with shortcuts, most specific first: Ctrl+S would also
    /// match Ctrl+Shift+S, so Save As is checked before Save.
    pub const WITH_SHORTCUTS: [Command; 9] = [
        Command::SaveAs,
        Command::Redo,
        Command::New,
        Command::Open,
        Command::Save,
        Command::ExportPdf,
        Command::Undo,
        Command::Find,
        Command::Quit,
    ];

    pub fn label(&self) -> String {
        match self {
            Command::New => "New from template…".into(),
            Command::NewFromTemplate(_) => "New plan".into(),
            Command::Open => "Open…".into(),
            Command::OpenPath(path) => path.display().to_string(),
            Command::Save => "Save".into(),
            Command::SaveAs => "Save As…".into(),
            Command::ExportPdf => "Export PDF…".into(),
            Command::Undo => "Undo".into(),
            Command::Redo => "Redo".into(),
            Command::Find => "Find…".into(),
            Command::Quit => "Quit".into(),
        }
    }

    pub fn shortcuts(&self) -> &'static [KeyboardShortcut] {
        const NEW: [KeyboardShortcut; 1] = [cmd(Key::N)];
        const OPEN: [KeyboardShortcut; 1] = [cmd(Key::O)];
        const SAVE: [KeyboardShortcut; 1] = [cmd(Key::S)];
        const SAVE_AS: [KeyboardShortcut; 1] = [cmd_shift(Key::S)];
        const EXPORT: [KeyboardShortcut; 1] = [cmd(Key::P)];
        const UNDO: [KeyboardShortcut; 1] = [cmd(Key::Z)];
        // Ctrl+Y on Windows, Shift+Cmd+Z on macOS: both work everywhere.
        const REDO: [KeyboardShortcut; 2] = [cmd_shift(Key::Z), cmd(Key::Y)];
        const FIND: [KeyboardShortcut; 1] = [cmd(Key::F)];
        const QUIT: [KeyboardShortcut; 1] = [cmd(Key::Q)];
        match self {
            Command::New => &NEW,
            Command::Open => &OPEN,
            Command::Save => &SAVE,
            Command::SaveAs => &SAVE_AS,
            Command::ExportPdf => &EXPORT,
            Command::Undo => &UNDO,
            Command::Redo => &REDO,
            Command::Find => &FIND,
            Command::Quit => &QUIT,
            _ => &[],
        }
    }

    /// The shortcut as the platform writes it (`Ctrl+S`, `⌘S`).
    pub fn shortcut_text(&self, ctx: &egui::Context) -> String {
        self.shortcuts()
            .first()
            .map(|s| ctx.format_shortcut(s))
            .unwrap_or_default()
    }
}
