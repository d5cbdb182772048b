//! Every command the app has. Each has one descriptor (its text, tooltip
//! and shortcuts on each operating system) used by the menus, the toolbar
//! and the shortcut handler alike, as rerun's `UICommand` does.

use egui::os::OperatingSystem;
use egui::{Key, KeyboardShortcut, Modifiers};
use std::path::PathBuf;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// Asks which template to start from.
    New,
    /// Asks the plan year for a new plan from this template.
    NewFromTemplate(usize),
    /// Shows what moving the plan on a year would change, then does it.
    RollForward,
    Open,
    OpenPath(PathBuf),
    Save,
    SaveAs,
    ExportPdf,
    /// The PDF with the open review comments printed.
    ExportReview,
    ExportHtml,
    /// Lists what changed since another version of the plan.
    CompareWith,
    /// Gathers plans into one directorate pack.
    MakePack,
    Undo,
    Redo,
    Find,
    Replace,
    Bold,
    Italic,
    Underline,
    Superscript,
    Link,
    /// Shows or hides the review comments panel.
    Comments,
    /// F6: the next of the tree, the editor and the findings.
    NextPane,
    PreviousPane,
    Quit,
}

/// What the menus, toolbar and shortcut handler show for a command.
pub struct Descriptor {
    pub text: &'static str,
    pub tooltip: &'static str,
}

const fn key(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

const CMD: Modifiers = Modifiers::COMMAND;
const CMD_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);

impl Command {
    /// The commands that need no argument, i.e. all with a descriptor.
    pub const ALL: [Command; 23] = [
        Command::New,
        Command::RollForward,
        Command::Open,
        Command::Save,
        Command::SaveAs,
        Command::ExportPdf,
        Command::ExportReview,
        Command::ExportHtml,
        Command::CompareWith,
        Command::MakePack,
        Command::Undo,
        Command::Redo,
        Command::Find,
        Command::Replace,
        Command::Bold,
        Command::Italic,
        Command::Underline,
        Command::Superscript,
        Command::Link,
        Command::Comments,
        Command::NextPane,
        Command::PreviousPane,
        Command::Quit,
    ];

    pub fn descriptor(&self) -> Descriptor {
        let (text, tooltip) = match self {
            Command::New => ("New…", "Start a new plan from a template"),
            Command::NewFromTemplate(_) => ("New plan", "Start a new plan from this template"),
            Command::RollForward => (
                "Roll forward to next year…",
                "Start next year's plan from this one: its year labels move on, last year's figures move back a period",
            ),
            Command::Open => ("Open…", "Open a plan file"),
            Command::OpenPath(_) => ("Open", "Open this plan"),
            Command::Save => ("Save", "Save the plan"),
            Command::SaveAs => ("Save As…", "Save the plan under another name"),
            Command::ExportPdf => ("Export PDF…", "Print the plan to a PDF for sign-off"),
            Command::ExportReview => (
                "Export review copy…",
                "Print the plan with its open comments numbered, for reviewers",
            ),
            Command::ExportHtml => (
                "Export HTML…",
                "Write the plan as an accessible web page for publishing",
            ),
            Command::CompareWith => (
                "Compare with…",
                "List what changed since another version of this plan",
            ),
            Command::MakePack => (
                "Make a pack…",
                "Gather the directorate's plans into one PDF with one cover and contents",
            ),
            Command::Undo => ("Undo", "Undo the last change"),
            Command::Redo => ("Redo", "Redo what was undone"),
            Command::Find => ("Find…", "Find text in the plan"),
            Command::Replace => ("Replace…", "Find text and replace it"),
            Command::Bold => ("Bold", "Bold the selected text"),
            Command::Italic => ("Italic", "Italicise the selected text"),
            Command::Underline => ("Underline", "Underline the selected text"),
            Command::Superscript => ("Superscript", "Raise the selected text (as in 1st)"),
            Command::Link => ("Link…", "Make the selected text a link"),
            Command::Comments => (
                "Comments",
                "Show or hide the review comments: add, reply, resolve, go to each",
            ),
            Command::NextPane => (
                "Next pane",
                "Move to the next of the sections, the editor and the findings",
            ),
            Command::PreviousPane => ("Previous pane", "Move to the previous pane"),
            Command::Quit => ("Quit", "Close Planwright"),
        };
        Descriptor { text, tooltip }
    }

    /// The label a menu item shows.
    pub fn label(&self) -> String {
        match self {
            Command::OpenPath(path) => path.display().to_string(),
            other => other.descriptor().text.to_owned(),
        }
    }

    /// The command's shortcuts on `os`; the first is the one shown.
    pub fn shortcuts(&self, os: OperatingSystem) -> Vec<KeyboardShortcut> {
        let mac = os == OperatingSystem::Mac;
        match self {
            Command::New => vec![key(CMD, Key::N)],
            Command::Open => vec![key(CMD, Key::O)],
            Command::Save => vec![key(CMD, Key::S)],
            Command::SaveAs => vec![key(CMD_SHIFT, Key::S)],
            Command::ExportPdf => vec![key(CMD, Key::P)],
            Command::Undo => vec![key(CMD, Key::Z)],
            // Shift+Cmd+Z on macOS; Ctrl+Y on Windows, with Ctrl+Shift+Z too.
            Command::Redo if mac => vec![key(CMD_SHIFT, Key::Z)],
            Command::Redo => vec![key(CMD, Key::Y), key(CMD_SHIFT, Key::Z)],
            Command::Find => vec![key(CMD, Key::F)],
            // Word's Ctrl+H; on macOS Cmd+H hides the app, so Cmd+Option+F.
            Command::Replace if mac => vec![key(CMD.plus(Modifiers::ALT), Key::F)],
            Command::Replace => vec![key(CMD, Key::H)],
            Command::Bold => vec![key(CMD, Key::B)],
            Command::Italic => vec![key(CMD, Key::I)],
            Command::Underline => vec![key(CMD, Key::U)],
            // Word's Ctrl+Shift+= (the + key); Ctrl+= alone is zoom.
            Command::Superscript => vec![key(CMD_SHIFT, Key::Plus)],
            Command::Link => vec![key(CMD, Key::K)],
            // Word's New Comment is Ctrl+Alt+M; Ctrl+Shift+M shows the panel here.
            Command::Comments => vec![key(CMD_SHIFT, Key::M)],
            Command::NextPane => vec![key(Modifiers::NONE, Key::F6)],
            Command::PreviousPane => vec![key(Modifiers::SHIFT, Key::F6)],
            // Windows closes with Alt+F4, which the system handles.
            Command::Quit => vec![key(CMD, Key::Q)],
            // Publishing is occasional: from the File menu, like Word's Save as Web Page.
            // Yearly, so from the File menu only.
            Command::RollForward => Vec::new(),
            // The review copy is made once a round: from the File menu.
            Command::ExportHtml
            | Command::ExportReview
            | Command::CompareWith
            | Command::MakePack
            | Command::NewFromTemplate(_)
            | Command::OpenPath(_) => Vec::new(),
        }
    }

    /// The shortcut as the platform writes it (`Ctrl+S`, `⌘S`).
    pub fn shortcut_text(&self, ctx: &egui::Context) -> String {
        self.shortcuts(ctx.os())
            .first()
            .map(|s| ctx.format_shortcut(s))
            .unwrap_or_default()
    }

    /// `Save (Ctrl+S)`, for a toolbar button's tooltip.
    pub fn tooltip(&self, ctx: &egui::Context) -> String {
        let descriptor = self.descriptor();
        match self.shortcut_text(ctx) {
            shortcut if shortcut.is_empty() => descriptor.tooltip.to_owned(),
            shortcut => format!("{} ({shortcut})", descriptor.tooltip),
        }
    }

    /// Every command's shortcuts on `os`, those with more modifiers first,
    /// so Ctrl+Shift+S is matched before Ctrl+S would take it.
    pub fn shortcut_table(os: OperatingSystem) -> Vec<(Command, KeyboardShortcut)> {
        let mut table: Vec<(Command, KeyboardShortcut)> = Command::ALL
            .iter()
            .flat_map(|c| c.shortcuts(os).into_iter().map(move |s| (c.clone(), s)))
            .collect();
        let weight = |m: Modifiers| [m.alt, m.shift, m.command || m.ctrl || m.mac_cmd];
        table.sort_by_key(|(_, s)| {
            std::cmp::Reverse(weight(s.modifiers).iter().filter(|b| **b).count())
        });
        table
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SYSTEMS: [OperatingSystem; 3] = [
        OperatingSystem::Windows,
        OperatingSystem::Mac,
        OperatingSystem::Nix,
    ];

    #[test]
    fn no_two_commands_share_a_shortcut() {
        for os in SYSTEMS {
            let table = Command::shortcut_table(os);
            for (i, (a, sa)) in table.iter().enumerate() {
                for (b, sb) in &table[i + 1..] {
                    assert!(sa != sb, "{a:?} and {b:?} share {sa:?} on {os:?}");
                }
            }
        }
    }

    #[test]
    fn shortcuts_leave_the_zoom_and_system_keys_alone() {
        // egui's zoom (Ctrl +, -, 0) and macOS's Cmd+H (hide), Cmd+M.
        let reserved = [
            key(CMD, Key::Plus),
            key(CMD, Key::Equals),
            key(CMD, Key::Minus),
            key(CMD, Key::Num0),
        ];
        for os in SYSTEMS {
            for (command, shortcut) in Command::shortcut_table(os) {
                assert!(
                    !reserved.contains(&shortcut),
                    "{command:?} takes a zoom key"
                );
                if os == OperatingSystem::Mac {
                    assert!(
                        ![key(CMD, Key::H), key(CMD, Key::M)].contains(&shortcut),
                        "{command:?} takes a macOS system key"
                    );
                }
            }
        }
    }

    #[test]
    fn the_more_specific_shortcut_is_matched_first() {
        let table = Command::shortcut_table(OperatingSystem::Windows);
        let at = |c: Command| table.iter().position(|(x, _)| *x == c).unwrap();
        assert!(at(Command::SaveAs) < at(Command::Save));
        assert!(Command::ALL.iter().all(|c| !c.descriptor().text.is_empty()));
    }
}
