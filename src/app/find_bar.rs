//! The find and replace bar above the editor. Enter in the find box goes
//! to the next match (Shift+Enter the previous) and keeps the keyboard in
//! the box, so Word's Find Next habit never types into the plan.

use crate::edit::find::{Match, Query, Replace, search};
use crate::edit::{Edit, Page};
use crate::model::{Location, Plan};
use crate::ui::Intent;
use egui::{Key, Ui};

#[derive(Default)]
pub struct FindBar {
    pub open: bool,
    replacing: bool,
    query: Query,
    this_page_only: bool,
    with: String,
    /// The query the results are for; `None` after the plan changed.
    searched: Option<Query>,
    results: Vec<Match>,
    /// The match last gone to, and where it was (to carry on from there
    /// after the plan changed, not from the start).
    current: Option<usize>,
    current_place: Option<Location>,
    /// Go to the next match once the results are fresh (after Replace).
    advance: bool,
    focus: bool,
}

/// How many results the list shows.
const LISTED: usize = 200;

impl FindBar {
    /// The plan changed: search again before showing results.
    pub fn invalidate(&mut self) {
        self.searched = None;
    }

    pub fn show(&mut self, replacing: bool) {
        self.open = true;
        self.replacing |= replacing;
        self.focus = true;
    }

    fn refresh(&mut self, plan: &Plan, page: &Page) {
        self.query.scope = self.this_page_only.then(|| page.clone());
        if self.searched.as_ref() == Some(&self.query) {
            return;
        }
        self.results = search(plan, &self.query);
        self.searched = Some(self.query.clone());
        // Carry on from the place last gone to: the match there, or the
        // first after it.
        self.current = self.current_place.as_ref().and_then(|place| {
            self.results
                .iter()
                .position(|m| m.location >= *place)
                .and_then(|i| i.checked_sub(1))
        });
    }

    /// The next (or previous) match after the current one, as a place to go.
    fn step(&mut self, forward: bool) -> Option<Intent> {
        let n = self.results.len();
        if n == 0 {
            return None;
        }
        let next = match (self.current, forward) {
            (None, true) => 0,
            (None, false) => n - 1,
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
        };
        Some(self.go(next))
    }

    fn go(&mut self, i: usize) -> Intent {
        self.current = Some(i);
        let location = self.results[i].location.clone();
        self.current_place = Some(location.clone());
        Intent::Reveal(location)
    }

    /// Draws the bar; returns where to go and what to replace.
    pub fn ui(&mut self, ui: &mut Ui, plan: &Plan, page: &Page) -> Vec<Intent> {
        let mut intents = Vec::new();
        self.refresh(plan, page);
        if std::mem::take(&mut self.advance) {
            intents.extend(self.step(true));
        }
        ui.horizontal_wrapped(|ui| {
            let label = ui.label("Find text");
            let response = ui
                .add(
                    egui::TextEdit::singleline(&mut self.query.text)
                        .desired_width(220.0)
                        .hint_text("Text to find"),
                )
                .labelled_by(label.id);
            if std::mem::take(&mut self.focus) {
                response.request_focus();
            }
            // A single-line field gives up the keyboard on Enter: take it
            // back, so the next Enter is the next match again.
            let enter = response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
            if enter {
                response.request_focus();
            }
            self.refresh(plan, page);
            let n = self.results.len();
            let shift = ui.input(|i| i.modifiers.shift);
            let previous = ui
                .add_enabled(n > 0, egui::Button::new("Previous"))
                .on_hover_text("Previous match (Shift+Enter)")
                .clicked();
            let next = ui
                .add_enabled(n > 0, egui::Button::new("Next"))
                .on_hover_text("Next match (Enter)")
                .clicked();
            if next || previous || enter {
                intents.extend(self.step(!(previous || (enter && shift))));
            }
            ui.label(self.count_text());
            ui.checkbox(&mut self.query.match_case, "Match case");
            ui.checkbox(&mut self.query.whole_word, "Whole word");
            ui.checkbox(&mut self.this_page_only, "This page only")
                .on_hover_text("Only the page shown: the cover, or this section");
            if ui
                .button("Close")
                .on_hover_text("Close the find bar (Esc)")
                .clicked()
                || (response.has_focus() && ui.input(|i| i.key_pressed(Key::Escape)))
            {
                self.open = false;
            }
        });
        if self.replacing {
            ui.horizontal(|ui| {
                let label = ui.label("Replace with");
                ui.add(egui::TextEdit::singleline(&mut self.with).desired_width(220.0))
                    .labelled_by(label.id);
                let n = self.results.len();
                if ui
                    .add_enabled(n > 0, egui::Button::new("Replace match"))
                    .on_hover_text("Replace the current match and go to the next")
                    .clicked()
                {
                    intents.extend(self.replace_current());
                }
                if ui
                    .add_enabled(n > 0, egui::Button::new("Replace all"))
                    .on_hover_text("Replace every match (one step to undo)")
                    .clicked()
                {
                    intents.push(Intent::Edit(Edit::Replace(Replace {
                        query: self.query.clone(),
                        with: self.with.clone(),
                        only: None,
                    })));
                }
            });
        }
        if !self.results.is_empty() {
            egui::ScrollArea::vertical()
                .id_salt("find-results")
                .max_height(110.0)
                .show(ui, |ui| {
                    for i in 0..self.results.len().min(LISTED) {
                        let m = &self.results[i];
                        let text = format!("{}: {}", m.section, m.snippet);
                        let current = self.current == Some(i);
                        if ui.selectable_label(current, text).clicked() {
                            intents.push(self.go(i));
                        }
                    }
                });
        }
        intents
    }

    fn count_text(&self) -> String {
        let n = self.results.len();
        match (self.query.text.trim().is_empty(), n, self.current) {
            (true, _, _) => String::new(),
            (false, 0, _) => "Not found".to_owned(),
            (false, n, Some(i)) => format!("{} of {n}", i + 1),
            (false, 1, None) => "1 place".to_owned(),
            (false, n, None) => format!("{n} places"),
        }
    }

    /// Word's Replace: replaces the current match and then goes to the
    /// next (once the plan has changed), or first goes to a match.
    fn replace_current(&mut self) -> Vec<Intent> {
        let Some(i) = self.current.filter(|i| *i < self.results.len()) else {
            return self.step(true).into_iter().collect();
        };
        let location = self.results[i].location.clone();
        // Which of the matches at that place it is.
        let nth = self.results[..i]
            .iter()
            .filter(|m| m.location == location)
            .count();
        self.current_place = Some(location.clone());
        self.advance = true;
        vec![Intent::Edit(Edit::Replace(Replace {
            query: self.query.clone(),
            with: self.with.clone(),
            only: Some((location, nth)),
        }))]
    }
}
