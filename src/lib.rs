//! LeiKwan Host support-ticket widget: a Leptos (CSR) front end over the
//! rules in `ticket-core`. `main.rs` only mounts; everything lives here so
//! that browser tests can mount single components.

pub mod components;
pub mod config;
pub mod draft;
pub mod host_api;
pub mod i18n;
pub mod mount;
pub mod plain_text;
pub mod prefill;
pub mod retry;
pub mod sending;
pub mod state;
pub mod submit;

pub use mount::mount_all;

/// What the wasm's `main` does: the host API first, so that a page's
/// `ticket-widget:ready` listener may already call it, then every widget.
pub fn start() {
    host_api::install();
    mount_all();
}
