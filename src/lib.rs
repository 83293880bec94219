//! LeiKwan Host support-ticket widget: a Leptos (CSR) front end over the
//! rules in `ticket-core`. `main.rs` only mounts; everything lives here so
//! that browser tests can mount single components.

pub mod components;
pub mod config;
pub mod draft;
pub mod i18n;
pub mod plain_text;
pub mod retry;
pub mod sending;
pub mod state;
pub mod submit;

mod mount;
pub use mount::mount_all;
