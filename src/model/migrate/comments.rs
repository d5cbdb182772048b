//! Step 2 → 3: review comments.

use crate::model::Plan;

/// Version 3 keeps review comments in sections and table rows (see
/// [`crate::model::comment`]). A version-2 file has none and nothing else
/// changed, so its plan means the same; clearing what it cannot have
/// said keeps the step correct whatever steps ran before it.
pub fn review_comments(plan: &mut Plan) {
    fn clear(section: &mut crate::model::Section) {
        section.comments.clear();
        for block in &mut section.blocks {
            if let crate::model::Block::Table(table) = block {
                table.rows.iter_mut().for_each(|r| r.comments.clear());
            }
        }
        section.subsections.iter_mut().for_each(clear);
    }
    plan.sections.iter_mut().for_each(clear);
}

#[cfg(test)]
mod tests {
    use super::super::{STEPS, upgrade};
    use crate::model::FORMAT_VERSION;

    /// The version this step starts from.
    const STEP_FROM: u32 = 2;

    #[test]
    fn this_step_is_in_the_chain() {
        assert_eq!(
            STEPS[STEP_FROM as usize - 1].run as *const () as usize,
            super::review_comments as *const () as usize
        );
    }

    /// A version-1 plan (one of the seeds, as it was written) loads with
    /// no comments, at the current version, its words unchanged.
    #[test]
    fn a_version_1_file_loads_with_no_comments() {
        let seed = include_str!("../../../seeds/2008-09-childrens-social-services.ron");
        let old: String = seed
            .lines()
            .map(|line| match line.trim().starts_with("format_version:") {
                true => format!("    format_version: {},\n", STEP_FROM),
                false => format!("{line}\n"),
            })
            .collect();
        let path = std::path::Path::new("old.ron");
        let plan = crate::model::file::from_ron(&old, path).unwrap();
        assert_eq!(plan.format_version, FORMAT_VERSION);
        assert!(plan.comments().is_empty());
        let current = crate::model::file::from_ron(seed, path).unwrap();
        assert_eq!(plan, current, "nothing else changes");
    }

    #[test]
    fn the_comments_step_leaves_a_version_1_plan_without_comments() {
        let mut plan = crate::edit::test_plan();
        plan.format_version = STEP_FROM;
        let at = crate::model::Location::section(&[0]);
        plan.add_comment(&at, crate::model::Comment::new("A", "", "stray"));
        let done = upgrade(&mut plan);
        assert!(done.contains(&"review comments on sections, blocks, rows and cells"));
        assert!(plan.comments().is_empty());
        assert_eq!(plan.format_version, FORMAT_VERSION);
    }
}
