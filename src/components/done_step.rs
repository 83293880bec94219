use super::Ctx;
use leptos::prelude::*;

/// Step 4: the reference the backend returned.
pub fn done_step(c: Ctx) -> impl IntoView {
    let Ctx { i18n, form, .. } = c;
    let email = form.email.get_untracked();
    let new_ticket = move |_| form.start_new_ticket();
    view! {
        <div class="ltw-step ltw-done">
            <h3>{i18n.t("done-title")}</h3>
            <p>{i18n.t("done-reference")}</p>
            <p class="ltw-reference" data-testid="reference">{move || form.reference.get()}</p>
            <p>{move || i18n.t_args("done-next", &[("email", email.clone())])}</p>
            <div class="ltw-actions">
                <button type="button" class="ltw-button" on:click=new_ticket>{i18n.t("btn-new")}</button>
            </div>
        </div>
    }
}
