//! Planwright: write a council unit's annual operating plan and print it
//! for sign-off.
//!
//! Data flows one way: [`model`] → layout → PDF, and model ⇄ UI.

pub mod app;
pub mod cli;
pub mod layout;
pub mod model;
pub mod pdf;
pub mod template;
pub mod ui;
