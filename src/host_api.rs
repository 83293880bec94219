//! The widget as the host page's JavaScript calls it: a small
//! `window.TicketWidget` object (its events are in `host_events.rs`).
//! Nothing here may panic: the page calls in with whatever it has.

use crate::config::{ConfigProblem, Prefill};
use crate::host_events::set;
use crate::i18n::{Lang, tr_args};
use crate::mount::{self, Mounted};
use crate::prefill;
use js_sys::{Object, Reflect};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

/// Defines `window.TicketWidget` { version, mount, prefill, open }.
pub fn install() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let api = Object::new();
    set(&api, "version", &env!("CARGO_PKG_VERSION").into());
    let mount = Closure::<dyn Fn(JsValue) -> JsValue>::new(js_mount);
    set(&api, "mount", &mount.into_js_value());
    let prefill = Closure::<dyn Fn(JsValue, JsValue) -> bool>::new(js_prefill);
    set(&api, "prefill", &prefill.into_js_value());
    let open = Closure::<dyn Fn(JsValue, JsValue) -> bool>::new(js_open);
    set(&api, "open", &open.into_js_value());
    set(&window, "TicketWidget", &api);
}

/// `TicketWidget.mount(element)` → whether it mounted a widget there;
/// `TicketWidget.mount()` → how many new `[data-ticket-widget]` it mounted.
fn js_mount(target: JsValue) -> JsValue {
    if target.is_undefined() || target.is_null() {
        return (mount::mount_all() as f64).into();
    }
    match target.dyn_into::<web_sys::HtmlElement>() {
        Ok(host) => mount::mount(host).into(),
        Err(other) => {
            console_error("TicketWidget.mount: not an HTML element", &other);
            false.into()
        }
    }
}

/// `TicketWidget.prefill(host, {email, name, service, ip, category})`.
fn js_prefill(host: JsValue, values: JsValue) -> bool {
    let Some(widget) = widget_or_log("prefill", &host) else {
        return false;
    };
    let get = |name: &str| {
        Reflect::get(&values, &name.into())
            .ok()
            .and_then(|v| v.as_string())
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    };
    let values = Prefill {
        email: get("email"),
        name: get("name"),
        service: get("service"),
        ip: get("ip"),
        category: get("category"),
    };
    let result = prefill::apply(&widget.form, &widget.config, &values);
    report(&widget, "prefill", result)
}

/// `TicketWidget.open(host, categoryId)`: that category's form, ready to fill.
fn js_open(host: JsValue, category: JsValue) -> bool {
    let Some(widget) = widget_or_log("open", &host) else {
        return false;
    };
    let id = category.as_string().unwrap_or_default();
    let result = prefill::open(&widget.form, &widget.config, id.trim());
    report(&widget, "open", result)
}

fn widget_or_log(call: &str, host: &JsValue) -> Option<Mounted> {
    let widget = mount::find(host);
    if widget.is_none() {
        console_error(
            &format!("TicketWidget.{call}: not an element holding a ticket widget"),
            host,
        );
    }
    widget
}

fn report(widget: &Mounted, call: &str, result: Result<(), ConfigProblem>) -> bool {
    match result {
        Ok(()) => true,
        Err(problem) => {
            let (key, id) = problem.message();
            let text = tr_args(Lang::En, key, &[("id", id.to_owned())]);
            console_error(&format!("TicketWidget.{call}: {text}"), &widget.host);
            false
        }
    }
}

fn console_error(text: &str, subject: &JsValue) {
    web_sys::console::error_2(&format!("ticket-widget: {text}").into(), subject);
}
