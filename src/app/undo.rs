//! Plan-level undo: a bounded history of whole-plan snapshots. Keystrokes
//! in one field make one step until the author pauses or moves on.

use crate::model::Plan;

/// How many steps back the author can go.
pub const MAX_STEPS: usize = 100;
/// A pause this long in typing ends the step.
pub const PAUSE_SECONDS: f64 = 1.5;

pub struct History {
    undo: Vec<Plan>,
    redo: Vec<Plan>,
    /// The plan as it was after the last recorded change.
    last: Plan,
    /// The field being typed into and when, while a step is open.
    typing: Option<(u64, f64)>,
}

impl History {
    pub fn new(plan: &Plan) -> Self {
        History {
            undo: Vec::new(),
            redo: Vec::new(),
            last: plan.clone(),
            typing: None,
        }
    }

    /// Records that `plan` changed at `time`, by typing into the field
    /// `typing` or else by a step of its own.
    pub fn record(&mut self, plan: &Plan, typing: Option<u64>, time: f64) {
        let continues = match (typing, self.typing) {
            (Some(id), Some((open, at))) => id == open && time - at < PAUSE_SECONDS,
            _ => false,
        };
        if !continues {
            let before = std::mem::replace(&mut self.last, plan.clone());
            self.push_undo(before);
        } else {
            self.last = plan.clone();
        }
        self.redo.clear();
        self.typing = typing.map(|id| (id, time));
    }

    fn push_undo(&mut self, plan: Plan) {
        self.undo.push(plan);
        if self.undo.len() > MAX_STEPS {
            self.undo.remove(0);
        }
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Steps back; returns the plan to show, or `None` when there is
    /// nothing to undo.
    pub fn undo(&mut self, current: &Plan) -> Option<Plan> {
        // A step that changed nothing in the end (typing taken back with
        // the field's own undo) is skipped, so every undo visibly undoes.
        while self.undo.last().is_some_and(|p| p == current) {
            self.undo.pop();
        }
        let previous = self.undo.pop()?;
        self.redo.push(current.clone());
        self.last = previous.clone();
        self.typing = None;
        Some(previous)
    }

    pub fn redo(&mut self, current: &Plan) -> Option<Plan> {
        while self.redo.last().is_some_and(|p| p == current) {
            self.redo.pop();
        }
        let next = self.redo.pop()?;
        self.push_undo(current.clone());
        self.last = next.clone();
        self.typing = None;
        Some(next)
    }

    /// Ends the open typing step (focus moved, a command ran).
    pub fn seal(&mut self) {
        self.typing = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(title: &str) -> Plan {
        let mut p = crate::template::find("operating-plan-2008")
            .unwrap()
            .new_plan();
        p.cover.title = title.into();
        p
    }

    #[test]
    fn typing_in_one_field_is_one_step() {
        let id = Some(1);
        let mut h = History::new(&plan(""));
        h.record(&plan("a"), id, 0.0);
        h.record(&plan("ab"), id, 0.5);
        h.record(&plan("abc"), id, 1.0);
        assert_eq!(h.undo(&plan("abc")).unwrap().cover.title, "");
        assert!(!h.can_undo());
        assert_eq!(h.redo(&plan("")).unwrap().cover.title, "abc");
    }

    #[test]
    fn a_pause_another_field_or_a_step_starts_a_new_step() {
        let (a, b) = (Some(1), Some(2));
        let mut h = History::new(&plan(""));
        h.record(&plan("1"), a, 0.0);
        h.record(&plan("12"), a, 5.0);
        h.record(&plan("123"), b, 5.1);
        h.record(&plan("1234"), None, 5.2);
        let mut titles = Vec::new();
        let mut current = plan("1234");
        while let Some(p) = h.undo(&current) {
            titles.push(p.cover.title.clone());
            current = p;
        }
        assert_eq!(titles, ["123", "12", "1", ""]);
    }

    #[test]
    fn steps_that_changed_nothing_are_skipped() {
        let id = Some(1);
        let mut h = History::new(&plan("a"));
        h.record(&plan("b"), None, 0.0);
        h.record(&plan("bx"), id, 1.0);
        h.record(&plan("b"), id, 1.2);
        assert_eq!(h.undo(&plan("b")).unwrap().cover.title, "a");
    }

    #[test]
    fn history_is_bounded_and_a_new_edit_clears_redo() {
        let mut h = History::new(&plan("0"));
        for i in 1..=(MAX_STEPS + 20) {
            h.record(&plan(&i.to_string()), None, i as f64);
        }
        let mut steps = 0;
        let mut current = plan("last");
        while let Some(p) = h.undo(&current) {
            current = p;
            steps += 1;
        }
        assert_eq!(steps, MAX_STEPS);
        h.record(&plan("new"), None, 1000.0);
        assert!(!h.can_redo());
    }
}
