//! Part of step 3 → 4: run-in titles written as bold paragraphs become
//! sub-headings.

use crate::model::{Block, Heading, Plan, Rich, Section};

/// Sub-headings among a section's blocks arrived with this step; before
/// it an author could only write a run-in title (an outcome's title, a
/// partner's name) as a paragraph set all in bold. Such a paragraph, one
/// short line over a block of its own, becomes a level-3 sub-heading with
/// the same words. Bold words inside a sentence, a bold paragraph that
/// ends a section and a bold sentence stay paragraphs.
pub fn bold_titles_to_sub_headings(plan: &mut Plan) {
    fn walk(sections: &mut [Section]) {
        for section in sections {
            let count = section.blocks.len();
            for (b, block) in section.blocks.iter_mut().enumerate() {
                if let Block::Paragraph(text) = block
                    && b + 1 < count
                    && is_run_in_title(text)
                {
                    let text = Rich(text.0.iter().map(|s| unbolded(s.clone())).collect());
                    *block = Block::Heading(Heading::new(3, text.normalized()));
                }
            }
            walk(&mut section.subsections);
        }
    }
    walk(&mut plan.sections);
}

/// The longest run-in title taken for a heading, in characters.
const TITLE_LENGTH: usize = 120;

fn is_run_in_title(text: &Rich) -> bool {
    let plain = text.to_plain();
    let plain = plain.trim();
    let spans = text.0.iter().filter(|s| !s.text.trim().is_empty());
    !plain.is_empty()
        && plain.chars().count() <= TITLE_LENGTH
        && !plain.contains('\n')
        && !plain.ends_with('.')
        && spans
            .clone()
            .all(|s| s.bold && !s.italic && !s.underline && s.link.is_empty())
}

/// A heading prints bold already: its spans need not say so.
fn unbolded(mut span: crate::model::Span) -> crate::model::Span {
    span.bold = false;
    span
}

#[cfg(test)]
mod tests {
    use super::super::{STEPS, upgrade};
    use super::*;
    use crate::model::FORMAT_VERSION;

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
        assert!(done.contains(&STEPS[2].what), "the structure step (3 → 4)");
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
}
