//! Rolling the real plans forward a year, and new plans for a year: what
//! must move moves in its own style, what the author wrote in prose stays
//! byte for byte, and the figures move back one period.

mod binary;

use binary::planwright;
use planwright::model::check::{Severity, validate};
use planwright::model::period::{YearForm, YearLabel, find_years};
use planwright::model::*;
use planwright::template;
use planwright::year::roll_forward;
use std::path::{Path, PathBuf};

/// Every seed, by name; the strategy plan (the one with "In 2007, teams
/// were restructured") first.
fn seeds() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut names: Vec<String> = (std::fs::read_dir(dir).unwrap())
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    names.sort_by_key(|n| (n != SPP, n.clone()));
    assert_eq!(names.len(), 4, "{names:?}");
    names
}

const SPP: &str = "2008-09-strategy-policy-performance";

fn seed_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("seeds")
        .join(format!("{name}.ron"))
}

fn seed(name: &str) -> Plan {
    file::load(&seed_path(name)).unwrap_or_else(|e| panic!("{e}"))
}

fn rolled(name: &str) -> (Plan, Plan) {
    let old = seed(name);
    let new = roll_forward(&old, None).unwrap().plan;
    (old, new)
}

#[test]
fn every_rolled_seed_loads_validates_and_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    for name in &seeds() {
        let (_, new) = rolled(name);
        let path = dir.path().join(format!("{name}.ron"));
        file::save(&new, &path).unwrap();
        let loaded = file::load(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(loaded, new, "{name}");
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(file::to_ron(&loaded).unwrap(), text, "{name} round trip");
        let errors: Vec<String> = (validate(&loaded).iter())
            .filter(|f| f.severity == Severity::Error)
            .map(ToString::to_string)
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:#?}");
    }
}

/// Every label, where the text is labels of the same shape: the same
/// words, the years one on, the separators and widths as written (a
/// one-digit second year takes two digits where it reaches 10).
fn assert_moved(place: &str, old: &str, new: &str, moves: impl Fn(&YearLabel) -> bool) {
    let (old_labels, new_labels) = (find_years(old), find_years(new));
    assert_eq!(
        old_labels.len(),
        new_labels.len(),
        "{place}: {old:?} → {new:?}"
    );
    let mut at = (0, 0);
    for (o, n) in old_labels.iter().zip(&new_labels) {
        assert_eq!(
            old[at.0..o.range.start],
            new[at.1..n.range.start],
            "{place}: words changed: {old:?} → {new:?}"
        );
        let (o_text, n_text) = (&old[o.range.clone()], &new[n.range.clone()]);
        if moves(o) {
            assert_eq!(n.year, o.year + 1, "{place}: {o_text} → {n_text}");
            let shape = |t: &str| t.replace(|c: char| c.is_ascii_digit(), "9");
            let widened = o_text.ends_with('9') && n_text.ends_with("10");
            if !widened {
                assert_eq!(shape(o_text), shape(n_text), "{place}: style of {o_text}");
            }
            assert_eq!(n.form, o.form, "{place}: {o_text} → {n_text}");
        } else {
            assert_eq!(o_text, n_text, "{place}: {o_text} should stay");
        }
        at = (o.range.end, n.range.end);
    }
    assert_eq!(old[at.0..], new[at.1..], "{place}");
}

fn plan_year(label: &YearLabel) -> bool {
    label.form == YearForm::Financial
}

#[test]
fn every_year_label_of_headings_captions_columns_and_header_rows_moves_on_in_its_style() {
    for name in &seeds() {
        let (old, new) = rolled(name);
        assert_moved("title", &old.cover.title, &new.cover.title, plan_year);
        assert_moved("year", &old.cover.year, &new.cover.year, plan_year);
        assert_moved("body title", &old.body_title, &new.body_title, plan_year);
        let (old_sections, new_sections) = (old.walk_sections(), new.walk_sections());
        assert_eq!(old_sections.len(), new_sections.len());
        let mut moved = 0;
        for ((path, o), (_, n)) in old_sections.iter().zip(&new_sections) {
            let place = format!("{name} {path:?}");
            let (oh, nh) = (o.heading.to_plain(), n.heading.to_plain());
            assert_moved(&place, &oh, &nh, plan_year);
            moved += usize::from(oh != nh);
            for (ob, nb) in o.blocks.iter().zip(&n.blocks) {
                let (Block::Table(ot), Block::Table(nt)) = (ob, nb) else {
                    continue;
                };
                for (oc, nc) in ot.caption.iter().zip(&nt.caption) {
                    assert_moved(&place, &oc.to_plain(), &nc.to_plain(), plan_year);
                }
                for (oc, nc) in ot.columns.iter().zip(&nt.columns) {
                    let (ol, nl) = (oc.label.to_plain(), nc.label.to_plain());
                    assert_moved(&place, &ol, &nl, YearLabel::is_movable);
                    moved += usize::from(ol != nl);
                }
                for (or, nr) in ot.header_rows.iter().zip(&nt.header_rows) {
                    for (oc, nc) in or.iter().zip(nr) {
                        let (ol, nl) = (oc.text.to_plain(), nc.text.to_plain());
                        assert_moved(&place, &ol, &nl, YearLabel::is_movable);
                        moved += usize::from(ol != nl);
                    }
                }
            }
        }
        assert!(moved >= 3, "{name}: only {moved} labels moved");
    }
}

/// The prose of a plan, in order: paragraphs, list items and notes.
fn prose(plan: &Plan) -> Vec<Rich> {
    fn list(l: &List, out: &mut Vec<Rich>) {
        for item in &l.items {
            out.push(item.text.clone());
            list(&item.children, out);
        }
    }
    let mut out = Vec::new();
    for (_, section) in plan.walk_sections() {
        for block in &section.blocks {
            match block {
                Block::Paragraph(p) => out.push(p.clone()),
                Block::List(l) => list(l, &mut out),
                Block::Note(n) => out.push(n.text.clone()),
                Block::Table(t) => out.extend(t.notes.iter().map(|n| n.text.clone())),
                Block::Heading(_) | Block::OrgChart(_) => {}
            }
        }
    }
    out
}

#[test]
fn prose_stays_byte_for_byte_and_its_years_are_listed() {
    for name in &seeds() {
        let old = seed(name);
        let roll = roll_forward(&old, None).unwrap();
        assert_eq!(prose(&old), prose(&roll.plan), "{name}");
        let with_years = prose(&old)
            .iter()
            .filter(|p| !find_years(&p.to_plain()).is_empty())
            .count();
        let listed = (roll.mentions.iter())
            .filter(|m| {
                m.what.contains("paragraph") || m.what.contains("item") || m.what.contains("note")
            })
            .count();
        assert_eq!(listed, with_years, "{name}");
    }
    let spp = roll_forward(&seed(SPP), None).unwrap();
    assert!(
        spp.mentions
            .iter()
            .any(|m| m.excerpt.starts_with("In 2007, teams") && m.years == ["2007"]),
        "{:#?}",
        &spp.mentions[..3]
    );
}

fn tables_of(plan: &Plan, kind: TableKind) -> Vec<&Table> {
    (plan.walk_sections().into_iter())
        .flat_map(|(_, s)| s.blocks.iter())
        .filter_map(|b| match b {
            Block::Table(t) if t.kind == kind => Some(t),
            _ => None,
        })
        .collect()
}

fn column(table: &Table, c: usize) -> Vec<Cell> {
    (table.rows.iter())
        .filter(|r| !matches!(r.kind, RowKind::Group | RowKind::Hint))
        .map(|r| r.cells.get(c).cloned().unwrap_or_default())
        .collect()
}

#[test]
fn the_budget_s_previous_year_takes_the_old_current_year_and_the_current_year_is_blank() {
    let mut budgets = 0;
    for name in &seeds() {
        let (old, new) = rolled(name);
        for (o, n) in tables_of(&old, TableKind::Budget)
            .into_iter()
            .zip(tables_of(&new, TableKind::Budget))
        {
            budgets += 1;
            // Previous band: controllable expenditure and FTE; current
            // band: FTE (column 3) to controllable expenditure (column 10).
            assert_eq!(column(n, 0), column(o, 10), "{name}: expenditure");
            assert_eq!(column(n, 1), column(o, 3), "{name}: FTE");
            for c in 3..=10 {
                assert!(
                    column(n, c).iter().all(Cell::is_empty),
                    "{name}: column {c}"
                );
            }
            // Activity names, cabinet members, row kinds and memo rows stay.
            assert_eq!(column(n, 2), column(o, 2));
            assert_eq!(column(n, 11), column(o, 11));
            let kinds = |t: &Table| t.rows.iter().map(|r| r.kind).collect::<Vec<_>>();
            assert_eq!(kinds(n), kinds(o));
        }
    }
    assert_eq!(budgets, 17, "the seeds' budget tables");
}

#[test]
fn kpi_values_and_ratings_move_back_one_role() {
    for name in &seeds() {
        let (old, new) = rolled(name);
        for (o, n) in tables_of(&old, TableKind::Kpi)
            .into_iter()
            .zip(tables_of(&new, TableKind::Kpi))
        {
            let find =
                |word: &str| (o.columns.iter()).position(|c| c.label.to_plain().starts_with(word));
            let (actual, estimate, target) = (find("Actual"), find("Estimated"), find("Target"));
            if let (Some(a), Some(e)) = (actual, estimate) {
                assert_eq!(column(n, a), column(o, e), "{name}: actual ← estimate");
            }
            if let (Some(e), Some(t)) = (estimate, target) {
                assert_eq!(column(n, e), column(o, t), "{name}: estimate ← target");
            }
            if let Some(t) = target {
                assert!(
                    column(n, t).iter().all(Cell::is_empty),
                    "{name}: new targets"
                );
            }
        }
    }
    // The social services KPIs: 17.5 (Acceptable) was the estimate, and
    // is now the actual, rating and all.
    let (_, new) = rolled("2008-09-childrens-social-services");
    let kpis = tables_of(&new, TableKind::Kpi)[0];
    let cell = &kpis.rows[2].cells[1];
    assert_eq!(cell.as_text().as_deref(), Some("17.5"));
    assert_eq!(cell.rating().map(|r| r.label.as_str()), Some("Acceptable"));
}

#[test]
fn staffing_shifts_its_two_years() {
    let (old, new) = rolled("2008-09-childrens-social-services");
    let (o, n) = (
        tables_of(&old, TableKind::Staffing),
        tables_of(&new, TableKind::Staffing),
    );
    assert!(!o.is_empty());
    for (o, n) in o.into_iter().zip(n) {
        assert_eq!(n.columns[1].label.to_plain(), "2008/09");
        assert_eq!(n.columns[2].label.to_plain(), "2009/10");
        assert_eq!(column(n, 1), column(o, 2));
        assert!(column(n, 2).iter().all(Cell::is_empty));
        assert_eq!(column(n, 0), column(o, 0));
    }
}

#[test]
fn the_new_plan_is_a_draft_with_no_sign_off() {
    for name in &seeds() {
        let (old, new) = rolled(name);
        assert_eq!(new.status.state, PlanState::Draft, "{name}");
        assert_eq!(new.status.version, "0.1");
        assert!(new.status.date.is_empty());
        assert!(new.sign_off.is_empty());
        // Everything else the cover says stays.
        assert_eq!(new.cover.directorate, old.cover.directorate);
        assert_eq!(new.cover.cabinet_members, old.cover.cabinet_members);
    }
}

#[test]
fn projects_dated_before_the_new_year_are_kept_and_marked_for_review() {
    let (old, new) = rolled("2008-09-strategy-policy-performance");
    let projects = |p: &Plan| {
        tables_of(p, TableKind::Projects)
            .iter()
            .map(|t| t.rows.len())
            .sum::<usize>()
    };
    assert_eq!(projects(&new), projects(&old));
    let review: Vec<String> = (validate(&new).iter())
        .map(ToString::to_string)
        .filter(|f| f.contains("is before the plan year 2009/10 starts"))
        .collect();
    assert!(review.len() >= 10, "{review:#?}");
    assert!(
        review.iter().any(|f| f.contains("\"March 09\"")),
        "{review:#?}"
    );
}

/// A plan's text: everything the author or template wrote, with where.
fn texts(plan: &Plan) -> Vec<(String, String)> {
    let mut out = vec![
        ("title".into(), plan.cover.title.clone()),
        ("year".into(), plan.cover.year.clone()),
        ("body title".into(), plan.body_title.clone()),
    ];
    for (path, s) in plan.walk_sections() {
        let at = format!("{path:?}");
        out.push((at.clone(), s.heading.to_plain()));
        out.push((at.clone(), s.guidance.clone()));
        for block in &s.blocks {
            match block {
                Block::Paragraph(p) => out.push((at.clone(), p.to_plain())),
                Block::List(l) => {
                    out.extend(l.items.iter().map(|i| (at.clone(), i.text.to_plain())))
                }
                Block::Table(t) => {
                    out.extend(t.caption.iter().map(|c| (at.clone(), c.to_plain())));
                    out.extend(t.columns.iter().map(|c| (at.clone(), c.label.to_plain())));
                    for row in t.header_rows.iter().flatten() {
                        out.push((at.clone(), row.text.to_plain()));
                    }
                    for row in &t.rows {
                        out.extend(
                            row.cells
                                .iter()
                                .filter_map(|c| c.as_text())
                                .map(|c| (at.clone(), c)),
                        );
                    }
                }
                _ => {}
            }
        }
    }
    out
}

#[test]
fn a_new_plan_for_2027_28_holds_no_year_label_of_another_plan_year() {
    for template in template::all() {
        let plan = template.new_plan_for(2027);
        assert!(
            ["2027/28", "2027-28"].contains(&plan.cover.year.as_str()),
            "{}: {}",
            template.id,
            plan.cover.year
        );
        let mut plan_years = 0;
        for (at, text) in texts(&plan) {
            for label in find_years(&text) {
                let written = &text[label.range.clone()];
                match label.form {
                    // This year, and the two before it that reviews of
                    // performance and budget bands name.
                    YearForm::Financial => {
                        plan_years += 1;
                        assert!(
                            (2025..=2027).contains(&label.year),
                            "{} {at}: {written} in {text:?}",
                            template.id
                        );
                    }
                    // Acts and programmes named by their year (the Crime
                    // and Disorder Act 1998, Towards 2010) are names.
                    YearForm::Calendar => assert!(
                        label.year < 2000 || text.contains("Towards 2010"),
                        "{} {at}: {written} in {text:?}",
                        template.id
                    ),
                    YearForm::Date { .. } | YearForm::Span => {
                        panic!("{} {at}: {written} in {text:?}", template.id)
                    }
                }
            }
        }
        assert!(plan_years >= 3, "{}: {plan_years} year labels", template.id);
    }
}

#[test]
fn the_templates_read_as_their_own_year_when_none_is_asked() {
    let plan = template::find("operating-plan-2008").unwrap().new_plan();
    assert_eq!(
        plan.cover.title,
        "Annual Business Unit Operational Plan 2008/9"
    );
    assert_eq!(plan.cover.year, "2008/09");
    let plan = template::find("directorate-plan-2018")
        .unwrap()
        .new_plan_for(2019);
    assert_eq!(plan.cover.title, "2019-20 Directorate Business Plan");
    let progress = plan
        .walk_sections()
        .into_iter()
        .find(|(_, s)| s.slot == "progress");
    assert_eq!(
        progress.unwrap().1.heading.to_plain(),
        "Progress in 2017-2018"
    );
}

#[test]
fn the_command_line_rolls_forward_prints_the_changes_and_never_writes_over_the_plan() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old.ron");
    std::fs::copy(seed_path(SPP), &old).unwrap();
    let (old_s, new) = (old.to_str().unwrap(), dir.path().join("new.ron"));
    let new_s = new.to_str().unwrap();

    let over = planwright(&["rollforward", old_s, "-o", old_s, "--force"]);
    assert!(!over.status.success());
    assert!(String::from_utf8_lossy(&over.stderr).contains("is the plan itself"));

    let wrong = planwright(&["rollforward", old_s, "--to", "2011/12", "-o", new_s]);
    assert!(!wrong.status.success());
    assert!(String::from_utf8_lossy(&wrong.stderr).contains("rolls forward to 2009/10"));
    assert!(!new.exists());

    let out = planwright(&["rollforward", old_s, "--to", "2009/10", "-o", new_s]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("cover title: Annual Business Plan 2008/9 → Annual Business Plan 2009/10"),
        "{stdout}"
    );
    assert!(stdout.contains("In 2007, teams"), "{stdout}");
    assert_eq!(file::load(&new).unwrap().cover.year, "2009/10");
    assert_eq!(
        std::fs::read(&old).unwrap(),
        std::fs::read(seed_path(SPP)).unwrap()
    );

    let again = planwright(&["rollforward", old_s, "-o", new_s]);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
}

#[test]
fn the_command_line_starts_a_plan_for_the_year_asked() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.ron");
    let path_s = path.to_str().unwrap();
    let out = planwright(&[
        "new",
        "--template",
        "operating-plan-2008",
        "--year",
        "2027/28",
        "-o",
        path_s,
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let plan = file::load(&path).unwrap();
    assert_eq!(
        plan.cover.title,
        "Annual Business Unit Operational Plan 2027/8"
    );
    let bad = planwright(&[
        "new",
        "--template",
        "operating-plan-2008",
        "--year",
        "soon",
        "-o",
        dir.path().join("b.ron").to_str().unwrap(),
    ]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("is not a plan year"));
}
