use crate::i18n::use_i18n;
use leptos::prelude::*;

/// The scope of service's important notice about circumvention software.
#[component]
pub fn CircumventionNotice() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <aside class="ltw-notice ltw-notice--policy">
            <strong class="ltw-notice-title">{i18n.t("notice-circumvention-title")}</strong>
            <p>{i18n.t("notice-circumvention")}</p>
        </aside>
    }
}
