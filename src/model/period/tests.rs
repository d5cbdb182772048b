//! The labels here are the seeds' own (`grep` the seeds for years).

use super::*;

fn years(text: &str) -> Vec<(String, i32, YearForm)> {
    find_years(text)
        .into_iter()
        .map(|l| (text[l.range.clone()].to_owned(), l.year, l.form))
        .collect()
}

fn one(text: &str) -> (i32, YearForm) {
    let found = years(text);
    assert_eq!(found.len(), 1, "{text}: {found:?}");
    (found[0].1, found[0].2)
}

#[test]
fn the_authors_styles_of_a_financial_year_are_read() {
    use YearForm::Financial;
    for label in [
        "2008/9",
        "08/09",
        "2008-09",
        "2008/09",
        "2008-2009",
        "Target 08/09",
        "Estimate 2008/09",
        "CHILDREN FAMILIES & EDUCATION 2008/09 BUDGET",
        "Key Performance Indicators 2008/9",
        "Target for 08/09",
        "Planned Activity for 2008-09",
        "Annual Business Unit Operational Plan 2008/9",
    ] {
        assert_eq!(one(label), (2008, Financial), "{label}");
    }
    assert_eq!(one("Actual 2007/08"), (2007, Financial));
    assert_eq!(one("Actual performance 2006/2007"), (2006, Financial));
    assert_eq!(one("Review of Performance 2007-8"), (2007, Financial));
    assert_eq!(one("Progress in 2016-2017"), (2016, Financial));
    assert_eq!(one("2018-19 Directorate Business Plan"), (2018, Financial));
    assert_eq!(one("2004/5"), (2004, Financial));
}

#[test]
fn calendar_years_dates_and_spans_are_told_apart() {
    assert_eq!(one("2008"), (2008, YearForm::Calendar));
    assert_eq!(one("National Average (2007)"), (2007, YearForm::Calendar));
    assert_eq!(
        one("31/03/2009"),
        (2009, YearForm::Date { day: 31, month: 3 })
    );
    assert_eq!(
        one("as of 25.01.2008"),
        (2008, YearForm::Date { day: 25, month: 1 })
    );
    assert_eq!(
        one("Actual Activity Apr-Nov 06"),
        (2006, YearForm::Calendar)
    );
    assert_eq!(
        one("Kent Agreement 2 for 2008-2011"),
        (2008, YearForm::Span)
    );
    assert_eq!(one("Strategic Statement 2015-2020"), (2015, YearForm::Span));
    assert_eq!(one("September 2008 - 11 Summary"), (2008, YearForm::Span));
    assert_eq!(one("Vision and Priorities 2018-21"), (2018, YearForm::Span));
    let both = years("Actual Activity 07/08 Apr-Nov 07");
    assert_eq!(both.len(), 2, "{both:?}");
    assert_eq!((both[0].1, both[0].2), (2007, YearForm::Financial));
    assert_eq!((both[1].1, both[1].2), (2007, YearForm::Calendar));
}

#[test]
fn words_and_figures_with_digits_are_not_years() {
    for text in [
        "T2010 Target 13",
        "NI117 16-18 year olds",
        "aged 14-19",
        "Kent Rainer 16plus Service",
        "1,138.8 FTE",
        "£2008",
        "12.5%",
        "2008%",
        "A1 Percentage",
        "Outturn",
    ] {
        assert!(years(text).is_empty(), "{text}: {:?}", years(text));
    }
}

#[test]
fn labels_move_on_in_their_own_style() {
    for (old, new) in [
        ("2008/9", "2009/10"),
        ("2007/8", "2008/9"),
        ("08/09", "09/10"),
        ("2008-09", "2009-10"),
        ("2008/09", "2009/10"),
        ("2008-2009", "2009-2010"),
        ("2008", "2009"),
        ("Target 08/09", "Target 09/10"),
        ("Actual 2007/08", "Actual 2008/09"),
        ("Estimate 2008/09", "Estimate 2009/10"),
        ("Outturn", "Outturn"),
        (
            "Review of Performance 2007-8",
            "Review of Performance 2008-9",
        ),
        (
            "Actual performance 2006/2007",
            "Actual performance 2007/2008",
        ),
        ("National Average (2007)", "National Average (2008)"),
        ("31/03/2009", "31/03/2010"),
        (
            "Actual Activity 07/08 Apr-Nov 07",
            "Actual Activity 08/09 Apr-Nov 08",
        ),
        (
            "2018-19 Directorate Business Plan",
            "2019-20 Directorate Business Plan",
        ),
        ("Progress in 2016-2017", "Progress in 2017-2018"),
        ("Plan 2099/00", "Plan 2100/01"),
        // Spans name a strategy's years: they stay.
        (
            "Strategic Statement 2015-2020",
            "Strategic Statement 2015-2020",
        ),
    ] {
        assert_eq!(moved_on(old, 1), new, "{old}");
    }
}

#[test]
fn roles_come_from_the_words() {
    for (text, role) in [
        ("Target 08/09", Some(Role::Target)),
        ("Actual 2007/08", Some(Role::Actual)),
        ("Estimate 2008/09", Some(Role::Estimate)),
        ("Outturn", Some(Role::Actual)),
        ("Estimated Outturn 07/08", Some(Role::Estimate)),
        ("Projection", Some(Role::Estimate)),
        ("Affordable", Some(Role::Target)),
        ("Previous", Some(Role::Previous)),
        ("Current", Some(Role::Current)),
        ("Existing Performance", Some(Role::Current)),
        ("Budget 2008/09", Some(Role::Budget)),
        ("2008-09", None),
        ("National Average (2007)", None),
    ] {
        assert_eq!(Role::in_text(text), role, "{text}");
    }
    let (year, role) = parse_label("Target 08/09");
    assert_eq!(
        (year.map(|y| y.year), role),
        (Some(2008), Some(Role::Target))
    );
}

#[test]
fn a_budget_s_bands_give_its_columns_their_periods() {
    use crate::model::{Column, ColumnKind, HeaderCell, TableKind};
    let mut table = Table::new(
        TableKind::Budget,
        [
            "Controllable Expenditure £000's",
            "FTE",
            "Activity",
            "FTE",
            "Controllable Expenditure £000's",
        ]
        .into_iter()
        .map(|l| Column::new(l, ColumnKind::Money))
        .collect(),
    );
    table.header_rows = vec![vec![
        HeaderCell {
            text: "2007-08".into(),
            span: 2,
        },
        HeaderCell {
            text: "".into(),
            span: 1,
        },
        HeaderCell {
            text: "2008-09".into(),
            span: 2,
        },
    ]];
    let periods = column_periods(&table, 2008);
    let summary: Vec<Option<(i32, Role, &str)>> = periods
        .iter()
        .map(|p| p.as_ref().map(|p| (p.year, p.role, p.stem.as_str())))
        .collect();
    assert_eq!(
        summary,
        vec![
            Some((2007, Role::Previous, "controllable expenditure £000's")),
            Some((2007, Role::Previous, "fte")),
            None,
            Some((2008, Role::Current, "fte")),
            Some((2008, Role::Current, "controllable expenditure £000's")),
        ]
    );
}

#[test]
fn the_plan_year_is_read_from_the_cover() {
    let mut plan = crate::model::Plan {
        format_version: 1,
        template: String::new(),
        cover: Default::default(),
        status: Default::default(),
        sign_off: Vec::new(),
        contents: Default::default(),
        body_title: "ANNUAL OPERATING PLAN 2008/09".into(),
        rating_scale: Vec::new(),
        dictionary: Vec::new(),
        units: Vec::new(),
        sections: Vec::new(),
    };
    assert_eq!(plan_year(&plan).map(|l| l.year), Some(2008));
    plan.cover.year = "2018-19".into();
    assert_eq!(plan_year(&plan).map(|l| l.year), Some(2018));
}

#[test]
fn a_new_plan_is_for_the_coming_april() {
    assert_eq!(coming_plan_year(2026, 12), 2027);
    assert_eq!(financial_label(coming_plan_year(2026, 12)), "2027/28");
    assert_eq!(coming_plan_year(2027, 2), 2027);
    assert_eq!(financial_label(2099), "2099/00");
}

#[test]
fn every_seed_s_plan_year_is_read() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let plan = crate::model::file::load(&path).unwrap();
        let year = plan_year(&plan).unwrap_or_else(|| panic!("{}: no year", path.display()));
        assert!([2008, 2018].contains(&year.year), "{}", path.display());
    }
}

#[test]
fn a_kpi_table_s_role_columns_without_years_take_their_period_from_the_role() {
    use crate::model::{Column, ColumnKind, TableKind};
    let columns = ["Indicator", "Previous", "Current", "Target", "Floor"]
        .into_iter()
        .map(|l| Column::new(l, ColumnKind::Rating))
        .collect();
    let table = Table::new(TableKind::Kpi, columns);
    let years: Vec<Option<(i32, Role)>> = column_periods(&table, 2018)
        .iter()
        .map(|p| p.as_ref().map(|p| (p.year, p.role)))
        .collect();
    assert_eq!(
        years,
        [
            None,
            Some((2016, Role::Previous)),
            Some((2017, Role::Current)),
            Some((2018, Role::Target)),
            None
        ]
    );
    // Elsewhere a role word alone names no period.
    let generic = Table::new(TableKind::Generic, table.columns.clone());
    assert!(column_periods(&generic, 2018).iter().all(Option::is_none));
}

proptest::proptest! {
    /// Any text: reading it never fails, and moving its labels by no
    /// years gives it back unchanged.
    #[test]
    fn any_text_reads_and_moves_by_nothing_unchanged(text in "[0-9/\\-– .,%a-zA-Z£]{0,40}") {
        proptest::prop_assert_eq!(moved_on(&text, 0), text.clone());
        for label in find_years(&text) {
            proptest::prop_assert!(label.range.end <= text.len());
        }
    }
}

#[test]
fn the_seeds_read_back_unchanged_when_moved_by_nothing() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    for entry in std::fs::read_dir(dir).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        assert_eq!(moved_on(&text, 0), text);
    }
}
