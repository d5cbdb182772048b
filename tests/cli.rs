//! The `planwright` command line, run as a user would run it.

mod binary;

use binary::planwright;
use std::path::Path;
use std::process::{Command, Output};

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

fn seed(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("seeds")
        .join(name)
}

/// Renders the children's social services plan with `word` (RON) in its
/// projects table, where a 900-character word used to hang `render`.
fn render_long_word(word: &str) -> Output {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(seed("2008-09-childrens-social-services.ron")).unwrap();
    assert!(text.contains("\"08/09 Ongoing\""));
    let plan = dir.path().join("long-word.ron");
    std::fs::write(&plan, text.replacen("\"08/09 Ongoing\"", word, 1)).unwrap();
    let pdf = dir.path().join("out.pdf");
    let out = planwright(&[
        "render",
        plan.to_str().unwrap(),
        "-o",
        pdf.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
    out
}

#[test]
fn a_long_word_in_a_table_renders_broken_across_lines() {
    let out = render_long_word(&format!("\"{}\"", "W".repeat(900)));
    assert!(stderr(&out).contains("(900 characters)\" is wider than its column"));
}

#[test]
fn control_characters_in_warnings_are_escaped() {
    let out = render_long_word(&format!("\"\\u{{1b}}[2J{}\"", "W".repeat(300)));
    let err = stderr(&out);
    assert!(!err.contains('\u{1b}'), "a raw ESC reached the terminal");
    // The layout prints a missing character as "□" and names it escaped.
    assert!(err.contains("\\u{1b}"), "{err}");
}

#[cfg(unix)]
#[test]
fn render_refuses_to_write_over_its_own_plan() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.ron");
    std::fs::copy(seed("2008-09-strategy-policy-performance.ron"), &plan).unwrap();
    let original = std::fs::read(&plan).unwrap();
    std::os::unix::fs::symlink(&plan, dir.path().join("link.pdf")).unwrap();
    for output in ["plan.ron", "./plan.ron", "link.pdf", "x/../plan.ron"] {
        std::fs::create_dir_all(dir.path().join("x")).unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_planwright"))
            .current_dir(dir.path())
            .args(["render", "plan.ron", "-o", output, "--force"])
            .output()
            .unwrap();
        assert!(!out.status.success(), "{output}: rendered over the plan");
        assert!(
            stderr(&out).contains("is the plan itself"),
            "{}",
            stderr(&out)
        );
        assert_eq!(std::fs::read(&plan).unwrap(), original, "{output}");
    }
}

#[test]
fn render_replaces_a_file_that_is_not_a_pdf_only_when_forced() {
    let dir = tempfile::tempdir().unwrap();
    let plan = seed("2008-09-strategy-policy-performance.ron");
    let notes = dir.path().join("notes.txt");
    std::fs::write(&notes, "my notes").unwrap();
    let args = [
        "render",
        plan.to_str().unwrap(),
        "-o",
        notes.to_str().unwrap(),
    ];
    let out = planwright(&args);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("is not a PDF"), "{}", stderr(&out));
    assert!(stderr(&out).contains("--force"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&notes).unwrap(), "my notes");
    let out = planwright(&[&args[..], &["--force"][..]].concat());
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(std::fs::read(&notes).unwrap().starts_with(b"%PDF-"));
    // An existing PDF is replaced without asking.
    let out = planwright(&args);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[cfg(unix)]
#[test]
fn format_keeps_a_private_plan_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.ron");
    std::fs::copy(seed("2008-09-strategy-policy-performance.ron"), &plan).unwrap();
    std::fs::set_permissions(&plan, std::fs::Permissions::from_mode(0o600)).unwrap();
    let out = planwright(&["format", plan.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let mode = std::fs::metadata(&plan).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
}

#[cfg(unix)]
#[test]
fn format_through_a_link_saves_at_its_target_and_keeps_the_link() {
    let dir = tempfile::tempdir().unwrap();
    let shared = dir.path().join("shared");
    std::fs::create_dir(&shared).unwrap();
    let target = shared.join("plan.ron");
    let text = std::fs::read_to_string(seed("2008-09-strategy-policy-performance.ron")).unwrap();
    let squashed: String = text.lines().map(str::trim).collect::<Vec<_>>().join(" ");
    std::fs::write(&target, &squashed).unwrap();
    let link = dir.path().join("plan.ron");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let out = planwright(&["format", link.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let meta = std::fs::symlink_metadata(&link).unwrap();
    assert!(
        meta.file_type().is_symlink(),
        "the link was replaced by a file"
    );
    assert_eq!(std::fs::read_to_string(&target).unwrap(), text);
    assert!(
        shared.join("plan.ron.bak").exists(),
        "the backup sits beside the target"
    );
}

#[test]
fn a_save_clears_the_temporary_files_an_interrupted_save_left() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.ron");
    std::fs::copy(seed("2008-09-strategy-policy-performance.ron"), &plan).unwrap();
    let an_hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    let names = [
        ".plan.ron.saving-4242",
        ".plan.ron.backup-4242",
        ".plan.ron.saving-notapid",
        ".other.ron.saving-4242",
        "plan.ron.saving-4242",
    ];
    for name in names {
        let file = std::fs::File::create(dir.path().join(name)).unwrap();
        file.set_modified(an_hour_ago).unwrap();
    }
    let fresh = dir.path().join(".plan.ron.saving-4343");
    std::fs::write(&fresh, "another save, in progress").unwrap();
    let out = planwright(&["format", plan.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let left: Vec<bool> = names.iter().map(|n| dir.path().join(n).exists()).collect();
    assert_eq!(
        left,
        [false, false, true, true, true],
        "only this plan's stale temps go"
    );
    assert!(
        fresh.exists(),
        "a save that may still be running is left alone"
    );
}

#[test]
fn a_plan_with_a_byte_order_mark_loads() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("notepad.ron");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(std::fs::read(seed("2008-09-strategy-policy-performance.ron")).unwrap());
    std::fs::write(&plan, bytes).unwrap();
    let out = planwright(&["check", plan.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn a_file_nested_100000_deep_is_refused_with_the_real_limit() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("deep.ron");
    // `Some(` 100,000 deep (0.7 MB) took the parser 12 s; brackets too.
    for (open, close) in [("Some(", ")"), ("[", "]")] {
        let nested = format!("{}{}", open.repeat(100_000), close.repeat(100_000));
        std::fs::write(&plan, format!("Plan(format_version: 1, x: {nested})")).unwrap();
        let out = planwright(&["check", plan.to_str().unwrap()]);
        assert!(!out.status.success());
        let err = stderr(&out);
        assert!(err.contains("deep.ron:1:"), "{err}");
        assert!(err.contains("nest at most 9 levels"), "{err}");
    }
}

#[test]
fn a_mistyped_command_prints_usage_and_fails_without_a_window() {
    let out = planwright(&["frobnicate"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("\"frobnicate\" is not a command"), "{err}");
    assert!(err.contains("Usage:"), "{err}");
    let out = planwright(&["no-such-plan.ron"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("there is no plan file no-such-plan.ron"));
}

#[test]
fn every_subcommand_argument_has_help() {
    for (command, words) in [
        ("check", "The plan file (.ron) to check"),
        ("new", "The template's id"),
        ("render", "The PDF file to write"),
        ("format", "to rewrite in place"),
        ("outline", "The plan file (.ron) to outline"),
    ] {
        let out = planwright(&[command, "--help"]);
        assert!(out.status.success());
        assert!(stdout(&out).contains(words), "{command}: {}", stdout(&out));
    }
}

#[test]
fn export_html_writes_the_page_and_never_over_the_plan_or_a_stranger() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.ron");
    std::fs::copy(seed("2008-09-strategy-policy-performance.ron"), &plan).unwrap();
    let original = std::fs::read(&plan).unwrap();
    let page = dir.path().join("plan.html");
    let export = |output: &Path, force: bool| {
        let mut args = vec!["export", "--html", plan.to_str().unwrap()];
        args.extend(["-o", output.to_str().unwrap()]);
        if force {
            args.push("--force");
        }
        planwright(&args)
    };
    let out = export(&page, false);
    assert!(out.status.success(), "{}", stderr(&out));
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en-GB\">"));
    assert!(
        html.contains("Strategy"),
        "the plan's words are in the page"
    );
    // An earlier export is replaced without asking.
    assert!(export(&page, false).status.success());

    let out = export(&plan, true);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("is the plan itself"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read(&plan).unwrap(), original);

    let notes = dir.path().join("notes.txt");
    std::fs::write(&notes, "my notes").unwrap();
    let out = export(&notes, false);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("--force"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&notes).unwrap(), "my notes");
    assert!(export(&notes, true).status.success());

    let out = planwright(&["export", plan.to_str().unwrap(), "-o", "x.html"]);
    assert!(!out.status.success(), "a format must be named");
}
