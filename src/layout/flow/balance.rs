//! What the pagination passes compare: how full each page is, which pages
//! are low for no reason, and where a later pass should start a page so a
//! low page takes the end of the one before it.

use super::{LOW_FILL, Run};
use crate::layout::PageSettings;
use crate::layout::boxes::{Chunk, ChunkKind};
use std::collections::BTreeSet;

impl Run {
    /// How full page `p` is: its body's lowest part, as a share of its height.
    fn fill(&self, p: usize, settings: &PageSettings) -> f32 {
        let page = &self.pages[p];
        let body = settings.body_box(page.orientation);
        let bottom = page
            .placed
            .iter()
            .map(|placed| placed.rect.bottom())
            .fold(body.y, f32::max);
        (bottom - body.y) / body.height
    }

    /// Pages under 40 % full that nothing explains: a section that starts
    /// on a new page explains a short page before it, unless that page
    /// holds only the end of a row from the page before.
    fn low(&self, settings: &PageSettings) -> Vec<usize> {
        (0..self.pages.len().saturating_sub(1))
            .filter(|&p| !self.opened_by_break[p + 1] || self.starts[p].is_empty())
            .filter(|&p| self.fill(p, settings) < LOW_FILL)
            .collect()
    }

    pub(super) fn low_pages(&self, settings: &PageSettings) -> usize {
        self.low(settings).len()
    }

    /// A chunk to start a page with, so that a low page takes the end of
    /// the page before it: the latest that gives the low page enough and
    /// leaves enough, where no keep-together rule binds.
    pub(super) fn earlier_break(
        &self,
        chunks: &[Chunk],
        settings: &PageSettings,
        tried: &BTreeSet<usize>,
    ) -> Option<usize> {
        self.low(settings).into_iter().find_map(|p| {
            let before = p.checked_sub(1)?;
            let (page, previous) = (&self.pages[p], &self.pages[before]);
            if page.orientation != previous.orientation || self.opened_by_break[p] {
                return None;
            }
            let height = settings.body_box(page.orientation).height;
            let fill = self.fill(p, settings) * height;
            let previous_fill = self.fill(before, settings) * height;
            let end = (self.starts[p..].iter().flatten().next())
                .copied()
                .unwrap_or(chunks.len());
            let starts = &self.starts[before];
            starts.iter().skip(1).rev().find_map(|&i| {
                let moved: f32 = chunks[i..end]
                    .iter()
                    .map(|c| c.space_before + c.height)
                    .sum();
                let free = !kept_with_next(chunks, i);
                let enough = fill + moved >= LOW_FILL * height;
                let leaves = previous_fill - moved >= LOW_FILL * height;
                let fits = fill + moved <= height;
                (free && enough && leaves && fits && !tried.contains(&i)).then_some(i)
            })
        })
    }
}

/// Whether the chunk before `i` (section marks aside) must stay with it.
fn kept_with_next(chunks: &[Chunk], i: usize) -> bool {
    chunks[..i]
        .iter()
        .rev()
        .find(|c| !matches!(c.kind, ChunkKind::Anchor(_)))
        .is_some_and(|c| c.keep_with_next || matches!(c.kind, ChunkKind::PageBreak))
}
