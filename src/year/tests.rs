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
