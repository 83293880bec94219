//! The widget's views: one component per job, one job per file. `App`
//! provides what they share through context (`context.rs`).

mod app;
mod category_list;
mod category_step;
mod circumvention_notice;
mod config_notice;
mod context;
mod details_hints;
mod details_step;
mod done_step;
mod draft_notices;
mod error_summary;
mod fields;
mod group_list;
mod honeypot;
mod hop_table;
mod lang_switch;
mod policy_dialog;
mod raw_payload;
mod review_list;
mod review_step;
mod send_actions;
mod send_status;
mod steps;
mod support_contact;
mod trace_field;
mod trace_summary;

pub use app::App;
