//! The cover and the status the pages show: the sign-off block, the
//! watermark for each state, a balanced title and no large blank.

// Only part of the shared helpers is used here.
mod print_common;
use print_common as common;

use common::{lay_out, plans};
use planwright::layout::{Document, Page, Role};
use planwright::model::{Plan, PlanState, SignOff};
use planwright::template;

fn cover_text(document: &Document) -> Vec<String> {
    document.pages[0]
        .text_runs()
        .filter(|r| r.role != Role::Watermark)
        .map(|r| r.text.clone())
        .collect()
}

fn watermarks(page: &Page) -> Vec<&str> {
    page.text_runs()
        .filter(|r| r.role == Role::Watermark)
        .map(|r| r.text.as_str())
        .collect()
}

fn signed(plan: &mut Plan) {
    plan.sign_off = vec![
        SignOff {
            name: "Bill Anderson".into(),
            role: "Director of Children's Social Services".into(),
            date: "14 March 2008".into(),
        },
        SignOff {
            name: "Chris Wells".into(),
            role: "Cabinet Member".into(),
            date: String::new(),
        },
    ];
}

#[test]
fn each_state_prints_its_own_watermark_on_every_page() {
    let mut plan = template::all()[0].new_plan();
    for (state, with_signer, expected) in [
        (PlanState::Draft, false, Some("DRAFT")),
        (PlanState::ForSmtReview, false, Some("FOR SMT REVIEW")),
        (PlanState::SignedOff, false, Some("NOT SIGNED OFF")),
        (PlanState::SignedOff, true, None),
    ] {
        plan.status.state = state;
        plan.sign_off.clear();
        if with_signer {
            signed(&mut plan);
        }
        let document = lay_out(&plan);
        for page in &document.pages {
            let marks = watermarks(page);
            assert_eq!(marks, expected.into_iter().collect::<Vec<_>>(), "{state:?}");
            for run in page.text_runs().filter(|r| r.role == Role::Watermark) {
                let (sin, cos) = run.rotation.to_radians().sin_cos();
                let end = (run.x + run.width * cos, run.baseline - run.width * sin);
                for (x, y) in [(run.x, run.baseline), end] {
                    assert!(x >= 0.0 && x <= page.width, "{state:?}: {x}");
                    assert!(y >= 0.0 && y <= page.height, "{state:?}: {y}");
                }
            }
        }
    }
}

#[test]
fn signed_off_never_prints_without_a_signer() {
    let mut plan = template::all()[0].new_plan();
    plan.status.state = PlanState::SignedOff;
    plan.sign_off.clear();
    let document = lay_out(&plan);
    let everything: Vec<&str> = document
        .pages
        .iter()
        .flat_map(Page::text_runs)
        .map(|r| r.text.as_str())
        .collect();
    assert!(
        !everything.iter().any(|t| t.contains("Signed off")),
        "{everything:?}"
    );
    assert!(everything.contains(&"Awaiting sign-off"));

    signed(&mut plan);
    let document = lay_out(&plan);
    assert!(cover_text(&document).iter().any(|t| t == "Signed off"));
}

#[test]
fn the_cover_names_each_signer_with_role_and_date() {
    let mut plan = template::all()[0].new_plan();
    plan.status.state = PlanState::SignedOff;
    signed(&mut plan);
    let text = cover_text(&lay_out(&plan)).join(" ");
    for expected in [
        "Signed off by",
        "Name",
        "Role",
        "Date",
        "Bill Anderson",
        "14 March 2008",
        "Chris Wells",
        "Cabinet Member",
    ] {
        assert!(text.contains(expected), "{expected:?} not in {text:?}");
    }
}

#[test]
fn a_plan_without_sign_off_has_lines_to_sign_on() {
    let mut plan = template::all()[0].new_plan();
    plan.status.state = PlanState::ForSmtReview;
    plan.sign_off.clear();
    let document = lay_out(&plan);
    let text = cover_text(&document).join(" ");
    assert!(text.contains("Sign-off"), "{text}");
    let cover = &document.pages[0];
    let heading = cover
        .text_runs()
        .find(|r| r.text == "Sign-off")
        .unwrap()
        .baseline;
    let signature_lines = cover
        .items
        .iter()
        .filter(|item| {
            let bounds = item.bounds();
            item.as_text().is_none() && bounds.y > heading + 10.0 && bounds.width > 60.0
        })
        .count();
    assert_eq!(signature_lines, 3, "name, role and date lines");
}

#[test]
fn a_title_never_ends_on_a_lone_word_and_the_cover_has_no_large_blank() {
    for (name, mut plan) in plans() {
        plan.cover.title = "Annual Business Unit Operational Plan for the Year 2008/9".into();
        let document = lay_out(&plan);
        let cover = &document.pages[0];
        let runs = || cover.text_runs().filter(|r| r.role != Role::Watermark);
        let size = runs().map(|r| r.size).fold(0.0, f32::max);
        let mut title_lines: Vec<(f32, Vec<&str>)> = Vec::new();
        for run in runs().filter(|r| r.size == size) {
            match title_lines.iter_mut().find(|(y, _)| *y == run.baseline) {
                Some((_, words)) => words.extend(run.text.split_whitespace()),
                None => title_lines.push((run.baseline, run.text.split_whitespace().collect())),
            }
        }
        assert!(title_lines.len() >= 2, "{name}: {title_lines:?}");
        let last = &title_lines.last().unwrap().1;
        assert!(last.len() >= 2, "{name}: the title's last line {last:?}");

        // No stretch of the page more than 30 % of its height is empty.
        let mut spans: Vec<(f32, f32)> = cover
            .items
            .iter()
            .filter(|i| i.as_text().is_none_or(|r| r.role != Role::Watermark))
            .map(|i| (i.bounds().y, i.bounds().bottom()))
            .collect();
        spans.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut reach = spans[0].1;
        for (top, bottom) in spans {
            assert!(
                top - reach < cover.height * 0.3,
                "{name}: {:.0} pt blank below {reach:.0}",
                top - reach
            );
            reach = reach.max(bottom);
        }
    }
}

#[test]
fn cover_labels_keep_clear_of_their_values() {
    for (name, plan) in plans() {
        let document = lay_out(&plan);
        let cover = &document.pages[0];
        for label in cover.text_runs().filter(|r| r.role == Role::Label) {
            for value in cover
                .text_runs()
                .filter(|r| r.role != Role::Watermark && r.baseline == label.baseline)
                .filter(|r| r.x > label.x)
            {
                let gap = value.x - (label.x + label.width);
                assert!(
                    gap >= label.size * 0.5,
                    "{name}: {:?} then {:?}",
                    label.text,
                    value.text
                );
            }
        }
    }
}
