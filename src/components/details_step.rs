use super::app::focus_by_id;
use super::fields::{Control, direction_field, ip_field, note, text_field};
use super::notices::circumvention_notice;
use super::trace_summary::trace_field;
use super::trace_summary::{element, escape};
use super::{Ctx, closest, on_button, on_click, on_click_ev};
use crate::i18n::keys;
use crate::state::Step;
use leptos::prelude::*;
use ticket_core::catalog::{Category, Field, Group};

/// Step 2: the common fields and the chosen category's own fields.
pub fn details_step(c: Ctx, category: &'static Category) -> impl IntoView {
    let Ctx { i18n, form, .. } = c;
    let summary_id = c.id("error-summary");

    let category_fields = category
        .fields
        .iter()
        .map(|spec| match spec.field {
            Field::Ip => ip_field(c).into_any(),
            Field::Trace => trace_field(c).into_any(),
            Field::Direction => direction_field(c),
            Field::OsTemplate | Field::OrderNumber => text_field(c, spec.field.id(), Control::Text),
        })
        .collect_view();

    // Text only: escaped markup rather than a view per element.
    let chosen = move || {
        let mut html = String::new();
        element(
            &mut html,
            "strong",
            "",
            &i18n.text(&keys::category_title(category)),
        );
        html.push_str(" — ");
        html.push_str(&escape(&i18n.text(&keys::category_scope(category))));
        html
    };
    let notice = keys::category_notice(category)
        .map(|key| view! { <p class="ltw-notice ltw-notice--info">{i18n.tk(key.into())}</p> });

    let policy_hint = note(move || {
        let terms = form.policy_terms();
        (!terms.is_empty()).then(|| {
            let text = i18n.t_args("policy-hint", &[("terms", terms.join(", "))]);
            ("ltw-note ltw-note--warn", text)
        })
    });
    // Customer-installed software is outside technical support; say so
    // early, but the customer may still send the ticket.
    let scope_hint = note(move || {
        let terms = form.policy.with(|p| p.out_of_scope.clone());
        (category.group == Group::Technical && !terms.is_empty()).then(|| {
            let text = format!(
                "{} {} {}",
                i18n.t_args("out-of-scope-hint", &[("terms", terms.join(", "))]),
                i18n.text("cat-technical-general-excluded"),
                i18n.text("out-of-scope-still")
            );
            ("ltw-note ltw-note--warn", text)
        })
    });
    let secrets_hint = move || {
        let kinds = form.policy.with(|p| p.secrets.clone());
        (!kinds.is_empty()).then(|| {
            let names: Vec<String> = kinds.iter().map(|k| i18n.text(&keys::secret_kind(k))).collect();
            // Escaped markup; one handler serves its button.
            let mut html = String::new();
            let hint = i18n.t_args("secrets-hint", &[("kinds", names.join(", "))]);
            element(&mut html, "p", "", &hint);
            element(
                &mut html,
                "button",
                " type=\"button\" class=\"ltw-button ltw-button--small\"",
                &i18n.text("secrets-remove"),
            );
            view! {
                <div class="ltw-note ltw-note--warn ltw-secrets" role="alert" inner_html=html on:click=on_button(move || form.remove_secrets())></div>
            }
        })
    };

    let summary_target = summary_id.clone();
    let next = move || {
        if form.invalid_keys().is_empty() {
            form.show_all_errors.set(false);
            form.step.set(Step::Review);
        } else {
            form.show_all_errors.set(true);
            // After the summary renders, take focus there (GOV.UK pattern).
            let target = summary_target.clone();
            request_animation_frame(move || focus_by_id(&target));
        }
    };

    view! {
        <div class="ltw-step">
            {error_summary(c, summary_id)}
            <p class="ltw-chosen" inner_html=chosen></p>
            {notice}
            {category.group.shows_circumvention_notice().then(|| circumvention_notice(i18n))}
            {text_field(c, "email", Control::Email)}
            {text_field(c, "name", Control::Text)}
            {text_field(c, "service", Control::Text)}
            {category_fields}
            {text_field(c, "subject", Control::Text)}
            {text_field(c, "message", Control::Multiline)}
            {policy_hint}
            {scope_hint}
            {secrets_hint}
            <div class="ltw-actions">
                <button type="button" class="ltw-button" on:click=on_click(move || form.step.set(Step::Category))>
                    {i18n.t("btn-back")}
                </button>
                <button type="button" class="ltw-button ltw-button--primary" on:click=on_click(next)>
                    {i18n.t("btn-next")}
                </button>
            </div>
        </div>
    }
}

/// Errors listed at the top after a "Next" with problems, each a link to its
/// field, in the same words as the inline messages.
fn error_summary(c: Ctx, id: String) -> impl IntoView {
    let Ctx { i18n, form, .. } = c;
    // Plain text and links: written as escaped markup rather than a view
    // per entry; one click handler on the box serves every link.
    let items = move || {
        if !form.show_all_errors.get() {
            return String::new();
        }
        let invalid = form.invalid_keys();
        if invalid.is_empty() {
            return String::new();
        }
        let mut html = String::new();
        element(&mut html, "h3", "", &i18n.text("error-summary-title"));
        html.push_str("<ul>");
        for key in invalid {
            let label = i18n.text(&keys::field_label(key));
            let message = form
                .error_of(key)
                .map(|c| i18n.text(&keys::error(&c)))
                .unwrap_or_default();
            let href = format!(" href=\"#{}\"", escape(&c.id(key)));
            html.push_str("<li>");
            element(&mut html, "a", &href, &format!("{label}: {message}"));
            html.push_str("</li>");
        }
        html.push_str("</ul>");
        html
    };
    let follow = move |ev: leptos::ev::MouseEvent| {
        let link = closest(&ev, "a[href^='#']");
        if let Some(href) = link.and_then(|a| a.get_attribute("href")) {
            ev.prevent_default();
            focus_by_id(&href[1..]);
        }
    };
    view! {
        <div class="ltw-error-summary" id=id tabindex="-1" role="alert" class:ltw-hidden=move || !form.show_all_errors.get() || form.invalid_keys().is_empty() inner_html=items on:click=on_click_ev(follow)></div>
    }
}
