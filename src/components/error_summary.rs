use super::context::{use_config, use_focus_field, use_form};
use crate::i18n::{keys, use_i18n};
use leptos::html::Div;
use leptos::prelude::*;

/// Errors listed at the top after a "Next" with problems, each a link to its
/// field, in the same words as the inline messages.
#[component]
pub fn ErrorSummary(
    /// The box, which takes focus when it appears.
    summary: NodeRef<Div>,
) -> impl IntoView {
    let form = use_form();
    let config = use_config();
    let shown = move || form.show_all_errors.get() && !form.invalid_keys().is_empty();
    view! {
        <div
            class="ltw-error-summary"
            id=config.id("error-summary")
            tabindex="-1"
            role="alert"
            class:ltw-hidden=move || !shown()
            node_ref=summary
        >
            <Show when=shown>
                <ErrorList/>
            </Show>
        </div>
    }
}

#[component]
fn ErrorList() -> impl IntoView {
    let i18n = use_i18n();
    let form = use_form();
    let config = use_config();
    let focus = use_focus_field();
    let links = move || {
        form.invalid_keys()
            .into_iter()
            .map(|key| {
                let label = i18n.text(&keys::field_label(key));
                let message = form
                    .error_of(key)
                    .map(|code| i18n.text(&keys::error(&code)))
                    .unwrap_or_default();
                // Chinese joins them with a full-width colon.
                let item = i18n.t_args(
                    "error-summary-item",
                    &[("label", label), ("message", message)],
                );
                let follow = move |ev: leptos::ev::MouseEvent| {
                    ev.prevent_default();
                    focus.ask(key);
                };
                view! {
                    <li>
                        <a href=format!("#{}", config.id(key)) on:click=follow>
                            {item}
                        </a>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <h3>{i18n.t("error-summary-title")}</h3>
        <ul>{links}</ul>
    }
}
