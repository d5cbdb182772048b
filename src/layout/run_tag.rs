//! What a run of text is to a screen reader beyond the part of the plan
//! it prints: the tagged PDF's lists, notes, figures, ratings, row
//! headers and the cover's title.

/// What a run is in the tagged PDF beyond the part it prints: an item of
/// a list, a note, a box of a structure chart, a rating's slots, the label
/// heading a group of rows, the cover's title.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum RunTag {
    #[default]
    Plain,
    List(ListPlace),
    /// The `n`th note of its block (a table may have several).
    Note(u16),
    /// The `n`th box of its structure chart.
    ChartBox(u16),
    /// The slots of a rating in `band` of a scale of `of`: read as
    /// "4 of 5", not as the dots.
    Rating {
        band: u8,
        of: u8,
    },
    /// A group row's label: it heads the rows under it.
    RowHeader,
    /// The plan's title on the cover.
    Title,
}

/// Where a run is in a list: which list of its table cell, the item at
/// each level, outermost first, and whether it is the item's marker.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct ListPlace {
    /// The block of its cell the list is (a cell may hold lists one
    /// after another); 0 in the body, where the block tells them apart.
    pub list: u16,
    path: [u16; ListPlace::DEPTH],
    depth: u8,
    pub marker: bool,
}

impl ListPlace {
    /// Lists nested deeper than this are read as part of the item that
    /// holds them at this depth.
    const DEPTH: usize = 6;

    /// A list that is block `block` of its cell, before any item.
    pub fn cell_block(block: usize) -> ListPlace {
        ListPlace {
            list: block.min(usize::from(u16::MAX)) as u16,
            ..ListPlace::default()
        }
    }

    /// The item index at each level, outermost first.
    pub fn path(&self) -> &[u16] {
        &self.path[..usize::from(self.depth)]
    }

    /// The `index`th item of a list inside this one's item (or of a
    /// top-level list, from `ListPlace::default()`).
    pub fn child(&self, index: usize) -> ListPlace {
        let mut place = ListPlace {
            marker: false,
            ..*self
        };
        if usize::from(self.depth) < Self::DEPTH {
            place.path[usize::from(self.depth)] = index.min(usize::from(u16::MAX)) as u16;
            place.depth += 1;
        }
        place
    }

    /// The item that holds this one's list; none at the top level.
    pub fn parent(&self) -> Option<ListPlace> {
        let depth = self.depth.checked_sub(1).filter(|&d| d > 0)?;
        let mut parent = ListPlace {
            depth,
            marker: false,
            ..*self
        };
        parent.path[usize::from(depth)] = 0;
        Some(parent)
    }

    /// The item itself, not its marker.
    pub fn item(self) -> ListPlace {
        ListPlace {
            marker: false,
            ..self
        }
    }

    /// The same item's marker.
    pub fn marker(self) -> ListPlace {
        ListPlace {
            marker: true,
            ..self
        }
    }
}
