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

mod comments;
mod guidance;
mod paired;
mod run_in_titles;

pub use guidance::drop_template_guidance;

use super::{FORMAT_VERSION, Plan};

/// A step from format version `from` to `from + 1`.
pub struct Step {
    pub from: u32,
    /// What the step changes, for notes and messages.
    pub what: &'static str,
    pub run: fn(&mut Plan),
}

/// Every step, in order: `STEPS[i].from == i + 1`.
pub const STEPS: &[Step] = &[
    // Issue 10.
    Step {
        from: 1,
        what: "guidance and \"required\" are read from the template; only guidance the author changed is kept in the plan",
        run: drop_template_guidance,
    },
    // Issue 11.
    Step {
        from: 2,
        what: "review comments on sections, blocks, rows and cells",
        run: comments::review_comments,
    },
    // Issue 13.
    Step {
        from: 3,
        what: "run-in titles written as bold paragraphs became sub-headings; deliverables and their dates, listed in order in two cells, pair up line by line",
        run: plans_as_authors_structure_them,
    },
];

/// Version 4 knows units, sub-headings among blocks, cells merged over
/// rows (pairs of a deliverable and its date), nested groups and rate
/// rows. A version-3 plan is converted where the new shapes say exactly
/// what it said by workaround.
fn plans_as_authors_structure_them(plan: &mut Plan) {
    run_in_titles::bold_titles_to_sub_headings(plan);
    paired::pair_listed_dates(plan);
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
}
