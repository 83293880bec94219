use super::context::use_config;
use crate::i18n::use_i18n;
use leptos::prelude::*;

/// `data-support-email`: the way to support that always works.
#[component]
pub fn SupportContact() -> impl IntoView {
    let i18n = use_i18n();
    let email = use_config().with(|config| config.support_email.clone());
    email.map(|email| {
        let href = format!("mailto:{email}");
        view! {
            <p class="ltw-contact">
                {move || format!("{} ", i18n.text("contact-email"))} <a href=href>{email}</a>
            </p>
        }
    })
}
