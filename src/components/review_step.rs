use super::app::focus_by_id;
use super::policy_dialog::policy_dialog;
use super::send_status::send_status;
use super::trace_summary::{element, trace_summary_view};
use super::{Ctx, on_click};
use crate::i18n::keys;
use crate::state::{SendState, Step};
use leptos::prelude::*;
use ticket_core::catalog::{Field, FieldKind};

/// Step 3: exactly what will be sent, then the policy check and the POST.
pub fn review_step(c: Ctx) -> impl IntoView {
    let Ctx {
        i18n, form, sender, ..
    } = c;
    let dialog_open = RwSignal::new(false);
    // The payload is rebuilt when the language changes (its `locale` does);
    // nothing else it reads is tracked, so no memo is needed.
    let ticket = move || form.to_ticket(i18n.lang.get());

    let rows = move || {
        let t = ticket()?;
        let category = ticket_core::catalog::find(&t.category)?;
        let mut items = vec![(
            i18n.text("review-category"),
            i18n.text(&keys::category_title(category)),
            false,
        )];
        for key in keys::COMMON_FIELDS.iter().take(3) {
            let value = form.value(key).map(|v| v.get()).unwrap_or_default();
            items.push((i18n.text(&keys::field_label(key)), value, false));
        }
        for spec in category.fields {
            let raw = t.fields.get(spec.field.id()).cloned().unwrap_or_default();
            let value = match spec.field.kind() {
                FieldKind::Choice(_) if !raw.is_empty() => {
                    i18n.text(&keys::choice(spec.field, &raw))
                }
                _ => raw,
            };
            items.push((
                i18n.text(&keys::field_label(spec.field.id())),
                value,
                spec.field == Field::Trace,
            ));
        }
        items.push((
            i18n.text(&keys::field_label("subject")),
            t.subject.clone(),
            false,
        ));
        items.push((
            i18n.text(&keys::field_label("message")),
            t.message.clone(),
            false,
        ));
        let empty = i18n.text("review-empty");
        // Plain text only: written as escaped markup rather than a view
        // per row, which keeps the wasm smaller.
        let mut html = String::new();
        for (label, value, mono) in items {
            let shown = if value.trim().is_empty() {
                &empty
            } else {
                &value
            };
            element(&mut html, "dt", "", &label);
            let class = if mono {
                " class=\"ltw-pre ltw-mono\""
            } else {
                " class=\"ltw-pre\""
            };
            element(&mut html, "dd", class, shown);
        }
        Some(html)
    };
    let trace = move || {
        ticket()
            .and_then(|t| t.trace_summary)
            .map(|summary| trace_summary_view(&summary, i18n.lang.get()))
    };
    // Text only: escaped markup rather than a view per element.
    let raw = move || {
        let mut html = String::new();
        element(&mut html, "summary", "", &i18n.text("review-raw"));
        let json = ticket().map(|t| t.to_json()).unwrap_or_default();
        element(&mut html, "pre", " class=\"ltw-mono\"", &json);
        html
    };

    let submit = move || {
        if !form.policy.with_untracked(|p| p.circumvention.is_empty())
            && !form.acknowledged.get_untracked()
        {
            dialog_open.set(true);
        } else {
            sender.submit();
        }
    };
    let message_id = c.id("message");
    let on_edit = move || {
        form.step.set(Step::Details);
        let id = message_id.clone();
        request_animation_frame(move || focus_by_id(&id));
    };
    let on_confirm = move || {
        form.acknowledged.set(true);
        sender.submit();
    };

    // While a request is in flight, or a retry is counting down, "Submit"
    // cannot start a second one (double clicks, Enter): one ticket only.
    let busy = move || {
        matches!(
            form.send_state.get(),
            SendState::Sending { .. } | SendState::Waiting { .. }
        )
    };
    view! {
        <div class="ltw-step">
            <p class="ltw-intro">{i18n.t("review-intro")}</p>
            <dl class="ltw-review" inner_html=move || rows().unwrap_or_default()></dl>
            {trace}
            <details class="ltw-raw" inner_html=raw></details>
            {send_status(c)}
            <div class="ltw-actions">
                <button type="button" class="ltw-button" disabled=busy on:click=on_click(move || form.step.set(Step::Details))>
                    {i18n.t("btn-back")}
                </button>
                <button type="button" class="ltw-button ltw-button--primary" disabled=busy on:click=on_click(submit)>
                    {i18n.t("btn-submit")}
                </button>
            </div>
            {policy_dialog(c, dialog_open, on_edit, on_confirm)}
        </div>
    }
}
