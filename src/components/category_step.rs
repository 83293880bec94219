use super::app::focus_by_id;
use super::notices::circumvention_notice;
use super::trace_summary::{element, escape};
use super::{Ctx, effect, on_change, on_click};
use crate::i18n::{I18n, keys};
use crate::state::Step;
use leptos::prelude::*;
use ticket_core::catalog::{self, Group};
use wasm_bindgen::JsCast;

/// Step 1: the group, then one of its categories, each with its scope text
/// in full beside the choice (never hidden in a tooltip).
///
/// The choices are plain text and radios: written as escaped markup (one
/// `inner_html` per fieldset instead of a view per element), re-written only
/// when the language (or, for the categories, the group) changes, so the
/// focused radio stays in place while the customer moves through a group
/// with the arrow keys. One `change` handler on the step serves every radio;
/// one effect keeps the radios checked as the form says (the host page may
/// choose too).
pub fn category_step(c: Ctx) -> impl IntoView {
    let Ctx { i18n, form, .. } = c;
    let missing = RwSignal::new(false);
    let error_id = c.id("category-error");
    let group_name = c.id("group");
    let category_name = c.id("category");
    let offered_groups = c.config.with_value(|config| config.offered_groups());
    let first_group_id = offered_groups
        .first()
        .map(|g| c.id(&format!("group-{}", g.id())))
        .unwrap_or_default();

    // The language is tracked, the choice is not (see above).
    let groups = move || {
        let group = form.group.get_untracked();
        let mut html = String::new();
        element(&mut html, "legend", "", &i18n.text("group-picker-legend"));
        html.push_str("<div class=\"ltw-choices ltw-choices--groups\">");
        for g in &offered_groups {
            radio(
                &mut html,
                i18n,
                [
                    " ltw-choice--group",
                    &c.id(&format!("group-{}", g.id())),
                    "-intro",
                ],
                [&c.id("group"), g.id()],
                group == Some(*g),
                [&keys::group_title(*g), &keys::group_intro(*g), ""],
            );
        }
        html.push_str("</div>");
        html
    };
    let categories = move |group: Group| {
        let category = form.category.get_untracked();
        let mut html = String::new();
        element(
            &mut html,
            "legend",
            "",
            &i18n.text("category-picker-legend"),
        );
        html.push_str("<div class=\"ltw-choices\">");
        c.config.with_value(|config| {
            for cat in group.categories().filter(|cat| config.offers(cat)) {
                let exclusion = keys::category_exclusion(cat).unwrap_or_default();
                radio(
                    &mut html,
                    i18n,
                    ["", &c.id(&format!("cat-{}", cat.slug())), "-scope"],
                    [&c.id("category"), cat.id],
                    category.is_some_and(|chosen| chosen.id == cat.id),
                    [
                        &keys::category_title(cat),
                        &keys::category_scope(cat),
                        &exclusion,
                    ],
                );
            }
        });
        html.push_str("</div>");
        html
    };
    let chosen_categories = move || {
        form.group.get().map(|group| {
            view! {
                <fieldset class="ltw-fieldset" inner_html=move || categories(group)></fieldset>
                {group.shows_circumvention_notice().then(|| circumvention_notice(i18n))}
            }
        })
    };

    // Keeps the radios as the form says when something else than a click
    // chose (the host page's API, discarding a draft).
    let names = [group_name.clone(), category_name.clone()];
    effect(move |_| {
        let (group, category) = (form.group.get(), form.category.get());
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        for name in &names {
            let inputs = document.get_elements_by_name(name);
            for input in (0..inputs.length()).filter_map(|i| inputs.item(i)) {
                if let Ok(input) = input.dyn_into::<web_sys::HtmlInputElement>() {
                    let value = input.value();
                    input.set_checked(
                        group.is_some_and(|g| g.id() == value)
                            || category.is_some_and(|c| c.id == value),
                    );
                }
            }
        }
    });

    let choose = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let (name, value) = (input.name(), input.value());
        if name == group_name {
            if let Some(group) = Group::ALL.into_iter().find(|g| g.id() == value) {
                form.group.set(Some(group));
                if form
                    .category
                    .get_untracked()
                    .is_some_and(|c| c.group != group)
                {
                    form.category.set(None);
                }
            }
        } else if name == category_name
            && let Some(category) = catalog::find(&value)
        {
            form.category.set(Some(category));
            missing.set(false);
        }
    };

    let error_text_id = error_id.clone();
    let next = move || {
        if form.category.get_untracked().is_some() {
            missing.set(false);
            form.step.set(Step::Details);
        } else {
            missing.set(true);
            focus_by_id(&first_group_id);
        }
    };

    view! {
        <div class="ltw-step" on:change=on_change(choose)>
            <p class="ltw-intro">{i18n.t("widget-intro")}</p>
            <fieldset class="ltw-fieldset" inner_html=groups></fieldset>
            {chosen_categories}
            <p class="ltw-error" id=error_text_id role="alert">
                {move || missing.get().then(|| i18n.text("category-required"))}
            </p>
            <div class="ltw-actions">
                <button type="button" class="ltw-button ltw-button--primary" on:click=on_click(next)>
                    {i18n.t("btn-next")}
                </button>
            </div>
        </div>
    }
}

/// Appends one radio choice, as the views wrote it: `[extra class, id,
/// suffix of the description's id]`, `[name, value]`, and the message keys
/// of `[title, description, exclusion]` (the last may be empty).
fn radio(
    html: &mut String,
    i18n: I18n,
    [class, id, suffix]: [&str; 3],
    [name, value]: [&str; 2],
    checked: bool,
    [title, text, exclusion]: [&str; 3],
) {
    let id = escape(id);
    let described = format!("{id}{suffix}");
    html.push_str("<label class=\"ltw-choice");
    html.push_str(class);
    html.push_str("\" for=\"");
    html.push_str(&id);
    html.push_str("\"><input type=\"radio\" id=\"");
    html.push_str(&id);
    html.push_str("\" name=\"");
    html.push_str(&escape(name));
    html.push_str("\" value=\"");
    html.push_str(&escape(value));
    html.push_str("\" aria-describedby=\"");
    html.push_str(&described);
    html.push('"');
    if checked {
        html.push_str(" checked");
    }
    html.push('>');
    element(
        html,
        "span",
        " class=\"ltw-choice-title\"",
        &i18n.text(title),
    );
    html.push_str("<span class=\"ltw-choice-text\" id=\"");
    html.push_str(&described);
    html.push_str("\">");
    html.push_str(&escape(&i18n.text(text)));
    if !exclusion.is_empty() {
        html.push_str("<span class=\"ltw-choice-excluded\">");
        element(html, "strong", "", &i18n.text("scope-not-covered"));
        html.push(' ');
        html.push_str(&escape(&i18n.text(exclusion)));
        html.push_str("</span>");
    }
    html.push_str("</span></label>");
}
