//! Hydration of a prerendered first step (`prerender.rs`), in the
//! `hydrate` build only: the widget takes the markup the page already shows
//! instead of building it again.

use crate::components::App;
use crate::config::WidgetConfig;
use crate::held_start::HeldStart;
use crate::i18n::I18n;
use crate::prerender;
use crate::sending::OutcomeReport;
use crate::state::Form;
use leptos::prelude::*;

/// Takes over the prerendered first step `root` in `host` instead of
/// building it again: what the customer sees does not change, and the
/// group and topic they chose before the wasm arrived stay chosen (a
/// draft, being older, still wins).
pub fn hydrate(
    host: &web_sys::HtmlElement,
    root: web_sys::Element,
    config: &WidgetConfig,
    form: Form,
    i18n: I18n,
    on_outcome: OutcomeReport,
) {
    let chosen = prerender::chosen(&root, config);
    // Hydration starts at the host's first child: the page's whitespace or
    // comments around the included fragment must go first.
    let mut child = host.first_child();
    while let Some(node) = child {
        child = node.next_sibling();
        if node != *AsRef::<web_sys::Node>::as_ref(&root) {
            let _ = host.remove_child(&node);
        }
    }
    let held = HeldStart::new();
    let handle = {
        let (config, held) = (config.clone(), held.clone());
        leptos::mount::hydrate_from(host.clone(), move || {
            view! { <App config form i18n on_outcome held_start=held/> }
        })
    };
    handle.forget();
    held.run();
    prerender::keep_choice(form, chosen);
}
