//! Moving a plan through its states, with its version number: each time
//! it goes to SMT the minor version moves on (0.1 → 0.2), sign-off makes
//! it the next whole version (→ 1.0), and a new draft after sign-off
//! starts the next minor one (1.0 → 1.1).

use super::Applied;
use crate::model::{Plan, PlanState};

/// Why a state change was refused, in words for the author.
pub const NEEDS_SIGN_OFF: &str = "A plan is signed off by someone: add who signed it off \
     (name, role and date) under Sign-off first.";

/// The version a plan without one is taken to be at.
const FIRST_VERSION: (u32, u32) = (0, 1);

/// `major.minor` as written (`0.2`, `v1.0`, `Version 1`), if it reads as one.
pub fn parse_version(text: &str) -> Option<(u32, u32)> {
    let digits = text
        .trim()
        .trim_start_matches(|c: char| !c.is_ascii_digit());
    let (major, minor) = digits.split_once('.').unwrap_or((digits, "0"));
    Some((major.parse().ok()?, minor.parse().ok()?))
}

fn written((major, minor): (u32, u32)) -> String {
    format!("{major}.{minor}")
}

/// The version the plan is at, or 0.1 for one not numbered yet. A version
/// written in words (`Final`) cannot be moved on and is `None`.
fn current(plan: &Plan) -> Option<(u32, u32)> {
    match plan.status.version.trim() {
        "" => Some(FIRST_VERSION),
        text => parse_version(text),
    }
}

/// The version a move to `state` gives the plan (unchanged for a move
/// back to draft, or a version written in words).
pub fn next_version(plan: &Plan, state: PlanState) -> String {
    let Some((major, minor)) = current(plan) else {
        return plan.status.version.clone();
    };
    match state {
        PlanState::Draft => plan.status.version.clone(),
        PlanState::ForSmtReview => written((major, minor + 1)),
        PlanState::SignedOff => written((major + 1, 0)),
    }
}

/// The version a new draft of a signed-off plan starts at (`1.1`).
pub fn next_draft_version(plan: &Plan) -> String {
    match current(plan) {
        Some((major, minor)) => written((major, minor + 1)),
        None => plan.status.version.clone(),
    }
}

/// Moves the plan to `state`, moving its version on; refused (with why)
/// for Signed off without a sign-off record.
pub fn set_state(plan: &mut Plan, state: PlanState) -> Result<Applied, &'static str> {
    if plan.status.state == state {
        return Ok(Applied::default());
    }
    if state == PlanState::SignedOff && !has_record(plan) {
        return Err(NEEDS_SIGN_OFF);
    }
    plan.status.version = next_version(plan, state);
    plan.status.state = state;
    Ok(Applied {
        changed: true,
        ..Applied::default()
    })
}

/// A new draft of a signed-off plan, so it can be changed.
pub fn new_draft(plan: &mut Plan) -> Applied {
    if plan.status.state != PlanState::SignedOff {
        return Applied::default();
    }
    plan.status.version = next_draft_version(plan);
    plan.status.state = PlanState::Draft;
    Applied {
        changed: true,
        ..Applied::default()
    }
}

/// Someone is named as having signed the plan off.
pub fn has_record(plan: &Plan) -> bool {
    plan.sign_off.iter().any(|r| !r.name.trim().is_empty())
}

/// The file a version's copy is kept in beside the plan:
/// `PLAN.v0.2.ron` for `PLAN.ron` at version 0.2.
pub fn version_copy_path(plan_path: &std::path::Path, version: &str) -> Option<std::path::PathBuf> {
    let stem = plan_path.file_stem()?.to_str()?;
    let (major, minor) = parse_version(version)?;
    Some(plan_path.with_file_name(format!("{stem}.v{major}.{minor}.ron")))
}

/// The plan keeps a copy of this version: it went to SMT or was signed off.
pub fn keeps_a_copy(plan: &Plan) -> bool {
    plan.status.state != PlanState::Draft
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SignOff;

    #[test]
    fn versions_move_on_at_review_and_sign_off() {
        let mut plan = crate::edit::test_plan();
        plan.status.version.clear();
        set_state(&mut plan, PlanState::ForSmtReview).unwrap();
        assert_eq!(plan.status.version, "0.2");
        set_state(&mut plan, PlanState::Draft).unwrap();
        assert_eq!(plan.status.version, "0.2", "back to draft keeps the number");
        set_state(&mut plan, PlanState::ForSmtReview).unwrap();
        assert_eq!(plan.status.version, "0.3");
        assert_eq!(
            set_state(&mut plan, PlanState::SignedOff),
            Err(NEEDS_SIGN_OFF)
        );
        assert_eq!(plan.status.state, PlanState::ForSmtReview);
        plan.sign_off.push(SignOff {
            name: "J Smith".into(),
            role: "Director".into(),
            date: "1 Dec 2026".into(),
        });
        set_state(&mut plan, PlanState::SignedOff).unwrap();
        assert_eq!(plan.status.version, "1.0");
        assert!(new_draft(&mut plan).changed);
        assert_eq!(
            (plan.status.state, plan.status.version.as_str()),
            (PlanState::Draft, "1.1")
        );
    }

    #[test]
    fn versions_are_read_as_written_and_words_are_left_alone() {
        assert_eq!(parse_version("v1.2"), Some((1, 2)));
        assert_eq!(parse_version("Version 3"), Some((3, 0)));
        assert_eq!(parse_version("Final"), None);
        let mut plan = crate::edit::test_plan();
        plan.status.version = "Final".into();
        set_state(&mut plan, PlanState::ForSmtReview).unwrap();
        assert_eq!(plan.status.version, "Final");
        let path = std::path::Path::new("/plans/unit.ron");
        assert_eq!(
            version_copy_path(path, "0.2").unwrap(),
            std::path::Path::new("/plans/unit.v0.2.ron")
        );
    }
}
