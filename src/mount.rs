use crate::components::App;
use crate::config::WidgetConfig;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Mounts one widget into every `[data-ticket-widget]` element of the page,
/// leaving the rest of the page alone.
pub fn mount_all() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(hosts) = document.query_selector_all("[data-ticket-widget]") else {
        return;
    };
    for i in 0..hosts.length() {
        let Some(host) = hosts
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            continue;
        };
        if host.has_attribute("data-ticket-widget-mounted") {
            continue;
        }
        let _ = host.set_attribute("data-ticket-widget-mounted", "");
        let config = WidgetConfig::from_element(&host, i as usize);
        leptos::mount::mount_to(host, move || view! { <App config=config.clone()/> }).forget();
    }
}
