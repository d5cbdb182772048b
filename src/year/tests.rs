use super::*;

fn seed(name: &str) -> Plan {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("seeds")
        .join(format!("{name}.ron"));
    crate::model::file::load(&path).unwrap()
}

#[test]
fn only_the_next_year_is_accepted() {
    let plan = seed("2008-09-strategy-policy-performance");
    assert!(roll_forward(&plan, Some("2009/10")).is_ok());
    assert!(roll_forward(&plan, Some("09/10")).is_ok());
    assert_eq!(
        roll_forward(&plan, Some("2010/11"))
            .unwrap_err()
            .to_string(),
        "a plan moves on one year at a time: this plan is for 2008/09, so it rolls forward to 2009/10, not 2010/11"
    );
    assert!(matches!(
        roll_forward(&plan, Some("next year")),
        Err(RollError::NotAYear(_))
    ));
}

#[test]
fn excerpts_are_cut_at_spaces() {
    let text = "In 2007, teams within the Strategy, Policy and Performance division were restructured to meet the enhanced data requirements";
    let labels = find_years(text);
    let cut = excerpt(text, labels[0].range.clone());
    assert!(cut.starts_with("In 2007, teams"), "{cut}");
    assert!(cut.ends_with('…'), "{cut}");
}

#[test]
fn a_kpi_table_of_roles_moves_its_values_back_a_role_and_keeps_styling() {
    use crate::model::{Cell, Row, RowKind, Span};
    let template = crate::template::find("directorate-plan-2018").unwrap();
    let mut plan = template.new_plan();
    let kpis = plan
        .walk_sections()
        .into_iter()
        .find(|(_, s)| s.slot == "kpis")
        .map(|(path, _)| path)
        .unwrap();
    let section = plan.section_mut(&kpis).unwrap();
    section.heading = Rich(vec![
        Span::plain("KPIs for "),
        Span {
            text: "2018-19".into(),
            bold: true,
            ..Span::default()
        },
    ]);
    let Block::Table(table) = &mut section.blocks[1] else {
        panic!()
    };
    table.rows = vec![Row::new(
        RowKind::Data,
        ["NI 62", "12%", "10%", "8%", "15%"]
            .map(Cell::text)
            .to_vec(),
    )];
    let roll = roll_forward(&plan, None).unwrap();
    let section = roll.plan.section(&kpis).unwrap();
    assert_eq!(section.heading.0[1].text, "2019-20");
    assert!(section.heading.0[1].bold, "the year keeps its bold");
    let Block::Table(table) = &section.blocks[1] else {
        panic!()
    };
    let cells: Vec<String> = table.rows[0]
        .cells
        .iter()
        .map(|c| c.as_text().unwrap())
        .collect();
    // Previous <- current, current <- target, target blank; the floor stays.
    assert_eq!(cells, ["NI 62", "10%", "8%", "", "15%"]);
}
