//! The plan's year in the app: the plan year asked for a new plan, and
//! File › Roll forward to next year…, which shows what would change
//! before it opens next year's plan as a new, unsaved document.

use super::prompts::{Answer, Prompt};
use super::{Document, PlanwrightApp};
use crate::model::period::{financial_label, plan_year};
use crate::ui::findings::describe;
use crate::year::{RollForward, parse_year, roll_forward};
use egui::RichText;

/// The plan year a new plan is for unless the author says otherwise.
pub(super) fn default_year() -> String {
    financial_label(crate::template::default_year())
}

/// The plan year field of the new-plan dialog.
pub(super) fn year_field(ui: &mut egui::Ui, year: &mut String) {
    ui.horizontal(|ui| {
        let label = ui.label("Plan year");
        ui.add(egui::TextEdit::singleline(year).desired_width(90.0))
            .labelled_by(label.id);
        ui.label(RichText::new("the financial year the plan is for, like 2027/28").weak());
    });
}

/// What rolling forward changes, and Roll forward or Cancel.
pub(super) fn roll_forward_dialog(ui: &mut egui::Ui, roll: &RollForward) -> Option<Answer> {
    let mut answer = None;
    ui.set_max_width(760.0);
    ui.heading(format!("Roll forward to {}", roll.to));
    ui.label(format!(
        "Next year's plan, made from this {} plan, opens as a new unsaved plan; this plan is not changed.",
        roll.from
    ));
    ui.add_space(6.0);
    ui.label(RichText::new(format!("{} changes", roll.changes.len())).strong());
    // `Paragraph 2` already says it is a paragraph; `column 2 label` adds to `KPI table 2`.
    let place = |location, what: &str| match what {
        "paragraph" | "note" => describe(&roll.plan, location),
        _ => format!("{} › {what}", describe(&roll.plan, location)),
    };
    let changes = (roll.changes.iter()).map(|c| {
        (
            place(&c.location, &c.what),
            format!("{} → {}", c.old, c.new),
        )
    });
    listing(ui, "roll-forward-changes", 230.0, changes);
    ui.add_space(6.0);
    ui.label(
        RichText::new(format!(
            "{} years in the prose to review (left as written)",
            roll.mentions.len()
        ))
        .strong(),
    );
    let mentions = (roll.mentions.iter()).map(|m| (place(&m.location, &m.what), m.excerpt.clone()));
    listing(ui, "roll-forward-mentions", 150.0, mentions);
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        if ui.button("Cancel").clicked() {
            answer = Some(Answer::Cancel);
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button(RichText::new("Roll forward").strong()).clicked() {
                answer = Some(Answer::Accept);
            }
        });
    });
    answer
}

/// A scrolled list of lines, each with its place in small print first.
fn listing(
    ui: &mut egui::Ui,
    id: &str,
    height: f32,
    lines: impl Iterator<Item = (String, String)>,
) {
    egui::ScrollArea::vertical()
        .id_salt(id)
        .max_height(height)
        .show(ui, |ui| {
            for (place, text) in lines {
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(place).weak().small());
                    ui.label(text);
                });
            }
        });
}

impl PlanwrightApp {
    /// Keeps [`PlanwrightApp::year_template`] to the plan's template and
    /// year, reading the template again only when either changes.
    pub(super) fn refresh_year_template(&mut self) {
        let plan = self.doc.plan();
        let Some(template) = self.templates.iter().find(|t| t.id == plan.template) else {
            self.year_template = None;
            return;
        };
        let year = plan_year(plan).map_or(template.written_for(), |label| label.year);
        let current = (self.year_template.as_ref())
            .is_some_and(|t| t.id == template.id && t.written_for() == year);
        if !current {
            self.year_template = Some(template.for_year(year));
        }
    }

    /// Shows the roll-forward dialog for the plan, or why it cannot be.
    pub(super) fn offer_roll_forward(&mut self) {
        self.prompt = Some(match roll_forward(self.doc.plan(), None) {
            Ok(roll) => Prompt::RollForward(Box::new(roll)),
            Err(e) => Prompt::Error {
                title: "The plan cannot be rolled forward".into(),
                message: e.to_string(),
            },
        });
    }

    /// Opens next year's plan as a new, unsaved document.
    pub(super) fn apply_roll_forward(&mut self, roll: RollForward) {
        let (changes, mentions) = (roll.changes.len(), roll.mentions.len());
        self.replace_document(Document::unsaved(roll.plan));
        // Unsaved work from the start: keep a recovery copy.
        self.recovery_stale = true;
        self.status = format!(
            "Rolled forward to {}: {changes} changes, {mentions} years in the prose to review. Save to keep it.",
            roll.to
        );
    }

    /// A new plan from template `template` for the year `year` names.
    pub(super) fn new_for_year(&mut self, template: usize, year: &str, ctx: &egui::Context) {
        match parse_year(year) {
            Ok(year) => self.guard(super::prompts::AfterPrompt::New(template, year), ctx),
            Err(e) => {
                self.prompt = Some(Prompt::Error {
                    title: "Which plan year?".into(),
                    message: e.to_string(),
                })
            }
        }
    }
}
