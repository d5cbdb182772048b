//! Lists in the structure tree: L → LI → Lbl (the marker) and LBody
//! (the words); a nested list goes in its item's LBody.

use super::Builder;
use crate::layout::{ListPlace, RunTag};
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
