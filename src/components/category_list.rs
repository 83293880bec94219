use super::context::{use_config, use_form};
use crate::i18n::{keys, use_i18n};
use leptos::prelude::*;
use ticket_core::catalog::{Category, Group};

/// The offered categories of one group as radios, each with its scope text
/// and what it does not cover.
#[component]
pub fn CategoryList(
    group: Group,
    /// "Choose a topic" is shown; a choice takes it away.
    missing: RwSignal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let options = use_config().with(|config| {
        group
            .categories()
            .filter(|c| config.offers(c))
            .map(|category| view! { <CategoryOption category missing/> })
            .collect_view()
    });
    view! {
        <fieldset class="ltw-fieldset">
            <legend>{i18n.t("category-picker-legend")}</legend>
            <div class="ltw-choices">{options}</div>
        </fieldset>
    }
}

#[component]
fn CategoryOption(category: &'static Category, missing: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let form = use_form();
    let config = use_config();
    let id = config.id(&format!("cat-{}", category.slug()));
    let scope_id = format!("{id}-scope");
    let label_for = id.clone();
    let excluded = keys::category_exclusion(category).map(|key| {
        view! {
            <span class="ltw-choice-excluded">
                <strong>{i18n.t("scope-not-covered")}</strong>
                {move || format!(" {}", i18n.text(&key))}
            </span>
        }
    });
    let choose = move |_| {
        form.category.set(Some(category));
        missing.set(false);
    };
    view! {
        <label class="ltw-choice" for=label_for>
            <input
                type="radio"
                id=id
                name=config.id("category")
                value=category.id
                aria-describedby=scope_id.clone()
                prop:checked=move || form.category.get().is_some_and(|c| c.id == category.id)
                on:change=choose
            />
            <span class="ltw-choice-title">{i18n.tk(keys::category_title(category).into())}</span>
            <span class="ltw-choice-text" id=scope_id>
                {i18n.tk(keys::category_scope(category).into())}
                {excluded}
            </span>
        </label>
    }
}
