//! The spelling check on the real plans in `seeds/`: each lists exactly
//! the misspelt words kept beside the tests (`tests/spelling/SEED.txt`),
//! each read against the plan's source text and found a real typo. Names
//! and acronyms are known to the bundled word list or the plan's own
//! dictionary, so they are not listed.

use planwright::edit::spelling::check_plan;
use planwright::model::file;
use std::path::Path;
use std::process::Command;

const SEEDS: [&str; 4] = [
    "2008-09-strategy-policy-performance",
    "2008-09-childrens-social-services",
    "2008-09-clusters-local-childrens-services",
    "2018-19-cype-directorate-business-plan",
];

fn seed(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("seeds/{name}.ron"))
}

fn expected(name: &str) -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/spelling/{name}.txt"));
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    text.lines()
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

#[test]
fn every_seed_lists_exactly_its_known_misspellings() {
    for name in SEEDS {
        let plan = file::load(&seed(name)).unwrap();
        let found: Vec<String> = check_plan(&plan).iter().map(ToString::to_string).collect();
        assert_eq!(found, expected(name), "misspellings of {name}");
    }
}

/// `planwright check --spelling` lists the same words with their places
/// and suggestions, and succeeds, as `check` does with findings.
#[test]
fn the_command_line_lists_misspellings_with_their_place() {
    let name = SEEDS[0];
    let output = Command::new(env!("CARGO_BIN_EXE_planwright"))
        .args(["check", "--spelling"])
        .arg(seed(name))
        .output()
        .unwrap();
    assert!(output.status.success());
    let stdout = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    let expected = expected(name);
    assert_eq!(lines.len(), expected.len(), "{stdout}");
    for (line, word) in lines.iter().zip(&expected) {
        assert!(line.starts_with(word.as_str()), "{line} / {word}");
    }
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains(&format!("{} misspelt word", expected.len())),
        "{stderr}"
    );
}
