//! One chain of migrations from every format version Planwright has written
//! to the one it writes now.
//!
//! How a file of an older version is read: RON is parsed straight into
//! today's [`Plan`] (so every field added since version 1 is
//! `#[serde(default)]`, and no field is ever renamed or removed without a
//! legacy alias that still reads it), then each step from the file's
//! version up to [`FORMAT_VERSION`] runs in order. A step turns a plan as
//! version N meant it into a plan as version N + 1 means it: it never fails
//! and never drops words the author wrote.
//!
//! To move the format on: add a step at the end of [`STEPS`] (its own
//! function, with a test that a version-N file loads as expected), bump
//! [`FORMAT_VERSION`], and say in the step's comment what changed.

use super::{FORMAT_VERSION, Plan};

/// A step from format version `from` to `from + 1`.
pub struct Step {
    pub from: u32,
    /// What the step changes, for notes and messages.
    pub what: &'static str,
    pub run: fn(&mut Plan),
}

/// Every step, in order: `STEPS[i].from == i + 1`.
pub const STEPS: &[Step] = &[Step {
    from: 1,
    what: "review comments on sections, blocks, rows and cells",
    run: review_comments,
}];

/// Version 2 keeps review comments in sections and table rows (see
/// [`super::comment`]). A version-1 file has none and nothing else
/// changed, so its plan means the same; clearing what it cannot have
/// said keeps the step correct whatever steps ran before it.
fn review_comments(plan: &mut Plan) {
    fn clear(section: &mut super::Section) {
        section.comments.clear();
        for block in &mut section.blocks {
            if let super::Block::Table(table) = block {
                table.rows.iter_mut().for_each(|r| r.comments.clear());
            }
        }
        section.subsections.iter_mut().for_each(clear);
    }
    plan.sections.iter_mut().for_each(clear);
}

/// Brings a plan read from a file of `plan.format_version` up to
/// [`FORMAT_VERSION`]. Returns what was changed (empty for a current file).
pub fn upgrade(plan: &mut Plan) -> Vec<&'static str> {
    let mut done = Vec::new();
    for step in STEPS {
        if plan.format_version == step.from {
            (step.run)(plan);
            plan.format_version = step.from + 1;
            done.push(step.what);
        }
    }
    plan.format_version = plan.format_version.max(FORMAT_VERSION);
    done
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_chain_has_no_gaps_and_ends_at_the_current_version() {
        for (i, step) in STEPS.iter().enumerate() {
            assert_eq!(
                step.from as usize,
                i + 1,
                "step {i} starts at the wrong version"
            );
        }
        assert_eq!(STEPS.len() as u32 + 1, FORMAT_VERSION);
    }

    /// A version-1 plan (one of the seeds, as it was written) loads with
    /// no comments, at the current version, its words unchanged.
    #[test]
    fn a_version_1_file_loads_with_no_comments() {
        let seed = include_str!("../../seeds/2008-09-childrens-social-services.ron");
        let old: String = seed
            .lines()
            .map(|line| match line.trim().starts_with("format_version:") {
                true => "    format_version: 1,\n".to_owned(),
                false => format!("{line}\n"),
            })
            .collect();
        let path = std::path::Path::new("old.ron");
        let plan = super::super::file::from_ron(&old, path).unwrap();
        assert_eq!(plan.format_version, FORMAT_VERSION);
        assert!(plan.comments().is_empty());
        let current = super::super::file::from_ron(seed, path).unwrap();
        assert_eq!(plan, current, "nothing else changes");
    }

    #[test]
    fn the_comments_step_leaves_a_version_1_plan_without_comments() {
        let mut plan = crate::edit::test_plan();
        plan.format_version = 1;
        let at = super::super::Location::section(&[0]);
        plan.add_comment(&at, super::super::Comment::new("A", "", "stray"));
        let done = upgrade(&mut plan);
        assert!(done.contains(&"review comments on sections, blocks, rows and cells"));
        assert!(plan.comments().is_empty());
        assert_eq!(plan.format_version, FORMAT_VERSION);
    }
}
