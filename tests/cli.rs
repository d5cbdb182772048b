//! The `planwright` command line, run as a user would run it.

use std::path::Path;
use std::process::{Command, Output};

fn planwright(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_planwright"))
        .args(args)
        .output()
        .expect("planwright runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn templates_are_listed_one_a_line() {
    let out = planwright(&["templates"]);
    assert!(out.status.success());
    let ids: Vec<String> = stdout(&out)
        .lines()
        .map(|l| l.split('\t').next().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["operating-plan-2008", "directorate-plan-2018"]);
}

#[test]
fn a_new_plan_from_each_template_loads_and_checks() {
    let dir = tempfile::tempdir().unwrap();
    for id in ["operating-plan-2008", "directorate-plan-2018"] {
        let path = dir.path().join(format!("{id}.ron"));
        let path = path.to_str().unwrap();
        let out = planwright(&["new", "--template", id, "-o", path]);
        assert!(out.status.success(), "{}", stderr(&out));
        let out = planwright(&["check", path]);
        assert!(out.status.success(), "{}", stderr(&out));
        // A fresh plan's required sections are empty, and check says so.
        assert!(stdout(&out).contains("is empty"), "{id}: {}", stdout(&out));
        // `new` refuses to overwrite.
        let again = planwright(&["new", "--template", id, "-o", path]);
        assert!(!again.status.success());
        assert!(stderr(&again).contains("already exists"));
    }
}

#[test]
fn an_unknown_template_is_refused_with_the_list() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.ron");
    let out = planwright(&["new", "--template", "nope", "-o", path.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("operating-plan-2008"),
        "{}",
        stderr(&out)
    );
    assert!(!path.exists());
}

#[test]
fn check_fails_with_a_positioned_error_on_a_malformed_plan() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.ron");
    std::fs::write(&path, "Plan(\n    format_version: 1,\n    template: 7,\n)").unwrap();
    let out = planwright(&["check", path.to_str().unwrap()]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("broken.ron:3:"), "{err}");
    assert!(err.contains("string"), "{err}");
}

#[test]
fn check_prints_findings_one_a_line() {
    let seed =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/2008-09-strategy-policy-performance.ron");
    let out = planwright(&["check", seed.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.lines().any(|l| l.starts_with("warning sections[")
            && l.contains("stated 3,008.1, rows sum to 3,008.2")),
        "{text}"
    );
}

#[test]
fn render_names_the_place_and_page_of_each_layout_warning() {
    let dir = tempfile::tempdir().unwrap();
    let seed =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/2008-09-strategy-policy-performance.ron");
    let pdf = dir.path().join("plan.pdf");
    let out = planwright(&[
        "render",
        seed.to_str().unwrap(),
        "-o",
        pdf.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    // The written contents lists Core Services after Revenue Budget, which
    // prints first: a warning at that entry, on the contents page.
    assert!(
        err.lines()
            .any(|l| l.starts_with("warning: contents entry ")
                && l.contains("(page 2): \"Core Services")),
        "{err}"
    );
}

#[test]
fn format_rewrites_a_hand_edited_plan_canonically() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let p = path.to_str().unwrap();
    assert!(
        planwright(&["new", "--template", "operating-plan-2008", "-o", p])
            .status
            .success()
    );
    let canonical = std::fs::read_to_string(&path).unwrap();
    let squashed: String = canonical
        .lines()
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" ");
    std::fs::write(&path, squashed).unwrap();
    let out = planwright(&["format", p]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), canonical);
}
