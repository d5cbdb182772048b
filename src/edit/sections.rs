//! Adding, moving and deleting sections in the plan's tree.

use super::{Applied, Page, section_label};
use crate::model::{Block, Plan, Rich, Section};

/// What the author asked the tree for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SectionOp {
    /// A new section after the one at this path, at the same level.
    AddAfter(Vec<usize>),
    /// A new last sub-section of the section at this path.
    AddInside(Vec<usize>),
    Move(Vec<usize>, isize),
    Delete(Vec<usize>),
}

/// The sections beside the one at `path` (the plan's top level or a
/// section's sub-sections) and its index among them.
fn siblings_mut<'p>(plan: &'p mut Plan, path: &[usize]) -> Option<(&'p mut Vec<Section>, usize)> {
    let (&last, parent) = path.split_last()?;
    let list = match parent {
        [] => &mut plan.sections,
        parent => &mut plan.section_mut(parent)?.subsections,
    };
    Some((list, last))
}

pub(super) fn new_section(heading: &str) -> Section {
    Section {
        heading: Rich::plain(heading),
        blocks: vec![Block::Paragraph(Rich::default())],
        ..Section::default()
    }
}

impl SectionOp {
    /// Applies the operation: what changed, the page to show after it,
    /// and what was removed.
    pub fn apply(&self, plan: &mut Plan) -> Applied {
        let removed = match self {
            SectionOp::Delete(path) => plan
                .section(path)
                .map(|s| format!("section {}", section_label(&plan.template, s))),
            _ => None,
        };
        match apply(plan, self) {
            Some(page) => Applied {
                changed: true,
                show: Some(page),
                removed,
                ..Applied::default()
            },
            None => Applied::default(),
        }
    }
}

/// Applies a structural operation; returns the page to show after it, or
/// `None` when nothing changed.
fn apply(plan: &mut Plan, action: &SectionOp) -> Option<Page> {
    match action {
        SectionOp::AddAfter(path) => {
            let (list, i) = siblings_mut(plan, path)?;
            list.insert((i + 1).min(list.len()), new_section("New section"));
            let mut new = path.clone();
            *new.last_mut()? = (i + 1).min(list.len() - 1);
            Some(Page::Section(new))
        }
        SectionOp::AddInside(path) => {
            let list = if path.is_empty() {
                &mut plan.sections
            } else {
                &mut plan.section_mut(path)?.subsections
            };
            list.push(new_section("New section"));
            let mut new = path.clone();
            new.push(list.len() - 1);
            Some(Page::Section(new))
        }
        SectionOp::Move(path, delta) => {
            let (list, i) = siblings_mut(plan, path)?;
            if !super::move_item(list, i, *delta) {
                return None;
            }
            let mut moved = path.clone();
            *moved.last_mut()? = (i as isize + delta) as usize;
            Some(Page::Section(moved))
        }
        SectionOp::Delete(path) => {
            let (list, i) = siblings_mut(plan, path)?;
            if i >= list.len() {
                return None;
            }
            list.remove(i);
            // Show the section that took its place, else the one before, else the parent.
            let mut next = path.clone();
            if list.is_empty() {
                next.pop();
            } else {
                *next.last_mut()? = i.min(list.len() - 1);
            }
            Some(if next.is_empty() {
                Page::Cover
            } else {
                Page::Section(next)
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titles(plan: &Plan) -> Vec<String> {
        plan.walk_sections()
            .into_iter()
            .map(|(p, s)| format!("{}{}", "  ".repeat(p.len() - 1), s.title()))
            .collect()
    }

    fn plan() -> Plan {
        let mut plan = crate::template::all()[0].new_plan();
        plan.sections.truncate(2);
        plan.sections[1].subsections.truncate(1);
        plan
    }

    #[test]
    fn add_move_and_delete_sections() {
        let mut p = plan();
        assert_eq!(
            titles(&p),
            [
                "PURPOSE OF THE SERVICE",
                "PLANNING CONTEXT AND PRIORITIES",
                "  Local Context"
            ]
        );
        assert_eq!(
            apply(&mut p, &SectionOp::AddAfter(vec![0])),
            Some(Page::Section(vec![1]))
        );
        assert_eq!(
            apply(&mut p, &SectionOp::AddInside(vec![2])),
            Some(Page::Section(vec![2, 1]))
        );
        assert_eq!(
            titles(&p),
            [
                "PURPOSE OF THE SERVICE",
                "New section",
                "PLANNING CONTEXT AND PRIORITIES",
                "  Local Context",
                "  New section"
            ]
        );
        assert_eq!(
            apply(&mut p, &SectionOp::Move(vec![2, 1], -1)),
            Some(Page::Section(vec![2, 0]))
        );
        assert_eq!(
            apply(&mut p, &SectionOp::Move(vec![2, 0], -1)),
            None,
            "already first"
        );
        assert_eq!(
            apply(&mut p, &SectionOp::Delete(vec![2, 0])),
            Some(Page::Section(vec![2, 0]))
        );
        assert_eq!(
            apply(&mut p, &SectionOp::Delete(vec![2, 0])),
            Some(Page::Section(vec![2]))
        );
        assert_eq!(
            apply(&mut p, &SectionOp::Delete(vec![1])),
            Some(Page::Section(vec![1]))
        );
        assert_eq!(
            titles(&p),
            ["PURPOSE OF THE SERVICE", "PLANNING CONTEXT AND PRIORITIES"]
        );
    }
}
