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
pub use category_step::CategoryStep;
pub use details_step::DetailsStep;
pub use lang_switch::LangSwitch;
pub use policy_dialog::PolicyDialog;
pub use review_step::ReviewStep;
