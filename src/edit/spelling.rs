//! UK English spell checking: which words of a text are misspelt, by the
//! bundled en_GB Hunspell dictionary (assets/spelling, LGPL, see its
//! copyright file), a word list of council and children's services terms,
//! and the plan's own dictionary. Figures, addresses and codes with
//! digits are not words. Each word's verdict is kept, so checking a field
//! again as the author types costs a look-up per word.

use crate::model::{Location, Plan};
use spellbook::Dictionary;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Mutex, OnceLock};

const AFF: &str = include_str!("../../assets/spelling/en_GB.aff");
const DIC: &str = include_str!("../../assets/spelling/en_GB.dic");
/// Acronyms, names and terms of Kent's plans that a general dictionary
/// lacks, one a line (`#` starts a comment).
const PLAN_WORDS: &str = include_str!("../../assets/spelling/plan-words.txt");

/// The dictionary and the verdicts on words seen so far.
pub struct Speller {
    dictionary: Dictionary,
    verdicts: Mutex<HashMap<String, bool>>,
}

static SPELLER: OnceLock<Speller> = OnceLock::new();

/// The speller, loaded on first use (a fraction of a second).
pub fn speller() -> &'static Speller {
    SPELLER.get_or_init(Speller::load)
}

/// The speller if it is loaded: the editor draws without underlines
/// until a background thread has loaded it, rather than stall typing.
pub fn loaded() -> Option<&'static Speller> {
    SPELLER.get()
}

/// Loads the speller on another thread, so the editor never waits for it.
pub fn load_in_background() {
    if SPELLER.get().is_none() {
        std::thread::spawn(speller);
    }
}

impl Speller {
    fn load() -> Speller {
        let mut dictionary = Dictionary::new(AFF, DIC)
            .unwrap_or_else(|e| panic!("the bundled en_GB dictionary: {e}"));
        for word in plan_words() {
            dictionary
                .add(word)
                .unwrap_or_else(|e| panic!("plan-words.txt, {word:?}: {e}"));
        }
        Speller {
            dictionary,
            verdicts: Mutex::new(HashMap::new()),
        }
    }

    /// Whether the dictionary knows `word` (straight or curly apostrophes).
    pub fn knows(&self, word: &str) -> bool {
        let word = word.replace('’', "'");
        if let Some(known) = self
            .verdicts
            .lock()
            .ok()
            .and_then(|v| v.get(&word).copied())
        {
            return known;
        }
        let known = self.check(&word);
        if let Ok(mut verdicts) = self.verdicts.lock() {
            verdicts.insert(word, known);
        }
        known
    }

    fn check(&self, word: &str) -> bool {
        if self.dictionary.check(word) {
            return true;
        }
        // A known acronym's plural (`LCSPs`) and a known name's
        // possessive (`Ashford's`, `LCSPs'`).
        let stem = (word.strip_suffix("'s"))
            .or_else(|| word.strip_suffix("s'"))
            .or_else(|| word.strip_suffix('s').filter(|s| is_acronym(s)));
        stem.is_some_and(|s| s.chars().count() > 1 && self.dictionary.check(s))
    }

    /// Up to six corrections for `word`, the likeliest first.
    pub fn suggestions(&self, word: &str) -> Vec<String> {
        let mut out = Vec::new();
        self.dictionary.suggest(&word.replace('’', "'"), &mut out);
        out.truncate(6);
        out
    }

    /// The misspelt words of `text`, as byte ranges, given the plan's own
    /// dictionary.
    pub fn misspelt(&self, text: &str, plan_words: &[String]) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        for range in words(text) {
            let word = &text[range.clone()];
            if in_plan_dictionary(word, plan_words) || self.knows(word) {
                continue;
            }
            // An abbreviation the dictionary knows with its stop (`etc.`).
            if text[range.end..].starts_with('.') && self.knows(&format!("{word}.")) {
                continue;
            }
            // A hyphenated word is right when each part is.
            let parts = parts(word);
            if parts.len() == 1 {
                out.push(range);
                continue;
            }
            for part in parts {
                let piece = &word[part.clone()];
                if !in_plan_dictionary(piece, plan_words) && !self.knows(piece) {
                    out.push(range.start + part.start..range.start + part.end);
                }
            }
        }
        out
    }
}

fn plan_words() -> impl Iterator<Item = &'static str> {
    (PLAN_WORDS.lines())
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
}

fn is_acronym(word: &str) -> bool {
    word.chars().count() > 1 && word.chars().all(|c| c.is_uppercase())
}

/// In the plan's dictionary: as written there, or (for a word added in
/// lower case) in any case, as the main dictionary treats its words.
fn in_plan_dictionary(word: &str, plan_words: &[String]) -> bool {
    let word = word.replace('’', "'");
    // Its possessive, and an acronym's plural (`LCSMs`), as for the
    // main dictionary's words.
    let stem = (word.strip_suffix("'s"))
        .or_else(|| word.strip_suffix("s'"))
        .or_else(|| word.strip_suffix('s').filter(|s| is_acronym(s)))
        .unwrap_or(&word);
    plan_words.iter().any(|w| {
        let lower = w.chars().all(|c| !c.is_uppercase());
        [word.as_str(), stem]
            .iter()
            .any(|x| *x == w || (lower && x.to_lowercase() == *w))
    })
}

/// The hyphen-separated parts of a word, as byte ranges in it.
fn parts(word: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in word.char_indices().chain([(word.len(), '-')]) {
        if c == '-' {
            if i > start {
                out.push(start..i);
            }
            start = i + c.len_utf8();
        }
    }
    out
}

/// The words of `text` to check, as byte ranges: runs of letters with
/// inner apostrophes and hyphens. Skipped: anything with a digit (figures,
/// years, codes such as `NI117`), single letters, and web and email
/// addresses.
pub fn words(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut chunk_start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (c.is_whitespace(), chunk_start) {
            (false, None) => chunk_start = Some(i),
            (true, Some(start)) => {
                chunk_start = None;
                if !is_address(&text[start..i]) {
                    chunk_words(text, start..i, &mut out);
                }
            }
            _ => {}
        }
    }
    out
}

/// A web or email address, or a domain such as `kent.gov.uk`.
fn is_address(chunk: &str) -> bool {
    let chunk = chunk.trim_matches(|c: char| !c.is_alphanumeric());
    if chunk.contains("://") || chunk.contains('@') || chunk.starts_with("www.") {
        return true;
    }
    let labels: Vec<&str> = chunk.split('.').collect();
    labels.len() >= 3
        && labels
            .iter()
            .all(|l| l.chars().count() >= 2 && l.chars().all(|c| c.is_alphanumeric() || c == '-'))
}

fn chunk_words(text: &str, chunk: Range<usize>, out: &mut Vec<Range<usize>>) {
    let inner = |c: char| matches!(c, '\'' | '’' | '-');
    let mut start = None;
    let piece = &text[chunk.clone()];
    for (i, c) in piece.char_indices().chain([(piece.len(), ' ')]) {
        let part_of_word = c.is_alphanumeric() || inner(c);
        match (part_of_word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                start = None;
                let word = piece[s..i].trim_matches(inner);
                if word.is_empty() {
                    continue;
                }
                let from = s + piece[s..i].find(word).unwrap_or(0);
                let skip = word.chars().any(|c| c.is_numeric()) || word.chars().count() < 2;
                if !skip {
                    out.push(chunk.start + from..chunk.start + from + word.len());
                }
            }
            _ => {}
        }
    }
}

/// A misspelt word and where it is.
#[derive(Clone, Debug, PartialEq)]
pub struct Misspelling {
    pub location: Location,
    /// `Cover`, or the section's name (`3.2 Revenue Budget › Table 1`).
    pub place: String,
    pub word: String,
}

impl std::fmt::Display for Misspelling {
    /// `sections[3]/blocks[1] (PURPOSE OF THE SERVICE › Paragraph 2): "recieve"`
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({}): \"{}\"", self.location, self.place, self.word)
    }
}

/// Every misspelt word of the plan's text (the cover, headings, captions,
/// column labels, cells, paragraphs and lists), in document order.
pub fn check_plan(plan: &Plan) -> Vec<Misspelling> {
    let speller = speller();
    let mut out = Vec::new();
    for (location, text) in super::find::texts(plan) {
        for range in speller.misspelt(&text, &plan.dictionary) {
            out.push(Misspelling {
                place: super::find::place_name(plan, &location),
                location: location.clone(),
                word: text[range].to_owned(),
            });
        }
    }
    out
}

/// The plan's dictionary with `word` added, kept sorted; `None` when it is
/// there already.
pub fn with_word(dictionary: &[String], word: &str) -> Option<Vec<String>> {
    let word = word.trim().replace('’', "'");
    if word.is_empty() || dictionary.contains(&word) {
        return None;
    }
    let mut words = dictionary.to_vec();
    words.push(word);
    words.sort_by_key(|w| w.to_lowercase());
    Some(words)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn misspelt(text: &str) -> Vec<&str> {
        speller()
            .misspelt(text, &[])
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn uk_spellings_are_never_flagged() {
        let text = "The organisation's programme will recognise the colour of the centre, \
                    analyse its behaviour and prioritise the defence of licensed practice.";
        assert_eq!(misspelt(text), Vec::<&str>::new());
    }

    #[test]
    fn real_typos_are_flagged_with_suggestions() {
        assert_eq!(
            misspelt("We will recieve the buget by Febuary."),
            ["recieve", "buget", "Febuary"]
        );
        assert!(
            speller()
                .suggestions("recieve")
                .contains(&"receive".to_owned())
        );
    }

    #[test]
    fn figures_codes_and_addresses_are_not_words() {
        let text = "NI117 rose 2.5% to £3.8m in 2008/09 (BV49); see www.kent.gov.uk, \
                    kent.gov.uk or jo.bloggs@kent.gov.uk. 0-25 Q3, etc.";
        assert_eq!(misspelt(text), Vec::<&str>::new());
    }

    #[test]
    fn words_keep_inner_apostrophes_and_hyphens() {
        let text = "‘children’s’ well-being – Kent's";
        let found: Vec<&str> = words(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(found, ["children’s", "well-being", "Kent's"]);
    }

    #[test]
    fn a_hyphenated_word_flags_only_its_wrong_part() {
        assert_eq!(misspelt("multi-agencey work"), ["agencey"]);
    }

    #[test]
    fn the_plans_dictionary_and_the_plan_word_list_are_known() {
        let plan_words = vec!["Zorblatt".to_owned(), "frimble".to_owned()];
        let text = "Zorblatt's and Frimble, CAMHS and LCSPs";
        assert!(speller().misspelt(text, &plan_words).is_empty());
        assert_eq!(misspelt("Zorblatt"), ["Zorblatt"]);
        assert!(
            speller().misspelt("zorblatt", &plan_words).len() == 1,
            "added capitalised"
        );
    }

    #[test]
    fn adding_a_word_keeps_the_dictionary_sorted_and_unique() {
        let words = with_word(&["LCSP".into()], "Ashford").unwrap();
        assert_eq!(words, ["Ashford", "LCSP"]);
        assert_eq!(with_word(&words, "LCSP"), None);
    }
}
