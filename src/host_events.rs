//! What the host page hears from a widget: bubbling `CustomEvent`s on its
//! host element. Kept apart from the JS API (`host_api.rs`) so that
//! mounting a widget can send them without importing the API that mounts.

use crate::i18n::Lang;
use crate::retry::Failure;
use crate::submit::Outcome;
use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;

pub const READY: &str = "ticket-widget:ready";
pub const SUBMITTED: &str = "ticket-widget:submitted";
pub const ERROR: &str = "ticket-widget:error";

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
pub fn report_outcome(host: &web_sys::HtmlElement, outcome: &Outcome, category: &str) {
    let host = host.clone();
    let outcome = outcome.clone();
    let category = category.to_owned();
    leptos::prelude::set_timeout(
        move || match outcome {
            Outcome::Accepted(reference) => {
                let detail = Object::new();
                let reference = reference.map_or(JsValue::NULL, JsValue::from);
                set(&detail, "reference", &reference);
                set(&detail, "category", &category.into());
                dispatch(&host, SUBMITTED, &detail);
            }
            Outcome::Rejected(_) => emit_error(&host, "rejected", Some(422)),
            Outcome::Refused { status, .. } => emit_error(&host, "refused", Some(status)),
            Outcome::BadConfig => emit_error(&host, "config", None),
            // The changes go out again at once as a new ticket.
            Outcome::Conflict { .. } => emit_error(&host, "conflict", Some(409)),
            // One event per failed attempt; the widget retries by itself.
            Outcome::Retry { failure, .. } => match failure {
                Failure::Network => emit_error(&host, "network", None),
                Failure::Timeout => emit_error(&host, "timeout", None),
                Failure::Server(status) => emit_error(&host, "server", Some(status)),
                Failure::TooFast => emit_error(&host, "server", Some(429)),
            },
            // Not failures to report: the widget works out a new proof of
            // work, or uploads the files again, and resends by itself.
            Outcome::NeedsProof | Outcome::FilesLost(_) => {}
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

/// Sets a property of a JS object the page reads (failures ignored: the
/// objects are our own, plain and extensible).
pub fn set(target: &JsValue, name: &str, value: &JsValue) {
    let _ = Reflect::set(target, &name.into(), value);
}
