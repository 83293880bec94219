use super::context::{use_config, use_form};
use crate::dom::target_value;
use crate::i18n::use_i18n;
use leptos::prelude::*;

/// A field for bots only, sent as `form.honeypot`: a script filling in
/// every input fills it in too, and the receiver refuses the ticket. People
/// never meet it: it is visually hidden (off-screen, not `display: none`,
/// which some bots skip), hidden from assistive technology, out of the tab
/// order, and autofill is asked to leave it alone. Its label still says
/// what to do, for whoever ends up there anyway.
#[component]
pub fn Honeypot() -> impl IntoView {
    let i18n = use_i18n();
    let form = use_form();
    let id = use_config().id("website");
    view! {
        <div class="ltw-sr-only" aria-hidden="true">
            <label for=id.clone()>{i18n.t("honeypot-label")}</label>
            // On a line of its own, and narrow: the box clips what it shows,
            // not the layout, and a 320 px phone must not scroll sideways.
            <div>
                <input
                    id=id
                    type="text"
                    name="website"
                    size="1"
                    tabindex="-1"
                    autocomplete="off"
                    prop:value=move || form.honeypot.get()
                    on:input=move |ev| form.honeypot.set(target_value(&ev))
                />
            </div>
        </div>
    }
}
