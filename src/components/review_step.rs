use super::app::focus_by_id;
use super::policy_dialog::PolicyDialog;
use super::trace_summary::TraceSummaryView;
use crate::config::WidgetConfig;
use crate::host_api;
use crate::i18n::{keys, use_i18n};
use crate::state::{Form, SendState, Step};
use crate::submit::{Outcome, post_ticket};
use leptos::prelude::*;
use leptos::task::spawn_local;
use ticket_core::catalog::{Field, FieldKind};

/// Step 3: exactly what will be sent, then the policy check and the POST.
#[component]
pub fn ReviewStep() -> impl IntoView {
    let i18n = use_i18n();
    let form = expect_context::<Form>();
    let config = expect_context::<WidgetConfig>();
    let endpoint = config.endpoint.clone().unwrap_or_default();
    let instance = config.instance;
    let dialog_open = RwSignal::new(false);
    // The payload is rebuilt when the language changes (its `locale` does).
    let ticket = Memo::new(move |_| form.to_ticket(i18n.lang.get()));

    let rows = move || {
        let t = ticket.get()?;
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
        Some(
            items
                .into_iter()
                .map(|(label, value, mono)| {
                    let shown = if value.trim().is_empty() {
                        empty.clone()
                    } else {
                        value
                    };
                    view! {
                        <dt>{label}</dt>
                        <dd class="ltw-pre" class:ltw-mono=mono>{shown}</dd>
                    }
                })
                .collect_view(),
        )
    };
    let trace = move || {
        ticket
            .get()
            .and_then(|t| t.trace_summary)
            .map(|summary| view! { <TraceSummaryView summary lang=i18n.lang.get()/> })
    };
    let json = move || {
        ticket
            .get()
            .and_then(|t| serde_json::to_string_pretty(&t).ok())
            .unwrap_or_default()
    };

    let send = move || {
        let Some(ticket) = form.to_ticket(i18n.lang.get_untracked()) else {
            return;
        };
        if form.send_state.get_untracked() == SendState::Sending {
            return;
        }
        form.send_state.set(SendState::Sending);
        let endpoint = endpoint.clone();
        spawn_local(async move {
            let outcome = post_ticket(&endpoint, &ticket).await;
            host_api::report_outcome(instance, &outcome, &ticket.category);
            match outcome {
                Outcome::Accepted(reference) => {
                    form.reference.set(Some(reference));
                    form.send_state.set(SendState::Idle);
                    form.step.set(Step::Done);
                }
                Outcome::Rejected(errors) => {
                    let visible = form.visible_keys();
                    let on_fields = errors.iter().any(|e| visible.contains(&e.field.as_str()));
                    let detail = errors
                        .iter()
                        .map(|e| e.code.clone())
                        .collect::<Vec<_>>()
                        .join(", ");
                    form.server_errors.set(errors);
                    if on_fields {
                        form.show_all_errors.set(true);
                        form.send_state.set(SendState::Rejected);
                        form.step.set(Step::Details);
                    } else {
                        form.send_state.set(SendState::Refused {
                            status: 422,
                            detail,
                        });
                    }
                }
                Outcome::ServerError(status) => form.send_state.set(SendState::ServerError(status)),
                Outcome::Refused { status, detail } => {
                    form.send_state.set(SendState::Refused { status, detail })
                }
                Outcome::Network => form.send_state.set(SendState::NetworkError),
            }
        });
    };
    let send = StoredValue::new(send);

    let submit = move |_| {
        if !form.policy_terms.get_untracked().is_empty() && !form.acknowledged.get_untracked() {
            dialog_open.set(true);
        } else {
            send.with_value(|f| f());
        }
    };
    let message_id = config.id("message");
    let on_edit = Callback::new(move |()| {
        form.step.set(Step::Details);
        let id = message_id.clone();
        request_animation_frame(move || focus_by_id(&id));
    });
    let on_confirm = Callback::new(move |()| {
        form.acknowledged.set(true);
        send.with_value(|f| f());
    });

    let status = move || match form.send_state.get() {
        SendState::Idle | SendState::Rejected => None,
        SendState::Sending => Some(("ltw-alert--info", i18n.text("status-sending"))),
        SendState::NetworkError => Some(("ltw-alert--error", i18n.text("status-network-error"))),
        SendState::ServerError(status) => Some((
            "ltw-alert--error",
            i18n.t_args("status-server-error", &[("status", status.to_string())]),
        )),
        SendState::Refused { status, detail } => Some((
            "ltw-alert--error",
            i18n.t_args(
                "status-refused",
                &[("status", status.to_string()), ("detail", detail)],
            ),
        )),
    };
    let sending = move || form.send_state.get() == SendState::Sending;
    let can_retry = move || {
        matches!(
            form.send_state.get(),
            SendState::NetworkError | SendState::ServerError(_)
        )
    };

    view! {
        <div class="ltw-step">
            <p class="ltw-intro">{i18n.t("review-intro")}</p>
            <dl class="ltw-review">{rows}</dl>
            {trace}
            <details class="ltw-raw">
                <summary>{i18n.t("review-raw")}</summary>
                <pre class="ltw-mono">{json}</pre>
            </details>
            <div class="ltw-status" role="status" aria-live="polite">
                {move || status().map(|(class, text)| view! { <p class=format!("ltw-alert {class}")>{text}</p> })}
            </div>
            <div class="ltw-actions">
                <button type="button" class="ltw-button" disabled=sending on:click=move |_| form.step.set(Step::Details)>
                    {i18n.t("btn-back")}
                </button>
                <button type="button" class="ltw-button ltw-button--primary" disabled=sending aria-disabled=move || sending().to_string() on:click=submit>
                    {move || if can_retry() { i18n.text("btn-retry") } else { i18n.text("btn-submit") }}
                </button>
            </div>
            <PolicyDialog open=dialog_open terms=form.policy_terms.into() on_edit on_confirm/>
        </div>
    }
}
