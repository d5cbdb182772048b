//! Rolling a plan forward to its next year: last year's plan is where
//! almost every author starts. The year labels of the title, headings,
//! captions, column labels and header rows move on a year in the style
//! they were written in; the figures of period tables move back one
//! period; prose is never rewritten, only listed for review.

mod tables;
#[cfg(test)]
mod tests;

use crate::model::period::{self, YearForm, YearLabel, find_years};
use crate::model::{Block, Location, Plan, PlanState, Rich, Section, Status};

/// One thing roll forward changed: where, what it said, what it says now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub location: Location,
    /// What at that place: `heading`, `column 2 label`.
    pub what: String,
    pub old: String,
    pub new: String,
}

impl Change {
    /// `sections[1]/sections[5] heading`, for the command line.
    pub fn place(&self) -> String {
        format!("{} {}", self.location, self.what)
    }
}

/// Words the author wrote that mention a year and were left as they are,
/// for the author to read again (`In 2007, teams were restructured`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    pub location: Location,
    /// What at that place: `paragraph`, `list item 3`.
    pub what: String,
    /// The years as written (`2007`, `2008-2011`).
    pub years: Vec<String>,
    /// The words round the first of them.
    pub excerpt: String,
}

impl Mention {
    pub fn place(&self) -> String {
        format!("{} {}", self.location, self.what)
    }
}

/// A plan moved on a year, with what was changed and what to review.
#[derive(Clone, Debug)]
pub struct RollForward {
    pub plan: Plan,
    /// The old and new plan years as the cover writes them.
    pub from: String,
    pub to: String,
    pub changes: Vec<Change>,
    pub mentions: Vec<Mention>,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum RollError {
    #[error(
        "the plan names no year: give its cover a plan year (such as 2008/09) and roll it forward again"
    )]
    NoYear,
    #[error("\"{0}\" is not a plan year; write it like 2009/10")]
    NotAYear(String),
    #[error(
        "a plan moves on one year at a time: this plan is for {from}, so it rolls forward to {next}, not {asked}"
    )]
    NotNextYear {
        from: String,
        next: String,
        asked: String,
    },
}

/// The plan year `text` names (`2009/10`, `2009-10`, `09/10`): its first year.
pub fn parse_year(text: &str) -> Result<i32, RollError> {
    let labels = find_years(text.trim());
    match labels.as_slice() {
        [label] if label.form == YearForm::Financial && label.range.len() == text.trim().len() => {
            Ok(label.year)
        }
        _ => Err(RollError::NotAYear(text.trim().to_owned())),
    }
}

/// `plan` moved on to its next year. `to`, if given, must name that year.
pub fn roll_forward(plan: &Plan, to: Option<&str>) -> Result<RollForward, RollError> {
    let from = period::plan_year(plan).ok_or(RollError::NoYear)?;
    if let Some(to) = to {
        let asked = parse_year(to)?;
        if asked != from.year + 1 {
            return Err(RollError::NotNextYear {
                from: period::financial_label(from.year),
                next: period::financial_label(from.year + 1),
                asked: to.trim().to_owned(),
            });
        }
    }
    let mut roll = Roller {
        plan_year: from.year,
        changes: Vec::new(),
        mentions: Vec::new(),
    };
    let mut new = plan.clone();
    roll.cover(&mut new);
    let mut sections = std::mem::take(&mut new.sections);
    roll.sections(&mut sections, &mut Vec::new());
    new.sections = sections;
    let old_year = if plan.cover.year.is_empty() {
        from.written_for(from.year)
    } else {
        plan.cover.year.clone()
    };
    if new.cover.year.is_empty() {
        new.cover.year = from.written_for(from.year + 1);
    }
    Ok(RollForward {
        from: old_year,
        to: new.cover.year.clone(),
        plan: new,
        changes: roll.changes,
        mentions: roll.mentions,
    })
}

struct Roller {
    plan_year: i32,
    changes: Vec<Change>,
    mentions: Vec<Mention>,
}

/// Which labels a piece of text moves on.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Moves {
    /// Titles, headings and captions: plan years (`2008/09`) only; a
    /// calendar year there is usually a name (`Towards 2010`), so it is
    /// listed for review instead.
    PlanYears,
    /// Column labels and header rows: every year, date and month-year,
    /// since each names the column's period (`31/03/2008`, `(2007)`).
    Periods,
}

impl Moves {
    fn moves(self, label: &YearLabel) -> bool {
        match self {
            Moves::PlanYears => label.form == YearForm::Financial,
            Moves::Periods => label.is_movable(),
        }
    }
}

impl Roller {
    fn cover(&mut self, plan: &mut Plan) {
        let cover = Location::cover();
        self.text(&mut plan.cover.year, Moves::PlanYears, &cover, "plan year");
        self.text(&mut plan.cover.title, Moves::PlanYears, &cover, "title");
        self.text(&mut plan.body_title, Moves::PlanYears, &cover, "body title");
        for (i, entry) in plan.contents.entries.iter_mut().enumerate() {
            let what = format!("contents entry {}", i + 1);
            self.text(&mut entry.text, Moves::PlanYears, &cover, &what);
        }
        let draft = Status {
            state: PlanState::Draft,
            version: "0.1".into(),
            date: String::new(),
        };
        let old = describe_status(&plan.status);
        if plan.status != draft {
            self.change(&cover, "status", old, describe_status(&draft));
            plan.status = draft;
        }
        if !plan.sign_off.is_empty() {
            let names: Vec<&str> = plan.sign_off.iter().map(|s| s.name.as_str()).collect();
            self.change(&cover, "sign-off", names.join(", "), "cleared".into());
            plan.sign_off.clear();
        }
    }

    fn sections(&mut self, sections: &mut [Section], path: &mut Vec<usize>) {
        for (i, section) in sections.iter_mut().enumerate() {
            path.push(i);
            let here = Location::section(path);
            self.text(&mut section.part, Moves::PlanYears, &here, "part label");
            self.rich(&mut section.heading, Moves::PlanYears, &here, "heading");
            for (b, block) in section.blocks.iter_mut().enumerate() {
                self.block(block, &Location::block(path, b));
            }
            self.sections(&mut section.subsections, path);
            path.pop();
        }
    }

    fn block(&mut self, block: &mut Block, here: &Location) {
        match block {
            Block::Paragraph(text) => self.mention(text, here, "paragraph"),
            Block::Heading(heading) => {
                self.rich(&mut heading.text, Moves::PlanYears, here, "sub-heading")
            }
            Block::List(list) => self.list(list, here, "list item"),
            Block::Note(note) => self.mention(&note.text, here, "note"),
            Block::Table(table) => self.table(table, here),
            Block::OrgChart(_) => {}
        }
    }

    fn list(&mut self, list: &crate::model::List, here: &Location, what: &str) {
        for (i, item) in list.items.iter().enumerate() {
            let what = format!("{what} {}", i + 1);
            self.mention(&item.text, here, &what);
            self.list(&item.children, here, &format!("{what}, sub-item"));
        }
    }

    /// Moves the labels of `text` that `moves` says; lists the rest.
    fn text(&mut self, text: &mut String, moves: Moves, here: &Location, what: &str) {
        let labels = find_years(text);
        if labels.is_empty() {
            return;
        }
        let mut out = String::with_capacity(text.len());
        let mut at = 0;
        let mut kept = Vec::new();
        for label in &labels {
            out.push_str(&text[at..label.range.start]);
            if moves.moves(label) {
                out.push_str(&label.written_for(label.year + 1));
            } else {
                out.push_str(&text[label.range.clone()]);
                kept.push(label.clone());
            }
            at = label.range.end;
        }
        out.push_str(&text[at..]);
        if !kept.is_empty() {
            self.push_mention(text, &kept, here, what);
        }
        if out != *text {
            self.change(here, what, text.clone(), out.clone());
            *text = out;
        }
    }

    /// As [`Self::text`], span by span, so styling stays where it was.
    fn rich(&mut self, text: &mut Rich, moves: Moves, here: &Location, what: &str) {
        let old = text.to_plain();
        let before = (self.changes.len(), self.mentions.len());
        for span in &mut text.0 {
            self.text(&mut span.text, moves, here, what);
        }
        // One change for the whole text, not one a span.
        if self.changes.len() > before.0 {
            self.changes.truncate(before.0);
            self.change(here, what, old, text.to_plain());
        }
        if self.mentions.len() > before.1 + 1 {
            self.mentions.truncate(before.1 + 1);
        }
    }

    /// Lists the years `text` mentions, changing nothing.
    fn mention(&mut self, text: &Rich, here: &Location, what: &str) {
        let plain = text.to_plain();
        let labels = find_years(&plain);
        if !labels.is_empty() {
            self.push_mention(&plain, &labels, here, what);
        }
    }

    fn push_mention(&mut self, text: &str, labels: &[YearLabel], here: &Location, what: &str) {
        self.mentions.push(Mention {
            location: here.clone(),
            what: what.to_owned(),
            years: labels
                .iter()
                .map(|l| text[l.range.clone()].to_owned())
                .collect(),
            excerpt: excerpt(text, labels[0].range.clone()),
        });
    }

    fn change(&mut self, here: &Location, what: &str, old: String, new: String) {
        self.changes.push(Change {
            location: here.clone(),
            what: what.to_owned(),
            old,
            new,
        });
    }
}

fn describe_status(status: &Status) -> String {
    let mut parts = vec![status.state.label().to_owned()];
    if !status.version.is_empty() {
        parts.push(format!("version {}", status.version));
    }
    if !status.date.is_empty() {
        parts.push(status.date.clone());
    }
    parts.join(", ")
}

/// About 80 characters of `text` round `range`, cut at spaces, with `…`
/// where cut.
fn excerpt(text: &str, range: std::ops::Range<usize>) -> String {
    const SIDE: usize = 40;
    let floor = |mut i: usize| {
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let mut start = floor(range.start.saturating_sub(SIDE));
    if start > 0 {
        start = text[start..range.start]
            .find(' ')
            .map_or(start, |s| start + s + 1);
    }
    let mut end = floor((range.end + SIDE).min(text.len()));
    if end < text.len() {
        end = text[range.end..end]
            .rfind(' ')
            .map_or(end, |e| range.end + e);
    }
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.push_str(text[start..end].trim());
    if end < text.len() {
        out.push('…');
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}
