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
            {move || form.first_reference.get().map(|first| {
                let text = if first.is_empty() {
                    i18n.text("done-changes-as-new-unknown")
                } else {
                    i18n.t_args(
                        "done-changes-as-new",
                        &[("first", first), ("reference", form.reference.get())],
                    )
                };
                view! { <p class="ltw-notice ltw-notice--info">{text}</p> }
            })}
            <Show
                when=move || form.reference.with(|r| !r.is_empty())
                fallback=move || view! { <p>{i18n.t("done-no-reference")}</p> }
            >
                <p>{i18n.t("done-reference")}</p>
                <p class="ltw-reference" data-testid="reference">{move || form.reference.get()}</p>
            </Show>
            <p>{move || i18n.t_args("done-next", &[("email", email.clone())])}</p>
            <div class="ltw-actions">
                <button type="button" class="ltw-button" on:click=move |_| form.start_new_ticket()>
                    {i18n.t("btn-new")}
                </button>
            </div>
        </div>
    }
}
