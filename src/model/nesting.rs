//! How deep a plan may nest: one limit for sections and for lists, which
//! the editor, save and load all enforce, so a plan that saves always
//! loads. Also a quick scan that refuses a hostile file nested thousands
//! deep before the RON parser spends seconds on it.

use super::{Block, CellBlock, List, Location, Plan, Section};

/// Sections and lists nest at most this many levels (a top-level section
/// or list is level 1). Word's lists stop at nine levels too; real plans
/// use four.
pub const MAX_NESTING: usize = 9;

/// Where a plan nests deeper than [`MAX_NESTING`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TooDeep {
    /// `sections` or `lists`.
    pub what: &'static str,
    pub depth: usize,
    pub location: Location,
}

impl std::fmt::Display for TooDeep {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} are nested {} levels deep at {}; {} may nest at most {MAX_NESTING} levels",
            self.what, self.depth, self.location, self.what
        )
    }
}

/// How many levels `list` nests (1 for a list without sub-lists, 0 for an
/// empty one).
pub fn list_depth(list: &List) -> usize {
    list.items
        .iter()
        .map(|item| 1 + list_depth(&item.children))
        .max()
        .unwrap_or(0)
}

/// The first place `plan` nests deeper than [`MAX_NESTING`], if any.
pub fn too_deep(plan: &Plan) -> Option<TooDeep> {
    let mut path = Vec::new();
    sections_too_deep(&plan.sections, &mut path)
}

fn sections_too_deep(sections: &[Section], path: &mut Vec<usize>) -> Option<TooDeep> {
    for (i, section) in sections.iter().enumerate() {
        path.push(i);
        if path.len() > MAX_NESTING {
            return Some(TooDeep {
                what: "sections",
                depth: path.len(),
                location: Location::section(path),
            });
        }
        for (b, block) in section.blocks.iter().enumerate() {
            if let Some(depth) = deepest_list(block).filter(|&d| d > MAX_NESTING) {
                return Some(TooDeep {
                    what: "lists",
                    depth,
                    location: Location::block(path, b),
                });
            }
        }
        let found = sections_too_deep(&section.subsections, path);
        if found.is_some() {
            return found;
        }
        path.pop();
    }
    None
}

/// The deepest list in a block, its table's cells included.
fn deepest_list(block: &Block) -> Option<usize> {
    match block {
        Block::List(list) => Some(list_depth(list)),
        Block::Table(table) => (table.rows.iter())
            .flat_map(|row| &row.cells)
            .flat_map(|cell| &cell.0)
            .filter_map(|part| match part {
                CellBlock::List(list) => Some(list_depth(list)),
                _ => None,
            })
            .max(),
        _ => None,
    }
}

/// The line and column (1-based) of the first bracket nested more than
/// `limit` deep in RON `text`, skipping strings, characters and comments.
/// One pass, so a file nested 100,000 deep is refused at once.
pub fn bracket_too_deep(text: &str, limit: usize) -> Option<(usize, usize)> {
    let mut depth = 0usize;
    let (mut line, mut column) = (1, 0);
    let mut chars = text.chars().peekable();
    // Set while inside a string: the number of `#` that close a raw one.
    let mut string: Option<Option<usize>> = None;
    while let Some(c) = chars.next() {
        if c == '\n' {
            (line, column) = (line + 1, 0);
        } else {
            column += 1;
        }
        match string {
            Some(None) => match c {
                '\\' if chars.next_if(|&n| n != '\n').is_some() => column += 1,
                '"' => string = None,
                _ => {}
            },
            Some(Some(hashes)) => {
                if c == '"' {
                    let mut closing = 0;
                    while closing < hashes && chars.next_if_eq(&'#').is_some() {
                        closing += 1;
                        column += 1;
                    }
                    if closing == hashes {
                        string = None;
                    }
                }
            }
            None => match c {
                '"' => string = Some(None),
                'r' if matches!(chars.peek(), Some('#' | '"')) => {
                    let mut hashes = 0;
                    while chars.next_if_eq(&'#').is_some() {
                        hashes += 1;
                        column += 1;
                    }
                    if chars.next_if_eq(&'"').is_some() {
                        column += 1;
                        string = Some(Some(hashes));
                    }
                }
                '\'' => {
                    // A character: 'x' or '\x'; skip it and its close.
                    if chars.next_if_eq(&'\\').is_some() {
                        column += 1;
                    }
                    if chars.next_if(|&n| n != '\n').is_some() {
                        column += 1;
                    }
                    if chars.next_if_eq(&'\'').is_some() {
                        column += 1;
                    }
                }
                '/' if chars.next_if_eq(&'/').is_some() => {
                    while chars.next_if(|&n| n != '\n').is_some() {}
                }
                '/' if chars.next_if_eq(&'*').is_some() => {
                    column += 1;
                    skip_block_comment(&mut chars, &mut line, &mut column);
                }
                '(' | '[' | '{' => {
                    depth += 1;
                    if depth > limit {
                        return Some((line, column));
                    }
                }
                ')' | ']' | '}' => depth = depth.saturating_sub(1),
                _ => {}
            },
        }
    }
    None
}

/// Skips a `/* … */` comment (they nest in RON) after its opening.
fn skip_block_comment(
    chars: &mut std::iter::Peekable<std::str::Chars>,
    line: &mut usize,
    column: &mut usize,
) {
    let mut open = 1;
    while open > 0 {
        let Some(c) = chars.next() else { return };
        if c == '\n' {
            (*line, *column) = (*line + 1, 0);
            continue;
        }
        *column += 1;
        if c == '*' && chars.next_if_eq(&'/').is_some() {
            *column += 1;
            open -= 1;
        } else if c == '/' && chars.next_if_eq(&'*').is_some() {
            *column += 1;
            open += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ListItem;

    #[test]
    fn brackets_in_strings_characters_and_comments_do_not_count() {
        let text = r##"A( s: "((((\"((", c: '(', r: r#"(("#"((", /* ((( /* ( */ */ // ((((
            b: [ (x) ] )"##;
        assert_eq!(bracket_too_deep(text, 3), None);
        assert_eq!(bracket_too_deep(text, 2), Some((2, 18)));
    }

    #[test]
    fn a_deep_file_is_found_at_its_deepest_bracket() {
        let text = format!("{}{}", "(".repeat(100_000), ")".repeat(100_000));
        assert_eq!(bracket_too_deep(&text, 128), Some((1, 129)));
    }

    #[test]
    fn lists_deeper_than_the_limit_are_found() {
        let mut list = List::default();
        for _ in 0..MAX_NESTING {
            let mut item = ListItem::new("x");
            item.children = list;
            list = List {
                items: vec![item],
                ..List::default()
            };
        }
        assert_eq!(list_depth(&list), MAX_NESTING);
        let mut plan = crate::template::all()[0].new_plan();
        plan.sections[0].blocks = vec![Block::List(list.clone())];
        assert_eq!(too_deep(&plan), None);
        let mut item = ListItem::new("deeper");
        item.children = list;
        plan.sections[0].blocks = vec![Block::List(List {
            items: vec![item],
            ..List::default()
        })];
        let found = too_deep(&plan).unwrap();
        assert_eq!((found.what, found.depth), ("lists", MAX_NESTING + 1));
    }
}
