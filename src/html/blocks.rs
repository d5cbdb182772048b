//! A section's blocks as HTML: paragraphs, lists, notes, tables and
//! structure charts; rich text with its styles and footnote links.

use super::escape;
use crate::model::spans::SpanMap;
use crate::model::{
    Block, Cell, CellBlock, HeaderCell, List, ListStyle, Note, OrgBox, Plan, Rating, Rich, Row,
    RowKind, Section, Table,
};
use std::fmt::Write;

/// Writes the page, keeping the ids of the current section's notes so
/// that footnote marks in its text link to them.
pub(super) struct Writer<'a> {
    pub plan: &'a Plan,
    pub out: String,
    /// The current section's notes: marker (without a trailing `:`) and id.
    notes: Vec<(String, String)>,
    note_count: usize,
    /// Writing a note itself: its own mark is not a link to it.
    in_note: bool,
}

/// A note marker as a footnote mark shows it: `Note 1:` → `Note 1`.
fn mark_key(marker: &str) -> String {
    marker.trim().trim_end_matches(':').trim().to_string()
}

/// The mark that refers to a note: its marker, or the symbols its text
/// starts with (`* This target…` → `*`).
fn note_key(note: &Note) -> String {
    let key = mark_key(&note.marker);
    if !key.is_empty() {
        return key;
    }
    let text = note.text.to_plain();
    let text = text.trim_start();
    let symbols = text.find(|c: char| c.is_alphanumeric() || c.is_whitespace());
    text[..symbols.unwrap_or(text.len())].to_string()
}

/// A mark made of symbols (`*`, `**`, `†`): it is found at the end of the
/// word it annotates (`6473*`), unlike `Note 1`.
fn is_symbol_mark(mark: &str) -> bool {
    !mark.is_empty() && !mark.chars().any(char::is_alphanumeric)
}

impl<'a> Writer<'a> {
    pub fn new(plan: &'a Plan) -> Self {
        Writer {
            plan,
            out: String::new(),
            notes: Vec::new(),
            note_count: 0,
            in_note: false,
        }
    }

    /// Gives the notes of `section`'s own blocks (and its tables) ids
    /// before its text is written, so marks can link forward to them.
    pub fn notes_of(&mut self, section: &Section) {
        self.notes.clear();
        let notes = section.blocks.iter().flat_map(|b| match b {
            Block::Note(note) => std::slice::from_ref(note),
            Block::Table(table) => table.notes.as_slice(),
            _ => &[],
        });
        let mut ids = Vec::new();
        for note in notes {
            self.note_count += 1;
            ids.push((note_key(note), format!("note-{}", self.note_count)));
        }
        self.notes = ids;
    }

    /// The id of the next unwritten note, taken in order.
    fn next_note_id(&mut self) -> Option<String> {
        (!self.notes.is_empty()).then(|| self.notes.remove(0).1)
    }

    pub fn rich(&mut self, rich: &Rich) {
        for span in &rich.0 {
            let mut close = Vec::new();
            let key = mark_key(&span.text);
            let note = (span.superscript && !key.is_empty())
                .then(|| self.notes.iter().find(|(m, _)| *m == key))
                .flatten()
                .map(|(_, id)| id.clone());
            let safe_link = ["http://", "https://", "mailto:"]
                .iter()
                .any(|p| span.link.starts_with(p));
            if safe_link {
                let _ = write!(self.out, "<a href=\"{}\">", escape(&span.link));
                close.push("</a>");
            } else if let Some(id) = &note {
                let _ = write!(self.out, "<a href=\"#{id}\">");
                close.push("</a>");
            }
            for (on, open, end) in [
                (span.bold, "<strong>", "</strong>"),
                (span.italic, "<em>", "</em>"),
                (span.underline, "<u>", "</u>"),
                (span.superscript, "<sup>", "</sup>"),
            ] {
                if on {
                    self.out.push_str(open);
                    close.push(end);
                }
            }
            if safe_link || span.superscript || self.in_note {
                self.out.push_str(&escape(&span.text).replace('\n', "<br>"));
            } else {
                let text = self.with_marks_linked(&span.text);
                self.out.push_str(&text.replace('\n', "<br>"));
            }
            close.iter().rev().for_each(|c| self.out.push_str(c));
        }
    }

    /// `text` escaped, with its references to the section's notes made
    /// links: a word's trailing mark (`6473*`, `43.2**`; inside a word,
    /// as in `A*-G`, it is text) and a named note (`See note 1`).
    fn with_marks_linked(&self, text: &str) -> String {
        let mut links = self.mark_links(text);
        links.extend(self.named_links(text));
        links.sort();
        let mut out = String::with_capacity(text.len());
        let mut done = 0;
        for (start, end, id) in links {
            if start < done {
                continue;
            }
            out.push_str(&escape(&text[done..start]));
            let _ = write!(
                out,
                "<a href=\"#{id}\" class=\"mark\">{}</a>",
                escape(&text[start..end])
            );
            done = end;
        }
        out.push_str(&escape(&text[done..]));
        out
    }

    /// Where symbol marks end words in `text`: byte ranges and note ids.
    fn mark_links(&self, text: &str) -> Vec<(usize, usize, String)> {
        let mut marks: Vec<&(String, String)> = self
            .notes
            .iter()
            .filter(|(m, _)| is_symbol_mark(m))
            .collect();
        marks.sort_by_key(|(m, _)| std::cmp::Reverse(m.len()));
        let mut links = Vec::new();
        let mut offset = 0;
        for piece in text.split_inclusive(char::is_whitespace) {
            let word = piece.trim_end_matches([',', '.', ';', ':', ')', ' ', '\n', '\t']);
            let found = marks.iter().find(|(m, _)| {
                word.len() > m.len()
                    && word.ends_with(m.as_str())
                    && !word[..word.len() - m.len()].ends_with(|c: char| m.contains(c))
            });
            if let Some((mark, id)) = found {
                links.push((
                    offset + word.len() - mark.len(),
                    offset + word.len(),
                    id.clone(),
                ));
            }
            offset += piece.len();
        }
        links
    }

    /// Where `text` names a note by its worded marker (`note 1` for
    /// `Note 1:`), as a whole word in any case.
    fn named_links(&self, text: &str) -> Vec<(usize, usize, String)> {
        let lower = text.to_lowercase();
        if lower.len() != text.len() {
            return Vec::new(); // offsets would not line up; rare
        }
        let mut links = Vec::new();
        for (mark, id) in self.notes.iter().filter(|(m, _)| !is_symbol_mark(m)) {
            let key = mark.to_lowercase();
            if key.is_empty() {
                continue;
            }
            for (start, _) in lower.match_indices(&key) {
                let end = start + key.len();
                let alone = |s: &str| !s.chars().next().is_some_and(char::is_alphanumeric);
                let before: String = lower[..start].chars().rev().take(1).collect();
                if alone(&before) && alone(&lower[end..]) {
                    links.push((start, end, id.clone()));
                }
            }
        }
        links
    }

    /// One block; a sub-heading as `h{heading_level}`.
    pub fn block(&mut self, block: &Block, heading_level: usize) {
        match block {
            Block::Heading(heading) => {
                let level = heading_level;
                let _ = write!(self.out, "<h{level}>");
                self.rich(&heading.text);
                let _ = writeln!(self.out, "</h{level}>");
            }
            Block::Paragraph(rich) => {
                self.out.push_str("<p>");
                self.rich(rich);
                self.out.push_str("</p>\n");
            }
            Block::List(list) => self.list(list),
            Block::Note(note) => self.note(note),
            Block::Table(table) => self.table(table),
            Block::OrgChart(chart) => {
                self.out
                    .push_str("<figure class=\"org\" aria-label=\"Structure chart\">\n");
                self.org_boxes(&chart.boxes);
                self.out.push_str("</figure>\n");
            }
        }
    }

    fn note(&mut self, note: &Note) {
        match self.next_note_id() {
            Some(id) => {
                let _ = write!(self.out, "<p class=\"note\" id=\"{id}\">");
            }
            None => self.out.push_str("<p class=\"note\">"),
        }
        if !note.marker.is_empty() {
            let _ = write!(self.out, "{} ", escape(&note.marker));
        }
        self.in_note = true;
        self.rich(&note.text);
        self.in_note = false;
        self.out.push_str("</p>\n");
    }

    /// Numbered lists as `ol`, the rest as `ul`; markers the author wrote
    /// (`15)`) are kept as text so the numbering reads as printed.
    fn list(&mut self, list: &List) {
        if list.items.is_empty() {
            return;
        }
        let explicit = list.items.iter().any(|i| !i.marker.is_empty());
        let (tag, class) = match list.style {
            ListStyle::Numbered if !explicit => ("ol", "numbered"),
            ListStyle::Bullet => ("ul", "bullet"),
            ListStyle::Square => ("ul", "square"),
            ListStyle::Dash => ("ul", "dash"),
            ListStyle::Numbered | ListStyle::Plain => ("ul", "plain"),
        };
        let _ = writeln!(self.out, "<{tag} class=\"{class}\">");
        for item in &list.items {
            self.out.push_str("<li>");
            if !item.marker.is_empty() {
                let _ = write!(self.out, "{} ", escape(&item.marker));
            }
            self.rich(&item.text);
            if !item.children.items.is_empty() {
                self.out.push('\n');
                self.list(&item.children);
            }
            self.out.push_str("</li>\n");
        }
        let _ = writeln!(self.out, "</{tag}>");
    }

    /// A structure chart's boxes as a nested list: each box holds the
    /// boxes below it.
    fn org_boxes(&mut self, boxes: &[OrgBox]) {
        if boxes.is_empty() {
            return;
        }
        self.out.push_str("<ul>\n");
        let mut i = 0;
        while i < boxes.len() {
            let level = boxes[i].level;
            let lines: Vec<String> = boxes[i].lines.iter().map(|l| escape(l)).collect();
            let _ = write!(self.out, "<li>{}", lines.join("<br>"));
            let below = boxes[i + 1..]
                .iter()
                .take_while(|b| b.level > level)
                .count();
            if below > 0 {
                self.out.push('\n');
                self.org_boxes(&boxes[i + 1..i + 1 + below]);
            }
            self.out.push_str("</li>\n");
            i += 1 + below;
        }
        self.out.push_str("</ul>\n");
    }

    fn table(&mut self, table: &Table) {
        self.out.push_str("<div class=\"table-wrap\">\n<table>\n");
        let lines: Vec<&Rich> = table.caption.iter().filter(|c| !c.is_empty()).collect();
        if lines.is_empty() {
            // A table needs a caption; the plan's own lines, else its kind.
            let name = table.kind.name();
            let name = format!("{}{}", name[..1].to_uppercase(), &name[1..]);
            let _ = writeln!(self.out, "<caption>{}</caption>", escape(&name));
        } else {
            self.out.push_str("<caption>");
            for (n, line) in lines.iter().enumerate() {
                if n > 0 {
                    self.out.push_str("<br>");
                }
                self.rich(line);
            }
            self.out.push_str("</caption>\n");
        }
        self.table_head(table);
        self.out.push_str("<tbody>\n");
        let spans = table.span_map();
        for (r, row) in table.rows.iter().enumerate() {
            self.row(table, &spans, r, row);
        }
        self.out.push_str("</tbody>\n</table>\n</div>\n");
        for note in &table.notes {
            self.note(note);
        }
    }

    fn numeric_class(table: &Table, column: usize) -> &'static str {
        match table.columns.get(column) {
            Some(c) if c.kind.is_numeric() => " class=\"num\"",
            _ => "",
        }
    }

    fn table_head(&mut self, table: &Table) {
        self.out.push_str("<thead>\n");
        let count = table.columns.len();
        for header in &table.header_rows {
            self.header_row(header, count);
        }
        self.out.push_str("<tr>");
        for (c, column) in table.columns.iter().enumerate() {
            let class = Self::numeric_class(table, c);
            let _ = write!(self.out, "<th scope=\"col\"{class}>");
            self.rich(&column.label);
            self.out.push_str("</th>");
        }
        self.out.push_str("</tr>\n");
        for header in &table.header_rows_below {
            self.header_row(header, count);
        }
        self.out.push_str("</thead>\n");
    }

    /// An extra header row above or below the column labels.
    fn header_row(&mut self, header: &[HeaderCell], count: usize) {
        self.out.push_str("<tr>");
        let mut used = 0;
        for cell in header {
            let span = usize::from(cell.span.max(1)).min(count.saturating_sub(used).max(1));
            if span > 1 {
                let _ = write!(self.out, "<th scope=\"colgroup\" colspan=\"{span}\">");
            } else {
                self.out.push_str("<th scope=\"col\">");
            }
            self.rich(&cell.text);
            self.out.push_str("</th>");
            used += span;
        }
        for _ in used..count {
            self.out.push_str("<td></td>");
        }
        self.out.push_str("</tr>\n");
    }

    fn row(&mut self, table: &Table, spans: &SpanMap, r: usize, row: &Row) {
        let count = table.columns.len().max(1);
        let level = match row.level {
            0 => "",
            _ => " sub",
        };
        let label_only = row.cells.iter().skip(1).all(Cell::is_empty);
        if row.kind == RowKind::Group && label_only {
            let _ = write!(
                self.out,
                "<tr class=\"group{level}\"><th scope=\"rowgroup\" colspan=\"{count}\">"
            );
            for cell in &row.cells {
                self.cell(cell);
            }
            self.out.push_str("</th></tr>\n");
            return;
        }
        let class = match row.kind {
            RowKind::Subtotal | RowKind::Total => " class=\"total\"".to_owned(),
            RowKind::Memo => " class=\"memo\"".to_owned(),
            RowKind::Hint => " class=\"hint\"".to_owned(),
            RowKind::Rate => " class=\"rate\"".to_owned(),
            // A group with figures of its own heads its rows.
            RowKind::Group => format!(" class=\"group{level}\""),
            RowKind::Data => String::new(),
        };
        let _ = write!(self.out, "<tr{class}>");
        for c in 0..count.max(row.cells.len()) {
            if spans.is_covered(r, c) {
                continue;
            }
            let class = Self::numeric_class(table, c);
            match spans.rows(r, c) {
                n if n > 1 => {
                    let _ = write!(self.out, "<td rowspan=\"{n}\"{class}>");
                }
                _ => {
                    let _ = write!(self.out, "<td{class}>");
                }
            }
            if let Some(cell) = row.cells.get(c) {
                if row.kind.is_summary() && !cell.is_empty() {
                    self.out.push_str("<strong>");
                    self.cell(cell);
                    self.out.push_str("</strong>");
                } else {
                    self.cell(cell);
                }
            }
            self.out.push_str("</td>");
        }
        self.out.push_str("</tr>\n");
    }

    /// A cell's text as written, paragraphs as lines; a rating as words
    /// on a line of its own, read as `13.4, 5 of 5, V Good`.
    fn cell(&mut self, cell: &Cell) {
        let mut first = true;
        for block in &cell.0 {
            match block {
                CellBlock::Para(rich) => {
                    if !first {
                        self.out.push_str("<br>");
                    }
                    self.rich(rich);
                }
                CellBlock::List(list) => self.list(list),
                CellBlock::Rating(rating) => self.rating(rating),
            }
            first = false;
        }
    }

    fn rating(&mut self, rating: &Rating) {
        let bands = (self.plan.rating_scale.iter())
            .map(|b| b.band)
            .max()
            .unwrap_or(5)
            .max(rating.band);
        let _ = write!(
            self.out,
            "<span class=\"rating\"><span class=\"sep\">,</span> {} of {bands}",
            rating.band
        );
        if !rating.label.trim().is_empty() {
            let _ = write!(self.out, ", {}", escape(&rating.label));
        }
        self.out.push_str("</span>");
    }
}
