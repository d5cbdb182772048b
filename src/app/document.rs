//! The one document the window edits: the plan, where it lives on disk,
//! the copy last saved, its undo history and its findings. Every change
//! goes through [`Document::apply`]; "unsaved" is derived, never set.

use super::files::DiskStamp;
use super::undo::History;
use crate::edit::{Applied, Edit};
use crate::model::Plan;
use crate::model::check::{Finding, validate};
use std::cell::Cell;
use std::path::{Path, PathBuf};

pub struct Document {
    plan: Plan,
    path: Option<PathBuf>,
    /// The file's bytes as last read or written, to notice a colleague's save.
    stamp: Option<DiskStamp>,
    /// The plan as last opened or saved; `None` for work that was never
    /// saved anywhere (restored after a crash), which is always unsaved.
    saved: Option<Plan>,
    history: History,
    findings: Vec<Finding>,
    /// Counts changes, so views drawn from the plan (findings, a print
    /// preview) know when theirs is out of date.
    revision: u64,
    /// `is_dirty` for `revision`, so it costs one comparison per change.
    dirty_at: Cell<Option<(u64, bool)>>,
}

impl Document {
    /// A document for `plan`, saved at `path` (or a new, untitled plan
    /// that counts as saved until changed).
    /// A plan made here and never saved (next year's plan, rolled
    /// forward): unsaved changes from the start.
    pub fn unsaved(plan: Plan) -> Self {
        let mut doc = Document::new(plan, None, None);
        doc.saved = None;
        doc
    }

    pub fn new(plan: Plan, path: Option<PathBuf>, stamp: Option<DiskStamp>) -> Self {
        Document {
            history: History::new(&plan),
            findings: validate(&plan),
            saved: Some(plan.clone()),
            plan,
            path,
            stamp,
            revision: 0,
            dirty_at: Cell::new(None),
        }
    }

    /// Work restored after a crash: unsaved compared with `saved` (the
    /// file as it is on disk), or always, when it was never saved.
    pub fn recovered(
        plan: Plan,
        path: Option<PathBuf>,
        stamp: Option<DiskStamp>,
        saved: Option<Plan>,
    ) -> Self {
        Document {
            saved,
            ..Document::new(plan, path, stamp)
        }
    }

    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    /// The plan for the editors' text fields, which edit it in place and
    /// then report it with [`Edit::Typed`] or [`Edit::Changed`].
    pub fn plan_for_fields(&mut self) -> &mut Plan {
        &mut self.plan
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn stamp(&self) -> Option<DiskStamp> {
        self.stamp
    }

    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    pub fn revision(&self) -> u64 {
        self.revision
    }

    pub fn is_dirty(&self) -> bool {
        if let Some((revision, dirty)) = self.dirty_at.get()
            && revision == self.revision
        {
            return dirty;
        }
        let dirty = self.saved.as_ref() != Some(&self.plan);
        self.dirty_at.set(Some((self.revision, dirty)));
        dirty
    }

    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// Applies one change at `time` (seconds), and records it for undo.
    pub fn apply(&mut self, edit: &Edit, time: f64) -> Applied {
        let applied = edit.apply_to(&mut self.plan);
        if applied.changed {
            let typing = match edit {
                Edit::Typed { field } => Some(*field),
                _ => None,
            };
            self.history.record(&self.plan, typing, time);
            self.changed();
        }
        applied
    }

    pub fn undo(&mut self) -> bool {
        match self.history.undo(&self.plan) {
            Some(plan) => self.replace_plan(plan),
            None => false,
        }
    }

    pub fn redo(&mut self) -> bool {
        match self.history.redo(&self.plan) {
            Some(plan) => self.replace_plan(plan),
            None => false,
        }
    }

    fn replace_plan(&mut self, plan: Plan) -> bool {
        self.plan = plan;
        self.changed();
        true
    }

    fn changed(&mut self) {
        self.revision += 1;
        self.findings = validate(&self.plan);
    }

    /// Ends the open typing step (focus moved, a command ran).
    pub fn seal(&mut self) {
        self.history.seal();
    }

    /// The plan was written to `path`, whose bytes are now `stamp`.
    pub fn saved_as(&mut self, path: &Path, stamp: Option<DiskStamp>) {
        self.path = Some(path.to_owned());
        self.stamp = stamp;
        self.saved = Some(self.plan.clone());
        self.dirty_at.set(None);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::{ItemOp, SectionOp};

    fn document() -> Document {
        let plan = crate::template::find("operating-plan-2008")
            .unwrap()
            .new_plan();
        Document::new(plan, None, None)
    }

    #[test]
    fn dirty_is_derived_from_the_saved_copy() {
        let mut doc = document();
        assert!(!doc.is_dirty());
        let edit = Edit::Sections(SectionOp::AddAfter(vec![0]));
        assert!(doc.apply(&edit, 0.0).changed);
        assert!(doc.is_dirty());
        assert_eq!(doc.revision(), 1);
        assert!(doc.undo());
        assert!(!doc.is_dirty(), "undone back to the saved plan");
        assert!(doc.redo());
        doc.saved_as(Path::new("/tmp/x.ron"), None);
        assert!(!doc.is_dirty());
        assert_eq!(doc.path(), Some(Path::new("/tmp/x.ron")));
    }

    #[test]
    fn an_edit_that_changes_nothing_is_not_recorded() {
        let mut doc = document();
        let edit = Edit::Block {
            section: vec![0],
            op: ItemOp::Up(0),
        };
        assert!(!doc.apply(&edit, 0.0).changed);
        assert!(!doc.can_undo());
        assert_eq!(doc.revision(), 0);
    }

    #[test]
    fn recovered_work_that_was_never_saved_is_unsaved() {
        let plan = document().plan().clone();
        let doc = Document::recovered(plan.clone(), None, None, None);
        assert!(doc.is_dirty());
        let doc = Document::recovered(plan.clone(), None, None, Some(plan));
        assert!(!doc.is_dirty());
    }

    #[test]
    fn findings_follow_the_plan() {
        let mut doc = document();
        let before = doc.findings().len();
        doc.plan_for_fields().sections[0].blocks =
            vec![crate::model::Block::Paragraph("We help.".into())];
        doc.apply(&Edit::Changed, 0.0);
        assert_ne!(doc.findings().len(), before, "the purpose is filled in");
    }
}
