//! Line breaking and setting, on plain text in one face.
use super::*;

fn plain(text: &str) -> Vec<Piece> {
    vec![Piece::new(text, Style::new(Face::Regular, 10.0))]
}

fn line_texts(lines: &[Line]) -> Vec<String> {
    lines
        .iter()
        .map(|l| {
            l.fragments
                .iter()
                .map(|f| f.text.as_str())
                .collect::<Vec<_>>()
                .join("|")
        })
        .collect()
}

#[test]
fn breaks_at_spaces_within_the_width() {
    let pieces = plain("the quick brown fox jumps over the lazy dog");
    let width = Face::Regular.width("the quick brown", 10.0) + 1.0;
    let lines = break_lines(&pieces, width, &mut Warnings::default());
    assert_eq!(
        line_texts(&lines),
        ["the quick brown", "fox jumps over", "the lazy dog"]
    );
    assert!(lines.iter().all(|l| l.width <= width));
}

#[test]
fn a_word_wider_than_the_line_breaks_inside_and_says_so() {
    let mut warnings = Warnings::default();
    let pieces = plain("a Supercalifragilistic word");
    let width = Face::Regular.width("Supercal", 10.0);
    let lines = break_lines(&pieces, width, &mut warnings);
    assert!(lines.iter().all(|l| l.width <= width + 1e-3), "{lines:?}");
    let joined: String = lines
        .iter()
        .flat_map(|l| &l.fragments)
        .map(|f| {
            if f.joins_next {
                f.text.clone()
            } else {
                format!("{} ", f.text)
            }
        })
        .collect();
    assert_eq!(joined.trim_end(), "a Supercalifragilistic word");
    assert_eq!(warnings.found.len(), 1);
}

#[test]
fn a_url_breaks_after_a_slash_or_dot_rather_than_between_letters() {
    let url = "https://www.example.gov.uk/services/children/index.htm";
    let width = Face::Regular.width("https://www.example.gov.uk/servi", 10.0);
    let lines = break_lines(&plain(url), width, &mut Warnings::default());
    let texts = line_texts(&lines);
    assert!(texts.len() > 1, "{texts:?}");
    for text in &texts[..texts.len() - 1] {
        assert!(text.ends_with(['/', '.']), "{texts:?}");
    }
    assert_eq!(texts.concat(), url);
    assert!(lines.iter().all(|l| l.width <= width + 1e-3), "{lines:?}");
}

#[test]
fn a_huge_word_in_a_tiny_column_breaks_a_character_a_line() {
    let word = "W".repeat(2000);
    let mut warnings = Warnings::default();
    let lines = break_lines(&plain(&word), 1.0, &mut warnings);
    assert_eq!(lines.len(), 2000);
    let message = &warnings.found.iter().next().unwrap().message;
    assert!(message.contains("(2000 characters)"), "{message}");
    assert!(message.len() < 200, "{message}");
}

#[test]
fn styles_within_a_word_join_without_a_space() {
    let base = Style::new(Face::Regular, 10.0);
    let bold = Style::new(Face::Bold, 10.0);
    let pieces = [Piece::new("1", base.clone()), Piece::new("st place", bold)];
    let lines = break_lines(&pieces, 500.0, &mut Warnings::default());
    let fragments = &lines[0].fragments;
    assert_eq!(fragments.len(), 2);
    assert!(fragments[0].joins_next);
    assert_eq!(fragments[1].x, fragments[0].width);
}

#[test]
fn newlines_force_a_break_and_spaces_collapse() {
    let lines = break_lines(&plain("one  two\nthree"), 500.0, &mut Warnings::default());
    assert_eq!(line_texts(&lines), ["one two", "three"]);
}

#[test]
fn right_aligned_lines_end_at_the_column_edge() {
    let set = set_text(
        &plain("1,530.8"),
        Rect {
            x: 100.0,
            y: 0.0,
            width: 60.0,
            height: 20.0,
        },
        Align::Right,
        12.0,
        &mut Warnings::default(),
    );
    let run = set.items[0].as_text().unwrap();
    assert!((run.x + run.width - 160.0).abs() < 1e-3);
}
