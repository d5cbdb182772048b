//! F6 and Shift+F6 move the keyboard between the window's panes, as in
//! Windows apps: the sections tree, the editor and the findings.

use super::PlanwrightApp;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pane {
    Tree,
    Editor,
    Findings,
}

impl PlanwrightApp {
    /// Moves to the next pane (`delta` 1) or the previous (-1); the
    /// findings are skipped while their panel is hidden.
    pub(super) fn move_pane(&mut self, delta: isize, ctx: &egui::Context) {
        let mut panes = vec![Pane::Tree, Pane::Editor];
        if self.prefs.show_findings {
            panes.push(Pane::Findings);
        }
        let at = panes.iter().position(|p| *p == self.pane).unwrap_or(0) as isize;
        let n = panes.len() as isize;
        let next = panes[(at + delta).rem_euclid(n) as usize];
        self.pane = next;
        self.focus_pane = Some(next);
        // The pane takes the keyboard when it is next drawn.
        ctx.request_repaint();
    }

    /// True once, in the frame a pane is to take the keyboard.
    pub(super) fn take_pane_focus(&mut self, pane: Pane) -> bool {
        if self.focus_pane == Some(pane) {
            self.focus_pane = None;
            true
        } else {
            false
        }
    }
}
