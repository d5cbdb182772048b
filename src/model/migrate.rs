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

    /// A version-1 file: a bold title over a paragraph, a bold title over
    /// a list, a bold sentence, a sentence with one bold word, and a bold
    /// line that ends its section.
    const VERSION_ONE: &str = r#"Plan(
    format_version: 1,
    template: "operating-plan-2008",
    cover: Cover(directorate: "Children, Families & Education", title: "Plan"),
    status: Status(state: Draft),
    contents: Contents(),
    sections: [
        Section(
            heading: "Equalities and Diversity",
            blocks: [
                Paragraph([Span(text: "Outcome 1: Equal and inclusive services", bold: true)]),
                Paragraph("We publish in plain English."),
                Paragraph([Span(text: "Kent Teenage Pregnancy Partnership", bold: true)]),
                List(items: [ListItem(text: "Halve the rate by 2010")]),
                Paragraph([Span(text: "All staff are trained by March.", bold: true)]),
                Paragraph([
                    Span(text: "The "),
                    Span(text: "NFER survey", bold: true),
                    Span(text: " runs in April"),
                ]),
                Paragraph([Span(text: "Last word", bold: true)]),
            ],
        ),
    ],
)"#;

    fn version_one() -> Plan {
        let options = crate::model::file::ron_options();
        let plan: Plan = options
            .from_str(VERSION_ONE)
            .expect("a version-1 file parses");
        assert_eq!(plan.format_version, 1);
        plan
    }

    #[test]
    fn a_version_one_file_loads_through_the_chain() {
        let plan = crate::model::file::from_ron(VERSION_ONE, std::path::Path::new("old.ron"))
            .expect("a version-1 file loads");
        assert_eq!(plan.format_version, FORMAT_VERSION);
        assert!(matches!(plan.sections[0].blocks[0], Block::Heading(_)));
    }

    #[test]
    fn a_version_one_bold_title_becomes_a_sub_heading_with_its_words() {
        let mut plan = version_one();
        let before: Vec<String> = plan.sections[0].blocks.iter().map(words).collect();
        let done = upgrade(&mut plan);
        assert_eq!(plan.format_version, FORMAT_VERSION);
        assert!(done.contains(&STEPS[0].what));
        let blocks = &plan.sections[0].blocks;
        let kinds: Vec<&str> = blocks.iter().map(Block::kind_name).collect();
        assert_eq!(
            kinds,
            [
                "sub-heading",
                "paragraph",
                "sub-heading",
                "list",
                "paragraph",
                "paragraph",
                "paragraph"
            ]
        );
        let Block::Heading(heading) = &blocks[0] else {
            unreachable!()
        };
        assert_eq!(heading.level, 3);
        assert_eq!(
            heading.text,
            Rich::plain("Outcome 1: Equal and inclusive services")
        );
        let after: Vec<String> = blocks.iter().map(words).collect();
        assert_eq!(before, after, "no word is lost or changed");
    }

    #[test]
    fn a_current_file_is_left_alone() {
        let mut plan = version_one();
        plan.format_version = FORMAT_VERSION;
        let before = plan.clone();
        assert!(upgrade(&mut plan).is_empty());
        assert_eq!(plan, before);
    }

    fn words(block: &Block) -> String {
        match block {
            Block::Paragraph(text) => text.to_plain(),
            Block::Heading(heading) => heading.text.to_plain(),
            Block::List(list) => list.items[0].text.to_plain(),
            _ => String::new(),
        }
    }

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
