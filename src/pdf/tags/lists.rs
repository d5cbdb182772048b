//! Lists in the structure tree: L → LI → Lbl (the marker) and LBody
//! (the words); a nested list goes in its item's LBody.

use super::Builder;
use crate::layout::{ListPlace, RunTag, TextRun};
use rustc_hash::FxHashMap as HashMap;

#[derive(Default)]
pub(super) struct Lists {
    /// The list being read in a container (a Sect and the list's block,
    /// or a table cell, which may hold several lists) and which it is.
    open: HashMap<(usize, Option<usize>), (u16, usize)>,
    /// Each item's elements, by its outermost list and its place.
    items: HashMap<(usize, ListPlace), Item>,
    /// The list nested in an item, by the same key.
    nested: HashMap<(usize, ListPlace), usize>,
}

/// A list item's LI, and its Lbl and LBody once made.
#[derive(Clone, Copy)]
struct Item {
    li: usize,
    label: Option<usize>,
    body: Option<usize>,
}

impl Builder {
    /// The element a run in `container` belongs in: its list item's Lbl
    /// or LBody, or the container itself for a run in no list (which
    /// ends the container's list: the next one is another L).
    pub(super) fn in_list(&mut self, container: usize, block: Option<usize>, tag: RunTag) -> usize {
        let RunTag::List(place) = tag else {
            if !self.lists.open.is_empty() {
                self.lists.open.remove(&(container, block));
            }
            return container;
        };
        let list = match self.lists.open.get(&(container, block)) {
            Some(&(which, list)) if which == place.list => list,
            _ => {
                let list = self.add("L", Some(container));
                (self.lists.open).insert((container, block), (place.list, list));
                list
            }
        };
        self.list_part(list, place)
    }

    fn list_item(&mut self, list: usize, place: ListPlace) -> Item {
        let key = (list, place.item());
        if let Some(&item) = self.lists.items.get(&key) {
            return item;
        }
        let parent = match place.parent() {
            None => list,
            Some(parent) => match self.lists.nested.get(&(list, parent)) {
                Some(&nested) => nested,
                None => {
                    let body = self.list_part(list, parent);
                    let nested = self.add("L", Some(body));
                    self.lists.nested.insert((list, parent), nested);
                    nested
                }
            },
        };
        let item = Item {
            li: self.add("LI", Some(parent)),
            label: None,
            body: None,
        };
        self.lists.items.insert(key, item);
        item
    }

    /// Gives a list its `/ListNumbering` from its first marker, `run`,
    /// drawn in `element` (an Lbl: its LI's list is two up).
    pub(super) fn number_list(&mut self, element: usize, run: &TextRun) {
        let RunTag::List(place) = run.tag else {
            return;
        };
        let elements = &self.structure.elements;
        if !place.marker || elements[element].tag != "Lbl" {
            return;
        }
        let list = (elements[element].parent).and_then(|item| elements[item].parent);
        if let Some(list) = list
            && elements[list].numbering.is_none()
            && elements[list].kids.len() == 1
        {
            self.structure.elements[list].numbering = numbering(&run.text);
        }
    }

    /// The item's Lbl for its marker, else its LBody.
    fn list_part(&mut self, list: usize, place: ListPlace) -> usize {
        let mut item = self.list_item(list, place);
        let slot = match place.marker {
            true => &mut item.label,
            false => &mut item.body,
        };
        if let Some(id) = *slot {
            return id;
        }
        let id = self.add(if place.marker { "Lbl" } else { "LBody" }, Some(item.li));
        *slot = Some(id);
        self.lists.items.insert((list, place.item()), item);
        id
    }
}

/// The `/ListNumbering` a list's first marker shows: bullets and squares,
/// numbers, letters or roman numerals (a list starting at "i" is roman,
/// one at "a" lettered). Dashes and the author's own markers have none.
fn numbering(marker: &str) -> Option<&'static str> {
    let marker = marker.trim().trim_start_matches('(');
    let marker = marker.trim_end_matches(['.', ')', ':']);
    let all = |test: fn(&char) -> bool| !marker.is_empty() && marker.chars().all(|c| test(&c));
    let roman = |numerals: &str| !marker.is_empty() && marker.chars().all(|c| numerals.contains(c));
    let first = |letter: char| marker.starts_with(letter) || marker.len() > 1;
    match marker {
        "•" | "●" => Some("Disc"),
        "▪" | "■" => Some("Square"),
        "◦" | "○" => Some("Circle"),
        _ if all(char::is_ascii_digit) => Some("Decimal"),
        _ if roman("ivxlcdm") && first('i') => Some("LowerRoman"),
        _ if roman("IVXLCDM") && first('I') => Some("UpperRoman"),
        _ if all(char::is_ascii_lowercase) => Some("LowerAlpha"),
        _ if all(char::is_ascii_uppercase) => Some("UpperAlpha"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::numbering;

    #[test]
    fn a_lists_first_marker_names_its_numbering() {
        let cases = [
            ("•", Some("Disc")),
            ("▪", Some("Square")),
            ("1.", Some("Decimal")),
            ("12)", Some("Decimal")),
            ("(a)", Some("LowerAlpha")),
            ("c.", Some("LowerAlpha")),
            ("i.", Some("LowerRoman")),
            ("iv)", Some("LowerRoman")),
            ("A.", Some("UpperAlpha")),
            ("II.", Some("UpperRoman")),
            ("–", None),
            ("Q1", None),
            ("", None),
        ];
        for (marker, expected) in cases {
            assert_eq!(numbering(marker), expected, "{marker:?}");
        }
    }
}
