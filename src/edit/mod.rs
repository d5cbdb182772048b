//! Changes to a plan, with no UI in them: the edits the editors ask for,
//! how each is applied, and the text logic behind the editors (styled
//! text, a table cell as lines, find and replace). The shell applies every
//! edit through one `Document::apply`, so undo, findings and the
//! "unsaved" mark never miss one.

pub mod cell_text;
pub mod comments;
pub mod dates;
pub mod find;
pub mod rich;
mod sections;
pub mod spelling;
pub mod status;
pub mod table_rows;

pub use comments::CommentOp;
pub use sections::SectionOp;

use crate::model::comment::{self, ItemMove};
use crate::model::{Block, Location, Plan, Section};

/// What the centre of the window shows.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Page {
    /// The cover, status and sign-off form.
    Cover,
    /// The section at this path.
    Section(Vec<usize>),
}

impl Page {
    /// The page a place in the plan is on.
    pub fn of(location: &Location) -> Page {
        if location.sections.is_empty() {
            Page::Cover
        } else {
            Page::Section(location.sections.clone())
        }
    }
}

/// A move or removal of one item in a list of blocks or sub-sections.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemOp {
    Up(usize),
    Down(usize),
    Remove(usize),
}

/// One change to the plan, as an editor asks for it.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Text typed into a field, already in the plan (a text field edits
    /// its string in place). Keystrokes in one field (`field` is its id)
    /// make one undo step until the author pauses.
    Typed { field: u64 },
    /// Any other change a widget made in place (a picker, a row or column
    /// operation inside a table or list): always its own undo step.
    Changed,
    /// Adding, moving or deleting sections.
    Sections(SectionOp),
    /// Moving or removing a block of the section at `section`.
    Block { section: Vec<usize>, op: ItemOp },
    /// Adding a block at the end of the section at `section`.
    AddBlock {
        section: Vec<usize>,
        block: Box<Block>,
    },
    /// Moving or removing a sub-section of the section at `section`.
    Subsection { section: Vec<usize>, op: ItemOp },
    /// Adding a sub-section at the end of the section at `section`.
    AddSubsection { section: Vec<usize> },
    /// Replacing one match, or every match of a search (one undo step).
    Replace(find::Replace),
    /// Adding a word to the plan's dictionary ("Add to plan's dictionary").
    AddWord(String),
    /// Adding, answering or resolving a review comment.
    Comment(CommentOp),
    /// Moving the plan to another state, its version with it.
    State(crate::model::PlanState),
    /// A new draft of a signed-off plan (its next minor version).
    NewDraft,
}

/// What applying an edit did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Applied {
    /// The plan changed.
    pub changed: bool,
    /// The page to show after it (a new or moved section).
    pub show: Option<Page>,
    /// What the status bar should say, with an Undo offer when it
    /// removed something the author may miss.
    pub removed: Option<String>,
    /// How many places were replaced, for Replace all.
    pub replaced: usize,
    /// Why nothing changed, when the edit was refused.
    pub refused: Option<&'static str>,
}

impl Edit {
    /// Applies the edit to `plan`. Typed and in-place edits are already
    /// there; the rest are done here.
    pub fn apply_to(&self, plan: &mut Plan) -> Applied {
        let changed = Applied {
            changed: true,
            ..Applied::default()
        };
        match self {
            Edit::Typed { .. } | Edit::Changed => changed,
            Edit::Sections(op) => op.apply(plan),
            Edit::Block { section, op } => {
                let Some(s) = plan.section_mut(section) else {
                    return Applied::default();
                };
                let name = match op {
                    ItemOp::Remove(i) => s.blocks.get(*i).map(|b| block_name(b, *i)),
                    _ => None,
                };
                let changed = apply_item_op(&mut s.blocks, *op);
                if changed {
                    comment::follow_block_move(s, op.as_move());
                }
                Applied {
                    changed,
                    removed: name,
                    ..Applied::default()
                }
            }
            Edit::AddBlock { section, block } => match plan.section_mut(section) {
                Some(s) => {
                    s.blocks.push((**block).clone());
                    changed
                }
                None => Applied::default(),
            },
            Edit::Subsection { section, op } => {
                let template = plan.template.clone();
                let Some(s) = plan.section_mut(section) else {
                    return Applied::default();
                };
                let name = match op {
                    ItemOp::Remove(i) => s
                        .subsections
                        .get(*i)
                        .map(|sub| format!("sub-section {}", section_label(&template, sub))),
                    _ => None,
                };
                Applied {
                    changed: apply_item_op(&mut s.subsections, *op),
                    removed: name,
                    ..Applied::default()
                }
            }
            Edit::AddSubsection { section } => match plan.section_mut(section) {
                Some(s) => {
                    s.subsections.push(sections::new_section("New sub-section"));
                    let mut path = section.clone();
                    path.push(s.subsections.len() - 1);
                    Applied {
                        show: Some(Page::Section(path)),
                        ..changed
                    }
                }
                None => Applied::default(),
            },
            Edit::AddWord(word) => match spelling::with_word(&plan.dictionary, word) {
                Some(words) => {
                    plan.dictionary = words;
                    changed
                }
                None => Applied::default(),
            },
            Edit::Comment(op) => op.apply(plan),
            Edit::State(state) => status::set_state(plan, *state).unwrap_or_else(|why| Applied {
                refused: Some(why),
                ..Applied::default()
            }),
            Edit::NewDraft => status::new_draft(plan),
            Edit::Replace(replace) => {
                let replaced = replace.apply(plan);
                Applied {
                    changed: replaced > 0,
                    replaced,
                    ..Applied::default()
                }
            }
        }
    }
}

impl ItemOp {
    /// The move as the comments that name an index see it.
    pub fn as_move(self) -> ItemMove {
        match self {
            ItemOp::Up(i) => ItemMove::Swap(i, i.saturating_sub(1)),
            ItemOp::Down(i) => ItemMove::Swap(i, i + 1),
            ItemOp::Remove(i) => ItemMove::Remove(i),
        }
    }
}

/// Moves or removes one item; false when it was out of bounds.
pub fn apply_item_op<T>(items: &mut Vec<T>, op: ItemOp) -> bool {
    match op {
        ItemOp::Up(i) => move_item(items, i, -1),
        ItemOp::Down(i) => move_item(items, i, 1),
        ItemOp::Remove(i) if i < items.len() => {
            items.remove(i);
            true
        }
        ItemOp::Remove(_) => false,
    }
}

/// Moves element `i` by `delta` places if it stays in bounds.
pub fn move_item<T>(items: &mut [T], i: usize, delta: isize) -> bool {
    let j = i as isize + delta;
    if j < 0 || j as usize >= items.len() || i >= items.len() {
        return false;
    }
    items.swap(i, j as usize);
    true
}

/// A block's name on screen and for screen readers: `Paragraph 2`.
pub fn block_name(block: &Block, index: usize) -> String {
    let kind = block.kind_name();
    let mut name = kind[..1].to_uppercase();
    name.push_str(&kind[1..]);
    format!("{name} {}", index + 1)
}

/// A section's name in the tree and in messages: its title, else its
/// template slot's heading (the name it prints under), else its part
/// label, else what it holds (`Untitled: revenue budget`).
pub fn section_label(template: &str, section: &Section) -> String {
    let title = section.title();
    if !title.trim().is_empty() {
        return title;
    }
    if !section.slot.is_empty() {
        return crate::template::slot_name(template, &section.slot);
    }
    if !section.part.trim().is_empty() {
        return section.part.clone();
    }
    // A table says most about a section; else its first block.
    let first = section
        .blocks
        .iter()
        .find(|b| matches!(b, Block::Table(_)))
        .or(section.blocks.first())
        .map(|b| b.kind_name())
        .or_else(|| section.subsections.first().map(|_| "sub-sections"))
        .unwrap_or("empty");
    format!("Untitled: {first}")
}

/// A new plan from the 2008 template, for tests.
#[cfg(test)]
pub(crate) fn test_plan() -> Plan {
    crate::template::find("operating-plan-2008")
        .unwrap()
        .new_plan()
}

#[cfg(test)]
mod tests {
    use super::test_plan as plan;

    #[test]
    fn a_section_without_a_heading_is_named_by_its_template_slot() {
        let mut section = Section {
            slot: "budget".into(),
            ..Section::default()
        };
        let template = "operating-plan-2008";
        assert_eq!(super::section_label(template, &section), "Revenue Budget");
        section.slot = "no-such-slot".into();
        assert_eq!(super::section_label(template, &section), "No such slot");
        section.slot.clear();
        assert_eq!(super::section_label(template, &section), "Untitled: empty");
    }
    use super::*;
    use crate::model::Rich;

    #[test]
    fn removing_a_block_names_it_and_moves_stay_in_bounds() {
        let mut p = plan();
        let before = p.sections[0].blocks.len();
        let applied = Edit::Block {
            section: vec![0],
            op: ItemOp::Remove(0),
        }
        .apply_to(&mut p);
        assert!(applied.changed);
        assert_eq!(applied.removed.as_deref(), Some("Paragraph 1"));
        assert_eq!(p.sections[0].blocks.len(), before - 1);
        let none = Edit::Block {
            section: vec![0],
            op: ItemOp::Up(0),
        }
        .apply_to(&mut p);
        assert!(!none.changed, "the first block cannot move up");
        let gone = Edit::Block {
            section: vec![99],
            op: ItemOp::Remove(0),
        };
        assert_eq!(gone.apply_to(&mut p), Applied::default());
    }

    #[test]
    fn sub_sections_are_added_and_removed_by_name() {
        let mut p = plan();
        let n = p.sections[1].subsections.len();
        assert!(
            Edit::AddSubsection { section: vec![1] }
                .apply_to(&mut p)
                .changed
        );
        assert_eq!(p.sections[1].subsections.len(), n + 1);
        let applied = Edit::Subsection {
            section: vec![1],
            op: ItemOp::Remove(n),
        }
        .apply_to(&mut p);
        assert_eq!(
            applied.removed.as_deref(),
            Some("sub-section New sub-section")
        );
        assert_eq!(p.sections[1].subsections.len(), n);
        let block = Box::new(Block::Paragraph(Rich::plain("x")));
        let before = p.sections[0].blocks.len();
        Edit::AddBlock {
            section: vec![0],
            block,
        }
        .apply_to(&mut p);
        assert_eq!(p.sections[0].blocks.len(), before + 1);
    }

    #[test]
    fn a_cover_location_is_the_cover_page() {
        assert_eq!(Page::of(&Location::default()), Page::Cover);
        assert_eq!(
            Page::of(&Location::block(&[2, 1], 0)),
            Page::Section(vec![2, 1])
        );
    }
}
