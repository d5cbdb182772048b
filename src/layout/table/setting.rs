//! The size and orientation a table is set in.

use super::super::Orientation;
use super::super::boxes::GRID_WIDTH;
use super::super::columns::{ColumnNeeds, ColumnText};
use super::super::compose::Composer;
use super::super::figures::FigureColumn;
use crate::model::Table;

/// A size and orientation a table could be set in.
#[derive(Clone, Copy, Debug)]
pub(super) struct Setting {
    pub orientation: Orientation,
    pub size: f32,
}

/// Picks the first setting the table fits comfortably: portrait at the
/// table size, then landscape, then landscape in smaller type.
pub(super) fn choose_setting(
    table: &Table,
    composer: &Composer,
    figures: &[FigureColumn],
) -> (Setting, ColumnNeeds) {
    let size = composer.typography.small;
    let candidates = [
        Setting {
            orientation: Orientation::Portrait,
            size,
        },
        Setting {
            orientation: Orientation::Landscape,
            size,
        },
        Setting {
            orientation: Orientation::Landscape,
            size: size * 0.9,
        },
        Setting {
            orientation: Orientation::Landscape,
            size: size * 0.8,
        },
    ];
    let text = ColumnText::measure(table, figures);
    let mut last = None;
    for setting in candidates {
        let needs = text.at(setting.size);
        let room = table_room(composer, setting.orientation);
        let comfortable = match setting.orientation {
            Orientation::Portrait => needs.comfortable(setting.size) <= room,
            Orientation::Landscape => needs.total_min() <= room,
        };
        if comfortable {
            return (setting, needs);
        }
        last = Some((setting, needs));
    }
    last.expect("there are candidate settings")
}

/// The width a table may fill, leaving room for the grid's outer lines.
pub(super) fn table_room(composer: &Composer, orientation: Orientation) -> f32 {
    composer.settings.body_box(orientation).width - GRID_WIDTH
}
