use super::context::use_form;
use super::fields::{Control, TextField};
use super::trace_summary::TraceSummaryView;
use crate::i18n::{key, use_i18n};
use leptos::prelude::*;
use ticket_core::catalog::Field;

/// The trace paste box, with what was read from it shown as it is typed:
/// the tool, the hop table with loss onset and worst hop marked, or how to
/// make a report when the paste is not one.
#[component]
pub fn TraceField() -> impl IntoView {
    let i18n = use_i18n();
    let form = use_form();
    let panel = move || match form.trace.get() {
        Some(Ok(summary)) => view! { <TraceSummaryView summary/> }.into_any(),
        _ => view! { <TraceHowTo/> }.into_any(),
    };
    view! {
        <TextField key=Field::Trace.id() control=Control::Code/>
        <div class="ltw-trace" aria-live="polite">{panel}</div>
        <p class="ltw-note">{i18n.t("trace-both-directions")}</p>
    }
}

/// How to make a report on each system, with the customer's own server
/// address in the commands when it is known.
#[component]
fn TraceHowTo() -> impl IntoView {
    let i18n = use_i18n();
    let form = use_form();
    let target = move || {
        let service = form.service.get();
        ticket_core::ip::check_ip(&service)
            .map(|info| info.address)
            .unwrap_or_else(|_| i18n.text("trace-howto-target"))
    };
    let command = move |key: &'static str| move || i18n.t_args(key, &[("target", target())]);
    view! {
        <details class="ltw-howto">
            <summary>{i18n.t("trace-howto-title")}</summary>
            <ul class="ltw-mono">
                <li>{command(key("trace-howto-windows"))}</li>
                <li>{command(key("trace-howto-macos"))}</li>
                <li>{command(key("trace-howto-linux"))}</li>
            </ul>
        </details>
    }
}
