use super::context::{use_config, use_form};
use crate::draft;
use crate::i18n::use_i18n;
use crate::state::Step;
use leptos::prelude::*;

/// "Draft restored" with a way to throw it away, and a warning when the
/// browser will not keep drafts (then the form only lives in this tab).
#[component]
pub fn DraftNotices() -> impl IntoView {
    let i18n = use_i18n();
    let form = use_form();
    let config = use_config();
    let discard = move |_| {
        config.with(|config| {
            if let Some(endpoint) = &config.endpoint {
                draft::clear(endpoint);
            }
        });
        form.reset_ticket(draft::new_idempotency_key());
        form.step.set(Step::Category);
    };
    view! {
        <div role="status" aria-live="polite">
            <Show when=move || form.draft_restored.get()>
                <p class="ltw-notice ltw-notice--info ltw-draft">
                    {move || format!("{} ", i18n.text("draft-restored"))}
                    <button type="button" class="ltw-button ltw-button--small" on:click=discard>
                        {i18n.t("draft-discard")}
                    </button>
                </p>
            </Show>
            <Show when=move || !form.storage_ok.get()>
                <p class="ltw-notice ltw-notice--policy">{i18n.t("draft-storage-unavailable")}</p>
            </Show>
        </div>
    }
}
