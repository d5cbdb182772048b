//! Step 1 → 2: guidance and "required" read from the template.

use crate::model::{Plan, Section};

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

#[cfg(test)]
mod tests {
    use super::super::upgrade;
    use crate::model::FORMAT_VERSION;

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
    }
}
