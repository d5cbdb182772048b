//! The plan loader on any bytes: never panics, and whatever it accepts
//! saves and loads back as the same plan.
#![no_main]

use libfuzzer_sys::fuzz_target;
use planwright::model::file;
use std::path::Path;

fuzz_target!(|bytes: &[u8]| {
    let path = Path::new("fuzz.ron");
    let Ok(plan) = file::from_bytes(bytes, path) else {
        return;
    };
    let Ok(text) = file::to_ron(&plan) else {
        return;
    };
    let again = file::from_ron(&text, path).expect("a saved plan loads");
    assert_eq!(again, plan, "a plan changed through save and load");
});
