use crate::i18n::use_i18n;
use leptos::prelude::*;
use ticket_core::payload::Ticket;

/// The JSON that will be POSTed, folded away for the curious.
#[component]
pub fn RawPayload(ticket: Memo<Option<Ticket>>) -> impl IntoView {
    let i18n = use_i18n();
    let json = move || ticket.with(|t| t.as_ref().map(Ticket::to_json).unwrap_or_default());
    view! {
        <details class="ltw-raw">
            <summary>{i18n.t("review-raw")}</summary>
            <pre class="ltw-mono">{json}</pre>
        </details>
    }
}
