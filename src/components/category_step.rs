use super::Ctx;
use super::app::focus_by_id;
use super::notices::circumvention_notice;
use crate::i18n::keys;
use crate::state::Step;
use leptos::prelude::*;
use ticket_core::catalog::Category;

/// Step 1: the group, then one of its categories, each with its scope text
/// in full beside the choice (never hidden in a tooltip).
pub fn category_step(c: Ctx) -> impl IntoView {
    let Ctx { i18n, form, .. } = c;
    let missing = RwSignal::new(false);
    let error_id = c.id("category-error");
    let offered_groups = c.config.with_value(|config| config.offered_groups());
    let first_group_id = offered_groups
        .first()
        .map(|g| c.id(&format!("group-{}", g.id())))
        .unwrap_or_default();

    let groups = offered_groups
        .into_iter()
        .map(|group| {
            let id = c.id(&format!("group-{}", group.id()));
            let intro_id = format!("{id}-intro");
            let label_for = id.clone();
            view! {
                <label class="ltw-choice ltw-choice--group" for=label_for>
                    <input
                        type="radio"
                        id=id
                        name=c.id("group")
                        aria-describedby=intro_id.clone()
                        prop:checked=move || form.group.get() == Some(group)
                        on:change=move |_| {
                            form.group.set(Some(group));
                            if form.category.get_untracked().is_some_and(|c| c.group != group) {
                                form.category.set(None);
                            }
                        }
                    />
                    <span class="ltw-choice-title">{i18n.tk(keys::group_title(group).into())}</span>
                    <span class="ltw-choice-text" id=intro_id>{i18n.tk(keys::group_intro(group).into())}</span>
                </label>
            }
        })
        .collect_view();

    let categories = move || {
        form.group.get().map(|group| {
            let options = group
                .categories()
                .filter(|cat| c.config.with_value(|config| config.offers(cat)))
                .map(|cat| category_option(c, cat, missing))
                .collect_view();
            view! {
                <fieldset class="ltw-fieldset">
                    <legend>{i18n.t("category-picker-legend")}</legend>
                    <div class="ltw-choices">{options}</div>
                </fieldset>
                {group.shows_circumvention_notice().then(|| circumvention_notice(i18n))}
            }
        })
    };

    let error_text_id = error_id.clone();
    let next = move |_| {
        if form.category.get_untracked().is_some() {
            missing.set(false);
            form.step.set(Step::Details);
        } else {
            missing.set(true);
            focus_by_id(&first_group_id);
        }
    };

    view! {
        <div class="ltw-step">
            <p class="ltw-intro">{i18n.t("widget-intro")}</p>
            <fieldset class="ltw-fieldset">
                <legend>{i18n.t("group-picker-legend")}</legend>
                <div class="ltw-choices ltw-choices--groups">{groups}</div>
            </fieldset>
            {categories}
            <p class="ltw-error" id=error_text_id role="alert">
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

fn category_option(c: Ctx, category: &'static Category, missing: RwSignal<bool>) -> impl IntoView {
    let Ctx { i18n, form, .. } = c;
    let id = c.id(&format!("cat-{}", category.slug()));
    let scope_id = format!("{id}-scope");
    let excluded = keys::category_exclusion(category).map(|key| {
        view! {
            <span class="ltw-choice-excluded">
                <strong>{i18n.t("scope-not-covered")}</strong>
                " "
                {i18n.tk(key.into())}
            </span>
        }
    });
    let label_for = id.clone();
    view! {
        <label class="ltw-choice" for=label_for>
            <input
                type="radio"
                id=id
                name=c.id("category")
                value=category.id
                aria-describedby=scope_id.clone()
                prop:checked=move || form.category.get() == Some(category)
                on:change=move |_| {
                    form.category.set(Some(category));
                    missing.set(false);
                }
            />
            <span class="ltw-choice-title">{i18n.tk(keys::category_title(category).into())}</span>
            <span class="ltw-choice-text" id=scope_id>
                {i18n.tk(keys::category_scope(category).into())}
                {excluded}
            </span>
        </label>
    }
}
