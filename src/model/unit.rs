//! The business units a plan covers (a division's six units, a clusters
//! plan's clusters), and which sections and tables belong to which.
//!
//! Authors name a unit several ways: in full, by its short name, or with
//! a different case or spacing (`Policy & Performance`). Sections and
//! tables keep the name as the author wrote it; [`Plan::unit`] resolves
//! it, so nothing the author typed is rewritten.

use super::{Block, Plan, Section};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    /// The unit's full name (`Management Information`).
    pub name: String,
    /// The name authors use for it in captions and tables (`MI`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub short_name: String,
    /// Who manages it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub manager: String,
}

impl Unit {
    pub fn new(name: impl Into<String>) -> Self {
        Unit {
            name: name.into(),
            ..Unit::default()
        }
    }

    /// The unit as menus show it: `Management Information (MI)`.
    pub fn label(&self) -> String {
        let short = self.short_name.trim();
        if short.is_empty() || folded(short) == folded(&self.name) {
            self.name.clone()
        } else {
            format!("{} ({short})", self.name)
        }
    }

    fn names(&self) -> [&str; 2] {
        [&self.name, &self.short_name]
    }
}

/// A name with case, spacing and `&` for `and` set aside.
fn folded(name: &str) -> String {
    name.replace('&', " and ")
        .split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The index among `units` of the unit `reference` names: by its full
/// name, else its short name, else either with case and spacing set
/// aside. Blank names no unit.
pub fn unit_index(units: &[Unit], reference: &str) -> Option<usize> {
    let reference = reference.trim();
    if reference.is_empty() {
        return None;
    }
    let exact = |field: usize| (units.iter()).position(|u| u.names()[field].trim() == reference);
    let key = folded(reference);
    exact(0).or_else(|| exact(1)).or_else(|| {
        (units.iter()).position(|u| {
            u.names()
                .iter()
                .any(|n| !n.trim().is_empty() && folded(n) == key)
        })
    })
}

impl Plan {
    /// The index of the unit `reference` names (see [`unit_index`]).
    pub fn unit_index(&self, reference: &str) -> Option<usize> {
        unit_index(&self.units, reference)
    }

    pub fn unit(&self, reference: &str) -> Option<&Unit> {
        self.unit_index(reference).map(|i| &self.units[i])
    }

    /// The unit the section at `path` belongs to: its own, else the
    /// nearest enclosing section's. `None` for a section of the whole plan.
    pub fn section_unit(&self, path: &[usize]) -> Option<usize> {
        (1..=path.len())
            .rev()
            .filter_map(|depth| self.section(&path[..depth]))
            .find(|s| !s.unit.trim().is_empty())
            .and_then(|s| self.unit_index(&s.unit))
    }

    /// The unit block `block` of the section at `path` belongs to: a
    /// table's own unit, else its section's.
    pub fn block_unit(&self, path: &[usize], block: usize) -> Option<usize> {
        let own = match self.section(path)?.blocks.get(block)? {
            Block::Table(table) if !table.unit.trim().is_empty() => Some(&table.unit),
            _ => None,
        };
        match own {
            Some(name) => self.unit_index(name),
            None => self.section_unit(path),
        }
    }

    /// One unit's part of the plan, for a per-unit print: the cover (naming
    /// the unit), the sections that belong to it, and of the plan-wide
    /// sections only the sub-sections and tables that belong to it, under
    /// their headings. The contents is generated from what is left.
    pub fn unit_part(&self, unit: usize) -> Plan {
        let mut part = self.clone();
        part.cover.unit = self.units[unit].name.clone();
        let mut path = Vec::new();
        let mut kept = Vec::new();
        let mut before_contents = 0;
        for (i, section) in self.sections.iter().enumerate() {
            path.push(i);
            if let Some(section) = self.section_part(section, &mut path, unit) {
                before_contents += usize::from(i < self.contents.after_sections);
                kept.push(section);
            }
            path.pop();
        }
        part.sections = kept;
        part.contents.entries.clear();
        part.contents.after_sections = before_contents;
        part
    }

    fn section_part(
        &self,
        section: &Section,
        path: &mut Vec<usize>,
        unit: usize,
    ) -> Option<Section> {
        match self.section_unit(path) {
            Some(u) if u == unit => return Some(section.clone()),
            Some(_) => return None,
            None => {}
        }
        let blocks: Vec<Block> = (section.blocks.iter().enumerate())
            .filter(|(b, block)| {
                matches!(block, Block::Table(_)) && self.block_unit(path, *b) == Some(unit)
            })
            .map(|(_, block)| block.clone())
            .collect();
        let mut subsections = Vec::new();
        for (i, sub) in section.subsections.iter().enumerate() {
            path.push(i);
            subsections.extend(self.section_part(sub, path, unit));
            path.pop();
        }
        (!blocks.is_empty() || !subsections.is_empty()).then(|| Section {
            blocks,
            subsections,
            ..section.clone()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan_with_units() -> Plan {
        let mut plan = crate::app::sample_plan();
        plan.units = vec![
            Unit {
                name: "Management Information".into(),
                short_name: "MI".into(),
                manager: "Donna Shkalla".into(),
            },
            Unit::new("Policy and Performance"),
        ];
        plan
    }

    #[test]
    fn a_unit_is_found_by_name_short_name_or_a_variant_spelling() {
        let plan = plan_with_units();
        assert_eq!(plan.unit_index("Management Information"), Some(0));
        assert_eq!(plan.unit_index("MI"), Some(0));
        assert_eq!(plan.unit_index("  management   information "), Some(0));
        assert_eq!(plan.unit_index("mi"), Some(0));
        assert_eq!(plan.unit_index("Policy & Performance"), Some(1));
        assert_eq!(plan.unit_index("Policy"), None);
        assert_eq!(plan.unit_index(""), None);
    }

    #[test]
    fn a_section_inherits_its_unit_and_a_table_may_name_its_own() {
        let mut plan = plan_with_units();
        plan.sections[0].unit = "MI".into();
        let table = (plan.sections.iter().enumerate())
            .flat_map(|(s, section)| {
                (section.blocks.iter().enumerate())
                    .filter(|(_, b)| matches!(b, Block::Table(_)))
                    .map(move |(b, _)| (s, b))
            })
            .next()
            .expect("the sample plan has a table");
        let nested = (plan.walk_sections().into_iter())
            .find(|(path, _)| path.len() == 2 && path[0] == 0)
            .map(|(path, _)| path);
        if let Some(nested) = nested {
            assert_eq!(plan.section_unit(&nested), Some(0));
        }
        assert_eq!(plan.section_unit(&[0]), Some(0));
        if let Block::Table(t) = &mut plan.sections[table.0].blocks[table.1] {
            t.unit = "policy and performance".into();
        }
        assert_eq!(plan.block_unit(&[table.0], table.1), Some(1));
    }

    #[test]
    fn a_units_part_keeps_its_own_sections_and_its_tables_in_shared_ones() {
        let mut plan = plan_with_units();
        let last = plan.sections.len() - 1;
        plan.sections[last].unit = "Policy and Performance".into();
        let part = plan.unit_part(1);
        assert_eq!(part.cover.unit, "Policy and Performance");
        assert_eq!(part.sections.len(), 1);
        assert_eq!(part.sections[0].heading, plan.sections[last].heading);
        assert!(plan.unit_part(0).sections.is_empty());
    }
}
