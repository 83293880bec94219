//! LeiKwan Host support-ticket widget: a Leptos (CSR) front end over the
//! rules in `ticket-core`. `main.rs` only mounts; everything lives here so
//! that browser tests can mount single components.

// The server rendering (`ssr`) spells out the whole view type of `App`;
// the compiler's default depth is too shallow for it.
#![recursion_limit = "256"]

pub mod attachments;
pub mod components;
pub mod config;
pub mod dom;
pub mod draft;
pub mod draft_keeping;
pub mod draft_store;
pub mod exchange;
pub mod file_keeping;
pub mod file_shelf;
pub mod held_start;
pub mod host_api;
pub mod host_events;
pub mod i18n;
pub mod idb;
pub mod mount;
pub mod paste_guard;
pub mod plain_text;
pub mod pow;
pub mod prefill;
pub mod prerender;
pub mod retry;
pub mod sending;
pub mod sleep;
pub mod state;
pub mod submit;
#[cfg(feature = "hydrate")]
pub mod takeover;
pub mod upload;
pub mod uploading;

pub use mount::mount_all;

/// What the wasm's exported `start` does, called by `embed/loader.js` once
/// the wasm is instantiated, with
/// - `load(tag)`: a function returning a promise of a language pack's text
///   (the loader's fetch, with retries);
/// - `lang` and `text`: the language the loader expects the first widget to
///   start in, and a promise of its pack's text, already on its way. Only a
///   guess: each widget's language is `i18n::initial_lang`'s, and a pack
///   nobody fetched yet is fetched then;
/// - `mounted()`: called once every widget found is on screen or has given
///   up (its language's pack could not be had).
///
/// The host API first, so that a page's `ticket-widget:ready` listener may
/// already call it, then every widget.
pub fn start(
    load: Option<js_sys::Function>,
    lang: Option<String>,
    text: Option<js_sys::Promise>,
    mounted: impl FnOnce() + 'static,
) {
    i18n::set_loader(load);
    if let (Some(lang), Some(text)) = (lang.as_deref().and_then(i18n::Lang::from_tag), text) {
        i18n::start_loading(lang, text);
    }
    host_api::install();
    mount_all();
    i18n::when_settled(Box::new(mounted));
}
