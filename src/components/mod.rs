//! The widget's views, one job per file.

mod app;
mod category_step;
mod config_notice;
mod details_step;
mod done_step;
mod fields;
mod lang_switch;
mod notices;
mod policy_dialog;
mod review_step;
mod send_status;
pub mod trace_summary;

pub use app::App;

use crate::config::WidgetConfig;
use crate::i18n::I18n;
use crate::sending::Sender;
use crate::state::Form;
use leptos::prelude::*;

/// What every view of one widget reads, handed down as an argument rather
/// than through four contexts (each `expect_context` instance and the
/// context map cost wasm bytes; an argument costs nothing).
#[derive(Clone, Copy)]
pub(crate) struct Ctx {
    pub i18n: I18n,
    pub form: Form,
    pub sender: Sender,
    pub config: StoredValue<WidgetConfig>,
    /// `WidgetConfig::instance`, for element ids.
    pub instance: usize,
}

impl Ctx {
    /// The page-unique element id for `name` (as `WidgetConfig::id`).
    pub fn id(self, name: &str) -> String {
        format!("ltw{}-{name}", self.instance)
    }
}
