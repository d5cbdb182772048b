//! The print preview's engine room: lays the plan out again on a worker
//! thread after a short pause in typing, keeps the last pages until new
//! ones arrive, and gives up on a layout that runs too long. The drawing
//! is [`crate::ui::preview`]'s.

use crate::layout::{self, FlowWarning, PageSettings};
use crate::model::Plan;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::{Duration, Instant};

/// How long the author must pause before the plan is laid out again:
/// short enough that the pause and a layout of the largest plan (about
/// 11 ms, more on a slow laptop) show new pages within 150 ms.
pub const DEBOUNCE_SECONDS: f64 = 0.1;
/// A layout still running after this long is abandoned (the editor never
/// waits for it either way).
pub const LAYOUT_BOUND: Duration = Duration::from_secs(5);

/// A layout result: the pages both the preview and Export PDF use, and
/// the page-flow problems found on them.
pub struct Laid {
    pub revision: u64,
    pub document: Arc<layout::Document>,
    pub page_flow: Vec<FlowWarning>,
    pub took: Duration,
}

struct Job {
    revision: u64,
    started: Instant,
    receiver: Receiver<Laid>,
}

pub struct Preview {
    /// How long a layout may run before it is abandoned.
    pub bound: Duration,
    /// The newest pages; shown until newer ones arrive.
    pub laid: Option<Laid>,
    job: Option<Job>,
    /// The revision last seen, and when it was first seen (input time).
    seen: Option<(u64, f64)>,
    /// A revision whose layout ran past the bound, not tried again.
    pub abandoned: Option<u64>,
    /// The preview pane's own view state (zoom, page to show).
    pub view: crate::ui::preview::PreviewState,
}

impl Default for Preview {
    fn default() -> Self {
        Preview {
            bound: LAYOUT_BOUND,
            laid: None,
            job: None,
            seen: None,
            abandoned: None,
            view: Default::default(),
        }
    }
}

impl Preview {
    /// Drops everything of the plan before (another plan was opened),
    /// keeping the pane's zoom.
    pub fn forget(&mut self) {
        *self = Preview {
            bound: self.bound,
            view: std::mem::take(&mut self.view),
            ..Preview::default()
        };
    }

    /// The pages laid out from exactly `revision`, if the preview has them.
    pub fn document_for(&self, revision: u64) -> Option<Arc<layout::Document>> {
        (self.laid.as_ref())
            .filter(|laid| laid.revision == revision)
            .map(|laid| laid.document.clone())
    }

    /// True while a layout runs or one is due.
    pub fn is_busy(&self) -> bool {
        self.job.is_some()
    }

    /// Call once a frame: collects a finished layout, abandons a runaway
    /// one, and starts the next after the pause. Returns how long until it
    /// needs another look, if it does.
    pub fn tick(&mut self, plan: &Plan, revision: u64, time: f64) -> Option<Duration> {
        if let Some(job) = &self.job {
            // Past the bound, even a result that has just come is dropped:
            // the author was told the layout ran too long.
            let result = if job.started.elapsed() > self.bound {
                Err(TryRecvError::Disconnected)
            } else {
                job.receiver.try_recv()
            };
            match result {
                Ok(laid) => {
                    self.laid = Some(laid);
                    self.job = None;
                }
                // Too long, or the worker panicked: the thread cannot be
                // stopped, so its result is dropped and that revision is
                // not laid out again.
                Err(TryRecvError::Disconnected) => {
                    self.abandoned = Some(job.revision);
                    self.job = None;
                }
                Err(TryRecvError::Empty) => return Some(Duration::from_millis(15)),
            }
        }
        let current = self.laid.as_ref().map(|l| l.revision);
        if current == Some(revision) || self.abandoned == Some(revision) {
            return None;
        }
        let first_seen = match self.seen {
            Some((seen, at)) if seen == revision => at,
            _ => {
                self.seen = Some((revision, time));
                time
            }
        };
        // The first layout of a plan is not waited for.
        let wait = if current.is_none() {
            0.0
        } else {
            DEBOUNCE_SECONDS - (time - first_seen)
        };
        if wait > 0.0 {
            return Some(Duration::from_secs_f64(wait));
        }
        self.start(plan.clone(), revision);
        Some(Duration::from_millis(15))
    }

    fn start(&mut self, plan: Plan, revision: u64) {
        let (sender, receiver) = channel();
        let spawned = std::thread::Builder::new()
            .name("preview layout".into())
            .spawn(move || {
                let started = Instant::now();
                let document = layout::layout(&plan, &PageSettings::default());
                let page_flow = layout::page_flow(&document, &PageSettings::default());
                let _ = sender.send(Laid {
                    revision,
                    document: Arc::new(document),
                    page_flow,
                    took: started.elapsed(),
                });
            });
        match spawned {
            Ok(_) => {
                self.job = Some(Job {
                    revision,
                    started: Instant::now(),
                    receiver,
                })
            }
            Err(_) => self.abandoned = Some(revision),
        }
    }

    /// What the preview pane says above the pages, if anything.
    pub fn note(&self, revision: u64) -> Option<String> {
        if self.abandoned == Some(revision) {
            return Some(format!(
                "The print layout took longer than {} s and was stopped; these pages are from before your last change.",
                self.bound.as_secs_f32()
            ));
        }
        match &self.laid {
            None => Some("Laying out the pages…".into()),
            Some(laid) if laid.revision != revision => Some("Updating…".into()),
            Some(_) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wait(preview: &mut Preview, plan: &Plan, revision: u64, time: &mut f64) {
        let started = Instant::now();
        while preview.tick(plan, revision, *time).is_some() {
            assert!(started.elapsed() < Duration::from_secs(20));
            std::thread::sleep(Duration::from_millis(5));
            *time += 0.005;
        }
    }

    #[test]
    fn a_layout_past_its_bound_is_abandoned_and_the_old_pages_stay() {
        let plan = crate::app::sample_plan();
        let mut preview = Preview::default();
        let mut time = 0.0;
        wait(&mut preview, &plan, 1, &mut time);
        assert_eq!(preview.laid.as_ref().map(|l| l.revision), Some(1));
        assert_eq!(preview.note(1), None);

        // The next change waits for the pause, then runs out of time.
        preview.bound = Duration::ZERO;
        assert!(
            preview
                .tick(&plan, 2, time)
                .is_some_and(|d| d > Duration::ZERO)
        );
        assert!(!preview.is_busy(), "no layout before the pause");
        assert_eq!(preview.note(2).as_deref(), Some("Updating…"));
        time += DEBOUNCE_SECONDS;
        wait(&mut preview, &plan, 2, &mut time);
        assert_eq!(preview.abandoned, Some(2));
        assert_eq!(
            preview.laid.as_ref().map(|l| l.revision),
            Some(1),
            "old pages kept"
        );
        assert!(preview.note(2).unwrap().contains("took longer"));

        // The next change is tried again.
        preview.bound = LAYOUT_BOUND;
        time += DEBOUNCE_SECONDS;
        wait(&mut preview, &plan, 3, &mut time);
        time += DEBOUNCE_SECONDS;
        wait(&mut preview, &plan, 3, &mut time);
        assert_eq!(preview.laid.as_ref().map(|l| l.revision), Some(3));
        assert!(preview.document_for(3).is_some() && preview.document_for(2).is_none());
    }
}
