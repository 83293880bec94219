//! The widget as the host page's JavaScript sees it: bubbling `CustomEvent`s
//! on each host element, and a small `window.TicketWidget` object. Nothing
//! here may panic: the page calls in with whatever it has.

use crate::config::{ConfigProblem, Prefill};
use crate::i18n::{Lang, tr_args};
use crate::mount::{self, Mounted};
use crate::prefill;
use crate::retry::Failure;
use crate::submit::Outcome;
use js_sys::{Object, Reflect};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

pub const READY: &str = "ticket-widget:ready";
pub const SUBMITTED: &str = "ticket-widget:submitted";
pub const ERROR: &str = "ticket-widget:error";

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

/// `ticket-widget:ready`, detail `{lang}`: the widget is on screen.
pub fn emit_ready(host: &web_sys::HtmlElement, lang: Lang) {
    let detail = Object::new();
    set(&detail, "lang", &lang.tag().into());
    dispatch(host, READY, &detail);
}

/// `ticket-widget:error`, detail `{kind, status}`; `status` is the HTTP
/// status, or null when there was no answer.
pub fn emit_error(host: &web_sys::HtmlElement, kind: &str, status: Option<u16>) {
    let detail = Object::new();
    set(&detail, "kind", &kind.into());
    let status = status.map_or(JsValue::NULL, |s| f64::from(s).into());
    set(&detail, "status", &status);
    dispatch(host, ERROR, &detail);
}

/// Tells the host page how a submission ended: `ticket-widget:submitted`
/// (detail `{reference, category}`) or `ticket-widget:error`.
///
/// Sent from a timeout, once the widget has shown the outcome: a listener
/// then sees the widget's new state, and may call `TicketWidget.open`
/// without the widget's own handling undoing it.
pub fn report_outcome(instance: usize, outcome: &Outcome, category: &str) {
    let Some(host) = mount::host_of(instance) else {
        return;
    };
    let outcome = outcome.clone();
    let category = category.to_owned();
    leptos::prelude::set_timeout(
        move || match outcome {
            Outcome::Accepted(reference) => {
                let detail = Object::new();
                set(&detail, "reference", &reference.into());
                set(&detail, "category", &category.into());
                dispatch(&host, SUBMITTED, &detail);
            }
            Outcome::Rejected(_) => emit_error(&host, "rejected", Some(422)),
            Outcome::Refused { status, .. } => emit_error(&host, "refused", Some(status)),
            Outcome::BadConfig => emit_error(&host, "config", None),
            // One event per failed attempt; the widget retries by itself.
            Outcome::Retry { failure, .. } => match failure {
                Failure::Network => emit_error(&host, "network", None),
                Failure::Timeout => emit_error(&host, "timeout", None),
                Failure::Server(status) => emit_error(&host, "server", Some(status)),
            },
        },
        std::time::Duration::ZERO,
    );
}

fn dispatch(host: &web_sys::HtmlElement, name: &str, detail: &Object) {
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_detail(detail);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        // A listener that throws is the page's problem; the browser reports it.
        let _ = host.dispatch_event(&event);
    }
}

fn set(target: &JsValue, name: &str, value: &JsValue) {
    let _ = Reflect::set(target, &name.into(), value);
}

fn console_error(text: &str, subject: &JsValue) {
    web_sys::console::error_2(&format!("ticket-widget: {text}").into(), subject);
}
