use super::context::{use_config, use_form, use_uploader};
use crate::draft_keeping;
use crate::file_shelf::FileShelf;
use crate::i18n::use_i18n;
use leptos::prelude::*;

/// What happened to the customer's draft: restored after a reload (with a
/// way to throw it away), left by another tab (continue it, or start
/// afresh), saved without the secrets pasted into it, or not saved at all
/// because the browser refuses (then the form only lives in this tab).
#[component]
pub fn DraftNotices() -> impl IntoView {
    let i18n = use_i18n();
    let form = use_form();
    let config = use_config();
    let uploader = use_uploader();
    let continue_offer = move |_| {
        // Its files wait on the other draft's shelf: they move to this one.
        let their_files = form
            .draft_offer
            .with_untracked(|o| o.as_ref().map(|o| FileShelf::of_draft(&o.storage_key)));
        config.with(|config| draft_keeping::accept_offer(form, config));
        if let Some(shelf) = their_files {
            uploader.restore(shelf, form.attachments.take_expected());
        }
    };
    view! {
        <div role="status" aria-live="polite">
            <Show when=move || form.draft_restored.get()>
                <p class="ltw-notice ltw-notice--info ltw-draft">
                    {move || format!("{} ", i18n.text("draft-restored"))}
                    <button
                        type="button"
                        class="ltw-button ltw-button--small"
                        on:click=move |_| draft_keeping::discard(form)
                    >
                        {i18n.t("draft-discard")}
                    </button>
                </p>
            </Show>
            <Show when=move || form.draft_offer.with(Option::is_some)>
                <p class="ltw-notice ltw-notice--info ltw-draft">
                    {move || format!("{} ", i18n.text("draft-offer"))}
                    <button type="button" class="ltw-button ltw-button--small" on:click=continue_offer>
                        {i18n.t("draft-offer-continue")}
                    </button>
                    " "
                    <button
                        type="button"
                        class="ltw-button ltw-button--small"
                        on:click=move |_| draft_keeping::decline_offer(form)
                    >
                        {i18n.t("draft-offer-fresh")}
                    </button>
                </p>
            </Show>
            <Show when=move || form.draft_masked.get()>
                <p class="ltw-notice ltw-notice--info">{i18n.t("draft-secrets-masked")}</p>
            </Show>
            <Show when=move || !form.storage_ok.get()>
                <p class="ltw-notice ltw-notice--policy">{i18n.t("draft-storage-unavailable")}</p>
            </Show>
        </div>
    }
}
