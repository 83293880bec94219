use super::trace_summary::element;
use super::{Ctx, on_button};
use crate::i18n::I18n;
use leptos::prelude::*;

/// The scope of service's important notice about circumvention software.
/// Static text: escaped markup rather than a view per element.
pub fn circumvention_notice(i18n: I18n) -> impl IntoView {
    let html = move || {
        let mut html = String::new();
        element(
            &mut html,
            "strong",
            " class=\"ltw-notice-title\"",
            &i18n.text("notice-circumvention-title"),
        );
        element(&mut html, "p", "", &i18n.text("notice-circumvention"));
        html
    };
    view! { <aside class="ltw-notice ltw-notice--policy" inner_html=html></aside> }
}

/// "Draft restored" with a way to throw it away, and a warning when the
/// browser will not keep drafts (then the form only lives in this tab).
/// Written as escaped markup; the one button is served by a click handler
/// on the region.
pub fn draft_notices(c: Ctx) -> impl IntoView {
    let Ctx { i18n, form, .. } = c;
    let discard = on_button(move || crate::draft_keeping::discard(form));
    let html = move || {
        let mut html = String::new();
        if form.draft_restored.get() {
            html.push_str("<p class=\"ltw-notice ltw-notice--info ltw-draft\">");
            html.push_str(&super::trace_summary::escape(&i18n.text("draft-restored")));
            html.push(' ');
            element(
                &mut html,
                "button",
                " type=\"button\" class=\"ltw-button ltw-button--small\"",
                &i18n.text("draft-discard"),
            );
            html.push_str("</p>");
        }
        if !form.storage_ok.get() {
            element(
                &mut html,
                "p",
                " class=\"ltw-notice ltw-notice--policy\"",
                &i18n.text("draft-storage-unavailable"),
            );
        }
        html
    };
    view! { <div role="status" aria-live="polite" inner_html=html on:click=discard></div> }
}
