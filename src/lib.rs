//! Planwright: write a council unit's annual operating plan and print it
//! for sign-off.
//!
//! Data flows one way: [`model`] → [`layout`] → [`pdf`], and [`model`] ⇄
//! [`ui`] through [`edit`]: widgets return edits, and the shell's one
//! `Document` applies them. [`app`] is the desktop shell around the UI
//! (commands, files, undo); [`cli`] the command line; [`template`] the
//! plan templates.

pub mod app;
pub mod cli;
pub mod diff;
pub mod edit;
pub mod html;
pub mod layout;
pub mod model;
pub mod pdf;
pub mod template;
pub mod ui;
pub mod year;
