use super::context::use_form;
use crate::i18n::use_i18n;
use leptos::prelude::*;

/// Step 4: the reference the backend returned.
#[component]
pub fn DoneStep() -> impl IntoView {
    let i18n = use_i18n();
    let form = use_form();
    let email = form.email.get_untracked();
    view! {
        <div class="ltw-step ltw-done">
            <h3>{i18n.t("done-title")}</h3>
            <p>{i18n.t("done-reference")}</p>
            <p class="ltw-reference" data-testid="reference">{move || form.reference.get()}</p>
            <p>{move || i18n.t_args("done-next", &[("email", email.clone())])}</p>
            <div class="ltw-actions">
                <button type="button" class="ltw-button" on:click=move |_| form.start_new_ticket()>
                    {i18n.t("btn-new")}
                </button>
            </div>
        </div>
    }
}
