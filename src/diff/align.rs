//! Lining up two sequences (blocks, rows, list items) that have no ids:
//! identical items match by content, an identical item elsewhere is a move,
//! and within a changed stretch items alike enough pair up as edits.

use similar::{Algorithm, capture_diff_slices};
use std::collections::HashMap;
use std::hash::{DefaultHasher, Hasher};

/// How an item of the new sequence (or a removed old one) lines up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Aligned {
    Same {
        old: usize,
        new: usize,
    },
    Changed {
        old: usize,
        new: usize,
    },
    Added {
        new: usize,
    },
    /// Removed; `at` is where it stood in the new sequence.
    Removed {
        old: usize,
        at: usize,
    },
    Moved {
        old: usize,
        new: usize,
    },
}

/// A hash of a value's whole content, through its `Debug` form (the model
/// has no `Hash`, and floats nowhere, so equal `Debug` is equal content).
pub fn fingerprint<T: std::fmt::Debug>(value: &T) -> u64 {
    struct Feed<'a>(&'a mut DefaultHasher);
    impl std::fmt::Write for Feed<'_> {
        fn write_str(&mut self, s: &str) -> std::fmt::Result {
            self.0.write(s.as_bytes());
            Ok(())
        }
    }
    let mut hasher = DefaultHasher::new();
    let _ = std::fmt::write(&mut Feed(&mut hasher), format_args!("{value:?}"));
    hasher.finish()
}

/// Lines up `old` and `new`, in the new sequence's order (removed items
/// just before the item that took their place). `pairable` says whether an
/// old item and a new one are the same thing edited.
pub fn align<T: std::fmt::Debug>(
    old: &[T],
    new: &[T],
    pairable: impl Fn(&T, &T) -> bool,
) -> Vec<Aligned> {
    let old_keys: Vec<u64> = old.iter().map(fingerprint).collect();
    let new_keys: Vec<u64> = new.iter().map(fingerprint).collect();
    let ops = capture_diff_slices(Algorithm::Myers, &old_keys, &new_keys);

    let mut new_state: Vec<Option<Aligned>> = vec![None; new.len()];
    let mut removed: Vec<(usize, usize)> = Vec::new();
    // Inserted items by content, to find the other end of a move.
    let mut inserted: HashMap<u64, Vec<usize>> = HashMap::new();
    for op in &ops {
        let (_, _, new_range) = op.as_tag_tuple();
        if !matches!(op, similar::DiffOp::Equal { .. }) {
            for n in new_range.rev() {
                inserted.entry(new_keys[n]).or_default().push(n);
            }
        }
    }
    // Moves first, so that pairing never takes the other end of one.
    let mut stretches: Vec<(Vec<usize>, std::ops::Range<usize>)> = Vec::new();
    for op in &ops {
        let (_, old_range, new_range) = op.as_tag_tuple();
        if let similar::DiffOp::Equal { .. } = op {
            for (o, n) in old_range.zip(new_range) {
                new_state[n] = Some(Aligned::Same { old: o, new: n });
            }
            continue;
        }
        let mut left: Vec<usize> = Vec::new();
        for o in old_range {
            match inserted.get_mut(&old_keys[o]).and_then(Vec::pop) {
                Some(n) => new_state[n] = Some(Aligned::Moved { old: o, new: n }),
                None => left.push(o),
            }
        }
        stretches.push((left, new_range));
    }
    // Pair what is left in each stretch, keeping order.
    for (left, new_range) in stretches {
        let mut next_new = new_range.start;
        for o in left {
            let pair = (next_new..new_range.end)
                .find(|&n| new_state[n].is_none() && pairable(&old[o], &new[n]));
            match pair {
                Some(n) => {
                    new_state[n] = Some(Aligned::Changed { old: o, new: n });
                    next_new = n + 1;
                }
                None => removed.push((o, next_new)),
            }
        }
    }
    let mut out = Vec::with_capacity(new.len() + removed.len());
    let mut removed = removed.into_iter().peekable();
    for (n, state) in new_state.into_iter().enumerate() {
        while let Some((old, at)) = removed.next_if(|(_, at)| *at <= n) {
            out.push(Aligned::Removed { old, at });
        }
        out.push(state.unwrap_or(Aligned::Added { new: n }));
    }
    out.extend(removed.map(|(old, at)| Aligned::Removed { old, at }));
    out
}
