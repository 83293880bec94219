//! LeiKwan Host support-ticket widget: a Leptos (CSR) front end over the
//! rules in `ticket-core`. `main.rs` only mounts; everything lives here so
//! that browser tests can mount single components.

pub mod components;
pub mod config;
pub mod i18n;
pub mod state;
pub mod submit;

mod mount;
pub use mount::mount_all;
