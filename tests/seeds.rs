//! The real plans in `seeds/`: each loads, validates with exactly the
//! findings its real figures imply, and round-trips byte for byte.

use planwright::model::check::validate;
use planwright::model::file;
use std::fs;
use std::path::{Path, PathBuf};

const SEEDS: [&str; 4] = [
    "2008-09-strategy-policy-performance",
    "2008-09-childrens-social-services",
    "2008-09-clusters-local-childrens-services",
    "2018-19-cype-directorate-business-plan",
];

fn seed_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("seeds")
        .join(format!("{name}.ron"))
}

fn findings_of(name: &str) -> Vec<String> {
    let plan = file::load(&seed_path(name)).unwrap_or_else(|e| panic!("{e}"));
    validate(&plan).iter().map(ToString::to_string).collect()
}

#[test]
fn every_seed_round_trips_byte_for_byte() {
    for name in SEEDS {
        let path = seed_path(name);
        let text = fs::read_to_string(&path).unwrap();
        let plan = file::from_ron(&text, &path).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            file::to_ron(&plan).unwrap(),
            text,
            "{name} is not canonical"
        );
    }
}

/// The expected findings, one a line, are kept beside the tests; each was
/// checked by hand against the real plan's figures.
#[test]
fn every_seed_validates_with_exactly_its_known_findings() {
    for name in SEEDS {
        let expected_path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/findings")
            .join(format!("{name}.txt"));
        let expected = fs::read_to_string(&expected_path).unwrap_or_default();
        let expected: Vec<&str> = expected.lines().filter(|l| !l.is_empty()).collect();
        assert_eq!(findings_of(name), expected, "findings of {name}");
    }
}

#[test]
fn the_known_budget_rounding_differences_are_found() {
    let spp = findings_of("2008-09-strategy-policy-performance").join("\n");
    for stated in [
        "stated 3,008.1, rows sum to 3,008.2",
        "stated 4,124.5, rows sum to 4,124.6",
        "stated 3,979.5, rows sum to 3,979.6",
    ] {
        assert!(spp.contains(stated), "missing {stated:?} in\n{spp}");
    }
    let css = findings_of("2008-09-childrens-social-services").join("\n");
    assert!(
        css.contains("stated 53,473.0, subtotal and memo lines sum to 53,473.1"),
        "{css}"
    );
}

#[test]
fn every_seed_keeps_its_cover() {
    for name in SEEDS {
        let plan = file::load(&seed_path(name)).unwrap();
        assert!(!plan.cover.directorate.is_empty(), "{name}");
        assert!(!plan.cover.title.is_empty(), "{name}");
        assert!(plan.sections.len() >= 10, "{name}");
    }
}

/// Every section of a real plan that names a template slot names one its
/// template has, and shows that slot's guidance (the plans store none).
#[test]
fn every_seed_shows_its_templates_guidance_for_each_section_naming_a_slot() {
    for name in SEEDS {
        let plan = file::load(&seed_path(name)).unwrap();
        let template = planwright::template::find(&plan.template).unwrap();
        let mut shown = 0;
        for (path, section) in plan.walk_sections() {
            if section.slot.is_empty() {
                continue;
            }
            let slot = planwright::template::find_slot(&plan.template, &section.slot)
                .unwrap_or_else(|| panic!("{name} {path:?}: no slot {:?}", section.slot));
            let in_template = template
                .plan
                .walk_sections()
                .into_iter()
                .find(|(_, s)| s.slot == section.slot)
                .map(|(_, s)| s.guidance.clone())
                .unwrap();
            assert_eq!(section.guidance, "", "{name} {path:?} stores guidance");
            assert_eq!(
                planwright::template::guidance(&plan.template, section),
                in_template,
                "{name} {path:?}"
            );
            assert_eq!(slot.guidance, in_template);
            shown += usize::from(!in_template.is_empty());
        }
        assert!(shown >= 12, "{name}: guidance shown for {shown} sections");
    }
}
