//! The layout on any plan the loader accepts: never a panic, a hang or an
//! out-of-memory (the live preview runs it on every pause in typing), and
//! always at least one page.
#![no_main]

use libfuzzer_sys::fuzz_target;
use planwright::layout;
use planwright::model::file;
use std::path::Path;

fuzz_target!(|bytes: &[u8]| {
    let Ok(plan) = file::from_bytes(bytes, Path::new("fuzz.ron")) else {
        return;
    };
    let document = layout::layout(&plan, &layout::PageSettings::default());
    assert!(!document.pages.is_empty(), "a plan lays out on no pages");
});
