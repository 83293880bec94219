use super::context::{use_config, use_form};
use crate::i18n::use_i18n;
use leptos::html::{Button, Dialog};
use leptos::prelude::*;

/// The modal shown before sending a ticket that mentions circumvention
/// software. A native `<dialog>` opened with `showModal()` makes the rest of
/// the page inert and closes on Escape; "edit" is the default action. The
/// scope guard's distinct circumvention terms are shown to the customer.
#[component]
pub fn PolicyDialog(
    /// Whether the dialog is open; the dialog sets it to false when closed.
    open: RwSignal<bool>,
    /// "Edit my ticket".
    on_edit: Callback<()>,
    /// "Submit anyway".
    on_confirm: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let form = use_form();
    let config = use_config();
    let dialog = NodeRef::<Dialog>::new();
    let edit = NodeRef::<Button>::new();
    let title_id = config.id("policy-title");
    let body_id = config.id("policy-body");
    let (labelled_by, described_by) = (title_id.clone(), body_id.clone());

    Effect::new(move |_| {
        let is_open = open.get();
        let Some(dialog) = dialog.get() else {
            return;
        };
        if is_open {
            if !dialog.open() {
                let _ = dialog.show_modal();
            }
            if let Some(edit) = edit.get_untracked() {
                let _ = edit.focus();
            }
        } else if dialog.open() {
            dialog.close();
        }
    });
    let found = move || {
        let terms = form.policy.with(|p| i18n.list(&p.circumvention));
        i18n.t_args("policy-dialog-found", &[("terms", terms)])
    };

    view! {
        <dialog
            class="ltw-dialog"
            id=config.id("policy-dialog")
            aria-labelledby=labelled_by
            aria-describedby=described_by
            node_ref=dialog
            on:close=move |_| open.set(false)
        >
            <h3 id=title_id>{i18n.t("policy-dialog-title")}</h3>
            <div id=body_id>
                <p class="ltw-dialog-found"><strong>{found}</strong></p>
                <blockquote class="ltw-quote">
                    <strong>{i18n.t("notice-circumvention-title")}</strong>
                    <p>{i18n.t("notice-circumvention")}</p>
                </blockquote>
            </div>
            <div class="ltw-actions">
                <button
                    type="button"
                    id=config.id("policy-edit")
                    class="ltw-button ltw-button--primary"
                    autofocus
                    node_ref=edit
                    on:click=move |_| {
                        open.set(false);
                        on_edit.run(());
                    }
                >
                    {i18n.t("policy-dialog-edit")}
                </button>
                <button
                    type="button"
                    class="ltw-button ltw-button--danger"
                    on:click=move |_| {
                        open.set(false);
                        on_confirm.run(());
                    }
                >
                    {i18n.t("policy-dialog-confirm")}
                </button>
            </div>
        </dialog>
    }
}
