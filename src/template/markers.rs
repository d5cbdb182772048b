//! Year markers in template files: `{year:YYYY/YY}`, `{year-1:YY/YY}`,
//! `{year+1:YYYY}`. A template holds no year of its own; each marker is
//! written for the plan's year when a plan is made, in the style its Ys
//! show (`YYYY/Y` is `2027/8`).

use crate::model::period::written_in_pattern;

const OPEN: &str = "{year";

/// `text` with every marker written for the plan year starting in `year`.
/// A malformed marker is an error: (line, column, what is wrong).
pub fn resolve(text: &str, year: i32) -> Result<String, (usize, usize, String)> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find(OPEN) {
        out.push_str(&rest[..start]);
        let at = text.len() - rest.len() + start;
        let marker = &rest[start..];
        let end = marker
            .find('}')
            .ok_or_else(|| error(text, at, "a year marker has no closing }"))?;
        let written = written(&marker[OPEN.len()..end], year)
            .ok_or_else(|| error(text, at, &format!(
                "\"{}\" is not a year marker; write {{year:YYYY/YY}}, {{year-1:YY/YY}} and the like",
                &marker[..=end]
            )))?;
        out.push_str(&written);
        rest = &marker[end + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

/// `-1:YY/YY` (what follows `{year`) for `year`.
fn written(inside: &str, year: i32) -> Option<String> {
    let (offset, pattern) = inside.split_once(':')?;
    let offset: i32 = match offset {
        "" => 0,
        _ if offset.starts_with(['+', '-']) => offset.parse().ok()?,
        _ => return None,
    };
    written_in_pattern(pattern, year + offset)
}

fn error(text: &str, at: usize, message: &str) -> (usize, usize, String) {
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let column = before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1;
    (line, column, message.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_are_written_for_the_year_in_their_style() {
        let text = "Target {year:YY/YY}, Outturn {year-1:YYYY/Y}, {year-2:YYYY-YYYY}, {year:YYYY-YY}, {year+1:YYYY}";
        assert_eq!(
            resolve(text, 2027).unwrap(),
            "Target 27/28, Outturn 2026/7, 2025-2026, 2027-28, 2028"
        );
        assert_eq!(resolve("{year:YYYY/Y}", 2029).unwrap(), "2029/30");
    }

    #[test]
    fn a_malformed_marker_is_refused_with_its_place() {
        let (line, column, message) = resolve("a\n  {year:XX}", 2027).unwrap_err();
        assert_eq!((line, column), (2, 3));
        assert!(message.contains("{year:XX}"), "{message}");
        assert!(resolve("{year+x:YYYY}", 2027).is_err());
        assert!(resolve("{year:YYYY", 2027).is_err());
    }
}
