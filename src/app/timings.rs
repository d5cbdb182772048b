//! Frame times for `PLANWRIGHT_TIMINGS=1`, measured in the real window.

use std::time::{Duration, Instant};

/// Frame times for `PLANWRIGHT_TIMINGS=1`: the first frame after start,
/// then the median CPU time of the app's frames every 100 frames.
pub struct Timings {
    started: Instant,
    first_reported: bool,
    frames: Vec<Duration>,
}

impl Timings {
    pub fn new(started: Instant) -> Self {
        Timings {
            started,
            first_reported: false,
            frames: Vec::new(),
        }
    }

    pub fn frame(&mut self, took: Duration) {
        if !self.first_reported {
            self.first_reported = true;
            eprintln!(
                "planwright: first frame drawn {:.0} ms after start",
                self.started.elapsed().as_secs_f64() * 1e3
            );
        }
        self.frames.push(took);
        if self.frames.len() == 100 {
            self.frames.sort();
            eprintln!(
                "planwright: median frame {:.2} ms, slowest {:.2} ms (last 100 frames, CPU)",
                self.frames[50].as_secs_f64() * 1e3,
                self.frames[99].as_secs_f64() * 1e3
            );
            self.frames.clear();
        }
    }
}
