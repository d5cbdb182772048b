//! Periods: the years a plan's labels name, read in the authors' own
//! styles (`2008/9`, `08/09`, `2008-09`, `2008/09`, `2008-2009`, `2008`,
//! `31/03/2008`, `Apr-Nov 07`), the role a column plays for its period
//! (actual, estimate, target…), and the same labels written for another
//! year in the style they were written in.

use super::{Plan, Table, TableKind};
use std::ops::Range;

/// What kind of period a year label names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum YearForm {
    /// A financial year, April to March: `2008/09`, `2008/9`, `08/09`,
    /// `2008-2009`.
    Financial,
    /// A calendar year: `2007`, or `07` after a month (`Apr-Nov 07`).
    Calendar,
    /// A day of a year: `31/03/2008`.
    Date { day: u8, month: u8 },
    /// Several years (`2008-2011`, `2008 - 11`, `2015-2020`): the name of a
    /// strategy's span, never one plan's year, so never moved.
    Span,
}

/// A year label found in a piece of text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearLabel {
    /// Where the label's digits are in the text (a date's day and month
    /// are not part of it).
    pub range: Range<usize>,
    /// The first year: 2008 for `2008/09`, `08/09` and `31/03/2008`.
    pub year: i32,
    pub form: YearForm,
    /// 2 for `08/09`, 4 for `2008/09`.
    first_digits: u8,
    /// The separator as written (`/`, `-`, ` – `); empty for one year.
    separator: String,
    /// The second year's digits: 0 for none, 1 (`2008/9`), 2 or 4.
    second_digits: u8,
    /// A span's last year.
    last: i32,
}

impl YearLabel {
    /// Whether moving a plan on a year moves this label (spans stay).
    pub fn is_movable(&self) -> bool {
        self.form != YearForm::Span
    }

    /// The label written for `year` in the same style (`08/09` for 2009
    /// is `09/10`). A one-digit second year takes two digits where it
    /// must: `2008/9` for 2009 is `2009/10`, as authors write it.
    pub fn written_for(&self, year: i32) -> String {
        let first = digits(year, self.first_digits);
        let second_year = if self.form == YearForm::Span {
            self.last + (year - self.year)
        } else {
            year + 1
        };
        match self.second_digits {
            0 => first,
            // Written as found when not moved (`2009/0` stays as typed).
            1 if second_year % 10 == 0 && year != self.year => {
                format!("{first}{}{}", self.separator, digits(second_year, 2))
            }
            n => format!("{first}{}{}", self.separator, digits(second_year, n)),
        }
    }
}

/// `year`'s last `n` digits, zero-padded (all four for 4).
fn digits(year: i32, n: u8) -> String {
    match n {
        1 => format!("{}", year.rem_euclid(10)),
        2 => format!("{:02}", year.rem_euclid(100)),
        _ => format!("{year}"),
    }
}

/// A two-digit year as a full one: `08` is 2008, `98` is 1998.
fn century(two: i32) -> i32 {
    if two < 50 { 2000 + two } else { 1900 + two }
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];
const SEASONS: [&str; 4] = ["spring", "summer", "autumn", "winter"];

/// Whether `word` is a month (`Apr`, `April`, `Sept`) or a season.
fn is_month_or_season(word: &str) -> bool {
    let word = word.trim_end_matches('.').to_lowercase();
    (word.len() >= 3 && MONTHS.iter().any(|m| word.starts_with(m)) && word.len() <= 9)
        || SEASONS.contains(&word.as_str())
}

/// Every year label in `text`, in order.
pub fn find_years(text: &str) -> Vec<YearLabel> {
    let bytes = text.as_bytes();
    let runs = digit_runs(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < runs.len() {
        let run = runs[i].clone();
        let before = text[..run.start].chars().next_back();
        let after = text[run.end..].chars().next();
        // `T2010`, `NI117`, `1,138.8`, `£2008`: words and figures, not years.
        let glued = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || "£$#".contains(c));
        let decimal_after = matches!(after, Some('.' | ',' | '%'))
            && text[run.end + 1..].starts_with(|c: char| c.is_ascii_digit());
        if glued(before) || glued(after) || decimal_after || after == Some('%') {
            i += 1;
            continue;
        }
        let value: i32 = text[run.clone()].parse().unwrap_or(-1);
        let found = match run.len() {
            4 if (1900..=2099).contains(&value) => four_digit(text, &run, value, runs.get(i + 1)),
            2 => two_digit(text, bytes, &run, value, runs.get(i + 1)),
            _ => None,
        };
        match found {
            Some((label, used)) => {
                out.push(label);
                i += used;
            }
            None => i += 1,
        }
    }
    out
}

fn digit_runs(text: &str) -> Vec<Range<usize>> {
    let mut runs = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_ascii_digit(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                runs.push(s..i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        runs.push(s..text.len());
    }
    runs
}

/// The separator between `first` and `second` if it joins two years
/// (`/`, `-`, `–` with optional spaces round a dash).
fn joining_separator<'t>(
    text: &'t str,
    first: &Range<usize>,
    second: &Range<usize>,
) -> Option<&'t str> {
    let between = &text[first.end..second.start];
    let core = between.trim_matches(' ');
    let spaced = core.len() != between.len();
    match core {
        "/" if !spaced => Some(between),
        "-" | "–" | "—" => Some(between),
        _ => None,
    }
}

/// A label starting with a four-digit year; how many digit runs it used.
fn four_digit(
    text: &str,
    run: &Range<usize>,
    year: i32,
    next: Option<&Range<usize>>,
) -> Option<(YearLabel, usize)> {
    let single = |form| YearLabel {
        range: run.clone(),
        year,
        form,
        first_digits: 4,
        separator: String::new(),
        second_digits: 0,
        last: year,
    };
    if let Some((day, month)) = date_before(&text[..run.start]) {
        return Some((single(YearForm::Date { day, month }), 1));
    }
    if let Some(next) = next
        && let Some(separator) = joining_separator(text, run, next)
        && !text[next.end..].starts_with(|c: char| c.is_alphanumeric() || c == '/')
    {
        let second: i32 = text[next.clone()].parse().ok()?;
        let (last, digits) = match next.len() {
            1 => (
                year - year % 10 + second + if second <= year % 10 { 10 } else { 0 },
                1,
            ),
            2 => (
                year - year % 100 + second + if second <= year % 100 { 100 } else { 0 },
                2,
            ),
            4 => (second, 4),
            _ => return Some((single(YearForm::Calendar), 1)),
        };
        if last > year && last - year < 50 {
            let form = if last == year + 1 {
                YearForm::Financial
            } else {
                YearForm::Span
            };
            return Some((
                YearLabel {
                    range: run.start..next.end,
                    year,
                    form,
                    first_digits: 4,
                    separator: separator.to_owned(),
                    second_digits: digits,
                    last,
                },
                2,
            ));
        }
    }
    Some((single(YearForm::Calendar), 1))
}

/// `31/03/` or `25.01.` just before a year: its day and month.
fn date_before(before: &str) -> Option<(u8, u8)> {
    let sep = before
        .chars()
        .next_back()
        .filter(|c| *c == '/' || *c == '.')?;
    let rest = &before[..before.len() - 1];
    let month_start = rest.trim_end_matches(|c: char| c.is_ascii_digit());
    let month: u8 = rest[month_start.len()..].parse().ok()?;
    let rest = month_start.strip_suffix(sep)?;
    let day_start = rest.trim_end_matches(|c: char| c.is_ascii_digit());
    let day: u8 = rest[day_start.len()..].parse().ok()?;
    ((1..=31).contains(&day) && (1..=12).contains(&month)).then_some((day, month))
}

/// `08/09` (a financial year), or `07` after a month (`Apr-Nov 07`).
fn two_digit(
    text: &str,
    bytes: &[u8],
    run: &Range<usize>,
    value: i32,
    next: Option<&Range<usize>>,
) -> Option<(YearLabel, usize)> {
    let before = run.start.checked_sub(1).map(|i| bytes[i]);
    if let Some(next) = next
        && next.len() == 2
        && &text[run.end..next.start] == "/"
        && before != Some(b'/')
        && !text[next.end..].starts_with(|c: char| c.is_alphanumeric() || c == '/' || c == '.')
    {
        let second: i32 = text[next.clone()].parse().ok()?;
        if second == (value + 1) % 100 {
            return Some((
                YearLabel {
                    range: run.start..next.end,
                    year: century(value),
                    form: YearForm::Financial,
                    first_digits: 2,
                    separator: "/".into(),
                    second_digits: 2,
                    last: century(value) + 1,
                },
                2,
            ));
        }
    }
    let word = text[..run.start].strip_suffix(' ')?;
    let word = word
        .rsplit(|c: char| !c.is_alphabetic() && c != '.')
        .next()
        .unwrap_or("");
    let after_slash = next.is_some_and(|n| text[run.end..n.start].starts_with('/'));
    (is_month_or_season(word) && !after_slash).then(|| {
        (
            YearLabel {
                range: run.clone(),
                year: century(value),
                form: YearForm::Calendar,
                first_digits: 2,
                separator: String::new(),
                second_digits: 0,
                last: century(value),
            },
            1,
        )
    })
}

/// `text` with every movable year label moved on by `by` years, in its
/// own style.
pub fn moved_on(text: &str, by: i32) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for label in find_years(text).into_iter().filter(YearLabel::is_movable) {
        out.push_str(&text[at..label.range.start]);
        out.push_str(&label.written_for(label.year + by));
        at = label.range.end;
    }
    out.push_str(&text[at..]);
    out
}

/// The last month `text` names, as (year, month): `March 2009` is
/// (2009, 3), `2008/09` ends in (2009, 3), `Dec 08` is (2008, 12), a bare
/// `2009` (2009, 12). `None` where it names no year.
pub fn last_month(text: &str) -> Option<(i32, u32)> {
    find_years(text)
        .iter()
        .map(|label| match label.form {
            YearForm::Financial => (label.year + 1, 3),
            YearForm::Span => (label.last, 12),
            YearForm::Date { month, .. } => (label.year, u32::from(month)),
            YearForm::Calendar => (
                label.year,
                month_before(&text[..label.range.start]).unwrap_or(12),
            ),
        })
        .max()
}

/// The month named just before a year (`March `, `Apr-Nov `, `Summer `).
fn month_before(before: &str) -> Option<u32> {
    let word = before
        .trim_end()
        .rsplit(|c: char| !c.is_alphabetic())
        .next()?;
    let word = word.to_lowercase();
    if let Some(season) = SEASONS.iter().position(|s| *s == word) {
        return Some([5, 8, 11, 12][season]);
    }
    (word.len() >= 3)
        .then(|| MONTHS.iter().position(|m| word.starts_with(m)))
        .flatten()
        .map(|m| m as u32 + 1)
}

/// A year written in a template's style pattern: `YYYY/YY` for 2027 is
/// `2027/28`, `YYYY/Y` `2027/8`, `YY/YY` `27/28`, `YYYY-YYYY`
/// `2027-2028`, `YYYY` `2027`. `None` for a pattern not of that shape.
pub fn written_in_pattern(pattern: &str, year: i32) -> Option<String> {
    let first = pattern.chars().take_while(|c| *c == 'Y').count();
    let rest = &pattern[first..];
    let second = rest.chars().rev().take_while(|c| *c == 'Y').count();
    let separator = &rest[..rest.len() - second];
    let valid_first = first == 2 || first == 4;
    let valid_second = matches!(second, 0 | 1 | 2 | 4) && (second == 0) == separator.is_empty();
    if !valid_first || !valid_second || separator.contains('Y') {
        return None;
    }
    // As authors write it: `2029/30`, never `2029/0`, in a `YYYY/Y` style.
    let second = if second == 1 && (year + 1).rem_euclid(10) == 0 {
        2
    } else {
        second
    };
    let label = YearLabel {
        range: 0..0,
        year,
        form: if second == 0 {
            YearForm::Calendar
        } else {
            YearForm::Financial
        },
        first_digits: first as u8,
        separator: separator.to_owned(),
        second_digits: second as u8,
        last: year + 1,
    };
    Some(label.written_for(year))
}

/// The role a column or band plays for its period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    /// What happened: `Actual`, `Outturn`.
    Actual,
    /// What is expected to happen: `Estimated`, `Projection`, `Forecast`.
    Estimate,
    /// What is aimed for: `Target`, `Planned`, `Affordable`.
    Target,
    /// What is budgeted.
    Budget,
    /// A year before the plan's: `Previous`, or a band for the year before.
    Previous,
    /// The plan's own year: `Current`, `Existing`, or a band for it.
    Current,
}

impl Role {
    /// The role a text's words give, if any. An estimated outturn is an
    /// estimate, so estimate words come first.
    pub fn in_text(text: &str) -> Option<Role> {
        let lower = text.to_lowercase();
        let words: Vec<&str> = lower
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .collect();
        let has = |list: &[&str]| words.iter().any(|w| list.contains(w));
        [
            (
                Role::Estimate,
                &[
                    "estimate",
                    "estimated",
                    "estimates",
                    "projection",
                    "projected",
                    "forecast",
                    "revised",
                    "probable",
                ][..],
            ),
            (Role::Actual, &["actual", "actuals", "outturn"][..]),
            (
                Role::Target,
                &["target", "targets", "planned", "affordable"][..],
            ),
            (Role::Budget, &["budget"][..]),
            (Role::Previous, &["previous", "last"][..]),
            (Role::Current, &["current", "existing"][..]),
        ]
        .into_iter()
        .find(|(_, list)| has(list))
        .map(|(role, _)| role)
    }
}

/// A year label read whole, as a plan's year or a column's heading:
/// its first movable year and the role its words give.
pub fn parse_label(text: &str) -> (Option<YearLabel>, Option<Role>) {
    let year = find_years(text).into_iter().find(YearLabel::is_movable);
    (year, Role::in_text(text))
}

/// The plan's year, from the cover's year, else the title, else the body
/// title: the first year of its financial year (2008 for `2008/09`).
pub fn plan_year(plan: &Plan) -> Option<YearLabel> {
    [&plan.cover.year, &plan.cover.title, &plan.body_title]
        .into_iter()
        .find_map(|text| {
            find_years(text)
                .into_iter()
                .find(|l| l.form == YearForm::Financial)
        })
}

/// The period one column of a table is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Period {
    pub year: i32,
    pub form: YearForm,
    /// As its words say, else by its year against the plan's: `Previous`
    /// before it, `Current` for it, `Target` after it.
    pub role: Role,
    /// The column's words without years or roles, lower case: what it
    /// measures (`controllable expenditure £000's`, `fte`).
    pub stem: String,
}

/// The period of each column: from its label, else from the header-row
/// bands over it (a budget's `2007-08` over two columns). In a KPI table a
/// column with a role but no year (`Previous`, `Current`, `Existing
/// Performance`, `Target`) is about the year its role places it in: a
/// target the plan's year, a current or estimated value the year before,
/// a previous or actual one the year before that, as the seeds' KPI
/// tables date them. `None` for a column about no period.
pub fn column_periods(table: &Table, plan_year: i32) -> Vec<Option<Period>> {
    (0..table.columns.len())
        .map(|c| {
            let mut texts = vec![table.columns[c].label.to_plain()];
            texts.extend(header_texts_over(table, c));
            let stem = texts
                .iter()
                .map(|t| stem_of(t))
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            let words_role = texts.iter().find_map(|t| Role::in_text(t));
            let Some(label) = texts
                .iter()
                .find_map(|t| find_years(t).into_iter().find(YearLabel::is_movable))
            else {
                let role = words_role.filter(|_| table.kind == TableKind::Kpi)?;
                let year = match role {
                    Role::Actual | Role::Previous => plan_year - 2,
                    Role::Estimate | Role::Current => plan_year - 1,
                    Role::Target | Role::Budget => plan_year,
                };
                return Some(Period {
                    year,
                    form: YearForm::Financial,
                    role,
                    stem,
                });
            };
            let role = words_role.unwrap_or(match label.year.cmp(&plan_year) {
                std::cmp::Ordering::Less => Role::Previous,
                std::cmp::Ordering::Equal => Role::Current,
                std::cmp::Ordering::Greater => Role::Target,
            });
            Some(Period {
                year: label.year,
                form: label.form,
                role,
                stem,
            })
        })
        .collect()
}

/// The texts of the header-row cells over column `column`, bottom row first.
pub fn header_texts_over(table: &Table, column: usize) -> Vec<String> {
    table
        .header_rows
        .iter()
        .rev()
        .filter_map(|row| {
            let mut start = 0usize;
            row.iter().find_map(|cell| {
                let range = start..start + cell.span.max(1) as usize;
                start = range.end;
                range.contains(&column).then(|| cell.text.to_plain())
            })
        })
        .collect()
}

/// `Estimated performance 2007/08` as `performance`.
fn stem_of(text: &str) -> String {
    let mut rest = String::new();
    let mut at = 0;
    for label in find_years(text) {
        rest.push_str(&text[at..label.range.start]);
        at = label.range.end;
    }
    rest.push_str(&text[at..]);
    rest.to_lowercase()
        .split_whitespace()
        .filter(|w| Role::in_text(w).is_none())
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '£'))
        .filter(|w| !w.is_empty() && !["in", "for", "of"].contains(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The plan year a new plan made on `today` is for: the financial year
/// starting the coming April (on 1 December 2026, 2027/28; in April 2026
/// itself, 2026/27).
pub fn coming_plan_year(year: i32, month: u32) -> i32 {
    if month < 4 { year } else { year + 1 }
}

/// A financial year in the usual council style, `2027/28`.
pub fn financial_label(year: i32) -> String {
    format!("{year}/{:02}", (year + 1).rem_euclid(100))
}

#[cfg(test)]
mod tests;
