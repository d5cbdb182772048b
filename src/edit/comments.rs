//! Adding, answering and resolving review comments, and the comments
//! panel's list, with no UI in them.

use super::{Applied, Page, section_label};
use crate::model::comment::Placed;
use crate::model::{Comment, CommentId, Location, Plan, Reply};

/// What the comments panel or a comment marker asked for.
#[derive(Clone, Debug, PartialEq)]
pub enum CommentOp {
    /// A new comment on what `at` names (a section, block, row or cell).
    Add {
        at: Location,
        comment: Comment,
    },
    Reply {
        id: CommentId,
        reply: Reply,
    },
    /// Resolves (or reopens) a comment.
    SetResolved {
        id: CommentId,
        resolved: bool,
    },
}

impl CommentOp {
    pub fn apply(&self, plan: &mut Plan) -> Applied {
        let done = |page: Page| Applied {
            changed: true,
            show: Some(page),
            ..Applied::default()
        };
        match self {
            CommentOp::Add { at, comment } => match plan.add_comment(at, comment.clone()) {
                Some(_) => done(Page::of(at)),
                None => Applied::default(),
            },
            CommentOp::Reply { id, reply } => match plan.comment_mut(id) {
                Some(comment) => {
                    comment.replies.push(reply.clone());
                    done(Page::Section(id.section.clone()))
                }
                None => Applied::default(),
            },
            CommentOp::SetResolved { id, resolved } => match plan.comment_mut(id) {
                Some(comment) if comment.resolved != *resolved => {
                    comment.resolved = *resolved;
                    Applied {
                        changed: true,
                        ..Applied::default()
                    }
                }
                _ => Applied::default(),
            },
        }
    }
}

/// One section's comments in the panel: its name and its comments, the
/// open ones first, each group in document order.
pub struct SectionComments<'a> {
    pub section: Vec<usize>,
    pub name: String,
    pub comments: Vec<Placed<'a>>,
}

/// The comments panel's list: by section in plan order, open first.
pub fn by_section(plan: &Plan) -> Vec<SectionComments<'_>> {
    let mut groups: Vec<SectionComments<'_>> = Vec::new();
    for placed in plan.comments() {
        match groups.last_mut() {
            Some(group) if group.section == placed.id.section => group.comments.push(placed),
            _ => groups.push(SectionComments {
                section: placed.id.section.clone(),
                name: plan
                    .section(&placed.id.section)
                    .map(|s| section_label(&plan.template, s))
                    .unwrap_or_default(),
                comments: vec![placed],
            }),
        }
    }
    for group in &mut groups {
        // Stable: each group keeps document order.
        group.comments.sort_by_key(|c| c.comment.resolved);
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::{Edit, test_plan};

    #[test]
    fn add_reply_and_resolve_are_edits() {
        let mut plan = test_plan();
        let at = Location::block(&[0], 0);
        let add = Edit::Comment(CommentOp::Add {
            at: at.clone(),
            comment: Comment::new("Ann", "1 Dec 2026", "Say why"),
        });
        assert_eq!(add.apply_to(&mut plan).show, Some(Page::Section(vec![0])));
        let id = plan.comments()[0].id.clone();
        Edit::Comment(CommentOp::Reply {
            id: id.clone(),
            reply: Reply {
                author: "Bo".into(),
                date: String::new(),
                text: "Done".into(),
            },
        })
        .apply_to(&mut plan);
        let resolve = Edit::Comment(CommentOp::SetResolved { id, resolved: true });
        assert!(resolve.apply_to(&mut plan).changed);
        assert!(!resolve.apply_to(&mut plan).changed, "already resolved");
        let placed = &plan.comments()[0];
        assert_eq!(placed.location, at);
        assert_eq!(placed.comment.replies[0].text, "Done");
        assert!(plan.open_comments().is_empty());
    }

    #[test]
    fn a_comment_on_a_block_follows_it_through_block_edits() {
        let mut plan = test_plan();
        let section = vec![0];
        Edit::AddBlock {
            section: section.clone(),
            block: Box::new(crate::model::Block::Paragraph("Second".into())),
        }
        .apply_to(&mut plan);
        let last = plan.sections[0].blocks.len() - 1;
        let at = Location::block(&section, last);
        plan.add_comment(&at, Comment::new("A", "", "on Second"));
        let up = Edit::Block {
            section: section.clone(),
            op: crate::edit::ItemOp::Up(last),
        };
        up.apply_to(&mut plan);
        assert_eq!(
            plan.comments()[0].location,
            Location::block(&section, last - 1)
        );
        let remove = Edit::Block {
            section: section.clone(),
            op: crate::edit::ItemOp::Remove(last - 1),
        };
        remove.apply_to(&mut plan);
        let kept = &plan.comments()[0];
        assert_eq!(kept.location, Location::section(&section));
        assert_eq!(kept.comment.text, "on Second", "the words stay");
    }

    #[test]
    fn the_panel_lists_by_section_with_open_comments_first() {
        let mut plan = test_plan();
        let first = plan
            .add_comment(&Location::section(&[2]), Comment::new("A", "", "one"))
            .unwrap();
        plan.add_comment(&Location::block(&[2], 0), Comment::new("A", "", "two"));
        plan.add_comment(&Location::section(&[0]), Comment::new("A", "", "zero"));
        plan.comment_mut(&first).unwrap().resolved = true;
        let groups = by_section(&plan);
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0].section, vec![0]);
        let texts: Vec<&str> = groups[1]
            .comments
            .iter()
            .map(|c| c.comment.text.as_str())
            .collect();
        assert_eq!(texts, ["two", "one"]);
        assert_eq!(
            crate::model::comment::concerns(&plan, &Location::block(&[2], 0)),
            "Paragraph 1"
        );
        assert_eq!(
            crate::model::comment::concerns(&plan, &Location::section(&[2])),
            "the section"
        );
    }
}
