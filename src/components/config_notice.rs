use super::trace_summary::element;
use crate::config::ConfigProblem;
use crate::i18n::{I18n, Lang, key, tr, tr_args};
use leptos::prelude::*;

/// What the host page set up wrong, in both languages at once: whoever
/// reads it (the customer or the page's developer) may not be able to
/// switch languages in a widget that cannot start.
pub fn config_notice(problems: &[ConfigProblem]) -> impl IntoView + use<> {
    if problems.is_empty() {
        return None;
    }
    // Static text: written as escaped markup rather than a view per item.
    let mut html = String::new();
    for lang in Lang::ALL {
        html.push_str("<div lang=\"");
        html.push_str(lang.tag());
        html.push_str("\">");
        element(
            &mut html,
            "p",
            " class=\"ltw-config-title\"",
            &tr(lang, key("config-title")),
        );
        html.push_str("<ul>");
        for p in problems {
            let (message, id) = p.message();
            element(
                &mut html,
                "li",
                "",
                &tr_args(lang, message, &[("id", id.to_owned())]),
            );
        }
        html.push_str("</ul></div>");
    }
    Some(view! {
        <div class="ltw-alert ltw-alert--error ltw-config" role="alert" inner_html=html></div>
    })
}

/// `data-support-email`: the way to support that always works.
pub fn support_contact(i18n: I18n, support_email: Option<String>) -> impl IntoView {
    support_email.map(|email| {
        let html = move || {
            let mut html = super::trace_summary::escape(&i18n.text("contact-email"));
            html.push(' ');
            let href = format!(" href=\"mailto:{}\"", super::trace_summary::escape(&email));
            element(&mut html, "a", &href, &email);
            html
        };
        view! { <p class="ltw-contact" inner_html=html></p> }
    })
}
