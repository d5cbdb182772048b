//! Word-by-word differences in a piece of text.

use similar::{Algorithm, DiffOp, capture_diff_slices};

/// A word of the new text as it compares with the old.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Word {
    Same(String),
    Deleted(String),
    Inserted(String),
}

impl Word {
    pub fn text(&self) -> &str {
        match self {
            Word::Same(w) | Word::Deleted(w) | Word::Inserted(w) => w,
        }
    }

    pub fn is_change(&self) -> bool {
        !matches!(self, Word::Same(_))
    }
}

/// The words of `old` and `new` in order, each kept, deleted or inserted;
/// deletions come before the insertions that replace them.
pub fn word_diff(old: &str, new: &str) -> Vec<Word> {
    let a: Vec<&str> = old.split_whitespace().collect();
    let b: Vec<&str> = new.split_whitespace().collect();
    let mut out = Vec::with_capacity(b.len());
    let own = |words: &[&str]| words.iter().map(|w| w.to_string()).collect::<Vec<_>>();
    for op in capture_diff_slices(Algorithm::Myers, &a, &b) {
        let (_, old_range, new_range) = op.as_tag_tuple();
        match op {
            DiffOp::Equal { .. } => out.extend(own(&b[new_range]).into_iter().map(Word::Same)),
            _ => {
                out.extend(own(&a[old_range]).into_iter().map(Word::Deleted));
                out.extend(own(&b[new_range]).into_iter().map(Word::Inserted));
            }
        }
    }
    out
}

/// How alike two texts are by their words, 0 to 1.
pub fn likeness(old: &str, new: &str) -> f32 {
    let words = word_diff(old, new);
    let same = words.iter().filter(|w| !w.is_change()).count();
    let total = words.len();
    if total == 0 {
        1.0
    } else {
        same as f32 / total as f32
    }
}

/// The words to show: each change with up to `context` unchanged words
/// either side; `None` stands for a stretch left out.
pub fn with_context(words: &[Word], context: usize) -> Vec<Option<&Word>> {
    let near_change = |i: usize| {
        let from = i.saturating_sub(context);
        let to = (i + context + 1).min(words.len());
        words[from..to].iter().any(Word::is_change)
    };
    let mut out = Vec::new();
    for (i, word) in words.iter().enumerate() {
        if word.is_change() || near_change(i) {
            out.push(Some(word));
        } else if out.last() != Some(&None) {
            out.push(None);
        }
    }
    out
}

/// The changed words marked `[-deleted-]` and `{+inserted+}`, with up to
/// `context` unchanged words either side of each change and `…` between.
pub fn marked(words: &[Word], context: usize) -> String {
    with_context(words, context)
        .into_iter()
        .map(|word| match word {
            None => "…".to_string(),
            Some(Word::Same(w)) => w.clone(),
            Some(Word::Deleted(w)) => format!("[-{w}-]"),
            Some(Word::Inserted(w)) => format!("{{+{w}+}}"),
        })
        .collect::<Vec<_>>()
        .join(" ")
}
