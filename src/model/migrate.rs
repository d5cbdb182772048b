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

use super::{FORMAT_VERSION, Plan, Section};

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
    what: "guidance and \"required\" are read from the template; only guidance the author changed is kept in the plan",
    run: drop_template_guidance,
},
Step {
    from: 2,
    what: "review comments on sections, blocks, rows and cells",
    run: review_comments,
}];

/// Guidance and "required" live in the template and are read from it by
/// slot (see [`crate::template::guidance`]), so every plan shows them,
/// whatever file it came from. A section keeps its own guidance only
/// where the author changed the template's; a plan of a template this
/// build does not know keeps all of its guidance.
pub fn drop_template_guidance(plan: &mut Plan) {
    let template = plan.template.clone();
    fn walk(template: &str, sections: &mut [Section]) {
        for section in sections {
            if let Some(slot) = crate::template::find_slot(template, &section.slot) {
                if same_words(&section.guidance, &slot.guidance) {
                    section.guidance.clear();
                }
                if slot.required {
                    section.required = false;
                }
            }
            walk(template, &mut section.subsections);
        }
    }
    walk(&template, &mut plan.sections);
}

/// Equal but for spacing and line breaks.
fn same_words(a: &str, b: &str) -> bool {
    a.split_whitespace().eq(b.split_whitespace())
}

/// Version 3 keeps review comments in sections and table rows (see
/// [`super::comment`]). A version-2 file has none and nothing else
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

    /// A version-1 plan kept a copy of its template's guidance in every
    /// section; after loading, only the guidance its author changed is
    /// stored, and every section shows its template's.
    #[test]
    fn a_version_1_file_keeps_only_the_guidance_its_author_changed() {
        let template = crate::template::find("operating-plan-2008").unwrap();
        let mut old = template.plan.clone();
        old.format_version = 1;
        let purpose = template.plan.sections[0].guidance.clone();
        assert!(!purpose.is_empty() && old.sections[0].required);
        old.sections[0].guidance = purpose.replace(". ", ".\n  ");
        old.sections[2].guidance = "Our own words for section 17.".into();
        let text = crate::model::file::to_ron(&old).unwrap();
        assert!(text.contains("guidance:") && text.contains("format_version: 1"));

        let plan = crate::model::file::from_ron(&text, std::path::Path::new("old.ron")).unwrap();
        assert_eq!(plan.format_version, FORMAT_VERSION);
        assert_eq!(plan.sections[0].guidance, "", "the template's, dropped");
        assert!(!plan.sections[0].required, "read from the template instead");
        assert_eq!(
            crate::template::guidance(&plan.template, &plan.sections[0]),
            purpose
        );
        assert!(crate::template::is_required(
            &plan.template,
            &plan.sections[0]
        ));
        assert_eq!(plan.sections[2].guidance, "Our own words for section 17.");
        assert_eq!(
            crate::template::guidance(&plan.template, &plan.sections[2]),
            "Our own words for section 17."
        );
        let saved = crate::model::file::to_ron(&plan).unwrap();
        assert_eq!(saved.matches("guidance:").count(), 1, "{saved}");
    }

    #[test]
    fn a_plan_of_an_unknown_template_keeps_its_guidance() {
        let mut plan = crate::template::find("operating-plan-2008").unwrap().plan;
        plan.format_version = 1;
        plan.template = "a-template-from-elsewhere".into();
        let before = plan.clone();
        upgrade(&mut plan);
        assert_eq!(plan.sections, before.sections);
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
