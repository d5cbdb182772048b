//! One section's editor: its heading, the template's guidance, every block
//! editable in place, and its sub-sections.

use super::list::ListEditor;
use super::orgchart::OrgChartEditor;
use super::paragraph::{HeadingEditor, NoteEditor, ParagraphEditor, RichField};
use super::table::TableEditor;
use super::{EditContext, Editor, Page, guidance_box, icon_button, name_widget, show_findings};
use crate::edit::{Edit, ItemOp, block_name};
use crate::model::nesting::MAX_NESTING;
use crate::model::{
    Block, Column, ColumnKind, Heading, List, ListItem, Location, Note, OrgChart, Rich, Section,
    Table, TableKind,
};
use egui::{Id, RichText, Ui};

pub struct SectionEditor<'p> {
    pub path: &'p [usize],
}

impl Editor<Section> for SectionEditor<'_> {
    fn ui(&mut self, ui: &mut Ui, section: &mut Section, cx: &mut EditContext<'_>) {
        let id = Id::unique("section").with(self.path);
        self.heading_fields(ui, section, id, cx);
        let template = cx.template.map_or("", |t| t.id.as_str());
        let guidance = crate::template::guidance(template, section);
        guidance_box(ui, id, guidance, section.is_empty());
        // A line kept for the section's findings, so the page does not
        // jump when "required section … is empty" comes or goes.
        let top = ui.cursor().min.y;
        show_findings(ui, cx, &Location::section(self.path));
        let line = ui.text_style_height(&egui::TextStyle::Body) + ui.spacing().item_spacing.y;
        let used = ui.cursor().min.y - top;
        if used < line {
            ui.add_space(line - used);
        }
        ui.add_space(6.0);

        let mut op = None;
        let count = section.blocks.len();
        for (b, block) in section.blocks.iter_mut().enumerate() {
            let location = Location::block(self.path, b);
            let frame = egui::Frame::group(ui.style()).inner_margin(8.0);
            let response = frame
                .show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    let name = block_name(block, b);
                    ui.horizontal(|ui| {
                        cx.block_label = Some(ui.label(RichText::new(&name).strong()).id);
                        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                            if icon_button(ui, "✕", &format!("Remove {name}"), true) {
                                op = Some(ItemOp::Remove(b));
                            }
                            super::comments::marker(ui, cx, &location, &name);
                            if icon_button(ui, "↓", &format!("Move {name} down"), b + 1 < count) {
                                op = Some(ItemOp::Down(b));
                            }
                            if icon_button(ui, "↑", &format!("Move {name} up"), b > 0) {
                                op = Some(ItemOp::Up(b));
                            }
                        });
                    });
                    block_editor(ui, block, &name, id.with(b), location.clone(), cx);
                    cx.block_label = None;
                    show_findings(ui, cx, &location);
                })
                .response;
            let focused = ui.ctx().memory(|m| m.focused());
            let focused = focused.and_then(|id| ui.ctx().read_response(id));
            if focused.is_some_and(|f| response.rect.contains_rect(f.rect)) {
                cx.editing = Some(location.clone());
            }
            if cx.is_jump_target(&location) {
                response.scroll_to_me(Some(egui::Align::TOP));
                cx.jump = None;
            }
            ui.add_space(4.0);
        }
        if section.blocks.is_empty() {
            let note = if section.subsections.is_empty() {
                "This section has no content yet: add a block."
            } else {
                "This section's content is in its sub-sections, listed below; add a block to write under its own heading."
            };
            ui.label(RichText::new(note).weak());
        }
        let here = self.path.to_vec();
        if let Some(op) = op {
            cx.edit(Edit::Block {
                section: here.clone(),
                op,
            });
        }
        ui.horizontal(|ui| {
            let mut added = add_block_menu(ui, cx);
            if ui
                .button("+ Add sub-heading")
                .on_hover_text(
                    "A heading between this section's blocks (an outcome's title, a partner's name); \
                     printed as a heading, listed in the outline",
                )
                .clicked()
            {
                added = Some(Block::Heading(Heading::default()));
            }
            if let Some(block) = added {
                cx.edit(Edit::AddBlock {
                    section: here,
                    block: Box::new(block),
                });
            }
        });
        ui.add_space(10.0);
        self.subsections(ui, section, cx);
    }
}

impl SectionEditor<'_> {
    /// Two rows: the heading with its number, then the part label and the
    /// page break (a laptop screen has no height to spare).
    fn heading_fields(&self, ui: &mut Ui, section: &mut Section, id: Id, cx: &mut EditContext<'_>) {
        egui::Grid::new(id.with("heading"))
            .num_columns(2)
            .spacing([8.0, 6.0])
            .min_col_width(60.0)
            .show(ui, |ui| {
                let label = ui.label("Heading");
                ui.horizontal(|ui| {
                    let number = ui.add(
                        egui::TextEdit::singleline(&mut section.number)
                            .desired_width(80.0)
                            .hint_text("Number"),
                    );
                    name_widget(ui, &number, "Heading number");
                    cx.take_focus(&number);
                    if number.changed() {
                        cx.typed(number.id);
                    }
                    // Before the heading, which takes the rest of the row.
                    let here = Location::section(self.path);
                    super::comments::marker(ui, cx, &here, "the section");
                    RichField::new("Heading", id.with("heading-text"))
                        .single_line()
                        .labelled_by(Some(label.id))
                        .hint("The heading as printed")
                        .ui(ui, &mut section.heading, cx);
                });
                ui.end_row();

                let label = ui.label("Part");
                // Wraps at 200 % on a laptop rather than squeezing the
                // field to nothing.
                ui.horizontal_wrapped(|ui| {
                    let width = (ui.available_width() - 330.0).max(240.0);
                    let part = ui
                        .add(
                            egui::TextEdit::singleline(&mut section.part)
                                .desired_width(width)
                                .hint_text("A part label above the heading, e.g. SECTION 2: PRIORITIES (optional)"),
                        )
                        .labelled_by(label.id);
                    if part.changed() {
                        cx.typed(part.id);
                    }
                    let mut new_page = section.new_page;
                    if ui.checkbox(&mut new_page, "Start on a new page").changed() {
                        section.new_page = new_page;
                        cx.step();
                    }
                    let template = cx.template.map_or("", |t| t.id.as_str());
                    if crate::template::is_required(template, section) {
                        ui.label(RichText::new("Required by the template").weak());
                    }
                });
                ui.end_row();

                // A row of its own: its label in the labels' column.
                if !cx.units.is_empty() {
                    super::units::unit_picker(ui, "Section", &mut section.unit, cx);
                    ui.end_row();
                }
            });
    }

    fn subsections(&self, ui: &mut Ui, section: &mut Section, cx: &mut EditContext<'_>) {
        ui.separator();
        ui.label(RichText::new("Sub-sections").strong());
        let mut op = None;
        let count = section.subsections.len();
        for (i, sub) in section.subsections.iter().enumerate() {
            let title = super::section_label(cx.template.map_or("", |t| t.id.as_str()), sub);
            ui.horizontal(|ui| {
                if ui
                    .link(&title)
                    .on_hover_text(format!("Open {title}"))
                    .clicked()
                {
                    let mut path = self.path.to_vec();
                    path.push(i);
                    cx.open(Page::Section(path));
                }
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if icon_button(ui, "✕", &format!("Remove sub-section {title}"), true) {
                        op = Some(ItemOp::Remove(i));
                    }
                    if icon_button(
                        ui,
                        "↓",
                        &format!("Move sub-section {title} down"),
                        i + 1 < count,
                    ) {
                        op = Some(ItemOp::Down(i));
                    }
                    if icon_button(ui, "↑", &format!("Move sub-section {title} up"), i > 0) {
                        op = Some(ItemOp::Up(i));
                    }
                });
            });
        }
        if let Some(op) = op {
            cx.edit(Edit::Subsection {
                section: self.path.to_vec(),
                op,
            });
        }
        let room_inside = self.path.len() < MAX_NESTING;
        if ui
            .add_enabled(room_inside, egui::Button::new("+ Add sub-section"))
            .on_disabled_hover_text(format!("Sections nest at most {MAX_NESTING} levels"))
            .clicked()
        {
            cx.edit(Edit::AddSubsection {
                section: self.path.to_vec(),
            });
        }
    }
}

fn block_editor(
    ui: &mut Ui,
    block: &mut Block,
    name: &str,
    id: Id,
    location: Location,
    cx: &mut EditContext<'_>,
) {
    match block {
        Block::Heading(heading) => HeadingEditor { name, id }.ui(ui, heading, cx),
        Block::Paragraph(text) => ParagraphEditor { name, id }.ui(ui, text, cx),
        Block::List(list) => ListEditor { name, id }.ui(ui, list, cx),
        Block::Note(note) => NoteEditor { name, id }.ui(ui, note, cx),
        Block::Table(table) => TableEditor { name, id, location }.ui(ui, table, cx),
        Block::OrgChart(chart) => OrgChartEditor { name, id }.ui(ui, chart, cx),
    }
}

/// The "Add block" menu; returns the new block when one was picked.
fn add_block_menu(ui: &mut Ui, cx: &EditContext<'_>) -> Option<Block> {
    let mut picked = None;
    ui.menu_button("+ Add block", |ui| {
        if ui.button("Paragraph").clicked() {
            picked = Some(Block::Paragraph(Rich::default()));
        }
        if ui.button("List").clicked() {
            picked = Some(Block::List(List {
                items: vec![ListItem::new("")],
                ..List::default()
            }));
        }
        if ui.button("Note").clicked() {
            picked = Some(Block::Note(Note::default()));
        }
        ui.menu_button("Table ▸", |ui| {
            for kind in TableKind::ALL {
                let shape = cx.template.and_then(|t| t.table(kind));
                if (shape.is_some() || kind == TableKind::Generic)
                    && ui.button(kind_title(kind)).clicked()
                {
                    picked = Some(Block::Table(
                        shape.cloned().unwrap_or_else(|| generic_table(kind)),
                    ));
                }
            }
        });
        if ui.button("Structure chart").clicked() {
            picked = Some(Block::OrgChart(OrgChart::default()));
        }
    });
    picked
}

/// `Budget table` for the menu.
pub fn kind_title(kind: TableKind) -> String {
    let name = kind.name();
    let mut title = name[..1].to_uppercase();
    title.push_str(&name[1..]);
    title
}

fn generic_table(kind: TableKind) -> Table {
    let mut table = Table::new(
        kind,
        vec![
            Column::new("Column 1", ColumnKind::Text),
            Column::new("Column 2", ColumnKind::Text),
        ],
    );
    table
        .rows
        .push(table.blank_row(crate::model::RowKind::Data));
    table
}
