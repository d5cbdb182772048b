//! Plan templates: data in `templates/`, built into the binary so a new
//! plan can be started anywhere.

use crate::model::file::LoadError;
use crate::model::period;
use crate::model::{FORMAT_VERSION, Plan, Table, TableKind};
use serde::Deserialize;
use std::collections::HashMap;
use std::path::Path;
use std::sync::OnceLock;

pub mod markers;

/// The template files, by file name.
const SOURCES: [(&str, &str); 2] = [
    (
        "templates/operating-plan-2008.ron",
        include_str!("../../templates/operating-plan-2008.ron"),
    ),
    (
        "templates/directorate-plan-2018.ron",
        include_str!("../../templates/directorate-plan-2018.ron"),
    ),
];

/// A template: the sections, headings, guidance and default blocks of a
/// new plan, and the default shape of each kind of table it offers.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Template {
    pub id: String,
    pub name: String,
    /// The plan year the template reads as when none is asked for
    /// (`2008/09`): its year labels are markers (see [`markers`]).
    pub year: String,
    pub description: String,
    /// Default tables offered by "Add table", one per kind.
    #[serde(default)]
    pub tables: Vec<Table>,
    pub plan: Plan,
    /// The file's text, to read again for another year.
    #[serde(skip)]
    source: Option<(&'static str, &'static str)>,
    /// The plan year (its first year) the markers were written for.
    #[serde(skip)]
    written_for: i32,
}

impl Template {
    /// Reads a template with its year markers written for `year` (the
    /// first year of a financial year), or for the template's own year.
    pub fn parse(text: &str, path: &Path, year: Option<i32>) -> Result<Template, LoadError> {
        let resolved = |year: i32| {
            markers::resolve(text, year).map_err(|(line, column, message)| LoadError::Syntax {
                path: path.to_owned(),
                line,
                column,
                message,
            })
        };
        let read = |text: &str| {
            crate::model::file::ron_options()
                .from_str::<Template>(text)
                .map_err(|e| LoadError::Syntax {
                    path: path.to_owned(),
                    line: e.span.start.line,
                    column: e.span.start.col,
                    message: e.code.to_string(),
                })
        };
        let year = match year {
            Some(year) => year,
            // Any year will do to read which year the template is for.
            None => {
                let template = read(&resolved(2000)?)?;
                (period::find_years(&template.year).first())
                    .map(|label| label.year)
                    .ok_or_else(|| LoadError::Syntax {
                        path: path.to_owned(),
                        line: 1,
                        column: 1,
                        message: format!(
                            "the template's year \"{}\" is not a plan year",
                            template.year
                        ),
                    })?
            }
        };
        let mut template = read(&resolved(year)?)?;
        template.written_for = year;
        Ok(template)
    }

    /// The plan year (2008 for 2008/09) its year labels are written for.
    pub fn written_for(&self) -> i32 {
        self.written_for
    }

    /// This template with its year labels written for the plan year
    /// starting in April of `year`.
    pub fn for_year(&self, year: i32) -> Template {
        let Some((path, text)) = self.source else {
            return self.clone();
        };
        let mut template = Template::parse(text, Path::new(path), Some(year))
            .unwrap_or_else(|e| panic!("built-in template: {e}"));
        template.source = self.source;
        template
    }

    /// A new plan from this template, for its own year. Its sections name
    /// their slots; the guidance and "required" stay in the template,
    /// where they are read.
    pub fn new_plan(&self) -> Plan {
        let mut plan = self.plan.clone();
        plan.format_version = FORMAT_VERSION;
        plan.template = self.id.clone();
        crate::model::migrate::drop_template_guidance(&mut plan);
        plan
    }

    /// A new plan from this template for the plan year starting in April
    /// of `year`: every year label written for it.
    pub fn new_plan_for(&self, year: i32) -> Plan {
        self.for_year(year).new_plan()
    }

    /// The default table of `kind`, for "Add table".
    pub fn table(&self, kind: TableKind) -> Option<&Table> {
        self.tables.iter().find(|t| t.kind == kind)
    }
}

/// Every built-in template. They are part of the program, so a broken one
/// is a bug that the tests catch.
pub fn all() -> Vec<Template> {
    SOURCES
        .iter()
        .map(|(path, text)| {
            let mut template = Template::parse(text, Path::new(path), None)
                .unwrap_or_else(|e| panic!("built-in template: {e}"));
            template.source = Some((path, text));
            template
        })
        .collect()
}

/// The plan year a new plan is for by default: the financial year
/// starting the coming April (on 1 December 2026, 2027/28).
pub fn default_year() -> i32 {
    let today = crate::edit::dates::Date::today();
    period::coming_plan_year(today.year, today.month)
}

pub fn find(id: &str) -> Option<Template> {
    all().into_iter().find(|t| t.id == id)
}

/// What a section in `slot` of template `template_id` is called: the
/// template's heading for that slot, else the slot's name in words
/// (`structure-chart` → `Structure chart`); empty for no slot. The print
/// (headings, bookmarks, contents) and the editor's tree use the same name.
pub fn slot_name(template_id: &str, slot: &str) -> String {
    find_slot(template_id, slot)
        .map(|s| s.heading.clone())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| humanised_slot(slot))
}

/// What a template says about one of its slots, whatever plan names it.
#[derive(Debug)]
pub struct Slot {
    pub slot: String,
    /// The heading, on one line.
    pub heading: String,
    pub guidance: String,
    pub required: bool,
    /// The words the template puts in the section for the author to keep
    /// or replace (standard paragraphs, fixed row labels): they are not
    /// the author's content.
    pub placeholders: Vec<String>,
}

/// The slot `slot` of built-in template `template_id`.
pub fn find_slot(template_id: &str, slot: &str) -> Option<&'static Slot> {
    if slot.is_empty() {
        return None;
    }
    slots(template_id).iter().find(|s| s.slot == slot)
}

/// The guidance shown for `section` of a plan from `template_id`: what
/// the author wrote over it, else the template's for the section's slot.
pub fn guidance<'a>(template_id: &str, section: &'a crate::model::Section) -> &'a str {
    if !section.guidance.trim().is_empty() {
        return &section.guidance;
    }
    find_slot(template_id, &section.slot).map_or("", |s| s.guidance.as_str())
}

/// Whether `section` must be filled in: its template's slot requires it
/// (or the section itself says so, for sections of no template).
pub fn is_required(template_id: &str, section: &crate::model::Section) -> bool {
    section.required || find_slot(template_id, &section.slot).is_some_and(|s| s.required)
}

/// Each built-in template's slots, read once.
fn slots(template_id: &str) -> &'static [Slot] {
    static ALL: OnceLock<HashMap<String, Vec<Slot>>> = OnceLock::new();
    let all = ALL.get_or_init(|| {
        (all().into_iter())
            .map(|t| {
                let slots = (t.plan.walk_sections().into_iter())
                    .filter(|(_, s)| !s.slot.is_empty())
                    .map(|(_, s)| Slot {
                        slot: s.slot.clone(),
                        heading: one_line(&s.heading.to_plain()),
                        guidance: s.guidance.clone(),
                        required: s.required,
                        placeholders: placeholders(&s.blocks),
                    })
                    .collect();
                (t.id, slots)
            })
            .collect()
    });
    all.get(template_id).map_or(&[], Vec::as_slice)
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The non-empty words of a template section's own blocks, one a line.
fn placeholders(blocks: &[crate::model::Block]) -> Vec<String> {
    let mut out = Vec::new();
    crate::model::text_of_blocks(blocks, &mut |text| {
        let text = one_line(text);
        if !text.is_empty() && !out.contains(&text) {
            out.push(text);
        }
    });
    out
}

/// `structure-chart` as `Structure chart`.
fn humanised_slot(slot: &str) -> String {
    let words = slot.replace(['-', '_'], " ");
    let mut chars = words.trim().chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
