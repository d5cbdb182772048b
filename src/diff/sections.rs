//! Matching sections between two versions: by template slot, then by
//! heading, then (for a renamed section) by identical content. A matched
//! section whose parent changed, or that left the order of its matched
//! siblings, is a move.

use super::words::word_diff;
use super::{Change, What, blocks};
use crate::model::{Location, Plan, Section};
use std::collections::{HashMap, VecDeque};

type Walk<'a> = Vec<(Vec<usize>, &'a Section)>;

pub(super) fn section_changes(old: &Plan, new: &Plan, out: &mut Vec<Change>) {
    let old_walk = old.walk_sections();
    let new_walk = new.walk_sections();
    let (old_to_new, new_to_old) = match_sections(&old_walk, &new_walk);
    let moved = moved_sections(&old_walk, &new_walk, &new_to_old);

    // Removed sections are listed after the section before them that is
    // still there (or first, when none is).
    let mut removed: HashMap<Option<usize>, Vec<Change>> = HashMap::new();
    let mut anchor = None;
    for (o, (_, section)) in old_walk.iter().enumerate() {
        if let Some(n) = old_to_new[o] {
            anchor = Some(n);
            continue;
        }
        let parent_removed = parent_index(&old_walk, o).is_some_and(|p| old_to_new[p].is_none());
        if parent_removed {
            continue;
        }
        let place = anchor
            .map(|n| Location::section(&new_walk[n].0))
            .unwrap_or_default();
        removed.entry(anchor).or_default().push(Change {
            place,
            section: section.title(),
            what: What::SectionRemoved,
        });
    }

    out.extend(removed.remove(&None).unwrap_or_default());
    for (n, (path, section)) in new_walk.iter().enumerate() {
        let title = section.title();
        match new_to_old[n] {
            None => {
                let parent_added =
                    parent_index(&new_walk, n).is_some_and(|p| new_to_old[p].is_none());
                if !parent_added {
                    out.push(Change {
                        place: Location::section(path),
                        section: title,
                        what: What::SectionAdded,
                    });
                }
            }
            Some(o) => {
                let (old_path, old_section) = &old_walk[o];
                if moved[n] {
                    out.push(Change {
                        place: Location::section(path),
                        section: title.clone(),
                        what: What::SectionMoved {
                            from: position(old_path),
                            to: position(path),
                        },
                    });
                }
                heading_changes(old_section, section, path, &title, out);
                if old_section.blocks != section.blocks {
                    blocks::block_changes(&old_section.blocks, &section.blocks, path, &title, out);
                }
            }
        }
        out.extend(removed.remove(&Some(n)).unwrap_or_default());
    }
}

fn heading_changes(
    old: &Section,
    new: &Section,
    path: &[usize],
    title: &str,
    out: &mut Vec<Change>,
) {
    let parts = [
        ("part label", old.part.clone(), new.part.clone()),
        ("number", old.number.clone(), new.number.clone()),
        ("heading", old.heading.to_plain(), new.heading.to_plain()),
    ];
    for (part, o, n) in parts {
        if o.split_whitespace().ne(n.split_whitespace()) {
            out.push(Change {
                place: Location::section(path),
                section: title.to_string(),
                what: What::Text {
                    part: part.into(),
                    words: word_diff(&o, &n),
                },
            });
        }
    }
}

/// `2.3` for the third sub-section of the second section.
fn position(path: &[usize]) -> String {
    path.iter()
        .map(|i| (i + 1).to_string())
        .collect::<Vec<_>>()
        .join(".")
}

/// What identifies a section across versions: its slot, else its heading's
/// words (not its number, which a move changes), else its number.
fn key(section: &Section) -> String {
    if !section.slot.is_empty() {
        return format!("slot:{}", section.slot);
    }
    let heading = section.heading.to_plain();
    let words: Vec<String> = heading.split_whitespace().map(str::to_lowercase).collect();
    if words.is_empty() {
        format!("number:{}", section.number.trim())
    } else {
        format!("heading:{}", words.join(" "))
    }
}

/// Index in the walk of the section's parent.
fn parent_index(walk: &Walk, index: usize) -> Option<usize> {
    let path = &walk[index].0;
    if path.len() < 2 {
        return None;
    }
    let parent = &path[..path.len() - 1];
    walk[..index].iter().rposition(|(p, _)| p == parent)
}

fn match_sections(old: &Walk, new: &Walk) -> (Vec<Option<usize>>, Vec<Option<usize>>) {
    let mut old_to_new = vec![None; old.len()];
    let mut new_to_old = vec![None; new.len()];
    let mut by_key: HashMap<String, VecDeque<usize>> = HashMap::new();
    for (o, (_, s)) in old.iter().enumerate() {
        by_key.entry(key(s)).or_default().push_back(o);
    }
    for (n, (_, s)) in new.iter().enumerate() {
        if let Some(o) = by_key.get_mut(&key(s)).and_then(VecDeque::pop_front) {
            old_to_new[o] = Some(n);
            new_to_old[n] = Some(o);
        }
    }
    // A renamed section keeps its content.
    for (n, (_, s)) in new.iter().enumerate() {
        if new_to_old[n].is_some() || s.blocks.is_empty() {
            continue;
        }
        let found = old
            .iter()
            .enumerate()
            .find(|(o, (_, os))| old_to_new[*o].is_none() && os.blocks == s.blocks);
        if let Some((o, _)) = found {
            old_to_new[o] = Some(n);
            new_to_old[n] = Some(o);
        }
    }
    (old_to_new, new_to_old)
}

/// Which new sections moved: their parent is not their old parent's match,
/// or they are out of the longest run of siblings kept in order.
fn moved_sections(old: &Walk, new: &Walk, new_to_old: &[Option<usize>]) -> Vec<bool> {
    let mut moved = vec![false; new.len()];
    // Siblings under each new parent (None: top level), as (new, old sibling index).
    let mut siblings: HashMap<Option<usize>, Vec<(usize, usize)>> = HashMap::new();
    for (n, old_index) in new_to_old.iter().enumerate() {
        let Some(o) = *old_index else { continue };
        let new_parent = parent_index(new, n);
        let old_parent = parent_index(old, o);
        let same_parent = match (new_parent, old_parent) {
            (None, None) => true,
            (Some(np), Some(op)) => new_to_old[np] == Some(op),
            _ => false,
        };
        if same_parent {
            let sibling = *old[o].0.last().unwrap_or(&0);
            siblings.entry(new_parent).or_default().push((n, sibling));
        } else {
            moved[n] = true;
        }
    }
    for group in siblings.values() {
        let order: Vec<usize> = group.iter().map(|(_, o)| *o).collect();
        let kept = longest_increasing(&order);
        for (i, (n, _)) in group.iter().enumerate() {
            if !kept[i] {
                moved[*n] = true;
            }
        }
    }
    moved
}

/// Marks the members of one longest strictly increasing subsequence.
pub(super) fn longest_increasing(values: &[usize]) -> Vec<bool> {
    // Patience sorting: tails[k] is the index ending the best run of k + 1.
    let mut tails: Vec<usize> = Vec::new();
    let mut before: Vec<Option<usize>> = vec![None; values.len()];
    for (i, &v) in values.iter().enumerate() {
        let k = tails.partition_point(|&t| values[t] < v);
        before[i] = k.checked_sub(1).map(|k| tails[k]);
        if k == tails.len() {
            tails.push(i);
        } else {
            tails[k] = i;
        }
    }
    let mut kept = vec![false; values.len()];
    let mut at = tails.last().copied();
    while let Some(i) = at {
        kept[i] = true;
        at = before[i];
    }
    kept
}
