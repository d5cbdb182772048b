//! The layout of a saved plan: anything that fits in 100 columns stays on
//! one line (a table row, a column, a short list), anything longer opens
//! one element a line. ron's own pretty printer can only do all-or-nothing,
//! which puts every table cell on a line of its own.

const WIDTH: usize = 100;
const INDENT: &str = "    ";

/// One element of a list or struct: plain text (`kind: Budget`), or text
/// followed by a bracketed group (`cells: [...]`, `Row(...)`).
#[derive(Debug)]
enum Element {
    Text(String),
    Group {
        head: String,
        open: char,
        children: Vec<Element>,
        close: char,
    },
}

/// Re-lays out compact RON (as written by ron with no new lines).
pub fn layout(compact: &str) -> String {
    let mut parser = Parser {
        chars: compact.chars().collect(),
        pos: 0,
    };
    let element = parser.element();
    let mut out = String::with_capacity(compact.len() * 2);
    render(&element, 0, &mut out);
    out
}

struct Parser {
    chars: Vec<char>,
    pos: usize,
}

impl Parser {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    /// Reads one element: text up to a top-level `,` or closing bracket,
    /// where an opening bracket makes the element a group.
    fn element(&mut self) -> Element {
        let mut head = String::new();
        while let Some(c) = self.peek() {
            match c {
                '"' => self.string(&mut head),
                'r' if self.raw_string_starts() => self.raw_string(&mut head),
                '(' | '[' | '{' => {
                    self.pos += 1;
                    let close = match c {
                        '(' => ')',
                        '[' => ']',
                        _ => '}',
                    };
                    let mut children = Vec::new();
                    loop {
                        self.skip_spaces();
                        match self.peek() {
                            None => break,
                            Some(ch) if ch == close => {
                                self.pos += 1;
                                break;
                            }
                            Some(',') => self.pos += 1,
                            Some(_) => children.push(self.element()),
                        }
                    }
                    // A group may be followed by more of the same element,
                    // as in `Some(…)` inside `children: Some(List(…))`: the
                    // tail after the group ends the element.
                    return Element::Group {
                        head: head.trim_end_matches(' ').to_string()
                            + if head.ends_with(": ") { " " } else { "" },
                        open: c,
                        children,
                        close,
                    };
                }
                ',' | ')' | ']' | '}' => break,
                _ => {
                    head.push(c);
                    self.pos += 1;
                }
            }
        }
        Element::Text(head.trim().to_string())
    }

    fn skip_spaces(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.pos += 1;
        }
    }

    fn string(&mut self, out: &mut String) {
        out.push('"');
        self.pos += 1;
        while let Some(c) = self.peek() {
            out.push(c);
            self.pos += 1;
            match c {
                '\\' => {
                    if let Some(next) = self.peek() {
                        // ron escapes apostrophes, which RON strings do not need.
                        if next == '\'' {
                            out.pop();
                        }
                        out.push(next);
                        self.pos += 1;
                    }
                }
                '"' => return,
                _ => {}
            }
        }
    }

    /// `r"…"` or `r#"…"#`, but not an identifier starting with r.
    fn raw_string_starts(&self) -> bool {
        let prev_is_ident = self.pos > 0
            && self
                .chars
                .get(self.pos - 1)
                .is_some_and(|c| c.is_alphanumeric() || *c == '_');
        if prev_is_ident {
            return false;
        }
        let mut i = self.pos + 1;
        while self.chars.get(i) == Some(&'#') {
            i += 1;
        }
        self.chars.get(i) == Some(&'"')
    }

    fn raw_string(&mut self, out: &mut String) {
        out.push('r');
        self.pos += 1;
        let mut hashes = 0;
        while self.peek() == Some('#') {
            out.push('#');
            hashes += 1;
            self.pos += 1;
        }
        out.push('"');
        self.pos += 1;
        while let Some(c) = self.peek() {
            out.push(c);
            self.pos += 1;
            if c == '"' && (0..hashes).all(|k| self.chars.get(self.pos + k) == Some(&'#')) {
                for _ in 0..hashes {
                    out.push('#');
                }
                self.pos += hashes;
                return;
            }
        }
    }
}

fn flat(element: &Element, out: &mut String) {
    match element {
        Element::Text(t) => out.push_str(t),
        Element::Group {
            head,
            open,
            children,
            close,
        } => {
            out.push_str(head);
            out.push(*open);
            for (i, child) in children.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                flat(child, out);
            }
            out.push(*close);
        }
    }
}

fn render(element: &Element, depth: usize, out: &mut String) {
    let mut one_line = String::new();
    flat(element, &mut one_line);
    let fits = depth * INDENT.len() + one_line.chars().count() <= WIDTH;
    match element {
        Element::Group {
            head,
            open,
            children,
            close,
        } if !fits && *open == '[' && children.iter().all(|c| matches!(c, Element::Text(_))) => {
            // A long list of plain values (a budget row's cells): fill lines.
            out.push_str(head);
            out.push(*open);
            let indent = INDENT.repeat(depth + 1);
            let mut line = String::new();
            for child in children {
                let mut item = String::new();
                flat(child, &mut item);
                item.push(',');
                let line_len = indent.len() + line.chars().count() + 1 + item.chars().count();
                if !line.is_empty() && line_len > WIDTH {
                    out.push('\n');
                    out.push_str(&indent);
                    out.push_str(&line);
                    line.clear();
                }
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(&item);
            }
            out.push('\n');
            out.push_str(&indent);
            out.push_str(&line);
            out.push('\n');
            out.push_str(&INDENT.repeat(depth));
            out.push(*close);
        }
        Element::Group {
            head,
            open,
            children,
            close,
        } if !fits && !children.is_empty() => {
            out.push_str(head);
            out.push(*open);
            out.push('\n');
            for child in children {
                for _ in 0..=depth {
                    out.push_str(INDENT);
                }
                render(child, depth + 1, out);
                out.push_str(",\n");
            }
            for _ in 0..depth {
                out.push_str(INDENT);
            }
            out.push(*close);
        }
        _ => out.push_str(&one_line),
    }
}

#[cfg(test)]
mod tests {
    use super::layout;

    #[test]
    fn short_groups_stay_on_one_line_and_long_ones_open() {
        let compact = r#"Plan(a: 1, rows: [Row(cells: ["x", "y"]), Row(kind: Total, cells: ["a, b", "(c)"])], text: "a very long string that goes on and on and on, well past the width of one line of the file")"#;
        let expected = r#"Plan(
    a: 1,
    rows: [Row(cells: ["x", "y"]), Row(kind: Total, cells: ["a, b", "(c)"])],
    text: "a very long string that goes on and on and on, well past the width of one line of the file",
)"#;
        assert_eq!(layout(compact), expected);
    }

    #[test]
    fn strings_with_brackets_quotes_and_raw_strings_are_kept_whole() {
        let compact = r##"A(s: "he said \"(no]\"", r: r#"a "quoted" ]"#, t: [])"##;
        assert_eq!(layout(compact), compact);
        assert_eq!(layout(r#"A(s: "it\'s")"#), r#"A(s: "it's")"#);
    }
}
