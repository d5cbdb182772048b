//! Review comments on screen: the marker beside what comments concern,
//! and the comments panel (by section, open first; jump, add, reply,
//! resolve). Every change goes out as an edit for the shell to apply.

use super::{EditContext, Intent, icon_button};
use crate::edit::comments::{SectionComments, by_section};
use crate::edit::{CommentOp, Edit};
use crate::model::comment::{Placed, concerns};
use crate::model::{Comment, CommentId, Location, Plan, Reply};
use egui::{RichText, Ui};

/// The marker beside a heading, block or row: how many open comments
/// it has (a link to the panel), and a button to add one. `name` is what
/// it is called on screen (`Paragraph 2`, `the section`).
pub fn marker(ui: &mut Ui, cx: &mut EditContext<'_>, location: &Location, name: &str) {
    let open = cx.open_comments.iter().filter(|l| *l == location).count();
    if open > 0 {
        let text = match open {
            1 => "✎ 1 comment".to_owned(),
            n => format!("✎ {n} comments"),
        };
        let link = ui
            .link(RichText::new(text).color(ui.visuals().warn_fg_color))
            .on_hover_text(format!("Open comments on {name}: show them"));
        super::set_accessible_name(ui, &link, &format!("Open comments on {name}"));
        if link.clicked() {
            cx.intents.push(Intent::ShowComments);
        }
    }
    if icon_button(ui, "✎", &format!("Comment on {name}"), true) {
        cx.intents.push(Intent::NewComment(location.clone()));
    }
}

/// A cell's right-click menu, to comment on the cell itself.
pub fn cell_menu(response: &egui::Response, cx: &mut EditContext<'_>, location: &Location) {
    response.context_menu(|ui| {
        if ui.button("✎ Comment on this cell").clicked() {
            cx.intents.push(Intent::NewComment(location.clone()));
            ui.close();
        }
    });
}

/// What the panel keeps between frames: the comment being written and
/// the reply being written.
#[derive(Default)]
pub struct PanelState {
    /// Where the new comment goes, and its text so far.
    pub draft: Option<(Location, String)>,
    pub reply: Option<(CommentId, String)>,
    /// The reviewer's name as typed, before it is kept.
    pub name: String,
}

/// What the panel asks of the shell besides intents.
pub struct PanelOut {
    pub intents: Vec<Intent>,
    /// The reviewer's name, to keep in the preferences.
    pub reviewer: Option<String>,
    /// The panel was closed.
    pub close: bool,
}

/// The comments panel. `reviewer` signs new comments and replies; with
/// none yet, the panel asks for it first. `today` dates them.
pub fn panel(
    ui: &mut Ui,
    plan: &Plan,
    state: &mut PanelState,
    reviewer: &str,
    today: &str,
) -> PanelOut {
    let mut out = PanelOut {
        intents: Vec::new(),
        reviewer: None,
        close: false,
    };
    ui.horizontal(|ui| {
        ui.heading("Comments");
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            out.close = icon_button(ui, "✕", "Close the comments panel", true);
        });
    });
    let writing = state.draft.is_some() || state.reply.is_some();
    if reviewer.trim().is_empty() && writing {
        ask_name(ui, state, &mut out);
        return out;
    }
    if let Some((at, text)) = &mut state.draft {
        ui.label(RichText::new(format!("New comment on {}", concerns(plan, at))).strong());
        let field = ui.add(
            egui::TextEdit::multiline(text)
                .desired_rows(3)
                .desired_width(f32::INFINITY)
                .hint_text("What should the author look at?"),
        );
        super::name_widget(ui, &field, "New comment");
        let mut done = false;
        ui.horizontal(|ui| {
            let ready = !text.trim().is_empty();
            if ui
                .add_enabled(ready, egui::Button::new("Add comment"))
                .clicked()
            {
                let comment = Comment::new(reviewer, today, text.trim());
                out.intents.push(Intent::Edit(Edit::Comment(CommentOp::Add {
                    at: at.clone(),
                    comment,
                })));
                done = true;
            }
            done |= ui.button("Cancel").clicked();
        });
        if done {
            state.draft = None;
        }
        ui.separator();
    }
    let groups = by_section(plan);
    if groups.is_empty() {
        ui.label(
            RichText::new(
                "No comments. Use ✎ beside a heading, a block or a row's menu to add one.",
            )
            .weak(),
        );
    }
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for group in &groups {
                section_group(ui, plan, group, state, reviewer, today, &mut out);
            }
        });
    out
}

fn ask_name(ui: &mut Ui, state: &mut PanelState, out: &mut PanelOut) {
    ui.label("Your name, to sign your comments (asked once):");
    let field = ui.add(egui::TextEdit::singleline(&mut state.name).hint_text("Name"));
    super::name_widget(ui, &field, "Your name for comments");
    let ready = !state.name.trim().is_empty();
    if ui
        .add_enabled(ready, egui::Button::new("Use this name"))
        .clicked()
    {
        out.reviewer = Some(state.name.trim().to_owned());
    }
}

fn section_group(
    ui: &mut Ui,
    plan: &Plan,
    group: &SectionComments<'_>,
    state: &mut PanelState,
    reviewer: &str,
    today: &str,
    out: &mut PanelOut,
) {
    ui.label(RichText::new(&group.name).strong());
    for (i, placed) in group.comments.iter().enumerate() {
        ui.push_id((&group.section, i), |ui| {
            thread(ui, plan, placed, state, reviewer, today, out);
        });
    }
    ui.add_space(6.0);
}

fn thread(
    ui: &mut Ui,
    plan: &Plan,
    placed: &Placed<'_>,
    state: &mut PanelState,
    reviewer: &str,
    today: &str,
    out: &mut PanelOut,
) {
    let comment = placed.comment;
    let about = concerns(plan, &placed.location);
    let frame = egui::Frame::group(ui.style()).inner_margin(6.0);
    frame.show(ui, |ui| {
        ui.set_width(ui.available_width());
        let status = if comment.resolved { "Resolved" } else { "Open" };
        let mut heading = RichText::new(format!("{status}: {} on {about}", comment.author));
        if comment.resolved {
            heading = heading.weak();
        }
        let link = ui
            .link(heading)
            .on_hover_text("Go to what this comment is about");
        let first_words: String = comment.text.chars().take(40).collect();
        super::set_accessible_name(
            ui,
            &link,
            &format!("Go to comment by {}: {first_words}", comment.author),
        );
        if link.clicked() {
            out.intents.push(Intent::Reveal(placed.location.clone()));
        }
        if !comment.date.is_empty() {
            ui.label(RichText::new(&comment.date).weak());
        }
        ui.label(&comment.text);
        for reply in &comment.replies {
            ui.horizontal_wrapped(|ui| {
                ui.add_space(12.0);
                ui.label(RichText::new(format!("{}:", reply.author)).strong());
                ui.label(&reply.text);
            });
        }
        let replying = state.reply.as_ref().is_some_and(|(id, _)| *id == placed.id);
        if replying {
            reply_field(ui, placed, state, reviewer, today, out);
            return;
        }
        ui.horizontal(|ui| {
            if ui.button("Reply").clicked() {
                state.reply = Some((placed.id.clone(), String::new()));
            }
            let (label, resolved) = match comment.resolved {
                false => ("Resolve", true),
                true => ("Reopen", false),
            };
            if ui.button(label).clicked() {
                out.intents
                    .push(Intent::Edit(Edit::Comment(CommentOp::SetResolved {
                        id: placed.id.clone(),
                        resolved,
                    })));
            }
        });
    });
}

fn reply_field(
    ui: &mut Ui,
    placed: &Placed<'_>,
    state: &mut PanelState,
    reviewer: &str,
    today: &str,
    out: &mut PanelOut,
) {
    let Some((_, text)) = &mut state.reply else {
        return;
    };
    let field = ui.add(
        egui::TextEdit::multiline(text)
            .desired_rows(2)
            .desired_width(f32::INFINITY),
    );
    super::name_widget(ui, &field, "Reply");
    let mut done = false;
    ui.horizontal(|ui| {
        if ui
            .add_enabled(!text.trim().is_empty(), egui::Button::new("Send reply"))
            .clicked()
        {
            let reply = Reply {
                author: reviewer.to_owned(),
                date: today.to_owned(),
                text: text.trim().to_owned(),
            };
            out.intents
                .push(Intent::Edit(Edit::Comment(CommentOp::Reply {
                    id: placed.id.clone(),
                    reply,
                })));
            done = true;
        }
        done |= ui.button("Cancel").clicked();
    });
    if done {
        state.reply = None;
    }
}
