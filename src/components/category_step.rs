use super::category_list::CategoryList;
use super::circumvention_notice::CircumventionNotice;
use super::context::{use_config, use_form};
use super::group_list::GroupList;
use crate::i18n::use_i18n;
use crate::state::Step;
use leptos::html::Input;
use leptos::prelude::*;

/// Step 1: the group, then one of its categories, each with its scope text
/// in full beside the choice (never hidden in a tooltip).
#[component]
pub fn CategoryStep() -> impl IntoView {
    let i18n = use_i18n();
    let form = use_form();
    let config = use_config();
    let missing = RwSignal::new(false);
    // Where focus goes when "Next" is pressed without a choice.
    let first_group = NodeRef::<Input>::new();

    let next = move |_| {
        if form.category.get_untracked().is_some() {
            missing.set(false);
            form.step.set(Step::Details);
        } else {
            missing.set(true);
            if let Some(radio) = first_group.get_untracked() {
                let _ = radio.focus();
            }
        }
    };

    view! {
        <div class="ltw-step">
            <p class="ltw-intro">{i18n.t("widget-intro")}</p>
            <GroupList first=first_group/>
            {move || {
                form.group.get().map(|group| view! {
                    <CategoryList group missing/>
                    <CircumventionNotice/>
                })
            }}
            <p class="ltw-error" id=config.id("category-error") role="alert">
                {move || missing.get().then(|| i18n.text("category-required"))}
            </p>
            <div class="ltw-actions">
                <button type="button" class="ltw-button ltw-button--primary" on:click=next>
                    {i18n.t("btn-next")}
                </button>
            </div>
        </div>
    }
}
