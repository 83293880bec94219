use super::Ctx;
use crate::draft;
use crate::i18n::I18n;
use crate::state::Step;
use leptos::prelude::*;

/// The scope of service's important notice about circumvention software.
pub fn circumvention_notice(i18n: I18n) -> impl IntoView {
    view! {
        <aside class="ltw-notice ltw-notice--policy">
            <strong class="ltw-notice-title">{i18n.t("notice-circumvention-title")}</strong>
            <p>{i18n.t("notice-circumvention")}</p>
        </aside>
    }
}

/// "Draft restored" with a way to throw it away, and a warning when the
/// browser will not keep drafts (then the form only lives in this tab).
pub fn draft_notices(c: Ctx) -> impl IntoView {
    let Ctx { i18n, form, .. } = c;
    let discard = move |_| {
        c.config.with_value(|config| {
            if let Some(endpoint) = &config.endpoint {
                draft::clear(endpoint);
            }
        });
        form.reset_ticket(draft::new_idempotency_key());
        form.step.set(Step::Category);
    };
    view! {
        <div role="status" aria-live="polite">
            {move || form.draft_restored.get().then(|| view! {
                <p class="ltw-notice ltw-notice--info ltw-draft">
                    {i18n.t("draft-restored")}
                    " "
                    <button type="button" class="ltw-button ltw-button--small" on:click=discard>
                        {i18n.t("draft-discard")}
                    </button>
                </p>
            })}
            {move || (!form.storage_ok.get()).then(|| view! {
                <p class="ltw-notice ltw-notice--policy">{i18n.t("draft-storage-unavailable")}</p>
            })}
        </div>
    }
}
