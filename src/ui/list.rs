//! Lists: add, remove, reorder and indent items; items are styled text.
//! Buttons record an operation while drawing; it is applied after, so the
//! list is never changed under the loop that draws it.

use super::paragraph::RichField;
use super::{EditContext, Editor, icon_button};
use crate::model::nesting::{MAX_NESTING, list_depth};
use crate::model::{List, ListItem, ListStyle};
use egui::{Id, Ui};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Op {
    Up,
    Down,
    Indent,
    Outdent,
    Remove,
    InsertAfter,
}

/// An editor for a list block (and a list inside a table cell).
pub struct ListEditor<'n> {
    pub name: &'n str,
    pub id: Id,
}

impl Editor<List> for ListEditor<'_> {
    fn ui(&mut self, ui: &mut Ui, list: &mut List, cx: &mut EditContext<'_>) {
        ui.horizontal(|ui| {
            let label = ui.label("Markers:");
            let before = list.style;
            egui::ComboBox::from_id_salt(self.id.with("style"))
                .selected_text(list.style.label())
                .show_ui(ui, |ui| {
                    for style in ListStyle::ALL {
                        ui.selectable_value(&mut list.style, style, style.label());
                    }
                })
                .response
                .labelled_by(label.id);
            if list.style != before {
                cx.step();
            }
            // Nested lists share one picker: plans use one style for them.
            let nested = nested_styles(list);
            if let Some(&first) = nested.first() {
                let label = ui.label("Nested:");
                let shown = if nested.iter().all(|s| *s == first) {
                    first.label()
                } else {
                    "Mixed"
                };
                let mut picked = None;
                egui::ComboBox::from_id_salt(self.id.with("nested-style"))
                    .selected_text(shown)
                    .show_ui(ui, |ui| {
                        for style in ListStyle::ALL {
                            if ui
                                .selectable_label(shown == style.label(), style.label())
                                .clicked()
                            {
                                picked = Some(style);
                            }
                        }
                    })
                    .response
                    .labelled_by(label.id);
                if let Some(style) = picked {
                    set_nested_styles(list, style);
                    cx.step();
                }
            }
        });
        let mut op = None;
        draw_items(ui, list, self.name, self.id, &mut Vec::new(), &mut op, cx);
        if list.items.is_empty() {
            ui.label(egui::RichText::new("The list is empty.").weak());
        }
        if ui
            .button("+ Add item")
            .on_hover_text(format!("Add an item to {}", self.name))
            .clicked()
        {
            list.items.push(ListItem::new(""));
            cx.step();
        }
        if let Some((path, op)) = op {
            apply(list, &path, op);
            cx.step();
        }
    }
}

fn draw_items(
    ui: &mut Ui,
    list: &mut List,
    name: &str,
    id: Id,
    path: &mut Vec<usize>,
    op: &mut Option<(Vec<usize>, Op)>,
    cx: &mut EditContext<'_>,
) {
    let depth = path.len();
    let count = list.items.len();
    for i in 0..count {
        path.push(i);
        let marker = list.marker(i);
        let item_id = id.with(&path[..]);
        let item_name = format!("{name} item {}", item_label(path));
        let item = &mut list.items[i];
        ui.horizontal(|ui| {
            ui.add_space(depth as f32 * 24.0);
            // The list's own marker shows as a hint; typing one overrides it
            // for this item (a risk register's `15)`).
            let response = ui.add(
                egui::TextEdit::singleline(&mut item.marker)
                    .id(item_id.with("marker"))
                    .desired_width(30.0)
                    .hint_text(marker)
                    .frame(egui::Frame::NONE),
            );
            super::name_widget(ui, &response, &format!("{item_name} marker"));
            if response.changed() {
                cx.typed(response.id);
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::TOP), |ui| {
                let mut clicked = |icon: &str, what: &str, enabled: bool, kind: Op| {
                    if icon_button(ui, icon, &format!("{what} ({item_name})"), enabled) {
                        *op = Some((path.clone(), kind));
                    }
                };
                clicked("✕", "Remove item", true, Op::Remove);
                clicked("+", "Insert item after", true, Op::InsertAfter);
                // Indenting takes the item's own sub-items one level down too.
                let indented_depth = depth + 2 + list_depth(&item.children);
                if i == 0 || indented_depth <= MAX_NESTING {
                    clicked("⇥", "Indent item", i > 0, Op::Indent);
                } else {
                    let why = format!("Indent item: lists nest at most {MAX_NESTING} levels");
                    clicked("⇥", &why, false, Op::Indent);
                }
                clicked("⇤", "Outdent item", depth > 0, Op::Outdent);
                clicked("↓", "Move item down", i + 1 < count, Op::Down);
                clicked("↑", "Move item up", i > 0, Op::Up);
                RichField::new(&item_name, item_id)
                    .hint("List item")
                    .ui(ui, &mut item.text, cx);
            });
        });
        if !item.children.items.is_empty() {
            draw_items(ui, &mut item.children, name, id, path, op, cx);
        }
        path.pop();
    }
}

/// The marker styles of every list nested in `list`, in order.
fn nested_styles(list: &List) -> Vec<ListStyle> {
    let mut out = Vec::new();
    for item in &list.items {
        if !item.children.items.is_empty() {
            out.push(item.children.style);
            out.extend(nested_styles(&item.children));
        }
    }
    out
}

fn set_nested_styles(list: &mut List, style: ListStyle) {
    for item in &mut list.items {
        if !item.children.items.is_empty() {
            item.children.style = style;
            set_nested_styles(&mut item.children, style);
        }
    }
}

/// `1`, `2.3`: an item's place, for names and messages.
fn item_label(path: &[usize]) -> String {
    path.iter()
        .map(|i| (i + 1).to_string())
        .collect::<Vec<_>>()
        .join(".")
}

fn list_at<'a>(list: &'a mut List, parents: &[usize]) -> Option<&'a mut List> {
    let mut list = list;
    for &i in parents {
        list = &mut list.items.get_mut(i)?.children;
    }
    Some(list)
}

fn apply(root: &mut List, path: &[usize], op: Op) {
    let Some((&i, parents)) = path.split_last() else {
        return;
    };
    match op {
        Op::Up | Op::Down => {
            if let Some(list) = list_at(root, parents) {
                super::move_item(&mut list.items, i, if op == Op::Up { -1 } else { 1 });
            }
        }
        Op::Remove => {
            if let Some(list) = list_at(root, parents).filter(|l| i < l.items.len()) {
                list.items.remove(i);
            }
        }
        Op::InsertAfter => {
            if let Some(list) = list_at(root, parents) {
                list.items
                    .insert((i + 1).min(list.items.len()), ListItem::new(""));
            }
        }
        Op::Indent => {
            if let Some(list) = list_at(root, parents).filter(|l| i > 0 && i < l.items.len()) {
                let item = list.items.remove(i);
                let parent = &mut list.items[i - 1].children;
                if parent.items.is_empty() {
                    parent.style = nested_style(list.style);
                }
                parent.items.push(item);
            }
        }
        Op::Outdent => {
            let Some((&p, grand)) = parents.split_last() else {
                return;
            };
            if let Some(outer) = list_at(root, grand) {
                let Some(parent) = outer.items.get_mut(p) else {
                    return;
                };
                if i >= parent.children.items.len() {
                    return;
                }
                // The items after it come along as its own children, as in
                // a word processor.
                let mut item = parent.children.items.remove(i);
                let rest: Vec<ListItem> = parent.children.items.drain(i..).collect();
                if !rest.is_empty() {
                    item.children.style = parent.children.style;
                    item.children.items.extend(rest);
                }
                outer.items.insert(p + 1, item);
            }
        }
    }
}

/// The marker style a new nested list gets.
fn nested_style(outer: ListStyle) -> ListStyle {
    match outer {
        ListStyle::Bullet | ListStyle::Numbered => ListStyle::Dash,
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(list: &List) -> Vec<String> {
        let mut out = Vec::new();
        for item in &list.items {
            out.push(item.text.to_plain());
            for child in texts(&item.children) {
                out.push(format!("  {child}"));
            }
        }
        out
    }

    fn sample() -> List {
        List {
            style: ListStyle::Bullet,
            items: ["a", "b", "c"].into_iter().map(ListItem::new).collect(),
        }
    }

    #[test]
    fn indent_outdent_and_move() {
        let mut list = sample();
        apply(&mut list, &[1], Op::Indent);
        assert_eq!(texts(&list), ["a", "  b", "c"]);
        assert_eq!(list.items[0].children.style, ListStyle::Dash);
        apply(&mut list, &[0, 0], Op::Outdent);
        assert_eq!(texts(&list), ["a", "b", "c"]);
        apply(&mut list, &[2], Op::Up);
        assert_eq!(texts(&list), ["a", "c", "b"]);
        apply(&mut list, &[0], Op::Up);
        assert_eq!(texts(&list), ["a", "c", "b"]);
        apply(&mut list, &[0], Op::Remove);
        apply(&mut list, &[0], Op::InsertAfter);
        assert_eq!(texts(&list), ["c", "", "b"]);
        apply(&mut list, &[0], Op::Indent);
        assert_eq!(
            texts(&list),
            ["c", "", "b"],
            "the first item cannot be indented"
        );
    }

    #[test]
    fn nested_lists_share_one_style_picker() {
        let mut list = sample();
        assert!(nested_styles(&list).is_empty());
        apply(&mut list, &[1], Op::Indent);
        apply(&mut list, &[0, 0], Op::InsertAfter);
        apply(&mut list, &[0, 1], Op::Indent);
        assert_eq!(nested_styles(&list), [ListStyle::Dash, ListStyle::Dash]);
        set_nested_styles(&mut list, ListStyle::Square);
        assert_eq!(nested_styles(&list), [ListStyle::Square, ListStyle::Square]);
        assert_eq!(
            list.style,
            ListStyle::Bullet,
            "the outer list keeps its own"
        );
    }

    #[test]
    fn outdent_takes_the_following_items_along() {
        let mut list = sample();
        apply(&mut list, &[1], Op::Indent);
        apply(&mut list, &[1], Op::Indent);
        assert_eq!(texts(&list), ["a", "  b", "  c"]);
        apply(&mut list, &[0, 0], Op::Outdent);
        assert_eq!(texts(&list), ["a", "b", "  c"]);
    }
}
