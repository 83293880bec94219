//! What the scope guard found in the customer's text, said while they type.

use super::context::use_form;
use crate::i18n::{keys, use_i18n};
use leptos::prelude::*;
use ticket_core::catalog::{Category, Group};

/// Circumvention software is named: the ticket will be questioned.
#[component]
pub fn PolicyHint() -> impl IntoView {
    let i18n = use_i18n();
    let form = use_form();
    move || {
        let terms = form.policy_terms();
        (!terms.is_empty()).then(|| {
            view! {
                <p class="ltw-note ltw-note--warn">
                    {i18n.t_args("policy-hint", &[("terms", i18n.list(&terms))])}
                </p>
            }
        })
    }
}

/// Customer-installed software is outside technical support; said early,
/// but the customer may still send the ticket.
#[component]
pub fn ScopeHint(category: &'static Category) -> impl IntoView {
    let i18n = use_i18n();
    let form = use_form();
    move || {
        let terms = form.policy.with(|p| p.out_of_scope.clone());
        (category.group == Group::Technical && !terms.is_empty()).then(|| {
            let text = i18n.sentences(&[
                i18n.t_args("out-of-scope-hint", &[("terms", i18n.list(&terms))]),
                i18n.text("cat-technical-general-excluded"),
                i18n.text("out-of-scope-still"),
            ]);
            view! { <p class="ltw-note ltw-note--warn">{text}</p> }
        })
    }
}

/// Passwords or keys in the text, with a button that takes them out.
#[component]
pub fn SecretsHint() -> impl IntoView {
    let i18n = use_i18n();
    let form = use_form();
    move || {
        let kinds = form.policy.with(|p| p.secrets.clone());
        (!kinds.is_empty()).then(|| {
            let names: Vec<String> = kinds
                .iter()
                .map(|k| i18n.text(&keys::secret_kind(k)))
                .collect();
            view! {
                <div class="ltw-note ltw-note--warn ltw-secrets" role="alert">
                    <p>{i18n.t_args("secrets-hint", &[("kinds", i18n.list(&names))])}</p>
                    <button type="button" class="ltw-button ltw-button--small" on:click=move |_| form.remove_secrets()>
                        {i18n.t("secrets-remove")}
                    </button>
                </div>
            }
        })
    }
}
